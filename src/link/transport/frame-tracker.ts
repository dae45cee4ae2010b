/**
 * Per-session frame accounting after FEC and reassembly: deduplicates
 * completed frames (a frame rebuilt by FEC may also arrive whole later) and
 * counts frames lost: ids up to the newest one seen (in any authenticated
 * fragment) that stay undelivered for `timeoutMs`, or that fall more than
 * `window` ids behind the newest.
 *
 *   ids:  ... cursor | (cursor, top]: delivered bitmap + gap times | top ...
 *         settled      still open                                   newest
 *
 * A receiver that joins a running session does not count the frames before
 * the first one it sees; a few of them may still arrive late and are taken.
 */
const JOIN_SLACK = 64;

export class FrameTracker {
  private cursor = -1;
  private top = -1;
  private base = 0;
  private readonly delivered: Uint8Array;
  private readonly since: Float64Array;
  lost = 0;

  constructor(private readonly timeoutMs: number, private readonly window = 4096) {
    this.delivered = new Uint8Array(window);
    this.since = new Float64Array(window);
  }

  /** true when frame `id` was already handed up or is settled. */
  seen(id: number): boolean {
    if (this.top < 0) return false;
    if (id <= this.cursor) return true;
    return id <= this.top && this.delivered[id % this.window] === 1;
  }

  /**
   * Note that frame `id` exists (any authenticated fragment of it arrived), so
   * the frames before it are expected: a frame that never completes is lost.
   */
  observe(id: number, now: number): void {
    if (this.top < 0) {
      this.base = id;
      this.cursor = Math.max(-1, id - 1 - JOIN_SLACK);
      this.top = this.cursor;
    }
    if (id <= this.top) return;
    if (id - this.cursor > this.window) this.forceSettle(id - this.window);
    for (let s = Math.max(this.top, this.cursor) + 1; s <= id; s++) {
      this.delivered[s % this.window] = 0;
      this.since[s % this.window] = now;
    }
    this.top = id;
  }

  /** Record a completed frame; true when it is new (hand it up). */
  accept(id: number, now: number): boolean {
    this.observe(id, now);
    if (this.seen(id)) return false;
    this.delivered[id % this.window] = 1;
    this.settle(now);
    return true;
  }

  /** Settle gaps older than the timeout (call periodically). */
  settle(now: number): void {
    while (this.cursor < this.top) {
      const s = this.cursor + 1;
      const i = s % this.window;
      if (this.delivered[i] !== 1) {
        if (now - this.since[i]! < this.timeoutMs) return;
        if (s >= this.base) this.lost++;
      }
      this.cursor = s;
    }
  }

  /** The session ended: every open gap is lost. */
  finish(): void {
    this.settle(Infinity);
  }

  /** Move the cursor to `to` at once, counting what it skips over. */
  private forceSettle(to: number): void {
    while (this.cursor < Math.min(to, this.top)) {
      const s = ++this.cursor;
      if (this.delivered[s % this.window] !== 1 && s >= this.base) this.lost++;
    }
    if (this.cursor < to) {
      // ids never seen at all between the old top and `to`
      this.lost += Math.max(0, to - Math.max(this.cursor, this.base - 1));
      this.cursor = to;
    }
  }
}
