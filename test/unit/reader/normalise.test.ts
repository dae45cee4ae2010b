/** The normaliser, exhaustively: scaling, linear map with and without clamp, EURange, deadband, report by exception, tag tracking. */
import t from "tap";
import type { Value } from "../../../src/core/model.js";
import { Status, quality, statusName } from "../../../src/core/status.js";
import { LIMIT_HIGH, LIMIT_LOW, normaliseValue, outputType, type NormSpec, type Scaling } from "../../../src/reader/normalise/scale.js";
import { shouldReport, valueChanged } from "../../../src/reader/normalise/deadband.js";
import { TagTrack } from "../../../src/reader/normalise/track.js";

const none: Scaling = { kind: "none" };
const spec = (scaling: Scaling, range?: [number, number], deadband = 0): NormSpec => (range ? { scaling, range, deadband } : { scaling, deadband });
const G = Status.Good;

void t.test("normaliseValue table", async (t) => {
  const lin: Scaling = { kind: "linear", scale: 0.1, offset: -5 };
  const map: Scaling = { kind: "map", raw: [0, 4000], eng: [0, 100], clamp: false };
  const mapC: Scaling = { kind: "map", raw: [0, 4000], eng: [0, 100], clamp: true };
  const inv: Scaling = { kind: "map", raw: [0, 1000], eng: [100, 0], clamp: true };
  const rows: [string, NormSpec, Value, number, Value, number][] = [
    ["unscaled number passes", spec(none), 17, G, 17, G],
    ["unscaled bool passes", spec(none), true, G, true, G],
    ["unscaled string passes", spec(none), "abc", G, "abc", G],
    ["unscaled bigint stays bigint", spec(none), 2n ** 60n, G, 2n ** 60n, G],
    ["null passes with its status", spec(lin), null, Status.BadNodeIdUnknown, null, Status.BadNodeIdUnknown],
    ["a Bad point loses any value", spec(lin), 5, Status.BadDeviceFailure, null, Status.BadDeviceFailure],
    ["raw*scale+offset", spec(lin), 250, G, 250 * 0.1 - 5, G],
    ["scale of a negative raw", spec(lin), -100, G, -100 * 0.1 - 5, G],
    ["bigint scaled becomes a number", spec({ kind: "linear", scale: 2, offset: 1 }, undefined), 2n ** 40n, G, 2 ** 41 + 1, G],
    ["bigint beyond 2^53 scaled loses precision (documented)", spec({ kind: "linear", scale: 1, offset: 0 }), 2n ** 60n + 1n, G, 2 ** 60, G],
    ["map midpoint", spec(map), 2000, G, 50, G],
    ["map low end", spec(map), 0, G, 0, G],
    ["map high end", spec(map), 4000, G, 100, G],
    ["map beyond, no clamp, no range: value kept", spec(map), 5000, G, 125, G],
    ["map beyond, no clamp, with range: EU exceeded", spec(map, [0, 100]), 5000, G, 125, Status.UncertainEngineeringUnitsExceeded],
    ["map below, no clamp, with range: EU exceeded", spec(map, [0, 100]), -400, G, -10, Status.UncertainEngineeringUnitsExceeded],
    ["clamp high: pinned, Good, limit high", spec(mapC, [0, 100]), 5000, G, 100, (G | LIMIT_HIGH) >>> 0],
    ["clamp low: pinned, Good, limit low", spec(mapC, [0, 100]), -4000, G, 0, (G | LIMIT_LOW) >>> 0],
    ["clamp within range: untouched", spec(mapC, [0, 100]), 1000, G, 25, G],
    ["inverted map", spec(inv), 250, G, 75, G],
    ["inverted map clamps to its own bounds", spec(inv), 2000, G, 0, (G | LIMIT_LOW) >>> 0],
    ["unscaled with range: inside", spec(none, [0, 10]), 10, G, 10, G],
    ["unscaled with range: outside", spec(none, [0, 10]), 11, G, 11, Status.UncertainEngineeringUnitsExceeded],
    ["bigint compared exactly with the range", spec(none, [0, 10]), 11n, G, 11n, Status.UncertainEngineeringUnitsExceeded],
    ["NaN is not flagged by the range", spec(none, [0, 10]), NaN, G, NaN, G],
    ["uncertain device status is kept, not range-checked", spec(none, [0, 10]), 99, Status.UncertainLastUsableValue, 99, Status.UncertainLastUsableValue],
    ["bool on a scaled tag is a type mismatch", spec(lin), true, G, null, Status.BadTypeMismatch],
    ["string on a scaled tag is a type mismatch", spec(map), "x", G, null, Status.BadTypeMismatch],
  ];
  for (const [name, s, raw, st, value, status] of rows) {
    const out = normaliseValue(s, raw, st);
    t.same(out, { value, status }, name);
  }
  t.equal(quality((G | LIMIT_HIGH) >>> 0), "good", "limit bits keep the severity");
  t.equal(statusName((G | LIMIT_LOW) >>> 0), "Good", "limit bits keep the name");
});

