/**
 * History in memory: one bounded ring per tag (ring.ts), lost on restart. Used when
 * `history.path` is unset; `history.samples` is the depth per tag. The rings' first
 * blocks come from one slab (slab.ts); a ring let go gives its block back.
 */
import type { Value } from "../../core/model.js";
import type { HistorySample } from "../store-api.js";
import type { HistoryKey, HistoryRange, HistoryStats, HistoryStore } from "./api.js";
import { HistoryRing, ringSlab } from "./ring.js";

export class MemoryHistory implements HistoryStore {
  readonly kind = "memory";
  readonly resumeMark = null;
  private readonly rings = new Map<string, HistoryRing>();

  /** @param slab the rings' first blocks (shared by this store's rings) */
  constructor(private readonly depth: number, private readonly slab = ringSlab()) {}

  private ring(key: HistoryKey): HistoryRing | null {
    if (this.depth <= 0) return null;
    let r = this.rings.get(key.path);
    if (!r) { r = new HistoryRing(key.type, this.depth, this.slab); this.rings.set(key.path, r); }
    return r;
  }

  append(key: HistoryKey, value: Value, status: number, sourceTime: number): void {
    this.ring(key)?.append(value, status, sourceTime);
  }

  merge(key: HistoryKey, samples: readonly HistorySample[]): HistorySample[] {
    return this.ring(key)?.merge(samples) ?? [];
  }

  query(key: HistoryKey, r: HistoryRange): HistorySample[] {
    return this.rings.get(key.path)?.query(r) ?? [];
  }

  reset(key: HistoryKey): void {
    this.drop(key.path);
  }

  drop(path: string): void {
    this.rings.get(path)?.clear();
    this.rings.delete(path);
  }

  stats(): HistoryStats {
    let samples = 0, bytes = 0, evicted = 0;
    let oldest: number | null = null;
    for (const r of this.rings.values()) {
      samples += r.length;
      bytes += r.bytes;
      evicted += r.evicted;
      const o = r.firstTime;
      if (o !== null && (oldest === null || o < oldest)) oldest = o;
    }
    return { samples, bytes, writeErrors: 0, degraded: false, evicted, oldest };
  }

  flush(): void { /* nothing pending */ }

  setMark(): void { /* lost on restart anyway */ }

  close(): void {
    for (const r of this.rings.values()) r.clear();
    this.rings.clear();
  }
}
