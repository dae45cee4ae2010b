import t from "tap";
import { Status } from "../../../src/core/status.js";
import type { TagState } from "../../../src/receiver/store-api.js";
import { effectiveStatus, Level, linkLevel } from "../../../src/receiver/quality.js";
import { defs, health, makeStore } from "./fakes.js";

void t.test("catalogue adds tags waiting for their first value", async (t) => {
  const { link, store } = makeStore();
  const seen: unknown[] = [];
  store.on("catalog", (a: TagState[], r: string[], c: TagState[]) => seen.push([a.map((s) => s.def.path), r, c.length]));
  link.catalog(defs(["press1/temp", "float32", "degC"], ["press1/count", "uint64"]));
  t.same(seen, [[["press1/temp", "press1/count"], [], 0]]);
  t.equal(store.size, 2);
  const s = store.get("press1/temp")!;
  t.equal(s.source, "press1");
  t.equal(s.name, "temp");
  t.equal(s.value, null);
  t.equal(s.status, Status.BadWaitingForInitialData);
  t.equal(s.sourceTime, null);
  t.equal(s.receiveTime, null);
  t.equal(s.def.unit, "degC");
  link.catalog(defs(["press1/temp", "float32", "degC"], ["press1/count", "uint64"]));
  t.equal(seen.length, 1, "a repeated birth with the same catalogue changes nothing");
});

void t.test("catalogue changes and removals", async (t) => {
  const { link, store, clock } = makeStore();
  link.catalog(defs(["a/x", "float64"], ["a/y", "int16"], ["a/z", "bool"]), clock.t);
  link.samples([{ alias: 0, value: 1.5, status: 0, sourceTime: clock.t }, { alias: 1, value: 7, status: 0, sourceTime: clock.t }], clock.t);
  const events: [string[], string[], string[]][] = [];
  store.on("catalog", (a: TagState[], r: string[], c: TagState[]) => events.push([a.map((s) => s.def.path), r, c.map((s) => s.def.path)]));
  // y changes unit (value kept), x changes type (value reset), z removed, w added, aliases move.
  link.catalog([
    { alias: 0, path: "a/w", type: "string" },
    { alias: 1, path: "a/y", type: "int16", unit: "rpm" },
    { alias: 2, path: "a/x", type: "int32" },
  ], clock.t);
  t.same(events, [[["a/w"], ["a/z"], ["a/y", "a/x"]]]);
  t.equal(store.get("a/y")!.value, 7, "unit change keeps the value");
  t.equal(store.get("a/y")!.def.unit, "rpm");
  t.equal(store.get("a/x")!.value, null, "type change drops the value");
  t.equal(store.get("a/x")!.status, Status.BadWaitingForInitialData);
  t.same(store.history("a/x", {}), []);
  t.equal(store.get("a/z"), undefined);
  t.equal(store.history("a/z", {}), undefined);
  // samples now follow the new aliases
  link.samples([{ alias: 2, value: 42, status: 0, sourceTime: clock.t + 1 }], clock.t);
  t.equal(store.get("a/x")!.value, 42);
});

void t.test("policy-denied tags never enter the store; their samples are counted", async (t) => {
  const { link, store, clock } = makeStore();
  link.catalog(defs(["p/ok", "float64"], ["p/secret", "float64"]), clock.t);
  t.equal(store.size, 1);
  t.equal(store.get("p/secret"), undefined);
  link.samples([
    { alias: 0, value: 1, status: 0, sourceTime: clock.t },
    { alias: 1, value: 2, status: 0, sourceTime: clock.t },
    { alias: 1, value: 3, status: 0, sourceTime: clock.t + 1 },
  ], clock.t);
  t.equal(store.drops().policy, 2);
  t.equal(store.get("p/ok")!.value, 1);
  // the gate's sample filter drops too, and is counted
  link.samples([{ alias: 0, value: 666, status: 0, sourceTime: clock.t + 5 }], clock.t);
  t.equal(store.drops().policy, 3);
  t.equal(store.get("p/ok")!.value, 1);
});

void t.test("policy reload re-filters the catalogue", async (t) => {
  const { link, store, gate, clock } = makeStore();
  link.catalog(defs(["p/ok", "float64"], ["p/secret", "float64"]), clock.t);
  gate.deny = /ok/;
  store.reapplyPolicy();
  t.same([...store.all()].map((s) => s.def.path), ["p/secret"]);
  link.samples([{ alias: 0, value: 1, status: 0, sourceTime: clock.t }], clock.t);
  t.equal(store.drops().policy, 1);
});

