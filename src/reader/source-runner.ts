/**
 * One source (one device, one driver, one connection), run independently of
 * every other source: its own timers, its own queue, its own failures.
 *
 *   tickers (one per poll group, fixed rate) ──▶ queue (each group at most once) ──▶ driver.read (one in flight)
 *        │                                                                               │
 *        └─ not connected: a missed poll (counts as a failure)             results ──▶ TagTrack ──▶ emit(samples)
 *
 * State (derived, never stored; see state()):
 *   connecting  no failure yet, connection being made
 *   up          connected, last poll fine
 *   degraded    connected, last read(s) failed        -> UncertainLastUsableValue
 *   backoff     connection lost, reconnecting later   -> UncertainNoCommunicationLastUsableValue
 *   down        failuresToDown consecutive failures   -> BadNoCommunication
 * Failures are failed connects, failed reads and polls that fell due while not
 * connected, so demotion takes at most failuresToDown intervals whatever the
 * backoff. Reconnects wait a capped exponential backoff with jitter. Every
 * rebuildAfter failed connects/reads the driver is destroyed and created anew
 * (the cure for "reconnect that never recovers"); a driver that does not
 * answer within its guard time is destroyed at once.
 */
import type { Protocol, Sample, SourceHealth, SourceState } from "../core/model.js";
import type { Driver, DriverFactory, DriverSource, PointResult } from "../drivers/contract.js";
import { SluiceError, errorMessage, isSluiceError } from "../core/errors.js";
import type { Logger } from "../core/log.js";
import type { Clock, Random } from "./clock.js";
import { backoffDelay, type BackoffSpec } from "./backoff.js";
import { FixedRateTicker } from "./ticker.js";
import { PollGroup, type SchedTag } from "./group.js";
import type { CommState } from "./normalise/track.js";

export interface SchedSource {
  name: string;
  protocol: Protocol;
  endpoint: string;
  timeoutMs: number;
  backoff: BackoffSpec;
  failuresToDown: number;
  rebuildAfter: number;
  options: Readonly<Record<string, unknown>>;
  groups: { intervalMs: number; tags: SchedTag[] }[];
}

export interface RunnerDeps {
  factory: DriverFactory;
  clock: Clock;
  random: Random;
  logger: Logger;
  emit(samples: Sample[]): void;
  onStateChange?(name: string, state: SourceState): void;
}

/** Strip credentials from URLs and bound the length: lastError crosses the link. */
export function safeError(e: unknown): string {
  return errorMessage(e).replace(/\/\/[^/@\s]*@/g, "//[redacted]@").slice(0, 300);
}

class Hung extends SluiceError {}

export class SourceRunner {
  private driver!: Driver;
  private gen = 0;
  private connected = false;
  private connecting = false;
  private stopped = false;
  private failures = 0;
  private attemptFailures = 0;
  private connectAttempt = 0;
  private inFlight = false;
  private queue: PollGroup[] = [];
  private reconnectTimer: unknown;
  private lastState: SourceState = "connecting";
  private readonly groups: PollGroup[];
  private readonly ds: DriverSource;
  private readonly log: Logger;
  readonly counters = { pollsOk: 0, pollsError: 0, overruns: 0, rebuilds: 0, lastPollTime: null as number | null, lastError: undefined as string | undefined };

  constructor(readonly src: SchedSource, private readonly deps: RunnerDeps) {
    this.groups = src.groups.map((g) => new PollGroup(g.intervalMs, g.tags));
    this.ds = { name: src.name, endpoint: src.endpoint, timeoutMs: src.timeoutMs, options: src.options };
    this.log = deps.logger.child({ source: src.name });
  }

  state(): SourceState {
    if (this.failures >= this.src.failuresToDown) return "down";
    if (this.failures === 0) return this.connected ? "up" : "connecting";
    return this.connected ? "degraded" : "backoff";
  }

  health(): SourceHealth {
    const c = this.counters;
    const h: SourceHealth = {
      name: this.src.name, protocol: this.src.protocol, state: this.state(),
      lastPollTime: c.lastPollTime, pollsOk: c.pollsOk, pollsError: c.pollsError, overruns: c.overruns,
    };
    if (c.lastError !== undefined) h.lastError = c.lastError;
    return h;
  }

