import t from "tap";
import { TimestampsToReturn, type HistoryData } from "node-opcua";
import { decodePosition, encodePosition, readRaw, type RawQuery } from "../../../src/receiver/opcua/historian.js";
import { Status } from "../../../src/core/status.js";
import { UaTestStore } from "../../fixtures/ua-store.js";

const store = new UaTestStore(100);
store.define([{ alias: 0, path: "a/x", type: "int32" }, { alias: 1, path: "a/y", type: "int32" }], true);
// 30 samples, three per timestamp: t = 0,0,0,10,10,10,...
store.set(Array.from({ length: 30 }, (_, i) => ({ path: "a/x", value: i, sourceTime: 10 * Math.floor(i / 3), status: i === 29 ? Status.UncertainLastUsableValue : Status.Good })), true);

const q = (o: Partial<RawQuery>): RawQuery => ({ start: null, end: null, numValuesPerNode: 0, continuationPoint: null, ...o });
function run(s: UaTestStore, path: string, query: RawQuery, max = 1000) {
  const r = readRaw(s, path, query, max, TimestampsToReturn.Both);
  const dvs = (r.historyData as HistoryData | null)?.dataValues ?? [];
  return { status: r.statusCode.name, values: dvs.map((d) => d.value.value as number), cp: r.continuationPoint, dvs };
}

void t.test("paging forward visits every sample once, even across equal timestamps", async (t) => {
  for (const per of [1, 2, 4, 7]) {
    const got: number[] = [];
    let cp: Buffer | null = null;
    let calls = 0;
    do {
      const r = run(store, "a/x", q({ start: 0, end: 1000, numValuesPerNode: per, continuationPoint: cp }));
      got.push(...r.values);
      cp = r.cp;
      calls++;
    } while (cp && calls < 100);
    t.same(got, Array.from({ length: 30 }, (_, i) => i), `pages of ${per}`);
  }
});

void t.test("paging backward visits every sample once, newest first", async (t) => {
  const got: number[] = [];
  let cp: Buffer | null = null;
  do {
    const r = run(store, "a/x", q({ start: 1000, end: 0, numValuesPerNode: 4, continuationPoint: cp }));
    got.push(...r.values);
    cp = r.cp;
  } while (cp);
  t.same(got, Array.from({ length: 30 }, (_, i) => 29 - i));
});

void t.test("the server's own per-call cap pages a read that asked for everything", async (t) => {
  const r = run(store, "a/x", q({ start: 0, end: 1000 }), 8);
  t.equal(r.values.length, 8);
  t.ok(r.cp, "continuation point");
});

void t.test("values keep their status and timestamps", async (t) => {
  const r = run(store, "a/x", q({ start: 90, end: 90 }));
  t.same(r.values, [27, 28, 29], "start == end returns the values at that instant");
  t.equal(r.dvs[2]?.statusCode.name, "UncertainLastUsableValue");
  t.equal(r.dvs[0]?.sourceTimestamp?.getTime(), 90);
  t.equal(r.dvs[0]?.serverPicoseconds, 0);
});

void t.test("invalid requests", async (t) => {
  t.equal(run(store, "a/x", q({})).status, "BadHistoryOperationInvalid", "neither start nor end");
  t.equal(run(store, "a/x", q({ start: 0 })).status, "BadHistoryOperationInvalid", "open end needs numValuesPerNode");
  t.same(run(store, "a/x", q({ start: 85, numValuesPerNode: 2 })).values, [27, 28], "open end with a count reads forward");
  t.equal(run(store, "a/nope", q({ start: 0, end: 1 })).status, "BadNodeIdUnknown");
  t.equal(run(store, "a/y", q({ start: 0, end: 1 })).status, "GoodNoData");
  const off = new UaTestStore(0);
  off.define([{ alias: 0, path: "a/x", type: "int32" }], true);
  t.equal(run(off, "a/x", q({ start: 0, end: 1 })).status, "BadHistoryOperationUnsupported", "history off");
});

void t.test("continuation points are bound to node and direction and validated", async (t) => {
  const cp = encodePosition("a/x", 0, { t: 10, skip: 2, started: true });
  t.same(decodePosition("a/x", 0, cp), { t: 10, skip: 2, started: true });
  t.equal(decodePosition("a/y", 0, cp), null, "another node");
  t.equal(decodePosition("a/x", 1, cp), null, "the other direction");
  t.equal(decodePosition("a/x", 0, cp.subarray(1)), null, "truncated");
  const nan = Buffer.from(cp);
  nan.writeDoubleBE(Number.NaN, 6);
  t.equal(decodePosition("a/x", 0, nan), null, "not a time");
  t.equal(run(store, "a/x", q({ start: 0, end: 100, continuationPoint: Buffer.from("garbage") })).status, "BadContinuationPointInvalid");
});
