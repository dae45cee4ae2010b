/**
 * An OPC UA server whose values do not change keeps their SourceTimestamps, which
 * predate both the reader's start and any outage. Cut the network between reader and
 * server (a TCP proxy that goes away and comes back on the same port): the tags walk to
 * BadNoCommunication, and when the path returns they must turn Good at once, not at
 * their next change (the reader stamps a reading older than the status it sent with
 * the time it read it; the receiver would otherwise drop it as older).
 *
 *   node-opcua server (static values) ◀── TCP proxy ◀── startReader ──UDP──▶ startReceiver ──▶ REST
 *
 * The reader has two sources on the same server: one in read mode, one in subscribe mode
 * (whose monitored items, created anew after the reconnect, report the old timestamps too).
 */
import t from "tap";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DataType, OPCUAServer, RegisterServerMethod, StatusCodes, Variant } from "node-opcua";
import { silentLogger } from "../../../src/core/log.js";
import { keygen } from "../../../src/link/keys.js";
import { startReader } from "../../../src/reader/main.js";
import { startReceiver } from "../../../src/receiver/main.js";
import { writeReceiverYaml } from "../../fixtures/pipeline/plant.js";
import { pollUntil, restTags, since, type RestTag } from "../../fixtures/pipeline/wait.js";
import { startTap, type Tap } from "../../unit/security/wiretap.js";
t.setTimeout(240_000);

const dir = mkdtempSync(join(tmpdir(), "sluice-ua-outage-"));
t.teardown(() => rmSync(dir, { recursive: true, force: true }));

const server = new OPCUAServer({ port: 0, host: "127.0.0.1", hostname: "127.0.0.1", registerServerMethod: RegisterServerMethod.HIDDEN });
await server.initialize();
const STAMP = new Date(Date.now() - 60_000); // last changed a minute ago, and never again
{
  const space = server.engine.addressSpace!;
  const ns = space.registerNamespace("urn:test:outage");
  const add = (name: string, dataType: string, v: Variant) => {
    const node = ns.addVariable({ organizedBy: space.rootFolder.objects, browseName: name, nodeId: `s=${name}`, dataType });
    node.setValueFromSource(v, StatusCodes.Good, STAMP);
  };
  add("Speed", "Double", new Variant({ dataType: DataType.Double, value: 12.5 }));
  add("Count", "UInt32", new Variant({ dataType: DataType.UInt32, value: 7 }));
  add("Running", "Boolean", new Variant({ dataType: DataType.Boolean, value: true }));
}
await server.start();
t.teardown(() => server.shutdown());
// the TCP relay of the no-write tests, closed to cut the path and started again on its port
const target = { host: "127.0.0.1", port: Number(new URL(server.getEndpointUrl()).port) };
let proxy: Tap = await startTap(target);
t.teardown(() => proxy.close());

keygen(join(dir, "link.key"));
const receiver = await startReceiver(writeReceiverYaml(dir), { logger: silentLogger });
t.teardown(() => receiver.close());
const endpoint = `opc.tcp://127.0.0.1:${proxy.port}`;
const file = join(dir, "reader.yaml");
const TAGS = [["Speed", "float64"], ["Count", "uint32"], ["Running", "bool"]]
  .map(([name, type]) => `      - { name: ${name}, address: "nsu=urn:test:outage;s=${name}", type: ${type} }`).join("\n");
const source = (name: string, opcua: string) => `  - name: ${name}
    protocol: opcua
    endpoint: ${endpoint}
    interval: 200ms
    timeout: 2s
    failuresToDown: 2
    backoff: { min: 200ms, max: 1s }
    opcua: { securityMode: None, pki: ./pki${opcua} }
    tags:
${TAGS}
`;
writeFileSync(file, `link: { to: "127.0.0.1:${receiver.link.port}", key: ./link.key, keyframe: 500ms, birth: 1s }
policy: allow-all
sources:
${source("line", "")}${source("line_sub", ", mode: subscribe, samplingInterval: 100ms")}`);
const reader = await startReader(file, { logger: silentLogger });
t.teardown(() => reader.close());

// both sources, one reading (Read service) and one subscribed (monitored items)
const all = (tags: RestTag[], status: string) => tags.length === 6 && tags.every((x) => x.status === status);
const show = (tags: RestTag[]) => tags.map((x) => `${x.path}=${x.status}@${x.sourceTime}`).join(", ");
const values = (tags: RestTag[]) => tags.map((x) => `${x.path}=${String(x.value)}`).sort();
const WANT = ["line", "line_sub"].flatMap((s) => [`${s}/Count=7`, `${s}/Running=true`, `${s}/Speed=12.5`]).sort();

void t.test("static values older than the reader's start turn Good", async (t) => {
  const t0 = Date.now();
  let last: RestTag[] = [];
  const ok = await pollUntil(async () => all(last = await restTags(receiver.rest), "Good"), 60_000, 100);
  t.ok(ok, `all Good (${since(t0)}): ${show(last)}`);
  t.same(values(last), WANT, "the server's values, read and subscribed");
});

void t.test("after a network outage the unchanged values turn Good again at once", async (t) => {
  await proxy.close();
  const cut = Date.now();
  let last: RestTag[] = [];
  const down = await pollUntil(async () => all(last = await restTags(receiver.rest), "BadNoCommunication"), 60_000, 100);
  t.ok(down, `all BadNoCommunication (${since(cut)}): ${show(last)}`);
  const downAt = Math.max(...last.map((x) => Date.parse(x.sourceTime!)));
  t.ok(downAt > STAMP.getTime(), "the outage is stamped after the values' own time");
  proxy = await startTap(target, { host: "127.0.0.1", port: proxy.port });
  const back = Date.now();
  const ok = await pollUntil(async () => all(last = await restTags(receiver.rest), "Good"), 60_000, 100);
  t.ok(ok, `all Good again (${since(back)} after the path returned): ${show(last)}`);
  t.same(values(last), WANT, "the same values, read and subscribed");
  t.ok(last.every((x) => Date.parse(x.sourceTime!) >= downAt), "stamped no earlier than the outage status they replace");
});
