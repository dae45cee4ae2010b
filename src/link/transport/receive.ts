/**
 * The receive pipeline, without the socket (intake.ts owns that), so tests
 * and the fuzzer can drive it directly. One call per datagram; never throws.
 *
 *   datagram ─▶ parse header ─▶ session gate ─▶ replay check ─▶ open (auth)
 *      │ oversize/version/malformed   │ session      │ replay       │ auth
 *      ▼                              ▼              ▼              ▼
 *   rejected, counted by reason; nothing below this line runs for them
 *   ─────────────────────────────────────────────────────────────────────
 *   authenticated ─▶ adopt new session? ─▶ mark replay window
 *      ├─ data   ─▶ FEC group ─┐
 *      │         └─────────────┴▶ reassembly ─▶ dedup/gap count ─▶ frame
 *      └─ repair ─▶ FEC group ──▶ rebuilt fragments ─┘
 */
import type { Logger } from "../../core/log.js";
import type { FrameMeta } from "../../core/model.js";
import { Opener } from "./auth.js";
import { MAX_FRAGMENTS, parseHeader, type AuthAlg, type Header } from "./envelope.js";
import { GroupDecoder, type GroupResult } from "./fec/decoder.js";
import type { Fragment } from "./fec/symbol.js";
import { FrameTracker } from "./frame-tracker.js";
import { Reassembly, type ReassemblyLimits } from "./reassembly.js";
import { ReplayWindow } from "./replay.js";
import { SessionGate, sessionOf, type SessionId } from "./session.js";
import type { LinkKey } from "../keys.js";

export const REJECT_REASONS = ["auth", "replay", "malformed", "version", "oversize", "session", "policy"] as const;
export type RejectReason = (typeof REJECT_REASONS)[number];

export interface ReceiveOptions {
  keys: LinkKey[];
  auth: AuthAlg;
  /** largest datagram accepted (bytes of UDP payload) */
  mtu: number;
  reassembly: ReassemblyLimits;
  /** FEC groups open at once */
  fecGroups: number;
}

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
  private lastOldWarn = 0;

  constructor(private readonly opts: ReceiveOptions, private readonly sink: ReceiveSink, private readonly log: Logger) {
    this.opener = new Opener(opts.auth, opts.keys);
  }

  setKeys(keys: LinkKey[]): void {
    this.opener.setKeys(keys);
  }

  get sessionId(): bigint | null {
    return this.gate.current?.id ?? null;
  }

  get framesLost(): number {
    return this.lostBefore + (this.gate.current?.frames.lost ?? 0);
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
    const verdict = this.gate.classify(h);
    if (verdict === "session") {
      this.warnOld(h, now);
      return "session";
    }
    if (verdict === "current" && !this.gate.current!.replay.check(h.seq)) return "replay";
    const body = this.opener.open(datagram, h);
    if (!body) return "auth";
    // ---- authenticated from here on ----
    if (verdict === "new") this.adopt(h);
    const s = this.gate.current!;
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

  private adopt(h: Header): void {
    const { opts } = this;
    const s: Session = {
      ...sessionOf(h),
      replay: new ReplayWindow(),
      fec: new GroupDecoder(opts.fecGroups, opts.reassembly.timeoutMs, MAX_FRAGMENTS),
      reasm: new Reassembly(opts.reassembly),
      frames: new FrameTracker(opts.reassembly.timeoutMs),
    };
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

  private warnOld(h: Header, now: number): void {
    const c = this.gate.current;
    if (!c || h.sessionHi >= c.hi || now - this.lastOldWarn < 10_000) return;
    this.lastOldWarn = now;
    this.log.warn({ rejected: new Date(h.sessionHi * 1000).toISOString(), current: new Date(c.hi * 1000).toISOString() },
      "link: datagrams of an older session rejected (a replay, or a reader whose clock went back; restart the receiver if the latter)");
  }
}
