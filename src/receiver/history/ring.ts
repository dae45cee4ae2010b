/**
 * Bounded per-tag history: a ring of the last N samples on one float64 array.
 *
 *   sample ──append()──▶ [ time | value | status·2+null ] per sample (ring, oldest at head)
 *   query(from, to, limit) ──binary search on times──▶ HistorySample[] oldest first
 *
 * Why typed arrays: 10k tags x 1,000 samples as JS objects costs gigabytes; here a
 * numeric sample costs 24 bytes. The ring starts small and doubles up to its depth,
 * so tags that rarely change stay cheap, and it never grows past `depth` (bounded).
 * Its first eight samples live in a block of a shared slab (slab.ts), not an array of
 * its own: at 100,000 tags the arrays' own objects cost more than what they held.
 * 64-bit integers keep their exact value in a BigInt array beside it, strings in a
 * plain array.
 *
 * Times are kept strictly increasing: a live sample whose sourceTime is not newer than
 * the last one (a keyframe repeating a value, a late fragment) is not appended. Backfill
 * goes through merge(), which inserts in order and skips times already held. That keeps
 * the ring sorted, which range queries rely on.
 */
import type { TagType, Value } from "../../core/model.js";
import type { HistorySample } from "../store-api.js";
import type { HistoryRange } from "./api.js";
import { Slab } from "./slab.js";

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

/** Capacity a ring starts with, in samples: one slab block. */
export const INITIAL = 8;
/** float64 elements per sample: time, value, status and null flag */
const STRIDE = 3;
const EMPTY: Float64Array = new Float64Array(0);

/** A slab of first blocks, for rings that share one (a history store's). */
export function ringSlab(): Slab {
  return new Slab(INITIAL * STRIDE);
}

export class HistoryRing {
  readonly depth: number;
  private readonly kind: Kind;
  private cap = 0;
  private head = 0;
  private len = 0;
  /** the samples: this ring's own array, or a page of the slab from `base` on */
  private buf: Float64Array = EMPTY;
  private base = 0;
  /** the slab block held, or -1 */
  private block = -1;
  private bigs: BigInt64Array | BigUint64Array | null = null;
  private strs: (string | null)[] | null = null;

  /** @param slab where the first INITIAL samples live: share one among many rings (a slab of its own by default, a whole page for one block) */
  constructor(type: TagType, depth: number, private readonly slab: Slab = ringSlab()) {
    if (!Number.isInteger(depth) || depth < 1) throw new RangeError(`history depth must be >= 1, got ${depth}`);
    if (slab.block !== INITIAL * STRIDE) throw new RangeError(`a ring's slab needs blocks of ${INITIAL * STRIDE}, got ${slab.block}`);
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
    return this.len === 0 ? null : this.buf[this.at(this.head)]!;
  }

  /** Approximate bytes held by the arrays (strings counted at 2 bytes per char). */
  get bytes(): number {
    let b = this.cap * STRIDE * 8;
    if (this.bigs) b += this.bigs.byteLength;
    if (this.strs) for (const s of this.strs) b += 8 + (s ? s.length * 2 : 0);
    return b;
  }

  /** sourceTime of the newest sample, or null when empty. */
  get lastTime(): number | null {
    return this.len === 0 ? null : this.buf[this.at((this.head + this.len - 1) % this.cap)]!;
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
    const o = this.at(i);
    this.buf[o] = sourceTime;
    this.buf[o + 2] = (status >>> 0) * 2 + (value === null ? 1 : 0);
    this.put(i, o, value);
    return true;
  }

  /** Empty the ring and give back what it holds (its slab block too). */
  clear(): void {
    this.head = 0;
    this.len = 0;
    this.cap = 0;
    this.setBuf(EMPTY, 0, -1);
    this.bigs = null;
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
      const o = this.at(i);
      const sn = this.buf[o + 2]!;
      return { value: sn % 2 === 1 ? null : this.get(i, o), status: (sn - (sn % 2)) / 2, sourceTime: this.buf[o]! };
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
    const floor = this.len === this.depth ? this.buf[this.at(this.head)]! : -Infinity;
    for (const s of samples) {
      const t = s.sourceTime;
      if (t < floor) continue;
      const k = this.lowerBound(t);
      if (k < this.len && this.buf[this.at((this.head + k) % this.cap)] === t) continue;
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
      const x = this.buf[this.at((this.head + mid) % this.cap)]!;
      if (x < t || (after && x === t)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Where sample slot i starts in buf. */
  private at(i: number): number {
    return this.base + i * STRIDE;
  }

  private put(i: number, o: number, v: Value): void {
    switch (this.kind) {
      case "str":
        this.strs![i] = typeof v === "string" ? v : null;
        return;
      case "i64":
      case "u64":
        this.bigs![i] = typeof v === "bigint" ? v : 0n;
        return;
      case "bool":
        this.buf[o + 1] = v === true ? 1 : 0;
        return;
      default:
        this.buf[o + 1] = typeof v === "number" ? v : 0;
    }
  }

  /** The value of a sample that is not null. */
  private get(i: number, o: number): Value {
    switch (this.kind) {
      case "str": return this.strs![i] ?? null;
      case "i64":
      case "u64": return this.bigs![i]!;
      case "bool": return this.buf[o + 1] === 1;
      default: return this.buf[o + 1]!;
    }
  }

  private setBuf(buf: Float64Array, base: number, block: number): void {
    if (this.block >= 0) this.slab.release(this.block);
    this.buf = buf;
    this.base = base;
    this.block = block;
  }

  /** Double the capacity (up to depth), copying the ring in logical order; the first capacity is a slab block. */
  private grow(): void {
    const cap = Math.min(this.depth, Math.max(INITIAL, this.cap * 2));
    let buf: Float64Array, base = 0, block = -1;
    if (cap === INITIAL) {
      block = this.slab.alloc();
      buf = this.slab.page(block);
      base = this.slab.offset(block);
    } else {
      buf = new Float64Array(cap * STRIDE);
    }
    const bigs = this.kind === "i64" ? new BigInt64Array(cap) : this.kind === "u64" ? new BigUint64Array(cap) : null;
    const strs: (string | null)[] | null = this.kind === "str" ? new Array<string | null>(cap).fill(null) : null;
    for (let k = 0; k < this.len; k++) {
      const i = (this.head + k) % this.cap;
      const from = this.at(i);
      const to = base + k * STRIDE;
      for (let f = 0; f < STRIDE; f++) buf[to + f] = this.buf[from + f]!;
      if (bigs) (bigs as BigInt64Array)[k] = (this.bigs as BigInt64Array)[i]!;
      if (strs) strs[k] = this.strs![i] ?? null;
    }
    this.setBuf(buf, base, block);
    this.bigs = bigs;
    this.strs = strs;
    this.head = 0;
    this.cap = cap;
  }
}
