/**
 * Scheduler behaviour with an in-test driver and a hand-driven clock:
 * fixed-rate polling, overruns, one request in flight, backoff caps,
 * demotion and recovery with the quality model, rebuilds, independence.
 */
import t from "tap";
import { Status, statusName } from "../../../src/core/status.js";
import { rig, source, tag } from "../../fixtures/reader/sched.js";

const names = (xs: { status: number }[]) => xs.map((s) => statusName(s.status));

void t.test("every tag starts BadWaitingForInitialData, then Good after the first poll", async (t) => {
  const r = rig(t, [source("a", {}, [{ intervalMs: 100, tags: [tag(0, "x"), tag(1, "y")] }])]);
  r.devices.a!.values.set("x", 7);
  r.sched.start();
  t.same(r.samples.map((s) => [s.alias, s.value, s.status]), [[0, null, Status.BadWaitingForInitialData], [1, null, Status.BadWaitingForInitialData]]);
  await r.clock.advance(0);
  t.same(r.of(0).at(-1), { alias: 0, value: 7, status: Status.Good, sourceTime: r.clock.t });
  t.equal(r.sched.health()[0]!.state, "up");
});

void t.test("a poll of several requests hands on each request's values as they arrive, once", async (t) => {
  const r = rig(t, [source("a", {}, [{ intervalMs: 1000, tags: [tag(0, "x"), tag(1, "y")] }])]);
  const dev = r.devices.a!;
  dev.partialFirst = true;
  dev.readMs = 50;
  dev.values.set("x", 1).set("y", 2);
  r.sched.start();
  const t0 = r.clock.t;
  await r.clock.advance(0);
  t.same(r.of(0).at(-1), { alias: 0, value: 1, status: Status.Good, sourceTime: t0 }, "the first request's value is out before the read ends");
  t.equal(r.of(1).at(-1)?.status, Status.BadWaitingForInitialData, "the rest waits for the read");
  await r.clock.advance(50);
  t.same(r.of(1).at(-1), { alias: 1, value: 2, status: Status.Good, sourceTime: t0 + 50 });
  t.equal(r.of(0).filter((s) => s.status === Status.Good).length, 1, "the early value is not sent again when the read ends");
  dev.values.set("x", 3);
  await r.clock.advance(1000);
  t.same(r.of(0).map((s) => s.value), [null, 1, 3], "the next poll hands on its first value early again");
  t.equal(r.sched.health()[0]!.pollsOk, 2);
});

void t.test("fixed rate: polls start on the plan, not after the previous poll ends", async (t) => {
  const r = rig(t, [source("a")]);
  const dev = r.devices.a!;
  dev.readMs = 30;
  r.sched.start();
  const t0 = r.clock.t;
  await r.clock.advance(1000);
  t.same(dev.reads.map((x) => x.at - t0), [0, 100, 200, 300, 400, 500, 600, 700, 800, 900, 1000]);
  const h = r.sched.health()[0]!;
  t.equal(h.pollsOk, 10);
  t.equal(h.overruns, 0);
});

void t.test("a poll still running at the next tick is an overrun: skipped, never queued", async (t) => {
  const r = rig(t, [source("a")]);
  const dev = r.devices.a!;
  dev.readMs = 250;
  r.sched.start();
  const t0 = r.clock.t;
  await r.clock.advance(1000);
  t.same(dev.reads.map((x) => x.at - t0), [0, 300, 600, 900]);
  t.equal(r.sched.health()[0]!.overruns, 7);
  t.equal(dev.maxInFlight, 1);
});

void t.test("slots missed because the event loop was held up count as overruns", async (t) => {
  const r = rig(t, [source("a")]);
  r.sched.start();
  await r.clock.advance(0);
  r.clock.t += 350; // the loop was blocked: slots at 100, 200, 300 passed unseen
  await r.clock.advance(0);
  t.equal(r.sched.health()[0]!.overruns, 2);
  t.equal(r.sched.health()[0]!.pollsOk, 2);
});

void t.test("groups of one source share its connection: one request in flight, each group at its own rate", async (t) => {
  const r = rig(t, [source("a", {}, [
    { intervalMs: 100, tags: [tag(0, "x")] },
    { intervalMs: 250, tags: [tag(1, "y"), tag(2, "z")] },
  ])]);
  const dev = r.devices.a!;
  dev.readMs = 10;
  r.sched.start();
  await r.clock.advance(1050); // at 1000 both groups are due: one waits for the other
  t.equal(dev.maxInFlight, 1);
  t.equal(dev.reads.filter((x) => x.points === 1).length, 11);
  t.equal(dev.reads.filter((x) => x.points === 2).length, 5);
  t.equal(r.sched.health()[0]!.overruns, 0);
});

