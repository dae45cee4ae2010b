/** Every value constraint: type, range (drop and flag), maxRate with an injected clock; unknown aliases; stricter receiver. */
import t, { type Test } from "tap";
import { PolicyGate } from "../../../src/policy/index.js";
import { silentLogger } from "../../../src/core/log.js";
import { Status } from "../../../src/core/status.js";
import type { Sample, TagDef, TagType, Value } from "../../../src/core/model.js";

function gateOf(t: Test, yaml: string, name = "p.yaml"): PolicyGate {
  const dir = t.testdir({ [name]: yaml });
  return PolicyGate.load(name, dir, silentLogger);
}

function catalogue(...tags: Array<[string, TagType]>): { defs: TagDef[]; def: (a: number) => TagDef | undefined } {
  const defs = tags.map(([path, type], alias) => ({ alias, path, type }));
  return { defs, def: (a) => defs[a] };
}

const s = (alias: number, value: Value, sourceTime = 1000, status: number = Status.Good): Sample => ({ alias, value, status, sourceTime });
const zero = { denied: 0, type: 0, range: 0, rate: 0, flagged: 0, unknown: 0 };

void t.test("denied tags and unknown aliases are dropped and counted", async (t) => {
  const g = gateOf(t, "version: 1\nrules:\n  - { deny: a/secret }\n  - { allow: \"a/*\" }\n");
  const { def } = catalogue(["a/x", "int16"], ["a/secret", "int16"], ["b/y", "int16"]);
  const out = g.filterSamples([s(0, 1), s(1, 2), s(2, 3), s(7, 4)], def, 0);
  t.same(out, [s(0, 1)]);
  t.same(g.blocked(), { ...zero, denied: 2, unknown: 1 });
});

void t.test("type: a value of the wrong kind is dropped; a tag of the wrong type is blocked", async (t) => {
  const g = gateOf(t, "version: 1\nrules:\n  - { label: num, allow: \"a/*\", type: [int64, float64, bool] }\n  - { allow: \"b/*\" }\n");
  const { def } = catalogue(["a/i", "int64"], ["a/f", "float64"], ["a/b", "bool"], ["a/s", "string"], ["b/str", "string"], ["b/u", "uint16"]);
  const input = [
    s(0, 5n), s(0, 5), s(0, "5"),           // int64: bigint or number, not string
    s(1, 1.5), s(1, 2n), s(1, null),        // float64: number only; null (no value yet) always fits
    s(2, true), s(2, 1),                    // bool: boolean only
    s(3, "x"),                              // string tag under a rule that expects numbers/bool: blocked
    s(4, "ok"), s(4, 3),                    // string tag without a type constraint: still must be a string
    s(5, 7), s(5, false),
  ];
  const out = g.filterSamples(input, def, 0);
  t.same(out, [s(0, 5n), s(0, 5), s(1, 1.5), s(1, null), s(2, true), s(4, "ok"), s(5, 7)]);
  t.same(g.blocked(), { ...zero, type: 6 });
});

void t.test("a tag type sluice does not know (malformed catalogue) lets no value through", async (t) => {
  const g = gateOf(t, "version: 1\nrules:\n  - { allow: \"**\" }\n");
  const def = (): TagDef => ({ alias: 0, path: "a/x", type: "decimal128" as TagType });
  t.same(g.filterSamples([s(0, 1), s(0, "1"), s(0, true)], def, 0), []);
  t.same(g.blocked(), { ...zero, type: 3 });
});

void t.test("range with action drop", async (t) => {
  const g = gateOf(t, "version: 1\nrules:\n  - { allow: \"a/*\", range: { min: -10, max: 100 } }\n");
  const { def } = catalogue(["a/t", "float64"], ["a/big", "int64"]);
  const out = g.filterSamples([s(0, -10), s(0, 100), s(0, 100.01), s(0, -11), s(0, NaN), s(0, null), s(1, 100n), s(1, 101n), s(0, Infinity)], def, 0);
  t.same(out, [s(0, -10), s(0, 100), s(0, null), s(1, 100n)], "bounds inclusive, NaN and Infinity out, null passes");
  t.same(g.blocked(), { ...zero, range: 5 });
});

