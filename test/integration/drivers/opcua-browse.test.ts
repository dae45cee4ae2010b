/**
 * `sluice browse opcua` against a node-opcua server built here (nested folders, an
 * analog item with EURange and EngineeringUnits, an array, a Double subtype, a
 * variable with components) and against the project's OPC UA simulator; then the
 * browse output, made into a reader file, passes the configuration check and, run as
 * a reader, serves every listed tag Good at a real receiver.
 */
import t from "tap";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  DataType, OPCUAServer, RegisterServerMethod, Variant, standardUnits,
} from "node-opcua";
import { browseOpcua, type BrowsedTag } from "../../../src/drivers/opcua/browse.js";
import { formatBrowse } from "../../../src/cli/browse.js";
import { checkReaderFile } from "../../../src/config/reader.js";
import { silentLogger } from "../../../src/core/log.js";
import { keygen } from "../../../src/link/keys.js";
import { startReader } from "../../../src/reader/main.js";
import { startReceiver } from "../../../src/receiver/main.js";
import { OPCUA_SIM_STATIC, startOpcuaSim } from "../../../src/demo/sim/opcua.js";
import { writeReceiverYaml } from "../../fixtures/pipeline/plant.js";
import { pollUntil, restTags } from "../../fixtures/pipeline/wait.js";
import { memoryLogger } from "../../fixtures/ua-client.js";
// several node-opcua clients and servers start here: on a loaded 2-core machine this file can outlast the default 120 s
t.setTimeout(300_000);

const NS_URI = "urn:test:plant;v2"; // a ';' in the URI: the address must escape it
const dir = mkdtempSync(join(tmpdir(), "sluice-ua-browse-"));
t.teardown(() => rmSync(dir, { recursive: true, force: true }));

const server = new OPCUAServer({ port: 0, host: "127.0.0.1", hostname: "127.0.0.1", registerServerMethod: RegisterServerMethod.HIDDEN });
await server.initialize();
{
  const space = server.engine.addressSpace!;
  const ns = space.registerNamespace(NS_URI);
  const plant = ns.addFolder(space.rootFolder.objects, { browseName: "Plant", nodeId: "s=Plant" });
  const area = ns.addFolder(plant, { browseName: "Area 1", nodeId: "s=Area1" });
  const line = ns.addObject({ organizedBy: area, browseName: "Line1", nodeId: "s=Line1" });
  const v = (browseName: string, dataType: string, value: Variant, extra: Record<string, unknown> = {}) =>
    ns.addVariable({ componentOf: line, browseName, nodeId: `s=Line1.${browseName}`, dataType, value, ...extra });
  ns.addAnalogDataItem({
    componentOf: line, browseName: "Temp", nodeId: "s=Line1.Temp", dataType: "Double",
    engineeringUnitsRange: { low: 0, high: 150 }, engineeringUnits: standardUnits.degree_celsius,
    value: new Variant({ dataType: DataType.Double, value: 21.5 }),
  });
  v("Count", "UInt32", new Variant({ dataType: DataType.UInt32, value: 7 }));
  v("Running", "Boolean", new Variant({ dataType: DataType.Boolean, value: true }));
  v("Recipe", "Double", new Variant({ dataType: DataType.Double, arrayType: 1, value: new Float64Array([1, 2, 3]) }), { valueRank: 1, arrayDimensions: [3] });
  v("Cycle", "Duration", new Variant({ dataType: DataType.Double, value: 1500 }));
  v("Stamp", "DateTime", new Variant({ dataType: DataType.DateTime, value: new Date() }));
  const motor = v("Motor", "Double", new Variant({ dataType: DataType.Double, value: 3 }));
  ns.addVariable({ componentOf: motor, browseName: "Current", nodeId: "s=Line1.Motor.Current", dataType: "Float", value: new Variant({ dataType: DataType.Float, value: 4.25 }) });
  const deep = ns.addFolder(area, { browseName: "Deep", nodeId: "s=Deep" });
  const deeper = ns.addFolder(deep, { browseName: "Deeper", nodeId: "s=Deeper" });
  ns.addVariable({ organizedBy: deeper, browseName: "Level", nodeId: "i=4711", dataType: "Int16", value: new Variant({ dataType: DataType.Int16, value: -3 }) });
}
// Values are never re-stamped: every SourceTimestamp predates the reader's start (and so
// its "no value yet" placeholder), and each must still become Good at the receiver.
await server.start();
t.teardown(async () => { await server.shutdown(); });
const URL_ = server.getEndpointUrl().replace(/\/\/[^:/]+:/, "//127.0.0.1:");
const opts = { securityMode: "None", pki: join(dir, "client-pki") };

let browsed: BrowsedTag[] = [];