void t.test("reconnect backoff doubles up to the cap (random 1: the ceiling)", async (t) => {
  const r = rig(t, [source("a", { backoff: { minMs: 100, maxMs: 1000 }, rebuildAfter: 1000, groups: [{ intervalMs: 60_000, tags: [tag(0, "x")] }] })], () => 1);
  const dev = r.devices.a!;
  dev.up = false;
  r.sched.start();
  await r.clock.advance(6000);
  const gaps = dev.connects.slice(1).map((c, i) => c - dev.connects[i]!);
  t.same(gaps.slice(0, 7), [100, 200, 400, 800, 1000, 1000, 1000]);
});

void t.test("reconnect backoff jitter stays within [ceiling/2, ceiling] and never under min (random 0)", async (t) => {
  const r = rig(t, [source("a", { backoff: { minMs: 100, maxMs: 1000 }, rebuildAfter: 1000, groups: [{ intervalMs: 60_000, tags: [tag(0, "x")] }] })], () => 0);
  const dev = r.devices.a!;
  dev.up = false;
  r.sched.start();
  await r.clock.advance(3000);
  const gaps = dev.connects.slice(1).map((c, i) => c - dev.connects[i]!);
  t.same(gaps.slice(0, 6), [100, 100, 200, 400, 500, 500]);
});

void t.test("killed device: Uncertain, then Bad within two intervals; the other source stays Good; recovery to Good", async (t) => {
  const r = rig(t, [source("a"), source("b", {}, [{ intervalMs: 100, tags: [tag(1, "x")] }])]);
  const [a, b] = [r.devices.a!, r.devices.b!];
  a.values.set("a", 42);
  b.values.set("x", 5);
  r.sched.start();
  await r.clock.advance(250);
  t.equal(r.of(0).at(-1)!.status, Status.Good);
  a.up = false;
  await r.clock.advance(400);
  const seq = r.of(0);
  t.same(names(seq), ["BadWaitingForInitialData", "Good", "UncertainNoCommunicationLastUsableValue", "BadNoCommunication"]);
  t.same(seq.slice(2).map((s) => s.value), [42, 42], "last value kept with the status");
  t.ok(seq[3]!.sourceTime - seq[2]!.sourceTime <= 200, "Bad within two intervals of Uncertain");
  t.equal(r.sched.health()[0]!.state, "down");
  t.ok(r.of(1).slice(1).every((s) => s.status === Status.Good), "other source untouched");
  const bReads = b.reads.length;
  a.up = true;
  const back = r.clock.t;
  await r.clock.advance(2000 + 100);
  const good = r.of(0).at(-1)!;
  t.equal(good.status, Status.Good);
  t.ok(good.sourceTime - back <= 2000, "Good again within the backoff maximum");
  t.equal(r.sched.health()[0]!.state, "up");
  t.equal(b.reads.length - bReads, 21, "b polled on every tick throughout");
});

void t.test("a tag that never had a value goes straight from waiting to BadNoCommunication", async (t) => {
  const r = rig(t, [source("a")]);
  r.devices.a!.up = false;
  r.sched.start();
  await r.clock.advance(1000);
  t.same(names(r.of(0)), ["BadWaitingForInitialData", "BadNoCommunication"]);
  t.equal(r.of(0)[1]!.value, null);
  const h = r.sched.health()[0]!;
  t.equal(h.state, "down");
  t.match(h.lastError, /ECONNREFUSED/);
});

void t.test("one failed read while connected: UncertainLastUsableValue for that group only, then Good", async (t) => {
  const r = rig(t, [source("a", {}, [
    { intervalMs: 100, tags: [tag(0, "x")] },
    { intervalMs: 1000, tags: [tag(1, "y")] },
  ])]);
  const dev = r.devices.a!;
  dev.values.set("x", 1).set("y", 2);
  r.sched.start();
  await r.clock.advance(50);
  dev.failReads = "timeout";
  dev.failCount = 1;
  await r.clock.advance(60);
  t.same(names(r.of(0)), ["BadWaitingForInitialData", "Good", "UncertainLastUsableValue"]);
  t.equal(r.of(0)[2]!.value, 1);
  t.equal(r.sched.health()[0]!.state, "degraded");
  t.same(names(r.of(1)), ["BadWaitingForInitialData", "Good"], "the other group is not affected");
  await r.clock.advance(100);
  t.equal(r.of(0).at(-1)!.status, Status.Good);
  t.equal(r.sched.health()[0]!.state, "up");
  t.equal(r.sched.health()[0]!.pollsError, 1);
});

