/**
 * The reader's journal on real files: bounds (retain, byte cap, oldest first, the
 * completeness floor), reading windows back across a catalogue change, a disk journal
 * reopened after a crash that tore its last record, an unusable directory refused at
 * start, and a disk that fills up at run time (a small tmpfs) degrading to memory with
 * one log line while appends go on.
 */
import t from "tap";
import { execFileSync, spawnSync } from "node:child_process";
import { appendFileSync, mkdirSync, mkdtempSync, readdirSync, statSync, truncateSync, writeFileSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { fileURLToPath } from "node:url";
import { createLogger } from "../../../src/core/log.js";
import { silentLogger } from "../../../src/core/log.js";
import { isSluiceError } from "../../../src/core/errors.js";
import type { Sample, TagDef } from "../../../src/core/model.js";
import { CatalogIndex } from "../../../src/link/index.js";
import { Journal } from "../../../src/reader/journal/index.js";
import { keygen } from "../../../src/link/keys.js";
import { Status } from "../../../src/core/status.js";

const T0 = 1_750_000_000_000;
const tmp = () => mkdtempSync(join(tmpdir(), "sluice-journal-"));

function tags(n: number, prefix = "s"): TagDef[] {
  return Array.from({ length: n }, (_, alias) => ({ alias, path: `${prefix}/t${alias}`, type: alias % 2 === 0 ? "float64" : "int32" } as TagDef));
}

class Clock { t = T0; now = () => this.t; }

/** Every tag changes once per `step` ms from clock.t for `seconds`; returns what was appended. */
function feed(j: Journal, clock: Clock, defs: TagDef[], seconds: number, step = 1000, random = false): Sample[] {
  const all: Sample[] = [];
  for (let s = 0; s < (seconds * 1000) / step; s++) {
    clock.t += step;
    const batch = defs.map((d) => ({
      alias: d.alias, status: 0, sourceTime: clock.t,
      value: d.type === "int32" ? (random ? (Math.random() * 2 ** 31) | 0 : clock.t % 100_000) : random ? Math.random() : d.alias + clock.t / 1000,
    }));
    j.append(batch);
    all.push(...batch);
  }
  return all;
}

const byKey = (ss: Sample[]) => new Map(ss.map((s) => [`${s.alias}@${s.sourceTime}`, s]));

function captureLogger(): { logger: ReturnType<typeof createLogger>; lines: () => Array<Record<string, unknown>> } {
  const chunks: string[] = [];
  const dest = new Writable({ write(c: Buffer, _e, cb) { chunks.push(c.toString()); cb(); } });
  const logger = createLogger({ level: "info", destination: dest });
  return { logger, lines: () => chunks.join("").split("\n").filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>) };
}

void t.test("memory: windows read back exactly what was appended; retain drops the oldest and moves the floor", async (t) => {
  const clock = new Clock();
  const j = Journal.open({ retainMs: 60_000, maxBytes: 64 << 20, logger: silentLogger, now: clock.now });
  t.teardown(() => j.close());
  const defs = tags(100);
  const cat = CatalogIndex.of(defs);
  j.setCatalog(defs);
  t.equal(j.span(), null, "empty journal: no span");
  t.same(j.health(), { from: null, samples: 0, bytes: 0, degraded: false });
  const sent = feed(j, clock, defs, 30);
  j.tick();
  const got = j.read(T0, clock.t + 1, cat);
  t.equal(got.length, sent.length, "every sample is held");
  const want = byKey(sent);
  t.ok(got.every((s) => want.get(`${s.alias}@${s.sourceTime}`)?.value === s.value), "with its value");
  const w = j.read(T0 + 10_000, T0 + 12_000, cat);
  t.equal(w.length, 200, "a 2 s window holds its 2 x 100 samples");
  t.ok(w.every((s) => s.sourceTime >= T0 + 10_000 && s.sourceTime < T0 + 12_000), "and nothing outside it");

  feed(j, clock, defs, 60);
  j.tick();
  const span = j.span();
  t.ok(span && span.from > T0 + 20_000 && span.from <= clock.t - 60_000 + 2000, `floor moved past what retain dropped (${span && span.from - T0})`);
  t.equal(j.read(T0, (span?.from ?? 0), cat).length, 0, "nothing below the floor");
  const kept = j.read(span?.from ?? 0, clock.t + 1, cat);
  t.equal(kept.length, j.span()?.samples, "span counts what it holds");
  t.ok(kept.length >= 100 * 59 && kept.length <= 100 * 62, `about 60 s of 100 tags held (${kept.length})`);
  const h = j.health();
  t.equal(h.from, span?.from);
  t.ok(h.bytes > 0 && h.bytes / h.samples < 12, `compact: ${(h.bytes / h.samples).toFixed(2)} bytes per sample in memory`);
});

