/**
 * The whole link pipeline, reader to receiver: updates/s, bytes per update against
 * Sparkplug B, and latency. Prints a table, asserts nothing.
 *
 * Run:
 *   TS_NODE_TRANSPILE_ONLY=1 node --no-warnings --import @tapjs/typescript/import test/bench/link-pipeline.ts [seconds=5] [tags=100000] [rate=0]
 * (LAT_TRACE=1 runs only the latency phase and prints every frame that took over 20 ms.)
 *
 *   child process (reader side):  update() ─▶ Publisher ─▶ encode ─▶ seal (AES-256-GCM) ─▶ FEC ─▶ pace ─▶ UDP
 *   this process (receiver side): UDP ─▶ verify ─▶ FEC/reassembly ─▶ decode ─▶ Replica apply ─▶ "samples"
 *
 * The two ends run in separate processes (2 cores: one each). Updates come in
 * poll-group batches: 100 consecutive tags share a source time and half of them change
 * (aliases 2 apart); types float32 40 %, float64 10 %, int32 20 %, int16 10 %, bool 10 %,
 * uint16 10 %. Figures:
 *   1. throughput: as fast as the sender can go for `seconds` (or paced at `rate` wire
 *      bytes/s), counting delta samples applied at the receiver; the loss check compares
 *      them with the updates sent;
 *   2. bytes per update: frame bytes and wire bytes (auth header, FEC repair, IP/UDP)
 *      next to the same updates as Sparkplug B DDATA payloads (sparkplug-payload), one
 *      payload per sluice frame, so batching is equal;
 *   3. latency at 100,000 updates/s: update() call to apply at the receiver, from
 *      float64 values that carry the sender's high-resolution send time.
 */
