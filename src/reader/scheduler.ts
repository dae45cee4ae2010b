/**
 * The reader's scheduler: one independent SourceRunner per source, so a dead
 * or slow PLC never delays another. It owns every timer of the acquisition
 * side (drivers set none) and takes its clock and randomness as parameters so
 * unit tests can drive it by hand.
 *
 *   Scheduler ──▶ SourceRunner(press1) ──▶ driver ──▶ samples ─┐
 *             ──▶ SourceRunner(line1)  ──▶ driver ──▶ samples ─┼──▶ onSamples (policy, link)
 *             ──▶ ...                                          ┘
 */
import type { Protocol, Sample, SourceHealth, SourceState } from "../core/model.js";
import type { DriverFactory } from "../drivers/contract.js";
import type { Logger } from "../core/log.js";
import { realClock, type Clock, type Random } from "./clock.js";
import { SourceRunner, type SchedSource } from "./source-runner.js";

export type { SchedSource } from "./source-runner.js";
export type { SchedTag } from "./group.js";

export interface SchedulerOptions {
  factories: Readonly<Record<Protocol, DriverFactory>> | ((p: Protocol) => DriverFactory);
  logger: Logger;
  /** every sample that must cross (report by exception already applied) */
  onSamples(samples: Sample[]): void;
  onStateChange?(source: string, state: SourceState): void;
  clock?: Clock;
  random?: Random;
}

export class Scheduler {
  private readonly runners: SourceRunner[];
  private started = false;
  private stopping: Promise<void> | undefined;

  constructor(sources: readonly SchedSource[], opts: SchedulerOptions) {
    const pick = typeof opts.factories === "function" ? opts.factories : (p: Protocol) => (opts.factories as Record<Protocol, DriverFactory>)[p];
    const clock = opts.clock ?? realClock;
    const random = opts.random ?? Math.random;
    const logger = opts.logger.child({ part: "scheduler" });
    this.runners = sources.map((src) => new SourceRunner(src, {
      factory: pick(src.protocol), clock, random, logger,
      emit: (s) => opts.onSamples(s),
      ...(opts.onStateChange ? { onStateChange: opts.onStateChange } : {}),
    }));
  }

  start(): void {
    if (this.started) return;
    this.started = true;
    for (const r of this.runners) r.start();
  }

  /** Stop every timer and close every driver; idempotent. */
  stop(): Promise<void> {
    this.stopping ??= Promise.all(this.runners.map((r) => r.stop())).then(() => undefined);
    return this.stopping;
  }

  health(): SourceHealth[] {
    return this.runners.map((r) => r.health());
  }

  /** Driver rebuilds per source since start (for tests and diagnostics). */
  rebuilds(): Record<string, number> {
    return Object.fromEntries(this.runners.map((r) => [r.src.name, r.counters.rebuilds]));
  }
}
