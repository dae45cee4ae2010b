/**
 * The receiver's MQTT publisher: Sparkplug B 3.0 and/or UNS JSON from the tag store.
 *
 *   TagStoreView "update"/"backfill" ──snapshot rows──▶ pending ──flush (batch.flush)──┐
 *        "catalog"/"health" + tick ──▶ DBIRTH / DDEATH / NDATA                        │
 *                                                                                     ▼
 *     live? ── yes ──▶ Sparkplug DDATA (edge.ts) + UNS retained JSON (uns.ts) ──▶ Session (MQTT.js)
 *           └─ no ───▶ StoreForward (buffer.ts) ──after births, in order, historical──┘
 *
 * Reads the store only through TagStoreView and never touches the link: an MQTT message
 * can reach nothing but this file's handler, which answers a Sparkplug rebirth from the
 * store and a primary host's STATE; everything else is counted and ignored. The store's
 * event handlers only copy values into `pending` (no I/O), so a slow broker never slows
 * the link intake: beyond batch.maxPending, pending keeps the latest value per tag.
 */
import { resolve } from "node:path";
import type { ReceiverMqtt } from "../../config/receiver-mqtt.js";
import { parseDuration } from "../../core/duration.js";
import type { Logger } from "../../core/log.js";
import { parseSize } from "../../core/size.js";
import type { HistorySample, TagState, TagStoreView } from "../store-api.js";
import { StoreForward, type Row } from "./buffer.js";
import { SparkplugEdge, type Message } from "./edge.js";
import { DeviceLifecycle } from "./devices.js";
import { classify } from "./inbound.js";
import { Session } from "./session.js";
import { nodeTopic, stateTopic } from "./sparkplug.js";
import { Pending } from "./pending.js";
import type { MqttStats } from "./stats.js";
import { UnsTopics } from "./uns.js";

export type { MqttStats } from "./stats.js";

/**
 * Most publishes handed to MQTT.js and not yet written (QoS 0) or acknowledged (QoS 1/2).
 * Beyond it values wait in `pending`: MQTT.js slows to a crawl when handed tens of
 * thousands of publishes in one go (each waits on the socket's drain), so the pipeline
 * feeds it in slices and continues on its "drain".
 */
const HIGH_WATER = 1024;
/**
 * Sparkplug data is QoS 0 (as the specification requires), so what was written just
 * before a connection broke may never have reached the broker: values published live in
 * this last window are buffered again when the connection drops (at least once; hosts
 * see a duplicate timestamp at worst, never a gap).
 */
const RESEND_MS = 2000;
const TICK_MS = 250;

export interface PublisherOptions {
  baseDir: string;
  logger: Logger;
  now?: () => number;
}

export class MqttPublisher {
  private readonly session: Session;
  private readonly edge: SparkplugEdge | null;
  private readonly devices: DeviceLifecycle | null;
  private readonly uns: UnsTopics | null;
  private readonly buffer: StoreForward;
  private readonly log: Logger;
  private readonly now: () => number;
  private readonly pending: Pending;
  private recent: { at: number; rows: readonly Row[] }[] = [];
  private live = false;
  private flushQueued = false;
  private flushing = false;
  private starting = false;
  private hostOnline: boolean | null = null;
  private hostStamp = 0;
  private latencyMs: number | null = null;
  private readonly timers: NodeJS.Timeout[] = [];
  private readonly detach: () => void;
  private readonly counts = {
    messages: 0, values: 0, bytes: 0, lastPublish: null as number | null, replayed: 0,
    noDevice: 0, ignored: 0, rebirths: 0,
  };

