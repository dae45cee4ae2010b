/**
 * One MQTT connection to the broker (MQTT.js), kept up with capped exponential backoff.
 *
 *   connect(will()) ──CONNACK──▶ subscribe(own topics) ──▶ "online"
 *        ▲                                                    │ close / error
 *        └──── delay = min(max, min·2^n) (+ up to 20 % jitter) ◀──"offline"
 *
 * The Will is asked for again before every attempt (Sparkplug bumps bdSeq per
 * connection). The password is read from its file here and handed to MQTT.js only;
 * it is never logged (log lines carry the URL without credentials). Publishing while
 * offline is the caller's business: publish() refuses rather than letting MQTT.js queue.
 */
import { EventEmitter } from "node:events";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import mqtt, { type IClientOptions, type MqttClient } from "mqtt";
import { errorMessage } from "../../core/errors.js";
import type { Logger } from "../../core/log.js";

export interface Will {
  topic: string;
  payload: Buffer;
  qos: 0 | 1 | 2;
  retain: boolean;
}

export interface SessionOptions {
  url: string;
  protocolVersion: 4 | 5;
  clientId: string;
  username?: string | undefined;
  passwordFile?: string | undefined;
  ca?: string | undefined;
  cert?: string | undefined;
  key?: string | undefined;
  keepaliveMs: number;
  reconnectMinMs: number;
  reconnectMaxMs: number;
  /** resolved against it: passwordFile, ca, cert, key */
  baseDir: string;
  will?: () => Will;
  subscriptions: string[];
  logger: Logger;
}

/** What a TLS or connection error means for the operator. */
export function explain(e: unknown): string {
  const msg = errorMessage(e);
  const code = (e as { code?: string } | null)?.code ?? "";
  if (/SELF_SIGNED|UNABLE_TO_VERIFY|UNABLE_TO_GET_ISSUER|CERT_UNTRUSTED|self.signed|unable to verify/i.test(`${code} ${msg}`)) {
    return `TLS: the broker's certificate is not signed by mqtt.ca (${msg})`;
  }
  if (/ERR_TLS_CERT_ALTNAME_INVALID|altnames/i.test(`${code} ${msg}`)) return `TLS: the broker's certificate does not name the host in mqtt.url (${msg})`;
  if (/Not authorized|Bad username or password|bad user name/i.test(msg)) return `the broker refused the credentials (${msg})`;
  return msg;
}

/** "drain" when unacknowledged publishes fall to this (a quarter of the publisher's window) or to 0. */
const DRAIN_AT = 256;
/** Bytes waiting in the socket beyond which room() is 0 until the socket drains. */
const WRITE_BUDGET = 512 * 1024;

export class Session extends EventEmitter {
  private client: MqttClient | null = null;
  private attempt = 0;
  private timer: NodeJS.Timeout | null = null;
  private closing = false;
  private online = false;
  private lastLogged = "";
  connects = 0;
  lastError: string | null = null;
  /** publishes handed to MQTT.js whose callback has not fired yet */
  inflight = 0;
  private readonly log: Logger;
  private readonly base: IClientOptions;

  constructor(private readonly opts: SessionOptions) {
    super();
    this.log = opts.logger;
    const file = (p: string) => readFileSync(resolve(opts.baseDir, p));
    this.base = {
      protocolVersion: opts.protocolVersion,
      clientId: opts.clientId,
      clean: true,
      keepalive: Math.max(1, Math.round(opts.keepaliveMs / 1000)),
      reconnectPeriod: 0, // our own backoff below
      connectTimeout: 10_000,
      queueQoSZero: false,
      resubscribe: false,
      ...(opts.protocolVersion === 5 ? { properties: { sessionExpiryInterval: 0 } } : {}),
      ...(opts.username !== undefined ? { username: opts.username } : {}),
      ...(opts.passwordFile !== undefined ? { password: file(opts.passwordFile).toString("utf8").split(/\r?\n/)[0] ?? "" } : {}),
      ...(opts.ca !== undefined ? { ca: file(opts.ca) } : {}),
      ...(opts.cert !== undefined ? { cert: file(opts.cert) } : {}),
      ...(opts.key !== undefined ? { key: file(opts.key) } : {}),
      rejectUnauthorized: true,
    };
  }

  get connected(): boolean {
    return this.online;
  }

  /** The broker URL without credentials, for logs and the API. */
  get where(): string {
    return this.opts.url.replace(/\/\/[^@/]*@/, "//");
  }

