/**
 * Sender sessions as the receiver sees them. A session id is chosen at each
 * sender start: the high 32 bits are the start time (unix seconds), the low
 * 32 bits random. The time half orders sessions, which is what defeats the
 * replay of a recorded old session: without an order, an attacker could
 * replay any session the receiver has not seen yet (e.g. one recorded before
 * a receiver restart) and flip the receiver back to it.
 *
 * Rules (checked before authentication only where they reject, so a forged
 * datagram never changes anything):
 *   same session as current              → current (replay window applies)
 *   a session retired earlier            → reject "session"
 *   start time older than the current's  → reject "session"
 *   anything else                        → candidate; adopted only after its
 *                                          datagram authenticated, retiring
 *                                          the current one for good
 * Known limit: after a receiver restart the first authenticated session wins
 * until a newer one appears, so a replayed old session can be shown until the
 * live sender's next datagram (at most one heartbeat) supersedes it for good.
 * A sender whose clock stepped back across a restart is refused until the
 * receiver restarts (logged with both times).
 */
import { sessionBigint, type Header } from "./envelope.js";

const RETIRED_MAX = 64;

export interface SessionId {
  hi: number;
  lo: number;
  id: bigint;
}

export type Verdict = "current" | "new" | "session";

export class SessionGate<S extends SessionId> {
  current: S | null = null;
  private readonly retired: string[] = [];

  classify(h: Header): Verdict {
    const c = this.current;
    if (c && c.hi === h.sessionHi && c.lo === h.sessionLo) return "current";
    if (this.retired.includes(`${h.sessionHi}:${h.sessionLo}`)) return "session";
    if (c && h.sessionHi < c.hi) return "session";
    return "new";
  }

  /** Make an authenticated new session current; returns the one it retires. */
  adopt(next: S): S | null {
    const old = this.current;
    if (old) {
      this.retired.push(`${old.hi}:${old.lo}`);
      if (this.retired.length > RETIRED_MAX) this.retired.shift();
    }
    this.current = next;
    return old;
  }
}

export function sessionOf(h: Header): SessionId {
  return { hi: h.sessionHi, lo: h.sessionLo, id: sessionBigint(h.sessionHi, h.sessionLo) };
}
