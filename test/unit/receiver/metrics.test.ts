/**
 * /metrics: every DESIGN.md metric with its labels, and the exposition passes
 * `promtool check metrics` (Debian package "prometheus"; the test fails, never
 * skips, when promtool is missing).
 */
import t from "tap";
import { DROP_REASONS } from "../../../src/link/index.js";
import { spawnSync } from "node:child_process";
import { Status } from "../../../src/core/status.js";
import { silentLogger } from "../../../src/core/log.js";
import { ReceiverMetrics } from "../../../src/receiver/metrics.js";
import { startRestServer } from "../../../src/receiver/rest/server.js";
import { defs, health, makeStore } from "./fakes.js";
import { http } from "./http.js";

async function scrape(t: { teardown(fn: () => unknown): void }) {
  const env = makeStore();
  const ua = { superseded: 0, lagMs: 0 };
  const metrics = new ReceiverMetrics({
    store: env.store, link: env.link, policyBlocked: () => ({ denied: 4, rate: 1 }), opcuaUpdates: () => ua,
    dropped: () => Object.fromEntries(DROP_REASONS.map((r, i) => [r, i])), drops: () => env.store.drops(),
    history: () => ({ store: env.store.historyStats(), backfill: env.store.backfillStats() }),
  });
  const { app, url } = await startRestServer({
    store: env.store, metrics, logger: silentLogger, host: "127.0.0.1", port: 0, observe: (r, c) => metrics.observeRest(r, c),
  });
  t.teardown(async () => { await app.close(); metrics.close(); });
  return { ...env, ua, text: async () => (await http(url, "GET", "/metrics")).text, url };
}

function promtool(text: string): { ok: boolean; out: string } {
  const r = spawnSync("promtool", ["check", "metrics"], { input: text, encoding: "utf8" });
  if (r.error) {
    throw new Error(`promtool not runnable (${r.error.message}): install the Debian package "prometheus" (apt-get install -y prometheus)`);
  }
  return { ok: r.status === 0, out: `${r.stdout}${r.stderr}` };
}

