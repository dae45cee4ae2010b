/**
 * One tag's samples as sorted columns (an open block in memory, or a decoded block):
 * inserting a sample in order, slicing, and taking a time range into read results.
 */
import type { HistorySample } from "../store-api.js";
import type { Column } from "./codec.js";

/**
 * First index in [lo, hi) of sorted times `t` whose time is >= x (> x with `after`):
 * the one binary search the columns, reads and block decoding share.
 */
export function lowerBound(t: ArrayLike<number>, x: number, after = false, lo = 0, hi = t.length): number {
  while (lo < hi) {
    const m = (lo + hi) >>> 1;
    if (t[m]! < x || (after && t[m] === x)) lo = m + 1;
    else hi = m;
  }
  return lo;
}

/**
 * Appends to `out` the samples with from <= time <= to, oldest first (newest first with
 * reverse), until `out` holds `limit`. True when the read is complete: the limit was
 * reached or the column holds samples beyond the range in the direction of reading.
 */
export function takeRange(c: Column, from: number, to: number, limit: number, reverse: boolean, out: HistorySample[]): boolean {
  const n = c.t.length;
  // sorted: start at the first sample in range, not at the column's first sample
  const lo = reverse ? lowerBound(c.t, to, true) : lowerBound(c.t, from);
  if (reverse) {
    for (let i = lo - 1; i >= 0; i--) {
      const t = c.t[i]!;
      if (t < from) return true;
      out.push({ value: c.v[i]!, status: c.s[i]!, sourceTime: t });
      if (out.length >= limit) return true;
    }
    return false;
  }
  for (let i = lo; i < n; i++) {
    const t = c.t[i]!;
    if (t > to) return true;
    out.push({ value: c.v[i]!, status: c.s[i]!, sourceTime: t });
    if (out.length >= limit) return true;
  }
  return false;
}

/** Insert a sample into a sorted column; false when its time is already held. */
export function insertSorted(c: Column, s: HistorySample): boolean {
  const t = s.sourceTime;
  const n = c.t.length;
  const lo = n > 0 && c.t[n - 1]! < t ? n : lowerBound(c.t, t);
  if (lo < n && c.t[lo] === t) return false;
  c.t.splice(lo, 0, t); c.s.splice(lo, 0, s.status >>> 0); c.v.splice(lo, 0, s.value);
  return true;
}

export function slice(c: Column, a: number, b: number): Column {
  return { t: c.t.slice(a, b), s: c.s.slice(a, b), v: c.v.slice(a, b) };
}
