/**
 * Live reload of the reader's sources under load: reader -> link -> receiver with a
 * subscribed OPC UA client. One reload adds a source, adds, removes and changes tags of
 * another; a second removes the added source; a third file is invalid and is refused.
 * The unchanged source keeps its runner (its poll counter never restarts) and its
 * history at the receiver has no gap (sample spacing checked across the reloads); the
 * link session stays; REST, metrics and OPC UA agree; the client sees the model changes.
 */
import t from "tap";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { stringify } from "yaml";
import {
  AttributeIds, ClientMonitoredItem, ObjectIds, TimestampsToReturn, constructEventFilter, resolveNodeId, type Variant,
} from "node-opcua";
import { keygen } from "../../../src/link/keys.js";
import { startReader, type ReaderHandle } from "../../../src/reader/main.js";
import { startReceiver, type ReceiverHandle } from "../../../src/receiver/main.js";
import { startModbusSim, type ModbusSim } from "../../../src/demo/sim/modbus.js";
import { writeReceiverYaml } from "../../fixtures/pipeline/plant.js";
import { getJson, pollUntil, restSources, restTags, type RestTag } from "../../fixtures/pipeline/wait.js";
import { anonymousSession, memoryLogger } from "../../fixtures/ua-client.js";
import { silentLogger } from "../../../src/core/log.js";

const dir = mkdtempSync(join(tmpdir(), "sluice-reload-"));
keygen(join(dir, "link.key"));
let sim: ModbusSim | null = null;
let receiver: ReceiverHandle | null = null;
let reader: ReaderHandle | null = null;

t.teardown(async () => {
  clearInterval(ticking);
  await reader?.close();
  await receiver?.close();
  await sim?.close();
  rmSync(dir, { recursive: true, force: true });
});

sim = await startModbusSim({ host: "127.0.0.1", port: 0 });
const s = sim;
// a value that changes faster than the poll, so every poll of steady/ticker is a new sample
const ticking = setInterval(() => { s.holding[500] = (s.holding[500]! + 1) & 0xffff; }, 20);
const ENDPOINT = `127.0.0.1:${s.port}`;
const INTERVAL_MS = 200;

type Tag = Record<string, unknown>;
const source = (name: string, tags: Tag[]) => ({ name, protocol: "modbus", endpoint: ENDPOINT, interval: `${INTERVAL_MS}ms`, timeout: "1s", tags });
const STEADY = source("steady", [{ name: "ticker", address: "hr:500:uint16" }, { name: "a", address: "hr:100:int16" }]);

receiver = await startReceiver(writeReceiverYaml(dir), { logger: silentLogger });
const REST = receiver.rest;
const readerFile = join(dir, "reader.yaml");
const writeReader = (sources: unknown[]) => writeFileSync(readerFile, stringify({
  link: { to: `127.0.0.1:${receiver!.link.port}`, key: "./link.key", keyframe: "500ms", birth: "1s", heartbeat: "200ms" },
  policy: "allow-all",
  sources,
}));
writeReader([STEADY, source("plant", [{ name: "b", address: "hr:101:uint16" }, { name: "c", address: "hr:102:int32" }])]);
const log = memoryLogger();
reader = await startReader(readerFile, { logger: log.logger });
const r = reader;
const session0 = r.sessionId;

const good = (x: RestTag | undefined) => x?.status === "Good";
async function tagsNow(): Promise<Map<string, RestTag>> {
  return new Map((await restTags(REST)).map((x) => [x.path, x]));
}
async function metricTags(): Promise<number> {
  const text = await (await fetch(`${REST.replace(/\/$/, "")}/metrics`)).text();
  return [...text.matchAll(/^sluice_tags\{quality="\w+"\} (\d+)/gm)].reduce((n, m) => n + Number(m[1]), 0);
}
const pollsOf = async (name: string) => (await restSources(REST)).find((x) => x.name === name)?.pollsOk ?? -1;

const first = await pollUntil(async () => {
  const m = await tagsNow();
  return m.size === 4 && [...m.values()].every(good) ? m : null;
}, 30_000, 200);
if (!first) throw new Error("the first configuration never became Good");

// OPC UA client subscribed to model change events on the Server object
const ua = await anonymousSession(t, receiver.opcua!, join(dir, "client-pki"));
const NS = (await ua.readNamespaceArray()).indexOf("urn:sluice:tags");
const sub = await ua.createSubscription2({ requestedPublishingInterval: 100, requestedMaxKeepAliveCount: 10, requestedLifetimeCount: 100, publishingEnabled: true });
t.teardown(() => sub.terminate());
const events: { affected: string; verb: number }[][] = [];
const item = ClientMonitoredItem.create(sub, { nodeId: resolveNodeId(ObjectIds.Server), attributeId: AttributeIds.EventNotifier },
  { samplingInterval: 0, queueSize: 100, discardOldest: true, filter: constructEventFilter(["EventType", "Changes"]) }, TimestampsToReturn.Neither);
