/**
 * Link transport throughput and hostile-input absorption on loopback.
 *
 * Run (prints figures, asserts nothing):
 *   TS_NODE_TRANSPILE_ONLY=1 node --no-warnings --loader @isaacs/ts-node-temp-fork-for-pr-2009/esm test/bench/link-transport.ts [frames=200000] [hostile=1000000]
 *
 *   child process: TransportSender (seal + FEC + pacing) ──UDP──▶ main: TransportIntake (open + FEC + reassembly)
 *   child process: 1,000,000 hostile datagrams          ──UDP──▶ main: TransportIntake (counted, dropped)
 *
 * The sending side runs in a child process so it does not share the intake's
 * event loop (2 cores: one each). Figures:
 *   1. full-size frames (one 1400-byte datagram each) and delta-sized frames
 *      (120..719 bytes), default FEC, unlimited rate and paced at 50 MB/s:
 *      datagrams/s, payload MB/s, wire MB/s, and the loss check;
 *   2. the receive pipeline alone (no socket) on hostile input: datagrams/s;
 *   3. hostile datagrams through the socket: datagrams/s absorbed, kernel
 *      drops, rejects by reason, while a genuine sender keeps going.
 * Wall-clock rates depend on what else the machine runs; the "per CPU-second"
 * figures (process CPU time) are the load-independent cost.
 */
import { fork } from "node:child_process";
import { fileURLToPath } from "node:url";
import { silentLogger } from "../../src/core/log.js";
import { TransportIntake } from "../../src/link/transport/intake.js";
import { LinkReceiver } from "../../src/link/transport/receive.js";
import { TransportSender } from "../../src/link/transport/sender.js";
import { KEY_A, KEY_B, hostile } from "../fixtures/link-transport.js";
import dgram from "node:dgram";

const self = fileURLToPath(import.meta.url);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// ---------------------------------------------------------------- child roles
async function childSend(port: number, frames: number, kind: string, rate: number): Promise<void> {
  const s = await TransportSender.open({ host: "127.0.0.1", port, key: KEY_A, rate, queueBytes: 16 << 20, closeTimeoutMs: 60_000 });
  const t0 = performance.now();
  for (let i = 0; i < frames;) {
    const size = kind === "full" ? s.maxPayload : 120 + ((i * 7919) % 600);
    if (s.send(Buffer.alloc(size, i & 0xff))) i++;
    else await new Promise((r) => setImmediate(r));
  }
  await s.close();
  const cpu = process.cpuUsage();
  process.send!({ ...s.stats(), secs: (performance.now() - t0) / 1000, cpu: (cpu.user + cpu.system) / 1e6 });
}

async function childHostile(port: number, count: number): Promise<void> {
  const pool = hostile(100_000, 5);
  const sock = dgram.createSocket({ type: "udp4", sendBufferSize: 4 << 20 });
  sock.connect(port, "127.0.0.1");
  await new Promise((r) => sock.once("connect", r));
  const t0 = performance.now();
  let sent = 0;
  let pending = 0;
  const done = () => { pending--; };
  while (sent < count) {
    while (pending < 256 && sent < count) {
      pending++;
      sock.send(pool[sent++ % pool.length]!, done);
    }
    await new Promise((r) => setImmediate(r));
  }
  while (pending > 0) await new Promise((r) => setImmediate(r));
  sock.close();
  process.send!({ sent, secs: (performance.now() - t0) / 1000 });
}

function child(role: string, ...args: (string | number)[]): Promise<Record<string, number>> {
  const c = fork(self, [role, ...args.map(String)], { execArgv: process.execArgv });
  return new Promise((res, rej) => {
    c.once("message", (m) => res(m as Record<string, number>));
    c.once("exit", (code) => { if (code) rej(new Error(`${role} exited ${code}`)); });
  });
}

