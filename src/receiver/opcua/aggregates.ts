/**
 * OPC UA Part 13 aggregates over one interval of raw history, pure (no node-opcua).
 *
 *   raw samples in [start, end) + the bounding samples just before start and from end on
 *     ─▶ Count, Start, End, Minimum, Maximum, Average (plain mean of Good values)
 *     ─▶ TimeAverage, Interpolative (Simple Bounds, sloped interpolation between Good values)
 *     ─▶ PercentGood, PercentBad (time-weighted: a status holds until the next sample)
 *
 * Server defaults (AggregateConfiguration with UseServerCapabilitiesDefaults):
 * TreatUncertainAsBad = true, PercentDataBad = 100, PercentDataGood = 100,
 * UseSlopedExtrapolation = false. A result's status carries the historian bits
 * (Raw / Calculated / Interpolated, Partial) in its info bits, as Part 13 §5 says; an
 * interval holding Bad data is Uncertain (UncertainDataSubNormal) for the value
 * aggregates, and an interval without data answers BadNoData (Count: 0, Good).
 */
import type { HistorySample } from "../store-api.js";

export const AGGREGATES = ["Count", "Start", "End", "Minimum", "Maximum", "Average", "TimeAverage", "Interpolative", "PercentGood", "PercentBad"] as const;
export type Aggregate = (typeof AGGREGATES)[number];

/** StatusCodes and historian bits (Part 4 §7.39 and Part 11 §6.3.2) as numbers. */
export const SC = {
  Good: 0,
  BadNoData: 0x809b0000,
  UncertainDataSubNormal: 0x40a40000,
  BadBoundNotFound: 0x80d70000,
  Calculated: 0x401,
  Interpolated: 0x402,
  Partial: 0x404,
} as const;

export interface AggResult {
  /** null: no value (status is Bad) */
  value: number | null;
  status: number;
  time: number;
  /** for Start, End, Minimum, Maximum: the raw sample, whose value keeps the tag's type */
  sample?: HistorySample;
}

const isGood = (status: number): boolean => status >>> 30 === 0; // uncertain counts as bad (TreatUncertainAsBad)

function num(s: HistorySample): number | null {
  const v = s.value;
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  if (typeof v === "bigint") return Number(v);
  if (typeof v === "boolean") return v ? 1 : 0;
  return null;
}

/** Linear interpolation between two Good numeric samples at t (stepped when one is not numeric). */
export function interpolate(before: HistorySample, after: HistorySample | undefined, t: number): number | null {
  const a = num(before);
  if (a === null) return null;
  if (!after || after.sourceTime === before.sourceTime) return a;
  const b = num(after);
  if (b === null) return a;
  return a + ((b - a) * (t - before.sourceTime)) / (after.sourceTime - before.sourceTime);
}

export interface IntervalData {
  start: number;
  end: number;
  /** raw samples with start <= t < end, oldest first */
  inside: HistorySample[];
  /** the newest sample before start (any status), if any */
  prior?: HistorySample | undefined;
  /** the oldest sample at or after end, if any */
  next?: HistorySample | undefined;
  /** the newest Good sample before start and the oldest Good one at or after end (Simple Bounds) */
  priorGood?: HistorySample | undefined;
  nextGood?: HistorySample | undefined;
}

/** The value at t by Simple Bounds: the nearest Good samples around it, interpolated. */
function valueAt(t: number, d: IntervalData): { v: number | null; ok: boolean } {
  const prior = d.priorGood ?? d.prior, next = d.nextGood ?? d.next;
  const all = [...(prior ? [prior] : []), ...d.inside, ...(next ? [next] : [])].filter((s) => isGood(s.status));
  let before: HistorySample | undefined;
  let after: HistorySample | undefined;
  for (const s of all) {
    if (s.sourceTime <= t) before = s;
    else if (!after) after = s;
  }
  if (!before) return { v: null, ok: false };
  if (before.sourceTime === t) return { v: num(before), ok: true };
  return { v: interpolate(before, after, t), ok: after !== undefined };
}

