/**
 * The S7 and EtherNet/IP simulators join the demo when they can start: the S7
 * one needs the optional native node-snap7 build, the Logix one the fixed port
 * 44818 on a loopback address. When one cannot start, the demo says why and
 * runs without it.
 */
import { errorMessage } from "../core/errors.js";
import { startS7Sim, S7_SIM_MOVING } from "./sim/s7.js";
import { startEnipSim, ENIP_SIM_MOVING } from "./sim/enip/index.js";
import type { DemoSource } from "./configs.js";

export interface ExtraSim { source: DemoSource; close(): Promise<void> | void }

/** Loopback addresses tried for the Logix simulator (its port is fixed at 44818). */
const ENIP_HOSTS = ["127.0.0.77", "127.0.0.78", "127.0.0.79"];

async function s7(): Promise<ExtraSim> {
  const sim = await startS7Sim({ host: "127.0.0.1", port: 0 });
  return {
    close: () => sim.close(),
    source: {
      name: "s7plc", protocol: "s7", endpoint: `127.0.0.1:${sim.port}`, interval: "500ms",
      s7: { rack: 0, slot: 1 },
      tags: [
        { name: "temperature", address: S7_SIM_MOVING.temperature, unit: "degC", description: "oven temperature, REAL" },
        { name: "counter", address: S7_SIM_MOVING.counter, description: "cycle counter, DINT" },
        { name: "running", address: S7_SIM_MOVING.running, description: "oven running, BOOL" },
      ],
    },
  };
}

async function enip(): Promise<ExtraSim> {
  let last: unknown;
  for (const host of ENIP_HOSTS) {
    try {
      const sim = await startEnipSim({ host });
      return {
        close: () => sim.close(),
        source: {
          name: "logix", protocol: "enip", endpoint: host, interval: "500ms",
          tags: [
            { name: "temperature", address: ENIP_SIM_MOVING.temperature, type: "float32", unit: "degC", description: "REAL" },
            { name: "counter", address: ENIP_SIM_MOVING.counter, type: "int32", description: "DINT" },
            { name: "running", address: ENIP_SIM_MOVING.running, type: "bool", description: "BOOL" },
          ],
        },
      };
    } catch (e) {
      last = e;
    }
  }
  throw new Error(`port 44818 is taken on ${ENIP_HOSTS.join(", ")}: ${errorMessage(last)}`);
}

export async function extraSims(say: (s: string) => void): Promise<ExtraSim[]> {
  const out: ExtraSim[] = [];
  for (const [name, start] of [["S7 (node-snap7)", s7], ["EtherNet/IP (Logix)", enip]] as const) {
    try {
      out.push(await start());
    } catch (e) {
      say(`note: the ${name} simulator could not start, the demo runs without it: ${errorMessage(e)}`);
    }
  }
  return out;
}
