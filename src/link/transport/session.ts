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
 *   start time beyond the receiver's     → reject "session" (a session from
 *     clock + skew (link.sessionSkew)        2106, or a reader clock far ahead,
 *                                            can never be adopted and lock the
 *                                            genuine reader out)
 *   start time older than the current's  → reject "session"
 *   anything else                        → candidate; adopted only after its
 *                                          datagram authenticated, retiring
 *                                          the current one for good
 * The key that last authenticated the current session is remembered: when a
 * key reload removes it, the session is dropped (drop()), so whatever a
 * retired key established cannot outlive the key.
 * Known limit: after a receiver restart the first authenticated session wins
 * until a newer one appears, so a replayed old session can be shown until the
 * live sender's next datagram (at most one heartbeat) supersedes it for good.
 * A sender whose clock stepped back across a restart is refused until the
 * receiver restarts (logged with both times, once it authenticated).
 */
import { sessionBigint, type Header } from "./envelope.js";

const RETIRED_MAX = 64;

export interface SessionId {
  hi: number;
  lo: number;
  id: bigint;
  /** the key id that last authenticated one of its datagrams */
  keyId: number;
}

export type Verdict = "current" | "new" | "session";

export class SessionGate<S extends SessionId> {
  current: S | null = null;
  private readonly retired: string[] = [];

  /** `latest`: the newest start time (unix seconds) accepted, the receiver's clock plus the skew. */
  classify(h: Header, latest: number): Verdict {
    const c = this.current;
    if (c && c.hi === h.sessionHi && c.lo === h.sessionLo) return "current";
    if (h.sessionHi > latest) return "session";
    if (this.retired.includes(`${h.sessionHi}:${h.sessionLo}`)) return "session";
    if (c && h.sessionHi < c.hi) return "session";
    return "new";
  }

  /** Forget the current session (its key was removed); returns it. It is retired: never adopted again. */
  drop(): S | null {
    const old = this.current;
    if (old) this.retire(old);
    this.current = null;
    return old;
  }

  /** Make an authenticated new session current; returns the one it retires. */
  adopt(next: S): S | null {
    const old = this.current;
    if (old) this.retire(old);
    this.current = next;
    return old;
  }

  private retire(s: S): void {
    this.retired.push(`${s.hi}:${s.lo}`);
    if (this.retired.length > RETIRED_MAX) this.retired.shift();
  }
}

export function sessionOf(h: Header): SessionId {
  return { hi: h.sessionHi, lo: h.sessionLo, id: sessionBigint(h.sessionHi, h.sessionLo), keyId: h.keyId };
}
