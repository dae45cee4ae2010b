/**
 * The receiver's in-memory history at plant scale: memory per tag while rings are
 * young (most plant tags change rarely), the cost of a live append through the
 * history store (found through the store's record, as the tag store does) and of a
 * range query. Prints figures, asserts nothing.
 *
 *   TS_NODE_TRANSPILE_ONLY=1 node --no-warnings --expose-gc --import @tapjs/typescript/import \
 *     test/bench/history-ring.ts [tags=100000] [depth=1000]
 */
import { loadavg } from "node:os";
import { MemoryHistory } from "../../src/receiver/history/memory.js";
import type { HistoryKey } from "../../src/receiver/history/api.js";

const TAGS = Number(process.argv[2] ?? 100_000);
const DEPTH = Number(process.argv[3] ?? 1000);
if (!global.gc) throw new Error("run with --expose-gc");
const gc = global.gc;

function heap(): { heap: number; rss: number } {
  gc();
  const m = process.memoryUsage();
  return { heap: m.heapUsed + m.external, rss: m.rss };
}

const keys: HistoryKey[] = Array.from({ length: TAGS }, (_, i) => ({ path: `src${i % 100}/t${i}`, type: "float64", slot: undefined }));
const h = new MemoryHistory(DEPTH);
const m0 = heap();
for (const k of keys) h.append(k, 0, 0, 1);
for (const k of keys) h.append(k, 1, 0, 2);
const m1 = heap();
console.log(`${TAGS} tags, depth ${DEPTH}, load ${loadavg()[0]?.toFixed(1)}`);
console.log(`two samples a tag: ${Math.round((m1.heap - m0.heap) / TAGS)} bytes of heap and buffers a tag, ${Math.round((m1.rss - m0.rss) / TAGS)} bytes of RSS`);

const ROUNDS = 100;
let t = 3;
const c0 = process.cpuUsage();
for (let r = 0; r < ROUNDS; r++, t++) for (const k of keys) h.append(k, r * 0.5, 0, t);
const c = process.cpuUsage(c0);
const m2 = heap();
console.log(`append (${ROUNDS} rounds, rings growing): ${(((c.user + c.system) * 1000) / (TAGS * ROUNDS)).toFixed(0)} ns each; ` +
  `${Math.round((m2.heap - m0.heap) / TAGS)} bytes a tag at ${ROUNDS + 2} samples`);

const q0 = process.cpuUsage();
let n = 0;
for (let i = 0; i < TAGS; i += 10) n += h.query(keys[i]!, { from: 20, to: 80 }).length;
const q = process.cpuUsage(q0);
console.log(`range query of ${n / Math.ceil(TAGS / 10)} samples: ${((q.user + q.system) / Math.ceil(TAGS / 10)).toFixed(1)} µs`);
