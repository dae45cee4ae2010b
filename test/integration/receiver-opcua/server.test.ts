/**
 * The read-only OPC UA server against a real node-opcua client (security None,
 * anonymous, as in the demo; security itself is in security.test.ts). One server
 * for the whole file.
 */
import t from "tap";
import {
  AttributeIds, BrowseDirection, DataType, NodeClass, TimestampsToReturn, ReadRawModifiedDetails,
  HistoryReadRequest, AddNodesRequest, DeleteNodesRequest, AddReferencesRequest, DeleteReferencesRequest,
  HistoryUpdateRequest, type ClientSession, type HistoryData, makeBrowsePath, ClientMonitoredItem, type DataValue,
  coerceExpandedNodeId, resolveNodeId, VariableIds,
} from "node-opcua";
import { readFileSync } from "node:fs";
import { Status } from "../../../src/core/status.js";
import { UaTestStore } from "../../fixtures/ua-store.js";
import { anonymousSession, makeClient, startServer, tempDir, waitFor } from "../../fixtures/ua-client.js";

const T0 = Date.UTC(2026, 0, 1, 12, 0, 0);
const store = new UaTestStore(50);
store.define([
  { alias: 0, path: "press1/temperature", type: "float32", unit: "degC", range: [0, 200], description: "platen temperature" },
  { alias: 1, path: "press1/count", type: "int64" },
  { alias: 2, path: "press1/speed", type: "uint16", unit: "rpm" },
  { alias: 3, path: "press1/running", type: "bool" },
  { alias: 4, path: "line1/name", type: "string" },
  { alias: 5, path: "line1/flow", type: "float64" },
], true);
store.set([
  { path: "press1/temperature", value: 21.5, sourceTime: T0 },
  { path: "press1/count", value: -5n, status: Status.UncertainLastUsableValue, sourceTime: T0 + 1 },
  { path: "press1/speed", value: null, status: Status.BadConfigurationError, sourceTime: T0 + 2 },
  { path: "press1/running", value: true, sourceTime: T0 + 3 },
  { path: "line1/name", value: "Line one", sourceTime: T0 + 4 },
], true);
// line1/flow: ten samples one second apart, two of them sharing a timestamp
store.set(Array.from({ length: 10 }, (_, i) => ({ path: "line1/flow", value: i * 1.5, sourceTime: T0 + 1000 * (i === 5 ? 4 : i) })), true);

const dir = tempDir(t);
const server = await startServer(t, store, dir, { security: { modes: ["None"] }, allowAnonymous: true });
const session: ClientSession = await anonymousSession(t, server.endpointUrl, `${dir}/client-pki`);
const nsArray = await session.readNamespaceArray();
const NS = nsArray.indexOf("urn:sluice:tags");
const DIAG = nsArray.indexOf("urn:sluice:diagnostics");
const id = (path: string): string => `ns=${NS};s=${path}`;

async function childNames(nodeId: string): Promise<string[]> {
  const r = await session.browse({ nodeId, browseDirection: BrowseDirection.Forward, referenceTypeId: "HierarchicalReferences", includeSubtypes: true, resultMask: 63 });
  return (r.references ?? []).map((x) => x.browseName.name ?? "");
}

/** Send any request through the session and return its service result (ServiceFault or response). */
async function serviceResult(request: unknown): Promise<string> {
  const s = session as unknown as { performMessageTransaction(r: unknown, cb: (err: Error | null, res?: { responseHeader: { serviceResult: { name: string } } }) => void): void };
  return new Promise((resolve) => {
    s.performMessageTransaction(request, (err, res) => resolve(err ? err.message : res?.responseHeader.serviceResult.name ?? "?"));
  });
}

void t.test("endpoint URL", async (t) => {
  t.match(server.endpointUrl, /^opc\.tcp:\/\/127\.0\.0\.1:\d+\/?$/);
  t.ok(NS > 0 && DIAG > 0, "tags and diagnostics namespaces are registered");
});

