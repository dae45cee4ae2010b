/**
 * The receive pipeline, without the socket (intake.ts owns that), so tests
 * and the fuzzer can drive it directly. One call per datagram; never throws.
 *
 *   datagram ─▶ parse header ─▶ session gate ─▶ replay check ─▶ open (auth)
 *      │ oversize/version/malformed   │ session      │ replay       │ auth
 *      ▼                              ▼              ▼              ▼
 *   rejected, counted by reason; nothing below this line runs for them
 *   ─────────────────────────────────────────────────────────────────────
 *   (a refused session is logged only if its datagram authenticates, at most
 *   once per 10 s: nothing unauthenticated changes state or writes a log line)
 *   authenticated ─▶ adopt new session? ─▶ mark replay window
 *      ├─ data   ─▶ FEC group ─┐
 *      │         └─────────────┴▶ reassembly ─▶ dedup/gap count ─▶ frame
 *      └─ repair ─▶ FEC group ──▶ rebuilt fragments ─┘
 */
import type { Logger } from "../../core/log.js";
import type { FrameMeta } from "../../core/model.js";
import { Opener } from "./auth.js";
import { MAX_FRAGMENTS, parseHeader, sessionBigint, type AuthAlg, type Header } from "./envelope.js";
import { GroupDecoder, type GroupResult } from "./fec/decoder.js";
import type { Fragment } from "./fec/symbol.js";
import { FrameTracker } from "./frame-tracker.js";
import { Reassembly, type ReassemblyLimits } from "./reassembly.js";
import { ReplayWindow } from "./replay.js";
import { SessionGate, sessionOf, type SessionId } from "./session.js";
import { formatKeyId, type LinkKey } from "../keys.js";

export const REJECT_REASONS = ["auth", "replay", "malformed", "version", "oversize", "session"] as const;
export type RejectReason = (typeof REJECT_REASONS)[number];

export interface ReceiveOptions {
  keys: LinkKey[];
  auth: AuthAlg;
  /** largest datagram accepted (bytes of UDP payload) */
  mtu: number;
  reassembly: ReassemblyLimits;
  /** FEC groups open at once */
  fecGroups: number;
  /** how far (ms) a session's start time may be ahead of the receiver's clock; default 5 min */
  sessionSkewMs?: number;
  /** the receiver's wall clock for session start times (ms since epoch); default Date.now */
  clock?: () => number;
}

export const SESSION_SKEW_MS = 5 * 60_000;

export interface ReceiveSink {
  frame(payload: Uint8Array, meta: FrameMeta): void;
  session(id: bigint): void;
  reject(reason: RejectReason): void;
}

interface Session extends SessionId {
  replay: ReplayWindow;
  fec: GroupDecoder;
  reasm: Reassembly;
  frames: FrameTracker;
}

export class LinkReceiver {
  private readonly opener: Opener;
  private readonly gate = new SessionGate<Session>();
  datagramsReceived = 0;
  framesReceived = 0;
  framesRecovered = 0;
  private lostBefore = 0;
  sessions = 0;
  lastDatagramTime: number | null = null;
  private lastRefusedWarn = -Infinity;
  private readonly skewMs: number;
  private readonly clock: () => number;

  constructor(private readonly opts: ReceiveOptions, private readonly sink: ReceiveSink, private readonly log: Logger) {
    this.opener = new Opener(opts.auth, opts.keys);
    this.skewMs = opts.sessionSkewMs ?? SESSION_SKEW_MS;
    this.clock = opts.clock ?? Date.now;
  }

  /** Keys accepted from now on; the current session is dropped when its key is no longer among them. */
  setKeys(keys: LinkKey[]): void {
    this.opener.setKeys(keys);
    const c = this.gate.current;
    if (c && !keys.some((k) => k.id === c.keyId)) {
      this.gate.drop();
      c.frames.finish();
      this.lostBefore += c.frames.lost;
      this.log.warn({ session: c.id.toString(16), keyId: formatKeyId(c.keyId) },
        "link: the reader session authenticated by a removed key is dropped; the next authenticated session is adopted");
    }
  }

  get sessionId(): bigint | null {
    return this.gate.current?.id ?? null;
  }

  get framesLost(): number {
    return this.lostBefore + (this.gate.current?.frames.lost ?? 0);
  }

  /** The current session and its highest sequence, for a restarted pipeline to resume (resume()). */
  resumeState(): { hi: number; lo: number; keyId: number; top: number } | null {
    const c = this.gate.current;
    return c ? { hi: c.hi, lo: c.lo, keyId: c.keyId, top: c.replay.highest } : null;
  }

  /**
   * Take over a session a previous pipeline held (the intake worker restarted):
   * no "session" event, and every sequence up to `top` counts as seen, so
   * nothing the old pipeline accepted can be replayed into this one.
   */
  resume(r: { hi: number; lo: number; keyId: number; top: number }): void {
    const s = this.newSession({ hi: r.hi, lo: r.lo, id: sessionBigint(r.hi, r.lo), keyId: r.keyId });
    for (let q = Math.max(0, r.top - s.replay.size + 1); q <= r.top; q++) s.replay.mark(q);
    this.gate.adopt(s);
  }