item.on("changed", (fields: unknown) => {
  const list = ((fields as Variant[])[1]?.value ?? []) as Array<{ affected: { toString(): string }; verb: number }>;
  events.push(list.map((c) => ({ affected: c.affected.toString(), verb: c.verb })));
});
await new Promise<void>((res) => item.once("initialized", () => res()));
const id = (p: string) => `ns=${NS};s=${p}`;
const seen = (p: string, verb: number) => events.some((e) => e.some((c) => c.affected === id(p) && (c.verb & verb) !== 0));

const tReload = Date.now();
let tLastReload = tReload;
const pollsBefore = await pollsOf("steady");

void t.test("add a source, add/remove/change tags: only those change, the steady source runs on", async (t) => {
  writeReader([
    STEADY,
    source("plant", [{ name: "c", address: "hr:102:int32", unit: "bar", description: "line pressure" }, { name: "d", address: "hr:104:uint32:CDAB" }]),
    source("extra", [{ name: "e", address: "hr:106:float32:BADC" }]),
  ]);
  r.reload();
  t.equal(r.sessionId, session0, "same link session");
  const after = await pollUntil(async () => {
    const m = await tagsNow();
    return m.size === 5 && !m.has("plant/b") && good(m.get("plant/d")) && good(m.get("extra/e")) && m.get("plant/c")?.unit === "bar" ? m : null;
  }, 20_000, 200);
  t.ok(after, "REST serves the new set: plant/b gone, plant/d and extra/e Good, plant/c now in bar");
  t.equal(await metricTags(), 5, "metrics count the same tags");
  t.ok(good(after?.get("steady/ticker")) && good(after?.get("steady/a")), "steady tags stay Good");
  t.ok(await pollUntil(async () => seen("plant/d", 1) && seen("plant/b", 2) && seen("extra", 1), 10_000, 100),
    "the OPC UA client saw NodeAdded plant/d, NodeDeleted plant/b and the new folder extra");
  const c = await ua.read({ nodeId: id("plant/c"), attributeId: AttributeIds.Description });
  t.equal(c.value.value?.text, "line pressure", "the changed tag's node carries its new description");
  t.ok((await pollsOf("steady")) >= pollsBefore, "the steady source's poll counter did not restart (same runner)");
  t.ok(log.lines.some((l) => /sources reloaded/.test(l) && /"kept":\["steady"\]/.test(l)), "the log names the kept source");
});

void t.test("remove the whole added source", async (t) => {
  writeReader([STEADY, source("plant", [{ name: "c", address: "hr:102:int32", unit: "bar", description: "line pressure" }, { name: "d", address: "hr:104:uint32:CDAB" }])]);
  r.reload();
  tLastReload = Date.now();
  const after = await pollUntil(async () => {
    const m = await tagsNow();
    return m.size === 4 && !m.has("extra/e") ? m : null;
  }, 20_000, 200);
  t.ok(after, "extra/e is gone at REST");
  t.ok(await pollUntil(async () => seen("extra", 2), 10_000, 100), "the client saw the folder deleted");
  t.ok(await pollUntil(async () => !(await restSources(REST)).some((x) => x.name === "extra"), 10_000, 200), "the source list no longer has it");
  t.equal(await metricTags(), 4);
});

void t.test("an invalid file is refused and the running configuration stays", async (t) => {
  const before = r.catalog().map((d) => d.path).join(",");
  writeFileSync(readerFile, "sources:\n  - name: x\n    protocol: modbus\n    tagz: []\n");
  r.reload();
  t.ok(log.lines.some((l) => /reload refused/.test(l)), "logged as refused");
  t.equal(r.catalog().map((d) => d.path).join(","), before, "catalogue unchanged");
  await new Promise((res) => setTimeout(res, 1000));
  const m = await tagsNow();
  t.equal(m.size, 4);
  t.ok([...m.values()].every(good), "everything still Good");
});

void t.test("no gap in the steady source's history across the reloads", async (t) => {
  const q = `from=${tReload - 2000}&to=${Date.now()}`;
  const h = await getJson<{ samples: { sourceTime: string; status: string }[] }>(`${REST}/api/v1/tags/steady/ticker/history?${q}`);
  const times = h.samples.map((x) => Date.parse(x.sourceTime));
  t.ok(times.length > 10 && times[0]! < tReload && times.at(-1)! > tLastReload, `${times.length} samples spanning the reloads`);
  let maxGap = 0;
  let at = 0;
  for (let i = 1; i < times.length; i++) if (times[i]! - times[i - 1]! > maxGap) { maxGap = times[i]! - times[i - 1]!; at = times[i - 1]!; }
  t.comment(`largest gap starts ${at - tReload} ms after the first reload (second at ${tLastReload - tReload} ms)`);
  t.ok(maxGap < 5 * INTERVAL_MS, `largest spacing ${maxGap} ms (poll every ${INTERVAL_MS} ms)`);
  const notGood = h.samples.filter((x) => x.status !== "Good");
  t.same(notGood, [], "every sample Good");
  t.equal(r.sessionId, session0, "still the first link session");
});