void t.test("BuildInfo names sluice: its version, build date and product URI", async (t) => {
  const pkg = JSON.parse(readFileSync(new URL("../../../package.json", import.meta.url), "utf8")) as { version: string };
  const read = async (v: string) => (await session.read({ nodeId: resolveNodeId(v), attributeId: AttributeIds.Value })).value.value as unknown;
  t.equal(await read("Server_ServerStatus_BuildInfo_SoftwareVersion"), pkg.version, "SoftwareVersion is sluice's package.json version");
  t.equal(await read("Server_ServerStatus_BuildInfo_ProductUri"), "urn:sluice");
  t.equal(await read("Server_ServerStatus_BuildInfo_ProductName"), "sluice receiver");
  const built = await read("Server_ServerStatus_BuildInfo_BuildDate") as Date;
  t.ok(built instanceof Date && built.getTime() > Date.UTC(2025, 0, 1) && built.getTime() <= Date.now(), `BuildDate is this build's (${built.toISOString()})`);
});

void t.test("browse Objects/SOURCE/TAG", async (t) => {
  const objects = await childNames("i=85");
  t.ok(objects.includes("press1") && objects.includes("line1") && objects.includes("Sluice"), `Objects has the sources and Sluice: ${objects.join(",")}`);
  t.same((await childNames(`ns=${NS};s=press1`)).sort(), ["count", "running", "speed", "temperature"]);
  const r = await session.translateBrowsePath(makeBrowsePath("i=85", `/${NS}:press1/${NS}:temperature`));
  t.equal(r.statusCode.name, "Good");
  t.equal(r.targets?.[0]?.targetId.toString(), id("press1/temperature"), "NodeId string id is the tag path");
});

void t.test("read value, status and SourceTimestamp by quality", async (t) => {
  const [good, uncertain, bad, str] = await session.read([
    { nodeId: id("press1/temperature"), attributeId: AttributeIds.Value },
    { nodeId: id("press1/count"), attributeId: AttributeIds.Value },
    { nodeId: id("press1/speed"), attributeId: AttributeIds.Value },
    { nodeId: id("line1/name"), attributeId: AttributeIds.Value },
  ]) as [DataValue, DataValue, DataValue, DataValue];
  t.equal(good.statusCode.name, "Good");
  t.equal(good.value.dataType, DataType.Float);
  t.equal(good.value.value, 21.5);
  t.equal(good.sourceTimestamp?.getTime(), T0);
  t.equal(uncertain.statusCode.name, "UncertainLastUsableValue");
  t.equal(uncertain.value.dataType, DataType.Int64);
  t.same(uncertain.value.value, [0xffffffff, 0xfffffffb], "-5 as a two's complement Int64");
  t.equal(uncertain.sourceTimestamp?.getTime(), T0 + 1);
  t.equal(bad.statusCode.name, "BadConfigurationError");
  t.equal(bad.value.dataType, DataType.Null, "no value with a Bad status");
  t.equal(bad.sourceTimestamp?.getTime(), T0 + 2);
  t.equal(str.value.value, "Line one");
  for (const dv of [good, uncertain, bad, str]) {
    t.equal(dv.serverPicoseconds, 0, "no ServerPicoseconds on the wire (asyncua interop)");
    t.equal(dv.sourcePicoseconds, 0);
    t.ok(dv.serverTimestamp instanceof Date);
  }
});