  constructor(private readonly cfg: ReceiverMqtt, private readonly store: TagStoreView, opts: PublisherOptions) {
    this.log = opts.logger.child({ component: "mqtt" });
    this.now = opts.now ?? Date.now;
    const sp = cfg.sparkplug;
    this.edge = sp ? new SparkplugEdge(sp.group, sp.node, cfg.batch.maxMetrics) : null;
    this.devices = this.edge ? new DeviceLifecycle(this.edge, store, (m) => this.send(m, 0)) : null;
    this.uns = cfg.uns ? new UnsTopics(cfg.uns.topic, (path) => store.get(path)?.def.unit) : null;
    this.pending = new Pending(cfg.batch.maxPending);
    this.buffer = new StoreForward(cfg.buffer.path === undefined ? null : resolve(opts.baseDir, cfg.buffer.path), parseSize(cfg.buffer.maxBytes));
    const subs = sp ? [nodeTopic(sp.group, "NCMD", sp.node), ...(sp.primaryHost ? [stateTopic(sp.primaryHost)] : [])] : [];
    const edge = this.edge;
    this.session = new Session({
      url: cfg.url, protocolVersion: cfg.protocolVersion, clientId: cfg.clientId ?? (sp ? `sluice-${sp.node}` : `sluice-receiver-${process.pid}`),
      username: cfg.username, passwordFile: cfg.passwordFile, ca: cfg.ca, cert: cfg.cert, key: cfg.key,
      keepaliveMs: parseDuration(cfg.keepalive), reconnectMinMs: parseDuration(cfg.reconnect.min), reconnectMaxMs: parseDuration(cfg.reconnect.max),
      baseDir: opts.baseDir, subscriptions: subs, logger: this.log,
      ...(edge ? { will: () => edge.will(this.now()) } : {}),
    });
    this.session.on("online", () => this.onOnline());
    this.session.on("offline", () => this.onOffline());
    this.session.on("drain", () => this.flushSoon());
    this.session.on("message", (topic: string, payload: Buffer) => this.onMessage(topic, payload));

    const onUpdate = (states: TagState[]) => this.onUpdate(states);
    const onCatalog = (added: TagState[], removed: string[], changed: TagState[]) => {
      this.devices?.catalogChanged(added, removed, changed);
      this.uns?.forget(); // units may have changed
    };
    // Contract: "backfill" (batch: { tag, samples }[]) carries history merged from the link's carousel.
    const onBackfill = (batch: { tag: TagState; samples: HistorySample[] }[]) => this.onBackfill(batch);
    store.on("update", onUpdate).on("catalog", onCatalog).on("backfill", onBackfill);
    this.detach = () => { store.off("update", onUpdate).off("catalog", onCatalog).off("backfill", onBackfill); };
    const flush = setInterval(() => this.flush(), Math.max(1, parseDuration(cfg.batch.flush)));
    const tick = setInterval(() => this.tick(), TICK_MS);
    flush.unref();
    tick.unref();
    this.timers.push(flush, tick);
  }

  start(): this {
    this.log.info({ broker: this.session.where, sparkplug: this.cfg.sparkplug ?? null, uns: this.cfg.uns?.topic ?? null, buffered: this.buffer.values }, "mqtt: publishing");
    this.session.start();
    return this;
  }

  stats(): MqttStats {
    const c = this.counts;
    const sp = this.cfg.sparkplug;
    return {
      broker: this.session.where,
      connected: this.session.connected,
      live: this.live,
      connects: this.session.connects,
      lastError: this.session.lastError,
      published: { messages: c.messages, values: c.values, bytes: c.bytes },
      lastPublishTime: c.lastPublish,
      buffered: { values: this.buffer.values + (this.live ? 0 : this.pending.size), bytes: this.buffer.bytes },
      replayed: c.replayed,
      dropped: { buffer_full: this.buffer.dropped, coalesced: this.pending.coalesced, no_device: c.noDevice },
      commandsIgnored: c.ignored,
      rebirths: c.rebirths,
      sparkplug: sp && this.edge ? {
        group: sp.group, node: sp.node, bdSeq: this.edge.bdSeq, devices: this.edge.bornDevices().length,
        primaryHost: sp.primaryHost ?? null, primaryHostOnline: sp.primaryHost ? this.hostOnline === true : null,
      } : null,
      uns: this.cfg.uns ? { topic: this.cfg.uns.topic } : null,
    };
  }

  /** Flush what is pending (into the buffer when not live), then disconnect cleanly (NDEATH first). */
  async close(): Promise<void> {
    for (const t of this.timers) clearInterval(t);
    this.detach();
    this.flush();
    this.sendDeath();
    if (!this.live && this.pending.size > 0) this.buffer.append(this.pending.takeAll(), this.now());
    this.live = false;
    await this.session.close();
    this.buffer.close();
  }

  /** Crash-like stop (tests): the broker publishes the Will. */
  kill(): void {
    for (const t of this.timers) clearInterval(t);
    this.detach();
    this.session.destroy();
    this.buffer.close();
  }

  // ---- store side: copy, never block ----

