/**
 * History on disk (`history.path`): compact blocks in SQLite, crash-safe, bounded.
 *
 *   append/merge ─▶ open block per tag (memory, sorted) ─┬─▶ pending ──flush() ~1 s──▶ wal row (one per flush)
 *                  └ older than the open block ──▶ its sealed block, decoded, merged, rewritten (one transaction)
 *   flush(): wal row; full open blocks sealed into blocks rows; a rolling share of the open
 *            blocks written as rows too (each at least every CHECKPOINT_MS), and the wal rows
 *            every open block's row now holds deleted; retain/maxBytes evict oldest first
 *   open (start): replay the wal into the open blocks (idempotent), checkpoint
 *
 * Why this shape: a row per sample costs 30-40 bytes in SQLite; a block of up to 4,096
 * samples (or an hour) encoded by codec.ts costs 1-3 bytes per sample for slowly changing
 * tags, and blocks that large fill SQLite's overflow pages (1,024-sample blocks of ~2 KiB
 * left pages half empty: 4.0 against 2.1 bytes a sample in test/bench/history-store.ts). Writes are one
 * small transaction per flush (the wal row), so kill -9 loses at most what arrived since
 * the last flush, and SQLite's own WAL keeps the file consistent. The open blocks are
 * written a share per flush, not all at once: a checkpoint of every open block (re-encoding
 * up to an hour of each tag) held the thread for tens of ms at 100 tags, and reads wait
 * behind it. Merging is idempotent:
 * a (tag, sourceTime) already held is skipped, and blocks stay disjoint and ordered, so
 * each tag's history stays ordered by source time. A failed write (a full disk) is
 * counted and logged; samples stay in the open blocks and live data keeps flowing.
 */
import { deserialize, serialize } from "node:v8";
import type { Logger } from "../../core/log.js";
import type { TagType, Value } from "../../core/model.js";
import type { HistorySample } from "../store-api.js";
import type { HistoryKey, HistoryRange, HistoryStats, HistoryStore } from "./api.js";
import { decodeBlock, decodeRange, encodeBlock, type Column, type RangeColumn } from "./codec.js";
import { insertSorted, slice, takeRange } from "./columns.js";
import { openHistoryDb, usedBytes, type Db } from "./sqlite.js";

/** Samples in a block before it is sealed. */
export const BLOCK_MAX = 4096;
/** Time a block may span before it is sealed (ms). */
const BLOCK_SPAN = 3_600_000;
/** Open blocks written and the wal emptied at least this often (ms). */
const CHECKPOINT_MS = 60_000;
/** ... or once the wal holds this many samples. */
const CHECKPOINT_SAMPLES = 2_000_000;
/** Retention and size are enforced at most this often (ms). */
const EVICT_MS = 10_000;

export interface DiskHistoryOptions {
  path: string;
  /** samples older than this (ms before now) are evicted */
  retainMs: number;
  /** database pages in use are kept below this */
  maxBytes: number;
  logger: Logger;
  now?: () => number;
}

interface Open extends Column {
  id: number;
  type: TagType;
  /** t0 of the row holding this block's last checkpoint, or null */
  rowT0: number | null;
  /** newest time of the sealed blocks before it (-Infinity: none) */
  floor: number;
  dirty: boolean;
  /** the wal rows up to this seq hold no sample that this block's row lacks */
  seq: number;
}

type Pending = [id: number, t: number, s: number, v: Value];

export class DiskHistory implements HistoryStore {
  readonly kind = "disk";
  readonly resumeMark: number | null;
  private mark: number | null = null;
  private readonly db: Db;
  private readonly ids = new Map<string, { id: number; type: TagType }>();
  private readonly open = new Map<number, Open>();
  private pending: Pending[] = [];
  /** wal rows not yet deleted: [seq, samples] */
  private walRows: [number, number][] = [];
  private walSamples = 0;
  private walSeq = 0;
  /** rolling checkpoint: where the next share of open blocks starts, and when the last share was taken */
  private rollAt = 0;
  private lastRoll: number;
  private lastEvict = 0;
  private count = 0;
  private evicted = 0;
  private writeErrors = 0;
  private degraded = false;
  private lastErrorLog = 0;
  private readonly now: () => number;
  private readonly log: Logger;
  private readonly q;

