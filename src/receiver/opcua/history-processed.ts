/**
 * HistoryRead ReadProcessed (Part 11 §6.4.4, aggregates of Part 13) and ReadAtTime
 * (§6.4.5) of one tag against the store.
 *
 *   [start, end) cut into processingInterval slices (0: one slice) ─▶ raw data of the slices
 *     this call covers, with the samples bounding them ─▶ aggregates.ts per slice
 *   reqTimes ─▶ the sample at that time, else interpolated between the bounding samples
 *     (UseSimpleBounds: the nearest samples whatever their status; otherwise the nearest Good)
 *
 * Work is bounded: at most perCall slices or times per node per call (then a continuation
 * point holding the next index), and at most MAX_RAW raw samples behind one call's slices
 * (more answers BadTooManyOperations: ask for shorter intervals or fewer at a time).
 */
import type { HistorySample, TagStoreView } from "../store-api.js";
import { AGGREGATES, aggregate, interpolate, SC, type AggResult, type Aggregate } from "./aggregates.js";
import { decodePosition, encodePosition } from "./history-raw.js";

/** Raw samples read behind one call of one node. */
export const MAX_RAW = 2_000_000;

/** AggregateFunction NodeIds (namespace 0) of what this server computes. */
export const AGGREGATE_IDS: Record<number, Aggregate> = {
  2352: "Count", 2357: "Start", 2358: "End", 2346: "Minimum", 2347: "Maximum",
  2342: "Average", 2343: "TimeAverage", 2341: "Interpolative", 2362: "PercentGood", 2363: "PercentBad",
};
export const SUPPORTED = AGGREGATES;

export type ProcessedAnswer =
  | { status: "BadHistoryOperationInvalid" | "BadContinuationPointInvalid" | "BadTooManyOperations" | "BadAggregateNotSupported" | "BadInvalidArgument" }
  | { status: "Good"; results: AggResult[]; continuationPoint: Buffer | null };

function before(store: TagStoreView, path: string, t: number, goodOnly = false): HistorySample | undefined {
  const l = store.history(path, { to: t, reverse: true, limit: goodOnly ? 50 : 2 }) ?? [];
  return l.find((s) => s.sourceTime < t && (!goodOnly || s.status >>> 30 === 0));
}
function atOrAfter(store: TagStoreView, path: string, t: number, strict = false, goodOnly = false): HistorySample | undefined {
  const l = store.history(path, { from: t, limit: goodOnly ? 50 : 2 }) ?? [];
  return l.find((s) => (strict ? s.sourceTime > t : s.sourceTime >= t) && (!goodOnly || s.status >>> 30 === 0));
}