void t.test("memory: the byte cap holds, oldest dropped first", async (t) => {
  const clock = new Clock();
  const cap = 200_000;
  const j = Journal.open({ retainMs: 3_600_000, maxBytes: cap, logger: silentLogger, now: clock.now });
  t.teardown(() => j.close());
  const defs = tags(500);
  j.setCatalog(defs);
  feed(j, clock, defs, 120, 1000, true);
  j.tick();
  const h = j.health();
  t.ok(h.bytes <= cap, `bytes ${h.bytes} <= cap ${cap}`);
  t.ok(h.samples > 0 && (h.from ?? 0) > T0 + 1000, "the oldest went first");
  const cat = CatalogIndex.of(defs);
  t.ok(j.read(clock.t - 5000, clock.t + 1, cat).length >= 500 * 4, "the newest are held");
});

void t.test("a catalogue change: older samples read back by the new aliases, tags gone left out", async (t) => {
  const clock = new Clock();
  const j = Journal.open({ retainMs: 600_000, maxBytes: 64 << 20, logger: silentLogger, now: clock.now });
  t.teardown(() => j.close());
  const a = tags(10);
  j.setCatalog(a);
  feed(j, clock, a, 3);
  // New catalogue: t0..t4 dropped, t5..t9 move to aliases 0..4, one new tag.
  const b: TagDef[] = [...a.slice(5).map((d, i) => ({ ...d, alias: i })), { alias: 5, path: "s/new", type: "float64" }];
  j.setCatalog(b);
  const catB = CatalogIndex.of(b);
  const old = j.read(T0, clock.t + 1, catB);
  t.equal(old.length, 5 * 3, "five surviving tags x 3 s");
  t.ok(old.every((s) => s.alias < 5), "under their new aliases");
  const t7 = old.find((s) => s.alias === 2 && s.sourceTime === T0 + 1000);
  t.equal(t7?.value, (T0 + 1000) % 100_000, "s/t7 (int32) keeps its value under alias 2");
});

void t.test("disk: kept across a reopen; a record torn by a crash is cut off and the rest stays", async (t) => {
  const dir = tmp();
  const clock = new Clock();
  const defs = tags(200);
  const cat = CatalogIndex.of(defs);
  let j = Journal.open({ retainMs: 3_600_000, maxBytes: 1 << 30, path: dir, logger: silentLogger, now: clock.now });
  j.setCatalog(defs);
  const sent = feed(j, clock, defs, 20);
  j.close();
  const files = readdirSync(dir).filter((f) => f.endsWith(".journal"));
  t.ok(files.length >= 1, `segment files written (${files.join(", ")})`);

  j = Journal.open({ retainMs: 3_600_000, maxBytes: 1 << 30, path: dir, logger: silentLogger, now: clock.now });
  j.setCatalog(defs);
  t.equal(j.read(T0, clock.t + 1, cat).length, sent.length, "every sample read back after a clean reopen");
  t.ok(j.health().bytes > 0 && j.health().bytes / sent.length < 12, `${(j.health().bytes / sent.length).toFixed(2)} bytes per sample on disk`);
  // A crash mid-write: more samples, then the last segment torn in its last record.
  const more = feed(j, clock, defs, 5);
  j.close(); // sealed and written; the tear below stands for a write cut short
  const last = readdirSync(dir).filter((f) => f.endsWith(".journal")).sort().at(-1) as string;
  const size = statSync(join(dir, last)).size;
  truncateSync(join(dir, last), size - 7);
  const { logger, lines } = captureLogger();
  j = Journal.open({ retainMs: 3_600_000, maxBytes: 1 << 30, path: dir, logger, now: clock.now });
  j.setCatalog(defs);
  // (a journal that lost its newest chunk marks the stretch after what it kept: see the restart test)
  const kept = (ss: Sample[]) => ss.filter((x) => x.status !== Status.BadNoCommunication);
  const back = kept(j.read(T0, clock.t + 1, cat));
  const lostChunk = sent.length + more.length - back.length;
  t.ok(back.length >= sent.length && lostChunk > 0 && lostChunk <= 8192, `only the torn chunk is lost (${lostChunk} samples)`);
  const want = byKey([...sent, ...more]);
  t.ok(back.every((s) => want.get(`${s.alias}@${s.sourceTime}`)?.value === s.value), "what was kept is intact");
  t.ok(lines().some((l) => l.msg === "journal: segment cut at its last good record"), "the cut is logged");
  t.ok(statSync(join(dir, last)).size < size - 7, "the torn tail was truncated on open");
  // A flipped byte inside a record: the checksum catches it.
  j.close();
  const victim = readdirSync(dir).filter((f) => f.endsWith(".journal")).sort()[0] as string;
  const buf = readFileSync(join(dir, victim));
  buf[buf.length - 20] = (buf[buf.length - 20] as number) ^ 0xff;
  writeFileSync(join(dir, victim), buf);
  j = Journal.open({ retainMs: 3_600_000, maxBytes: 1 << 30, path: dir, logger: silentLogger, now: clock.now });
  t.teardown(() => j.close());
  j.setCatalog(defs);
  const afterFlip = kept(j.read(T0, clock.t + 1, cat));
  t.ok(afterFlip.length < back.length && afterFlip.every((s) => want.get(`${s.alias}@${s.sourceTime}`)?.value === s.value), "a corrupt record and what follows in its file are dropped, never misread");
  feed(j, clock, defs, 2);
  t.ok(j.read(clock.t - 1500, clock.t + 1, cat).length === 200 * 2, "appending goes on after the repair");
});