void t.test("range with action flag: the value crosses with BadOutOfRange", async (t) => {
  const g = gateOf(t, "version: 1\nrules:\n  - { allow: \"a/*\", range: { min: 0, action: flag } }\n");
  const { def } = catalogue(["a/flow", "float32"]);
  const input = [s(0, 3), s(0, -1, 2000)];
  const out = g.filterSamples(input, def, 0);
  t.same(out, [s(0, 3), s(0, -1, 2000, Status.BadOutOfRange)]);
  t.equal(input[1]!.status, Status.Good, "the caller's sample is not mutated");
  t.same(g.blocked(), { ...zero, flagged: 1 });
});

void t.test("maxRate: at most one update per interval; the newest held update is released later", async (t) => {
  const g = gateOf(t, "version: 1\nrules:\n  - { allow: a/fast, maxRate: 2 }\n  - { allow: a/free }\n");
  const { def } = catalogue(["a/fast", "int32"], ["a/free", "int32"]);
  // maxRate 2 -> one update per 500 ms per tag; a/free has no limit.
  t.same(g.filterSamples([s(0, 1), s(1, 1)], def, 0), [s(0, 1), s(1, 1)], "first update crosses");
  t.same(g.filterSamples([s(0, 2), s(1, 2)], def, 100), [s(1, 2)], "too soon: held");
  t.same(g.filterSamples([s(0, 3)], def, 200), [], "a newer one replaces the held one");
  t.same(g.blocked(), { ...zero, rate: 1 }, "the replaced update is counted");
  t.same(g.filterSamples([], def, 499), [], "still within the interval");
  t.same(g.filterSamples([], def, 500), [s(0, 3)], "released by a later call with no sample of the tag");
  t.same(g.filterSamples([], def, 2000), [], "released once only");
  t.same(g.filterSamples([s(0, 4)], def, 300), [s(0, 4)], "a clock that steps back does not hold the tag");
  t.same(g.filterSamples([s(0, 5)], def, 400), [], "held");
  t.same(g.filterSamples([s(0, 6)], def, 800), [s(0, 6)], "interval over: the new update crosses and the held one is superseded");
  t.same(g.blocked(), { ...zero, rate: 2 });
  t.same(g.filterSamples([], def, 5000), [], "nothing left held");
});

void t.test("maxRate: a repeat of the reading that last crossed (the keyframe carousel) uses no rate and is not counted", async (t) => {
  const g = gateOf(t, "version: 1\nrules:\n  - { allow: a/fast, maxRate: 2 }\n");
  const { def } = catalogue(["a/fast", "int32"]);
  t.same(g.filterSamples([s(0, 1, 1000)], def, 0), [s(0, 1, 1000)], "an update crosses");
  t.same(g.filterSamples([s(0, 1, 1000)], def, 100), [s(0, 1, 1000)], "the same reading again (a keyframe) crosses too");
  t.same(g.filterSamples([s(0, 2, 1600)], def, 600), [s(0, 2, 1600)], "the next update 600 ms later is not held back by the repeat");
  t.same(g.filterSamples([s(0, 3, 1700)], def, 700), [], "a genuine update within the interval is still held");
  t.same(g.filterSamples([s(0, 2, 1600)], def, 750), [], "while one is held, an older reading neither crosses nor replaces it");
  t.same(g.filterSamples([s(0, 3, 1700)], def, 800), [], "and the held reading repeated is not a second update");
  t.same(g.blocked(), zero, "repeats and stale readings are not counted as blocked");
  t.same(g.filterSamples([], def, 1100), [s(0, 3, 1700)], "the held update is released");
});