export function readProcessed(
  store: TagStoreView, path: string, q: { start: number | null; end: number | null; interval: number; aggregateId: number; continuationPoint: Buffer | null },
  perCall: number, budget: number,
): ProcessedAnswer {
  const agg = AGGREGATE_IDS[q.aggregateId];
  if (!agg) return { status: "BadAggregateNotSupported" };
  if (q.start === null || q.end === null || q.start === q.end) return { status: "BadHistoryOperationInvalid" };
  if (!(q.interval >= 0) || !Number.isFinite(q.interval)) return { status: "BadInvalidArgument" };
  const backward = q.start > q.end;
  const lo = Math.min(q.start, q.end), hi = Math.max(q.start, q.end);
  const width = q.interval > 0 ? Math.min(q.interval, hi - lo) : hi - lo;
  const total = Math.ceil((hi - lo) / width);
  let index = 0;
  if (q.continuationPoint && q.continuationPoint.length > 0) {
    const p = decodePosition(path, 2, q.continuationPoint);
    if (!p || p.skip !== q.aggregateId || p.t >= total) return { status: "BadContinuationPointInvalid" };
    index = p.t;
  }
  const n = Math.max(1, Math.min(total - index, perCall, budget));
  // Backward reads list slices from the end: slice k covers [hi - (k+1)w, hi - k w).
  const slice = (k: number): [number, number] => backward
    ? [Math.max(lo, hi - (k + 1) * width), hi - k * width]
    : [lo + k * width, Math.min(hi, lo + (k + 1) * width)];
  const a = backward ? slice(index + n - 1)[0] : slice(index)[0];
  const b = backward ? slice(index)[1] : slice(index + n - 1)[1];
  const raw = store.history(path, { from: a, to: b, limit: MAX_RAW + 1 }) ?? [];
  if (raw.length > MAX_RAW) return { status: "BadTooManyOperations" };
  const data = raw.filter((s) => s.sourceTime < b);
  const results: AggResult[] = [];
  let prior = before(store, path, a);
  let priorGood = prior && prior.status >>> 30 === 0 ? prior : before(store, path, a, true);
  const last = atOrAfter(store, path, b);
  const lastGood = last && last.status >>> 30 === 0 ? last : atOrAfter(store, path, b, false, true);
  const goodFrom = (from: number): HistorySample | undefined => {
    for (let j = from; j < data.length; j++) if (data[j]!.status >>> 30 === 0) return data[j];
    return lastGood;
  };
  let i = 0;
  const forward: AggResult[] = [];
  for (let k = 0; k < n; k++) {
    const [s0, s1] = slice(backward ? index + n - 1 - k : index + k);
    const inside: HistorySample[] = [];
    while (i < data.length && data[i]!.sourceTime < s1) inside.push(data[i++]!);
    const next = i < data.length ? data[i] : last;
    forward.push(aggregate(agg, { start: s0, end: s1, inside, prior, next, priorGood, nextGood: goodFrom(i) }));
    if (inside.length > 0) prior = inside[inside.length - 1];
    for (const x of inside) if (x.status >>> 30 === 0) priorGood = x;
  }
  results.push(...(backward ? forward.reverse() : forward));
  const more = index + n < total;
  return { status: "Good", results, continuationPoint: more ? encodePosition(path, 2, { t: index + n, skip: q.aggregateId, started: true }) : null };
}

export type AtTimeAnswer =
  | { status: "BadContinuationPointInvalid" }
  | { status: "Good"; results: AggResult[]; continuationPoint: Buffer | null };

export function readAtTime(
  store: TagStoreView, path: string, q: { times: number[]; useSimpleBounds: boolean; continuationPoint: Buffer | null }, perCall: number, budget: number,
): AtTimeAnswer {
  let index = 0;
  if (q.continuationPoint && q.continuationPoint.length > 0) {
    const p = decodePosition(path, 3, q.continuationPoint);
    if (!p || p.t >= q.times.length) return { status: "BadContinuationPointInvalid" };
    index = p.t;
  }
  const n = Math.max(0, Math.min(q.times.length - index, perCall, budget));
  const results: AggResult[] = [];
  const goodOnly = !q.useSimpleBounds;
  for (let k = index; k < index + n; k++) {
    const t = q.times[k]!;
    const exact = (store.history(path, { from: t, to: t, limit: 1 }) ?? [])[0];
    if (exact) { results.push({ value: null, status: exact.status >>> 0, time: t, sample: exact }); continue; }
    const p = before(store, path, t, goodOnly);
    if (!p) { results.push({ value: null, status: SC.BadNoData, time: t }); continue; }
    const nx = atOrAfter(store, path, t, true, goodOnly);
    const pGood = p.status >>> 30 === 0, nGood = nx !== undefined && nx.status >>> 30 === 0;
    const numeric = typeof p.value === "number" || typeof p.value === "bigint";
    if (!pGood && q.useSimpleBounds) { results.push({ value: null, status: SC.BadNoData, time: t }); continue; }
    if (!numeric || !nx || !nGood) {
      // stepped: the prior value holds (uncertain when nothing follows it to interpolate to)
      const status = ((nx && nGood) || !numeric ? SC.Good : SC.UncertainDataSubNormal) | SC.Interpolated;
      results.push({ value: null, status: status >>> 0, time: t, sample: { ...p, sourceTime: t } });
      continue;
    }
    results.push({ value: interpolate(p, nx, t), status: (SC.Good | SC.Interpolated) >>> 0, time: t });
  }
  const more = index + n < q.times.length;
  return { status: "Good", results, continuationPoint: more ? encodePosition(path, 3, { t: index + n, skip: 0, started: true }) : null };
}
