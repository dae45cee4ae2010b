/**
 * Acceptance, in process: every S7 and Logix type the drivers support crosses
 * reader -> link -> receiver with the value the simulator holds, at REST and
 * over OPC UA; and killing then restarting either simulator walks that source's
 * tags through the quality table (Uncertain..., BadNoCommunication, Good again)
 * while the other sources stay Good.
 *
 *   S7 sim (snap7) ──┐
 *   Logix sim ───────┼─▶ startReader ──UDP──▶ startReceiver ──▶ REST /api/v1/tags, OPC UA Read
 *   Modbus sim ──────┘
 *
 * One S7 sim per process (node-snap7 keeps global state). The Logix sim binds
 * 127.0.0.91:44818, an address no other test uses.
 */
import t, { type Test } from "tap";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { silentLogger } from "../../../src/core/log.js";
import { keygen } from "../../../src/link/keys.js";
import { startReader, type ReaderHandle } from "../../../src/reader/main.js";
import { startReceiver, type ReceiverHandle } from "../../../src/receiver/main.js";
import { startEnipSim, type EnipSim } from "../../../src/demo/sim/enip/index.js";
import { startModbusSim, type ModbusSim } from "../../../src/demo/sim/modbus.js";
import { startS7Sim, type S7Sim } from "../../../src/demo/sim/s7.js";
import {
  enipExpects, modbusExpects, restForm, s7Expects, sameValue, writeReaderYaml, writeReceiverYaml, type Expect,
} from "../../fixtures/pipeline/plant.js";
import { uaConnect, type UaReader } from "../../fixtures/pipeline/ua.js";
import { getJson, pollUntil, restSources, restTags, since, type RestTag } from "../../fixtures/pipeline/wait.js";

const ENIP_HOST = "127.0.0.91";
const FAILURES_TO_DOWN = 4;
/** The OPC UA DataType of each tag type (DESIGN.md: OPC UA). */
const UA_TYPE: Record<string, string> = {
  bool: "Boolean", int16: "Int16", uint16: "UInt16", int32: "Int32", uint32: "UInt32",
  int64: "Int64", uint64: "UInt64", float32: "Float", float64: "Double", string: "String",
};

const dir = mkdtempSync(join(tmpdir(), "sluice-pipeline-"));
keygen(join(dir, "link.key"));

let s7: S7Sim | null = null;
let enip: EnipSim | null = null;
let modbus: ModbusSim | null = null;
let receiver: ReceiverHandle | null = null;
let reader: ReaderHandle | null = null;
let ua: UaReader | null = null;
// One teardown, in order: the IT client, the reader, the receiver, then the simulators.
t.teardown(async () => {
  await ua?.close();
  await reader?.close();
  await receiver?.close();
  await enip?.close();
  await s7?.close();
  await modbus?.close();
  rmSync(dir, { recursive: true, force: true });
});

s7 = await startS7Sim({ host: "127.0.0.1", port: 0 });
const S7_PORT = s7.port;
enip = await startEnipSim({ host: ENIP_HOST });
modbus = await startModbusSim({ host: "127.0.0.1", port: 0 });

const S7 = s7Expects("s7");
const LOGIX = enipExpects("logix");
const PRESS = modbusExpects("press");
const ALL = [...S7, ...LOGIX, ...PRESS];
const bySource: Record<string, Expect[]> = { s7: S7, logix: LOGIX, press: PRESS };

receiver = await startReceiver(writeReceiverYaml(dir), { logger: silentLogger });
reader = await startReader(writeReaderYaml(dir, receiver.link.port, [
  { name: "s7", protocol: "s7", endpoint: `127.0.0.1:${S7_PORT}`, tags: S7, extra: { s7: { rack: 0, slot: 1 } } },
  { name: "logix", protocol: "enip", endpoint: ENIP_HOST, tags: LOGIX },
  { name: "press", protocol: "modbus", endpoint: `127.0.0.1:${modbus.port}`, tags: PRESS },
], { interval: "300ms", timeout: "2s", failuresToDown: FAILURES_TO_DOWN, backoff: { min: "200ms", max: "1s" } }), { logger: silentLogger });
const REST = receiver.rest;
const OPCUA = receiver.opcua;
if (OPCUA === null) throw new Error("the receiver serves no OPC UA");

