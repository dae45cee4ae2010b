/**
 * The disk history store on a real SQLite file: ordering, idempotent merge, restart,
 * recovery after kill -9, retention and size bounds, and a clear error for a bad path.
 */
import t from "tap";
import { spawn, spawnSync } from "node:child_process";
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { silentLogger } from "../../../src/core/log.js";
import { BLOCK_MAX, DiskHistory } from "../../../src/receiver/history/disk.js";

const T0 = 1_700_000_000_000;
const key = { path: "s/a", type: "float64" as const };

function dir(t: { teardown(fn: () => unknown): void }): string {
  const d = mkdtempSync(join(tmpdir(), "sluice-hist-"));
  t.teardown(() => rmSync(d, { recursive: true, force: true }));
  return d;
}

function open(path: string, over: Partial<ConstructorParameters<typeof DiskHistory>[0]> = {}): DiskHistory {
  return new DiskHistory({ path, retainMs: 1e12, maxBytes: 2 ** 30, logger: silentLogger, now: () => T0 + 1e9, ...over });
}

void t.test("live appends stay ordered; merge is idempotent and fills holes in order; a restart keeps all", async (t) => {
  const d = dir(t);
  const h = open(d);
  const n = 3 * BLOCK_MAX + 10;
  for (let i = 0; i < n; i++) if (i % 100 < 90) h.append(key, i / 10, 0, T0 + i * 1000);
  h.append(key, 999, 0, T0); // not newer: ignored
  h.flush();
  const hole = Array.from({ length: n }, (_, i) => ({ value: i / 10, status: 0, sourceTime: T0 + i * 1000 }));
  const fresh = h.merge(key, hole);
  const held = Array.from({ length: n }, (_, i) => i).filter((i) => i % 100 < 90).length;
  t.equal(fresh.length, n - held, "only the missing samples are new");
  t.ok(fresh.every((s, i) => i === 0 || s.sourceTime > fresh[i - 1]!.sourceTime), "returned oldest first");
  t.equal(h.merge(key, hole).length, 0, "merging again writes nothing");
  const all = h.query(key, {});
  t.equal(all.length, n, "every sample once");
  t.ok(all.every((s, i) => s.sourceTime === T0 + i * 1000 && s.value === i / 10), "ordered by source time, values exact");
  t.same(h.query(key, { from: T0 + 5000, to: T0 + 7000 }).map((s) => s.value), [0.5, 0.6, 0.7], "inclusive range");
  t.same(h.query(key, { to: T0 + 7000, limit: 2, reverse: true }).map((s) => s.value), [0.7, 0.6], "reverse from the end");
  t.equal(h.stats().samples, n);
  h.close();
  const h2 = open(d);
  t.same(h2.query(key, {}).map((s) => s.sourceTime), all.map((s) => s.sourceTime), "intact after a restart");
  t.equal(h2.stats().samples, n);
  t.ok(h2.stats().bytes > 0, "bytes in use reported (bytes per sample: test/bench/history-store.ts)");
  h2.append(key, 1, 0, T0 + n * 1000);
  t.equal(h2.query(key, { from: T0 + n * 1000 }).length, 1, "appends continue after the restart");
  h2.close();
});

void t.test("a type change forgets the old history; other types round-trip", async (t) => {
  const h = open(dir(t));
  t.teardown(() => h.close());
  h.append(key, 1.5, 0, T0);
  h.append({ path: "s/a", type: "string" }, "on", 0, T0 + 1);
  t.same(h.query({ path: "s/a", type: "string" }, {}).map((s) => s.value), ["on"]);
  t.same(h.query(key, {}), [], "old type not served");
  h.append({ path: "s/b", type: "int64" }, -(2n ** 60n), 0x80000000, T0);
  h.append({ path: "s/b", type: "int64" }, null, 0x808d0000, T0 + 5);
  h.flush(true);
  t.same(h.query({ path: "s/b", type: "int64" }, {}), [
    { value: -(2n ** 60n), status: 0x80000000, sourceTime: T0 }, { value: null, status: 0x808d0000, sourceTime: T0 + 5 },
  ]);
});