void t.test("attributes: data types, read-only access levels, analog items", async (t) => {
  const attr = (path: string, attributeId: AttributeIds) => session.read({ nodeId: id(path), attributeId });
  t.equal((await attr("press1/running", AttributeIds.DataType)).value.value.toString(), "ns=0;i=1", "Boolean");
  t.equal((await attr("press1/speed", AttributeIds.DataType)).value.value.toString(), "ns=0;i=5", "UInt16");
  t.equal((await attr("line1/flow", AttributeIds.DataType)).value.value.toString(), "ns=0;i=11", "Double");
  const readHist = 0x01 | 0x04;
  t.equal((await attr("press1/temperature", AttributeIds.AccessLevel)).value.value, readHist, "CurrentRead | HistoryRead");
  t.equal((await attr("press1/temperature", AttributeIds.UserAccessLevel)).value.value, readHist);
  t.equal((await attr("press1/temperature", AttributeIds.Historizing)).value.value, true);
  t.equal((await attr("press1/temperature", AttributeIds.Description)).value.value.text, "platen temperature");
  t.equal((await attr("press1/temperature", AttributeIds.BrowseName)).value.value.name, "temperature");
  const typeOf = async (path: string) => {
    const r = await session.browse({ nodeId: id(path), browseDirection: BrowseDirection.Forward, referenceTypeId: "HasTypeDefinition", resultMask: 63 });
    return r.references?.[0]?.browseName.name;
  };
  t.equal(await typeOf("press1/temperature"), "AnalogItemType");
  t.equal(await typeOf("press1/speed"), "AnalogUnitType");
  t.equal(await typeOf("press1/running"), "BaseDataVariableType");
  const props = await session.translateBrowsePath([
    makeBrowsePath(id("press1/temperature"), ".EURange"),
    makeBrowsePath(id("press1/temperature"), ".EngineeringUnits"),
    makeBrowsePath(id("press1/speed"), ".EngineeringUnits"),
  ]);
  const targets = props.map((p) => ({ nodeId: resolveNodeId(p.targets?.[0]?.targetId.toString() ?? "i=0"), attributeId: AttributeIds.Value }));
  const [range, eu, speedEu] = (await session.read(targets)) as [DataValue, DataValue, DataValue];
  t.same({ low: range.value.value.low, high: range.value.value.high }, { low: 0, high: 200 });
  t.equal(eu.value.value.unitId, 4408652, "UNECE CEL");
  t.equal(speedEu.value.value.displayName.text, "r/min");
});

void t.test("subscriptions see changes", async (t) => {
  const sub = await session.createSubscription2({ requestedPublishingInterval: 100, requestedMaxKeepAliveCount: 20, requestedLifetimeCount: 200, publishingEnabled: true });
  t.teardown(() => sub.terminate());
  const seen: DataValue[] = [];
  const item = ClientMonitoredItem.create(sub, { nodeId: id("press1/temperature"), attributeId: AttributeIds.Value },
    { samplingInterval: 0, queueSize: 100, discardOldest: true }, TimestampsToReturn.Both);
  item.on("changed", (dv: DataValue) => seen.push(dv));
  t.ok(await waitFor(() => seen.length >= 1), "initial value");
  const big = ClientMonitoredItem.create(sub, { nodeId: id("press1/count"), attributeId: AttributeIds.Value },
    { samplingInterval: 0, queueSize: 1_000_000, discardOldest: true }, TimestampsToReturn.Both);
  await new Promise((r) => big.once("initialized", r));
  t.equal(big.monitoringParameters.queueSize, 50, "a huge queue request is revised to the cap (5M / 100k items)");
  t.equal(seen[0]?.value.value, 21.5);
  store.set([{ path: "press1/temperature", value: 30.25, sourceTime: T0 + 10 }]);
  store.set([{ path: "press1/temperature", value: 30.25, status: Status.UncertainNoCommunicationLastUsableValue, sourceTime: T0 + 10 }]);
  t.ok(await waitFor(() => seen.length >= 3), "a value change and a status change");
  t.equal(seen[1]?.value.value, 30.25);
  t.equal(seen[1]?.statusCode.name, "Good");
  t.equal(seen[1]?.sourceTimestamp?.getTime(), T0 + 10);
  t.equal(seen[1]?.serverPicoseconds, 0);
  t.equal(seen[2]?.statusCode.name, "UncertainNoCommunicationLastUsableValue");
  store.set([{ path: "press1/temperature", value: 21.5, sourceTime: T0 + 11 }]);
});