void t.test("outputType: scaled tags are float64", async (t) => {
  t.equal(outputType("int16", none), "int16");
  t.equal(outputType("uint64", none), "uint64");
  t.equal(outputType("int16", { kind: "linear", scale: 1, offset: 0 }), "float64");
  t.equal(outputType("uint64", { kind: "map", raw: [0, 1], eng: [0, 1], clamp: false }), "float64");
});

void t.test("valueChanged", async (t) => {
  const rows: [Value, Value, number, boolean][] = [
    [1, 1, 0, false], [1, 2, 0, true], [1, 1.5, 0.5, false], [1, 1.51, 0.5, true], [1, 0.49, 0.5, true],
    [1, 0.5, 0.5, false], [null, 1, 5, true], [1, null, 5, true], [null, null, 0, false],
    [NaN, NaN, 0, false], [1, NaN, 5, true], [NaN, 1, 5, true],
    [true, false, 0, true], [true, true, 0, false], ["a", "a", 3, false], ["a", "b", 3, true],
    [10n, 12n, 0, true], [10n, 12n, 2, false], [10n, 13n, 2, true], [2n ** 62n, 2n ** 62n, 0, false],
    [10n, 12, 2, false], [10, 13n, 2, true],
  ];
  for (const [a, b, db, want] of rows) t.equal(valueChanged(a, b, db), want, `${String(a)} -> ${String(b)} db ${db}`);
});

void t.test("shouldReport: first, status change, value change", async (t) => {
  t.equal(shouldReport({ value: null, status: G, sent: false }, null, G, 0), true, "nothing sent yet");
  t.equal(shouldReport({ value: 1, status: G, sent: true }, 1, G, 0), false);
  t.equal(shouldReport({ value: 1, status: G, sent: true }, 1, Status.UncertainLastUsableValue, 0), true);
  t.equal(shouldReport({ value: 1, status: G, sent: true }, 1.1, G, 1), false);
  t.equal(shouldReport({ value: 1, status: G, sent: true }, 1.1, Status.BadNoCommunication, 1), true);
});

void t.test("TagTrack: deadband compares with the last value sent, so drift still shows", async (t) => {
  const tr = new TagTrack(3, spec(none, undefined, 1));
  t.same(tr.initial(0), { alias: 3, value: null, status: Status.BadWaitingForInitialData, sourceTime: 0 });
  const read = (v: number, at: number) => tr.fromRead({ value: v, status: G, sourceTime: at }, at);
  t.same(read(10, 1), { alias: 3, value: 10, status: G, sourceTime: 1 });
  t.equal(read(10.6, 2), null);
  t.equal(read(10.9, 3), null);
  t.same(read(11.2, 4), { alias: 3, value: 11.2, status: G, sourceTime: 4 }, "1.2 from the last sent value");
  t.equal(read(10.5, 5), null);
});