import { fork } from "node:child_process";
import { mkdtempSync } from "node:fs";
import os, { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import sparkplug from "sparkplug-payload";
import type { Sample, TagDef, TagType } from "../../src/core/model.js";
import { ReaderLink, ReceiverLink } from "../../src/config/link.js";
import { validate } from "../../src/config/load.js";
import { CatalogIndex, decodeFrame, LinkReceiver, LinkSender, Publisher } from "../../src/link/index.js";
import { keygen } from "../../src/link/keys.js";

const self = fileURLToPath(import.meta.url);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const hrNow = () => performance.timeOrigin + performance.now();
const TYPES: TagType[] = ["float32", "float32", "float32", "float32", "float64", "int32", "int32", "int16", "bool", "uint16"];
const GROUP = 100;

function makeTags(n: number): TagDef[] {
  return Array.from({ length: n }, (_, alias) => ({ alias, path: `plc${Math.floor(alias / 1000)}/tag${alias}`, type: TYPES[alias % 10]! }));
}

/** One poll group's changes: half the group (every other tag), one source time. */
function pollBatch(tags: TagDef[], group: number, k: number, time: number): Sample[] {
  const out: Sample[] = [];
  const start = (group * GROUP) % tags.length;
  for (let a = start + (k & 1); a < Math.min(start + GROUP, tags.length); a += 2) {
    const t = tags[a]!;
    let value: Sample["value"];
    switch (t.type) {
      case "float32": case "float64": value = 20 + ((a * 7 + k * 13) % 1000) * 0.137; break;
      case "bool": value = (k + a) % 2 === 0; break;
      default: value = (a + k * 3) % 30000;
    }
    out.push({ alias: a, value, status: 0, sourceTime: time });
  }
  return out;
}

function readerCfg(port: number, rate: number) {
  return validate(ReaderLink, {
    to: `127.0.0.1:${port}`, key: "link.key", rate: rate > 0 ? rate : 1_000_000_000, flush: "1ms", queue: 16 << 20,
  }, "bench-reader.yaml");
}

// ---------------------------------------------------------------- child: the reader side
async function childSend(dir: string, port: number, nTags: number, mode: string, seconds: number, rate: number): Promise<void> {
  const tx = await LinkSender.open(readerCfg(port, rate), { baseDir: dir });
  const tags = makeTags(nTags);
  tx.setCatalog(tags);
  while ((tx.stats().startup ?? 0) === 1 || (tx.stats().linkQueueBytes ?? 0) > 0) await sleep(20);
  // Start only once the receiver holds the catalogue and a full keyframe (it may lag behind).
  await new Promise<void>((res) => { process.once("message", () => res()); process.send!({ ready: true }); });
  let updates = 0, k = 0, group = 0;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const end = t0 + seconds * 1000;
  if (mode === "max") {
    while (performance.now() < end) {
      if ((tx.stats().linkQueueBytes ?? 0) > 2 << 20) { await new Promise((r) => setImmediate(r)); continue; }
      const now = Date.now();
      for (let i = 0; i < 20; i++) {
        const b = pollBatch(tags, group++, k++, now);
        tx.update(b);
        updates += b.length;
      }
      await new Promise((r) => setImmediate(r));
    }
  } else {
    // Paced: `perSec` updates/s of float64 tags whose value is the send time.
    const perSec = Number(mode);
    const f64 = tags.filter((t) => t.type === "float64").map((t) => t.alias);
    let cursor = 0;
    while (performance.now() < end) {
      const due = Math.floor(((performance.now() - t0) / 1000) * perSec) - updates;
      if (due > 0) {
        const batch: Sample[] = new Array(due);
        const now = hrNow();
        for (let i = 0; i < due; i++) batch[i] = { alias: f64[cursor++ % f64.length]!, value: hrNow(), status: 0, sourceTime: Math.floor(now) };
        tx.update(batch);
        updates += due;
      }
      await sleep(1);
    }
  }
  const secs = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  await tx.close();
  process.send!({ done: true, updates, secs, cpuSecs: (cpu.user + cpu.system) / 1e6, ...tx.stats() });
}

// ---------------------------------------------------------------- main: the receiver side
interface RunResult { sent: Record<string, number>; received: number; rxSecs: number; latencies: number[]; rejected: number; lost: number; cpuSecs: number }

async function run(dir: string, nTags: number, mode: string, seconds: number, rate: number): Promise<RunResult> {
  const rx = await LinkReceiver.open(validate(ReceiverLink, { listen: "127.0.0.1:0", key: "link.key" }, "bench-receiver.yaml"), { baseDir: dir });
  let received = 0, first = 0, last = 0;
  const latencies: number[] = [];
  const measure = mode !== "max";
  let keyframeSamples = 0;
  rx.on("samples", (samples: Sample[], info: { kind: string }) => {
    if (info.kind !== "delta") { keyframeSamples += samples.length; return; }
    const now = performance.now();
    if (received === 0) first = now;
    last = now;
    received += samples.length;
    if (measure) {
      const hr = performance.timeOrigin + now;
      for (const s of samples) latencies.push(hr - (s.value as number));
      if (process.env.LAT_TRACE) { const l = hr - (samples[0]!.value as number); if (l > 20) console.log(`  late frame at +${((now - first) / 1000).toFixed(3)} s: ${l.toFixed(1)} ms, ${samples.length} samples`); }
    }
  });
  const child = fork(self, ["send", dir, String(rx.address().port), String(nTags), mode, String(seconds), String(rate)], { execArgv: process.execArgv });
  let cpu0 = process.cpuUsage();
  const sent = await new Promise<Record<string, number>>((res, rej) => {
    child.on("message", (m: Record<string, number>) => {
      if (m.done) res(m);
      else if (m.ready) {
        void (async () => {
          while (!rx.stats().birth || keyframeSamples < nTags) await sleep(20);
          await sleep(200);
          cpu0 = process.cpuUsage();
          child.send("go");
        })();
      }
    });
    child.once("exit", (code) => { if (code) rej(new Error(`sender exited ${code}`)); });
  });
  const deadline = Date.now() + 10_000;
  while (received < sent.updates! && Date.now() < deadline) await sleep(20);
  const cpu = process.cpuUsage(cpu0);
  const st = rx.stats();
  await rx.close();
  return {
    sent, received, rxSecs: (last - first) / 1000, latencies, lost: st.framesLost,
    rejected: Object.values(st.rejected).reduce((a, b) => a + b, 0), cpuSecs: (cpu.user + cpu.system) / 1e6,
  };
}

/** Frame bytes of the same stream, and the same updates as Sparkplug B payloads (one per frame). */
function wireSizes(nTags: number, updates: number, maxPayload: number): { frame: number; sparkplug: number; count: number; frames: number } {
  const tags = makeTags(nTags);
  const frames: Uint8Array[] = [];
  const pub = new Publisher({
    maxPayload, carouselRate: 1e12, keyframeMs: 1e9, birthMs: 1e9, heartbeatMs: 1e9, flushMs: 1e9,
    send: (b, kind) => { if (kind === "delta") frames.push(b); return true; },
  });
  pub.setCatalog(tags);
  const cat = CatalogIndex.of(tags);
  let count = 0, k = 0, group = 0;
  const t0 = 1_732_000_000_000;
  while (count < updates) {
    const b = pollBatch(tags, group++, k++, t0 + Math.floor(group / 10) * 100);
    pub.update(b);
    count += b.length;
  }
  pub.flush();
  const sp = sparkplug.get("spBv1.0")!;
  const SP_TYPE: Record<string, "Float" | "Double" | "Int32" | "Int16" | "Boolean" | "UInt16"> = {
    float32: "Float", float64: "Double", int32: "Int32", int16: "Int16", bool: "Boolean", uint16: "UInt16",
  };
  let frame = 0, spBytes = 0, seq = 0;
  for (const f of frames) {
    frame += f.length;
    const d = decodeFrame(f, cat);
    const samples = (d.body as { samples: Sample[] }).samples;
    spBytes += sp.encodePayload({
      timestamp: d.timeMs, seq: seq++ % 256,
      metrics: samples.map((s) => ({ alias: s.alias, timestamp: s.sourceTime, type: SP_TYPE[tags[s.alias]!.type]!, value: s.value as number | boolean })),
    }).length;
  }
  return { frame, sparkplug: spBytes, count, frames: frames.length };
}

function pct(a: number[], p: number): number {
  const s = [...a].sort((x, y) => x - y);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
}

const [role, ...rest] = process.argv.slice(2);
if (role === "send") {
  await childSend(rest[0]!, Number(rest[1]), Number(rest[2]), rest[3]!, Number(rest[4]), Number(rest[5]));
} else {
  const seconds = Number(role ?? 5), nTags = Number(rest[0] ?? 100_000), rate = Number(rest[1] ?? 0);
  const dir = mkdtempSync(join(tmpdir(), "sluice-bench-"));
  keygen(join(dir, "link.key"));
  console.log(`link pipeline bench: node ${process.version}, ${nTags} tags, AES-256-GCM, FEC 16+5 (repair 0.3), mtu 1400, load average ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} cores`);

  if (process.env.LAT_TRACE) { await run(dir, nTags, "100000", seconds, 0); process.exit(0); }
  const tp = await run(dir, nTags, "max", seconds, rate);
  const s = tp.sent;
  const loss = s.updates! - tp.received;
  const wireBytes = s.linkBytesSent! + s.linkDatagramsSent! * 28;
  const sz = wireSizes(nTags, 200_000, 1400 - 42 - 16 - 14);
  const deltaWire = (sz.frame + sz.frames * (42 + 16 + 14 + 28)) * (21 / 16);
  const lat = await run(dir, nTags, "100000", seconds, 0);
  const rows: Array<[string, string, string]> = [
    ["throughput, sender", `${Math.round(s.updates! / s.secs!).toLocaleString("en")} updates/s`, `${s.updates!.toLocaleString("en")} updates in ${s.secs!.toFixed(2)} s, sender CPU ${s.cpuSecs!.toFixed(1)} s`],
    ["throughput, applied", `${Math.round(tp.received / tp.rxSecs).toLocaleString("en")} updates/s`, `receiver CPU ${tp.cpuSecs.toFixed(1)} s; goal >= 2,000,000`],
    ["capacity, sender", `${Math.round(s.updates! / s.cpuSecs!).toLocaleString("en")} updates/CPU-s`, "what one dedicated core sustains (encode, seal, FEC, send)"],
    ["capacity, receiver", `${Math.round(tp.received / tp.cpuSecs).toLocaleString("en")} updates/CPU-s`, "(receive, verify, FEC, decode, apply)"],
    ["loss check", loss === 0 ? "0 lost" : `${loss} lost`, `frames lost ${tp.lost}, refused by the sender queue ${s.framesRefused}, rejected ${tp.rejected}`],
    ["frame bytes/update", (sz.frame / sz.count).toFixed(2), `${sz.count} updates in ${sz.frames} delta frames`],
    ["wire bytes/update, deltas", (deltaWire / sz.count).toFixed(2), "delta datagrams: + 72 B header/tag/FEC symbol + 28 B IP/UDP each, x 21/16 FEC"],
    ["wire bytes/update, all", (wireBytes / s.updates!).toFixed(2), "measured: also the carousel (100k tags every 2 s) and heartbeats"],
    ["Sparkplug B bytes/update", (sz.sparkplug / sz.count).toFixed(2), "same updates, one DDATA payload per sluice frame"],
    ["ratio frame/Sparkplug", (sz.frame / sz.sparkplug).toFixed(3), "goal <= 0.4"],
    ["ratio wire/Sparkplug", (deltaWire / sz.sparkplug).toFixed(3), "delta datagrams against bare Sparkplug payloads (no MQTT/TCP)"],
    ["latency p50 @100k/s", `${pct(lat.latencies, 50).toFixed(2)} ms`, `${lat.latencies.length} samples, update() to apply`],
    ["latency p99 @100k/s", `${pct(lat.latencies, 99).toFixed(2)} ms`, `max ${pct(lat.latencies, 100).toFixed(2)} ms; goal p99 <= 5 ms; ${lat.sent.updates! - lat.received} lost`],
  ];
  const w0 = Math.max(...rows.map((r) => r[0].length)), w1 = Math.max(...rows.map((r) => r[1].length));
  for (const [a, b, c] of rows) console.log(`  ${a.padEnd(w0)}  ${b.padStart(w1)}  ${c}`);
}
