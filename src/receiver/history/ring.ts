/**
 * Bounded per-tag history: a ring of the last N samples on typed arrays.
 *
 *   sample ──append()──▶ [ times | status | value | null-flag ]  (ring, oldest at head)
 *   query(from, to, limit) ──binary search on times──▶ HistorySample[] oldest first
 *
 * Why typed arrays: 10k tags x 1,000 samples as JS objects costs gigabytes; here a
 * numeric sample costs 21 bytes. The ring starts small and doubles up to its depth,
 * so tags that rarely change stay cheap, and it never grows past `depth` (bounded).
 *
 * Times are kept strictly increasing: a live sample whose sourceTime is not newer than
 * the last one (a keyframe repeating a value, a late fragment) is not appended. Backfill
 * goes through merge(), which inserts in order and skips times already held. That keeps
 * the ring sorted, which range queries rely on.
 */
import type { TagType, Value } from "../../core/model.js";
import type { HistorySample } from "../store-api.js";
import type { HistoryRange } from "./api.js";

type Kind = "num" | "bool" | "i64" | "u64" | "str";

function kindOf(type: TagType): Kind {
  switch (type) {
    case "bool": return "bool";
    case "int64": return "i64";
    case "uint64": return "u64";
    case "string": return "str";
    default: return "num";
  }
}

const INITIAL = 8;

export class HistoryRing {
  readonly depth: number;
  private readonly kind: Kind;
  private cap = 0;
  private head = 0;
  private len = 0;
  private times = new Float64Array(0);
  private status = new Uint32Array(0);
  private nulls = new Uint8Array(0);
  private nums: Float64Array | BigInt64Array | BigUint64Array | null = null;
  private strs: (string | null)[] | null = null;

  constructor(type: TagType, depth: number) {
    if (!Number.isInteger(depth) || depth < 1) throw new RangeError(`history depth must be >= 1, got ${depth}`);
    this.depth = depth;
    this.kind = kindOf(type);
  }

  /** samples overwritten because the ring was full */
  evicted = 0;

  get length(): number {
    return this.len;
  }

  /** sourceTime of the oldest sample, or null when empty. */
  get firstTime(): number | null {
    return this.len === 0 ? null : this.times[this.head]!;
  }

  /** Approximate bytes held by the arrays (strings counted at 2 bytes per char). */
  get bytes(): number {
    let b = this.cap * (8 + 4 + 1);
    if (this.nums) b += this.nums.byteLength;
    if (this.strs) for (const s of this.strs) b += 8 + (s ? s.length * 2 : 0);
    return b;
  }

  /** sourceTime of the newest sample, or null when empty. */
  get lastTime(): number | null {
    return this.len === 0 ? null : this.times[(this.head + this.len - 1) % this.cap]!;
  }

  /** Record a sample; false when it was not newer than the last one (not recorded). */
  append(value: Value, status: number, sourceTime: number): boolean {
    const last = this.lastTime;
    if (last !== null && !(sourceTime > last)) return false;
    if (this.len === this.cap && this.cap < this.depth) this.grow();
    let i: number;
    if (this.len < this.cap) {
      i = (this.head + this.len) % this.cap;
      this.len++;
    } else {
      i = this.head; // full at depth: overwrite the oldest
      this.head = (this.head + 1) % this.cap;
      this.evicted++;
    }
    this.times[i] = sourceTime;
    this.status[i] = status >>> 0;
    this.nulls[i] = value === null ? 1 : 0;
    this.put(i, value);
    return true;
  }

  clear(): void {
    this.head = 0;
    this.len = 0;
    this.cap = 0;
    this.times = new Float64Array(0);
    this.status = new Uint32Array(0);
    this.nulls = new Uint8Array(0);
    this.nums = null;
    this.strs = null;
  }

  /** Samples with from <= sourceTime <= to, oldest first (newest first with reverse), at most `limit`. */
  query(q: HistoryRange = {}): HistorySample[] {
    const from = q.from ?? -Infinity;
    const to = q.to ?? Infinity;
    const limit = q.limit ?? Infinity;
    const out: HistorySample[] = [];
    if (this.len === 0 || limit <= 0 || from > to) return out;
    const at = (k: number): HistorySample => {
      const i = (this.head + k) % this.cap;
      return { value: this.get(i), status: this.status[i]!, sourceTime: this.times[i]! };
    };
    if (q.reverse) {
      const lo = this.lowerBound(from);
      for (let k = this.lowerBound(to, true) - 1; k >= lo && out.length < limit; k--) out.push(at(k));
      return out;
    }
    for (let k = this.lowerBound(from); k < this.len && out.length < limit; k++) {
      const s = at(k);
      if (s.sourceTime > to) break;
      out.push(s);
    }
    return out;
  }

