/**
 * Opening the history database: the schema, the pragmas that make it crash-safe, and
 * the start-up checks (an unwritable or full `history.path` is a clear error here,
 * before the receiver serves anything).
 *
 *   history.path/history.sqlite (WAL journal, synchronous=NORMAL: a commit survives a
 *   process kill; a power cut loses at most the last commits, never the file)
 *     tags(id, path, type)                     one row per tag ever seen
 *     blocks(tag, t0, t1, n, data)             compact blocks (codec.ts), disjoint per tag
 *     wal(seq, data)                           samples since the last checkpoint, one row per flush
 *     meta(k, v)                               schema version, last frame time
 */
import Database from "better-sqlite3";
import { mkdirSync, statfsSync } from "node:fs";
import { join } from "node:path";
import { SluiceError, errorMessage } from "../../core/errors.js";

export type Db = Database.Database;

const SCHEMA = 1;
/** Free space below which the store refuses to start (it could not even hold a checkpoint). */
export const MIN_FREE_BYTES = 16 * 1024 * 1024;

export function openHistoryDb(dir: string): Db {
  const fail = (why: string, cause?: unknown): never => {
    throw new SluiceError("SLUICE_ERR_HISTORY", `history.path ${dir}: ${why}`, cause === undefined ? undefined : { cause });
  };
  try {
    mkdirSync(dir, { recursive: true, mode: 0o750 });
  } catch (e) {
    fail(`cannot create the directory (${errorMessage(e)})`, e);
  }
  let free = Infinity;
  try {
    const st = statfsSync(dir);
    free = st.bavail * st.bsize;
  } catch (e) {
    fail(`cannot inspect the file system (${errorMessage(e)})`, e);
  }
  let db: Db | undefined;
  try {
    db = new Database(join(dir, "history.sqlite"));
    db.pragma("journal_mode = WAL");
    db.pragma("synchronous = NORMAL");
    db.pragma("foreign_keys = OFF");
    db.exec(`
      CREATE TABLE IF NOT EXISTS meta (k TEXT PRIMARY KEY, v) ;
      CREATE TABLE IF NOT EXISTS tags (id INTEGER PRIMARY KEY, path TEXT NOT NULL UNIQUE, type TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS blocks (id INTEGER PRIMARY KEY, tag INTEGER NOT NULL, t0 REAL NOT NULL, t1 REAL NOT NULL,
        n INTEGER NOT NULL, data BLOB NOT NULL);
      CREATE UNIQUE INDEX IF NOT EXISTS blocks_tag_t0 ON blocks (tag, t0);
      CREATE INDEX IF NOT EXISTS blocks_t1 ON blocks (t1);
      CREATE TABLE IF NOT EXISTS wal (seq INTEGER PRIMARY KEY, data BLOB NOT NULL);
    `);
    const v = db.prepare("SELECT v FROM meta WHERE k = 'schema'").get() as { v: number } | undefined;
    if (v && v.v !== SCHEMA) fail(`schema version ${v.v} is not ${SCHEMA}`);
    // A real write: a read-only file or a full disk fails here, not at the first flush.
    db.prepare("INSERT OR REPLACE INTO meta (k, v) VALUES ('schema', ?)").run(SCHEMA);
    const check = db.pragma("quick_check", { simple: true });
    if (check !== "ok") fail(`database is damaged (${String(check)})`);
  } catch (e) {
    db?.close();
    if (e instanceof SluiceError) throw e;
    fail(`cannot open or write the database (${errorMessage(e)})`, e);
  }
  if (free < MIN_FREE_BYTES) {
    db!.close();
    fail(`file system full (${Math.floor(free / 1024)} KiB free, needs at least ${MIN_FREE_BYTES / 2 ** 20} MiB)`);
  }
  return db!;
}

/** Bytes of database pages in use (free pages excluded: they are reused before the file grows). */
export function usedBytes(db: Db): number {
  const pages = db.pragma("page_count", { simple: true }) as number;
  const free = db.pragma("freelist_count", { simple: true }) as number;
  const size = db.pragma("page_size", { simple: true }) as number;
  return (pages - free) * size;
}
