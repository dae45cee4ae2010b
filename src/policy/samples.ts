/**
 * Per-sample enforcement of the policy's constraints, on both sides of the link.
 *
 *   samples ─▶ known alias? ─▶ tag allowed? ─▶ value of its type? ─▶ in range? ─▶ under maxRate? ─▶ out
 *                 │unknown       │denied         │type                │range/flag    │held (newest waits)
 *                 ▼              ▼               ▼                    ▼              ▼
 *                       dropped and counted by reason (flagged values cross with BadOutOfRange)
 *
 * maxRate keeps latest-value semantics: a tag crosses at most once per 1/maxRate
 * seconds; an update that comes sooner is held (only the newest held one is kept, the
 * one it replaces is counted as "rate") and released by a later call once the tag's
 * interval has passed, even if that call carries no sample of the tag. So callers pass
 * every cycle (an empty array is fine), and the far side converges to the newest value
 * within one interval plus one cycle. A held sample is re-checked against the tag decision
 * and the catalogue in force when it is released (a reload or a new birth may have
 * changed either).
 *
 * Pure state, no timers and no I/O: the caller supplies `now`.
 */
import { Status } from "../core/status.js";
import type { Sample, TagDef, TagType, Value } from "../core/model.js";
import type { Verdict } from "./evaluate.js";

export const BLOCK_REASONS = ["denied", "type", "range", "rate", "flagged", "unknown"] as const;
export type BlockReason = (typeof BLOCK_REASONS)[number];

interface Cached { path: string; type: TagType; gen: number; verdict: Verdict }
interface Limit { last: number; crossed?: Sample; held?: Sample; heldPath?: string }

/** The same reading again (time, value and status): what the keyframe carousel re-sends. */
function isRepeat(a: Sample | undefined, b: Sample): boolean {
  return a !== undefined && a.sourceTime === b.sourceTime && a.status === b.status && a.value === b.value;
}

/** Does a value have the JS kind its declared tag type promises? null always does (no value yet/bad). */
export function valueFits(type: TagType, v: Value): boolean {
  if (v === null) return true;
  switch (type) {
    case "bool": return typeof v === "boolean";
    case "string": return typeof v === "string";
    case "float32": case "float64": return typeof v === "number";
    case "int16": case "uint16": case "int32": case "uint32": case "int64": case "uint64":
      return typeof v === "number" || typeof v === "bigint";
    default: return false; // a type sluice does not know (malformed catalogue): fail closed
  }
}

export class SampleFilter {
  private readonly counts: Record<BlockReason, number> = { denied: 0, type: 0, range: 0, rate: 0, flagged: 0, unknown: 0 };
  private readonly cache = new Map<number, Cached>();
  private readonly limits = new Map<number, Limit>();
  /** Aliases with a held sample, so a release pass touches only those. */
  private readonly held = new Set<number>();

  /** `judge` evaluates the policy currently in force; `gen` changes whenever that policy does. */
  constructor(private readonly judge: (path: string, type: TagType) => Verdict, private readonly gen: () => number) {}

  blocked(): Record<BlockReason, number> {
    return { ...this.counts };
  }

  /** Path and verdict of the sample rules() last passed. */
  private readonly ruled: { path: string; verdict: Verdict } = { path: "", verdict: { allowed: false, rule: "" } };

  private verdict(alias: number, d: TagDef): Verdict {
    const g = this.gen();
    const c = this.cache.get(alias);
    if (c !== undefined && c.gen === g && c.path === d.path && c.type === d.type) return c.verdict;
    const verdict = this.judge(d.path, d.type);
    this.cache.set(alias, { path: d.path, type: d.type, gen: g, verdict });
    return verdict;
  }

  filter(samples: readonly Sample[], def: (alias: number) => TagDef | undefined, now: number): Sample[] {
    const out: Sample[] = [];
    for (const s of samples) {
      const sample = this.rules(s, def);
      if (sample === null) continue;
      const interval = this.ruled.verdict.by?.minIntervalMs;
      if (interval === undefined) { out.push(sample); continue; }
      this.limit(s.alias, this.ruled.path, sample, interval, now, out);
    }
    if (this.held.size > 0) this.release(def, now, out);
    return out;
  }

