/**
 * Tag values set without node-opcua's general setter (value-path.ts): the variable's
 * value and the change events are what setValueFromSource makes, for every tag type,
 * status and time; the event is the variable's value but not the same object; and
 * through the receiver's real server a subscribed client gets every change in order, a
 * range change announced once, flagged SemanticChanged, and never on what a Read returns.
 */
import t from "tap";
import {
  AddressSpace, AttributeIds, ClientMonitoredItem, type DataValue, StatusCodes, TimestampsToReturn, type UAVariable,
  coerceStatusCode, generateAddressSpace, nodesets,
} from "node-opcua";
import { Status } from "../../../src/core/status.js";
import type { TagType, Value } from "../../../src/core/model.js";
import { DIRECT_FOR, directValues, ownsValue, setDirect } from "../../../src/receiver/opcua/value-path.js";
import { DATA_TYPES, toVariant } from "../../../src/receiver/opcua/variant.js";
import { UaTestStore } from "../../fixtures/ua-store.js";
import { anonymousSession, startServer, tempDir, waitFor } from "../../fixtures/ua-client.js";

const T0 = Date.UTC(2026, 0, 1);

/** What a reader of the variable or of its events sees. */
function seen(dv: DataValue): unknown {
  return {
    value: dv.value.value as unknown, dataType: dv.value.dataType, arrayType: dv.value.arrayType, status: dv.statusCode.value,
    source: dv.sourceTimestamp?.getTime() ?? null, sourcePs: dv.sourcePicoseconds,
    server: dv.serverTimestamp?.getTime() ?? null, serverPs: dv.serverPicoseconds,
  };
}

void t.test(`applied to the pinned node-opcua (${DIRECT_FOR}; a new release must be checked again)`, async (t) => {
  t.same(directValues(), { applied: true });
});

void t.test("the same value and events as setValueFromSource, for every type, status and time", async (t) => {
  const as = AddressSpace.create();
  t.teardown(() => as.dispose());
  await generateAddressSpace(as, [nodesets.standard]);
  const ns = as.registerNamespace("urn:test");
  const steps: Record<TagType, Value[]> = {
    bool: [true, false], int16: [-5, 7], uint16: [3, 65535], int32: [-2e9, 1], uint32: [4e9, 0], int64: [-(2n ** 63n), 5n],
    uint64: [2n ** 64n - 1n, 0n], float32: [1.5, -0.25], float64: [Math.PI, 1e300], string: ["a", "ÅÄÖ"],
  };
  for (const [type, [v1, v2]] of Object.entries(steps) as Array<[TagType, Value[]]>) {
    const make = (name: string) => ns.addVariable({ browseName: `${type}-${name}`, organizedBy: as.rootFolder.objects, dataType: DATA_TYPES[type], minimumSamplingInterval: 0 });
    const direct = make("direct");
    const general = make("general");
    t.ok(ownsValue(direct), `${type}: the variable holds its value where the direct path writes`);
    const events: Record<string, unknown[]> = { direct: [], general: [] };
    direct.on("value_changed", (dv: DataValue) => events.direct!.push(seen(dv)));
    general.on("value_changed", (dv: DataValue) => events.general!.push(seen(dv)));
    // a new value, a repeat (same value and time: no event), the same value later, a status change
    // with no value, a value again, and the same time with another value
    const sequence: Array<[Value, number, number]> = [
      [v1!, Status.Good, T0], [v1!, Status.Good, T0], [v1!, Status.Good, T0 + 1], [null, Status.BadNoCommunication, T0 + 2],
      [v2!, Status.UncertainLastUsableValue, T0 + 3], [v1!, Status.UncertainLastUsableValue, T0 + 3],
    ];
    for (const [value, status, time] of sequence) {
      setDirect(direct, toVariant(type, value), coerceStatusCode(status), new Date(time));
      general.setValueFromSource(toVariant(type, value), coerceStatusCode(status), new Date(time));
      t.same(seen(direct.readValue()), seen(general.readValue()), `${type} ${String(value)} ${status} ${time - T0}: read the same`);
    }
    t.equal(events.general!.length, 5, `${type}: the repeat made no event`);
    t.same(events.direct, events.general, `${type}: the same events, in order`);
  }

  const v = ns.addVariable({ browseName: "apart", organizedBy: as.rootFolder.objects, dataType: "Double", minimumSamplingInterval: 0 });
  let event: DataValue | null = null;
  v.on("value_changed", (dv: DataValue) => { event = dv; });
  setDirect(v, toVariant("float64", 1), coerceStatusCode(Status.Good), new Date(T0));
  t.ok(event, "an event");
  t.not(event, v.readValue(), "the event is a DataValue of its own");
  (event as unknown as DataValue).statusCode = StatusCodes.GoodOverload;
  t.equal(v.readValue().statusCode.value, Status.Good, "what a listener does to its event leaves the variable's value alone");
});