  constructor(private readonly opts: DiskHistoryOptions) {
    this.now = opts.now ?? Date.now;
    this.log = opts.logger.child({ component: "history" });
    this.db = openHistoryDb(opts.path);
    const db = this.db;
    this.q = {
      tagIns: db.prepare("INSERT INTO tags (path, type) VALUES (?, ?)"),
      tagType: db.prepare("UPDATE tags SET type = ? WHERE id = ?"),
      last: db.prepare("SELECT t0, t1, n, data FROM blocks WHERE tag = ? ORDER BY t0 DESC LIMIT 2"),
      at: db.prepare("SELECT t0, t1, n, data FROM blocks WHERE tag = ? AND t0 <= ? ORDER BY t0 DESC LIMIT 1"),
      first: db.prepare("SELECT t0, t1, n, data FROM blocks WHERE tag = ? ORDER BY t0 LIMIT 1"),
      put: db.prepare("INSERT OR REPLACE INTO blocks (tag, t0, t1, n, data) VALUES (?, ?, ?, ?, ?)"),
      del: db.prepare("DELETE FROM blocks WHERE tag = ? AND t0 = ?"),
      delTag: db.prepare("DELETE FROM blocks WHERE tag = ?"),
      fwd: db.prepare(`SELECT t0, t1, data FROM blocks WHERE tag = @tag
        AND t0 >= coalesce((SELECT max(t0) FROM blocks WHERE tag = @tag AND t0 <= @lo), -1e300) AND t0 <= @hi ORDER BY t0`),
      rev: db.prepare("SELECT t0, t1, data FROM blocks WHERE tag = ? AND t0 <= ? ORDER BY t0 DESC"),
      walIns: db.prepare("INSERT INTO wal (seq, data) VALUES (?, ?)"),
      walUpTo: db.prepare("DELETE FROM wal WHERE seq <= ?"),
      walAll: db.prepare("SELECT data FROM wal ORDER BY seq"),
      walClear: db.prepare("DELETE FROM wal"),
      expire: db.prepare("DELETE FROM blocks WHERE t1 < ? RETURNING n"),
      oldestN: db.prepare("DELETE FROM blocks WHERE id IN (SELECT id FROM blocks ORDER BY t1 LIMIT ?) RETURNING n"),
      oldest: db.prepare("SELECT t0 FROM blocks ORDER BY t1 LIMIT 1"),
      blocks: db.prepare("SELECT count(*) AS c, coalesce(sum(n), 0) AS n FROM blocks"),
      markSet: db.prepare("INSERT OR REPLACE INTO meta (k, v) VALUES ('lastFrame', ?)"),
    };
    const m = db.prepare("SELECT v FROM meta WHERE k = 'lastFrame'").get() as { v: number } | undefined;
    this.resumeMark = typeof m?.v === "number" ? m.v : null;
    for (const r of db.prepare("SELECT id, path, type FROM tags").all() as { id: number; path: string; type: TagType }[]) {
      this.ids.set(r.path, { id: r.id, type: r.type });
    }
    this.count = (this.q.blocks.get() as { n: number }).n;
    this.lastRoll = this.now();
    this.walSeq = (db.prepare("SELECT coalesce(max(seq), 0) AS m FROM wal").get() as { m: number }).m;
    this.recover();
  }

  /** Replays the wal of a run that ended without a checkpoint (kill -9, power cut). */
  private recover(): void {
    const rows = this.q.walAll.all() as { data: Buffer }[];
    if (rows.length === 0) return;
    const byId = new Map<number, HistorySample[]>();
    for (const r of rows) {
      for (const [id, t, s, v] of deserialize(r.data) as Pending[]) {
        let l = byId.get(id);
        if (!l) byId.set(id, (l = []));
        l.push({ sourceTime: t, status: s, value: v });
      }
    }
    const types = new Map([...this.ids.values()].map((x) => [x.id, x]));
    let n = 0;
    for (const [id, samples] of byId) {
      const tag = types.get(id);
      if (tag) n += this.mergeId(tag.id, tag.type, samples).length;
    }
    this.checkpoint();
    this.log.info({ walRows: rows.length, recovered: n }, "history: replayed samples written before the last stop");
  }

