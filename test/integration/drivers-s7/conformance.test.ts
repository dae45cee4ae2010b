/**
 * The driver conformance suite for the S7 driver against the snap7 server
 * (node-snap7's S7Server, an independent S7 implementation) behind
 * src/demo/sim/s7.ts: every S7 type in a DB, M, I and Q, plus the moving values.
 */
import t from "tap";
import { s7Driver } from "../../../src/drivers/s7/index.js";
import { S7_SIM_MOVING, S7_SIM_VALUES, startS7Sim, type S7Sim } from "../../../src/demo/sim/s7.js";
import { runConformance, type ConformancePoint } from "../drivers/conformance.js";

void t.test("s7 vs snap7", async (t) => {
  let sim: S7Sim | undefined;
  let port = 0;
  await runConformance(t, {
    name: "s7 vs snap7",
    factory: s7Driver,
    async start() { sim = await startS7Sim({ port }); port = sim.port; },
    source: () => ({ name: "plc", endpoint: `127.0.0.1:${port}`, timeoutMs: 1000, options: { slot: 1 } }),
    points: [
      ...Object.entries(S7_SIM_VALUES).map(([address, value]): ConformancePoint => ({ address, value })),
      { address: S7_SIM_MOVING.temperature, value: (v) => typeof v === "number" && v >= 14.9 && v <= 25.1 },
      { address: S7_SIM_MOVING.counter, value: (v) => typeof v === "number" && Number.isInteger(v) && v >= 0 },
      { address: S7_SIM_MOVING.running, value: (v) => typeof v === "boolean" },
    ],
    requests: 1, // 40 items in DB1, DB2, M, I, Q: six blocks, one 240-byte PDU
    kill: async () => { await sim!.close(); },
    async restart() { sim = await startS7Sim({ port }); },
    stop: async () => { await sim?.close(); },
  });
});
