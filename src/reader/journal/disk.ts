/**
 * The disk side of the journal: append-only segment files of checksummed records, so
 * a crash (kill -9, power loss) at any moment leaves at most a torn last record, which
 * the next open cuts off. Whole files are deleted, oldest first.
 *
 *   file   = "SLJ1" 0 0 0 0, then records
 *   record = u32 LE body length, u32 LE CRC-32 of the body, body
 *   body   = 0x01 catalogue frame bytes                (a birth of every tag: the file's aliases)
 *          | 0x02 u32 hash, u32 count, f64 minT, f64 maxT, f64 keepT, chunk frame bytes
 *
 * A file holds the catalogue record of every catalogue its chunks use, before them, so
 * each file reads on its own. Names are a 16-digit hex counter (order of writing).
 */
import { closeSync, fdatasyncSync, futimesSync, openSync, readdirSync, readFileSync, readSync, statSync, truncateSync, unlinkSync, writeSync } from "node:fs";
import { join } from "node:path";
import { crc32 } from "node:zlib";
import type { Logger } from "../../core/log.js";
import { errorMessage } from "../../core/errors.js";
import type { CatalogIndex } from "../../link/index.js";
import { decodeCatalog, encodeCatalog, type SealedChunk } from "./chunk.js";

const MAGIC = Buffer.from("SLJ1\0\0\0\0", "latin1");
const CATALOG = 1, CHUNK = 2;
const CHUNK_HEAD = 1 + 4 + 4 + 8 * 3;
const SUFFIX = ".journal";
/** Longest between two fdatasync calls while writing. */
const SYNC_MS = 1_000;

export interface DiskFile {
  readonly name: string;
  readonly path: string;
  bytes: number;
  /** Chunks of this file still in the journal's index. */
  live: number;
  readonly catalogs: Set<number>;
  readonly opened: number;
  /** Write descriptor while this is the file being written. */
  fd: number | null;
  /** Read descriptor, opened on the first read. */
  rfd: number | null;
}

export interface DiskChunkRef {
  file: DiskFile;
  /** Offset and length of the chunk's frame bytes. */
  offset: number;
  length: number;
}

export interface LoadedChunk {
  meta: Omit<SealedChunk, "bytes">;
  ref: DiskChunkRef;
}

export class DiskStore {
  private readonly files: DiskFile[] = [];
  private current: DiskFile | null = null;
  private counter = 0;
  private lastSync = 0;
  bytes = 0;

  private constructor(private readonly dir: string, private readonly log: Logger) {}

  /**
   * Opens `dir` (which must exist and be writable): reads every segment, cuts a torn
   * tail, and returns what it holds. Throws on I/O errors (the caller names the path).
   */
  static open(dir: string, log: Logger): { store: DiskStore; catalogs: Map<number, CatalogIndex>; chunks: LoadedChunk[]; alive: number } {
    const store = new DiskStore(dir, log);
    const catalogs = new Map<number, CatalogIndex>();
    const chunks: LoadedChunk[] = [];
    let alive = -Infinity;
    const names = readdirSync(dir).filter((n) => /^[0-9a-f]{16}\.journal$/.test(n)).sort();
    for (const name of names) {
      store.counter = Math.max(store.counter, parseInt(name.slice(0, 16), 16) + 1);
      const file: DiskFile = { name, path: join(dir, name), bytes: 0, live: 0, catalogs: new Set(), opened: 0, fd: null, rfd: null };
      alive = Math.max(alive, statSync(file.path).mtimeMs);
      const got = store.scan(file, catalogs);
      if (got.length === 0) { unlinkSync(file.path); continue; }
      store.files.push(file);
      store.bytes += file.bytes;
      chunks.push(...got);
    }
    return { store, catalogs, chunks, alive };
  }

  /**
   * Stamp the file being written with `now` as its modification time: the journal does
   * this every second, so after a crash the newest file's mtime says until when the old
   * process ran (steady tags journal nothing, so the newest sample cannot say it).
   */
  touch(now: number): void {
    const fd = this.current?.fd;
    if (fd === null || fd === undefined) return;
    futimesSync(fd, now / 1000, now / 1000);
  }

  /** Creates the next segment file now (an unwritable or full directory fails here). */
  startFile(now: number): void {
    const name = this.counter.toString(16).padStart(16, "0") + SUFFIX;
    this.counter++;
    const path = join(this.dir, name);
    const fd = openSync(path, "wx", 0o600);
    const file: DiskFile = { name, path, bytes: 0, live: 0, catalogs: new Set(), opened: now, fd, rfd: null };
    this.files.push(file);
    this.current = file;
    this.write(file, MAGIC);
    fdatasyncSync(fd);
    this.lastSync = now;
  }