void t.test("all contract metrics are exposed with their labels and pass promtool", async (t) => {
  const { link, clock, store, text, ua } = await scrape(t);
  const empty = await text();
  t.ok(promtool(empty).ok, `promtool on an idle receiver: ${promtool(empty).out}`);
  for (const r of ["auth", "replay", "malformed", "version", "oversize", "session"]) {
    t.match(empty, new RegExp(`^sluice_link_datagrams_rejected_total\\{reason="${r}"\\} 0$`, "m"), `reason ${r} pre-initialised`);
  }
  t.notMatch(empty, /^sluice_link_datagrams_rejected_total\{reason="policy"\}/m, "policy drops are the store's, not the link's");
  for (const r of ["policy", "malformed", "older", "unknown"]) {
    t.match(empty, new RegExp(`^sluice_receiver_samples_dropped_total\\{reason="${r}"\\} 0$`, "m"), `store drop reason ${r} pre-initialised`);
  }
  t.match(empty, /^sluice_link_up 0$/m);
  t.notMatch(empty, /^(process|nodejs)_/m, "no default metrics");

  link.sessionId = 7n;
  link.health(health("other"), clock.t);
  link.catalog(defs(["p/a", "float64"], ["p/b", "float64"], ["p/c", "float64"], ["p/secret", "float64"]), clock.t);
  link.samples([
    { alias: 0, value: 1, status: Status.Good, sourceTime: clock.t },
    { alias: 1, value: 1, status: Status.UncertainLastUsableValue, sourceTime: clock.t },
    { alias: 3, value: 1, status: Status.Good, sourceTime: clock.t },
  ], clock.t);
  link.emit("frame", { kind: "delta", frameTime: clock.t - 20, meta: { receivedAt: clock.t } });
  // a history part holding what is already known, re-sent once: merged (nothing new), then a repeat
  for (let i = 0; i < 2; i++) link.history([{ alias: 0, value: 1, status: Status.Good, sourceTime: clock.t }], { from: clock.t - 1000, to: clock.t + 1 }, clock.t);
  link.countReject("auth", 3);
  ua.superseded = 12;
  ua.lagMs = 1500;
  const full = await text();
  const check = promtool(full);
  t.ok(check.ok, `promtool: ${check.out}`);
  const expect: [RegExp, string][] = [
    [/^sluice_link_up 1$/m, "link up"],
    [/^sluice_opcua_updates_superseded_total 12$/m, "OPC UA overload: superseded updates"],
    [/^sluice_opcua_update_lag_seconds 1\.5$/m, "OPC UA overload: lag of the oldest waiting update"],
    [/^# TYPE sluice_link_datagrams_received_total counter$/m, "datagrams counter"],
    [/^sluice_link_datagrams_rejected_total\{reason="auth"\} 3$/m, "auth rejects"],
    [/^sluice_receiver_samples_dropped_total\{reason="policy"\} 1$/m, "policy drop of p/secret's sample, counted by the store"],
    [/^# TYPE sluice_link_frames_lost_total counter$/m, "frames lost"],
    [/^# TYPE sluice_link_frames_recovered_total counter$/m, "frames recovered"],
    [/^sluice_link_last_frame_timestamp_seconds 1700000000$/m, "last frame time in seconds"],
    [/^# TYPE sluice_link_latency_seconds histogram$/m, "latency histogram"],
    [/^sluice_link_latency_seconds_bucket\{le="0.025"\} [1-9]/m, "20 ms latency observed"],
    [/^sluice_link_sessions_total 1$/m, "sessions"],
    [/^sluice_tags\{quality="good"\} 1$/m, "good tags"],
    [/^sluice_tags\{quality="uncertain"\} 1$/m, "uncertain tags"],
    [/^sluice_tags\{quality="bad"\} 1$/m, "bad (waiting) tags"],
    [/^sluice_source_up\{source="press1"\} 1$/m, "source up"],
    [/^sluice_source_polls_total\{source="press1",result="ok"\} 10$/m, "polls ok"],
    [/^sluice_source_polls_total\{source="press1",result="error"\} 2$/m, "polls error"],
    [/^sluice_policy_mismatch 1$/m, "policy mismatch"],
    [/^sluice_link_birth 1$/m, "birth"],
    [/^sluice_receiver_policy_blocked_total\{reason="denied"\} 4$/m, "receiver policy blocked"],
    [/^sluice_receiver_dropped_total\{reason="time_future"\} 5$/m, "authenticated input over a receiver limit, by reason"],
    [/^sluice_history_samples 2$/m, "history samples held (p/a and p/b)"],
    [/^sluice_history_bytes [1-9]/m, "history bytes"],
    [/^sluice_history_backfilled_samples_total 0$/m, "nothing backfilled yet"],
    [/^sluice_history_backfill_repeats_total 1$/m, "one history part re-sent after it was merged"],
    [/^sluice_history_backfill_dropped_total\{reason="future"\} 0$/m, "backfill drops by reason"],
    [/^sluice_history_oldest_gap_age_seconds 0$/m, "no open gap"],
    [/^sluice_reader_journal_samples 0$/m, "reader journal depth (none reported)"],
    [/^sluice_rest_requests_total\{route="\/metrics",code="200"\} 1$/m, "REST requests"],
  ];
  for (const [re, what] of expect) t.match(full, re, what);
  t.notMatch(full, /p\/a|secret/, "no per-tag labels");

  clock.t += 20_000;
  store.sweep();
  const silent = await text();
  t.match(silent, /^sluice_link_up 0$/m);
  t.match(silent, /^sluice_tags\{quality="bad"\} 3$/m, "silence makes every tag bad");
});

void t.test("the history figures are read once per scrape (the memory store walks every ring) and afresh on the next", async (t) => {
  const env = makeStore();
  let reads = 0;
  const metrics = new ReceiverMetrics({
    store: env.store,
    history: () => { reads++; return { store: env.store.historyStats(), backfill: env.store.backfillStats() }; },
  });
  t.teardown(() => metrics.close());
  env.link.catalog(defs(["p/a", "float64"]), env.clock.t);
  env.link.samples([{ alias: 0, value: 1, status: Status.Good, sourceTime: env.clock.t }], env.clock.t);
  const first = await metrics.registry.metrics();
  t.equal(reads, 1, "one read for the eleven history metrics");
  t.match(first, /^sluice_history_samples 1$/m);
  env.link.samples([{ alias: 0, value: 2, status: Status.Good, sourceTime: env.clock.t + 1 }], env.clock.t + 1);
  await new Promise((r) => setImmediate(r));
  const second = await metrics.registry.metrics();
  t.equal(reads, 2, "the next scrape reads again");
  t.match(second, /^sluice_history_samples 2$/m, "and sees the new sample");
});