  private tagId(key: HistoryKey): { id: number; type: TagType } {
    let t = this.ids.get(key.path);
    if (!t) {
      t = { id: Number(this.q.tagIns.run(key.path, key.type).lastInsertRowid), type: key.type };
      this.ids.set(key.path, t);
    } else if (t.type !== key.type) {
      this.reset(key);
      t = this.ids.get(key.path)!;
    }
    return t;
  }

  private openOf(id: number, type: TagType): Open {
    let o = this.open.get(id);
    if (o) return o;
    const rows = this.q.last.all(id) as { t0: number; t1: number; n: number; data: Buffer }[];
    const last = rows[0];
    o = { id, type, t: [], s: [], v: [], rowT0: null, floor: -Infinity, dirty: false, seq: this.walSeq };
    if (last && last.n < BLOCK_MAX) {
      const c = decodeBlock(type, last.data);
      Object.assign(o, c, { rowT0: last.t0, floor: rows[1]?.t1 ?? -Infinity });
    } else if (last) {
      o.floor = last.t1;
    }
    this.open.set(id, o);
    return o;
  }

  append(key: HistoryKey, value: Value, status: number, sourceTime: number): void {
    const { id, type } = this.tagId(key);
    const o = this.openOf(id, type);
    const newest = o.t.length > 0 ? o.t[o.t.length - 1]! : o.floor;
    if (!(sourceTime > newest)) return;
    o.t.push(sourceTime); o.s.push(status >>> 0); o.v.push(value);
    this.touch(o);
    this.pending.push([id, sourceTime, status >>> 0, value]);
    this.count++;
  }

  /** A change to an open block not yet in its row: the wal rows from now on are needed to rebuild it. */
  private touch(o: Open): void {
    if (!o.dirty) o.seq = this.walSeq;
    o.dirty = true;
  }

  merge(key: HistoryKey, samples: readonly HistorySample[]): HistorySample[] {
    if (samples.length === 0) return [];
    const { id, type } = this.tagId(key);
    return this.mergeId(id, type, samples);
  }

  private mergeId(id: number, type: TagType, samples: readonly HistorySample[]): HistorySample[] {
    const o = this.openOf(id, type);
    const sorted = [...samples].sort((a, b) => a.sourceTime - b.sourceTime);
    const fresh: HistorySample[] = [];
    const older: HistorySample[] = [];
    for (const s of sorted) {
      if (s.sourceTime <= o.floor) { older.push(s); continue; }
      if (insertSorted(o, s)) {
        fresh.push(s);
        this.pending.push([id, s.sourceTime, s.status >>> 0, s.value]);
        this.touch(o);
      }
    }
    if (older.length > 0) {
      try {
        const sealed = this.db.transaction(() => this.mergeSealed(id, type, older))();
        fresh.push(...sealed);
        fresh.sort((a, b) => a.sourceTime - b.sourceTime);
      } catch (e) {
        this.writeFailed(e);
      }
    }
    this.count += fresh.length;
    return fresh;
  }

  /** Samples at or before the last sealed block: into the block whose range they fall in. */
  private mergeSealed(id: number, type: TagType, samples: HistorySample[]): HistorySample[] {
    const groups = new Map<number, { row: { t0: number; t1: number; data: Buffer }; add: HistorySample[] }>();
    for (const s of samples) {
      const row = (this.q.at.get(id, s.sourceTime) ?? this.q.first.get(id)) as { t0: number; t1: number; data: Buffer } | undefined;
      if (!row) continue;
      let g = groups.get(row.t0);
      if (!g) groups.set(row.t0, (g = { row, add: [] }));
      g.add.push(s);
    }
    const fresh: HistorySample[] = [];
    for (const { row, add } of groups.values()) {
      const c = decodeBlock(type, row.data);
      const blk = { ...c };
      let changed = false;
      for (const s of add) if (insertSorted(blk, s)) { fresh.push(s); changed = true; }
      if (!changed) continue;
      this.q.del.run(id, row.t0);
      const half = blk.t.length > 2 * BLOCK_MAX ? blk.t.length >> 1 : blk.t.length;
      this.putBlock(id, type, slice(blk, 0, half));
      if (half < blk.t.length) this.putBlock(id, type, slice(blk, half, blk.t.length));
    }
    return fresh;
  }