void t.test("samples update latest value, receive time and bounded history", async (t) => {
  const { link, store, clock } = makeStore();
  link.catalog(defs(["a/v", "uint64"], ["a/s", "string"]), clock.t);
  const updates: string[][] = [];
  store.on("update", (u: TagState[]) => updates.push(u.map((s) => s.def.path)));
  for (let i = 1; i <= 8; i++) {
    clock.t += 100;
    link.samples([{ alias: 0, value: BigInt(i) * 2n ** 60n, status: 0, sourceTime: clock.t - 50 }], clock.t);
  }
  const v = store.get("a/v")!;
  t.equal(v.value, 8n * 2n ** 60n);
  t.equal(v.status, Status.Good);
  t.equal(v.sourceTime, clock.t - 50);
  t.equal(v.receiveTime, clock.t);
  const h = store.history("a/v", {})!;
  t.equal(h.length, 5, "history depth 5");
  t.same(h.map((s) => s.value), [4n, 5n, 6n, 7n, 8n].map((n) => n * 2n ** 60n));
  t.equal(store.history("a/v", { limit: 2 })!.length, 2);
  t.same(store.history("a/v", { from: h[3]!.sourceTime })!.map((s) => s.sourceTime), [h[3]!.sourceTime, h[4]!.sourceTime]);
  t.equal(updates.length, 8);
  // a keyframe repeating the same value is not an update and not a new history sample
  link.samples([{ alias: 0, value: 8n * 2n ** 60n, status: 0, sourceTime: clock.t - 50 }], clock.t, "keyframe");
  t.equal(updates.length, 8);
  t.equal(store.history("a/v", {})!.length, 5);
  // an older sample does not roll the value back
  link.samples([{ alias: 0, value: 1n, status: 0, sourceTime: clock.t - 10_000 }], clock.t);
  t.equal(store.get("a/v")!.value, 8n * 2n ** 60n);
  t.equal(store.drops().older, 1, "counted by the store as an older sample");
  // a status change at the same source time applies (not older)
  link.samples([{ alias: 0, value: 8n * 2n ** 60n, status: Status.UncertainLastUsableValue, sourceTime: clock.t - 50 }], clock.t);
  t.equal(store.get("a/v")!.status, Status.UncertainLastUsableValue);
  t.equal(store.drops().older, 1);
  // a new reader session restarts the ordering: its clock may be behind
  link.emit("session", 2n);
  link.samples([{ alias: 0, value: 2n, status: 0, sourceTime: clock.t - 3_600_000 }], clock.t);
  t.equal(store.get("a/v")!.value, 2n, "an older time from a new session applies");
  t.equal(store.historyDepth, 5);
});

void t.test("wrong value types and unknown aliases are dropped, never thrown", async (t) => {
  const { link, store, clock } = makeStore();
  link.samples([{ alias: 0, value: 1, status: 0, sourceTime: clock.t }], clock.t);
  t.equal(store.size, 0, "samples before the birth are dropped");
  t.equal(store.drops().malformed, 0);
  link.catalog(defs(["a/i", "int64"], ["a/b", "bool"]), clock.t);
  link.samples([
    { alias: 0, value: 1.5, status: 0, sourceTime: clock.t },
    { alias: 1, value: "yes", status: 0, sourceTime: clock.t },
    { alias: 1, value: true, status: 0, sourceTime: clock.t },
    { alias: 99, value: true, status: 0, sourceTime: clock.t },
  ], clock.t);
  t.equal(store.drops().malformed, 2);
  t.equal(store.drops().unknown, 2, "the sample before the birth and alias 99 (not in the catalogue)");
  t.equal(link.rejected.malformed, 0, "the store counts into its own counters, not the link's");
  t.equal(store.get("a/i")!.value, null);
  t.equal(store.get("a/b")!.value, true);
  link.emit("samples", null, {});
  link.emit("catalog", [{ alias: 5, path: "no-slash", type: "bool" }, { alias: 0, path: "a/b", type: "bool" }]);
  t.equal(store.size, 1, "bad catalogue entries are skipped");
});