void t.test("exception-based items get every change as it arrives, none folded into a sampling window", async (t) => {
  const sub = await session.createSubscription2({ requestedPublishingInterval: 50, requestedMaxKeepAliveCount: 20, requestedLifetimeCount: 200, publishingEnabled: true });
  t.teardown(() => sub.terminate());
  const seen: number[] = [];
  const item = ClientMonitoredItem.create(sub, { nodeId: id("line1/flow"), attributeId: AttributeIds.Value },
    { samplingInterval: 0, queueSize: 100, discardOldest: true }, TimestampsToReturn.Both);
  item.on("changed", (dv: DataValue) => seen.push(dv.value.value as number));
  await new Promise((r) => item.once("initialized", r));
  t.ok(await waitFor(() => seen.length >= 1), "initial value");
  t.equal(item.monitoringParameters.samplingInterval, 0, "revised sampling interval 0: exception-based, no window");
  // five changes within a millisecond or so, each its own store update
  for (let i = 1; i <= 5; i++) store.set([{ path: "line1/flow", value: 100 + i, sourceTime: T0 + 20_000 + i }]);
  t.ok(await waitFor(() => seen.length >= 6), `every change notified (${seen.length - 1} of 5)`);
  t.same(seen.slice(1), [101, 102, 103, 104, 105], "in order");
});

async function history(path: string, details: Partial<{ startTime: Date | null; endTime: Date | null; numValuesPerNode: number }>, cp?: Buffer | null) {
  const req = new HistoryReadRequest({
    historyReadDetails: new ReadRawModifiedDetails({ isReadModified: false, returnBounds: false, numValuesPerNode: 0, ...details } as never),
    timestampsToReturn: TimestampsToReturn.Source,
    nodesToRead: [{ nodeId: id(path), ...(cp ? { continuationPoint: cp } : {}) }],
  });
  const res = await session.historyRead(req);
  const r = res.results?.[0];
  const values = ((r?.historyData as HistoryData | undefined)?.dataValues ?? []).map((d) => [d.sourceTimestamp!.getTime() - T0, d.value.value]);
  return { status: r?.statusCode.name, values, cp: r?.continuationPoint ?? null };
}

void t.test("HistoryRead raw returns the ring in range", async (t) => {
  const all = await session.readHistoryValue(id("line1/flow"), new Date(T0 + 2000), new Date(T0 + 6000));
  t.equal(all.statusCode.name, "Good");
  const got = ((all.historyData as HistoryData).dataValues ?? []).map((d) => [d.sourceTimestamp!.getTime() - T0, d.value.value]);
  t.same(got, [[2000, 3], [3000, 4.5], [4000, 6], [4000, 7.5], [6000, 9]], "both ends inclusive, oldest first");

  const p1 = await history("line1/flow", { startTime: new Date(T0 + 3000), endTime: new Date(T0 + 9000), numValuesPerNode: 2 });
  t.same(p1.values, [[3000, 4.5], [4000, 6]]);
  t.ok(p1.cp && p1.cp.length > 0, "a continuation point when more remain");
  const p2 = await history("line1/flow", { startTime: new Date(T0 + 3000), endTime: new Date(T0 + 9000), numValuesPerNode: 2 }, p1.cp);
  t.same(p2.values, [[4000, 7.5], [6000, 9]], "continues after equal timestamps without loss or repeat");
  const p3 = await history("line1/flow", { startTime: new Date(T0 + 3000), endTime: new Date(T0 + 9000), numValuesPerNode: 2 }, p2.cp);
  t.same(p3.values, [[7000, 10.5], [8000, 12]]);
  const p4 = await history("line1/flow", { startTime: new Date(T0 + 3000), endTime: new Date(T0 + 9000), numValuesPerNode: 2 }, p3.cp);
  t.same(p4.values, [[9000, 13.5]]);
  t.equal(p4.cp, null, "no continuation point at the end");

  const rev = await history("line1/flow", { startTime: new Date(T0 + 4000), endTime: new Date(T0 + 1000) });
  t.same(rev.values.map((v) => v[0]), [4000, 4000, 3000, 2000, 1000], "start after end reads backwards");
  const last2 = await history("line1/flow", { startTime: null, endTime: new Date(T0 + 9000), numValuesPerNode: 2 });
  t.same(last2.values.map((v) => v[0]), [9000, 8000], "only an end time: the latest values, newest first");
  t.equal((await history("line1/flow", { startTime: new Date(T0 + 100_000), endTime: new Date(T0 + 200_000) })).status, "GoodNoData");
  t.equal((await history("line1/flow", { startTime: null, endTime: null })).status, "BadHistoryOperationInvalid");
  t.equal((await history("line1/flow", { startTime: new Date(T0), endTime: new Date(T0 + 9000) }, Buffer.from("forged"))).status, "BadContinuationPointInvalid");
  t.equal((await history("press1/temperature", { startTime: new Date(T0), endTime: new Date(T0 + 9000) }, p1.cp)).status, "BadContinuationPointInvalid", "a point is bound to its node");
  t.equal((await history("nope/nothing", { startTime: new Date(T0), endTime: new Date(T0 + 9000) })).status, "BadNodeIdUnknown");
});

