/**
 * HistoryRead the way historians call it, through node-opcua's client, against the real
 * tag store with its disk history after a restart: raw over 1,000 nodes in one call
 * with bounds, processed aggregates checked against values computed here from the
 * samples fed in, at-time interpolation, and the limits. (No OPC UA client other than
 * node-opcua's is installable here.)
 */
import t from "tap";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  AggregateFunction, HistoryReadRequest, ReadAtTimeDetails, ReadProcessedDetails, ReadRawModifiedDetails, TimestampsToReturn,
  type ClientSession, type DataValue, type HistoryData, type HistoryReadResult,
} from "node-opcua";
import { silentLogger } from "../../../src/core/log.js";
import { Status } from "../../../src/core/status.js";
import { DiskHistory } from "../../../src/receiver/history/disk.js";
import { anonymousSession, startServer, tempDir } from "../../fixtures/ua-client.js";
import { defs, makeStore } from "../../unit/receiver/fakes.js";

const N = 1000;
const T0 = Date.UTC(2026, 0, 1, 12, 0, 0);
const S = 120; // samples per tag, one a second
const value = (k: number, i: number): number => Math.round(100 * (k + Math.sin(i / 7) * 10)) / 100;
const paths = Array.from({ length: N }, (_, k) => `s${Math.floor(k / 100)}/t${k}`);
// tag 0 goes Bad at 60 s and comes back at 90 s (no samples in between)
const bad = (i: number): boolean => i === 60;
const gapped = (i: number): boolean => i > 60 && i < 90;

/** A gate that lets everything through (the policy is tested elsewhere). */
const PASS = { hash: "x", filterCatalog: <T>(tags: T[]) => ({ allowed: tags }), filterSamples: <S>(s: S[]) => s, blocked: () => ({}) };
const hdir = mkdtempSync(join(tmpdir(), "sluice-hr-"));
t.teardown(() => rmSync(hdir, { recursive: true, force: true }));
const openStore = () => {
  const env = makeStore({ gate: PASS, history: new DiskHistory({ path: hdir, retainMs: 1e12, maxBytes: 2 ** 30, logger: silentLogger }), historyDepth: 1000, maxTags: 5000 });
  env.link.catalog(defs(...paths.map((p) => [p, "float64"] as [string, "float64"])), T0);
  return env;
};
{
  const { link, store } = openStore();
  for (let i = 0; i < S; i++) {
    const batch = [];
    for (let k = 0; k < N; k++) {
      if (k === 0 && gapped(i)) continue;
      batch.push({ alias: k, value: k === 0 && bad(i) ? null : value(k, i), status: k === 0 && bad(i) ? Status.BadNoCommunication : 0, sourceTime: T0 + i * 1000 });
    }
    link.samples(batch, T0 + i * 1000);
  }
  store.flushHistory();
  store.close(); // a receiver restart: what follows reads what the store kept
}
const { store } = openStore();
t.teardown(() => store.close());
const dir = tempDir(t);
const server = await startServer(t, store, dir, { security: { modes: ["None"] }, allowAnonymous: true, maxOperationsPerRequest: N });
const session: ClientSession = await anonymousSession(t, server.endpointUrl, `${dir}/client-pki`);
const NS = (await session.readNamespaceArray()).indexOf("urn:sluice:tags");
const id = (p: string) => `ns=${NS};s=${p}`;

async function read(details: unknown, nodes: string[], cps?: (Buffer | null)[]): Promise<HistoryReadResult[]> {
  const res = await session.historyRead(new HistoryReadRequest({
    historyReadDetails: details as never, timestampsToReturn: TimestampsToReturn.Source,
    nodesToRead: nodes.map((p, i) => ({ nodeId: id(p), ...(cps?.[i] ? { continuationPoint: cps[i]! } : {}) })),
  }));
  return res.results ?? [];
}
const dvs = (r: HistoryReadResult | undefined): DataValue[] => (r?.historyData as HistoryData | undefined)?.dataValues ?? [];
const at = (s: number) => new Date(T0 + s * 1000);
/** What historians send: the server's aggregate configuration. */
const DEFAULTS = { useServerCapabilitiesDefaults: true };

void t.test("raw over 1,000 nodes in one call, with bounds, after a restart", async (t) => {
  const r = await read(new ReadRawModifiedDetails({ isReadModified: false, startTime: at(9.5), endTime: at(20.5), numValuesPerNode: 0, returnBounds: true }), paths);
  t.equal(r.length, N, "one result per node");
  let ok = 0;
  for (let k = 0; k < N; k++) {
    const v = dvs(r[k]).map((d) => [d.sourceTimestamp!.getTime() - T0, d.value.value]);
    const want = [9, ...Array.from({ length: 11 }, (_, j) => 10 + j), 21].map((i) => [i * 1000, value(k, i)]);
    if (r[k]!.statusCode.name === "Good" && JSON.stringify(v) === JSON.stringify(want)) ok++;
    else t.comment(`${paths[k]}: ${r[k]!.statusCode.name} ${JSON.stringify(v)} vs ${JSON.stringify(want)}`);
  }
  t.equal(ok, N, "every node: the bound before, the 11 samples inside, the bound after");
  const none = await read(new ReadRawModifiedDetails({ isReadModified: false, startTime: at(200), endTime: at(300), numValuesPerNode: 0, returnBounds: true }), [paths[1]!]);
  t.same(dvs(none[0]).map((d) => [d.statusCode.name, d.sourceTimestamp!.getTime() - T0]), [["Good", 119_000], ["BadBoundNotFound", 300_000]], "no bound after: BadBoundNotFound at the end time");
});

