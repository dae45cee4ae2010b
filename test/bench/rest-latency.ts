/**
 * REST latency with 100k tags in the store, while values stream in.
 *
 * Run (prints figures, asserts nothing):
 *   TS_NODE_TRANSPILE_ONLY=1 node --no-warnings --loader @isaacs/ts-node-temp-fork-for-pr-2009/esm test/bench/rest-latency.ts [tags=100000] [seconds=5] [concurrency=16] [updatesPerSec=50000]
 *
 *   main thread: TagStore (fake link) + fastify REST  ◀──HTTP keep-alive──  worker thread: C client loops
 *                      ▲ samples at updatesPerSec (batches of 500 every 10 ms)
 *
 * The load generator runs in a worker so it does not share the server's event loop
 * (the machine has 2 cores: one for the server, one for the clients).
 */
import { Worker } from "node:worker_threads";
import { silentLogger } from "../../src/core/log.js";
import type { Sample, TagDef } from "../../src/core/model.js";
import { ReceiverMetrics } from "../../src/receiver/metrics.js";
import { startRestServer } from "../../src/receiver/rest/server.js";
import { makeStore } from "../unit/receiver/fakes.js";

const [tagsArg, secArg, concArg, updArg] = process.argv.slice(2);
const TAGS = Number(tagsArg ?? 100_000);
const SECONDS = Number(secArg ?? 5);
const CONC = Number(concArg ?? 16);
const UPDATES = Number(updArg ?? 50_000);

const CLIENT = `
const { parentPort, workerData } = require("node:worker_threads");
const http = require("node:http");
const { url, path, seconds, conc } = workerData;
const agent = new http.Agent({ keepAlive: true, maxSockets: conc });
const lat = [];
let errors = 0;
const end = Date.now() + seconds * 1000;
function one() {
  return new Promise((resolve) => {
    const t0 = process.hrtime.bigint();
    const req = http.get(url + path, { agent }, (res) => {
      res.resume();
      res.on("end", () => { if (res.statusCode !== 200) errors++; lat.push(Number(process.hrtime.bigint() - t0) / 1e6); resolve(); });
    });
    req.on("error", () => { errors++; resolve(); });
  });
}
async function loop() { while (Date.now() < end) await one(); }
Promise.all(Array.from({ length: conc }, loop)).then(() => { agent.destroy(); parentPort.postMessage({ lat, errors }); });
`;

function load(url: string, path: string, seconds: number, conc: number): Promise<{ lat: number[]; errors: number }> {
  return new Promise((resolve, reject) => {
    const w = new Worker(CLIENT, { eval: true, workerData: { url, path, seconds, conc } });
    w.once("message", resolve);
    w.once("error", reject);
  });
}

function pct(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

async function timeGet(url: string, path: string, n: number): Promise<{ ms: number; bytes: number }> {
  let best = Infinity;
  let bytes = 0;
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    const r = await fetch(url + path);
    bytes = (await r.arrayBuffer()).byteLength;
    best = Math.min(best, performance.now() - t0);
  }
  return { ms: best, bytes };
}

async function main(): Promise<void> {
  const { link, store } = makeStore({ historyDepth: 100, maxTags: TAGS, now: Date.now });
  const defs: TagDef[] = Array.from({ length: TAGS }, (_, i) => ({ alias: i, path: `src${i % 100}/tag${i}`, type: "float64", unit: "degC" }));
  link.catalog(defs);
  const t = Date.now();
  link.samples(defs.map((d) => ({ alias: d.alias, value: d.alias * 0.5, status: 0, sourceTime: t })), t, "keyframe");
  // Store ingest: full keyframes of new values (every tag changes, history appends).
  const ROUNDS = 10;
  const t0 = performance.now();
  for (let k = 1; k <= ROUNDS; k++) {
    const at = t + k;
    link.samples(defs.map((d) => ({ alias: d.alias, value: d.alias * 0.5 + k, status: 0, sourceTime: at })), at, "keyframe");
  }
  const ingest = (ROUNDS * TAGS) / ((performance.now() - t0) / 1000);
  const metrics = new ReceiverMetrics({ store, link });
  const { app, url } = await startRestServer({ store, metrics, logger: silentLogger, host: "127.0.0.1", port: 0, observe: (r, c) => metrics.observeRest(r, c) });

  // Values keep arriving while the API is under load.
  let next = 0;
  const BATCH = 500;
  const feed = UPDATES > 0 ? setInterval(() => {
    const now = Date.now();
    const burst = Math.max(1, Math.round(UPDATES / 100 / BATCH));
    for (let b = 0; b < burst; b++) {
      const batch: Sample[] = [];
      for (let i = 0; i < BATCH; i++, next = (next + 1) % TAGS) batch.push({ alias: next, value: Math.random(), status: 0, sourceTime: now });
      link.samples(batch, now);
    }
  }, 10) : undefined;

  const path = `/api/v1/tags/src42/tag${42 + 100 * 7}`;
  await load(url, path, 1, CONC); // warm-up
  const r = await load(url, path, SECONDS, CONC);
  const sorted = r.lat.sort((a, b) => a - b);
  const all = await timeGet(url, "/api/v1/tags", 3);
  const hist = await timeGet(url, `${path}/history?limit=100`, 5);
  const scrape = await timeGet(url, "/metrics", 5);
  if (feed) clearInterval(feed);
  await app.close();

  const rss = process.memoryUsage().rss / 2 ** 20;
  process.stdout.write([
    `rest-latency: ${TAGS} tags, ${CONC} keep-alive clients for ${SECONDS}s, ${UPDATES} updates/s into the store`,
    `  store ingest (keyframes, every value new, history on): ${(ingest / 1e6).toFixed(2)} M samples/s`,
    `  GET ${path}: ${(sorted.length / SECONDS).toFixed(0)} req/s, p50 ${pct(sorted, 50).toFixed(2)} ms, p99 ${pct(sorted, 99).toFixed(2)} ms, max ${pct(sorted, 100).toFixed(2)} ms, errors ${r.errors}`,
    `  GET /api/v1/tags (all): ${all.ms.toFixed(0)} ms, ${(all.bytes / 2 ** 20).toFixed(1)} MiB`,
    `  GET history?limit=100: ${hist.ms.toFixed(2)} ms`,
    `  GET /metrics: ${scrape.ms.toFixed(1)} ms`,
    `  RSS ${rss.toFixed(0)} MiB`,
    "",
  ].join("\n"));
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exitCode = 1;
});