const t0 = Date.now();
const isGood = (x: RestTag | undefined) => x !== undefined && x.quality === "good" && x.status === "Good";
const notGood = (tags: RestTag[], source?: string) => tags.filter((x) => (source === undefined || x.source === source) && !isGood(x));

void t.test("Every S7 and Logix type the drivers support reads the value the test server holds, through reader, link and receiver, and shows up at REST and OPC UA", async (t) => {
  let last: RestTag[] = [];
  const good = await pollUntil(async () => {
    last = await restTags(REST);
    return last.length === ALL.length && notGood(last).length === 0;
  }, 40_000, 200);
  t.ok(good, `all ${ALL.length} tags Good within 40 s (${since(t0)}); not Good: ${notGood(last).map((x) => `${x.path}=${x.status}`).join(", ") || "none"}; served ${last.length}`);
  t.comment(`all ${ALL.length} tags Good ${since(t0)} after the reader started`);

  for (const e of [...S7, ...LOGIX]) {
    const path = `${e.source}/${e.name}`;
    const x = await getJson<RestTag>(`${REST}/api/v1/tags/${path}`).catch((err: unknown) => err as Error);
    if (x instanceof Error) { t.fail(`${path}: ${x.message}`); continue; }
    t.ok(isGood(x) && sameValue(e, x.value, "rest") && x.type === e.type,
      `REST ${path} (${e.address}, ${e.type}) = ${JSON.stringify(x.value)} ${x.status}; want ${JSON.stringify(restForm(e.value))} Good`);
  }

  ua = await uaConnect(OPCUA);
  const reads = await ua.read([...S7, ...LOGIX].map((e) => `${e.source}/${e.name}`));
  [...S7, ...LOGIX].forEach((e, i) => {
    const r = reads[i];
    t.ok(r && r.status === "Good" && sameValue(e, r.value, "opcua") && r.dataType === UA_TYPE[e.type],
      `OPC UA ${e.source}/${e.name} (${e.type}) = ${String(r?.value)} ${r?.dataType} ${r?.status}; want ${String(e.value)} ${UA_TYPE[e.type]} Good`);
  });
});

/** How a killed source's tags moved, seen at REST every 100 ms, and what the others did meanwhile. */
interface Walk { uncertainAt: number | null; uncertainStatuses: Set<string>; badAt: number | null; othersBad: string[]; lastValuesKept: boolean }

async function watchDown(source: string, since0: number, ms: number): Promise<Walk> {
  const w: Walk = { uncertainAt: null, uncertainStatuses: new Set(), badAt: null, othersBad: [], lastValuesKept: true };
  const mine = bySource[source]!;
  await pollUntil(async () => {
    const tags = await restTags(REST);
    const at = Date.now() - since0;
    for (const x of notGood(tags)) if (x.source !== source) w.othersBad.push(`${x.path}=${x.status}@${at}ms`);
    const own = tags.filter((x) => x.source === source);
    for (const x of own) {
      if (x.quality === "uncertain") { w.uncertainAt ??= at; w.uncertainStatuses.add(x.status); }
      // the quality table: Uncertain and BadNoCommunication keep the last value
      if (x.status !== "Good" && !sameValue(mine.find((e) => e.name === x.name)!, x.value, "rest")) w.lastValuesKept = false;
    }
    if (own.length === mine.length && own.every((x) => x.status === "BadNoCommunication")) { w.badAt = at; return true; }
    return false;
  }, ms, 100);
  return w;
}

/** Statuses one tag went through since `from` (its history is authoritative when a REST poll missed a short state). */
async function historyStatuses(path: string, from: number): Promise<string[]> {
  const h = await getJson<{ samples: { status: string }[] }>(`${REST}/api/v1/tags/${path}/history?from=${from}`);
  return h.samples.map((s) => s.status).filter((s, i, a) => i === 0 || a[i - 1] !== s);
}