void t.test("a window that starts after a tag went Bad shows the Bad sample as its bound", async (t) => {
  const [r] = await read(new ReadRawModifiedDetails({ isReadModified: false, startTime: at(65), endTime: at(80), numValuesPerNode: 0, returnBounds: true }), [paths[0]!]);
  const v = dvs(r);
  t.equal(v[0]?.statusCode.name, "BadNoCommunication");
  t.equal(v[0]?.sourceTimestamp?.getTime(), T0 + 60_000);
  t.equal(v[1]?.sourceTimestamp?.getTime(), T0 + 90_000, "then the first sample after the window");
  const [plain] = await read(new ReadRawModifiedDetails({ isReadModified: false, startTime: at(65), endTime: at(80), numValuesPerNode: 0, returnBounds: false }), [paths[0]!]);
  t.equal(plain!.statusCode.name, "GoodNoData", "without bounds: no data, said per operation");
});

/** The samples of tag k in [a, b) seconds, computed from the generator, not read back. */
function fed(k: number, a: number, b: number): { t: number; v: number | null; good: boolean }[] {
  const out = [];
  for (let i = Math.ceil(a); i < b && i < S; i++) {
    if (k === 0 && gapped(i)) continue;
    out.push({ t: i, v: k === 0 && bad(i) ? null : value(k, i), good: !(k === 0 && bad(i)) });
  }
  return out;
}

/**
 * The value at t seconds from Good samples only (Simple Bounds): the sample there, else
 * linear between the nearest Good ones, else the last Good one held (stepped).
 */
function goodAt(k: number, t: number): number {
  const g = fed(k, 0, S).filter((x) => x.good) as { t: number; v: number }[];
  const exact = g.find((x) => x.t === t);
  if (exact) return exact.v;
  const b = [...g].reverse().find((x) => x.t < t)!;
  const a = g.find((x) => x.t > t);
  return a ? b.v + ((a.v - b.v) * (t - b.t)) / (a.t - b.t) : b.v;
}

void t.test("processed aggregates per Part 13, checked against values computed here", async (t) => {
  const aggs = ["Average", "Count", "Minimum", "Maximum", "Start", "End", "Interpolative", "TimeAverage", "PercentGood", "PercentBad"] as const;
  for (const k of [0, 5, 999]) {
    for (const name of aggs) {
      const [r] = await read(new ReadProcessedDetails({
        startTime: at(0), endTime: at(120), processingInterval: 30_000, aggregateType: [AggregateFunction[name]], aggregateConfiguration: DEFAULTS,
      }), [paths[k]!]);
      t.equal(r!.statusCode.name, "Good", `${name} on ${paths[k]}`);
      const got = dvs(r);
      t.equal(got.length, 4, `${name}: four 30 s intervals`);
      for (let j = 0; j < 4; j++) {
        const d = fed(k, j * 30, j * 30 + 30);
        const good = d.filter((x) => x.good) as { t: number; v: number }[];
        const vs = good.map((x) => x.v);
        let want: number | null;
        switch (name) {
          case "Average": want = vs.reduce((a, b) => a + b, 0) / vs.length; break;
          case "Count": want = vs.length; break;
          case "Minimum": want = Math.min(...vs); break;
          case "Maximum": want = Math.max(...vs); break;
          case "Start": want = d[0]!.v; break;
          case "End": want = d[d.length - 1]!.v; break;
          case "Interpolative": want = goodAt(k, j * 30); break;
          case "TimeAverage": {
            // trapezoids over the good points, between the bounds at both interval ends
            const pts: [number, number][] = [[j * 30, goodAt(k, j * 30)], ...good.filter((x) => x.t > j * 30).map((x) => [x.t, x.v] as [number, number]), [j * 30 + 30, goodAt(k, j * 30 + 30)]];
            let area = 0;
            for (let i = 1; i < pts.length; i++) area += ((pts[i]![1] + pts[i - 1]![1]) / 2) * (pts[i]![0] - pts[i - 1]![0]);
            want = area / 30;
            break;
          }
          case "PercentGood": case "PercentBad": {
            let goodS = 0;
            for (let i = 0; i < d.length; i++) if (d[i]!.good) goodS += (d[i + 1]?.t ?? j * 30 + 30) - d[i]!.t;
            want = name === "PercentGood" ? (100 * goodS) / 30 : 100 - (100 * goodS) / 30;
            break;
          }
        }
        if (vs.length === 0 && ["Average", "Minimum", "Maximum"].includes(name)) {
          t.equal(got[j]!.statusCode.name, "BadNoData", `${name} ${paths[k]} interval ${j}: only Bad data`);
          continue;
        }
        if ((name === "Start" || name === "End") && want === null) {
          t.equal(got[j]!.statusCode.name, "BadNoCommunication", `${name} ${paths[k]} interval ${j}: the raw Bad sample`);
          continue;
        }
        const v = got[j]!.value.value as number | null;
        t.ok(want !== null && v !== null && Math.abs(v - want) < 1e-9, `${name} ${paths[k]} interval ${j}: ${v} vs ${want}`);
      }
    }
  }
  const [avgBad] = await read(new ReadProcessedDetails({ startTime: at(60), endTime: at(90), processingInterval: 30_000, aggregateType: [AggregateFunction.Average], aggregateConfiguration: DEFAULTS }), [paths[0]!]);
  t.equal(dvs(avgBad)[0]?.statusCode.name, "BadNoData", "an interval with only Bad data has no average");
  const [unsupported] = await read(new ReadProcessedDetails({ startTime: at(0), endTime: at(60), processingInterval: 30_000, aggregateType: [AggregateFunction.StandardDeviationSample], aggregateConfiguration: DEFAULTS }), [paths[1]!]);
  t.equal(unsupported!.statusCode.name, "BadAggregateNotSupported", "an aggregate not offered is refused per operation");
});