void t.test("limits.tags caps the catalogue", async (t) => {
  const { link, store } = makeStore({ maxTags: 3 });
  link.catalog(defs(["a/1", "bool"], ["a/2", "bool"], ["a/3", "bool"], ["a/4", "bool"], ["a/5", "bool"]));
  t.equal(store.size, 3);
});

void t.test("history off: depth 0 answers an empty history", async (t) => {
  const { link, store, clock } = makeStore({ historyDepth: 0 });
  link.catalog(defs(["a/1", "float64"]), clock.t);
  link.samples([{ alias: 0, value: 1, status: 0, sourceTime: clock.t }], clock.t);
  t.same(store.history("a/1", {}), []);
  t.equal(store.get("a/1")!.value, 1);
});

void t.test("link silence: Uncertain after timeout, Bad after stale, back with the next samples", async (t) => {
  const { link, store, clock } = makeStore();
  link.catalog(defs(["a/good", "float64"], ["a/unc", "float64"], ["a/cfg", "float64"], ["a/wait", "float64"]), clock.t);
  link.samples([
    { alias: 0, value: 1, status: Status.Good, sourceTime: clock.t },
    { alias: 1, value: 2, status: Status.UncertainLastUsableValue, sourceTime: clock.t },
    { alias: 2, value: null, status: Status.BadConfigurationError, sourceTime: clock.t },
  ], clock.t);
  const updates: number[] = [];
  store.on("update", (u: TagState[]) => updates.push(u.length));
  const statuses = () => ["a/good", "a/unc", "a/cfg", "a/wait"].map((p) => store.get(p)!.status);
  t.equal(store.isUp(), true);
  t.equal(store.link().up, true);
  clock.t += 2999;
  store.sweep();
  t.same(statuses(), [Status.Good, Status.UncertainLastUsableValue, Status.BadConfigurationError, Status.BadWaitingForInitialData]);
  clock.t += 1;
  store.sweep();
  t.equal(store.link().up, false);
  const U = Status.UncertainNoCommunicationLastUsableValue;
  t.same(statuses(), [U, U, Status.BadConfigurationError, Status.BadWaitingForInitialData]);
  t.equal(store.get("a/good")!.value, 1, "value kept");
  t.same(updates, [2]);
  store.sweep();
  t.same(updates, [2], "no repeated update while nothing changes");
  clock.t += 7000;
  store.sweep();
  t.same(statuses(), [Status.BadNoCommunication, Status.BadNoCommunication, Status.BadConfigurationError, Status.BadWaitingForInitialData]);
  t.same(updates, [2, 2]);
  // a heartbeat brings the link back; tags recover as their samples arrive
  link.health(health("local-hash"), clock.t);
  t.equal(store.link().up, true);
  t.equal(store.get("a/good")!.status, Status.BadNoCommunication);
  link.samples([
    { alias: 0, value: 1, status: Status.Good, sourceTime: clock.t },
    { alias: 1, value: 2, status: Status.Good, sourceTime: clock.t },
  ], clock.t, "keyframe");
  t.same(statuses(), [Status.Good, Status.Good, Status.BadConfigurationError, Status.BadWaitingForInitialData]);
  t.same(updates, [2, 2, 2]);
});

void t.test("quality functions follow the table", async (t) => {
  t.equal(linkLevel(0, 3000, 10_000), Level.Live);
  t.equal(linkLevel(3000, 3000, 10_000), Level.Silent);
  t.equal(linkLevel(10_000, 3000, 10_000), Level.Stale);
  t.equal(effectiveStatus(Status.Good, Level.Live), Status.Good);
  t.equal(effectiveStatus(Status.UncertainEngineeringUnitsExceeded, Level.Silent), Status.UncertainNoCommunicationLastUsableValue);
  t.equal(effectiveStatus(Status.Good, Level.Stale), Status.BadNoCommunication);
  t.equal(effectiveStatus(Status.BadDeviceFailure, Level.Stale), Status.BadDeviceFailure);
});