void t.test("TagTrack: percent deadband resolved to absolute, with scaling", async (t) => {
  // map 0..1000 -> 0..200, 1 % of the range = 2.0
  const tr = new TagTrack(0, spec({ kind: "map", raw: [0, 1000], eng: [0, 200], clamp: false }, [0, 200], 2));
  const read = (v: number) => tr.fromRead({ value: v, status: G, sourceTime: 0 }, 0)?.value;
  t.equal(read(100), 20);
  t.equal(read(110), undefined);
  t.equal(read(111), 22.2);
});

void t.test("TagTrack: communication states follow the quality model", async (t) => {
  const tr = new TagTrack(0, spec(none));
  tr.initial(0);
  t.equal(tr.fromComm("nocomm", 1), null, "no usable value: waiting stays");
  t.equal(tr.fromComm("degraded", 1), null);
  tr.fromRead({ value: 4, status: G, sourceTime: 2 }, 2);
  t.same(tr.fromComm("degraded", 3), { alias: 0, value: 4, status: Status.UncertainLastUsableValue, sourceTime: 3 });
  t.equal(tr.fromComm("degraded", 4), null, "same status is not sent twice");
  t.same(tr.fromComm("nocomm", 5), { alias: 0, value: 4, status: Status.UncertainNoCommunicationLastUsableValue, sourceTime: 5 });
  t.same(tr.fromComm("down", 6), { alias: 0, value: 4, status: Status.BadNoCommunication, sourceTime: 6 });
  t.same(tr.fromRead({ value: 4, status: G, sourceTime: 7 }, 7), { alias: 0, value: 4, status: G, sourceTime: 7 }, "Good again with the same value is sent");
  tr.fromRead({ value: null, status: Status.BadNodeIdUnknown, sourceTime: 8 }, 8);
  t.equal(tr.fromComm("nocomm", 9), null, "a point-level Bad is not turned into Uncertain");
  t.same(tr.fromComm("down", 10), { alias: 0, value: null, status: Status.BadNoCommunication, sourceTime: 10 });
});

void t.test("TagTrack: a tag's samples leave in source-time order (the receiver drops an older one)", async (t) => {
  const tr = new TagTrack(2, spec(none));
  t.equal(tr.initial(1000).sourceTime, 1000);
  // an OPC UA value unchanged since before the reader started: its device time predates the placeholder
  t.same(tr.fromRead({ value: 5, status: G, sourceTime: 900 }, 1010), { alias: 2, value: 5, status: G, sourceTime: 1010 }, "stamped when the reader took it");
  t.same(tr.fromRead({ value: 6, status: G, sourceTime: 1020 }, 1030), { alias: 2, value: 6, status: G, sourceTime: 1020 }, "a later device time is kept");
  t.same(tr.fromComm("down", 2000), { alias: 2, value: 6, status: Status.BadNoCommunication, sourceTime: 2000 });
  // the device is back; its value has not changed since 1020
  t.same(tr.fromRead({ value: 6, status: G, sourceTime: 1020 }, 2500), { alias: 2, value: 6, status: G, sourceTime: 2500 }, "Good again after the outage, not older than BadNoCommunication");
  // a device clock that stepped back, read before the reader's own clock caught up with the last sample
  t.same(tr.fromRead({ value: 7, status: G, sourceTime: 2400 }, 2450), { alias: 2, value: 7, status: G, sourceTime: 2501 }, "after the last sample sent, never at its time (history keeps one sample per time)");
  t.equal(tr.fromRead({ value: 7, status: G, sourceTime: 2400 }, 2600), null, "the same value again is not sent");
  // a device clock 30 s ahead (within what the OPC UA driver accepts), then the device is lost
  t.same(tr.fromRead({ value: 8, status: G, sourceTime: 32_000 }, 2700), { alias: 2, value: 8, status: G, sourceTime: 32_000 }, "the device's own time");
  t.same(tr.fromComm("degraded", 2800), { alias: 2, value: 8, status: Status.UncertainLastUsableValue, sourceTime: 32_001 }, "a communication status follows it, not before it");
  t.same(tr.fromComm("down", 2900), { alias: 2, value: 8, status: Status.BadNoCommunication, sourceTime: 32_002 });
  // a device that changes faster than its clock lags: the reader's times (its own cannot follow what was sent)
  const lag = new TagTrack(4, spec(none));
  lag.initial(10_000);
  const times = [1, 2, 3].map((k) => lag.fromRead({ value: k, status: G, sourceTime: 10_000 + k * 1000 - 5000 }, 10_000 + k * 1000)?.sourceTime);
  t.same(times, [11_000, 12_000, 13_000], "a device 5 s behind, changing every second, carries the reader's times");
  t.same(lag.fromRead({ value: 9, status: G, sourceTime: 13_500 }, 20_000)?.sourceTime, 13_500, "its own time again once it is after the last sample sent");
});

