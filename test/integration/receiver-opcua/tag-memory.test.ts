/**
 * What tags.ts leaves out of each tag variable to save memory at plant scale, for plain,
 * unit-bearing and analog tags, both at start and when a catalogue change adds one:
 * no reference lookup cached from its construction (dropBuildCache, about 0.5 KB a tag),
 * no JavaScript accessor on its folder (frugally, about 150 B), one RolePermissions array
 * shared by every tag (shareRoles, about 250 B). And nothing a client does depends on
 * them: Browse still finds each variable's type definition and each folder's children,
 * Read serves values, their source times (tags read together share one Date: dateOf) and
 * RolePermissions, a subscription serves changes, and a changed
 * range reaches the analog tag's EURange in place.
 */
import t from "tap";
import { AttributeIds, BrowseDirection, NodeClass, type UAObject, ClientMonitoredItem, type DataValue, StatusCodes, TimestampsToReturn, type UAVariable, type BaseNode } from "node-opcua";
import type { TagDef } from "../../../src/core/model.js";
import { UaTestStore } from "../../fixtures/ua-store.js";
import { anonymousSession, startServer, tempDir, waitFor } from "../../fixtures/ua-client.js";

const T0 = Date.UTC(2026, 0, 1);

interface Ref { nodeId: unknown; referenceType: { toString(): string }; isForward: boolean }
interface Private { _cache?: { _ref?: Map<string, unknown> }; _referenceIdx: Map<string, Ref>; _back_referenceIdx: Map<string, Ref> }

/** node-opcua's private state of a node. */
function privateOf(v: BaseNode): Private {
  const sym = Object.getOwnPropertySymbols(v).find((s) => String(s).includes("BaseNodePrivate"));
  if (!sym) throw new Error("node-opcua's private node state was not found: the check needs updating");
  return (v as unknown as Record<symbol, Private>)[sym]!;
}

/** A node's properties, found in its reference indexes (a lookup would fill the cache being checked). */
function propertiesOf(v: UAVariable): BaseNode[] {
  const hasProperty = v.addressSpace.findReferenceType("HasProperty")!.nodeId.toString();
  const p = privateOf(v);
  return [...p._referenceIdx.values(), ...p._back_referenceIdx.values()]
    .filter((r) => r.isForward && r.referenceType.toString() === hasProperty)
    .map((r) => v.addressSpace.findNode(r.nodeId as string)!);
}

/** Entries in node-opcua's reference-lookup cache of a node and of its properties. */
function cachedLookups(v: UAVariable): number {
  const size = (n: BaseNode): number => privateOf(n)._cache?._ref?.size ?? 0;
  return propertiesOf(v).reduce((n, p) => n + size(p), size(v));
}

/** The tags folder's own JavaScript properties that lead to a tag variable (node-opcua's child accessors). */
function accessorsOn(folder: UAObject, vars: UAVariable[]): string[] {
  return Object.getOwnPropertyNames(folder).filter((k) => {
    const d = Object.getOwnPropertyDescriptor(folder, k);
    if (!d?.get) return false;
    try {
      return vars.includes(d.get.call(folder) as UAVariable);
    } catch {
      return false;
    }
  });
}

/** The RolePermissions array node-opcua keeps for a node (its private field). */
const rolesOf = (v: UAVariable): unknown => (v as unknown as { _rolePermissions?: unknown })._rolePermissions;

