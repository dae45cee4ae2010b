/**
 * A garbage flood against a real receiver (startReceiver, the code behind
 * `sluice receiver`): how many genuine frames still arrive, and how REST answers
 * meanwhile.
 *
 * Run (prints figures, asserts nothing):
 *   TS_NODE_TRANSPILE_ONLY=1 node --no-warnings --import @tapjs/typescript/import test/bench/flood.ts [seconds=10] [rate=600000] [floodProcs=2]
 *
 *   floodProcs child processes: hostile datagrams at `rate`/s in total ──UDP──┐
 *   child process: LinkSender (a real reader link, 1,000 tags, deltas        │
 *                  every 10 ms, birth/keyframe carousel, heartbeats) ──UDP──┤
 *                                                                           ▼
 *   this process:  receiver (intake worker ─▶ main thread: replica, store, REST)
 *                  ◀── HTTP keep-alive ── worker thread: 4 REST clients (latency)
 *
 * The hostile datagrams are test/fixtures/link-transport.ts `hostile()` (random
 * bytes, bit flips, truncations, rewritten header fields, replaced body bytes),
 * half of them re-addressed to the receiver's key id and a fresh session so
 * each costs a subkey derivation and a decryption. Figures: datagrams the flooders sent per second (what the machine
 * reached), what the receiver absorbed, genuine frames delivered / sent during
 * the flood, REST p50/p99 during the flood and without it.
 */
import { fork } from "node:child_process";
import dgram from "node:dgram";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { silentLogger } from "../../src/core/log.js";
import { LinkSender } from "../../src/link/index.js";
import { keygen } from "../../src/link/keys.js";
import { startReceiver } from "../../src/receiver/main.js";
import { hostile } from "../fixtures/link-transport.js";

const self = fileURLToPath(import.meta.url);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const TAGS = 1000;

// ---------------------------------------------------------------- child roles
async function childFlood(port: number, rate: number, seconds: number, keyId: number, seed: number): Promise<void> {
  const pool = hostile(50_000, seed);
  // every other one: the receiver's key id and a session of the next minute (newer than the reader's,
  // within the skew) with a random half, so it passes the header and session checks and costs a subkey
  // derivation and a decryption (the worst case)
  const nowSec = Math.floor(Date.now() / 1000);
  for (let i = 0; i < pool.length; i += 2) {
    if (pool[i]!.length < 14) continue;
    pool[i]!.writeUInt32BE(keyId >>> 0, 2);
    pool[i]!.writeUInt32BE(nowSec + 1 + (i % 60), 6);
    pool[i]!.writeUInt32BE((Math.random() * 2 ** 32) >>> 0, 10);
  }
  const sock = dgram.createSocket({ type: "udp4", sendBufferSize: 4 << 20 });
  sock.connect(port, "127.0.0.1");
  await new Promise((r) => sock.once("connect", r));
  const t0 = performance.now();
  const end = t0 + seconds * 1000;
  let sent = 0;
  let pending = 0;
  const done = () => { pending--; };
  while (performance.now() < end) {
    const due = Math.min(rate * ((performance.now() - t0) / 1000), rate * seconds);
    while (sent < due && pending < 512) {
      pending++;
      sock.send(pool[sent++ % pool.length]!, done);
    }
    await new Promise((r) => setImmediate(r));
  }
  while (pending > 0) await new Promise((r) => setImmediate(r));
  const secs = (performance.now() - t0) / 1000;
  sock.close();
  process.send!({ sent, secs });
}

async function childReader(port: number, dir: string, seconds: number): Promise<void> {
  const link = await LinkSender.open({
    to: `127.0.0.1:${port}`, key: "link.key", auth: "aes-256-gcm", mtu: 1400, rate: 12_500_000,
    fec: { repair: 0.3, group: 16, timeout: "10ms" }, queue: 8 << 20, keyframe: "2s", birth: "10s", carouselShare: 0.25,
    heartbeat: "1s", flush: "5ms", backfill: { share: 0.1 },
  }, { baseDir: dir });
  link.setCatalog(Array.from({ length: TAGS }, (_, i) => ({ alias: i, path: `plc${i % 10}/tag${i}`, type: "float64" as const })));
  const end = Date.now() + seconds * 1000;
  let k = 0;
  while (Date.now() < end) {
    const now = Date.now();
    link.update(Array.from({ length: 100 }, (_, j) => ({ alias: (k * 100 + j) % TAGS, value: Math.random(), status: 0, sourceTime: now })));
    k++;
    await sleep(10);
  }
  await sleep(50);
  await link.close();
  process.send!(link.stats());
}

// ---------------------------------------------------------------- REST client (worker thread)
const CLIENT = `
const { parentPort, workerData } = require("node:worker_threads");
const http = require("node:http");
const { url, path, seconds, conc } = workerData;
const agent = new http.Agent({ keepAlive: true, maxSockets: conc });
const lat = [];
let errors = 0;
const codes = {};
const end = Date.now() + seconds * 1000;
function one() {
  return new Promise((resolve) => {
    const t0 = process.hrtime.bigint();
    const req = http.get(url + path, { agent }, (res) => {
      res.resume();
      res.on("end", () => { if (res.statusCode !== 200) { errors++; codes[res.statusCode] = (codes[res.statusCode] || 0) + 1; } lat.push(Number(process.hrtime.bigint() - t0) / 1e6); resolve(); });
    });
    req.on("error", (e) => { errors++; codes[e.code] = (codes[e.code] || 0) + 1; resolve(); });
  });
}
async function loop() { while (Date.now() < end) { await one(); await new Promise((r) => setTimeout(r, 5)); } }
Promise.all(Array.from({ length: conc }, loop)).then(() => { agent.destroy(); parentPort.postMessage({ lat, errors, codes }); });
`;

