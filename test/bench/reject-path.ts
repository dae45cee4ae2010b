/**
 * The intake's reject path alone (no socket, one thread): CPU time per hostile
 * datagram in LinkReceiver.handle, for the flood bench's mix: plain garbage, and
 * forgeries re-addressed to the receiver's key id with a fresh session (each costs a
 * subkey derivation and a failed decryption). The ceiling of one intake thread is
 * 1e6 / (µs per datagram) datagrams/s, before the kernel's recvmsg and Node's
 * per-datagram "message" callback (measured here too, on loopback).
 *
 * Run (prints figures, asserts nothing):
 *   TS_NODE_TRANSPILE_ONLY=1 node --no-warnings --import @tapjs/typescript/import test/bench/reject-path.ts [datagrams=200000]
 */
import { loadavg } from "node:os";
import { silentLogger } from "../../src/core/log.js";
import { LinkReceiver } from "../../src/link/transport/receive.js";
import { hostile, KEY_A } from "../fixtures/link-transport.js";

const OPTS = { keys: [KEY_A], auth: "aes-256-gcm" as const, mtu: 1400, fecGroups: 64, reassembly: { frames: 256, bytes: 32 << 20, timeoutMs: 2000 } };
const N = Number(process.argv[2] ?? 200_000);
const pool = hostile(50_000, 1);
const garbage: Buffer[] = [];
const forged: Buffer[] = [];
const nowSec = Math.floor(Date.now() / 1000);
pool.forEach((d, i) => {
  if (i % 2 === 1 || d.length < 14) { garbage.push(d); return; }
  const f = Buffer.from(d);
  f.writeUInt32BE(KEY_A.id >>> 0, 2);
  f.writeUInt32BE(nowSec + 1 + (i % 60), 6);
  f.writeUInt32BE((Math.random() * 2 ** 32) >>> 0, 10);
  forged.push(f);
});

function run(name: string, set: Buffer[]): void {
  const rx = new LinkReceiver(OPTS, { frame: () => undefined, session: () => undefined, reject: () => undefined }, silentLogger);
  const reasons: Record<string, number> = {};
  const rx2 = new LinkReceiver(OPTS, { frame: () => undefined, session: () => undefined, reject: (r) => { reasons[r] = (reasons[r] ?? 0) + 1; } }, silentLogger);
  for (const d of set.slice(0, 2000)) rx2.handle(d, Date.now());
  for (let i = 0; i < 5000; i++) rx.handle(set[i % set.length]!, Date.now()); // warm up
  const c0 = process.cpuUsage();
  const now = Date.now();
  for (let i = 0; i < N; i++) rx.handle(set[i % set.length]!, now);
  const c = process.cpuUsage(c0);
  const us = (c.user + c.system) / N;
  console.log(`${name}: ${us.toFixed(2)} µs cpu per datagram (${Math.round(1e6 / us / 1000)}k/s per core); reasons ${JSON.stringify(reasons)}`);
}

run("garbage (wrong key id, bad header...)", garbage);
run("forgeries (receiver's key id, fresh session)", forged);
run("flood mix (half each)", pool.map((_, i) => (i % 2 ? garbage[i % garbage.length]! : forged[i % forged.length]!)));
console.log(`load average ${loadavg().map((x) => x.toFixed(1)).join(" ")}`);
