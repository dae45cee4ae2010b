/**
 * The scheduler against the real Modbus driver and the real Modbus simulator
 * on loopback: request coalescing counted at the server, exact values, and a
 * PLC that dies and comes back (Uncertain, then Bad, then Good) while another
 * PLC stays Good.
 */
import t from "tap";
import type { Sample } from "../../../src/core/model.js";
import { silentLogger } from "../../../src/core/log.js";
import { Status, statusName } from "../../../src/core/status.js";
import { modbusDriver } from "../../../src/drivers/modbus/index.js";
import type { DriverFactory } from "../../../src/drivers/contract.js";
import { startModbusSim, type ModbusSim } from "../../../src/demo/sim/modbus.js";
import { Scheduler, type SchedSource, type SchedTag } from "../../../src/reader/scheduler.js";

const factories = () => modbusDriver as DriverFactory;

function tags(addresses: string[], firstAlias = 0): SchedTag[] {
  return addresses.map((a, i) => {
    const p = modbusDriver.parseAddress(a);
    return { alias: firstAlias + i, path: `x/${a}`, address: p.address, type: p.type!, spec: { scaling: { kind: "none" }, deadband: 0 } };
  });
}

function source(name: string, sim: ModbusSim, intervalMs: number, t: SchedTag[], over: Partial<SchedSource> = {}): SchedSource {
  return {
    name, protocol: "modbus", endpoint: `127.0.0.1:${sim.port}`, timeoutMs: 500,
    backoff: { minMs: 100, maxMs: 1000 }, failuresToDown: 3, rebuildAfter: 5, options: {},
    groups: [{ intervalMs, tags: t }], ...over,
  };
}

async function until(what: string, cond: () => boolean, ms = 15_000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

void t.test("1,000 holding registers at 100 ms: ceil(1000/125) = 8 requests per poll, exact values", async (t) => {
  const sim = await startModbusSim({ size: 2000 });
  t.teardown(() => sim.close());
  const N = 1000;
  const expected = (i: number, k: number) => (i * 37 + 11 + k * 1000) & 0xffff;
  for (let i = 0; i < N; i++) sim.holding[1000 + i] = expected(i, 0);
  const addrs = Array.from({ length: N }, (_, i) => `hr:${1000 + i}:uint16`);
  const latest = new Map<number, Sample>();
  const atPoll: { requests: number; polls: number }[] = [];
  let sched: Scheduler | undefined = undefined;
  sched = new Scheduler([source("big", sim, 100, tags(addrs))], {
    factories, logger: silentLogger,
    onSamples: (ss) => {
      for (const s of ss) latest.set(s.alias, s);
      // the first block's values go out as soon as its request is answered (the rest follow per request)
      if (ss.some((s) => s.alias === 0 && s.status === Status.Good)) atPoll.push({ requests: sim.stats.requests, polls: sched!.health()[0]!.pollsOk });
    },
  });
  t.teardown(() => sched.stop());
  sched.start();
  await until("first poll", () => atPoll.length >= 1);
  t.same(atPoll[0], { requests: 1, polls: 0 }, "the first block's values are out after the poll's first request");
  const exact = (k: number) => Array.from({ length: N }, (_, i) => latest.get(i)).filter((s, i) => s?.value === expected(i, k) && s.status === Status.Good).length;
  await until("every value of the first poll", () => exact(0) === N);
  for (let i = 0; i < N; i++) sim.holding[1000 + i] = expected(i, 1);
  await until("the changed values", () => exact(1) === N);
  const last = atPoll.at(-1)!;
  t.ok(last.polls >= 1, "the change was read by a later poll");
  t.equal(last.requests, 8 * last.polls + 1, "every poll before it cost exactly 8 requests");
  t.comment(`modbus: ${N} registers, ${last.polls} polls, ${last.requests - 1} requests at the server = ${(last.requests - 1) / last.polls} per poll`);
  t.equal(exact(1), N, "every value exact and Good");
});

void t.test("a killed PLC: Uncertain, Bad within two intervals, Good again after restart; the other PLC stays Good", async (t) => {
  let simA = await startModbusSim();
  const simB = await startModbusSim();
  const port = simA.port;
  t.teardown(async () => { await simA.close(); await simB.close(); });
  simA.holding[500] = 111;
  simB.holding[500] = 222;
  const seen: Sample[] = [];
  const interval = 200;
  const sched = new Scheduler([
    source("a", simA, interval, tags(["hr:500:uint16"], 0), { backoff: { minMs: 100, maxMs: 800 } }),
    source("b", simB, interval, tags(["hr:500:uint16"], 1)),
  ], { factories, logger: silentLogger, onSamples: (ss) => { for (const s of ss) seen.push({ ...s, sourceTime: Date.now() }); } });
  t.teardown(() => sched.stop());
  sched.start();
  const a = () => seen.filter((s) => s.alias === 0);
  await until("a Good", () => a().some((s) => s.status === Status.Good && s.value === 111));
  await until("b Good", () => seen.some((s) => s.alias === 1 && s.status === Status.Good));
  await simA.close();
  await until("a Bad", () => a().some((s) => s.status === Status.BadNoCommunication), 10_000);
  const seq = a().map((s) => statusName(s.status));
  t.same(seq.slice(0, 4), ["BadWaitingForInitialData", "Good", "UncertainNoCommunicationLastUsableValue", "BadNoCommunication"]);
  const unc = a()[2]!;
  const bad = a()[3]!;
  t.equal(bad.value, 111, "last value kept");
  t.ok(bad.sourceTime - unc.sourceTime <= 2 * interval + 100, `Bad ${bad.sourceTime - unc.sourceTime} ms after Uncertain (two intervals: ${2 * interval})`);
  const bBefore = sched.health()[1]!.pollsOk;
  simA = await startModbusSim({ port });
  simA.holding[500] = 112;
  const back = Date.now();
  await until("a Good again", () => a().at(-1)!.status === Status.Good, 10_000);
  t.equal(a().at(-1)!.value, 112);
  t.ok(Date.now() - back <= 800 + interval + 500, `Good again ${Date.now() - back} ms after restart (backoff max 800)`);
  await until("b polls on", () => sched.health()[1]!.pollsOk >= bBefore + 2);
  t.ok(seen.filter((s) => s.alias === 1).every((s, i) => i === 0 || s.status === Status.Good), "b never left Good");
  t.equal(sched.health()[1]!.pollsError, 0, "b never failed");
  t.equal(sched.health()[0]!.state, "up");
});