function restLoad(url: string, path: string, seconds: number): Promise<{ lat: number[]; errors: number; codes: Record<string, number> }> {
  return new Promise((resolve, reject) => {
    const w = new Worker(CLIENT, { eval: true, workerData: { url, path, seconds, conc: 4 } });
    w.once("message", resolve);
    w.once("error", reject);
  });
}

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
const latLine = (r: { lat: number[]; errors: number; codes: Record<string, number> }) => {
  const s = r.lat.sort((a, b) => a - b);
  return `${s.length} requests, p50 ${pct(s, 50).toFixed(2)} ms, p99 ${pct(s, 99).toFixed(2)} ms, max ${pct(s, 100).toFixed(1)} ms, errors ${r.errors}${r.errors ? ` ${JSON.stringify(r.codes)}` : ""}`;
};

function child<T>(args: string[]): Promise<T> {
  return new Promise((resolve, reject) => {
    const c = fork(self, args, { execArgv: process.execArgv });
    c.once("message", (m) => resolve(m as T));
    c.once("error", reject);
    c.once("exit", (code) => { if (code) reject(new Error(`child ${args[0]} exited with ${code}`)); });
  });
}

interface LinkJson { datagramsReceived: number; framesReceived: number; rejected: Record<string, number> }

async function main(): Promise<void> {
  const [secArg, rateArg, procArg] = process.argv.slice(2);
  const SECONDS = Number(secArg ?? 10);
  const RATE = Number(rateArg ?? 600_000);
  const PROCS = Number(procArg ?? 2);
  const dir = mkdtempSync(join(tmpdir(), "sluice-flood-"));
  try {
    const key = keygen(join(dir, "link.key"));
    writeFileSync(join(dir, "receiver.yaml"), "link: { listen: 127.0.0.1:0, key: link.key }\npolicy: allow-all\nrest: { listen: 127.0.0.1:0 }\nopcua: { enabled: false }\n");
    const rx = await startReceiver(join(dir, "receiver.yaml"), { logger: silentLogger });
    const link = async () => (await (await fetch(`${rx.rest}/api/v1/link`)).json()) as LinkJson;
    const path = "/api/v1/tags/plc7/tag7";
    try {
      // quiet: the reader alone, REST latency without a flood
      const quietReader = child<Record<string, number>>(["reader", String(rx.link.port), dir, String(SECONDS)]);
      // the birth is in (on a loaded machine this can take seconds; the REST figures must not be of 404s)
      const t0 = Date.now();
      while ((await fetch(rx.rest + path)).status !== 200) {
        if (Date.now() - t0 > 30_000) throw new Error(`${path} still unknown after 30 s: the reader's birth did not arrive`);
        await sleep(50);
      }
      const quiet = await restLoad(rx.rest, path, SECONDS - 2);
      const qs = await quietReader;
      await sleep(500);
      const afterQuiet = await link();

      // the flood: flooders and the reader start together; REST measured meanwhile
      const floods = Array.from({ length: PROCS }, (_, i) =>
        child<{ sent: number; secs: number }>(["flood", String(rx.link.port), String(RATE / PROCS), String(SECONDS), String(key.id), String(i + 1)]));
      const reader = child<Record<string, number>>(["reader", String(rx.link.port), dir, String(SECONDS)]);
      await sleep(1000);
      const during = await restLoad(rx.rest, path, SECONDS - 2);
      const fl = await Promise.all(floods);
      const rs = await reader;
      await sleep(1500);
      const after = await link();

      const sent = fl.reduce((a, f) => a + f.sent, 0);
      const secs = Math.max(...fl.map((f) => f.secs));
      const frames = after.framesReceived - afterQuiet.framesReceived;
      const absorbed = after.datagramsReceived - afterQuiet.datagramsReceived - rs.linkDatagramsSent!;
      const rej = Object.entries(after.rejected).filter(([, n]) => n > 0).map(([r, n]) => `${r} ${n}`).join(", ");
      process.stdout.write([
        `flood: ${PROCS} flooder process(es), target ${RATE} datagrams/s for ${SECONDS} s, receiver intake in its worker thread`,
        `  quiet: reader frames ${afterQuiet.framesReceived} / ${qs.linkFramesSent} delivered; REST ${path}: ${latLine(quiet)}`,
        `  flood sent: ${sent} datagrams in ${secs.toFixed(1)} s = ${Math.round(sent / secs)} /s reached`,
        `  receiver absorbed: ${absorbed} hostile datagrams (${((100 * absorbed) / sent).toFixed(1)} %; the rest dropped by the kernel at the full socket buffer); rejected so far: ${rej}`,
        `  genuine frames during the flood: ${frames} / ${rs.linkFramesSent} delivered = ${((100 * frames) / rs.linkFramesSent!).toFixed(2)} %`,
        `  REST during the flood ${path}: ${latLine(during)}`,
        "",
      ].join("\n"));
    } finally {
      await rx.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const [role, ...args] = process.argv.slice(2);
if (role === "flood") await childFlood(Number(args[0]), Number(args[1]), Number(args[2]), Number(args[3]), Number(args[4]));
else if (role === "reader") await childReader(Number(args[0]), args[1]!, Number(args[2]));
else {
  main().catch((e: unknown) => {
    process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
    process.exitCode = 1;
  });
}