async function killAndRestart(t: Test, source: string, kill: () => Promise<void>, restart: () => Promise<void>): Promise<void> {
  const others = Object.keys(bySource).filter((s) => s !== source);
  const ready = await pollUntil(async () => notGood(await restTags(REST)).length === 0, 30_000, 200);
  t.ok(ready, "every tag Good before the kill");

  const tKill = Date.now();
  await kill();
  const w = await watchDown(source, tKill, 30_000);
  t.ok(w.badAt !== null, `${source}: every tag BadNoCommunication within 30 s (at ${w.badAt} ms)`);
  const sample = `${source}/${bySource[source]![0]!.name}`;
  const hist = await historyStatuses(sample, tKill - 1000);
  const uncertainInHistory = hist.filter((s) => s.startsWith("Uncertain"));
  t.ok(w.uncertainAt !== null || uncertainInHistory.length > 0,
    `${source}: Uncertain before Bad (REST saw ${[...w.uncertainStatuses].join(", ") || "none"} at ${w.uncertainAt} ms; ${sample} history ${hist.join(" -> ")})`);
  for (const s of [...w.uncertainStatuses, ...uncertainInHistory]) {
    t.ok(s === "UncertainNoCommunicationLastUsableValue" || s === "UncertainLastUsableValue", `${source}: Uncertain status ${s} is one of the table's`);
  }
  t.ok(w.lastValuesKept, `${source}: Uncertain and Bad tags keep their last value`);
  t.same(w.othersBad, [], `${others.join(" and ")} stay Good while ${source} is down`);
  // source health rides the heartbeat frames, so it may trail the tags by up to one heartbeat
  let seenState = "";
  const down = await pollUntil(async () => {
    seenState = (await restSources(REST)).find((s) => s.name === source)?.state ?? "(absent)";
    return seenState === "down" ? Date.now() - tKill : null;
  }, 10_000, 100);
  t.ok(down !== null, `${source}: /api/v1/sources says down (at ${down} ms; saw ${seenState})`);

  const tRestart = Date.now();
  await restart();
  let last: RestTag[] = [];
  const back = await pollUntil(async () => {
    last = await restTags(REST);
    return notGood(last).length === 0 ? Date.now() - tRestart : null;
  }, 30_000, 100);
  t.ok(back !== null, `${source}: Good again within 30 s of the restart (${back} ms); not Good: ${notGood(last).map((x) => `${x.path}=${x.status}`).join(", ")}`);
  const wrong = last.filter((x) => x.source === source).filter((x) => !sameValue(bySource[source]!.find((e) => e.name === x.name)!, x.value, "rest"));
  t.same(wrong.map((x) => x.path), [], `${source}: the restarted server's values`);
  const up = await pollUntil(async () => (await restSources(REST)).some((s) => s.name === source && s.state === "up") ? Date.now() - tRestart : null, 10_000, 100);
  t.ok(up !== null, `${source}: /api/v1/sources says up again (at ${up} ms)`);

  t.comment(`${source} killed: first Uncertain at ${w.uncertainAt ?? "-"} ms (${[...w.uncertainStatuses].join(", ")}), ` +
    `all BadNoCommunication at ${w.badAt ?? "-"} ms, source down at ${down ?? "-"} ms; restarted: all Good after ${back ?? "-"} ms, ` +
    `source up at ${up ?? "-"} ms; history of ${sample}: ${hist.join(" -> ")}`);
}

void t.test("Killing and restarting either test server moves that source's tags through the quality table and back to Good, while the other sources stay Good", async (t) => {
  await t.test("Logix", (t) => killAndRestart(t, "logix",
    async () => { await enip?.close(); enip = null; },
    async () => { enip = await startEnipSim({ host: ENIP_HOST }); }));
  await t.test("S7", (t) => killAndRestart(t, "s7",
    async () => { await s7?.close(); s7 = null; },
    async () => { s7 = await startS7Sim({ host: "127.0.0.1", port: S7_PORT }); }));
});