  private putBlock(id: number, type: TagType, c: Column): void {
    this.q.put.run(id, c.t[0], c.t[c.t.length - 1], c.t.length, encodeBlock(type, c));
  }

  query(key: HistoryKey, r: HistoryRange): HistorySample[] {
    const tag = this.ids.get(key.path);
    if (!tag || tag.type !== key.type) return [];
    const from = r.from ?? -Infinity, to = r.to ?? Infinity, limit = r.limit ?? Infinity;
    const out: HistorySample[] = [];
    if (limit <= 0 || from > to) return out;
    const o = this.open.get(tag.id);
    const take = (c: Column, reverse: boolean): boolean => takeRange(c, from, to, limit, reverse, out);
    const lo = Number.isFinite(from) ? from : -1e300, hi = Number.isFinite(to) ? to : 1e300;
    // a damaged block is skipped, not fatal to the read
    const decode = (row: { data: Buffer }): RangeColumn | null => {
      try { return decodeRange(tag.type, row.data, from, to); } catch { return null; }
    };
    if (r.reverse) {
      if (o && take(o, true)) return out;
      for (const row of this.q.rev.iterate(tag.id, hi) as Iterable<{ t0: number; t1: number; data: Buffer }>) {
        if (o && row.t0 === o.rowT0) continue; // the open block's checkpoint: memory is newer
        if (row.t1 < from) break;
        const c = decode(row);
        if (c && (take(c, true) || c.before)) break;
      }
      return out;
    }
    for (const row of this.q.fwd.iterate({ tag: tag.id, lo, hi }) as Iterable<{ t0: number; t1: number; data: Buffer }>) {
      if (o && row.t0 === o.rowT0) continue;
      const c = decode(row);
      if (c && (take(c, false) || c.after)) return out;
    }
    if (o) take(o, false);
    return out;
  }

  reset(key: HistoryKey): void {
    const t = this.ids.get(key.path);
    if (!t) return;
    this.flush(true); // pending samples of the old type must not replay under the new one
    this.db.transaction(() => {
      this.q.delTag.run(t.id);
      this.q.tagType.run(key.type, t.id);
    })();
    this.open.delete(t.id);
    this.ids.set(key.path, { id: t.id, type: key.type });
    this.count = (this.q.blocks.get() as { n: number }).n;
  }

  drop(_path: string): void { /* kept on disk: the tag may come back */ }

  setMark(frameTime: number): void {
    this.mark = frameTime;
  }

  stats(): HistoryStats {
    const o = this.q.oldest.get() as { t0: number } | undefined;
    let oldest = o?.t0 ?? null;
    for (const b of this.open.values()) if (b.t.length > 0 && (oldest === null || b.t[0]! < oldest)) oldest = b.t[0]!;
    return { samples: this.count, bytes: usedBytes(this.db), writeErrors: this.writeErrors, degraded: this.degraded, evicted: this.evicted, oldest };
  }