// ---------------------------------------------------------------- main
async function throughput(frames: number, kind: "full" | "delta", rate: number): Promise<void> {
  const intake = await TransportIntake.open({ host: "127.0.0.1", port: 0, keys: [KEY_A] });
  let got = 0;
  let bytes = 0;
  intake.on("frame", (p: Uint8Array) => { got++; bytes += p.length; });
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const s = await child("send", intake.address().port, frames, kind, rate);
  const end = Date.now() + 5_000;
  while (got < frames && Date.now() < end) await sleep(20);
  const secs = (performance.now() - t0) / 1000;
  const c1 = process.cpuUsage(c0);
  const rxCpu = (c1.user + c1.system) / 1e6;
  const st = intake.stats();
  await intake.close();
  const wire = s.bytesSent! + s.datagramsSent! * 28;
  console.log(`  ${kind.padEnd(5)} rate ${rate ? `${rate / 1e6} MB/s` : "unlimited"}: ${frames} frames, ${s.datagramsSent} datagrams in ${secs.toFixed(2)} s`
    + ` = ${Math.round(s.datagramsSent! / secs)} datagrams/s, payload ${(bytes / secs / 1e6).toFixed(1)} MB/s, wire ${(wire / secs / 1e6).toFixed(1)} MB/s;`
    + ` received ${got} (${got === frames ? "0 loss" : `${frames - got} missing`}), FEC-recovered ${st.framesRecovered},`
    + ` datagrams lost ${s.datagramsSent! - st.datagramsReceived}`);
  console.log(`        CPU cost (load-independent): sender ${Math.round(s.datagramsSent! / s.cpu!)} datagrams per CPU-second,`
    + ` intake ${Math.round(st.datagramsReceived / rxCpu)} datagrams per CPU-second`);
}

function pipelineOnly(n: number): void {
  const pool = hostile(50_000, 3);
  let rejected = 0;
  const rx = new LinkReceiver({
    keys: [KEY_A, KEY_B], auth: "aes-256-gcm", mtu: 1400, fecGroups: 64, reassembly: { frames: 256, bytes: 32 << 20, timeoutMs: 2000 },
  }, { frame: () => undefined, session: () => undefined, reject: () => { rejected++; } }, silentLogger);
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  for (let i = 0; i < n; i++) rx.handle(pool[i % pool.length]!, 0);
  const secs = (performance.now() - t0) / 1000;
  const c1 = process.cpuUsage(c0);
  console.log(`  pipeline only: ${n} hostile datagrams in ${secs.toFixed(2)} s = ${Math.round(n / secs)} datagrams/s`
    + ` (${Math.round(n / ((c1.user + c1.system) / 1e6))} per CPU-second; ${rejected} rejected)`);
}

async function flood(count: number): Promise<void> {
  const intake = await TransportIntake.open({ host: "127.0.0.1", port: 0, keys: [KEY_A] });
  let good = 0;
  intake.on("frame", () => good++);
  const port = intake.address().port;
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const [h, g] = await Promise.all([child("hostile", port, count), child("send", port, 20_000, "delta", 2_000_000)]);
  await sleep(200);
  const secs = (performance.now() - t0) / 1000;
  const c1 = process.cpuUsage(c0);
  const st = intake.stats();
  await intake.close();
  const rejected = Object.values(st.rejected).reduce((a, b) => a + b, 0);
  console.log(`  socket: ${h.sent} hostile datagrams sent in ${h.secs!.toFixed(2)} s; intake absorbed ${rejected} (${Math.round(rejected / secs)} datagrams/s,`
    + ` ${Math.round(st.datagramsReceived / ((c1.user + c1.system) / 1e6))} per CPU-second),`
    + ` kernel-dropped ${h.sent! + g.datagramsSent! - st.datagramsReceived}; rejects ${JSON.stringify(st.rejected)}`);
  console.log(`  meanwhile a genuine sender at 2 MB/s: ${good}/20000 frames arrived (${st.framesRecovered} via FEC, ${st.framesLost} lost)`);
}

const [role, ...rest] = process.argv.slice(2);
if (role === "send") await childSend(Number(rest[0]), Number(rest[1]), rest[2]!, Number(rest[3]));
else if (role === "hostile") await childHostile(Number(rest[0]), Number(rest[1]));
else {
  const frames = Number(role ?? 200_000);
  const hostileCount = Number(rest[0] ?? 1_000_000);
  console.log(`link transport bench (node ${process.version}, default FEC: groups of 16 + 5 repair, AES-256-GCM)`);
  console.log("1. seal + FEC + UDP + open, sender in a child process:");
  await throughput(frames, "full", 0);
  await throughput(frames, "delta", 0);
  await throughput(frames / 2, "full", 50_000_000);
  console.log("2. receive pipeline on hostile input:");
  pipelineOnly(hostileCount);
  console.log("3. hostile flood through the socket:");
  await flood(hostileCount);
}
