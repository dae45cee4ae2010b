/**
 * Sender pacing: a token bucket on bytes per second that counts everything
 * that crosses the wire (UDP payload + 28 bytes of IPv4/UDP headers), so the
 * configured rate is the rate the diode and the receiver really see. The
 * bucket holds at most `burstMs` worth of tokens, so after an idle spell the
 * sender resumes at the steady rate instead of bursting.
 *
 *   refill rate·dt (cap rate·burst) ─▶ [tokens] ─▶ take(len + 28) per datagram
 */
export class TokenBucket {
  private tokens: number;
  private last: number;
  private readonly capacity: number;

  /** rate in bytes/s; 0 = unlimited */
  constructor(private readonly rate: number, burstMs: number, minBurst: number, now: number) {
    this.capacity = Math.max(minBurst, (rate * burstMs) / 1000);
    this.tokens = this.capacity;
    this.last = now;
  }

  /** Take `bytes` if available now; false means wait msUntil(bytes). */
  take(bytes: number, now: number): boolean {
    if (this.rate <= 0) return true;
    this.refill(now);
    if (this.tokens < bytes) return false;
    this.tokens -= bytes;
    return true;
  }

  /** Milliseconds until `bytes` tokens are available. */
  msUntil(bytes: number, now: number): number {
    if (this.rate <= 0) return 0;
    this.refill(now);
    return this.tokens >= bytes ? 0 : ((bytes - this.tokens) * 1000) / this.rate;
  }

  private refill(now: number): void {
    const dt = now - this.last;
    if (dt > 0) {
      this.tokens = Math.min(this.capacity, this.tokens + (dt * this.rate) / 1000);
      this.last = now;
    }
  }
}
