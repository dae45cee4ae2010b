/**
 * Sliding replay window over one session's datagram sequence numbers (the
 * IPsec/DTLS anti-replay scheme): the highest sequence seen plus a bitmap of
 * the WINDOW sequences below it. check() is pure, so the caller can test a
 * datagram before spending a decryption on it, and mark() only after the
 * datagram authenticated: a forged datagram can never move the window.
 *
 *   seq > top            new (window slides forward on mark)
 *   top-W < seq <= top   new unless its bit is set
 *   seq <= top-W         too old: "replay"
 */
export const REPLAY_WINDOW = 1024;

export class ReplayWindow {
  private top = -1;
  private readonly bits: Uint32Array;
  constructor(readonly size: number = REPLAY_WINDOW) {
    if (size % 32 !== 0 || size < 32) throw new RangeError("replay window must be a multiple of 32");
    this.bits = new Uint32Array(size / 32);
  }

  get highest(): number {
    return this.top;
  }

  /** true when `seq` has not been seen and is not too old. */
  check(seq: number): boolean {
    if (seq > this.top) return true;
    if (this.top - seq >= this.size) return false;
    const i = seq % this.size;
    return (this.bits[i >>> 5]! & (1 << (i & 31))) === 0;
  }

  /** Record an authenticated sequence number (call only after check()). */
  mark(seq: number): void {
    if (seq > this.top) {
      const gap = seq - this.top;
      if (gap >= this.size || this.top < 0) this.bits.fill(0);
      else for (let s = this.top + 1; s < seq; s++) this.clear(s % this.size);
      this.top = seq;
      this.clear(seq % this.size);
    }
    const i = seq % this.size;
    this.bits[i >>> 5]! |= 1 << (i & 31);
  }

  private clear(i: number): void {
    this.bits[i >>> 5]! &= ~(1 << (i & 31));
  }
}
