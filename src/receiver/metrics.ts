/**
 * Prometheus metrics of the receiver (prom-client, on its own Registry).
 *
 *   store.link() / store.health() / store.all() ──collect() at scrape──▶ gauges, mirrored counters
 *   link "frame" events ──receivedAt - frameTime──▶ sluice_link_latency_seconds
 *
 * Names and labels listed in the README ("Serving") are the contract; the extras are marked below. No
 * default process metrics: several are gauges named *_total and fail `promtool check
 * metrics`. Counters owned by the link or the reader are mirrored at scrape time
 * (reset + inc), so they restart from 0 when the process or the reader restarts, which
 * Prometheus' rate() reads as a counter reset. No per-tag labels, ever.
 */
import type { EventEmitter } from "node:events";
import { Counter, Gauge, Histogram, Registry } from "prom-client";
import { quality } from "../core/status.js";
import { REJECT_REASONS } from "../link/index.js";
import type { HistoryStats } from "./history/api.js";
import { DROP_REASONS, type TagStoreView } from "./store-api.js";
import { mqttMetrics } from "./mqtt/metrics.js";
import type { MqttStats } from "./mqtt/stats.js";

export interface MetricsOptions {
  store: TagStoreView;
  /** the link intake, for per-frame latency ("frame" events) */
  link?: EventEmitter;
  /** values blocked by the receiver's own policy, by reason (PolicyGate.blocked) */
  policyBlocked?: () => Record<string, number>;
  /** the OPC UA adapter's value updates (null while it is off or not started) */
  opcuaUpdates?: () => { superseded: number; lagMs: number } | null;
  /** the MQTT publisher's counters, when mqtt is configured */
  mqtt?: () => MqttStats;
  /** authenticated input dropped over a receiver limit, by reason (LinkReceiver.dropped) */
  dropped?: () => Record<string, number>;
  /** samples the store dropped, by reason (TagStore.drops) */
  drops?: () => Record<string, number>;
  /** the history store and backfill figures (TagStore.historyStats / backfillStats) */
  history?: () => { store: HistoryStats | null; backfill: BackfillStats };
}

export interface BackfillStats {
  backfilled: number;
  gapSamples: number;
  gapsLost: number;
  drops: Record<string, number>;
  oldestGapSeenAt: number | null;
  /** history parts re-sent unchanged after they were merged (skipped, not decoded) */
  repeats: number;
}

interface FrameInfo {
  frameTime?: number;
  meta?: { receivedAt?: number };
}

/**
 * `get`, called at most once per scrape: prom-client collects every metric of a scrape
 * in the same turn of the event loop, so the value is kept until the next turn.
 */
export function perScrape<T>(get: () => T): () => T {
  let held: { v: T } | null = null;
  return () => {
    if (held) return held.v;
    held = { v: get() };
    setImmediate(() => { held = null; });
    return held.v;
  };
}

