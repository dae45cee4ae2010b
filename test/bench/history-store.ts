/**
 * The receiver's disk history store (SQLite, compact blocks): bytes per sample on disk,
 * write throughput (against the link's ~2M updates/s ceiling), and HistoryRead-sized
 * queries: one hour of one tag, one hour of 100 tags, over 24 h of 1 Hz data.
 *
 * Run (prints figures, asserts nothing):
 *   TS_NODE_TRANSPILE_ONLY=1 node --no-warnings --expose-gc --import @tapjs/typescript/import test/bench/history-store.ts [tags=100] [hours=24]
 * ONE=2000 and HUNDRED=40 (environment) set how many reads are timed, after an untimed warm-up.
 * Each read's CPU time is printed beside its wall time: on a shared machine a wall p99 far
 * above the CPU p99 is the scheduler, not the store.
 */
import { mkdtempSync, rmSync, statSync, readdirSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { PerformanceObserver } from "node:perf_hooks";
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
const gcs: { at: number; ms: number }[] = [];
new PerformanceObserver((l) => { for (const e of l.getEntries()) gcs.push({ at: e.startTime, ms: e.duration }); }).observe({ entryTypes: ["gc"] });
const settle = () => new Promise<void>((r) => setTimeout(r, 100));
interface Timed { p50: number; p99: number; p999: number; max: number; cpu99: number; cpuMean: number; got: number; gcN: number; gcMax: number; n: number }
/** Wall and CPU time of each call (a wall time far above the CPU time is the scheduler, not the store), and the GC pauses meanwhile. */
async function timeQueries(n: number, f: () => number): Promise<Timed> {
  await settle();
  const start = performance.now();
  const ms: number[] = [], cpu: number[] = [];
  let got = 0;
  for (let i = 0; i < n; i++) {
    const c = process.cpuUsage();
    const a = performance.now();
    got += f();
    ms.push(performance.now() - a);
    const d = process.cpuUsage(c);
    cpu.push((d.user + d.system) / 1000);
  }
  const end = performance.now();
  await settle();
  const during = gcs.filter((g) => g.at >= start && g.at <= end).map((g) => g.ms);
  return { p50: pct(ms, 50), p99: pct(ms, 99), p999: pct(ms, 99.9), max: pct(ms, 100), cpu99: pct(cpu, 99), cpuMean: cpu.reduce((a, b) => a + b, 0) / n, got: got / n, gcN: during.length, gcMax: Math.max(0, ...during), n };
}
const hourStart = () => T0 + Math.floor(rand() * (seconds - 3600)) * 1000;
const oneTag = () => { const a = hourStart(); return h.query(keys[Math.floor(rand() * TAGS)]!, { from: a, to: a + 3_600_000 }).length; };
const hundredTags = () => {
  const a = hourStart();
  let n = 0;
  for (const k of keys.slice(0, 100)) n += h.query(k, { from: a, to: a + 3_600_000 }).length;
  return n;
};
// warm-up, not timed (SQLite page cache, JIT), and the timed part starts without the write phase's garbage
for (let i = 0; i < 300; i++) oneTag();
hundredTags();
(globalThis as { gc?: () => void }).gc?.();
const ONE = Number(process.env.ONE ?? 2000), HUNDRED = Number(process.env.HUNDRED ?? 40);
const load0 = loadavg()[0]!;
const one = await timeQueries(ONE, oneTag);
const hundred = await timeQueries(HUNDRED, hundredTags);
// Live: the receiver reads and writes on one thread. Keep writing 1 Hz data with a flush per
// 500 ms (a checkpoint each 60 s) and time the flushes: a read that arrives during one waits for it.
const flushes: number[] = [], checkpoints: number[] = []; // the flush at each 60 s mark (a whole checkpoint, before rolling ones)
const liveQ: number[] = [];
for (let s = seconds; s < seconds + 600; s++) {
  for (let half = 0; half < 2; half++) {
    for (let k = half; k < TAGS; k += 2) h.append(keys[k]!, level[k]!, 0, T0 + s * 1000 + k % 8);
    now = T0 + s * 1000 + half * 500;
    const f = performance.now();
    h.flush();
    ((s - seconds) % 60 === 59 && half === 0 ? checkpoints : flushes).push(performance.now() - f);
    const q = performance.now();
    oneTag();
    liveQ.push(performance.now() - q);
  }
}
const load1 = loadavg()[0]!;
h.close();
rmSync(dir, { recursive: true, force: true });

const fmt = (x: Timed, d: number) =>
  `p50 ${x.p50.toFixed(d)} ms, p99 ${x.p99.toFixed(d)} ms, p99.9 ${x.p999.toFixed(d)} ms, max ${x.max.toFixed(d)} ms (CPU mean ${x.cpuMean.toFixed(d)} ms, p99 ${x.cpu99.toFixed(d)} ms; ${x.n} reads, ${x.gcN} GCs, longest ${x.gcMax.toFixed(1)} ms; ${Math.round(x.got)} samples)`;
console.log(`history store: ${TAGS} tags x ${HOURS} h at 1 Hz = ${samples.toLocaleString()} samples (node ${process.version}; load average ${load0.toFixed(2)} -> ${load1.toFixed(2)})`);
console.log(`  on disk: ${(files / samples).toFixed(2)} bytes/sample (files ${(files / 2 ** 20).toFixed(1)} MiB; pages in use ${(st.bytes / samples).toFixed(2)} B/sample)`);
console.log(`  write: ${Math.round(samples / writeS).toLocaleString()} samples/s on one thread (${((100 * flushMs) / (writeS * 1000)).toFixed(0)} % of it in flush transactions) = ${((100 * samples) / writeS / 2e6).toFixed(0)} % of the link's 2M updates/s`);
console.log(`  HistoryRead 1 h of 1 tag: ${fmt(one, 2)}`);
console.log(`  HistoryRead 1 h of 100 tags: ${fmt(hundred, 1)}`);
console.log(`  live, 1 Hz writes with a flush per 500 ms for 10 min: flush p50 ${pct(flushes, 50).toFixed(2)} ms, p99 ${pct(flushes, 99).toFixed(2)} ms, max ${pct(flushes, 100).toFixed(2)} ms; at each 60 s mark p50 ${pct(checkpoints, 50).toFixed(1)} ms, max ${pct(checkpoints, 100).toFixed(1)} ms; 1 h of 1 tag between flushes p99 ${pct(liveQ, 99).toFixed(2)} ms`);