void t.test("TagTrack: a tag carried over a reload goes on after the time of the value carried", async (t) => {
  const tr = new TagTrack(5, spec(none));
  tr.carry(5000);
  t.same(tr.fromRead({ value: 1, status: G, sourceTime: 4000 }, 4500), { alias: 5, value: 1, status: G, sourceTime: 5001 });
  const fresh = new TagTrack(6, spec(none));
  fresh.carry(-Infinity);
  t.same(fresh.fromRead({ value: 1, status: G, sourceTime: 4000 }, 4500)?.sourceTime, 4000, "nothing known of the value carried: the device's time");
});

void t.test("TagTrack: a misconfigured tag ignores reads and communication until configured again", async (t) => {
  const tr = new TagTrack(1, spec(none));
  tr.initial(0);
  t.same(tr.misconfigured(1), { alias: 1, value: null, status: Status.BadConfigurationError, sourceTime: 1 });
  t.equal(tr.misconfigured(2), null);
  t.equal(tr.fromRead({ value: 1, status: G, sourceTime: 3 }, 3), null);
  t.equal(tr.fromComm("down", 4), null);
  tr.configured();
  t.same(tr.fromRead({ value: 1, status: G, sourceTime: 5 }, 5), { alias: 1, value: 1, status: G, sourceTime: 5 });
});

void t.test("scaling leaves no binary noise: 234 x 0.1 reads 23.4, not 23.400000000000002", async (t) => {
  const { scaleLinear, decimalsOf } = await import("../../../src/reader/normalise/scale.js");
  t.equal(234 * 0.1, 23.400000000000002, "the IEEE 754 product, for the record");
  t.equal(scaleLinear(234, 0.1, 0), 23.4);
  t.equal(scaleLinear(-3, 0.1, 0), -0.3);
  t.equal(scaleLinear(1001, 0.01, -273.15), -263.14);
  t.equal(scaleLinear(7, 1e-7, 0), 7e-7);
  t.equal(scaleLinear(2 ** 53 - 1, 1, 0), 2 ** 53 - 1, "large integers keep every digit");
  t.equal(scaleLinear(10.55, 0.1, 0), 10.55 * 0.1, "a float raw value is scaled as is");
  t.same([decimalsOf(0.1), decimalsOf(0.025), decimalsOf(1e-7), decimalsOf(10), decimalsOf(-2.5)], [1, 3, 7, 0, 1]);
});

void t.test("a tag read as is (no scaling, no range) reports what normaliseValue gives, for every kind of result", async (t) => {
  const spec: NormSpec = { scaling: { kind: "none" }, deadband: 0 };
  const cases: [Value, number][] = [
    [7, G], [-1.5, G], [true, G], ["text", G], [12n, G], [null, G],
    [7, Status.UncertainLastUsableValue], [7, Status.BadNodeIdUnknown], [null, Status.BadDeviceFailure],
  ];
  for (const [raw, status] of cases) {
    const s = new TagTrack(3, spec).fromRead({ value: raw, status, sourceTime: 42 }, 42);
    t.same(s, { alias: 3, ...normaliseValue(spec, raw, status), sourceTime: 42 }, `${String(raw)} / ${statusName(status)}`);
  }
});