  /** Appends a sealed chunk (and its catalogue when the file lacks it). Throws on a write failure. */
  append(chunk: SealedChunk, cat: CatalogIndex, now: number, roll: { bytes: number; ms: number }): DiskChunkRef {
    let f = this.current;
    if (!f || f.bytes >= roll.bytes || now - f.opened >= roll.ms) {
      this.roll();
      this.startFile(now);
      f = this.current as DiskFile;
    }
    if (!f.catalogs.has(cat.hash)) {
      this.record(f, Buffer.concat([Buffer.from([CATALOG]), encodeCatalog(cat)]));
      f.catalogs.add(cat.hash);
    }
    const head = Buffer.alloc(CHUNK_HEAD);
    head[0] = CHUNK;
    head.writeUInt32LE(chunk.hash >>> 0, 1);
    head.writeUInt32LE(chunk.count, 5);
    head.writeDoubleLE(chunk.minT, 9);
    head.writeDoubleLE(chunk.maxT, 17);
    head.writeDoubleLE(chunk.keepT, 25);
    const at = this.record(f, Buffer.concat([head, chunk.bytes]));
    f.live++;
    if (now - this.lastSync >= SYNC_MS) { fdatasyncSync(f.fd as number); this.lastSync = now; }
    return { file: f, offset: at + 8 + CHUNK_HEAD, length: chunk.bytes.length };
  }

  read(ref: DiskChunkRef): Uint8Array {
    const f = ref.file;
    f.rfd ??= openSync(f.path, "r");
    const buf = Buffer.allocUnsafe(ref.length);
    let got = 0;
    while (got < ref.length) {
      const n = readSync(f.rfd, buf, got, ref.length - got, ref.offset + got);
      if (n === 0) throw new Error(`${f.path}: short read`);
      got += n;
    }
    return buf;
  }

  /** Stops writing the current file (the next append starts a new one); a file left without chunks is deleted. */
  roll(): void {
    const f = this.current;
    this.current = null;
    if (!f) return;
    if (f.fd != null) {
      try { fdatasyncSync(f.fd); } catch { /* a failing disk: the reads that follow say so */ }
      closeSync(f.fd);
      f.fd = null;
    }
    if (f.live <= 0) this.delete(f);
  }

  isCurrent(f: DiskFile): boolean {
    return f === this.current;
  }

  delete(f: DiskFile): void {
    if (f === this.current) this.current = null;
    if (f.fd !== null) { closeSync(f.fd); f.fd = null; }
    if (f.rfd !== null) { closeSync(f.rfd); f.rfd = null; }
    const i = this.files.indexOf(f);
    if (i < 0) return;
    this.files.splice(i, 1);
    this.bytes -= f.bytes;
    try { unlinkSync(f.path); } catch (e) { this.log.warn({ err: errorMessage(e), file: f.path }, "journal: segment not deleted"); }
  }

  close(): void {
    this.roll();
    for (const f of this.files) if (f.rfd !== null) { closeSync(f.rfd); f.rfd = null; }
  }

  private record(f: DiskFile, body: Buffer): number {
    const head = Buffer.alloc(8);
    head.writeUInt32LE(body.length, 0);
    head.writeUInt32LE(crc32(body), 4);
    const at = f.bytes;
    this.write(f, Buffer.concat([head, body]));
    return at;
  }

  private write(f: DiskFile, buf: Buffer): void {
    let off = 0;
    try {
      while (off < buf.length) off += writeSync(f.fd as number, buf, off, buf.length - off);
    } finally {
      f.bytes += off;
      this.bytes += off;
    }
  }

  /** The chunks of one file; a record that is short or fails its checksum ends the file there. */
  private scan(file: DiskFile, catalogs: Map<number, CatalogIndex>): LoadedChunk[] {
    const buf = readFileSync(file.path);
    const out: LoadedChunk[] = [];
    let off = MAGIC.length, why = "";
    if (buf.length < MAGIC.length || !buf.subarray(0, MAGIC.length).equals(MAGIC)) { off = 0; why = "no journal header"; }
    while (!why && off < buf.length) {
      if (off + 8 > buf.length) { why = "torn record header"; break; }
      const len = buf.readUInt32LE(off), sum = buf.readUInt32LE(off + 4);
      if (len < 1 || off + 8 + len > buf.length) { why = "torn record"; break; }
      const body = buf.subarray(off + 8, off + 8 + len);
      if (crc32(body) !== sum) { why = "checksum mismatch"; break; }
      try {
        if (body[0] === CATALOG) {
          const cat = decodeCatalog(body.subarray(1));
          catalogs.set(cat.hash, cat);
          file.catalogs.add(cat.hash);
        } else if (body[0] === CHUNK && len > CHUNK_HEAD) {
          const hash = body.readUInt32LE(1);
          if (catalogs.has(hash)) {
            out.push({
              meta: { hash, count: body.readUInt32LE(5), minT: body.readDoubleLE(9), maxT: body.readDoubleLE(17), keepT: body.readDoubleLE(25) },
              ref: { file, offset: off + 8 + CHUNK_HEAD, length: len - CHUNK_HEAD },
            });
          }
        } else { why = `unknown record type ${body[0]}`; break; }
      } catch (e) { why = `bad record: ${errorMessage(e)}`; break; }
      off += 8 + len;
    }
    if (why) {
      this.log.warn({ file: file.path, at: off, dropped: buf.length - off, reason: why }, "journal: segment cut at its last good record");
      truncateSync(file.path, off);
    }
    file.bytes = off;
    file.live = out.length;
    return out;
  }
}