void t.test("nested folders, analog items, arrays and subtypes", async (t) => {
  browsed = await browseOpcua({ endpoint: URL_, options: opts });
  const by = new Map(browsed.map((x) => [x.name, x]));
  const nsu = "nsu=urn:test:plant%3Bv2;";
  const temp = by.get("Plant.Area_1.Line1.Temp");
  t.same(temp && { address: temp.address, type: temp.type, unit: temp.unit, range: temp.range },
    { address: `${nsu}s=Line1.Temp`, type: "float64", unit: "°C", range: [0, 150] }, "analog item: type, EngineeringUnits and EURange");
  t.equal(by.get("Plant.Area_1.Line1.Count")?.type, "uint32");
  t.equal(by.get("Plant.Area_1.Line1.Running")?.type, "bool");
  t.equal(by.get("Plant.Area_1.Line1.Cycle")?.type, "float64", "Duration is a Double subtype");
  t.match(by.get("Plant.Area_1.Line1.Recipe")?.skipped, /ValueRank 1/, "the array is skipped with its reason");
  t.match(by.get("Plant.Area_1.Line1.Stamp")?.skipped, /DataType/, "DateTime has no tag type: skipped");
  t.equal(by.get("Plant.Area_1.Line1.Motor.Current")?.type, "float32", "a variable's component variable is listed");
  t.equal(by.get("Plant.Area_1.Deep.Deeper.Level")?.address, `${nsu}i=4711`, "numeric identifiers, three folders down");
  t.notOk(browsed.some((x) => x.name.startsWith("Server")), "the Server object is not descended into");
  t.notOk(browsed.some((x) => /EURange|EngineeringUnits/.test(x.name)), "properties are not tags");

  const shallow = await browseOpcua({ endpoint: URL_, options: opts, root: `nsu=${NS_URI.replace(";", "%3B")};s=Area1`, depth: 2 });
  t.ok(shallow.some((x) => x.name === "Line1.Temp") && !shallow.some((x) => x.name.includes("Level")), "--root and --depth bound the walk");
});

void t.test("the browse output is a reader file that passes the check and serves Good values", async (t) => {
  keygen(join(dir, "link.key"));
  const receiver = await startReceiver(writeReceiverYaml(dir), { logger: silentLogger });
  t.teardown(() => receiver.close());
  const yaml = formatBrowse(browsed, `sluice browse opcua ${URL_}`, { name: "line1", protocol: "opcua", endpoint: URL_, options: opts });
  const file = join(dir, "reader.yaml");
  writeFileSync(file, `link: { to: "127.0.0.1:${receiver.link.port}", key: ./link.key, keyframe: 500ms, birth: 1s }\npolicy: allow-all\nsources:\n${yaml.replace('interval: 1s', 'interval: 1s\n    timeout: 10s')}`);
  const want = browsed.filter((x) => !x.skipped).map((x) => `line1/${x.name}`).sort();
  t.match(checkReaderFile(file), `1 sources, ${want.length} tags`, "sluice check passes");
  const log = memoryLogger();
  const reader = await startReader(file, { logger: log.logger });
  t.teardown(() => reader.close());
  let last: { path: string; status: string }[] = [];
  const ok = await pollUntil(async () => {
    last = await restTags(receiver.rest);
    return last.length === want.length && last.every((x) => x.status === "Good");
  }, 60_000, 250); // generous: on a loaded machine a session that misses its timeout backs off before the next try
  t.ok(ok, `every browsed tag Good at the receiver; not Good: ${last.filter((x) => x.status !== "Good").map((x) => `${x.path}=${x.status}`).join(", ") || "none"}`);
  if (!ok) t.comment(JSON.stringify(reader.health().sources), readFileSync(file, "utf8"));
  t.same(last.map((x) => x.path).sort(), want);
  const temp = (await restTags(receiver.rest)).find((x) => x.path === "line1/Plant.Area_1.Line1.Temp") as { unit?: string | null } | undefined;
  t.equal(temp?.unit, "°C", "the unit crossed with the tag");
});

void t.test("the project's simulator: every scalar static variable is listed with a type", async (t) => {
  const sim = await startOpcuaSim({ pki: join(dir, "sim-pki") });
  t.teardown(() => sim.close());
  const tags = await browseOpcua({ endpoint: sim.endpointUrl, options: { ...opts, pki: join(dir, "client-pki2") } });
  const byAddress = new Map(tags.map((x) => [x.address, x]));
  for (const v of OPCUA_SIM_STATIC) {
    const got = byAddress.get(v.address);
    if (v.address.endsWith("Array")) t.match(got?.skipped, /ValueRank/, `${v.address} skipped (array)`);
    else t.ok(got?.type, `${v.address} listed as ${got?.type ?? got?.skipped ?? "nothing"}`);
  }
  t.equal(byAddress.get("nsu=urn:acme;s=Static.Double")?.type, "float64");
  t.equal(byAddress.get("nsu=urn:acme;s=Static.Text")?.type, "string", "LocalizedText reads as a string");
});