void t.test("disk: a restart is journaled as BadNoCommunication, so a history window over the downtime is no silent hole", async (t) => {
  const dir = tmp();
  const clock = new Clock();
  const defs = tags(50);
  const cat = CatalogIndex.of(defs);
  let j = Journal.open({ retainMs: 3_600_000, maxBytes: 1 << 30, path: dir, logger: silentLogger, now: clock.now });
  j.setCatalog(defs);
  const before = feed(j, clock, defs, 5);
  clock.t += 20_000; // 20 s of steady values: nothing journaled, but the process runs on
  j.tick();
  j.close();
  const lastPoll = clock.t;
  clock.t += 30_000; // the reader is down for 30 s
  j = Journal.open({ retainMs: 3_600_000, maxBytes: 1 << 30, path: dir, logger: silentLogger, now: clock.now });
  j.setCatalog(defs);
  const after = feed(j, clock, defs, 2);
  const got = j.read(T0, clock.t + 1, cat);
  const down = got.filter((s) => s.status === Status.BadNoCommunication);
  t.equal(down.length, defs.length, "one BadNoCommunication sample per tag");
  t.ok(down.every((s) => s.sourceTime === lastPoll + 1 && s.value === null), "at the ms after the old process was last known to run (not its last change), with no value");
  const inside = got.filter((s) => s.sourceTime > lastPoll + 1 && s.sourceTime < after[0]!.sourceTime);
  t.equal(inside.length, 0, "nothing claimed inside the downtime");
  t.equal(got.length, before.length + defs.length + after.length, "everything else as sent");
  j.close();
  j = Journal.open({ retainMs: 3_600_000, maxBytes: 1 << 30, path: dir, logger: silentLogger, now: clock.now });
  t.teardown(() => j.close());
  j.setCatalog(defs);
  t.equal(j.read(T0, clock.t + 1, cat).filter((s) => s.status === Status.BadNoCommunication).length, defs.length, "the marks are on disk (a reopen at once adds none)");
});

void t.test("disk: bounded by maxBytes (whole files, oldest first) and by retain", async (t) => {
  const dir = tmp();
  const clock = new Clock();
  const defs = tags(500);
  const cap = 1 << 20;
  const j = Journal.open({ retainMs: 600_000, maxBytes: cap, path: dir, logger: silentLogger, now: clock.now });
  t.teardown(() => j.close());
  j.setCatalog(defs);
  feed(j, clock, defs, 300, 1000, true);
  j.tick();
  const onDisk = readdirSync(dir).reduce((n, f) => n + statSync(join(dir, f)).size, 0);
  t.ok(onDisk <= cap + (cap >> 4) + 65536, `files on disk ${onDisk} within the cap ${cap} (+ the file being written)`);
  t.ok(readdirSync(dir).length > 2, "split into several segment files");
  t.ok((j.health().from ?? 0) > T0 + 1000, "the oldest files went first");
  const clock2 = new Clock();
  const dir2 = tmp();
  const k = Journal.open({ retainMs: 20_000, maxBytes: 1 << 30, path: dir2, logger: silentLogger, now: clock2.now });
  t.teardown(() => k.close());
  k.setCatalog(defs);
  feed(k, clock2, defs, 60);
  k.tick();
  const from = k.health().from ?? 0;
  t.ok(from >= clock2.t - 20_000 - 3000, `retain 20 s: the floor is ${(clock2.t - from) / 1000} s back`);
});

