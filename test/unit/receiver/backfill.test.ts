/**
 * Backfill through the real store and a real SQLite history: journal samples merge
 * idempotently and raise "backfill"; hostile ones are dropped and counted; a stretch
 * the reader can no longer re-send becomes BadNoCommunication at its edges; the
 * receiver's own downtime opens a stretch the carousel can cover.
 */
import t from "tap";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { silentLogger } from "../../../src/core/log.js";
import { Status } from "../../../src/core/status.js";
import { DiskHistory } from "../../../src/receiver/history/disk.js";
import type { HistorySample, TagState } from "../../../src/receiver/store-api.js";
import { defs, health, makeStore } from "./fakes.js";

const DAY = 86_400_000;

function disk(t: { teardown(fn: () => unknown): void }, dir?: string) {
  const d = dir ?? mkdtempSync(join(tmpdir(), "sluice-bf-"));
  if (!dir) t.teardown(() => rmSync(d, { recursive: true, force: true }));
  return { dir: d, open: (now: () => number) => new DiskHistory({ path: d, retainMs: DAY, maxBytes: 2 ** 30, logger: silentLogger, now }) };
}

void t.test("journal samples fill a cut once, in order, and are announced; hostile ones are counted", async (t) => {
  const clock = { t: 1_700_000_000_000 };
  const h = disk(t).open(() => clock.t);
  const { link, store } = makeStore({ history: h, historyRetainMs: DAY, now: () => clock.t });
  t.teardown(() => store.close());
  link.catalog(defs(["p/a", "float64"], ["p/secret", "float64"]), clock.t);
  const T = clock.t;
  link.samples([{ alias: 0, value: 1, status: 0, sourceTime: T }], T);
  link.samples([{ alias: 0, value: 9, status: 0, sourceTime: T + 60_000 }], T + 60_000);
  const announced: { tag: TagState; samples: HistorySample[] }[][] = [];
  store.on("backfill", (b: { tag: TagState; samples: HistorySample[] }[]) => announced.push(b));
  const cut = Array.from({ length: 59 }, (_, i) => ({ alias: 0, value: 2 + i, status: 0, sourceTime: T + (i + 1) * 1000 }));
  link.history([...cut, { alias: 0, value: 1, status: 0, sourceTime: T }], { from: T, to: T + 60_000 });
  link.history(cut, { from: T, to: T + 60_000 });
  t.equal(announced.length, 1, "one announcement: the second copy brought nothing new");
  t.same(announced[0]![0]!.samples.map((s) => s.sourceTime), cut.map((s) => s.sourceTime), "the new samples, oldest first");
  t.equal(announced[0]![0]!.tag.def.path, "p/a");
  const all = store.history("p/a", {})!;
  t.same(all.map((s) => s.value), [1, ...cut.map((s) => s.value), 9], "every sample once, ordered by source time");
  t.equal(store.get("p/a")!.value, 9, "history never becomes the live value");
  link.history([
    { alias: 0, value: 1, status: 0, sourceTime: clock.t + 10 * 60_000 },
    { alias: 0, value: 1, status: 0, sourceTime: clock.t - 2 * DAY },
    { alias: 1, value: 1, status: 0, sourceTime: T + 500 },
    { alias: 7, value: 1, status: 0, sourceTime: T + 500 },
    { alias: 0, value: "x", status: 0, sourceTime: T + 500 },
  ], { from: T - 3 * DAY, to: T + DAY });
  t.same(store.backfillStats().drops, { future: 1, retention: 1, policy: 1, unknown: 1, malformed: 1 });
  t.equal(store.history("p/a", {})!.length, all.length, "none of them stored");
  t.equal(store.backfillStats().backfilled, 59);
});

void t.test("a reader restart is a gap at the exact stretch: Bad at its start, the value again at its end", async (t) => {
  const clock = { t: 1_700_000_000_000 };
  const h = disk(t).open(() => clock.t);
  const { link, store } = makeStore({ history: h, now: () => clock.t });
  t.teardown(() => store.close());
  link.sessionId = 1n;
  link.catalog(defs(["p/a", "float64"], ["p/b", "float64"]), clock.t);
  const T = clock.t;
  link.samples([{ alias: 0, value: 5, status: 0, sourceTime: T }, { alias: 1, value: 1, status: 0, sourceTime: T }], T);
  clock.t += 30_000;
  const a = T + 1; // the last frame of the old session was at T
  link.session(2n);
  link.samples([{ alias: 0, value: 5, status: 0, sourceTime: clock.t }, { alias: 1, value: 2, status: 0, sourceTime: clock.t + 5 }], clock.t, "keyframe");
  const b = clock.t;
  link.health({ ...health("local-hash", clock.t), journal: { from: b, samples: 2, bytes: 100, degraded: false } }, clock.t + 10);
  t.same(store.history("p/a", {})!.map((s) => [s.sourceTime - T, s.status, s.value]), [
    [0, 0, 5], [a - T, Status.BadNoCommunication, null], [b - T, 0, 5],
  ], "p/a: Bad over [a, b), then its (unchanged) value again");
  t.same(store.history("p/b", {})!.map((s) => [s.sourceTime - T, s.status, s.value]), [
    [0, 0, 1], [a - T, Status.BadNoCommunication, null], [b + 5 - T, 0, 2],
  ], "p/b changed after b: Bad until its next real sample");
  const window = store.history("p/a", { from: a + 1000, to: b - 1000 })!;
  t.same(window, [], "inside the gap a raw window is empty (bounds show the Bad sample: see historian tests)");
  t.equal(store.backfillStats().gapsLost, 1);
  t.equal(store.backfillStats().oldestGapSeenAt, null, "nothing left open");
});

