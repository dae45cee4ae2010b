/**
 * The reader's journal: every sample the reader sends, kept bounded (journal.retain of
 * source time, journal.maxBytes), so the history carousel (src/link/history.ts) can
 * re-send the recent past to a receiver that missed it. In memory by default; on disk
 * (append-only, checksummed segment files, kept across restarts) with journal.path.
 *
 *   append(samples) ─▶ OpenChunk ─(8192 samples or 1 s)─▶ seal ─┬─ disk: DiskStore.append ─▶ ref
 *                                                               └─ memory (or the disk failed): bytes
 *                   ─▶ enforce: drop the oldest chunks (files on disk) past retain or maxBytes;
 *                      `floor` = the oldest source time from which every sample sent is still held
 *   read(from, to, catalog) ─▶ chunks overlapping [from, to) ─decode─▶ remap aliases by path ─▶ Sample[]
 *
 * A disk that fails at run time (full, gone read-only) never stops live data: the
 * journal logs once, keeps its chunks in memory from then on (capped at 64 MiB or
 * maxBytes) and reports `degraded` in the heartbeat. An unusable directory at start
 * is SLUICE_ERR_JOURNAL naming the path (exit 2).
 */
import { accessSync, constants, mkdirSync, statfsSync } from "node:fs";
import type { Logger } from "../../core/log.js";
import type { JournalHealth, Sample, TagDef } from "../../core/model.js";
import { errorMessage, SluiceError } from "../../core/errors.js";
import { CatalogIndex, type HistorySource } from "../../link/index.js";
import { JOURNAL_MEMORY_BYTES } from "../../config/journal.js";
import { aliasMap, CHUNK_MS, decodeChunk, OpenChunk, type SealedChunk } from "./chunk.js";
import { DiskStore, type DiskChunkRef, type DiskFile, type LoadedChunk } from "./disk.js";
import { Status } from "../../core/status.js";

export interface JournalOptions {
  retainMs: number;
  maxBytes: number;
  /** Absolute directory of a disk journal; none: memory only. */
  path?: string | undefined;
  logger: Logger;
  now?: () => number;
}

/** Free bytes a disk journal needs at start. */
export const MIN_FREE_BYTES = 64 * 1024;

interface Chunk extends Omit<SealedChunk, "bytes"> {
  mem: Uint8Array | null;
  disk: DiskChunkRef | null;
}

export class Journal implements HistorySource {
  private chunks: Chunk[] = [];
  private open: OpenChunk | null = null;
  private cat: CatalogIndex | null = null;
  private readonly catalogs = new Map<number, CatalogIndex>();
  private readonly maps = new Map<string, Int32Array>();
  private readonly cache = new Map<Chunk, Sample[]>();
  private floor: number;
  private held = 0;
  private memBytes = 0;
  private readonly memMax: number;
  private store: DiskStore | null = null;
  private degraded = false;
  private touched = -Infinity;
  private readonly timer: NodeJS.Timeout;
  private readonly now: () => number;
  private readonly roll: { bytes: number; ms: number };
  private readonly c = { appended: 0, noCatalog: 0, invalidAliases: 0, chunksSealed: 0, chunksDropped: 0, readErrors: 0 };

  private constructor(private readonly o: JournalOptions) {
    this.now = o.now ?? Date.now;
    this.floor = this.now();
    this.memMax = o.path ? Math.min(o.maxBytes, JOURNAL_MEMORY_BYTES) : o.maxBytes;
    this.roll = { bytes: Math.min(64 * 2 ** 20, Math.max(64 * 1024, Math.floor(o.maxBytes / 16))), ms: Math.max(1_000, Math.floor(o.retainMs / 16)) };
    this.timer = setInterval(() => this.tick(), 250);
    this.timer.unref();
  }

  /** Opens the journal; with a path, loads what the directory holds. Throws SLUICE_ERR_JOURNAL when it is unusable. */
  static open(o: JournalOptions): Journal {
    const j = new Journal(o);
    if (o.path) {
      try {
        j.openDisk(o.path);
      } catch (e) {
        j.close();
        throw e;
      }
    }
    return j;
  }

  /** The catalogue the next samples refer to (the one the link sends). */
  setCatalog(tags: readonly TagDef[] | CatalogIndex): void {
    const cat = tags instanceof CatalogIndex ? tags : CatalogIndex.of(tags);
    if (this.cat?.hash === cat.hash) return;
    this.seal();
    this.cat = cat;
    this.catalogs.set(cat.hash, cat);
  }

