/**
 * The receiver's disk history store (SQLite, compact blocks): bytes per sample on disk,
 * write throughput (against the link's ~2M updates/s ceiling), and HistoryRead-sized
 * queries: one hour of one tag, one hour of 100 tags, over 24 h of 1 Hz data.
 *
 * Run (prints figures, asserts nothing):
 *   TS_NODE_TRANSPILE_ONLY=1 node --no-warnings --expose-gc --import @tapjs/typescript/import test/bench/history-store.ts [tags=100] [hours=24]
 */
import { mkdtempSync, rmSync, statSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { silentLogger } from "../../src/core/log.js";
import { DiskHistory } from "../../src/receiver/history/disk.js";

const TAGS = Number(process.argv[2] ?? 100);
const HOURS = Number(process.argv[3] ?? 24);
const T0 = Date.UTC(2026, 0, 1);
const dir = mkdtempSync(join(tmpdir(), "sluice-hbench-"));
let now = T0;
const h = new DiskHistory({ path: dir, retainMs: 30 * 86_400_000, maxBytes: 2 ** 40, logger: silentLogger, now: () => now });
const keys = Array.from({ length: TAGS }, (_, k) => ({ path: `s${k % 10}/t${k}`, type: "float64" as const }));
const level = keys.map((_, k) => 20 + k);
let rnd = 12345;
const rand = () => ((rnd = (rnd * 1103515245 + 12345) >>> 0) / 2 ** 32);

// 1 Hz, acquisition jitter of a few ms, a slowly drifting value with two decimals
const seconds = HOURS * 3600;
let samples = 0;
let flushMs = 0;
const t0 = performance.now();
for (let s = 0; s < seconds; s++) {
  for (let k = 0; k < TAGS; k++) {
    level[k] = Math.round((level[k]! + (rand() - 0.5) * 0.1) * 100) / 100;
    h.append(keys[k]!, level[k]!, 0, T0 + s * 1000 + Math.floor(rand() * 8));
    samples++;
  }
  now = T0 + s * 1000;
  if (samples % 50_000 < TAGS) {
    // the receiver flushes every 500 ms of wall time: at ~100k samples/s that is ~50k samples a flush
    const f = performance.now();
    h.flush();
    flushMs += performance.now() - f;
  }
}
h.flush(true);
const writeS = (performance.now() - t0) / 1000;
const files = readdirSync(dir).reduce((a, f) => a + statSync(join(dir, f)).size, 0);
const st = h.stats();

function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
}
function timeQueries(n: number, f: () => number): { p50: number; p99: number; got: number } {
  const ms: number[] = [];
  let got = 0;
  for (let i = 0; i < n; i++) {
    const a = performance.now();
    got += f();
    ms.push(performance.now() - a);
  }
  return { p50: pct(ms, 50), p99: pct(ms, 99), got: got / n };
}
const hourStart = () => T0 + Math.floor(rand() * (seconds - 3600)) * 1000;
// warm up (SQLite page cache, JIT), and start the timed part without the write phase's garbage
for (let i = 0; i < 50; i++) { const a = hourStart(); h.query(keys[i % TAGS]!, { from: a, to: a + 3_600_000 }); }
(globalThis as { gc?: () => void }).gc?.();
const one = timeQueries(200, () => { const a = hourStart(); return h.query(keys[Math.floor(rand() * TAGS)]!, { from: a, to: a + 3_600_000 }).length; });
const hundred = timeQueries(20, () => {
  const a = hourStart();
  let n = 0;
  for (const k of keys.slice(0, 100)) n += h.query(k, { from: a, to: a + 3_600_000 }).length;
  return n;
});
h.close();
rmSync(dir, { recursive: true, force: true });

console.log(`history store: ${TAGS} tags x ${HOURS} h at 1 Hz = ${samples.toLocaleString()} samples (node ${process.version})`);
console.log(`  on disk: ${(files / samples).toFixed(2)} bytes/sample (files ${(files / 2 ** 20).toFixed(1)} MiB; pages in use ${(st.bytes / samples).toFixed(2)} B/sample)`);
console.log(`  write: ${Math.round(samples / writeS).toLocaleString()} samples/s on one thread (${((100 * flushMs) / (writeS * 1000)).toFixed(0)} % of it in flush transactions) = ${((100 * samples) / writeS / 2e6).toFixed(0)} % of the link's 2M updates/s`);
console.log(`  HistoryRead 1 h of 1 tag: p50 ${one.p50.toFixed(2)} ms, p99 ${one.p99.toFixed(2)} ms (${Math.round(one.got)} samples)`);
console.log(`  HistoryRead 1 h of 100 tags: p50 ${hundred.p50.toFixed(1)} ms, p99 ${hundred.p99.toFixed(1)} ms (${Math.round(hundred.got)} samples)`);
