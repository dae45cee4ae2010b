/**
 * The conformance suite for the Modbus driver, against two servers: the
 * independent pymodbus (Debian python3-pymodbus) and sluice's own simulator.
 */
import t from "tap";
import { modbusDriver } from "../../../src/drivers/modbus/index.js";
import { MODBUS_SIM_STATIC, startModbusSim, type ModbusSim } from "../../../src/demo/sim/modbus.js";
import { startPymodbus, type PymodbusServer } from "../../fixtures/pymodbus.js";
import { everyTypeEveryOrder, layoutOf, type KnownValue } from "../../fixtures/modbus-values.js";
import { runConformance, type ConformancePoint } from "./conformance.js";

const TIMEOUT_MS = 1000;

void t.test("modbus vs pymodbus", async (t) => {
  const known: KnownValue[] = [
    ...everyTypeEveryOrder("hr", 0), // 30 points in hr:0..81: one request
    { address: "hr:200.0", value: true }, { address: "hr:200.5", value: false }, { address: "hr:200.15", value: true },
    ...everyTypeEveryOrder("ir", 10).filter((_, i) => i % 3 === 0), // ir:10..: one request
    { address: "coil:0", value: true }, { address: "coil:1", value: false }, { address: "coil:17", value: true },
    { address: "di:3", value: true }, { address: "di:4", value: false },
  ];
  let server: PymodbusServer | undefined;
  await runConformance(t, {
    name: "modbus vs pymodbus",
    factory: modbusDriver,
    async start() { server = await startPymodbus({ units: { "1": layoutOf(known) } }); },
    source: () => ({ name: "py", endpoint: server!.endpoint, timeoutMs: TIMEOUT_MS, options: {} }),
    points: known.map((k): ConformancePoint => ({ address: k.address, value: k.value })),
    requests: 5, // hr:0..81, hr:200, ir, coil, di
    kill: () => server!.kill(),
    restart: () => server!.restart(),
    stop: async () => { await server?.close(); },
  });
});

void t.test("modbus vs the modbus simulator", async (t) => {
  let sim: ModbusSim | undefined;
  let port = 0;
  const between = (lo: number, hi: number) => (v: unknown) => typeof v === "number" && v >= lo && v <= hi;
  await runConformance(t, {
    name: "modbus vs sim",
    factory: modbusDriver,
    async start() { sim = await startModbusSim({ port }); port = sim.port; },
    source: () => ({ name: "sim", endpoint: `127.0.0.1:${port}`, timeoutMs: TIMEOUT_MS, options: { unitId: 17 } }),
    points: [
      ...MODBUS_SIM_STATIC.map((k): ConformancePoint => ({ address: k.address, value: k.value })),
      { address: "hr:0:int16", value: between(215, 235) },
      { address: "hr:2:float32:CDAB", value: between(0, 15) },
      { address: "coil:0", value: (v) => typeof v === "boolean" },
    ],
    requests: 5, // hr:0..5, hr:100..124, ir:0..3, coil:0..3, di:0..7
    kill: async () => { await sim!.close(); },
    async restart() { sim = await startModbusSim({ port }); },
    stop: async () => { await sim?.close(); },
  });
});