void t.test("history capabilities are advertised, read-only", async (t) => {
  const caps = await session.read([
    VariableIds.HistoryServerCapabilities_AccessHistoryDataCapability,
    VariableIds.HistoryServerCapabilities_MaxReturnDataValues,
    VariableIds.HistoryServerCapabilities_InsertDataCapability,
    VariableIds.HistoryServerCapabilities_DeleteRawCapability,
  ].map((n) => ({ nodeId: resolveNodeId(n), attributeId: AttributeIds.Value })));
  t.same(caps.map((c) => c.value.value), [true, 10_000, false, false]);
});

void t.test("every mutation service is refused with a Bad status", async (t) => {
  const temp = id("press1/temperature");
  const w = await session.write({ nodeId: temp, attributeId: AttributeIds.Value, value: { value: { dataType: DataType.Float, value: 99 } } })
    .then((s) => s.name, (e: Error) => e.message);
  t.match(w, /BadUserAccessDenied/, "Write");
  const c = await session.call({ objectId: "i=2253", methodId: "i=11492", inputArguments: [{ dataType: DataType.UInt32, value: 1 }] })
    .then((r) => r.statusCode.name, (e: Error) => e.message);
  t.match(c, /BadUserAccessDenied/, "Call (Server.GetMonitoredItems)");
  t.match(await serviceResult(new AddNodesRequest({ nodesToAdd: [{
    parentNodeId: coerceExpandedNodeId("i=85"), referenceTypeId: "i=35", requestedNewNodeId: coerceExpandedNodeId(`ns=${NS};s=evil/x`), browseName: { name: "x", namespaceIndex: NS },
    nodeClass: NodeClass.Variable, typeDefinition: coerceExpandedNodeId("i=63"),
  }] })), /BadServiceUnsupported/, "AddNodes");
  t.match(await serviceResult(new DeleteNodesRequest({ nodesToDelete: [{ nodeId: temp, deleteTargetReferences: true }] })), /BadServiceUnsupported/, "DeleteNodes");
  t.match(await serviceResult(new AddReferencesRequest({ referencesToAdd: [{
    sourceNodeId: "i=85", referenceTypeId: "i=35", isForward: true, targetNodeId: coerceExpandedNodeId(temp), targetNodeClass: NodeClass.Variable,
  }] })), /BadServiceUnsupported/, "AddReferences");
  t.match(await serviceResult(new DeleteReferencesRequest({ referencesToDelete: [{
    sourceNodeId: `ns=${NS};s=press1`, referenceTypeId: "i=35", isForward: true, targetNodeId: coerceExpandedNodeId(temp), deleteBidirectional: true,
  }] })), /BadServiceUnsupported/, "DeleteReferences");
  t.match(await serviceResult(new HistoryUpdateRequest({ historyUpdateDetails: [] })), /BadUserAccessDenied/, "HistoryUpdate");
  const after = await session.read({ nodeId: temp, attributeId: AttributeIds.Value });
  t.equal(after.value.value, 21.5, "the value is unchanged and the session still serves reads");
  t.same((await childNames(`ns=${NS};s=press1`)).sort(), ["count", "running", "speed", "temperature"], "the address space is unchanged");
});