  /** Memory held for the current session (for tests and diagnostics). */
  inFlight(): { frames: number; bytes: number; groups: number } {
    const s = this.gate.current;
    return { frames: s?.reasm.inFlight ?? 0, bytes: s?.reasm.bytes ?? 0, groups: s?.fec.open ?? 0 };
  }

  handle(datagram: Buffer, now: number): void {
    this.datagramsReceived++;
    try {
      const reason = this.process(datagram, now);
      if (reason) this.sink.reject(reason);
    } catch (e) {
      // A bug must not become a crash or a silent acceptance: count it and go on.
      this.log.error({ err: e }, "link: unexpected error while handling a datagram");
      this.sink.reject("malformed");
    }
  }

  /** Expire partial frames, FEC groups and frame gaps (call every ~100 ms). */
  sweep(now: number): void {
    const s = this.gate.current;
    if (!s) return;
    s.reasm.sweep(now);
    s.fec.sweep(now);
    s.frames.settle(now);
  }

  private process(datagram: Buffer, now: number): RejectReason | null {
    const h = parseHeader(datagram, this.opts.mtu);
    if (typeof h === "string") return h;
    const latest = Math.floor((this.clock() + this.skewMs) / 1000);
    const verdict = this.gate.classify(h, latest);
    if (verdict === "session") {
      this.warnRefused(datagram, h, latest, now);
      return "session";
    }
    if (verdict === "current" && !this.gate.current!.replay.check(h.seq)) return "replay";
    const body = this.opener.open(datagram, h);
    if (!body) return "auth";
    // ---- authenticated from here on ----
    if (verdict === "new") this.adopt(h);
    const s = this.gate.current!;
    s.keyId = h.keyId;
    s.replay.mark(h.seq);
    this.lastDatagramTime = now;
    if (h.repair) return this.deliverAll(s, h, s.fec.addRepair(h, body, now), now);
    const frag: Fragment = { frameId: h.frameId, fragIndex: h.fragIndex, fragCount: h.fragCount, bytes: body };
    s.frames.observe(h.frameId, now);
    const own = this.deliver(s, h, frag, false, now);
    const more = this.deliverAll(s, h, s.fec.addData(h, frag, now), now);
    return own ?? more;
  }

  private deliverAll(s: Session, h: Header, r: GroupResult, now: number): RejectReason | null {
    if (r === "malformed") return "malformed";
    let reason: RejectReason | null = null;
    for (const f of r) reason = this.deliver(s, h, f, true, now) ?? reason;
    return reason;
  }

  private deliver(s: Session, h: Header, f: Fragment, recovered: boolean, now: number): RejectReason | null {
    if (s.frames.seen(f.frameId)) return null;
    const r = s.reasm.add(f, recovered, now);
    if (r === "malformed") return "malformed";
    if (r === "pending" || !s.frames.accept(f.frameId, now)) return null;
    this.framesReceived++;
    if (r.recovered) this.framesRecovered++;
    const meta: FrameMeta = { sessionId: s.id, seq: BigInt(f.frameId), keyId: h.keyId, receivedAt: now };
    try {
      this.sink.frame(r.frame, meta);
    } catch (e) {
      this.log.error({ err: e }, "link: a frame listener threw");
    }
    return null;
  }

  private newSession(id: SessionId): Session {
    const { opts } = this;
    return {
      ...id,
      replay: new ReplayWindow(),
      fec: new GroupDecoder(opts.fecGroups, opts.reassembly.timeoutMs, MAX_FRAGMENTS),
      reasm: new Reassembly(opts.reassembly),
      frames: new FrameTracker(opts.reassembly.timeoutMs),
    };
  }

  private adopt(h: Header): void {
    const s = this.newSession(sessionOf(h));
    const old = this.gate.adopt(s);
    if (old) {
      old.frames.finish();
      this.lostBefore += old.frames.lost;
    }
    this.sessions++;
    this.log.info({ session: s.id.toString(16), started: new Date(h.sessionHi * 1000).toISOString() }, "link: new reader session");
    try {
      this.sink.session(s.id);
    } catch (e) {
      this.log.error({ err: e }, "link: a session listener threw");
    }
  }

  /**
   * Tell the operator about a refused session that looks like a clock problem:
   * only when the datagram authenticates (a forgery writes no log line and
   * changes nothing) and at most once in 10 s (so this costs one trial
   * decryption per 10 s at most).
   */
  private warnRefused(datagram: Buffer, h: Header, latest: number, now: number): void {
    if (now - this.lastRefusedWarn < 10_000) return;
    const c = this.gate.current;
    const future = h.sessionHi > latest;
    if (!future && !(c && h.sessionHi < c.hi)) return; // a retired session: a replay, nothing to tell
    if (!this.opener.open(datagram, h, false)) return;
    this.lastRefusedWarn = now;
    const rejected = new Date(h.sessionHi * 1000).toISOString();
    if (future) {
      this.log.warn({ rejected, latest: new Date(latest * 1000).toISOString() },
        "link: datagrams of a session starting after the receiver's clock plus link.sessionSkew rejected (the reader's clock is ahead: fix the clocks; the reader is accepted once it restarts with a correct clock)");
    } else {
      this.log.warn({ rejected, current: new Date(c!.hi * 1000).toISOString() },
        "link: datagrams of an older session rejected (a replay, or a reader whose clock went back; restart the receiver if the latter)");
    }
  }
}
