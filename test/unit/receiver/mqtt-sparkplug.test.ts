/**
 * Sparkplug B encoding against the independent decoder (sparkplug-payload), the edge
 * node's seq/bdSeq rules, and UNS topics and payloads.
 */
import t from "tap";
import { get } from "sparkplug-payload";
import type { TagType, Value } from "../../../src/core/model.js";
import { Status, quality, statusName } from "../../../src/core/status.js";
import { iso, jsonValue } from "../../../src/receiver/json.js";
import { SparkplugEdge } from "../../../src/receiver/mqtt/edge.js";
import { DataType, birthMetric, datatypeOf, encode } from "../../../src/receiver/mqtt/sparkplug.js";
import { UnsTopics, unsPayload } from "../../../src/receiver/mqtt/uns.js";
import type { TagState } from "../../../src/receiver/store-api.js";

const spb = get("spBv1.0")!;
const num = (v: unknown) => (typeof v === "object" && v !== null && "toString" in v && !(typeof v === "number") ? BigInt(String(v)) : v);

void t.test("every tag type round-trips through the independent decoder", async (t) => {
  const cases: [TagType, Value, string, unknown][] = [
    ["bool", true, "Boolean", true],
    ["int16", -32768, "Int16", -32768],
    ["uint16", 65535, "UInt16", 65535],
    ["int32", -2147483648, "Int32", -2147483648],
    ["int64", -(2n ** 63n), "Int64", -(2n ** 63n)],
    ["uint64", 2n ** 64n - 1n, "UInt64", 2n ** 64n - 1n],
    ["float32", 14.369775, "Float", Math.fround(14.369775)],
    ["float64", 0.1, "Double", 0.1],
    ["string", "héllo", "String", "héllo"],
  ];
  for (const [type, value, name, want] of cases) {
    const m = birthMetric({ name: "x", alias: 7, type, value, status: Status.Good, sourceTime: 1_700_000_000_000 }, 0);
    const got = spb.decodePayload(encode({ timestamp: 1, seq: 0, metrics: [m] })).metrics![0]!;
    t.equal(got.type, name, `${type} is ${name}`);
    // Int64 travels as two's complement in a uint64 (specification 6.4.16); sparkplug-payload hands back the raw unsigned Long.
    const v = num(got.value);
    t.equal(type === "int64" && typeof v === "bigint" ? BigInt.asIntN(64, v) : v, want, `${type} value`);
  }
  t.equal(datatypeOf("uint32"), DataType.UInt32);
  const nul = spb.decodePayload(encode({ metrics: [birthMetric({ name: "n", alias: 1, type: "float64", value: null, status: Status.BadWaitingForInitialData, sourceTime: null }, 5)] })).metrics![0]!;
  t.equal(nul.value, null, "no value is is_null (decoded as null)");
  t.equal((nul.properties as Record<string, { value: unknown }>).Quality?.value, 0, "Bad quality property");
});

void t.test("seq runs 0..255 and wraps across every message after NBIRTH; bdSeq per connection", async (t) => {
  const edge = new SparkplugEdge("g", "n", 2);
  const w1 = edge.will(1);
  t.equal(num(spb.decodePayload(w1.payload).metrics![0]!.value), 0n, "first Will has bdSeq 0");
  t.equal(w1.qos, 1);
  t.equal(w1.retain, false);
  const health = { linkUp: true, framesLost: 0, latencyMs: 1, tags: 3 };
  const nb = edge.nodeBirth(health, 1);
  t.equal(num(spb.decodePayload(nb.payload).seq), 0n);
  const state = (path: string, alias: number): TagState => ({
    def: { alias, path, type: "int32" }, source: path.split("/")[0]!, name: path.split("/")[1]!, value: 1, status: 0, sourceTime: 1, receiveTime: 1,
  });
  edge.deviceBirth("s", [state("s/a", 0), state("s/b", 1), state("s/c", 2)], 1);
  const seqs: number[] = [];
  for (let i = 0; i < 300; i++) {
    const { messages, unborn } = edge.data([["s/a", "int32", i, 0, i], ["s/b", "int32", i, 0, i], ["s/c", "int32", i, 0, i], ["x/y", "int32", 1, 0, 1]], false, i);
    if (!t.equal(unborn, 1, "a value of an unborn device is not sent")) break;
    for (const m of messages) seqs.push(Number(num(spb.decodePayload(m.payload).seq)));
  }
  t.equal(seqs.length, 600, "maxMetrics 2: two DDATA per batch of three");
  t.ok(seqs.every((s, i) => s === (i + 2) % 256), "continuous after DBIRTH (seq 1), wrapping at 255");
  t.equal(num(spb.decodePayload(edge.will(2).payload).metrics![0]!.value), 1n, "next connection: bdSeq 1");
});

