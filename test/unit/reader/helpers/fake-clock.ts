/** A hand-driven Clock for scheduler tests: timers fire only inside advance(). */
import type { Clock } from "../../../../src/reader/clock.js";

interface Timer { id: number; at: number; seq: number; fn: () => void }

export const flush = (): Promise<void> => new Promise((r) => setImmediate(r));

export class FakeClock implements Clock {
  t = 1_700_000_000_000;
  private timers: Timer[] = [];
  private ids = 0;
  private seq = 0;

  now(): number {
    return this.t;
  }

  setTimeout(fn: () => void, ms: number): unknown {
    const id = ++this.ids;
    this.timers.push({ id, at: this.t + Math.max(0, ms), seq: ++this.seq, fn });
    return id;
  }

  clearTimeout(h: unknown): void {
    this.timers = this.timers.filter((x) => x.id !== h);
  }

  pending(): number {
    return this.timers.length;
  }

  /** Run every timer due within `ms`, in time order, letting promises settle after each. */
  async advance(ms: number): Promise<void> {
    const end = this.t + ms;
    await flush();
    for (;;) {
      let next: Timer | undefined;
      for (const x of this.timers) if (x.at <= end && (!next || x.at < next.at || (x.at === next.at && x.seq < next.seq))) next = x;
      if (!next) break;
      this.timers = this.timers.filter((x) => x !== next);
      this.t = Math.max(this.t, next.at);
      next.fn();
      await flush();
    }
    this.t = end;
    await flush();
  }
}