/** ms .. s: loopback is sub-millisecond, a paced diode link with FEC can take seconds. */
export const LATENCY_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export class ReceiverMetrics {
  readonly registry = new Registry();
  private readonly latency: Histogram;
  private readonly rest: Counter<"route" | "code">;
  private readonly authFailures: Counter<"reason">;
  private readonly detach: () => void;

  private readonly store: TagStoreView;

  constructor(opts: MetricsOptions) {
    const { store } = opts;
    this.store = store;
    const registers = [this.registry];
    const mirror = (c: Counter, v: number) => { c.reset(); c.inc(v); };

    new Gauge({
      name: "sluice_link_up", help: "1 while authenticated frames arrive within link.timeout", registers,
      collect() { this.set(store.link().up ? 1 : 0); },
    });
    new Counter({
      name: "sluice_link_datagrams_received_total", help: "UDP datagrams received on the link socket", registers,
      collect() { mirror(this, store.link().datagramsReceived); },
    });
    new Counter({
      name: "sluice_link_datagrams_rejected_total", labelNames: ["reason"] as const, registers,
      help: "datagrams (and payloads that do not decode: malformed) dropped by the link intake, by reason",
      collect() {
        const r = store.link().rejected;
        this.reset();
        for (const reason of new Set([...REJECT_REASONS, ...Object.keys(r)])) this.inc({ reason }, r[reason] ?? 0);
      },
    });
    new Counter({
      name: "sluice_link_frames_lost_total", help: "frames missing after forward error correction", registers,
      collect() { mirror(this, store.link().framesLost); },
    });
    new Counter({
      name: "sluice_link_frames_recovered_total", help: "frames rebuilt by forward error correction", registers,
      collect() { mirror(this, store.link().framesRecovered); },
    });
    new Gauge({
      name: "sluice_link_last_frame_timestamp_seconds", help: "Unix time of the last accepted frame (0 before any)", registers,
      collect() { this.set((store.link().lastFrameTime ?? 0) / 1000); },
    });
    this.latency = new Histogram({
      name: "sluice_link_latency_seconds", registers, buckets: LATENCY_BUCKETS,
      help: "reader frame time to receiver acceptance (needs synchronised clocks; negative skew counts as 0)",
    });
    new Counter({
      name: "sluice_link_sessions_total", help: "reader sessions seen (reader starts and restarts)", registers,
      collect() { mirror(this, store.link().sessions); },
    });
    new Gauge({
      name: "sluice_tags", labelNames: ["quality"] as const, help: "tags in the store by quality", registers,
      collect() {
        const n = { good: 0, uncertain: 0, bad: 0 };
        for (const s of store.all()) n[quality(s.status)]++;
        for (const [q, v] of Object.entries(n)) this.set({ quality: q }, v);
      },
    });
    new Gauge({
      name: "sluice_source_up", labelNames: ["source"] as const, registers,
      help: "1 while the reader reports the source connected (state up or degraded), relayed by heartbeats",
      collect() {
        this.reset();
        for (const s of store.health()?.sources ?? []) this.set({ source: s.name }, s.state === "up" || s.state === "degraded" ? 1 : 0);
      },
    });
    new Counter({
      name: "sluice_source_polls_total", labelNames: ["source", "result"] as const, registers,
      help: "polls completed by the reader, by result, relayed by heartbeats (resets when the reader restarts)",
      collect() {
        this.reset();
        for (const s of store.health()?.sources ?? []) {
          this.inc({ source: s.name, result: "ok" }, s.pollsOk);
          this.inc({ source: s.name, result: "error" }, s.pollsError);
        }
      },
    });

    // Extras beyond the original contract.
    new Gauge({
      name: "sluice_link_birth", help: "1 once a complete tag catalogue (birth) has arrived", registers,
      collect() { this.set(store.link().birth ? 1 : 0); },
    });
    new Gauge({
      name: "sluice_policy_mismatch", help: "1 when the reader's crossing-policy hash differs from the receiver's", registers,
      collect() { this.set(store.link().policy.mismatch ? 1 : 0); },
    });
    new Counter({
      name: "sluice_source_poll_overruns_total", labelNames: ["source"] as const, registers,
      help: "polls that did not finish within their interval, relayed by heartbeats",
      collect() {
        this.reset();
        for (const s of store.health()?.sources ?? []) this.inc({ source: s.name }, s.overruns);
      },
    });
    new Counter({
      name: "sluice_reader_policy_blocked_total", labelNames: ["reason"] as const, registers,
      help: "values the reader's crossing policy kept from crossing, by reason, relayed by heartbeats",
      collect() {
        this.reset();
        for (const [reason, n] of Object.entries(store.health()?.blocked ?? {})) this.inc({ reason }, n);
      },
    });
    const blocked = opts.policyBlocked;
    if (blocked) {
      new Counter({
        name: "sluice_receiver_policy_blocked_total", labelNames: ["reason"] as const, registers,
        help: "values the receiver's own crossing policy dropped, by reason",
        collect() {
          this.reset();
          for (const [reason, n] of Object.entries(blocked())) this.inc({ reason }, n);
        },
      });
    }
    if (opts.opcuaUpdates) {
      const updates = opts.opcuaUpdates;
      new Counter({
        name: "sluice_opcua_updates_superseded_total", registers,
        help: "value updates replaced by a newer value of the same tag before OPC UA applied them (overload: coalescing)",
        collect() { mirror(this, updates()?.superseded ?? 0); },
      });
      new Gauge({
        name: "sluice_opcua_update_lag_seconds", registers,
        help: "age of the oldest value update waiting for the OPC UA address space (0 when it keeps up)",
        collect() { this.set((updates()?.lagMs ?? 0) / 1000); },
      });
    }
    const dropped = opts.dropped;
    if (dropped) {
      new Counter({
        name: "sluice_receiver_dropped_total", labelNames: ["reason"] as const, registers,
        help: "authenticated input over a receiver limit, by reason: dropped, or for type_range and nonfinite served as null with a Bad status",
        collect() {
          this.reset();
          for (const [reason, n] of Object.entries(dropped())) this.inc({ reason }, n);
        },
      });
    }
    const drops = opts.drops;
    if (drops) {
      new Counter({
        name: "sluice_receiver_samples_dropped_total", labelNames: ["reason"] as const, registers,
        help: "samples the receiver's tag store dropped, by reason (policy, malformed, older, unknown)",
        collect() {
          const d = drops();
          this.reset();
          for (const reason of new Set([...DROP_REASONS, ...Object.keys(d)])) this.inc({ reason }, d[reason] ?? 0);
        },
      });
    }
    new Gauge({
      name: "sluice_history_depth_samples", help: "history samples kept per tag (0 = history off)", registers,
      collect() { this.set(store.historyDepth); },
    });
    if (opts.history) this.historyMetrics(opts.history, registers);
    this.rest = new Counter({
      name: "sluice_rest_requests_total", labelNames: ["route", "code"] as const, registers,
      help: "REST requests answered, by route template and HTTP status",
    });

    this.authFailures = new Counter({
      name: "sluice_rest_auth_failures_total", labelNames: ["reason"] as const, registers,
      help: "REST logins refused: reason=password (wrong user or password), token (unknown bearer token), limited (429, too many failures)",
    });
    for (const reason of ["password", "token", "limited"]) this.authFailures.inc({ reason }, 0);
    if (opts.mqtt) mqttMetrics(this.registry, opts.mqtt);

    const onFrame = (info: FrameInfo) => {
      const at = info?.meta?.receivedAt;
      const sent = info?.frameTime;
      if (typeof at === "number" && typeof sent === "number") this.latency.observe(Math.max(0, at - sent) / 1000);
    };
    opts.link?.on("frame", onFrame);
    this.detach = () => { opts.link?.off("frame", onFrame); };
  }

  /** sluice_history_*: the store, backfill and the reader's journal (from heartbeats). No per-tag labels. */
  private historyMetrics(get: NonNullable<MetricsOptions["history"]>, registers: Registry[]): void {
    const gauge = (name: string, help: string, f: () => number) => new Gauge({ name, help, registers, collect() { this.set(f()); } });
    const counter = (name: string, help: string, f: () => number) => new Counter({ name, help, registers, collect() { this.reset(); this.inc(f()); } });
    // the figures are read once per scrape, not once per metric (the in-memory history walks every ring)
    const snap = perScrape(get);
    const st = () => snap().store;
    const bf = () => snap().backfill;
    gauge("sluice_history_samples", "samples held by the history store", () => st()?.samples ?? 0);
    gauge("sluice_history_bytes", "bytes held by the history store (disk: database pages in use)", () => st()?.bytes ?? 0);
    gauge("sluice_history_oldest_sample_timestamp_seconds", "Unix time of the oldest sample held (0 when empty)", () => (st()?.oldest ?? 0) / 1000);
    gauge("sluice_history_degraded", "1 while history writes fail (disk full); live values keep flowing", () => (st()?.degraded ? 1 : 0));
    counter("sluice_history_write_errors_total", "history store writes that failed", () => st()?.writeErrors ?? 0);
    counter("sluice_history_evicted_samples_total", "samples evicted by history.retain, history.maxBytes or the ring depth", () => st()?.evicted ?? 0);
    counter("sluice_history_backfilled_samples_total", "samples the reader's history carousel filled in", () => bf().backfilled);
    counter("sluice_history_backfill_repeats_total", "history parts the carousel re-sent unchanged after they were merged: skipped without decoding", () => bf().repeats);
    counter("sluice_history_gap_samples_total", "BadNoCommunication edge samples written for stretches the reader could not re-send", () => bf().gapSamples);
    counter("sluice_history_gaps_total", "stretches recorded as lost (never re-sent)", () => bf().gapsLost);
    gauge("sluice_history_oldest_gap_age_seconds", "age of the oldest stretch not yet filled nor given up (0: none)", () => {
      const at = bf().oldestGapSeenAt;
      return at === null ? 0 : Math.max(0, Date.now() - at) / 1000;
    });
    new Counter({
      name: "sluice_history_backfill_dropped_total", labelNames: ["reason"] as const, registers,
      help: "history samples from the reader dropped, by reason (policy, malformed, unknown, retention, future)",
      collect() {
        const d = bf().drops;
        this.reset();
        for (const [reason, n] of Object.entries(d)) this.inc({ reason }, n);
      },
    });
    const store = this.store;
    const j = () => store.health()?.journal;
    gauge("sluice_reader_journal_samples", "samples in the reader's journal, relayed by heartbeats", () => j()?.samples ?? 0);
    gauge("sluice_reader_journal_bytes", "bytes of the reader's journal, relayed by heartbeats", () => j()?.bytes ?? 0);
    gauge("sluice_reader_journal_oldest_timestamp_seconds", "Unix time of the oldest sample the reader's journal holds (0: empty)", () => (j()?.from ?? 0) / 1000);
    gauge("sluice_reader_journal_degraded", "1 when the reader's disk journal failed and fell back to memory", () => (j()?.degraded ? 1 : 0));
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  /** The exposition text for one scrape. */
  text(): Promise<string> {
    return this.registry.metrics();
  }

  observeRest(route: string, code: number): void {
    this.rest.inc({ route, code: String(code) });
  }

  authFailed(reason: "password" | "token" | "limited"): void {
    this.authFailures.inc({ reason });
  }

  close(): void {
    this.detach();
    this.registry.clear();
  }
}