void t.test("tag variables hold no build cache, folder accessor or roles of their own, and clients do not miss them", async (t) => {
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
  const sourceTimes = (): Date[] => vars.map((v) => (v as unknown as { $dataValue: DataValue }).$dataValue.sourceTimestamp!);
  t.equal(new Set(sourceTimes()).size, 1, "the tags of one read share one Date");
  t.same(sourceTimes().map((d) => d.getTime()), [T0, T0, T0, T0], "each its source time");
  t.same(vars.map((v) => propertiesOf(v).length), [0, 1, 2, 0], "the unit tag has EngineeringUnits, the analog tag EURange too");
  t.same(vars.map(cachedLookups), [0, 0, 0, 0], "none after the build, in the tags or their properties");

  // a catalogue change adds a tag while the server runs (model change events look its type up)
  const added: TagDef = { alias: 4, path: "oven/temp", type: "float64", unit: "degC" };
  store.define([...defs, added]);
  await waitFor(() => tags.variable(added.path) !== undefined);
  t.equal(cachedLookups(tags.variable(added.path)!), 0, "none for a tag added later");

  const all = [...vars, tags.variable(added.path)!];
  const folders = ["press", "oven"].map((s) => all[0]!.addressSpace.findNode(`ns=${all[0]!.nodeId.namespace};s=${s}`) as UAObject);
  t.ok(folders.every((f) => f?.nodeClass === NodeClass.Object), "two source folders");
  t.same(folders.flatMap((f) => accessorsOn(f, all)), [], "no folder has a JavaScript accessor for a tag");
  t.ok(all.every((v) => Array.isArray(rolesOf(v)) && (rolesOf(v) as unknown[]).length === 2), "every tag has its two roles");
  t.equal(new Set(all.map(rolesOf)).size, 1, "one array shared by every tag, also one added later");

  const session = await anonymousSession(t, server.endpointUrl, `${dir}/client-pki`);
  const ns = (await session.readNamespaceArray()).indexOf("urn:sluice:tags");
  const ids = defs.map((d) => `ns=${ns};s=${d.path}`);
  const browsed = await session.browse(ids.map((nodeId) => ({ nodeId, referenceTypeId: "HasTypeDefinition", browseDirection: BrowseDirection.Forward, includeSubtypes: true, resultMask: 63 })));
  t.same(browsed.map((b) => b.references?.map((r) => r.nodeId.toString())), vars.map((v) => [v.typeDefinition.toString()]), "Browse finds each type definition");
  const children = await session.browse({ nodeId: `ns=${ns};s=press`, referenceTypeId: "Organizes", browseDirection: BrowseDirection.Forward, includeSubtypes: true, resultMask: 63 });
  t.same(children.references?.map((r) => r.browseName.name).sort(), ["count", "level", "recipe", "temp"], "Browse finds the folder's tags");
  const roles = await session.read({ nodeId: ids[0]!, attributeId: AttributeIds.RolePermissions });
  t.equal(roles.statusCode.value, StatusCodes.Good.value, "Read of RolePermissions is good");
  const served = roles.value.value as Array<{ roleId: { toString(): string }; permissions: number }>;
  t.equal(served.length, 2, "two roles served");
  t.ok(served.every((r) => (r.permissions & 0x20) !== 0), "each grants Read");
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
  t.equal(got[1]!.sourceTimestamp?.getTime(), T0 + 1, "the change carries its own source time");
  const times = await session.read(ids.map((nodeId) => ({ nodeId, attributeId: AttributeIds.Value })), 0);
  t.same(times.map((d) => d.sourceTimestamp?.getTime()), [T0, T0 + 1, T0, T0], "the others keep theirs (the shared Date was replaced, not changed)");

  // a changed range is applied in place (through EURange, a child found without folder accessors)
  store.define([...defs.map((d) => (d.path === "press/level" ? { ...d, range: [0, 250] as [number, number] } : d)), added]);
  const euRange = await waitFor(async () => {
    const r = await session.browse({ nodeId: ids[2]!, referenceTypeId: "HasProperty", browseDirection: BrowseDirection.Forward, includeSubtypes: true, resultMask: 63 });
    const id = r.references?.find((x) => x.browseName.name === "EURange")?.nodeId;
    if (!id) return undefined;
    const v = await session.read({ nodeId: id, attributeId: AttributeIds.Value });
    return (v.value.value as { high: number }).high === 250 ? v : undefined;
  });
  t.ok(euRange, "EURange now ends at 250");
  t.equal(tags.variable("press/level"), vars[2], "the same variable, changed in place");
});