void t.test("health, policy hash mismatch and link view", async (t) => {
  const { link, store, gate, clock } = makeStore();
  t.equal(store.health(), null);
  t.same(store.link().policy, { local: "local-hash", remote: null, mismatch: false });
  t.equal(store.link().up, false);
  t.equal(store.link().birth, false);
  let got = 0;
  store.on("health", () => got++);
  link.sessionId = 0xabcn;
  link.emit("session", 0xabcn);
  link.health(health("other-hash"), clock.t);
  t.equal(got, 1);
  t.equal(store.health()!.sources[0]!.name, "press1");
  const v = store.link();
  t.same(v.policy, { local: "local-hash", remote: "other-hash", mismatch: true });
  t.equal(v.sessionId, "0000000000000abc");
  t.equal(v.birth, false, "no birth yet");
  link.catalog(defs(["a/x", "bool"]), clock.t);
  t.equal(store.link().birth, true);
  gate.hash = "other-hash";
  t.equal(store.link().policy.mismatch, false);
  link.health(health("local-hash"), clock.t);
  t.equal(store.link().policy.mismatch, true);
  store.close();
  link.health(health("x"), clock.t);
  t.equal(got, 2, "closed store no longer listens");
});

void t.test("64-bit ints arrive as bigint even when sent as numbers; small ints as numbers", async (t) => {
  const { link, store, clock } = makeStore();
  link.catalog(defs(["a/i", "int64"], ["a/s", "int16"]), clock.t);
  link.samples([{ alias: 0, value: 5, status: 0, sourceTime: clock.t }, { alias: 1, value: 7n, status: 0, sourceTime: clock.t }], clock.t);
  t.equal(store.get("a/i")!.value, 5n);
  t.equal(store.get("a/s")!.value, 7);
});

void t.test("with the real PolicyGate: range flags, rate-held values released by sweep()", async (t) => {
  const { mkdtempSync, writeFileSync, rmSync } = await import("node:fs");
  const { join } = await import("node:path");
  const { tmpdir } = await import("node:os");
  const { PolicyGate } = await import("../../../src/policy/index.js");
  const { silentLogger } = await import("../../../src/core/log.js");
  const dir = mkdtempSync(join(tmpdir(), "sluice-store-"));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(join(dir, "p.yaml"), [
    "version: 1",
    "rules:",
    "  - { allow: a/slow, maxRate: 1 }",
    "  - { allow: a/hot, range: { min: 0, max: 100, action: flag } }",
    "  - { allow: a/drop, range: { min: 0, max: 100, action: drop } }",
    "",
  ].join("\n"));
  const gate = PolicyGate.load("p.yaml", dir, silentLogger);
  const { link, store, clock } = makeStore({ gate });
  link.catalog(defs(["a/slow", "float64"], ["a/hot", "float64"], ["a/drop", "float64"], ["a/denied", "float64"]), clock.t);
  t.equal(store.size, 3);
  link.samples([
    { alias: 1, value: 500, status: 0, sourceTime: clock.t },
    { alias: 2, value: 500, status: 0, sourceTime: clock.t },
    { alias: 3, value: 1, status: 0, sourceTime: clock.t },
  ], clock.t);
  t.equal(store.get("a/hot")!.status, Status.BadOutOfRange, "flagged values cross with BadOutOfRange");
  t.equal(store.get("a/hot")!.value, 500);
  t.equal(store.get("a/drop")!.value, null, "dropped by range");
  t.equal(store.drops().policy, 2, "range drop + denied tag");
  link.samples([{ alias: 0, value: 1, status: 0, sourceTime: clock.t }], clock.t);
  clock.t += 100;
  link.samples([{ alias: 0, value: 2, status: 0, sourceTime: clock.t }], clock.t);
  t.equal(store.get("a/slow")!.value, 1, "second update within 1 s is held");
  store.sweep();
  t.equal(store.get("a/slow")!.value, 1);
  clock.t += 1000;
  store.sweep();
  t.equal(store.get("a/slow")!.value, 2, "held value released by a later sweep");
});

void t.test("no-value-yet samples are not history; other Bad statuses are", async (t) => {
  const { link, store, clock } = makeStore();
  link.catalog(defs(["a/x", "float64"]), clock.t);
  link.samples([{ alias: 0, value: null, status: Status.BadWaitingForInitialData, sourceTime: clock.t }], clock.t);
  link.samples([{ alias: 0, value: null, status: Status.BadConfigurationError, sourceTime: clock.t + 1 }], clock.t);
  t.same(store.history("a/x", {}), [{ value: null, status: Status.BadConfigurationError, sourceTime: clock.t + 1 }]);
});