void t.test("repeated read errors while connected demote to down", async (t) => {
  const r = rig(t, [source("a")]);
  const dev = r.devices.a!;
  dev.values.set("a", 3);
  r.sched.start();
  await r.clock.advance(50);
  dev.failReads = "timeout";
  await r.clock.advance(300);
  t.same(names(r.of(0)), ["BadWaitingForInitialData", "Good", "UncertainLastUsableValue", "BadNoCommunication"]);
  t.equal(r.sched.health()[0]!.state, "down");
});

void t.test("the driver is destroyed and re-created after rebuildAfter failed attempts", async (t) => {
  const r = rig(t, [source("a", { rebuildAfter: 3, backoff: { minMs: 100, maxMs: 100 }, groups: [{ intervalMs: 60_000, tags: [tag(0, "x")] }] })]);
  const dev = r.devices.a!;
  dev.up = false;
  r.sched.start();
  await r.clock.advance(150); // connects at 0, 100
  t.equal(dev.created, 1);
  await r.clock.advance(100); // third failure
  t.equal(dev.created, 2);
  t.equal(dev.destroyed, 1);
  await r.clock.advance(300);
  t.equal(dev.created, 3);
  dev.up = true;
  await r.clock.advance(100);
  t.equal(r.sched.health()[0]!.state, "up");
  t.equal(r.sched.rebuilds().a, 2);
});

void t.test("missed polls demote but do not trigger rebuilds (only failed connects and reads do)", async (t) => {
  const r = rig(t, [source("a", { rebuildAfter: 5, backoff: { minMs: 1000, maxMs: 1000 }, groups: [{ intervalMs: 10, tags: [tag(0, "x")] }] })]);
  r.devices.a!.up = false;
  r.sched.start();
  await r.clock.advance(2500);
  t.equal(r.devices.a!.connects.length, 3);
  t.equal(r.devices.a!.created, 1);
  t.ok(r.sched.health()[0]!.pollsError >= 200);
});

void t.test("a driver whose read never answers is destroyed at the guard time and polling resumes", async (t) => {
  const r = rig(t, [source("a", { backoff: { minMs: 100, maxMs: 100 } })]);
  const dev = r.devices.a!;
  dev.values.set("a", 9);
  r.sched.start();
  await r.clock.advance(50);
  dev.failReads = "hang";
  dev.failCount = 1;
  await r.clock.advance(4050 + 200); // guard: timeout x (requests + 2) + 1s = 4000ms after the read at 100
  t.equal(dev.destroyed, 1);
  t.equal(dev.created, 2);
  t.equal(r.of(0).at(-1)!.status, Status.Good);
  t.ok(r.sched.health()[0]!.overruns > 0, "ticks during the hung read were overruns");
});

void t.test("a hung source never delays another", async (t) => {
  const r = rig(t, [source("a"), source("b", {}, [{ intervalMs: 100, tags: [tag(1, "x")] }])]);
  r.devices.a!.hangConnect = true;
  r.devices.b!.readMs = 20;
  r.sched.start();
  const t0 = r.clock.t;
  await r.clock.advance(1000);
  t.same(r.devices.b!.reads.map((x) => x.at - t0), [0, 100, 200, 300, 400, 500, 600, 700, 800, 900, 1000]);
  t.equal(r.sched.health()[0]!.state, "connecting");
});

void t.test("point-level Bad passes through; an address the device cannot serve is BadConfigurationError", async (t) => {
  const r = rig(t, [source("a", {}, [{ intervalMs: 100, tags: [tag(0, "x"), tag(1, "y"), tag(2, "z")] }])]);
  const dev = r.devices.a!;
  dev.values.set("x", 1);
  dev.badPoints.add("y");
  dev.unplannable.add("z");
  r.sched.start();
  await r.clock.advance(0);
  t.same(r.samples.slice(3).map((s) => [s.alias, s.value, statusName(s.status)]), [
    [2, null, "BadConfigurationError"], [0, 1, "Good"], [1, null, "BadNodeIdUnknown"],
  ]);
  t.equal(dev.reads[0]!.points, 2, "the refused point is left out of the plan");
  dev.up = false;
  await r.clock.advance(500);
  t.same(names(r.of(2)), ["BadWaitingForInitialData", "BadConfigurationError"], "configuration errors stay");
  t.equal(r.of(1).at(-1)!.status, Status.BadNoCommunication);
});