void t.test("maxRate: the first reading after the \"no value yet\" placeholder crosses at once", async (t) => {
  const g = gateOf(t, "version: 1\nrules:\n  - { allow: a/fast, maxRate: 1 }\n");
  const { def } = catalogue(["a/fast", "int32"]);
  t.same(g.filterSamples([s(0, null, 1000, Status.BadWaitingForInitialData)], def, 0), [s(0, null, 1000, Status.BadWaitingForInitialData)]);
  t.same(g.filterSamples([s(0, 7, 1010)], def, 10), [s(0, 7, 1010)], "the first value is not held behind the placeholder");
  t.same(g.filterSamples([s(0, 8, 1020)], def, 20), [], "the next one is rate-limited as usual");
  t.same(g.blocked(), zero);
});

void t.test("a held update is re-checked when released: catalogue change or reload", async (t) => {
  const dir = t.testdir({ "p.yaml": "version: 1\nrules:\n  - { allow: \"a/*\", maxRate: 1 }\n" });
  const g = PolicyGate.load("p.yaml", dir, silentLogger);
  let cat = catalogue(["a/x", "int16"], ["a/y", "int16"]);
  const def = (a: number): TagDef | undefined => cat.def(a);
  g.filterSamples([s(0, 1), s(1, 1)], def, 0);
  g.filterSamples([s(0, 2), s(1, 2)], def, 10);
  cat = catalogue(["a/other", "int16"], ["a/y", "int16"]); // a new birth re-used alias 0
  t.same(g.filterSamples([], def, 1000), [s(1, 2)], "alias 0 now names another tag: its held sample is dropped");
  t.same(g.blocked(), { ...zero, unknown: 1 });
  g.filterSamples([s(1, 3)], def, 1100);
  const { writeFileSync } = await import("node:fs");
  writeFileSync(`${dir}/p.yaml`, "version: 1\nrules:\n  - { allow: a/other, maxRate: 1 }\n");
  t.equal(g.reload(), true);
  t.same(g.filterSamples([], def, 5000), [], "a/y is no longer allowed: its held sample does not cross");
  t.same(g.blocked(), { ...zero, unknown: 1, denied: 1 });
});

void t.test("a stricter receiver gate over the output of a looser reader gate drops the extra tags", async (t) => {
  const reader = gateOf(t, "version: 1\nrules:\n  - { deny: press1/secret }\n  - { allow: [\"press1/*\", \"line1/*\"] }\n", "reader.yaml");
  const receiver = gateOf(t, `version: 1
rules:
  - { label: temps, allow: [press1/temperature, line1/temp], type: [float32, float64], range: { min: -40, max: 400 } }
`, "receiver.yaml");
  t.not(reader.hash, receiver.hash, "the two sides' hashes differ: a mismatch the receiver reports");
  const configured: Array<[string, TagType]> = [
    ["press1/temperature", "float64"], ["press1/secret", "uint16"], ["press1/running", "bool"], ["line1/temp", "float32"], ["line1/speed", "float32"],
  ];
  const birth = reader.filterCatalog(configured.map(([path, type]) => ({ path, type })));
  t.same(birth.allowed.map((x) => x.path), ["press1/temperature", "press1/running", "line1/temp", "line1/speed"], "the reader never sends press1/secret");
  // The reader numbers what crosses; the receiver sees only that catalogue.
  const defs: TagDef[] = birth.allowed.map((x, alias) => ({ alias, path: x.path, type: x.type }));
  const def = (a: number): TagDef | undefined => defs[a];
  const sent = reader.filterSamples([s(0, 21.5), s(1, true), s(2, 500), s(2, 19, 2000), s(3, 3.5)], def, 0);
  t.equal(sent.length, 5, "the reader's policy lets all of them cross");
  const kept = receiver.filterCatalog(defs);
  t.same(kept.allowed.map((x) => x.path), ["press1/temperature", "line1/temp"]);
  t.same(receiver.filterSamples(sent, def, 0), [s(0, 21.5), s(2, 19, 2000)]);
  t.same(receiver.blocked(), { ...zero, denied: 2, range: 1 });
  t.same(reader.blocked(), zero);
});

void t.test("allow-all passes samples through untouched", async (t) => {
  const g = PolicyGate.load("allow-all", "/", silentLogger);
  const input = [s(0, "x"), s(9, 1)];
  t.equal(g.filterSamples(input, () => undefined, 0), input);
  t.same(g.blocked(), zero);
});
