/**
 * The sending end of the link (reader side). Frames in, paced authenticated
 * datagrams out; nothing is ever read from the socket (the reader listens on
 * nothing: the socket is connect()ed, so the kernel drops anything not from
 * the receiver's address, and no 'message' handler exists).
 *
 *   send(frame) ─▶ bounded queue ─▶ Outbox (fragment, FEC, seal) ─▶ token bucket ─▶ UDP
 *                                      └── FEC group timer closes slow groups
 */
import { randomBytes } from "node:crypto";
import dgram from "node:dgram";
import { lookup } from "node:dns/promises";
import { performance } from "node:perf_hooks";
import { SluiceError, errorMessage } from "../../core/errors.js";
import { silentLogger, type Logger } from "../../core/log.js";
import type { LinkKey } from "../keys.js";
import { IP_UDP_OVERHEAD, sessionBigint } from "./envelope.js";
import { maxFrameBytes } from "./fragment.js";
import { SENDER_DEFAULTS, type TransportSenderOptions } from "./options.js";
import { Outbox } from "./outbox.js";
import { TokenBucket } from "./pacer.js";

export { senderOptionsFrom, type TransportSenderOptions } from "./options.js";

const BATCH = 32; // datagrams per event-loop turn (libuv reads 32 per turn: keeps a same-process receiver level)

export class TransportSender {
  readonly sessionId: bigint;
  readonly maxPayload: number;
  private readonly out: Outbox;
  private readonly bucket: TokenBucket;
  private readonly queueLimit: number;
  private inflight = 0;
  private pumpTimer: NodeJS.Timeout | null = null;
  private pumpQueued = false;
  private groupTimer: NodeJS.Timeout | null = null;
  private closing: Promise<void> | null = null;
  private stopped = false;
  private drained: (() => void) | null = null;
  private lastErrorLog = 0;
  private readonly counters = { datagramsSent: 0, bytesSent: 0, framesDropped: 0, sendErrors: 0 };

  private constructor(private readonly socket: dgram.Socket, private readonly opts: TransportSenderOptions, private readonly log: Logger) {
    const mtu = opts.mtu ?? SENDER_DEFAULTS.mtu;
    const group = opts.fec?.group ?? SENDER_DEFAULTS.group;
    const repair = opts.fec?.repair ?? SENDER_DEFAULTS.repair;
    if (!(mtu >= 576 && mtu <= 65507)) throw new SluiceError("SLUICE_ERR_CONFIG", `link mtu ${mtu} out of range (576..65507)`);
    if (!(group >= 1 && group <= 128 && repair >= 0 && repair <= 1)) throw new SluiceError("SLUICE_ERR_CONFIG", "link fec: group 1..128, repair 0..1");
    // Start time in the high half orders sessions at the receiver (see session.ts); the low half is random.
    const hi = Math.floor(Date.now() / 1000) >>> 0;
    const lo = randomBytes(4).readUInt32BE(0);
    this.sessionId = sessionBigint(hi, lo);
    this.out = new Outbox({
      key: opts.key, auth: opts.auth ?? SENDER_DEFAULTS.auth, mtu, group, repair, hi, lo,
      onGroupOpen: () => this.armGroupTimer(),
    });
    this.maxPayload = this.out.maxPayload;
    this.queueLimit = opts.queueBytes ?? SENDER_DEFAULTS.queueBytes;
    this.bucket = new TokenBucket(opts.rate ?? SENDER_DEFAULTS.rate, 5, 2 * (mtu + IP_UDP_OVERHEAD), performance.now());
  }

  static async open(opts: TransportSenderOptions, logger: Logger = silentLogger): Promise<TransportSender> {
    let address: string;
    let family: number;
    try {
      ({ address, family } = await lookup(opts.host));
    } catch (e) {
      throw new SluiceError("SLUICE_ERR_LINK", `cannot resolve link address ${opts.host}: ${errorMessage(e)}`);
    }
    const socket = dgram.createSocket({ type: family === 6 ? "udp6" : "udp4", sendBufferSize: 1 << 20 });
    await new Promise<void>((res, rej) => {
      socket.once("error", rej);
      socket.connect(opts.port, address, () => { socket.off("error", rej); res(); });
    }).catch((e: unknown) => {
      socket.close();
      throw new SluiceError("SLUICE_ERR_LINK", `cannot open link socket to ${opts.host}:${opts.port}: ${errorMessage(e)}`);
    });
    socket.on("error", (e) => logger.warn({ err: errorMessage(e) }, "link: socket error"));
    let s: TransportSender;
    try {
      s = new TransportSender(socket, opts, logger);
    } catch (e) {
      socket.close();
      throw e;
    }
    logger.info({ to: `${opts.host}:${opts.port}`, session: s.sessionId.toString(16), keyId: opts.key.id, maxPayload: s.maxPayload }, "link: sender open");
    return s;
  }