  /** One transaction: the wal row, sealed blocks, a share of the open blocks (all of them when asked). */
  flush(checkpoint = false): void {
    const now = this.now();
    const full = checkpoint || this.walSamples >= CHECKPOINT_SAMPLES;
    const blocks = [...this.open.values()];
    const seal = new Set(blocks.filter((o) => o.t.length >= BLOCK_MAX || (o.t.length > 0 && o.t[o.t.length - 1]! - o.t[0]! >= BLOCK_SPAN)));
    // the rolling share: open blocks in turn, so each is written at least every CHECKPOINT_MS
    const share = full ? 0 : Math.min(blocks.length, Math.ceil((blocks.length * Math.max(0, now - this.lastRoll)) / CHECKPOINT_MS));
    const roll: Open[] = [];
    for (let i = 0; i < share; i++) {
      const o = blocks[(this.rollAt + i) % blocks.length]!;
      if (o.dirty && !seal.has(o)) roll.push(o);
    }
    if (this.pending.length === 0 && seal.size === 0 && roll.length === 0 && !full && this.mark === null) { this.evict(now); return; }
    const mark = this.mark;
    const pending = this.pending;
    const write = new Set(full ? blocks.filter((o) => o.dirty || seal.has(o)) : [...seal, ...roll]);
    // wal rows up to `keep` are held in block rows once this commits
    let keep = Infinity;
    for (const o of blocks) if (o.dirty && !write.has(o) && o.seq < keep) keep = o.seq;
    // every change is in a block row after this: no wal row needed, the wal is emptied (a whole checkpoint)
    const whole = keep === Infinity;
    const seq = pending.length > 0 && !whole ? this.walSeq + 1 : this.walSeq;
    if (whole) keep = seq;
    const drop = this.walRows.length > 0 && this.walRows[0]![0] <= keep;
    try {
      this.db.transaction(() => {
        if (seq > this.walSeq) this.q.walIns.run(seq, serialize(pending));
        for (const o of write) this.writeOpen(o);
        if (whole) this.q.walClear.run();
        else if (drop) this.q.walUpTo.run(keep);
        if (mark !== null) this.q.markSet.run(mark);
      })();
    } catch (e) {
      // Samples stay in the open blocks (memory) and are written at the next checkpoint that succeeds.
      this.pending = pending.length > 1_000_000 ? [] : pending;
      this.writeFailed(e);
      this.evict(now);
      return;
    }
    // Committed: now the in-memory state may move on.
    this.walSeq = seq;
    if (seq > 0 && pending.length > 0 && !whole) { this.walRows.push([seq, pending.length]); this.walSamples += pending.length; }
    if (whole) { this.walRows = []; this.walSamples = 0; }
    while (this.walRows.length > 0 && this.walRows[0]![0] <= keep) this.walSamples -= this.walRows.shift()![1];
    for (const o of write) {
      o.dirty = false;
      o.seq = seq;
      if (seal.has(o)) { o.floor = o.t[o.t.length - 1]!; o.t = []; o.s = []; o.v = []; o.rowT0 = null; }
      else o.rowT0 = o.t.length > 0 ? o.t[0]! : null;
    }
    if (blocks.length > 0) this.rollAt = (this.rollAt + share) % blocks.length;
    if (share > 0 || full) this.lastRoll = now;
    this.pending = [];
    if (this.mark === mark) this.mark = null;
    if (this.degraded) this.log.info("history: writes succeed again");
    this.degraded = false;
    this.evict(now);
  }

  private writeOpen(o: Open): void {
    if (o.t.length === 0) return;
    if (o.rowT0 !== null && o.rowT0 !== o.t[0]) this.q.del.run(o.id, o.rowT0);
    this.putBlock(o.id, o.type, o);
  }

  private checkpoint(): void {
    this.flush(true);
  }

  /** Retention, then size: oldest blocks first. */
  private evict(now: number): void {
    if (now - this.lastEvict < EVICT_MS) return;
    this.lastEvict = now;
    try {
      let gone = 0;
      for (const r of this.q.expire.all(now - this.opts.retainMs) as { n: number }[]) gone += r.n;
      for (let i = 0; i < 100 && usedBytes(this.db) > this.opts.maxBytes; i++) {
        const { c } = this.q.blocks.get() as { c: number };
        if (c === 0) break;
        for (const r of this.q.oldestN.all(Math.max(1, Math.ceil(c / 100))) as { n: number }[]) gone += r.n;
      }
      this.count -= gone;
      this.evicted += gone;
      for (const o of this.open.values()) {
        // an open block whose row was evicted is written again whole at the next checkpoint
        if (o.rowT0 !== null && gone > 0) o.dirty = true;
      }
    } catch (e) {
      this.writeFailed(e);
    }
  }

  private writeFailed(e: unknown): void {
    this.writeErrors++;
    this.degraded = true;
    const now = Date.now();
    if (now - this.lastErrorLog < 10_000) return;
    this.lastErrorLog = now;
    this.log.error({ err: (e as Error).message, code: (e as { code?: string }).code }, "history: write failed (disk full?); live values keep flowing, history is held in memory until writes succeed");
  }

  /** Checkpoint and close; safe to call twice. */
  close(): void {
    if (!this.db.open) return;
    try { this.flush(true); } catch { /* already counted */ }
    this.db.close();
  }
}