void t.test("an unusable directory is SLUICE_ERR_JOURNAL naming the path, exit 2", async (t) => {
  const base = tmp();
  writeFileSync(join(base, "afile"), "x");
  const bad = join(base, "afile", "journal");
  try {
    Journal.open({ retainMs: 60_000, maxBytes: 1 << 20, path: bad, logger: silentLogger });
    t.fail("opened a journal under a regular file");
  } catch (e) {
    t.ok(isSluiceError(e, "SLUICE_ERR_JOURNAL"), "SLUICE_ERR_JOURNAL");
    t.match((e as Error).message, bad, "names the path");
    t.equal((e as { exitCode: number }).exitCode, 2);
  }
});

const root = process.getuid?.() === 0;

async function withTmpfs(size: string, body: (dir: string) => Promise<void> | void): Promise<void> {
  const dir = tmp();
  execFileSync("mount", ["-t", "tmpfs", "-o", `size=${size}`, "tmpfs", dir]);
  try { await body(dir); } finally { execFileSync("umount", [dir]); }
}

void t.test("a read-only or full file system is refused at start", { skip: root ? false : "needs root (mount)" }, async (t) => {
  await withTmpfs("256k", (dir) => {
    execFileSync("mount", ["-o", "remount,ro", dir]);
    t.throws(() => Journal.open({ retainMs: 60_000, maxBytes: 1 << 20, path: dir, logger: silentLogger }), { code: "SLUICE_ERR_JOURNAL", message: /not writable/ }, "read-only");
  });
  await withTmpfs("256k", (dir) => {
    try { for (let i = 0; ; i++) appendFileSync(join(dir, "filler"), Buffer.alloc(4096, i)); } catch { /* full */ }
    t.throws(() => Journal.open({ retainMs: 60_000, maxBytes: 1 << 20, path: join(dir, "j"), logger: silentLogger }), { code: "SLUICE_ERR_JOURNAL" }, "full");
  });
});

void t.test("a disk that fills up at run time: one log line, degraded, appends go on in memory", { skip: root ? false : "needs root (mount)" }, async (t) => {
  await withTmpfs("256k", (dir) => {
    const clock = new Clock();
    const { logger, lines } = captureLogger();
    const j = Journal.open({ retainMs: 3_600_000, maxBytes: 1 << 30, path: dir, logger, now: clock.now });
    const defs = tags(1000);
    const cat = CatalogIndex.of(defs);
    j.setCatalog(defs);
    t.doesNotThrow(() => feed(j, clock, defs, 60, 1000, true), "appending never throws");
    const h = j.health();
    t.equal(h.degraded, true, "degraded in the health the heartbeat carries");
    const errs = lines().filter((l) => l.level === 50);
    t.equal(errs.length, 1, "exactly one error line");
    t.match(String(errs[0]?.msg), /disk write failed/);
    t.equal(j.read(clock.t - 2500, clock.t + 1, cat).length, 1000 * 3, "the newest samples are held (in memory)");
    t.ok(j.read(T0, T0 + 3000, cat).length > 0, "what reached the disk before it filled is still read");
    j.close();
  });
});

void t.test("sluice reader with an unusable journal.path exits 2 naming it", async (t) => {
  const here = fileURLToPath(new URL("../../../", import.meta.url));
  const dir = tmp();
  keygen(join(dir, "link.key"));
  writeFileSync(join(dir, "afile"), "x");
  writeFileSync(join(dir, "reader.yaml"), [
    "link: { to: 127.0.0.1:9, key: link.key }", "policy: allow-all", "journal: { path: afile/journal }",
    "sources:", "  - { name: p1, protocol: modbus, endpoint: 127.0.0.1:1, interval: 1s, tags: [{ name: a, address: 'hr:0:int16' }] }",
  ].join("\n"));
  mkdirSync(join(dir, "x"), { recursive: true });
  const r = spawnSync(process.execPath, [join(here, "bin/sluice.js"), "reader", "-c", join(dir, "reader.yaml")], { encoding: "utf8", timeout: 30_000, env: { ...process.env, SLUICE_LOG_LEVEL: "silent" } });
  t.equal(r.status, 2, "exit 2");
  t.match(r.stderr, /journal\.path .*afile\/journal/, "stderr names the path");
});