  private onUpdate(states: TagState[]): void {
    const now = this.now();
    for (const s of states) {
      this.pending.push([s.def.path, s.def.type, s.value, s.status, s.sourceTime ?? now]);
      if (s.receiveTime !== null && s.sourceTime !== null) this.latencyMs = Math.max(0, s.receiveTime - s.sourceTime);
    }
    this.pending.bound();
    if (this.live && this.pending.size >= this.cfg.batch.maxMetrics) this.flush();
  }

  private onBackfill(batch: { tag: TagState; samples: HistorySample[] }[]): void {
    const rows: Row[] = [];
    for (const { tag, samples } of batch) for (const h of samples) rows.push([tag.def.path, tag.def.type, h.value, h.status, h.sourceTime]);
    if (rows.length === 0) return;
    // History is never a live value: straight out as historical, or into the buffer (replayed as historical).
    this.flush();
    if (this.live) this.publishRows(rows, true);
    else this.buffer.append(rows, this.now());
  }

  /**
   * Flush on the next turn: MQTT.js may call a publish back synchronously, and flushing from
   * inside a publish would overtake the rows still being sent.
   */
  private flushSoon(): void {
    if (!this.live || this.flushQueued) return;
    this.flushQueued = true;
    setImmediate(() => { this.flushQueued = false; this.flush(); });
  }

  private flush(): void {
    if (this.pending.size === 0 || this.flushing) return;
    this.flushing = true;
    try {
      this.flushNow();
    } finally {
      this.flushing = false;
    }
  }

  private flushNow(): void {
    if (!this.live) {
      this.buffer.append(this.pending.takeAll(), this.now());
      return;
    }
    const room = this.session.room(HIGH_WATER);
    if (room <= 0) return; // the session's "drain" calls again; Pending bounds itself meanwhile
    this.publishRows(this.pending.take(room * this.rowsPerMessage()), false);
    if (this.pending.size > 0) this.flushSoon(); // more waits and the socket took this: next turn, not next timer
  }

  /** Rows one MQTT message carries: one per UNS message, a DDATA batch for Sparkplug only. */
  private rowsPerMessage(): number {
    return this.uns ? 1 : this.cfg.batch.maxMetrics;
  }

  // ---- broker side ----

  private publishRows(rows: readonly Row[], historical: boolean): void {
    const now = this.now();
    if (!historical && this.edge) {
      this.recent.push({ at: now, rows });
      while (this.recent.length > 0 && this.recent[0]!.at < now - RESEND_MS) this.recent.shift();
    }
    if (this.edge) {
      const { messages, unborn } = this.edge.data(rows, historical, now);
      if (historical) this.counts.noDevice += unborn;
      for (const m of messages) this.send(m, 0);
    }
    if (this.uns) this.publishUns(rows, historical);
  }

  /** One message per row, corked into a few socket writes; retained unless historical. */
  private publishUns(rows: readonly Row[], historical: boolean): void {
    const uns = this.uns!;
    const qos = this.cfg.qos;
    this.session.corked(() => {
      for (const [path, type, value, status, sourceTime] of rows) {
        this.send({ topic: uns.topic(path), payload: uns.payload(path, type, value, status, sourceTime, historical), values: 1 }, qos, !historical);
      }
    });
  }

  /** A Sparkplug message, or a UNS one (JSON text). */
  private send(m: Message | (Omit<Message, "payload"> & { payload: string }), qos: 0 | 1 | 2, retain = false): void {
    if (!this.session.publish(m.topic, m.payload, qos, retain)) return;
    const c = this.counts;
    c.messages++;
    c.values += m.values;
    c.bytes += typeof m.payload === "string" ? Buffer.byteLength(m.payload) : m.payload.length;
    c.lastPublish = this.now();
  }

  /** NDEATH by hand (a deliberate disconnect sends no Will), while births are out. */
  private sendDeath(): void {
    const sp = this.cfg.sparkplug;
    if (this.live && this.edge && sp) this.send({ topic: nodeTopic(sp.group, "NDEATH", sp.node), payload: this.edge.death(this.now()), values: 0 }, 1);
  }

  private onOnline(): void {
    if (this.cfg.sparkplug?.primaryHost && this.hostOnline !== true) {
      this.log.info({ host: this.cfg.sparkplug.primaryHost }, "mqtt: waiting for the primary host to be online; buffering");
      return;
    }
    void this.begin();
  }

