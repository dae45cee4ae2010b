/**
 * The e2e suite's judgements, kept apart from the scenario so each reads as a rule:
 * "converged" (every tag Good, the PLC's values), status sequences in order, and
 * the gaps in a tag's history (nothing lost beyond the outages).
 */
import { DENIED, PATHS, SOURCES, STATIC, counterAt } from "./plant.js";
import type { Snapshot, TagView } from "./observe.js";

/**
 * How far a counter value may be from the PLC's counter at the value's source
 * time, in counts of 100 ms: the reader stamps the time when a poll starts and
 * the PLC answers within the 500 ms request timeout; -2 allows for timer skew.
 */
export const COUNTER_TOLERANCE = { below: -2, above: 10 } as const;

const ms = (iso: string | null) => (iso === null ? Number.NaN : Date.parse(iso));

/** value minus what the PLC held at the sample's source time (NaN when not a number) */
export function counterDeviation(v: Pick<TagView, "value" | "sourceTime">, epochMs: number): number {
  return typeof v.value === "number" ? v.value - counterAt(epochMs, ms(v.sourceTime)) : Number.NaN;
}

export function counterMatchesPlc(v: Pick<TagView, "value" | "sourceTime">, epochMs: number): boolean {
  const d = counterDeviation(v, epochMs);
  return d >= COUNTER_TOLERANCE.below && d <= COUNTER_TOLERANCE.above;
}

/** Counter value of a source in a snapshot (NaN when missing). */
export function counterOf(s: Snapshot | null, source: string): number {
  const v = s?.tags.get(`${source}/counter`)?.value;
  return typeof v === "number" ? v : Number.NaN;
}

/**
 * IT sees the plant as it is: every tag Good, the static registers' known values,
 * each counter the PLC's and past `after[source]` (its value before an outage),
 * and the denied tag absent.
 */
export function converged(s: Snapshot, epochMs: number, after: Readonly<Record<string, number>> = {}, paths: readonly string[] = PATHS): boolean {
  if (!s.ok) return false;
  for (const p of paths) {
    const v = s.tags.get(p);
    if (!v || v.status !== "Good") return false;
    const [source, name] = p.split("/") as [string, string];
    if (name in STATIC && v.value !== STATIC[name]) return false;
    if (name === "counter" && (!counterMatchesPlc(v, epochMs) || !((v.value as number) > (after[source] ?? -1)))) return false;
  }
  return SOURCES.every((src) => !s.tags.has(`${src}/${DENIED}`));
}

/** Every path shows `status`. */
export function allStatus(s: Snapshot, status: string, paths: readonly string[] = PATHS): boolean {
  return s.ok && paths.every((p) => s.tags.get(p)?.status === status);
}

/** `expected` occurs in `seq` in this order (other entries may come between). */
export function inOrder(seq: readonly string[], expected: readonly string[]): boolean {
  let i = 0;
  for (const s of seq) if (s === expected[i]) i++;
  return i === expected.length;
}

export function seqText(seq: readonly string[]): string {
  return seq.join(" > ");
}

export interface HistorySample { value: unknown; status: string; sourceTime: string }

export interface Gap { from: number; to: number; ms: number; before: unknown; after: unknown }

/** Gaps longer than `thresholdMs` between consecutive Good samples. */
export function goodGaps(samples: readonly HistorySample[], thresholdMs: number): Gap[] {
  const good = samples.filter((s) => s.status === "Good");
  const gaps: Gap[] = [];
  for (let i = 1; i < good.length; i++) {
    const a = good[i - 1]!;
    const b = good[i]!;
    const d = ms(b.sourceTime) - ms(a.sourceTime);
    if (d > thresholdMs) gaps.push({ from: ms(a.sourceTime), to: ms(b.sourceTime), ms: d, before: a.value, after: b.value });
  }
  return gaps;
}

/** Statuses of the history samples between two times, distinct consecutive. */
export function historyStatuses(samples: readonly HistorySample[], from: number, to: number): string[] {
  const out: string[] = [];
  for (const s of samples) {
    const t = ms(s.sourceTime);
    if (t >= from && t <= to && out[out.length - 1] !== s.status) out.push(s.status);
  }
  return out;
}

export const secs = (n: number) => `${(n / 1000).toFixed(2)} s`;
