/**
 * History in memory: one bounded ring per tag (ring.ts), lost on restart. Used when
 * `history.path` is unset; `history.samples` is the depth per tag. The rings' first
 * blocks come from one slab (slab.ts); a ring let go gives its block back.
 *
 * A tag's ring is found by its path, or straight from the key when the caller keeps
 * the key (HistoryKey.slot: the tag store's record): at 100,000 tags all changing, the
 * lookup by path was a tenth of the receiver's time (plant bench b, --cpu-prof).
 */
import type { Value } from "../../core/model.js";
import type { HistorySample } from "../store-api.js";
import type { HistoryKey, HistoryRange, HistoryStats, HistoryStore } from "./api.js";
import { HistoryRing, ringSlab } from "./ring.js";

/** What a kept key's slot holds: its ring, and whose. */
interface Held {
  store: MemoryHistory;
  ring: HistoryRing;
  key: HistoryKey;
}

export class MemoryHistory implements HistoryStore {
  readonly kind = "memory";
  readonly resumeMark = null;
  private readonly rings = new Map<string, Held>();

  /** @param slab the rings' first blocks (shared by this store's rings) */
  constructor(private readonly depth: number, private readonly slab = ringSlab()) {}

  /** The tag's ring and its record here: from the key's slot when this store put it there, else by path. */
  private held(key: HistoryKey): Held | undefined {
    const h = key.slot as Held | undefined;
    return h?.store === this ? h : this.rings.get(key.path);
  }

  private ring(key: HistoryKey): HistoryRing | null {
    if (this.depth <= 0) return null;
    let h = this.held(key);
    if (h && key.slot === h) return h.ring;
    if (!h) {
      h = { store: this, ring: new HistoryRing(key.type, this.depth, this.slab), key };
      this.rings.set(key.path, h);
    }
    // a key of one call ({ path, type }) has no slot to keep; a record's is taken over
    if (Object.hasOwn(key, "slot")) {
      key.slot = h;
      h.key = key;
    }
    return h.ring;
  }

  append(key: HistoryKey, value: Value, status: number, sourceTime: number): void {
    this.ring(key)?.append(value, status, sourceTime);
  }

  merge(key: HistoryKey, samples: readonly HistorySample[]): HistorySample[] {
    return this.ring(key)?.merge(samples) ?? [];
  }

  query(key: HistoryKey, r: HistoryRange): HistorySample[] {
    return this.held(key)?.ring.query(r) ?? [];
  }

  reset(key: HistoryKey): void {
    this.drop(key.path);
  }

  drop(path: string): void {
    const h = this.rings.get(path);
    if (!h) return;
    h.ring.clear();
    if (h.key.slot === h) h.key.slot = undefined;
    this.rings.delete(path);
  }

  stats(): HistoryStats {
    let samples = 0, bytes = 0, evicted = 0;
    let oldest: number | null = null;
    for (const { ring: r } of this.rings.values()) {
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
    for (const path of [...this.rings.keys()]) this.drop(path);
  }
}
