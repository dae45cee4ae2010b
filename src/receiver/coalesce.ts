/**
 * Every change while the consumer keeps up, the newest value once it cannot: the
 * hand-off from the store to the OPC UA address space (monitored items at 100k
 * changes/s).
 *
 *   store "update" (TagState refs) ─▶ budget left in this turn and nothing pending? ─yes─▶ apply(item) now
 *                                        │ no
 *                                        ▼
 *                                   pending set ─setImmediate─▶ apply(item) in time slices, yielding between
 *                                        ▲
 *                                        └─ an item already pending is superseded, not queued again
 *
 * Items are the store's live records, so applying one always takes its newest value:
 * under overload a tag updated five times before its turn is applied once. Pending
 * work is bounded by the number of tags, never by the update rate, and the event loop
 * (link intake, REST, scrapes) runs between slices.
 */

export interface CoalescerOptions {
  /** Most time spent applying in one turn of the event loop before deferring, ms. */
  budgetMs: number;
  /** Called (at most once per `overloadEveryMs`) while the oldest pending item waits longer than `overloadLagMs`. */
  onOverload?: (info: { lagMs: number; superseded: number; pending: number }) => void;
  overloadLagMs?: number;
  overloadEveryMs?: number;
  now?: () => number;
}

export class Coalescer<T> {
  private readonly pending = new Set<T>();
  private scheduled: NodeJS.Immediate | null = null;
  /** start of this turn's applying (0: none yet); reset on the next turn */
  private turnStart = 0;
  private turnReset: NodeJS.Immediate | null = null;
  /** when the oldest pending item arrived (0 when nothing is pending) */
  private since = 0;
  private lastOverload = 0;
  private supersededAtLastOverload = 0;
  private stopped = false;
  private readonly now: () => number;
  /** updates replaced by a newer one of the same item before they were applied */
  superseded = 0;
  applied = 0;

  constructor(private readonly apply: (item: T) => void, private readonly opts: CoalescerOptions) {
    this.now = opts.now ?? Date.now;
  }

  add(items: Iterable<T>): void {
    if (this.stopped) return;
    let n = 0;
    for (const it of items) {
      if (this.pending.size === 0 && !((++n & 63) === 0 && this.spent())) {
        this.startTurn();
        this.apply(it);
        this.applied++;
        continue;
      }
      const before = this.pending.size;
      this.pending.add(it);
      if (this.pending.size === before) this.superseded++;
      else if (before === 0) this.since = this.now();
    }
    if (this.pending.size > 0 && this.scheduled === null) this.scheduled = setImmediate(() => this.flush());
  }

  /** Items waiting to be applied. */
  get size(): number {
    return this.pending.size;
  }

  /** Age of the oldest pending update, ms (0 when nothing waits). */
  lagMs(): number {
    return this.since === 0 ? 0 : this.now() - this.since;
  }

  /** Drop what is pending and apply nothing more. */
  stop(): void {
    this.stopped = true;
    if (this.scheduled) clearImmediate(this.scheduled);
    if (this.turnReset) clearImmediate(this.turnReset);
    this.scheduled = this.turnReset = null;
    this.pending.clear();
  }

  private startTurn(): void {
    if (this.turnStart !== 0) return;
    this.turnStart = this.now();
    this.turnReset = setImmediate(() => { this.turnStart = 0; this.turnReset = null; });
  }

  /** This turn's budget is used up. */
  private spent(): boolean {
    return this.turnStart !== 0 && this.now() - this.turnStart >= this.opts.budgetMs;
  }

  private flush(): void {
    this.scheduled = null;
    const end = this.now() + this.opts.budgetMs;
    let n = 0;
    for (const it of this.pending) {
      this.pending.delete(it);
      this.apply(it);
      this.applied++;
      // reading the clock costs: check it every 64 items
      if ((++n & 63) === 0 && this.now() >= end) break;
    }
    if (this.pending.size === 0) {
      this.since = 0;
      return;
    }
    this.overloaded();
    this.scheduled = setImmediate(() => this.flush());
  }

  private overloaded(): void {
    const { onOverload, overloadLagMs = 1000, overloadEveryMs = 60_000 } = this.opts;
    const lag = this.lagMs();
    if (!onOverload || lag < overloadLagMs) return;
    const now = this.now();
    if (now - this.lastOverload < overloadEveryMs) return;
    this.lastOverload = now;
    onOverload({ lagMs: lag, superseded: this.superseded - this.supersededAtLastOverload, pending: this.pending.size });
    this.supersededAtLastOverload = this.superseded;
  }
}