void t.test("receiver downtime opens a stretch the carousel can cover; a restart keeps the history", async (t) => {
  const clock = { t: 1_700_000_000_000 };
  const d = disk(t);
  const T = clock.t;
  {
    const h = d.open(() => clock.t);
    const { link, store } = makeStore({ history: h, now: () => clock.t });
    link.sessionId = 1n;
    link.catalog(defs(["p/a", "float64"]), clock.t);
    for (let i = 0; i < 10; i++) link.samples([{ alias: 0, value: i, status: 0, sourceTime: T + i * 1000 }], T + i * 1000);
    store.flushHistory();
    // kill -9 here: no close(); the last flush is what the next run finds
  }
  clock.t = T + 40_000;
  const h2 = d.open(() => clock.t);
  const { link, store } = makeStore({ history: h2, now: () => clock.t });
  t.teardown(() => store.close());
  link.sessionId = 1n;
  link.catalog(defs(["p/a", "float64"]), clock.t);
  t.same(store.history("p/a", {})!.map((s) => s.value), [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], "history from before the stop is intact");
  link.samples([{ alias: 0, value: 40, status: 0, sourceTime: clock.t }], clock.t);
  link.health({ ...health("local-hash", clock.t), journal: { from: T - 600_000, samples: 50, bytes: 1000, degraded: false } }, clock.t);
  t.not(store.backfillStats().oldestGapSeenAt, null, "the downtime is an open gap while the journal still holds it");
  const down = Array.from({ length: 30 }, (_, i) => ({ alias: 0, value: 10 + i, status: 0, sourceTime: T + (10 + i) * 1000 }));
  link.history(down.slice(0, 15), { from: T + 9000, to: T + 40_000, part: 0, parts: 2 });
  link.history(down.slice(15), { from: T + 9000, to: T + 40_000, part: 1, parts: 2 });
  t.equal(store.backfillStats().oldestGapSeenAt, null, "a complete segment covers it");
  t.same(store.history("p/a", {})!.map((s) => s.value), Array.from({ length: 41 }, (_, i) => i), "the downtime is backfilled, nothing twice");
  t.equal(store.backfillStats().gapsLost, 0, "and nothing was recorded as lost");
});

void t.test("a part the carousel re-sends unchanged is skipped; a changed one, or any after a catalogue change, is merged", async (t) => {
  const clock = { t: 1_700_000_000_000 };
  const h = disk(t).open(() => clock.t);
  const { link, store } = makeStore({ history: h, historyRetainMs: DAY, now: () => clock.t });
  t.teardown(() => store.close());
  link.catalog(defs(["p/a", "float64"], ["p/b", "int32"]), clock.t);
  const T = clock.t - 60_000;
  const part = (v: number, last = 3000) => [
    { alias: 0, value: v, status: 0, sourceTime: T + 1000 }, { alias: 1, value: 7, status: 0, sourceTime: T + 2000 },
    { alias: 0, value: 2.5, status: 0, sourceTime: T + last },
  ];
  let merged = 0;
  const merge = h.merge.bind(h);
  h.merge = (key, samples) => { merged++; return merge(key, samples); };
  link.history(part(1), { from: T, to: T + 5000 });
  t.equal(merged, 2, "first copy: merged, one call per tag");
  t.equal(store.backfillStats().backfilled, 3);
  for (let i = 0; i < 5; i++) link.history(part(1), { from: T, to: T + 5000 });
  t.equal(merged, 2, "five identical re-sends: nothing merged again");
  t.equal(store.backfillStats().repeats, 5);
  link.history(part(1), { from: T, to: T + 5000, part: 1, parts: 2 });
  t.equal(merged, 4, "the same samples as another part of the window: merged (keyed by part)");
  link.history(part(1, 3500), { from: T, to: T + 5000 });
  t.equal(merged, 6, "same window, part and count, one sample's time differs: merged");
  t.same(store.history("p/a", {})!.map((s) => s.sourceTime - T), [1000, 3000, 3500], "and the new sample is stored");
  link.history(part(1.5), { from: T, to: T + 5000 });
  t.equal(merged, 8, "one value differs: merged");

  // a retype resets p/b's history; the same part re-sent must fill it again
  link.catalog(defs(["p/a", "float64"], ["p/b", "float64"]), clock.t);
  t.same(store.history("p/b", {}), [], "retyped: history reset");
  link.history(part(1), { from: T, to: T + 5000 });
  t.same(store.history("p/b", {})!.map((s) => s.value), [7], "refilled after the catalogue change");

  // a part with a sample from the future is never remembered: once its time has come it merges
  const ahead = [{ alias: 0, value: 42, status: 0, sourceTime: clock.t + 120_000 }];
  link.history(ahead, { from: clock.t, to: clock.t + 121_000 });
  t.equal(store.backfillStats().drops.future, 1);
  clock.t += 120_000;
  link.history(ahead, { from: clock.t - 120_000, to: clock.t + 1_000 });
  link.history(ahead, { from: clock.t - 120_000, to: clock.t + 1_000 });
  t.equal(store.history("p/a", {})!.at(-1)!.value, 42, "merged once it was no longer in the future");
  t.equal(store.backfillStats().repeats, 6, "and its second copy skipped");
  t.equal(store.backfillStats().backfilled, 6, "3 + the new sample + p/b refilled + the no-longer-future one");
});
