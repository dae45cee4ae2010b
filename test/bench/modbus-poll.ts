/**
 * What one Modbus TCP poll costs the reader's side, one request at a time and with
 * several in flight (modbus.maxInFlight): back-to-back polls of N holding registers
 * (uint16, 125 per request) from the project's simulator in its own process, so the
 * CPU counted (process.cpuUsage) is the driver's alone.
 *
 * Run (prints figures, asserts nothing):
 *   TS_NODE_TRANSPILE_ONLY=1 node --no-warnings --import @tapjs/typescript/import test/bench/modbus-poll.ts [tags=10000] [seconds=5] [inFlight=1,8]
 *
 *   this process: Modbus driver ──TCP (loopback)──▶ child: plant/plc.ts (simulator, registers changing every 100 ms)
 *
 * Each setting is run twice, interleaved, so a drift of the machine shows.
 */
import { fork } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { modbusDriver } from "../../src/drivers/modbus/index.js";
import { BASE } from "./plant/proc.js";

const [tagsArg, secondsArg, inFlightArg] = process.argv.slice(2);
const TAGS = Number(tagsArg ?? 10_000);
const SECONDS = Number(secondsArg ?? 5);
const SETTINGS = (inFlightArg ?? "1,8").split(",").map(Number);

const plc = fork(fileURLToPath(new URL("./plant/plc.ts", import.meta.url)), [String(TAGS), "100", "100"], { execArgv: process.execArgv });
const [{ port }] = (await once(plc, "message")) as [{ port: number }];
const points = Array.from({ length: TAGS }, (_, index) => {
  const { address, type } = modbusDriver.parseAddress(`hr:${BASE + index}:uint16`);
  return { index, address, type: type! };
});

console.log(`| modbus.maxInFlight | requests per poll | poll, ms | driver CPU per poll, ms | per request, µs |\n|---|---|---|---|---|`);
try {
  for (const maxInFlight of [...SETTINGS, ...SETTINGS]) {
    const d = modbusDriver.create({ name: "bench", endpoint: `127.0.0.1:${port}`, timeoutMs: 2000, options: { maxInFlight } });
    await d.connect();
    const plan = d.plan(points);
    for (let i = 0; i < 20; i++) await d.read(plan); // warm up
    const cpu0 = process.cpuUsage();
    const t0 = Date.now();
    let polls = 0;
    while (Date.now() - t0 < SECONDS * 1000) {
      await d.read(plan);
      polls++;
    }
    const ms = Date.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    const cpuMs = (cpu.user + cpu.system) / 1000 / polls;
    console.log(`| ${maxInFlight} | ${plan.requests} | ${(ms / polls).toFixed(1)} | ${cpuMs.toFixed(2)} | ${((cpuMs / plan.requests) * 1000).toFixed(0)} |`);
    await d.close();
  }
} finally {
  plc.kill();
}