  /**
   * History (the reader's journal re-sent): the same tag, type and range rules, but no
   * maxRate (a record of the past is not a stream of updates). Counts like filter().
   */
  check(samples: readonly Sample[], def: (alias: number) => TagDef | undefined): Sample[] {
    const out: Sample[] = [];
    for (const s of samples) {
      const sample = this.rules(s, def);
      if (sample !== null) out.push(sample);
    }
    return out;
  }

  /**
   * The tag, type and range rules of one sample: null when dropped (counted), else the
   * sample (flagged when out of range), with its path and verdict left in `ruled` (no
   * allocation per sample on the reader's hot path).
   */
  private rules(s: Sample, def: (alias: number) => TagDef | undefined): Sample | null {
    const d = def(s.alias);
    if (d === undefined) { this.counts.unknown++; return null; }
    const v = this.verdict(s.alias, d);
    if (!v.allowed) { this.counts[v.reason === "type" ? "type" : "denied"]++; return null; }
    if (!valueFits(d.type, s.value)) { this.counts.type++; return null; }
    const range = v.by?.range;
    if (range !== undefined && s.value !== null) {
      const x = s.value as number | bigint;
      const inside = !(typeof x === "number" && Number.isNaN(x)) && x >= range.min && x <= range.max;
      if (!inside) {
        if (range.action === "drop") { this.counts.range++; return null; }
        this.counts.flagged++;
        this.ruled.path = d.path; this.ruled.verdict = v;
        return { ...s, status: Status.BadOutOfRange };
      }
    }
    this.ruled.path = d.path; this.ruled.verdict = v;
    return s;
  }

  private limit(alias: number, path: string, s: Sample, interval: number, now: number, out: Sample[]): void {
    const l = this.limits.get(alias);
    // A repeat of the sample that last crossed (the link's keyframe carousel re-sends
    // every value) is not an update: it crosses without using the tag's rate.
    if (l !== undefined && l.held === undefined && isRepeat(l.crossed, s)) {
      out.push(s);
      return;
    }
    // "No value yet" is a placeholder, not an update: the first real reading after it
    // crosses at once. A clock that stepped backwards must not hold a tag back either.
    const placeholder = l?.crossed?.value === null && l.crossed.status === Status.BadWaitingForInitialData;
    if (l === undefined || placeholder || now - l.last >= interval || now < l.last) {
      if (l?.held !== undefined) { this.unhold(alias, l); this.counts.rate++; }
      if (l === undefined) this.limits.set(alias, { last: now, crossed: s });
      else { l.last = now; l.crossed = s; }
      out.push(s);
      return;
    }
    // An older reading, or the held one again (keyframe repeats), changes nothing.
    if (l.held !== undefined && (s.sourceTime < l.held.sourceTime || isRepeat(l.held, s))) return;
    if (l.held !== undefined) this.counts.rate++;
    l.held = s;
    l.heldPath = path;
    this.held.add(alias);
  }

  private unhold(alias: number, l: Limit): void {
    delete l.held;
    delete l.heldPath;
    this.held.delete(alias);
  }

  /** Let held samples whose interval has passed cross, re-checked against the current policy and catalogue. */
  private release(def: (alias: number) => TagDef | undefined, now: number, out: Sample[]): void {
    for (const alias of this.held) {
      const l = this.limits.get(alias)!;
      const s = l.held!;
      const d = def(alias);
      if (d === undefined || d.path !== l.heldPath) {
        // The catalogue changed under the held sample: it belongs to a tag that no longer has this alias.
        this.unhold(alias, l);
        this.counts.unknown++;
        continue;
      }
      const v = this.verdict(alias, d);
      if (!v.allowed) {
        this.unhold(alias, l);
        this.counts[v.reason === "type" ? "type" : "denied"]++;
        continue;
      }
      const interval = v.by?.minIntervalMs;
      if (interval !== undefined && now - l.last < interval && now >= l.last) continue;
      this.unhold(alias, l);
      l.last = now;
      l.crossed = s;
      out.push(s);
    }
  }
}
