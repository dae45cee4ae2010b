/**
 * The reader's scheduler: one independent SourceRunner per source, so a dead
 * or slow PLC never delays another. It owns every timer of the acquisition
 * side (drivers set none) and takes its clock and randomness as parameters so
 * unit tests can drive it by hand.
 *
 *   Scheduler ──▶ SourceRunner(press1) ──▶ driver ──▶ samples ─┐
 *             ──▶ SourceRunner(line1)  ──▶ driver ──▶ samples ─┼──▶ onSamples (policy, link)
 *             ──▶ ...                                          ┘
 *
 * reconcile() (live reload) swaps runners one source at a time: a source whose
 * settings and tags are unchanged keeps its runner (its timers, connection and
 * last values untouched, no gap); if the new catalogue moved its aliases, its
 * samples are translated on the way out. Removed and changed sources are
 * stopped (silent at once, closing in the background); new and changed ones start.
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

interface Entry {
  runner: SourceRunner;
  /** settings and tags without aliases: equal keys mean the runner can stay */
  key: string;
  /** alias the runner emits -> alias in the current catalogue; null when they are equal */
  map: Map<number, number> | null;
}

export interface Reconciled {
  kept: string[];
  started: string[];
  stopped: string[];
}

/** A source's settings and tags, aliases left out (bigint-safe). */
export function sourceKey(src: SchedSource): string {
  const { groups, ...rest } = src;
  const g = groups.map((x) => ({ i: x.intervalMs, t: x.tags.map((t) => ({ p: t.path, a: t.address, y: t.type, s: t.spec })) }));
  return JSON.stringify({ rest, g }, (_k, v: unknown) => (typeof v === "bigint" ? `${v}n` : v));
}

function aliasesOf(src: SchedSource): Map<string, number> {
  return new Map(src.groups.flatMap((g) => g.tags.map((t) => [t.path, t.alias] as const)));
}

export class Scheduler {
  private entries: Entry[];
  private started = false;
  private stopping: Promise<void> | undefined;
  /** runners replaced by reconcile() that are still closing */
  private readonly retiring = new Set<Promise<void>>();
  private readonly make: (src: SchedSource, e: Entry) => SourceRunner;

  constructor(sources: readonly SchedSource[], opts: SchedulerOptions) {
    const pick = typeof opts.factories === "function" ? opts.factories : (p: Protocol) => (opts.factories as Record<Protocol, DriverFactory>)[p];
    const clock = opts.clock ?? realClock;
    const random = opts.random ?? Math.random;
    const logger = opts.logger.child({ part: "scheduler" });
    this.make = (src, e) => new SourceRunner(src, {
      factory: pick(src.protocol), clock, random, logger,
      emit: (s) => {
        const m = e.map;
        if (m) for (const x of s) x.alias = m.get(x.alias) ?? x.alias;
        opts.onSamples(s);
      },
      ...(opts.onStateChange ? { onStateChange: opts.onStateChange } : {}),
    });
    this.entries = sources.map((src) => this.entry(src));
  }

  private entry(src: SchedSource): Entry {
    const e: Entry = { runner: undefined as unknown as SourceRunner, key: sourceKey(src), map: null };
    e.runner = this.make(src, e);
    return e;
  }

  private get runners(): SourceRunner[] {
    return this.entries.map((e) => e.runner);
  }

  start(): void {
    if (this.started) return;
    this.started = true;
    for (const r of this.runners) r.start();
  }

  /**
   * Move to a new source list (live reload). `carried`: aliases (of the new
   * catalogue) whose last value crosses on, with that value's source time, so a
   * restarted source does not send "no value yet" for them first and its samples
   * go on in time order.
   */
  reconcile(next: readonly SchedSource[], carried: ReadonlyMap<number, number> = new Map()): Reconciled {
    const out: Reconciled = { kept: [], started: [], stopped: [] };
    if (this.stopping) return out;
    const old = new Map(this.entries.map((e) => [e.runner.src.name, e]));
    const entries: Entry[] = [];
    for (const src of next) {
      const e = old.get(src.name);
      if (e && e.key === sourceKey(src)) {
        old.delete(src.name);
        const was = aliasesOf(e.runner.src);
        const now = aliasesOf(src);
        const map = new Map<number, number>();
        let moved = false;
        for (const [path, a] of was) {
          const b = now.get(path)!;
          map.set(a, b);
          if (a !== b) moved = true;
        }
        e.map = moved ? map : null;
        entries.push(e);
        out.kept.push(src.name);
      } else {
        const n = this.entry(src);
        entries.push(n);
        out.started.push(src.name);
      }
    }
    for (const [name, e] of old) {
      out.stopped.push(name);
      this.retire(e.runner);
    }
    // old runners are silent from here on (stop() is synchronous up to its first await)
    this.entries = entries;
    if (this.started) for (const e of entries) if (out.started.includes(e.runner.src.name)) e.runner.start(carried);
    return out;
  }

  private retire(r: SourceRunner): void {
    const p = r.stop().catch(() => undefined);
    this.retiring.add(p);
    void p.then(() => this.retiring.delete(p));
  }

  /** Stop every timer and close every driver; idempotent. */
  stop(): Promise<void> {
    this.stopping ??= Promise.all([...this.runners.map((r) => r.stop()), ...this.retiring]).then(() => undefined);
    return this.stopping;
  }

  health(): SourceHealth[] {
    return this.runners.map((r) => r.health());
  }

  /** Driver rebuilds per source since start (for tests and diagnostics). */
  rebuilds(): Record<string, number> {
    return Object.fromEntries(this.runners.map((r) => [r.src.name, r.counters.rebuilds]));
  }

  /** The runner of a source (tests: an unchanged source keeps the same one across reloads). */
  runner(name: string): SourceRunner | undefined {
    return this.entries.find((e) => e.runner.src.name === name)?.runner;
  }
}
