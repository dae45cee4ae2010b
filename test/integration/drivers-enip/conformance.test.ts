/**
 * The driver conformance suite for the EtherNet/IP driver against the
 * simulated Logix controller (src/demo/sim/enip) on 127.0.77.40.
 */
import t from "tap";
import { enipDriver } from "../../../src/drivers/enip/index.js";
import { ENIP_SIM_MOVING, ENIP_SIM_TAGS, startEnipSim, type EnipSim } from "../../../src/demo/sim/enip/index.js";
import type { TagType } from "../../../src/core/model.js";
import { runConformance, type ConformancePoint } from "../drivers/conformance.js";

const HOST = "127.0.77.40";
const DECLARED: Record<string, TagType> = {
  BOOL: "bool", SINT: "int16", INT: "int16", DINT: "int32", LINT: "int64", USINT: "uint16", UINT: "uint16",
  UDINT: "uint32", ULINT: "uint64", REAL: "float32", LREAL: "float64", DWORD: "uint32", STRING: "string",
};

/** Connected (Large Forward Open, the default) and unconnected messaging are two paths: both run the suite. */
for (const [connected, requests] of [[true, 1], [false, 2]] as const) {
void t.test(`enip vs the Logix simulator, ${connected ? "connected" : "unconnected"}`, async (t) => {
  let sim: EnipSim | undefined;
  await runConformance(t, {
    name: `enip ${connected ? "connected" : "unconnected"} vs sim`,
    factory: enipDriver,
    async start() { sim = await startEnipSim({ host: HOST }); },
    source: () => ({ name: "logix", endpoint: `${HOST}:44818`, timeoutMs: 1000, options: { slot: 0, connected } }),
    points: [
      ...ENIP_SIM_TAGS.map((x): ConformancePoint => ({ address: x.name, type: DECLARED[x.type]!, value: x.value })),
      { address: "Flags.3", type: "bool", value: true },
      { address: "Flags.2", type: "bool", value: false },
      { address: "Dint1", type: "int64", value: -123456789n },
      { address: ENIP_SIM_MOVING.temperature, type: "float32", value: (v) => typeof v === "number" && v >= 14.9 && v <= 25.1 },
      { address: ENIP_SIM_MOVING.counter, type: "int32", value: (v) => typeof v === "number" && v >= 0 },
      { address: ENIP_SIM_MOVING.running, type: "bool", value: (v) => typeof v === "boolean" },
      { address: "NoSuchTag", type: "int32", value: null, status: 0x80890000 },
    ],
    // 35 points, 32 distinct tags: one 4000-byte connected packet, or two unconnected ones of at most 500 bytes
    requests,
    kill: async () => { await sim!.close(); },
    async restart() { sim = await startEnipSim({ host: HOST }); },
    stop: async () => { await sim?.close(); },
  });
});
}