void t.test("a subscribed client: every change in order; a range change flagged once, never on a Read", async (t) => {
  const store = new UaTestStore();
  const def = { alias: 0, path: "press/temp", type: "float64" as const, unit: "degC", range: [0, 100] as [number, number] };
  store.define([def], true);
  store.set([{ path: def.path, value: 0, sourceTime: T0 }], true);
  const dir = tempDir(t);
  const server = await startServer(t, store, dir, { security: { modes: ["None"] }, allowAnonymous: true });
  const session = await anonymousSession(t, server.endpointUrl, `${dir}/client-pki`);
  const nodeId = `ns=${(await session.readNamespaceArray()).indexOf("urn:sluice:tags")};s=${def.path}`;
  const sub = await session.createSubscription2({ requestedPublishingInterval: 50, requestedMaxKeepAliveCount: 20, requestedLifetimeCount: 200, publishingEnabled: true });
  t.teardown(() => sub.terminate());
  const got: DataValue[] = [];
  const item = ClientMonitoredItem.create(sub, { nodeId, attributeId: AttributeIds.Value }, { samplingInterval: 0, queueSize: 100, discardOldest: true }, TimestampsToReturn.Both);
  item.on("changed", (dv: DataValue) => got.push(dv));
  await waitFor(() => got.length >= 1);
  const tagVar = (server as unknown as { served: { tags: { variable(p: string): UAVariable | undefined } } }).served.tags.variable(def.path)!;
  let general = 0;
  const setter = tagVar.setValueFromSource.bind(tagVar);
  tagVar.setValueFromSource = (...a: Parameters<UAVariable["setValueFromSource"]>) => { general++; setter(...a); };
  for (let i = 1; i <= 5; i++) store.set([{ path: def.path, value: i, sourceTime: T0 + i }]);
  await waitFor(() => got.length >= 6);
  t.same(got.map((d) => d.value.value as number), [0, 1, 2, 3, 4, 5], "every change, in order");
  t.equal(general, 0, "set by the direct path, not setValueFromSource");
  t.same(got.map((d) => d.sourceTimestamp?.getTime()), [0, 1, 2, 3, 4, 5].map((i) => T0 + i), "with its source time");
  const SEMANTIC = 0x4000;
  t.notOk(got.some((d) => (d.statusCode.value & SEMANTIC) !== 0), "no semantic change yet");

  store.define([{ ...def, range: [0, 500] }]);
  const flagged = await waitFor(() => got.find((d) => (d.statusCode.value & SEMANTIC) !== 0));
  t.equal(flagged?.value.value, 5, "the range change is announced: the current value again, flagged SemanticChanged");
  store.set([{ path: def.path, value: 6, sourceTime: T0 + 6 }]);
  const after = await waitFor(() => got.find((d) => d.value.value === 6));
  t.equal((after?.statusCode.value ?? SEMANTIC) & SEMANTIC, 0, "the next change is not flagged");
  const read = await session.read({ nodeId, attributeId: AttributeIds.Value });
  t.equal(read.value.value, 6);
  t.equal(read.statusCode.value, Status.Good, "a Read carries the value's own status, without the flag");
});