  /**
   * Backfill: insert samples in time order, skipping times already held (idempotent);
   * the ring keeps its newest `depth`. Returns the samples that were new and kept.
   */
  merge(samples: readonly HistorySample[]): HistorySample[] {
    // Held times are found by binary search (the ring is sorted): the reader's history
    // carousel re-sends what the ring mostly holds already, again and again, and that
    // common case must not cost a pass over the whole ring per tag.
    let seen: Set<number> | null = null;
    const fresh: HistorySample[] = [];
    // A full ring keeps its newest `depth`: a sample older than all it holds would be
    // dropped again at once (and counted as evicted once per re-send), so it is skipped.
    const floor = this.len === this.depth ? this.times[this.head]! : -Infinity;
    for (const s of samples) {
      const t = s.sourceTime;
      if (t < floor) continue;
      const k = this.lowerBound(t);
      if (k < this.len && this.times[(this.head + k) % this.cap] === t) continue;
      if ((seen ??= new Set()).has(t)) continue;
      seen.add(t);
      fresh.push(s);
    }
    if (fresh.length === 0) return [];
    const all = [...this.query(), ...fresh].sort((a, b) => a.sourceTime - b.sourceTime);
    const keep = all.slice(Math.max(0, all.length - this.depth));
    this.evicted += all.length - keep.length;
    const ev = this.evicted;
    this.clear();
    this.evicted = ev;
    for (const s of keep) this.append(s.value, s.status, s.sourceTime);
    const kept = new Set(keep);
    return fresh.filter((s) => kept.has(s)).sort((a, b) => a.sourceTime - b.sourceTime);
  }

  /** First logical index whose time is >= t (> t with `after`). */
  private lowerBound(t: number, after = false): number {
    let lo = 0;
    let hi = this.len;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const x = this.times[(this.head + mid) % this.cap]!;
      if (x < t || (after && x === t)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private put(i: number, v: Value): void {
    switch (this.kind) {
      case "str":
        this.strs![i] = typeof v === "string" ? v : null;
        return;
      case "i64":
      case "u64":
        (this.nums as BigInt64Array | BigUint64Array)[i] = typeof v === "bigint" ? v : 0n;
        return;
      case "bool":
        (this.nums as Float64Array)[i] = v === true ? 1 : 0;
        return;
      default:
        (this.nums as Float64Array)[i] = typeof v === "number" ? v : 0;
    }
  }

  private get(i: number): Value {
    if (this.nulls[i] === 1) return null;
    switch (this.kind) {
      case "str": return this.strs![i] ?? null;
      case "bool": return (this.nums as Float64Array)[i] === 1;
      default: return this.nums![i]!;
    }
  }

  /** Double the capacity (up to depth), copying the ring in logical order. */
  private grow(): void {
    const cap = Math.min(this.depth, Math.max(INITIAL, this.cap * 2));
    const times = new Float64Array(cap);
    const status = new Uint32Array(cap);
    const nulls = new Uint8Array(cap);
    const nums = this.kind === "str" ? null
      : this.kind === "i64" ? new BigInt64Array(cap)
      : this.kind === "u64" ? new BigUint64Array(cap)
      : new Float64Array(cap);
    const strs: (string | null)[] | null = this.kind === "str" ? new Array<string | null>(cap).fill(null) : null;
    for (let k = 0; k < this.len; k++) {
      const i = (this.head + k) % this.cap;
      times[k] = this.times[i]!;
      status[k] = this.status[i]!;
      nulls[k] = this.nulls[i]!;
      if (nums) (nums as Float64Array)[k] = (this.nums as Float64Array)[i]!;
      if (strs) strs[k] = this.strs![i] ?? null;
    }
    this.times = times;
    this.status = status;
    this.nulls = nulls;
    this.nums = nums;
    this.strs = strs;
    this.head = 0;
    this.cap = cap;
  }
}
