/**
 * A fixed-rate ticker: ticks on a plan (t0, t0+i, t0+2i, ...), not "interval
 * after the last poll finished", so the scan rate never drifts
 *. When the event loop was held up past whole
 * slots, those slots are reported as missed instead of being fired late in a
 * burst. Whether a tick may poll (a poll still running means an overrun) is
 * the caller's decision.
 */
import type { Clock } from "./clock.js";

export class FixedRateTicker {
  private next = 0;
  private timer: unknown;
  private running = false;

  constructor(
    private readonly clock: Clock,
    readonly intervalMs: number,
    private readonly onTick: () => void,
    private readonly onMissed: (slots: number) => void,
  ) {}

  /** Start the plan now; the first tick is one interval from now. */
  start(): void {
    this.stop();
    this.running = true;
    this.next = this.clock.now() + this.intervalMs;
    this.arm();
  }

  /** Reset the phase: tick immediately, then every interval from now. */
  restart(): void {
    this.stop();
    this.running = true;
    this.next = this.clock.now() + this.intervalMs;
    this.arm();
    this.onTick();
  }

  stop(): void {
    this.running = false;
    if (this.timer !== undefined) this.clock.clearTimeout(this.timer);
    this.timer = undefined;
  }

  private arm(): void {
    this.timer = this.clock.setTimeout(() => this.fire(), this.next - this.clock.now());
  }

  private fire(): void {
    this.timer = undefined;
    if (!this.running) return;
    const late = this.clock.now() - this.next;
    const missed = late >= this.intervalMs ? Math.floor(late / this.intervalMs) : 0;
    this.next += (missed + 1) * this.intervalMs;
    this.arm();
    if (missed > 0) this.onMissed(missed);
    this.onTick();
  }
}