  private onOffline(): void {
    if (this.live) this.log.warn({ broker: this.session.where }, "mqtt: connection lost; buffering values until it returns");
    if (this.live) for (const r of this.recent) this.buffer.append([...r.rows], r.at);
    this.recent = [];
    this.live = false;
    this.edge?.reset();
    if (this.hostOnline === true) this.hostOnline = null; // wait for the host's STATE again after reconnecting
  }

  /** Births from the store's state, then the buffer in order (historical), then live. */
  private async begin(): Promise<void> {
    if (this.starting || this.live || !this.session.connected) return;
    this.starting = true;
    try {
      this.flush(); // not live yet: what is pending goes behind what is buffered
      this.births();
      let replayed = 0;
      for (;;) {
        replayed += await this.replay();
        if (!this.session.connected) return;
        this.flush(); // values that arrived during the replay, still in order
        if (this.buffer.empty) break;
      }
      if (this.uns) {
        // The current value of every tag, retained, after the history (a broker may have lost its retained store).
        const rows: Row[] = [];
        for (const s of this.store.all()) if (s.sourceTime !== null) rows.push([s.def.path, s.def.type, s.value, s.status, s.sourceTime]);
        this.publishUns(rows, false);
      }
      this.live = true;
      if (replayed > 0) this.log.info({ values: replayed }, "mqtt: buffered values replayed");
    } finally {
      this.starting = false;
    }
  }

  private async replay(): Promise<number> {
    let n = 0;
    while (this.session.connected && !this.buffer.empty) {
      const batches = await this.buffer.shift();
      if (!batches) break;
      for (const b of batches) {
        await this.drained();
        if (!this.session.connected) {
          this.buffer.append(b.rows, b.at); // keep it (at the end: order within the rest of the replay is lost only on a second outage)
          continue;
        }
        const step = Math.max(1, Math.floor(HIGH_WATER / 2) * this.rowsPerMessage());
        for (let i = 0; i < b.rows.length; i += step) {
          if (i > 0) await this.drained();
          this.publishRows(b.rows.length <= step ? b.rows : b.rows.slice(i, i + step), true);
        }
        n += b.rows.length;
        this.counts.replayed += b.rows.length;
      }
    }
    return n;
  }

  private drained(): Promise<void> {
    if (this.session.room(HIGH_WATER) > HIGH_WATER / 2) return Promise.resolve();
    return new Promise((r) => {
      const done = () => { this.session.off("drain", done).off("offline", done); r(); };
      this.session.on("drain", done).on("offline", done);
    });
  }

  private births(): void {
    this.devices?.births(this.latencyMs, this.now());
  }

  private tick(): void {
    if (!this.live || !this.devices) return;
    this.flush();
    this.devices.tick(this.latencyMs, this.now());
  }

  // ---- inbound: rebirth and STATE only ----

  private onMessage(topic: string, payload: Buffer): void {
    const m = classify(topic, payload, this.cfg.sparkplug);
    if (m.kind === "state") return this.onState(m.online, m.timestamp);
    if (m.ignored > 0) {
      this.counts.ignored += m.ignored;
      this.log.warn({ topic, messages: m.ignored }, "mqtt: inbound message ignored (sluice never writes toward the plant)");
    }
    if (m.kind === "rebirth" && this.live) {
      this.counts.rebirths++;
      this.log.info("mqtt: rebirth requested; NBIRTH and DBIRTHs sent again from the store");
      this.flush();
      this.births();
    }
  }

  /** Sparkplug 3.0 STATE: {"online": bool, "timestamp": ms}; older timestamps are ignored. */
  private onState(online: boolean, timestamp: number): void {
    if (timestamp < this.hostStamp) return;
    this.hostStamp = timestamp;
    const was = this.hostOnline;
    this.hostOnline = online;
    if (online && was !== true) {
      this.log.info({ host: this.cfg.sparkplug!.primaryHost }, "mqtt: primary host online");
      void this.begin();
    } else if (!online && was === true) {
      this.log.warn({ host: this.cfg.sparkplug!.primaryHost }, "mqtt: primary host offline: NDEATH, reconnect, buffer until it is back");
      this.flush();
      this.sendDeath();
      this.live = false;
      this.edge?.reset();
      this.session.restart();
    }
  }
}

