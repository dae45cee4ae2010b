/**
 * A tag variable keeps no reference lookup from its construction (tags.ts dropBuildCache:
 * about 0.5 KB a tag at plant scale), for plain, unit-bearing and analog tags, both at
 * start and when a catalogue change adds one; and nothing that a client does depends on
 * it: Browse still finds each variable's type definition, Read and a subscription serve
 * its value.
 */
import t from "tap";
import { AttributeIds, BrowseDirection, ClientMonitoredItem, type DataValue, StatusCodes, TimestampsToReturn, type UAVariable } from "node-opcua";
import type { TagDef } from "../../../src/core/model.js";
import { UaTestStore } from "../../fixtures/ua-store.js";
import { anonymousSession, startServer, tempDir, waitFor } from "../../fixtures/ua-client.js";

const T0 = Date.UTC(2026, 0, 1);

/** Entries in node-opcua's reference-lookup cache of a node (its private state). */
function cachedLookups(v: UAVariable): number {
  const sym = Object.getOwnPropertySymbols(v).find((s) => String(s).includes("BaseNodePrivate"));
  if (!sym) throw new Error("node-opcua's private node state was not found: the check needs updating");
  const priv = (v as unknown as Record<symbol, { _cache?: { _ref?: Map<string, unknown> } }>)[sym];
  return priv?._cache?._ref?.size ?? 0;
}

void t.test("tag variables hold no reference lookup from their construction, and clients do not miss it", async (t) => {
  const store = new UaTestStore();
  const defs: TagDef[] = [
    { alias: 0, path: "press/count", type: "int32" },
    { alias: 1, path: "press/temp", type: "float64", unit: "degC" },
    { alias: 2, path: "press/level", type: "float32", unit: "%", range: [0, 100] },
    { alias: 3, path: "press/recipe", type: "string" },
  ];
  store.define(defs, true);
  store.set(defs.map((d, i) => ({ path: d.path, value: d.type === "string" ? "r1" : i + 1, sourceTime: T0 })), true);
  const dir = tempDir(t);
  const server = await startServer(t, store, dir, { security: { modes: ["None"] }, allowAnonymous: true });
  const tags = (server as unknown as { served: { tags: { variable(p: string): UAVariable | undefined } } }).served.tags;
  const vars = defs.map((d) => tags.variable(d.path)!);
  t.same(vars.map(cachedLookups), [0, 0, 0, 0], "none after the build");

  // a catalogue change adds a tag while the server runs (model change events look its type up)
  const added: TagDef = { alias: 4, path: "oven/temp", type: "float64", unit: "degC" };
  store.define([...defs, added]);
  await waitFor(() => tags.variable(added.path) !== undefined);
  t.equal(cachedLookups(tags.variable(added.path)!), 0, "none for a tag added later");

  const session = await anonymousSession(t, server.endpointUrl, `${dir}/client-pki`);
  const ns = (await session.readNamespaceArray()).indexOf("urn:sluice:tags");
  const ids = defs.map((d) => `ns=${ns};s=${d.path}`);
  const browsed = await session.browse(ids.map((nodeId) => ({ nodeId, referenceTypeId: "HasTypeDefinition", browseDirection: BrowseDirection.Forward, includeSubtypes: true, resultMask: 63 })));
  t.same(browsed.map((b) => b.references?.map((r) => r.nodeId.toString())), vars.map((v) => [v.typeDefinition.toString()]), "Browse finds each type definition");
  const read = await session.read(ids.map((nodeId) => ({ nodeId, attributeId: AttributeIds.Value })));
  t.same(read.map((d) => [d.statusCode.value, d.value.value]), [[0, 1], [0, 2], [0, 3], [0, "r1"]], "Read serves each value");

  const sub = await session.createSubscription2({ requestedPublishingInterval: 50, requestedMaxKeepAliveCount: 20, requestedLifetimeCount: 200, publishingEnabled: true });
  t.teardown(() => sub.terminate());
  const got: DataValue[] = [];
  const item = ClientMonitoredItem.create(sub, { nodeId: ids[1]!, attributeId: AttributeIds.Value }, { samplingInterval: 0, queueSize: 10, discardOldest: true }, TimestampsToReturn.Both);
  item.on("changed", (dv: DataValue) => got.push(dv));
  await waitFor(() => got.length >= 1);
  store.set([{ path: "press/temp", value: 21.5, sourceTime: T0 + 1 }]);
  await waitFor(() => got.length >= 2);
  t.same(got.map((d) => d.value.value as number), [2, 21.5], "a subscription gets the value and its change");
  t.equal(got[1]!.statusCode.value, StatusCodes.Good.value);
});