void t.test("catalogue changes add, replace and remove nodes", async (t) => {
  store.define([{ alias: 6, path: "press2/pressure", type: "float64", unit: "bar", range: [0, 10] }]);
  store.set([{ path: "press2/pressure", value: 4.5, sourceTime: T0 + 20 }]);
  t.ok(await waitFor(async () => (await childNames("i=85")).includes("press2")), "a new source folder appears");
  const v = await session.read({ nodeId: id("press2/pressure"), attributeId: AttributeIds.Value });
  t.equal(v.value.value, 4.5);

  store.define([{ alias: 3, path: "press1/running", type: "int32" }]);
  store.set([{ path: "press1/running", value: 7, sourceTime: T0 + 21 }]);
  const dt = await session.read({ nodeId: id("press1/running"), attributeId: AttributeIds.DataType });
  t.equal(dt.value.value.toString(), "ns=0;i=6", "a changed definition replaces the node (now Int32)");
  t.equal((await session.read({ nodeId: id("press1/running"), attributeId: AttributeIds.Value })).value.value, 7);

  store.remove(["press2/pressure"]);
  const gone = await session.read({ nodeId: id("press2/pressure"), attributeId: AttributeIds.Value });
  t.equal(gone.statusCode.name, "BadNodeIdUnknown");
  t.notOk((await childNames("i=85")).includes("press2"), "an emptied source folder is removed");
});

void t.test("link and source health under Objects/Sluice", async (t) => {
  const d = (p: string): string => `ns=${DIAG};s=Sluice/${p}`;
  t.same((await childNames(`ns=${DIAG};s=Sluice`)).sort(), ["Link", "Sources"]);
  t.ok((await childNames(d("Link"))).includes("policyMismatch"));
  store.linkView = { ...store.linkView, up: true, sessionId: "00ff", framesReceived: 42, lastFrameTime: T0 + 30, policy: { local: "a", remote: "b", mismatch: true } };
  store.setHealth({ startedAt: T0, policyHash: "b", blocked: {}, sources: [
    { name: "press1", protocol: "modbus", state: "up", lastPollTime: T0 + 29, pollsOk: 10, pollsError: 2, overruns: 0 },
  ] });
  const read = async (p: string) => (await session.read({ nodeId: d(p), attributeId: AttributeIds.Value })).value.value;
  t.ok(await waitFor(async () => (await read("Link/up")) === true, 5000), "refreshed within about a second");
  t.equal(await read("Link/sessionId"), "00ff");
  t.same(await read("Link/framesReceived"), [0, 42], "UInt64 counter");
  t.equal(((await read("Link/lastFrameTime")) as Date).getTime(), T0 + 30);
  t.equal(await read("Link/policyMismatch"), true);
  t.ok(await waitFor(async () => (await read("Sources/press1/state")) === "up", 5000));
  t.same(await read("Sources/press1/pollsError"), [0, 2]);
  t.equal(((await read("Sources/press1/lastPollTime")) as Date).getTime(), T0 + 29);
  store.setHealth({ startedAt: T0, policyHash: "b", blocked: {}, sources: [] });
  t.ok(await waitFor(async () => !(await childNames(d("Sources"))).includes("press1"), 5000), "sources the reader no longer reports disappear");
});

void t.test("close is idempotent and stops listening", async (t) => {
  await session.close();
  await Promise.all([server.close(), server.close()]);
  await server.close();
  const again = makeClient(`${dir}/client-pki`);
  const err = await again.connect(server.endpointUrl).then(() => null, (e: Error) => e);
  t.ok(err, "no longer accepts connections");
  await again.disconnect();
});
