import t from "tap";
import { HistoryRing } from "../../../src/receiver/history/ring.js";
import { Status } from "../../../src/core/status.js";

void t.test("ring is bounded at its depth and keeps the newest samples", async (t) => {
  const r = new HistoryRing("float64", 4);
  for (let i = 1; i <= 10; i++) t.equal(r.append(i * 1.5, Status.Good, 1000 + i), true);
  t.equal(r.length, 4);
  t.same(r.query().map((s) => s.value), [10.5, 12, 13.5, 15]);
  t.same(r.query().map((s) => s.sourceTime), [1007, 1008, 1009, 1010]);
});

void t.test("ring grows lazily: a rarely changing tag holds little memory", async (t) => {
  const r = new HistoryRing("float64", 100_000);
  r.append(1, 0, 1);
  t.ok(r.bytes < 1000, `bytes ${r.bytes}`);
  for (let i = 2; i <= 1000; i++) r.append(i, 0, i);
  t.equal(r.length, 1000);
  t.same(r.query({ from: 998 }).map((s) => s.value), [998, 999, 1000]);
});

void t.test("samples not newer than the last are not recorded", async (t) => {
  const r = new HistoryRing("int16", 10);
  t.equal(r.append(1, 0, 100), true);
  t.equal(r.append(1, 0, 100), false, "keyframe repeat");
  t.equal(r.append(2, 0, 99), false, "late sample");
  t.equal(r.length, 1);
  t.equal(r.lastTime, 100);
});

void t.test("from/to are inclusive, limit keeps the oldest", async (t) => {
  const r = new HistoryRing("uint32", 100);
  for (let i = 0; i < 50; i++) r.append(i, 0, i * 10);
  t.same(r.query({ from: 100, to: 140 }).map((s) => s.value), [10, 11, 12, 13, 14]);
  t.same(r.query({ from: 101, to: 139 }).map((s) => s.value), [11, 12, 13]);
  t.same(r.query({ from: 100, limit: 2 }).map((s) => s.value), [10, 11]);
  t.same(r.query({ to: 20 }).map((s) => s.value), [0, 1, 2]);
  t.same(r.query({ from: 1000 }), []);
  t.same(r.query({ from: 50, to: 40 }), []);
  t.same(r.query({ limit: 0 }), []);
});

void t.test("range queries stay right after the ring wraps", async (t) => {
  const r = new HistoryRing("float32", 8);
  for (let i = 0; i < 21; i++) r.append(i, 0, i);
  t.same(r.query().map((s) => s.value), [13, 14, 15, 16, 17, 18, 19, 20]);
  t.same(r.query({ from: 15, to: 17 }).map((s) => s.value), [15, 16, 17]);
  t.same(r.query({ from: 0, limit: 3 }).map((s) => s.value), [13, 14, 15]);
});

void t.test("every value kind round-trips, including null and status", async (t) => {
  const b = new HistoryRing("bool", 4);
  b.append(true, 0, 1); b.append(false, 0, 2); b.append(null, Status.BadConfigurationError, 3);
  t.same(b.query(), [
    { value: true, status: 0, sourceTime: 1 }, { value: false, status: 0, sourceTime: 2 },
    { value: null, status: Status.BadConfigurationError, sourceTime: 3 },
  ]);
  const i64 = new HistoryRing("int64", 4);
  i64.append(-(2n ** 63n), 0, 1); i64.append(2n ** 62n + 1n, 0, 2);
  t.same(i64.query().map((s) => s.value), [-(2n ** 63n), 2n ** 62n + 1n]);
  const u64 = new HistoryRing("uint64", 2);
  u64.append(2n ** 64n - 1n, 0, 1);
  t.equal(u64.query()[0]?.value, 2n ** 64n - 1n);
  const s = new HistoryRing("string", 2);
  for (let i = 0; i < 20; i++) s.append(`v${i}`, Status.UncertainLastUsableValue, i);
  t.same(s.query(), [
    { value: "v18", status: Status.UncertainLastUsableValue, sourceTime: 18 },
    { value: "v19", status: Status.UncertainLastUsableValue, sourceTime: 19 },
  ]);
  s.clear();
  t.equal(s.length, 0);
  t.same(s.query(), []);
});

void t.test("depth must be positive", async (t) => {
  t.throws(() => new HistoryRing("bool", 0), RangeError);
});