export function aggregate(kind: Aggregate, d: IntervalData): AggResult {
  const { start, end, inside } = d;
  const good = inside.filter((s) => isGood(s.status));
  const anyBad = good.length < inside.length;
  const valueStatus = (bits: number) => ((anyBad ? SC.UncertainDataSubNormal : SC.Good) | bits) >>> 0;
  const noData: AggResult = { value: null, status: SC.BadNoData, time: start };
  switch (kind) {
    case "Count": return { value: good.length, status: valueStatus(SC.Calculated), time: start };
    case "Start": {
      const s = inside[0];
      return s ? { value: num(s), status: s.status >>> 0, time: s.sourceTime, sample: s } : noData;
    }
    case "End": {
      const s = inside[inside.length - 1];
      return s ? { value: num(s), status: s.status >>> 0, time: s.sourceTime, sample: s } : noData;
    }
    case "Minimum": case "Maximum": {
      let best: HistorySample | undefined;
      let bv = 0;
      for (const s of good) {
        const v = num(s);
        if (v === null) continue;
        if (!best || (kind === "Minimum" ? v < bv : v > bv)) { best = s; bv = v; }
      }
      return best ? { value: bv, status: valueStatus(0), time: best.sourceTime, sample: best } : noData;
    }
    case "Average": {
      const vs = good.map(num).filter((v): v is number => v !== null);
      if (vs.length === 0) return noData;
      return { value: vs.reduce((a, b) => a + b, 0) / vs.length, status: valueStatus(SC.Calculated), time: start };
    }
    case "Interpolative": {
      const at = valueAt(start, d);
      if (at.v === null) return noData;
      return { value: at.v, status: ((at.ok ? SC.Good : SC.UncertainDataSubNormal) | SC.Interpolated) >>> 0, time: start };
    }
    case "TimeAverage": {
      // Trapezoids between the bounds at start and end and the Good samples inside (sloped).
      const a = valueAt(start, d);
      const b = valueAt(end, d);
      const pts: [number, number][] = [];
      if (a.v !== null) pts.push([start, a.v]);
      for (const s of good) { const v = num(s); if (v !== null && s.sourceTime > start) pts.push([s.sourceTime, v]); }
      if (b.v !== null) pts.push([end, b.v]);
      if (pts.length < 2) return good.length === 1 ? { value: num(good[0]!), status: (SC.UncertainDataSubNormal | SC.Calculated) >>> 0, time: start } : noData;
      let area = 0;
      for (let i = 1; i < pts.length; i++) area += ((pts[i]![1] + pts[i - 1]![1]) / 2) * (pts[i]![0] - pts[i - 1]![0]);
      const span = pts[pts.length - 1]![0] - pts[0]![0];
      const partial = pts[0]![0] > start || pts[pts.length - 1]![0] < end;
      const uncertain = anyBad || !a.ok || !b.ok || partial;
      return { value: span > 0 ? area / span : pts[0]![1], status: ((uncertain ? SC.UncertainDataSubNormal : SC.Good) | SC.Calculated | (partial ? SC.Partial : 0)) >>> 0, time: start };
    }
    case "PercentGood": case "PercentBad": {
      // Each status holds from its sample until the next; before the first, the prior's status (none: bad).
      let goodMs = 0;
      let cur = d.prior ? isGood(d.prior.status) : false;
      let at = start;
      for (const s of inside) {
        if (cur) goodMs += s.sourceTime - at;
        at = s.sourceTime;
        cur = isGood(s.status);
      }
      if (cur) goodMs += end - at;
      const span = end - start;
      const pg = span > 0 ? (100 * goodMs) / span : (cur ? 100 : 0);
      return { value: kind === "PercentGood" ? pg : 100 - pg, status: (SC.Good | SC.Calculated) >>> 0, time: start };
    }
  }
}