void t.test("at-time: samples where they are, interpolated between them", async (t) => {
  const [r] = await read(new ReadAtTimeDetails({ reqTimes: [at(10), at(10.25), at(200), new Date(T0 - 60_000)], useSimpleBounds: true }), [paths[7]!]);
  const v = dvs(r);
  t.equal(v[0]!.value.value, value(7, 10));
  t.ok(Math.abs((v[1]!.value.value as number) - (value(7, 10) * 0.75 + value(7, 11) * 0.25)) < 1e-9, "linear between the bounding samples");
  t.equal(v[1]!.statusCode.value & 0x403, 0x402, "marked Interpolated");
  t.equal(v[2]!.statusCode.value >>> 16, 0x40a4, `after the last sample: stepped, uncertain (${v[2]!.statusCode.name})`);
  t.equal(v[2]!.value.value, value(7, 119));
  t.equal(v[3]!.statusCode.name, "BadNoData", "before the first sample");
});

void t.test("limits: more nodes than advertised is BadTooManyOperations; paging resumes across writes", async (t) => {
  const err = await read(new ReadRawModifiedDetails({ isReadModified: false, startTime: at(0), endTime: at(10), numValuesPerNode: 0 }), [...paths, paths[0]!]).then(() => "ok", (e: Error) => e.message);
  t.match(err, /BadTooManyOperations/);
  const details = new ReadRawModifiedDetails({ isReadModified: false, startTime: at(0), endTime: at(200), numValuesPerNode: 50, returnBounds: false });
  const [p1] = await read(details, [paths[3]!]);
  t.ok(p1!.continuationPoint, "a continuation point after 50 values");
  store.flushHistory(); // the store keeps writing between pages
  const [p2] = await read(details, [paths[3]!], [p1!.continuationPoint]);
  const [p3] = await read(details, [paths[3]!], [p2!.continuationPoint]);
  const times = [...dvs(p1), ...dvs(p2), ...dvs(p3)].map((d) => d.sourceTimestamp!.getTime());
  t.same(times, Array.from({ length: S }, (_, i) => T0 + i * 1000), "every sample once across the pages");
  const rel = await session.historyRead(new HistoryReadRequest({
    historyReadDetails: details, timestampsToReturn: TimestampsToReturn.Source, releaseContinuationPoints: true,
    nodesToRead: [{ nodeId: id(paths[3]!), continuationPoint: p1!.continuationPoint }],
  }));
  t.equal(rel.results?.[0]?.statusCode.name, "Good", "releasing a continuation point answers Good");
  t.equal(dvs(rel.results?.[0]).length, 0, "and no data");
});

void t.test("AggregateFunctions advertise exactly the aggregates computed", async (t) => {
  const r = await session.browse({ nodeId: "i=2997", browseDirection: 0, referenceTypeId: "Organizes", includeSubtypes: true, resultMask: 63 });
  const names = (r.references ?? []).map((x) => x.browseName.name ?? "").sort();
  t.same(names, ["Average", "Count", "End", "Interpolative", "Maximum", "Minimum", "PercentBad", "PercentGood", "Start", "TimeAverage"]);
  const events = await session.read({ nodeId: "i=11242", attributeId: 13 });
  t.equal(events.value.value, false, "AccessHistoryEventsCapability: no event history");
});