  /** Samples as they were handed to the link (aliases of the current catalogue). */
  append(samples: readonly Sample[]): void {
    const cat = this.cat;
    if (!cat) { this.c.noCatalog += samples.length; return; }
    const now = this.now(), n = cat.size;
    for (const s of samples) {
      const a = s.alias;
      if (!(a >= 0 && a < n && Number.isInteger(a))) { this.c.invalidAliases++; continue; }
      this.open ??= new OpenChunk(cat);
      this.open.add(s, now);
      this.held++;
      this.c.appended++;
      if (this.open.full) this.seal();
    }
    if (this.open && now - this.open.opened >= CHUNK_MS) this.seal();
  }

  span(): { from: number; samples: number } | null {
    return this.held > 0 ? { from: this.floor, samples: this.held } : null;
  }

  read(from: number, to: number, catalog: CatalogIndex): Sample[] {
    const out: Sample[] = [];
    for (const c of this.chunks) {
      if (c.maxT < from || c.minT >= to) continue;
      const samples = this.samplesOf(c);
      if (samples) this.collect(samples, c.hash, from, to, catalog, out);
    }
    if (this.open && this.open.maxT >= from && this.open.minT < to) this.collect(this.open.samples, this.open.cat.hash, from, to, catalog, out);
    return out;
  }

  health(): JournalHealth {
    return { from: this.held > 0 ? this.floor : null, samples: this.held, bytes: this.memBytes + (this.store?.bytes ?? 0), degraded: this.degraded };
  }

  stats(): Record<string, number> {
    return { ...this.c, journalSamples: this.held, journalMemBytes: this.memBytes, journalDiskBytes: this.store?.bytes ?? 0, journalChunks: this.chunks.length };
  }

  /** Seals what is open and closes the files. Idempotent. */
  close(): void {
    clearInterval(this.timer);
    this.seal();
    if (this.store) this.stamp(this.now());
    this.store?.close();
    this.store = null;
  }

  /** Timer work: seal a chunk open too long, drop what retention no longer keeps. */
  tick(): void {
    const now = this.now();
    if (this.store && now - this.touched >= 1_000) this.stamp(now);
    if (this.open && now - this.open.opened >= CHUNK_MS) this.seal();
    else this.enforce(now);
  }

  private openDisk(dir: string): void {
    const fail = (why: string, e?: unknown): never => {
      throw new SluiceError("SLUICE_ERR_JOURNAL", `journal.path ${dir}: ${why}${e === undefined ? "" : `: ${errorMessage(e)}`}`, e === undefined ? undefined : { cause: e });
    };
    try { mkdirSync(dir, { recursive: true, mode: 0o700 }); } catch (e) { fail("cannot create the directory", e); }
    try { accessSync(dir, constants.W_OK | constants.R_OK); } catch (e) { fail("is not writable", e); }
    let free = Infinity;
    try { const s = statfsSync(dir); free = s.bavail * s.bsize; } catch { /* no statfs: the write below decides */ }
    if (free < MIN_FREE_BYTES) fail(`only ${free} bytes free on its file system (the journal needs at least ${MIN_FREE_BYTES})`);
    let loaded: ReturnType<typeof DiskStore.open>;
    try { loaded = DiskStore.open(dir, this.o.logger); } catch (e) { return fail("cannot read the journal files", e); }
    this.store = loaded.store;
    for (const [h, cat] of loaded.catalogs) this.catalogs.set(h, cat);
    let oldest = Infinity;
    for (const l of loaded.chunks) {
      this.chunks.push({ ...l.meta, mem: null, disk: l.ref });
      this.held += l.meta.count;
      oldest = Math.min(oldest, l.meta.minT);
    }
    if (oldest < this.floor) this.floor = oldest;
    try { this.store.startFile(this.now()); } catch (e) { fail("cannot write a journal file", e); }
    this.enforce(this.now());
    if (loaded.chunks.length > 0) this.o.logger.info({ path: dir, samples: this.held, bytes: this.store.bytes, from: new Date(this.floor).toISOString() }, "journal: loaded from disk");
    this.markDowntime(loaded.chunks, loaded.alive);
  }

  /** Until when this process ran, on disk (see DiskStore.touch); a failure here is not a journal fault. */
  private stamp(now: number): void {
    this.touched = now;
    try { this.store?.touch(now); } catch { /* the next append reports a real disk fault */ }
  }

