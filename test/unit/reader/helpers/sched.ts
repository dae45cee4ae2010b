/** Builders for scheduler tests. */
import type { Sample } from "../../../../src/core/model.js";
import { silentLogger } from "../../../../src/core/log.js";
import { Scheduler, type SchedSource, type SchedTag } from "../../../../src/reader/scheduler.js";
import { FakeClock } from "./fake-clock.js";
import { TestDevice, testFactory } from "./test-driver.js";

export function tag(alias: number, address: string): SchedTag {
  return { alias, path: `src/${address}`, address, type: "int16", spec: { scaling: { kind: "none" }, deadband: 0 } };
}

export function source(name: string, over: Partial<SchedSource> = {}, groups?: SchedSource["groups"]): SchedSource {
  return {
    name, protocol: "modbus", endpoint: name, timeoutMs: 1000,
    backoff: { minMs: 500, maxMs: 2000 }, failuresToDown: 3, rebuildAfter: 5, options: {},
    groups: groups ?? [{ intervalMs: 100, tags: [tag(0, "a")] }],
    ...over,
  };
}

export interface Rig {
  clock: FakeClock;
  samples: Sample[];
  sched: Scheduler;
  devices: Record<string, TestDevice>;
  /** samples of one alias, in order */
  of(alias: number): Sample[];
}

export function rig(t: { teardown(fn: () => unknown): void }, sources: SchedSource[], random: () => number = () => 0.5): Rig {
  const clock = new FakeClock();
  const devices: Record<string, TestDevice> = {};
  for (const s of sources) devices[s.endpoint] = new TestDevice(clock);
  const samples: Sample[] = [];
  const sched = new Scheduler(sources, {
    factories: () => testFactory(devices), logger: silentLogger, clock, random,
    onSamples: (s) => { samples.push(...s); },
  });
  t.teardown(() => sched.stop());
  return { clock, samples, sched, devices, of: (a) => samples.filter((s) => s.alias === a) };
}
