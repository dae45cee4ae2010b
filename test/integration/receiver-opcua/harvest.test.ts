/**
 * Subscriptions collect only the monitored items that queued something (harvest.ts),
 * against the receiver's real server and a real node-opcua client: what a client
 * receives is what node-opcua delivers without the change (every change, each item's
 * in order; sampling, triggering and deleted items as the specification says), and a
 * publishing interval no longer touches every item.
 */
import t, { type Test } from "tap";
import {
  AttributeIds, ClientMonitoredItem, ClientMonitoredItemGroup, type ClientSubscription, type DataValue, MonitoredItem,
  MonitoringMode, TimestampsToReturn, resolveNodeId,
} from "node-opcua";
import { HARVEST_FOR, harvestQueuedOnly } from "../../../src/receiver/opcua/harvest.js";
import { numericDefs, UaTestStore } from "../../fixtures/ua-store.js";
import { anonymousSession, startServer, tempDir, waitFor } from "../../fixtures/ua-client.js";

const N = 2000;
const store = new UaTestStore();
const defs = numericDefs(2, N / 2);
store.define(defs, true);
store.set(defs.map((d) => ({ path: d.path, value: 0 })), true);

const dir = tempDir(t);
const server = await startServer(t, store, dir, { security: { modes: ["None"] }, allowAnonymous: true });
const session = await anonymousSession(t, server.endpointUrl, `${dir}/client-pki`);
const ns = (await session.readNamespaceArray()).indexOf("urn:sluice:tags");
const id = (path: string) => resolveNodeId(`ns=${ns};s=${path}`);

async function subscription(t: Test): Promise<ClientSubscription> {
  const sub = await session.createSubscription2({ requestedPublishingInterval: 50, requestedMaxKeepAliveCount: 20, requestedLifetimeCount: 200, publishingEnabled: true });
  t.teardown(() => sub.terminate());
  return sub;
}

/** Calls of MonitoredItem.extractMonitoredItemNotifications while `f` runs. */
async function extractions(f: () => Promise<void>): Promise<number> {
  const proto = MonitoredItem.prototype as unknown as { extractMonitoredItemNotifications(this: unknown, ...a: unknown[]): unknown };
  const orig = proto.extractMonitoredItemNotifications;
  let n = 0;
  proto.extractMonitoredItemNotifications = function (...a: unknown[]) { n++; return orig.apply(this, a); };
  try {
    await f();
  } finally {
    proto.extractMonitoredItemNotifications = orig;
  }
  return n;
}

void t.test("applied to the pinned node-opcua (a new release must be checked again)", async (t) => {
  t.same(harvestQueuedOnly(), { applied: true });
  t.equal(HARVEST_FOR, "2.182.2");
});

void t.test(`${N} monitored items: a publishing interval touches the items that changed, and every change arrives`, async (t) => {
  const sub = await subscription(t);
  const seen = new Map<string, number[]>();
  const group = ClientMonitoredItemGroup.create(sub, defs.map((d) => ({ nodeId: id(d.path), attributeId: AttributeIds.Value })),
    { samplingInterval: 0, queueSize: 10, discardOldest: true }, TimestampsToReturn.Both);
  group.on("changed", (item, dv: DataValue) => {
    const path = String(item.itemToMonitor.nodeId.value);
    seen.set(path, [...(seen.get(path) ?? []), dv.value.value as number]);
  });
  await new Promise((r) => group.once("initialized", r));
  t.ok(await waitFor(() => seen.size === N), `initial values of all ${N} items (${seen.size})`);
  seen.clear();
  const changed = [defs[7]!.path, defs[1500]!.path];
  const calls = await extractions(async () => {
    for (let v = 1; v <= 5; v++) store.set(changed.map((path) => ({ path, value: v })));
    await waitFor(() => changed.every((p) => (seen.get(p)?.length ?? 0) >= 5), 10_000);
    await new Promise((r) => setTimeout(r, 500)); // ten more publishing intervals with nothing new
  });
  t.same(Object.fromEntries(seen), Object.fromEntries(changed.map((p) => [p, [1, 2, 3, 4, 5]])), "each change once, in order, on the items that changed only");
  t.ok(calls < 50, `items collected over ~15 publishing intervals: ${calls} (a walk of every item would be ${N} each)`);
});

void t.test("a sampling item reports nothing until it reports again; a triggering item brings its linked item's value", async (t) => {
  const sub = await subscription(t);
  const got: Record<string, number[]> = { a: [], b: [] };
  const make = (path: string, key: string) => {
    const it = ClientMonitoredItem.create(sub, { nodeId: id(path), attributeId: AttributeIds.Value }, { samplingInterval: 0, queueSize: 10, discardOldest: true }, TimestampsToReturn.Both);
    it.on("changed", (dv: DataValue) => got[key]!.push(dv.value.value as number));
    return it;
  };
  const [pa, pb] = [defs[20]!.path, defs[21]!.path];
  const a = make(pa, "a");
  const b = make(pb, "b");
  t.ok(await waitFor(() => got.a!.length === 1 && got.b!.length === 1), "initial values");
  await b.setMonitoringMode(MonitoringMode.Sampling);
  store.set([{ path: pb, value: 11 }]);
  await new Promise((r) => setTimeout(r, 300));
  t.same(got.b, [0], "sampled, not reported");

  await sub.setTriggering(a, [b], null);
  store.set([{ path: pa, value: 1 }]);
  t.ok(await waitFor(() => got.a!.length === 2 && got.b!.length === 2), "the triggering item's change brings the linked item's sampled value");
  t.same([got.a, got.b], [[0, 1], [0, 11]]);

  store.set([{ path: pb, value: 12 }]);
  await new Promise((r) => setTimeout(r, 300));
  t.same(got.b, [0, 11], "sampling again until the next trigger");
  await b.setMonitoringMode(MonitoringMode.Reporting);
  t.ok(await waitFor(() => got.b!.length === 3), "reporting again: the sampled value is reported");
  t.equal(got.b![2], 12);
});

void t.test("an item deleted with a notification queued is not collected; the others keep flowing", async (t) => {
  const sub = await subscription(t);
  const seen: Record<string, number[]> = {};
  const items = [defs[30]!.path, defs[31]!.path].map((path) => {
    seen[path] = [];
    const it = ClientMonitoredItem.create(sub, { nodeId: id(path), attributeId: AttributeIds.Value }, { samplingInterval: 0, queueSize: 10, discardOldest: true }, TimestampsToReturn.Both);
    it.on("changed", (dv: DataValue) => seen[path]!.push(dv.value.value as number));
    return { path, it };
  });
  t.ok(await waitFor(() => items.every(({ path }) => seen[path]!.length === 1)), "initial values");
  const [gone, kept] = items as [typeof items[0], typeof items[0]];
  await sub.setPublishingMode(false); // notifications wait in the items' queues
  store.set([{ path: gone.path, value: 7 }, { path: kept.path, value: 8 }]);
  await gone.it.terminate();
  await sub.setPublishingMode(true);
  t.ok(await waitFor(() => seen[kept.path]!.length === 2), "the other item's change arrives");
  t.same([seen[gone.path], seen[kept.path]], [[0], [0, 8]], "the deleted item's queued value is not delivered");
});
