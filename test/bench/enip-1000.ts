/**
 * 1,000 Logix tags polled every 500 ms from the simulated controller, over a
 * class-3 connection (Large Forward Open, the default) and with unconnected
 * messages: round trips per poll, read latency, and the update rate achieved.
 *
 * Run (prints figures, asserts nothing):
 *   TS_NODE_TRANSPILE_ONLY=1 node --no-warnings --import @tapjs/typescript/import test/bench/enip-1000.ts [seconds=10] [intervalMs=500] [tags=1000]
 *
 * The poll loop is fixed-rate like the reader's scheduler: a poll starts on
 * every tick unless the previous one is still running (then it is an overrun).
 * For comparison it also prints how many packets ethernet-ip's own TagGroup
 * (300-byte packets, whole group fails on one bad tag) would need.
 */
import ethernetIp from "ethernet-ip";
import { enipDriver } from "../../src/drivers/enip/index.js";
import { startEnipSim, type EnipSim } from "../../src/demo/sim/enip/index.js";
import { Status } from "../../src/core/status.js";

const [seconds = 10, intervalMs = 500, count = 1000] = process.argv.slice(2).map(Number);
const names = Array.from({ length: count }, (_, i) => `Line${Math.floor(i / 100)}_Tag${String(i).padStart(4, "0")}`);

async function run(host: string, connected: boolean): Promise<void> {
  const sim: EnipSim = await startEnipSim({ host, demoTags: false });
  names.forEach((n, i) => sim.setTag(n, i % 2 === 0 ? "DINT" : "REAL", i % 2 === 0 ? i : i / 4));
  const driver = enipDriver.create({ name: "bench", endpoint: host, timeoutMs: 2000, options: { connected } });
  await driver.connect();
  const plan = driver.plan(names.map((n, index) => ({ index, address: enipDriver.parseAddress(n).address, type: index % 2 === 0 ? "int32" : "float32" })));
  const latencies: number[] = [];
  let polls = 0;
  let overruns = 0;
  let good = 0;
  let bad = 0;
  let busy = false;
  const before = sim.stats.requests;
  const started = Date.now();
  await new Promise<void>((resolve) => {
    const timer = setInterval(() => {
      if (Date.now() - started >= seconds * 1000) {
        if (!busy) { clearInterval(timer); resolve(); }
        return;
      }
      if (busy) { overruns++; return; }
      busy = true;
      const t0 = performance.now();
      driver.read(plan).then((res) => {
        latencies.push(performance.now() - t0);
        polls++;
        for (const r of res) if (r.status === Status.Good) good++; else bad++;
      }, (e: unknown) => { bad += count; console.error("poll failed:", String(e)); }).finally(() => { busy = false; });
    }, intervalMs);
  });
  const elapsed = (Date.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))]!.toFixed(1);
  console.log(`${connected ? "connected (Large Forward Open)" : "unconnected (UCMM)"}:`);
  console.log(`  round trips per poll : ${plan.requests} planned, ${((sim.stats.requests - before) / Math.max(1, polls)).toFixed(1)} measured`);
  console.log(`  read latency         : p50 ${pct(0.5)} ms, p95 ${pct(0.95)} ms, max ${pct(1)} ms`);
  console.log(`  polls                : ${polls} in ${elapsed.toFixed(1)} s, ${overruns} overruns (target ${(1000 / intervalMs).toFixed(1)}/s)`);
  console.log(`  update rate          : ${(good / elapsed).toFixed(0)} tag values/s Good (${bad} not Good)`);
  await driver.close();
  await sim.close();
}

const group = new ethernetIp.TagGroup();
for (const n of names) group.add(new ethernetIp.Tag(n));
console.log(`enip bench: ${count} tags (${names[0]} .. ${names[count - 1]}), DINT/REAL, interval ${intervalMs} ms, ${seconds} s each`);
console.log(`  ethernet-ip TagGroup would need ${group.generateReadMessageRequests().length} packets per poll (300-byte packing)`);
await run("127.0.77.50", true);
await run("127.0.77.51", false);