  /**
   * Queue one frame (copied). false, and counted in framesDropped, when the
   * queue is full or the sender is closing. Throws SLUICE_ERR_LINK for an
   * empty frame or one larger than maxPayload * 4096 (a caller bug).
   */
  send(frame: Uint8Array): boolean {
    const max = maxFrameBytes(this.maxPayload);
    if (frame.length === 0 || frame.length > max) {
      throw new SluiceError("SLUICE_ERR_LINK", `frame of ${frame.length} bytes cannot be sent (1..${max})`);
    }
    if (this.closing || this.out.queuedBytes + frame.length > this.queueLimit) {
      this.counters.framesDropped++;
      return false;
    }
    this.out.push(Uint8Array.prototype.slice.call(frame));
    this.schedule();
    return true;
  }

  /** Datagrams from now on are sealed with this key (rollover). */
  setKey(key: LinkKey): void {
    this.out.setKey(key);
    this.log.info({ keyId: key.id }, "link: sender key changed");
  }

  stats(): { datagramsSent: number; bytesSent: number; framesSent: number; framesDropped: number; queueBytes: number; sendErrors: number } {
    return { ...this.counters, framesSent: this.out.framesSent, queueBytes: this.out.queuedBytes };
  }

  /** Flush what is queued (bounded wait), then close. Idempotent. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        new Promise<void>((res) => { this.drained = res; this.schedule(); }),
        new Promise<void>((res) => { timer = setTimeout(res, this.opts.closeTimeoutMs ?? SENDER_DEFAULTS.closeTimeoutMs); }),
      ]);
      clearTimeout(timer);
      this.stopped = true;
      this.drained = null;
      if (this.pumpTimer) clearTimeout(this.pumpTimer);
      if (this.groupTimer) clearTimeout(this.groupTimer);
      for (let i = 0; this.inflight > 0 && i < 100; i++) await new Promise((r) => setTimeout(r, 5));
      await new Promise<void>((res) => this.socket.close(() => res()));
    })();
    return this.closing;
  }

  private schedule(): void {
    if (this.pumpQueued || this.pumpTimer || this.stopped) return;
    this.pumpQueued = true;
    setImmediate(this.pump);
  }

  private readonly pump = (): void => {
    this.pumpQueued = false;
    if (this.stopped) return;
    const now = performance.now();
    for (let n = 0; n < BATCH; n++) {
      const size = this.out.nextSize();
      if (size === 0) return this.idle();
      if (!this.bucket.take(size + IP_UDP_OVERHEAD, now)) {
        const wait = Math.max(1, Math.ceil(this.bucket.msUntil(size + IP_UDP_OVERHEAD, now)));
        this.pumpTimer = setTimeout(() => { this.pumpTimer = null; this.pump(); }, wait);
        return;
      }
      const parts = this.out.take();
      if (!parts) {
        this.log.error("link: sequence exhausted; restart the reader for a new session");
        this.stopped = true;
        return;
      }
      this.inflight++;
      this.socket.send(parts, this.onSent);
      this.counters.datagramsSent++;
      this.counters.bytesSent += size;
    }
    this.schedule();
  };

  /** Nothing left to send: when closing, close the open group and finish. */
  private idle(): void {
    if (!this.drained) return;
    if (this.out.groupOpen) {
      this.closeGroup();
      return;
    }
    const done = this.drained;
    this.drained = null;
    done();
  }

  private readonly onSent = (err: Error | null): void => {
    this.inflight--;
    if (!err) return;
    this.counters.sendErrors++;
    const now = Date.now();
    if (now - this.lastErrorLog > 10_000) {
      this.lastErrorLog = now;
      this.log.warn({ err: errorMessage(err), errors: this.counters.sendErrors }, "link: datagram send failed");
    }
  };

  private armGroupTimer(): void {
    if (this.groupTimer) clearTimeout(this.groupTimer);
    this.groupTimer = setTimeout(() => {
      this.groupTimer = null;
      if (!this.stopped) this.closeGroup();
    }, this.opts.fec?.timeoutMs ?? SENDER_DEFAULTS.fecTimeoutMs);
  }

  private closeGroup(): void {
    if (this.groupTimer) clearTimeout(this.groupTimer);
    this.groupTimer = null;
    this.out.closeGroup();
    this.schedule();
  }
}