  start(): void {
    const will = this.opts.will?.();
    const client = mqtt.connect(this.opts.url, { ...this.base, ...(will ? { will } : {}) });
    this.client = client;
    client.on("connect", () => this.onConnect(client));
    client.on("close", () => this.onClose());
    client.on("error", (e) => this.note(e));
    client.on("message", (topic, payload) => this.emit("message", topic, payload));
  }

  /**
   * Hand one publish to MQTT.js. QoS 0 takes no callback: MQTT.js would park one "drain"
   * listener per publish on a full socket (quadratic removal); room() watches the socket's
   * bytes instead. QoS 1/2 count until the broker's acknowledgement.
   */
  publish(topic: string, payload: Buffer | string, qos: 0 | 1 | 2, retain: boolean): boolean {
    const c = this.client;
    if (!c || !this.online) return false;
    if (qos === 0) {
      c.publish(topic, payload, { qos, retain });
      return true;
    }
    this.inflight++;
    c.publish(topic, payload, { qos, retain }, (err) => {
      this.inflight--;
      if (err) this.note(err);
      if (this.inflight === 0 || this.inflight === DRAIN_AT) this.emit("drain");
    });
    return true;
  }

  /**
   * How many more publishes to hand over now: at most `max` unacknowledged (QoS 1/2), and
   * none while WRITE_BUDGET bytes still wait in the socket (its "drain" wakes the caller).
   */
  room(max: number): number {
    const s = this.client?.stream;
    if (!this.online || !s || s.writableLength >= WRITE_BUDGET) return 0;
    return Math.max(0, max - this.inflight);
  }

  /**
   * Run `fn` (many publishes) with the socket corked: its packets leave in a few large
   * writes on the next tick instead of one write per packet.
   */
  corked(fn: () => void): void {
    const s = this.client?.stream;
    if (!s) return fn();
    s.cork();
    try {
      fn();
    } finally {
      process.nextTick(() => s.uncork());
    }
  }

  /** Drop the connection (without the Will) and connect again: a new Will, a new session. */
  restart(): void {
    if (this.closing || !this.client) return;
    const old = this.client;
    this.setOffline();
    old.removeAllListeners("close");
    old.end(false, () => {
      if (!this.closing) this.start();
    });
  }

  async close(): Promise<void> {
    this.closing = true;
    if (this.timer) clearTimeout(this.timer);
    const c = this.client;
    this.setOffline();
    if (!c) return;
    await new Promise<void>((r) => c.end(false, () => r()));
  }

  /** Break the connection abruptly, as a crash would (tests: the broker sends the Will). */
  destroy(): void {
    this.closing = true;
    if (this.timer) clearTimeout(this.timer);
    this.setOffline();
    this.client?.end(true);
  }

  private onConnect(client: MqttClient): void {
    this.attempt = 0;
    // A new socket per connection: its "drain" (bytes written out) wakes a publisher that room() held back.
    client.stream.on("drain", () => { if (client === this.client) this.emit("drain"); });
    this.connects++;
    const subs = this.opts.subscriptions;
    const ready = () => {
      if (client !== this.client || this.closing) return;
      this.online = true;
      if (this.lastLogged !== "online") this.log.info({ broker: this.where }, "mqtt: connected");
      this.lastLogged = "online";
      this.emit("online");
    };
    if (subs.length === 0) {
      ready();
      return;
    }
    client.subscribe(subs, { qos: 1 }, (err) => {
      if (err) {
        this.note(err);
        client.end(true);
        return;
      }
      ready();
    });
  }

  private setOffline(): void {
    if (!this.online) return;
    this.online = false;
    this.emit("offline");
  }

  private onClose(): void {
    this.setOffline();
    if (this.closing) return;
    const { reconnectMinMs: min, reconnectMaxMs: max } = this.opts;
    const delay = Math.min(max, min * 2 ** Math.min(this.attempt, 20));
    this.attempt++;
    const wait = Math.round(delay * (1 + Math.random() * 0.2));
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      const c = this.client;
      if (!c || this.closing) return;
      const will = this.opts.will?.();
      if (will) c.options.will = will;
      c.reconnect();
    }, wait);
    this.timer.unref();
  }

  private note(e: unknown): void {
    const why = explain(e);
    this.lastError = why;
    // One line per distinct cause, not one per retry.
    if (why !== this.lastLogged) this.log.warn({ broker: this.where, err: why }, "mqtt: broker unavailable; retrying with backoff");
    this.lastLogged = why;
  }
}