void t.test("report by exception: an unchanged value is not sent again", async (t) => {
  const r = rig(t, [source("a")]);
  r.devices.a!.values.set("a", 5);
  r.sched.start();
  await r.clock.advance(500);
  t.equal(r.of(0).length, 2);
  r.devices.a!.values.set("a", 6);
  await r.clock.advance(100);
  t.same(r.of(0).map((s) => s.value), [null, 5, 6]);
});

void t.test("stop closes the driver and leaves no timer behind", async (t) => {
  const r = rig(t, [source("a"), source("b")]);
  r.devices.b!.up = false;
  r.sched.start();
  await r.clock.advance(300);
  await r.sched.stop();
  await r.sched.stop();
  t.equal(r.clock.pending(), 0);
  t.equal(r.devices.a!.destroyed, 1);
  const n = r.devices.a!.reads.length;
  await r.clock.advance(1000);
  t.equal(r.devices.a!.reads.length, n);
});

void t.test("reconcile (live reload): unchanged sources keep their runner, aliases translated; others restart or stop", async (t) => {
  const c = source("c", {}, [{ intervalMs: 100, tags: [tag(3, "q")] }]);
  const r = rig(t, [source("a", {}, [{ intervalMs: 100, tags: [tag(0, "x"), tag(1, "y")] }]), source("b", {}, [{ intervalMs: 100, tags: [tag(2, "z")] }]), c]);
  r.devices.a!.values.set("x", 1);
  r.devices.a!.values.set("y", 2);
  r.devices.c!.values.set("q", 5);
  r.sched.start();
  await r.clock.advance(250);
  const runnerA = r.sched.runner("a");
  const readsA = r.devices.a!.reads.length;
  // a: same tags, aliases moved (0->5, 1->0); b: removed; c: its tag changed address (restart); d: new
  r.devices.d = r.devices.c!; // same test device for the new source
  const from = r.samples.length;
  const out = r.sched.reconcile([
    source("a", {}, [{ intervalMs: 100, tags: [{ ...tag(5, "x"), path: "src/x" }, { ...tag(0, "y"), path: "src/y" }] }]),
    source("c", {}, [{ intervalMs: 100, tags: [{ ...tag(1, "q2"), path: "src/q" }] }]),
    source("d", {}, [{ intervalMs: 100, tags: [tag(2, "q")] }]),
  ], new Map([[1, r.clock.t + 10_000]])); // alias 1's last value went out stamped 10 s ahead (a device clock ahead)
  t.same(out, { kept: ["a"], started: ["c", "d"], stopped: ["b", "c"] }, "c's old runner stopped, a new one started");
  t.equal(r.sched.runner("a"), runnerA, "a keeps the very same runner");
  t.same(r.sched.health().map((h) => h.name), ["a", "c", "d"]);
  r.devices.a!.values.set("x", 10);
  r.devices.a!.values.set("y", 20);
  await r.clock.advance(200);
  t.ok(r.devices.a!.reads.length > readsA, "a kept polling");
  const after = r.samples.slice(from);
  t.same(after.filter((s) => s.value === 10).map((s) => s.alias), [5], "x now crosses as alias 5");
  t.same(after.filter((s) => s.value === 20).map((s) => s.alias), [0], "y now crosses as alias 0");
  t.notOk(after.some((s) => s.alias === 1 && s.status === Status.BadWaitingForInitialData), "a carried tag gets no 'no value yet' placeholder");
  const q = after.filter((s) => s.alias === 1);
  t.ok(q.length > 0 && q.every((s) => s.sourceTime > r.clock.t), "a carried tag's samples go on after the time of the value carried, not before it");
  t.ok(after.some((s) => s.alias === 2 && s.status === Status.BadWaitingForInitialData), "a new tag starts with the placeholder");
  t.same(r.sched.rebuilds(), { a: 0, c: 0, d: 0 });
});