  /**
   * `carried`: aliases whose last value crosses on (a reload), with the source time of
   * that value: no "no value yet" for them, and their samples go on from that time.
   */
  start(carried?: ReadonlyMap<number, number>): void {
    const now = this.deps.clock.now();
    this.driver = this.createDriver();
    const initial: Sample[] = [];
    for (const g of this.groups) for (const t of g.tracks) {
      const at = carried?.get(t.alias);
      if (at === undefined) initial.push(t.initial(now));
      else t.carry(at);
    }
    if (initial.length > 0) this.deps.emit(initial);
    for (const g of this.groups) {
      g.ticker = new FixedRateTicker(this.deps.clock, g.intervalMs, () => this.tick(g), (n) => { this.counters.overruns += n; });
      g.ticker.start();
    }
    this.connect();
  }

  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    for (const g of this.groups) g.ticker?.stop();
    if (this.reconnectTimer !== undefined) this.deps.clock.clearTimeout(this.reconnectTimer);
    this.gen++;
    const d = this.driver;
    try {
      await this.guard(d.close(), this.src.timeoutMs + 1000, "close");
    } catch (e) {
      this.log.debug({ err: safeError(e) }, "close did not finish cleanly");
    }
    d.destroy();
  }

  /** Reject with Hung when a driver call outlives its guard time (the driver broke its contract). */
  private guard<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const timer = this.deps.clock.setTimeout(() => reject(new Hung("SLUICE_ERR_TIMEOUT", `driver ${what} gave no answer within ${ms}ms`)), ms);
      p.then(
        (v) => { this.deps.clock.clearTimeout(timer); resolve(v); },
        (e: unknown) => { this.deps.clock.clearTimeout(timer); reject(e); },
      );
    });
  }

  private connect(): void {
    if (this.stopped) return;
    this.connecting = true;
    const gen = this.gen;
    this.guard(this.driver.connect(), this.src.timeoutMs * 5 + 1000, "connect").then(
      () => {
        if (gen !== this.gen) return;
        this.connecting = false;
        this.connected = true;
        this.connectAttempt = 0;
        this.onConnected();
      },
      (e: unknown) => {
        if (gen !== this.gen) return;
        this.connecting = false;
        this.onFailure(e, null);
      },
    );
  }

  private onConnected(): void {
    const now = this.deps.clock.now();
    this.log.info({ endpoint: this.src.endpoint, afterFailures: this.failures }, "connected");
    const samples: Sample[] = [];
    try {
      for (const g of this.groups) samples.push(...g.replan(this.driver, now, this.log));
    } catch (e) {
      this.onFailure(e, null, true);
      return;
    }
    if (samples.length > 0) this.deps.emit(samples);
    // Poll every group right away (fast recovery), then on its fixed plan from now.
    for (const g of this.groups) g.ticker?.restart();
    this.notify();
  }

  private tick(g: PollGroup): void {
    if (this.stopped) return;
    if (!this.connected) {
      if (this.failures === 0) return; // first connection still being made: nothing is overdue yet
      this.failures++;
      this.counters.pollsError++;
      this.counters.lastPollTime = this.deps.clock.now();
      this.applyComm(this.groups);
      this.notify();
      return;
    }
    if (g.queued || g.running) {
      this.counters.overruns++;
      return;
    }
    if (!g.plan) return; // no tag of this group is readable on this device
    g.queued = true;
    this.queue.push(g);
    this.pump();
  }

  private pump(): void {
    if (this.inFlight || !this.connected || this.stopped) return;
    const g = this.queue.shift();
    if (!g || !g.plan) return;
    g.queued = false;
    g.running = true;
    this.inFlight = true;
    const gen = this.gen;
    const plan = g.plan;
    // A poll of several requests hands on each request's values as they arrive (a value
    // read first does not wait for the last request); onRead then takes the rest.
    const early = plan.requests > 1 ? new Uint8Array(plan.points.length) : null;
    const partial = early ? (results: readonly (PointResult | undefined)[], at: Int32Array) => {
      if (gen === this.gen && !this.stopped) this.emitReads(g, results, at, early);
    } : undefined;
    this.guard(this.driver.read(plan, partial), this.src.timeoutMs * (plan.requests + 2) + 1000, "read").then(
      (results) => {
        if (gen !== this.gen) return;
        g.running = false;
        this.inFlight = false;
        if (results.length !== plan.points.length) {
          this.onFailure(new SluiceError("SLUICE_ERR_DRIVER", `driver returned ${results.length} results for ${plan.points.length} points`), g);
        } else {
          this.onRead(g, results, early);
        }
        this.pump();
      },
      (e: unknown) => {
        if (gen !== this.gen) return;
        g.running = false;
        this.inFlight = false;
        this.onFailure(e, g);
        this.pump();
      },
    );
  }

  /** `early`: points whose result was already taken while the read ran (1), skipped here. */
  private onRead(g: PollGroup, results: readonly PointResult[], early: Uint8Array | null = null): void {
    this.failures = 0;
    this.attemptFailures = 0;
    this.counters.pollsOk++;
    this.counters.lastPollTime = this.deps.clock.now();
    this.emitReads(g, results, null, early);
    this.notify();
  }

  /**
   * Emit the samples of the read results at positions `at` (all when null), skipping
   * and then marking the points in `early` (taken while the read ran), so each point
   * is taken once per poll.
   */
  private emitReads(g: PollGroup, results: readonly (PointResult | undefined)[], at: Int32Array | null, early: Uint8Array | null): void {
    const samples: Sample[] = [];
    const now = this.deps.clock.now();
    const n = at ? at.length : results.length;
    for (let i = 0; i < n; i++) {
      const j = at ? at[i]! : i;
      const r = results[j];
      if (!r || early?.[j] === 1) continue;
      if (early) early[j] = 1;
      const s = g.tracks[g.map[j]!]!.fromRead(r, now);
      if (s) samples.push(s);
    }
    if (samples.length > 0) this.deps.emit(samples);
  }

  /** A failed connect (g null) or read of group g; `broken`: the driver must be replaced. */
  private onFailure(e: unknown, g: PollGroup | null, broken = false): void {
    if (this.stopped) return;
    const now = this.deps.clock.now();
    this.failures++;
    this.attemptFailures++;
    this.counters.lastError = safeError(e);
    if (g) {
      this.counters.pollsError++;
      this.counters.lastPollTime = now;
    }
    const hung = broken || e instanceof Hung;
    if (g === null || hung || isSluiceError(e, "SLUICE_ERR_DISCONNECTED")) this.connected = false;
    if (hung || this.attemptFailures % this.src.rebuildAfter === 0) this.rebuild(hung ? "driver hung or unusable" : `${this.attemptFailures} consecutive failures`);
    if (!this.connected) this.dropQueue();
    this.log.debug({ err: this.counters.lastError, failures: this.failures }, g ? "read failed" : "connect failed");
    this.applyComm(this.connected && g && this.state() !== "down" ? [g] : this.groups);
    if (!this.connected) this.scheduleReconnect();
    this.notify();
  }

  private applyComm(groups: PollGroup[]): void {
    const st = this.state();
    const kind: CommState = st === "down" ? "down" : this.connected ? "degraded" : "nocomm";
    const now = this.deps.clock.now();
    const samples: Sample[] = [];
    for (const g of groups) for (const t of g.tracks) {
      const s = t.fromComm(kind, now);
      if (s) samples.push(s);
    }
    if (samples.length > 0) this.deps.emit(samples);
  }

  private scheduleReconnect(): void {
    if (this.stopped || this.connecting || this.reconnectTimer !== undefined) return;
    const delay = backoffDelay(this.connectAttempt++, this.src.backoff, this.deps.random);
    this.reconnectTimer = this.deps.clock.setTimeout(() => {
      this.reconnectTimer = undefined;
      this.connect();
    }, delay);
  }

  private rebuild(why: string): void {
    this.counters.rebuilds++;
    this.log.warn({ why, rebuilds: this.counters.rebuilds }, "rebuilding driver");
    this.gen++;
    try { this.driver.destroy(); } catch (e) { this.log.debug({ err: safeError(e) }, "destroy threw"); }
    this.connected = false;
    this.connecting = false;
    this.inFlight = false;
    this.dropQueue();
    for (const g of this.groups) g.reset();
    try {
      this.driver = this.createDriver();
    } catch (e) {
      // keep the destroyed driver: its connect fails, which counts and retries the rebuild
      this.log.error({ err: safeError(e) }, "driver could not be created");
    }
  }

  /** Drivers that take a logger as a second argument (modbus, opcua) get the source's. */
  private createDriver(): Driver {
    const f = this.deps.factory;
    return (f.create as (s: DriverSource, l?: Logger) => Driver).call(f, this.ds, this.log);
  }

  private dropQueue(): void {
    for (const g of this.queue) g.queued = false;
    this.queue = [];
  }

  private notify(): void {
    const st = this.state();
    if (st === this.lastState) return;
    const level = st === "down" ? "error" : st === "up" || st === "connecting" ? "info" : "warn";
    this.log[level]({ from: this.lastState, to: st, lastError: this.counters.lastError }, `source ${st}`);
    this.lastState = st;
    this.deps.onStateChange?.(this.src.name, st);
  }
}
