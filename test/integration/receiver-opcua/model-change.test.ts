/**
 * Catalogue changes reach the OPC UA address space incrementally (only the changed
 * tags are touched; a field change keeps the node) and as GeneralModelChangeEvents
 * that a subscribed node-opcua client receives, on the Server object and on the
 * changed source folder.
 */
import t from "tap";
import {
  AttributeIds, ClientMonitoredItem, TimestampsToReturn, constructEventFilter, resolveNodeId, ObjectIds, ObjectTypeIds,
  type ClientSession, type Variant,
} from "node-opcua";
import { UaTestStore } from "../../fixtures/ua-store.js";
import { anonymousSession, startServer, tempDir, waitFor } from "../../fixtures/ua-client.js";

const VERB = { NodeAdded: 1, NodeDeleted: 2, ReferenceAdded: 4, ReferenceDeleted: 8, DataTypeChanged: 16 };

const store = new UaTestStore(0);
store.define([
  { alias: 0, path: "press1/temperature", type: "float32", unit: "degC", range: [0, 200] },
  { alias: 1, path: "press1/count", type: "int32" },
  { alias: 2, path: "line1/flow", type: "float64" },
], true);
const dir = tempDir(t);
const server = await startServer(t, store, dir, { security: { modes: ["None"] }, allowAnonymous: true });
const session: ClientSession = await anonymousSession(t, server.endpointUrl, `${dir}/client-pki`);
const NS = (await session.readNamespaceArray()).indexOf("urn:sluice:tags");
const id = (p: string) => `ns=${NS};s=${p}`;

interface Change { affected: string; verb: number }
interface Seen { type: string; source: string; changes: Change[] }

async function watchEvents(nodeId: string): Promise<Seen[]> {
  const sub = await session.createSubscription2({ requestedPublishingInterval: 50, requestedMaxKeepAliveCount: 10, requestedLifetimeCount: 100, publishingEnabled: true });
  t.teardown(() => sub.terminate());
  const item = ClientMonitoredItem.create(sub, { nodeId, attributeId: AttributeIds.EventNotifier }, {
    samplingInterval: 0, queueSize: 100, discardOldest: true,
    filter: constructEventFilter(["EventType", "SourceNode", "Changes"]),
  }, TimestampsToReturn.Neither);
  const seen: Seen[] = [];
  item.on("changed", (fields: unknown) => {
    const [type, src, changes] = fields as Variant[];
    const list = (changes?.value ?? []) as Array<{ affected: { toString(): string }; verb: number }>;
    seen.push({ type: String(type?.value), source: String(src?.value), changes: list.map((c) => ({ affected: c.affected.toString(), verb: c.verb })) });
  });
  await new Promise<void>((r) => item.once("initialized", () => r()));
  return seen;
}

const onServer = await watchEvents(resolveNodeId(ObjectIds.Server).toString());
const onPress1 = await watchEvents(id("press1"));
const GENERAL = resolveNodeId(ObjectTypeIds.GeneralModelChangeEventType).toString();

void t.test("a field change keeps the node; a type change is DataTypeChanged; add and remove are NodeAdded/NodeDeleted", async (t) => {
  const before = onServer.length;
  // description + range of temperature (same kind), type of count (int32 -> float64, same kind)
  store.define([
    { alias: 0, path: "press1/temperature", type: "float32", unit: "degC", range: [0, 300], description: "platen" },
    { alias: 1, path: "press1/count", type: "float64" },
    { alias: 3, path: "press1/pressure", type: "float64" },
  ]);
  t.ok(await waitFor(() => onServer.length > before && onPress1.length > 0, 5000), "the change is seen on the Server object and on the folder");
  const ev = onPress1.at(-1)!;
  t.equal(ev.type, GENERAL, "GeneralModelChangeEventType");
  t.equal(ev.source, id("press1"), "raised by the changed source folder");
  const verbs = (p: string) => ev.changes.filter((c) => c.affected === id(p)).map((c) => c.verb).sort();
  t.same(verbs("press1/temperature"), [], "a description/range change is no model change: the node stays");
  t.same(verbs("press1/count"), [VERB.DataTypeChanged]);
  t.same(verbs("press1/pressure"), [VERB.NodeAdded]);
  t.ok(ev.changes.some((c) => c.affected === id("press1") && c.verb === VERB.ReferenceAdded), "the folder's new reference");
  const [desc, dt, range] = await session.read([
    { nodeId: id("press1/temperature"), attributeId: AttributeIds.Description },
    { nodeId: id("press1/count"), attributeId: AttributeIds.DataType },
    { nodeId: `${id("press1/temperature")}`, attributeId: AttributeIds.Value },
  ]);
  t.equal(desc!.value.value.text, "platen", "description updated in place");
  t.equal(dt!.value.value.toString(), "ns=0;i=11", "DataType now Double");
  t.ok(range, "node still readable");
  const eu = await session.translateBrowsePath({ startingNode: resolveNodeId(id("press1/temperature")), relativePath: { elements: [{ referenceTypeId: resolveNodeId("HasProperty"), isInverse: false, includeSubtypes: true, targetName: { namespaceIndex: 0, name: "EURange" } }] } });
  const euRange = await session.read({ nodeId: eu.targets![0]!.targetId, attributeId: AttributeIds.Value });
  t.equal((euRange.value.value as { high: number }).high, 300, "EURange updated in place");
});

void t.test("removing the last tag of a source deletes its folder, announced on the Server object", async (t) => {
  const before = onServer.length;
  store.remove(["line1/flow"]);
  t.ok(await waitFor(() => onServer.length > before, 5000));
  const ev = onServer.at(-1)!;
  t.equal(ev.type, GENERAL);
  t.same(ev.changes.filter((c) => c.affected === id("line1/flow")).map((c) => c.verb), [VERB.NodeDeleted]);
  t.ok(ev.changes.some((c) => c.affected === id("line1") && c.verb === VERB.NodeDeleted), "the emptied folder is deleted too");
  t.ok(ev.changes.some((c) => c.affected === "ns=0;i=85" && c.verb === VERB.ReferenceDeleted), "Objects lost a reference");
  const r = await session.read({ nodeId: id("line1"), attributeId: AttributeIds.BrowseName });
  t.equal(r.statusCode.name, "BadNodeIdUnknown");
});

void t.test("a unit added to a plain tag changes its kind: the node is re-created", async (t) => {
  const before = onPress1.length;
  store.define([{ alias: 3, path: "press1/pressure", type: "float64", unit: "bar" }]);
  t.ok(await waitFor(() => onPress1.length > before, 5000));
  const verbs = onPress1.at(-1)!.changes.filter((c) => c.affected === id("press1/pressure")).map((c) => c.verb).sort();
  t.same(verbs, [VERB.NodeAdded, VERB.NodeDeleted]);
  const td = await session.browse({ nodeId: id("press1/pressure"), referenceTypeId: "HasTypeDefinition", browseDirection: 0, includeSubtypes: true, resultMask: 63 });
  t.equal(td.references?.[0]?.browseName.name, "AnalogUnitType");
});
