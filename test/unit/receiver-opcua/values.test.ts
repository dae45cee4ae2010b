import t from "tap";
import { DataType } from "node-opcua";
import { DATA_TYPES, int64Words, toVariant } from "../../../src/receiver/opcua/variant.js";
import { euInformation, unitId } from "../../../src/receiver/opcua/units.js";
import { ALLOWED_SERVICES, refusalStatus } from "../../../src/receiver/opcua/readonly-gate.js";
import { TAG_TYPES } from "../../../src/core/model.js";
import { QUEUED_NOTIFICATION_BUDGET, queueCap } from "../../../src/receiver/opcua/limits.js";

void t.test("every tag type has an OPC UA data type", async (t) => {
  for (const ty of TAG_TYPES) t.ok(DATA_TYPES[ty] !== undefined, ty);
  t.equal(DATA_TYPES.float32, DataType.Float);
  t.equal(DATA_TYPES.float64, DataType.Double);
  t.equal(DATA_TYPES.uint64, DataType.UInt64);
});

void t.test("64-bit integers keep every bit", async (t) => {
  t.same(int64Words(-1n), [0xffffffff, 0xffffffff]);
  t.same(int64Words(-5n), [0xffffffff, 0xfffffffb]);
  t.same(int64Words((1n << 64n) - 1n), [0xffffffff, 0xffffffff]);
  t.same(int64Words(0x1234567890abcdefn), [0x12345678, 0x90abcdef]);
  t.same(toVariant("int64", 9007199254740993n).value, [0x200000, 1], "above 2^53 exactly");
  t.same(toVariant("uint64", 42).value, [0, 42], "a number is accepted for a 64-bit tag");
});

void t.test("values become variants of the tag's type; null is a Null variant", async (t) => {
  t.equal(toVariant("bool", true).dataType, DataType.Boolean);
  t.equal(toVariant("string", "x").value, "x");
  t.equal(toVariant("float32", 1.5).dataType, DataType.Float);
  t.equal(toVariant("int16", null).dataType, DataType.Null);
  t.throws(() => toVariant("bool", 1), TypeError);
  t.throws(() => toVariant("string", 1), TypeError);
  t.throws(() => toVariant("int64", Number.NaN), TypeError);
});

void t.test("engineering units carry UNECE codes", async (t) => {
  t.equal(unitId("CEL"), 4408652, "the UnitId OPC 10000-8 gives for degree Celsius");
  const c = euInformation("degC");
  t.equal(c.unitId, 4408652);
  t.equal(c.displayName.text, "°C");
  t.equal(c.namespaceUri, "http://www.opcfoundation.org/UA/units/un/cefact");
  t.equal(euInformation("°C"), c, "spellings share one instance");
  t.equal(euInformation("bar").unitId, unitId("BAR"));
  t.equal(euInformation("m3/h").displayName.text, "m³/h");
  const u = euInformation("furlongs/fortnight");
  t.equal(u.unitId, -1, "unknown units have no UnitId");
  t.equal(u.displayName.text, "furlongs/fortnight");
});

void t.test("the read-only gate allows reads and refuses every mutation", async (t) => {
  for (const s of ["WriteRequest", "CallRequest", "HistoryUpdateRequest", "AddNodesRequest", "DeleteNodesRequest",
    "AddReferencesRequest", "DeleteReferencesRequest", "QueryFirstRequest", "RegisterServerRequest", "RegisterServer2Request"]) {
    t.notOk(ALLOWED_SERVICES.has(s), `${s} is not allowed`);
  }
  for (const s of ["ReadRequest", "BrowseRequest", "HistoryReadRequest", "CreateMonitoredItemsRequest", "PublishRequest"]) {
    t.ok(ALLOWED_SERVICES.has(s), `${s} is allowed`);
  }
  t.equal(refusalStatus("WriteRequest").name, "BadUserAccessDenied");
  t.equal(refusalStatus("CallRequest").name, "BadUserAccessDenied");
  t.equal(refusalStatus("AddNodesRequest").name, "BadServiceUnsupported");
  t.equal(refusalStatus("SomeFutureRequest").name, "BadServiceUnsupported");
});

void t.test("monitored-item queues share a bounded budget", async (t) => {
  t.equal(queueCap(100_000), 50);
  t.equal(queueCap(1_000_000), 5);
  t.equal(queueCap(20), 1000, "never above 1,000");
  t.ok(queueCap(100_000) * 100_000 <= QUEUED_NOTIFICATION_BUDGET);
});