  /**
   * A journal loaded from disk spans the time this process was not running: nothing was
   * polled then, yet a history window over it would claim "every sample sent" and the
   * receiver would close its gap silently. So the downtime is journaled as what it was:
   * BadNoCommunication for every tag from when the old process was last known to run
   * (the newest file's mtime, stamped every second, or the newest sample if later) until
   * the new process's first poll ends it.
   */
  private markDowntime(loaded: readonly LoadedChunk[], alive: number): void {
    let newest: LoadedChunk["meta"] | null = null;
    for (const l of loaded) if (!newest || l.meta.maxT > newest.maxT) newest = l.meta;
    const cat = newest ? this.catalogs.get(newest.hash) : undefined;
    if (!newest || !cat) return;
    const at = Math.floor(Math.max(newest.maxT, alive)) + 1;
    if (at >= this.now()) return;
    this.setCatalog(cat);
    this.append(cat.tags.map((_d, alias) => ({ alias, value: null, status: Status.BadNoCommunication, sourceTime: at })));
    this.seal();
  }

  private seal(): void {
    const open = this.open;
    if (!open || open.samples.length === 0) return;
    this.open = null;
    const now = this.now();
    const sealed = open.seal();
    this.c.chunksSealed++;
    let disk: DiskChunkRef | null = null;
    if (this.store && !this.degraded) {
      try {
        disk = this.store.append(sealed, open.cat, now, this.roll);
      } catch (e) {
        this.degrade(e);
      }
    }
    const { bytes, ...meta } = sealed;
    this.chunks.push({ ...meta, mem: disk ? null : bytes, disk });
    if (!disk) this.memBytes += bytes.length;
    this.enforce(now);
  }

  private degrade(e: unknown): void {
    this.degraded = true;
    this.o.logger.error({ err: errorMessage(e), path: this.o.path }, "journal: disk write failed; the journal continues in memory (live data is not affected)");
    try { this.store?.roll(); } catch { /* already failing */ }
  }

  /** Drops the oldest chunks while past retention or a byte cap. */
  private enforce(now: number): void {
    const horizon = now - this.o.retainMs;
    const store = this.store;
    while (this.chunks.length > 0) {
      const c = this.chunks[0] as Chunk;
      const overMem = this.memBytes > this.memMax;
      const overDisk = store !== null && store.bytes > this.o.maxBytes;
      if (!overMem && !overDisk && c.keepT >= horizon) break;
      if (c.disk && overDisk) {
        // Disk bytes come back only with whole files: drop every chunk of the oldest file.
        const f = c.disk.file;
        if (store.isCurrent(f)) store.roll();
        while (this.chunks[0]?.disk?.file === f) this.drop(); // the last one deletes the file
        continue;
      }
      this.drop();
    }
  }

  private drop(): void {
    const c = this.chunks.shift() as Chunk;
    this.c.chunksDropped++;
    this.held -= c.count;
    this.cache.delete(c);
    if (c.keepT + 1 > this.floor) this.floor = c.keepT + 1;
    if (c.mem) this.memBytes -= c.mem.length;
    if (c.disk) {
      const f: DiskFile = c.disk.file;
      if (--f.live <= 0 && this.store && !this.store.isCurrent(f)) this.store.delete(f);
    }
  }

  private samplesOf(c: Chunk): Sample[] | null {
    const hit = this.cache.get(c);
    if (hit) return hit;
    const cat = this.catalogs.get(c.hash);
    if (!cat) return null;
    let samples: Sample[];
    try {
      samples = decodeChunk(c.mem ?? (this.store as DiskStore).read(c.disk as DiskChunkRef), cat);
    } catch (e) {
      this.c.readErrors++;
      this.o.logger.debug({ err: errorMessage(e) }, "journal: chunk not readable");
      return null;
    }
    if (this.cache.size >= 8) this.cache.delete(this.cache.keys().next().value as Chunk);
    this.cache.set(c, samples);
    return samples;
  }

  private collect(samples: readonly Sample[], hash: number, from: number, to: number, catalog: CatalogIndex, out: Sample[]): void {
    let map: Int32Array | null = null;
    if (hash !== catalog.hash) {
      const key = `${hash}:${catalog.hash}`;
      map = this.maps.get(key) ?? null;
      if (!map) {
        const src = this.catalogs.get(hash);
        if (!src) return;
        map = aliasMap(src, catalog);
        if (this.maps.size > 16) this.maps.clear();
        this.maps.set(key, map);
      }
    }
    for (const s of samples) {
      if (s.sourceTime < from || s.sourceTime >= to) continue;
      if (!map) { out.push(s); continue; }
      const a = map[s.alias] as number;
      if (a >= 0) out.push({ alias: a, value: s.value, status: s.status, sourceTime: s.sourceTime });
    }
  }
}
