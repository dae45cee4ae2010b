/**
 * The history store behind one interface: the in-memory ring per tag (memory.ts) when
 * `history.path` is unset, the crash-safe embedded store (disk.ts) when it is set.
 * The tag store writes live samples (append) and backfilled ones (merge); the adapters
 * read through TagStoreView.history / historyRange, which end here.
 */
import type { TagType, Value } from "../../core/model.js";
import type { HistorySample } from "../store-api.js";

export interface HistoryKey {
  readonly path: string;
  readonly type: TagType;
  /**
   * Where a history store may keep what it needs to find this tag's history again
   * without a lookup by path, on a key the caller keeps for as long as the tag lives
   * (the tag store's record). A key made for one call simply has none.
   */
  slot?: unknown;
}

export interface HistoryRange {
  /** inclusive, ms since epoch */
  from?: number;
  /** inclusive, ms since epoch */
  to?: number;
  /** at most this many samples */
  limit?: number;
  /** newest first (from `to` back to `from`) */
  reverse?: boolean;
}

export interface HistoryStats {
  /** samples held */
  samples: number;
  /** bytes held (memory: array bytes; disk: database pages in use) */
  bytes: number;
  /** writes that failed (a full disk); live data keeps flowing */
  writeErrors: number;
  /** true while the last write failed */
  degraded: boolean;
  /** samples evicted by retain/maxBytes (disk) or ring depth (memory) */
  evicted: number;
  /** source time of the oldest sample held (ms), or null */
  oldest: number | null;
}

export interface HistoryStore {
  readonly kind: "memory" | "disk";
  /** A live sample: kept only when newer than the tag's newest (the store orders live values). */
  append(key: HistoryKey, value: Value, status: number, sourceTime: number): void;
  /** Backfill, any order: a (tag, sourceTime) already held is not written again. Returns what was new, oldest first. */
  merge(key: HistoryKey, samples: readonly HistorySample[]): HistorySample[];
  /** Samples with from <= sourceTime <= to, oldest first (or newest first with reverse), at most limit. */
  query(key: HistoryKey, r: HistoryRange): HistorySample[];
  /** The tag changed type: its history is meaningless now, forget it. */
  reset(key: HistoryKey): void;
  /** The tag left the catalogue (memory frees it; disk keeps it for when it returns). */
  drop(path: string): void;
  stats(): HistoryStats;
  /** The reader time of the last frame, kept across restarts (disk) so the downtime shows as a gap. */
  setMark(frameTime: number): void;
  /** The mark of the previous run, or null (memory, or a new store). */
  readonly resumeMark: number | null;
  /** Write what is pending (disk: one transaction); called on a timer. */
  flush(): void;
  close(): void;
}