void t.test("UNS: topic template and payload", async (t) => {
  const topics = new UnsTopics("acme/plant1/area2/{source}/{tag}");
  t.equal(topics.topic("press1/temperature"), "acme/plant1/area2/press1/temperature");
  const p = JSON.parse(unsPayload({ type: "float32", unit: "degC", value: Math.fround(14.369775), status: Status.Good, sourceTime: Date.UTC(2026, 4, 1, 12, 0, 0, 125) })) as Record<string, unknown>;
  t.same(p, { value: 14.369775, quality: "good", status: "Good", timestamp: "2026-05-01T12:00:00.125Z", unit: "degC" });
  const h = JSON.parse(unsPayload({ type: "uint64", value: 2n ** 60n, status: Status.UncertainLastUsableValue, sourceTime: 0 }, true)) as Record<string, unknown>;
  t.equal(h.value, (2n ** 60n).toString());
  t.equal(h.quality, "uncertain");
  t.equal(h.unit, null);
  t.equal(h.historical, true);
});

void t.test("UNS: the spliced payload is byte for byte JSON.stringify of the contract object", async (t) => {
  const units: Record<string, string | undefined> = { "a/plain": "degC", "a/quoted": 'in "H2O" \\ °', "a/none": undefined };
  const topics = new UnsTopics("{source}/{tag}", (p) => units[p]);
  const cases: [TagType, Value][] = [
    ["float64", 1.5], ["float64", -0], ["float64", 1e21], ["float64", Number.NaN], ["float64", Number.POSITIVE_INFINITY],
    ["float32", Math.fround(0.1)], ["int64", 2n ** 53n - 1n], ["int64", -(2n ** 60n)], ["uint64", 2n ** 64n - 1n],
    ["bool", true], ["bool", false], ["string", 'say "hi"\n\u0001 ünïcode'], ["int32", -7],
  ];
  let n = 0;
  for (const path of Object.keys(units)) for (const [type, value] of cases) for (const status of [Status.Good, Status.UncertainLastUsableValue, 0x80310000]) for (const sourceTime of [Date.UTC(2026, 11, 6, 1, 2, 3, 4), null]) for (const historical of [false, true]) {
    const expected = JSON.stringify({
      value: jsonValue(value, type), quality: quality(status), status: statusName(status), timestamp: iso(sourceTime), unit: units[path] ?? null,
      ...(historical ? { historical: true } : {}),
    });
    if (topics.payload(path, type, value, status, sourceTime, historical) !== expected) t.fail(`${path} ${type} ${String(value)} ${status} ${historical}`, { found: topics.payload(path, type, value, status, sourceTime, historical), wanted: expected });
    else n++;
  }
  t.equal(n, 3 * cases.length * 3 * 2 * 2, "every combination identical");
  units["a/plain"] = "K";
  t.match(topics.payload("a/plain", "float64", 1, Status.Good, 0), /"unit":"degC"/, "the unit is cached per catalogue");
  topics.forget();
  t.match(topics.payload("a/plain", "float64", 1, Status.Good, 0), /"unit":"K"/, "forget() (a catalogue change) picks up the new unit");
});