void t.test("retention and maxBytes evict oldest first", async (t) => {
  let now = T0;
  const d = dir(t);
  const h = open(d, { retainMs: 3_600_000, now: () => now });
  for (let i = 0; i < 4 * BLOCK_MAX; i++) {
    h.append(key, i, 0, T0 + i * 10_000);
    if (i % 100 === 0) h.flush();
  }
  now = T0 + 4 * BLOCK_MAX * 10_000;
  h.flush(true);
  now += 20_000;
  h.flush(true);
  const left = h.query(key, {});
  t.ok(left.length < 4 * BLOCK_MAX && left.length > 0, `kept ${left.length}`);
  t.ok(left[0]!.sourceTime >= now - 3_600_000 - BLOCK_MAX * 10_000, "only the last hour or so, whole blocks");
  t.equal(h.stats().samples, left.length, "the count follows evictions");
  t.ok(h.stats().evicted > 0);
  h.close();
  const small = open(dir(t), { maxBytes: 1024 * 1024, now: () => now });
  t.teardown(() => small.close());
  for (let k = 0; k < 40; k++) {
    for (let i = 0; i < 20_000; i++) small.append({ path: `s/${i % 50}`, type: "float64" }, Math.random(), 0, T0 + k * 20_000 + i);
    now += 20_000;
    small.flush(true);
  }
  t.ok(small.stats().bytes <= 1.1 * 1024 * 1024, `bytes ${small.stats().bytes} near maxBytes`);
  t.ok(small.stats().evicted > 0, "oldest evicted");
});

void t.test("an unwritable or full path is a clear error at start", async (t) => {
  const d = dir(t);
  const file = join(d, "file");
  writeFileSync(file, "x");
  t.throws(() => open(join(file, "sub")), { code: "SLUICE_ERR_HISTORY", message: /history\.path .*cannot create/ });
  if (process.getuid?.() !== 0) {
    const ro = join(d, "ro");
    spawnSync("mkdir", [ro]);
    chmodSync(ro, 0o500);
    t.throws(() => open(ro), { code: "SLUICE_ERR_HISTORY" });
  }
});

void t.test("kill -9 while writing: committed samples survive, the file is not corrupt", async (t) => {
  const d = dir(t);
  const child = spawn(process.execPath, [new URL("../../fixtures/history-writer.mjs", import.meta.url).pathname, d, "20"], { stdio: ["ignore", "pipe", "inherit"] });
  let committed = 0;
  child.stdout.on("data", (b: Buffer) => { const l = b.toString().trim().split("\n").at(-1); if (l) committed = Number(l); });
  // kill it mid-write: once it has committed a good amount (a loaded machine starts it slowly), then at a random moment
  for (const end = Date.now() + 60_000; committed <= 1000 && Date.now() < end;) await new Promise((r) => setTimeout(r, 50));
  await new Promise((r) => setTimeout(r, Math.random() * 1000));
  child.kill("SIGKILL");
  await new Promise((r) => child.once("exit", r));
  t.ok(committed > 1000, `child committed ${committed} samples before the kill`);
  const h = open(d);
  t.teardown(() => h.close());
  let total = 0;
  for (let k = 0; k < 20; k++) {
    const q = h.query({ path: `s/t${k}`, type: "float64" }, {});
    total += q.length;
    t.ok(q.every((s, i) => i === 0 || s.sourceTime > q[i - 1]!.sourceTime), `s/t${k} ordered`);
  }
  t.ok(total >= committed, `${total} samples recovered, ${committed} were committed`);
});

void t.test("open blocks are written a share per flush: the wal stays short and a crash at any flush loses nothing committed", async (t) => {
  const d = dir(t);
  let now = T0;
  const h = open(d, { now: () => now });
  const keys = Array.from({ length: 50 }, (_, k) => ({ path: `s/r${k}`, type: "float64" as const }));
  const Database = (await import("better-sqlite3")).default;
  const walRows = () => { const db = new Database(join(d, "history.sqlite"), { readonly: true }); try { return (db.prepare("SELECT count(*) AS c FROM wal").get() as { c: number }).c; } finally { db.close(); } };
  let most = 0;
  // 4 minutes of 1 Hz data with a flush each 500 ms, as the receiver does; one tag changes only once
  for (let s = 0; s < 240; s++) {
    for (let half = 0; half < 2; half++) {
      for (let k = half; k < keys.length; k += 2) if (k !== 7 || s === 3) h.append(keys[k]!, s + k / 100, 0, T0 + s * 1000 + k);
      now = T0 + s * 1000 + half * 500;
      h.flush();
      if (s % 20 === 0) most = Math.max(most, walRows());
    }
  }
  t.ok(most > 0 && most <= 60, `the wal held at most ${most} rows (50 open blocks, one written a flush: not 120 rows between whole checkpoints)`);
  // a crash right after the last commit: copy the files as they are, open the copy
  const copy = dir(t);
  for (const f of ["history.sqlite", "history.sqlite-wal"]) writeFileSync(join(copy, f), readFileSync(join(d, f)));
  const h2 = open(copy, { now: () => now });
  for (const [k, key] of keys.entries()) {
    const got = h2.query(key, {}).map((x) => x.sourceTime);
    const want = k === 7 ? [T0 + 3000 + k] : Array.from({ length: 240 }, (_, s) => T0 + s * 1000 + k);
    t.same(got, want, `${key.path}: every committed sample after the crash`);
  }
  h2.close();
  h.close();
});
