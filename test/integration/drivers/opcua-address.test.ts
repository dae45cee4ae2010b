/** OPC UA addresses and value coercion: pure, no server (they live here with the other OPC UA driver tests). */
import t from "tap";
import { opcuaDriver } from "../../../src/drivers/opcua/index.js";
import { formatOpcuaAddress, nodeIdString } from "../../../src/drivers/opcua/address.js";
import { coerce, toResult, DataTypeId as D, DEVICE_TIME_AHEAD_MS, DEVICE_TIME_BACK_MS, type VariantLike } from "../../../src/drivers/opcua/coerce.js";
import { Status } from "../../../src/core/status.js";
import { isSluiceError } from "../../../src/core/errors.js";
import type { TagType } from "../../../src/core/model.js";

const parse = (a: string) => opcuaDriver.parseAddress(a);

void t.test("NodeId forms", async (t) => {
  t.same(parse("nsu=urn:acme;s=Line1.Temp"), { address: { namespaceUri: "urn:acme", identifierType: "s", identifier: "Line1.Temp" }, type: undefined });
  t.same(parse("ns=2;i=1001").address, { namespaceIndex: 2, identifierType: "i", identifier: "1001" });
  t.same(parse("i=2258").address, { namespaceIndex: 0, identifierType: "i", identifier: "2258" });
  t.same(parse("ns=3;s=a;b=c").address, { namespaceIndex: 3, identifierType: "s", identifier: "a;b=c" }, "string ids may hold ; and =");
  t.same(parse("nsu=http://acme.com/UA/;s=X").address.namespaceUri, "http://acme.com/UA/");
  t.same(parse("nsu=urn:a%3Bb;i=1").address.namespaceUri, "urn:a;b", "escaped ; in the URI");
  t.same(parse("ns=1;g=09087e75-8e5e-499b-954f-f2a9603db28a").address.identifierType, "g");
  t.same(parse("ns=1;b=M/RbKBsRVkePCePcx24oRA==").address.identifier, "M/RbKBsRVkePCePcx24oRA==");
  t.same(parse("ns=1;i=007").address.identifier, "7");
  t.equal(nodeIdString(parse("nsu=urn:acme;s=X").address, 4), "ns=4;s=X");
  t.equal(formatOpcuaAddress(parse("nsu=urn:acme;s=X").address), "nsu=urn:acme;s=X");
  t.equal(formatOpcuaAddress(parse("i=85").address), "ns=0;i=85");
});

const BAD: [string, RegExp][] = [
  ["", /expected a NodeId/],
  ["Line1.Temp", /expected a NodeId/],
  ["nsu=urn:acme", /must be followed by ;TYPE=ID/],
  ["nsu=;s=X", /empty namespace URI/],
  ["nsu=urn:a%ZZ;s=X", /malformed %-escape/],
  ["ns=x;i=1", /ns= needs a namespace index/],
  ["ns=70000;i=1", /namespace index 70000 out of range/],
  ["ns=2;x=1", /expected a NodeId/],
  ["ns=2;s=", /empty s= identifier/],
  ["ns=2;i=-1", /not 0\.\.4294967295/],
  ["ns=2;i=4294967296", /not 0\.\.4294967295/],
  ["ns=2;g=not-a-guid", /is not a GUID/],
  ["ns=2;b=***", /is not base64/],
];

void t.test("malformed NodeIds throw SLUICE_ERR_ADDRESS with the reason", async (t) => {
  for (const [address, reason] of BAD) {
    try {
      parse(address);
      t.fail(`accepted ${JSON.stringify(address)}`);
    } catch (e) {
      t.ok(isSluiceError(e, "SLUICE_ERR_ADDRESS"), address);
      t.match((e as Error).message, reason, address);
    }
  }
});

const v = (dataType: number, value: unknown, arrayType = 0): VariantLike => ({ dataType, arrayType, value });
const fits = (x: VariantLike, type: TagType) => coerce(x, type)?.value;
const refused = (x: VariantLike, type: TagType) => coerce(x, type) === undefined;

void t.test("server values coerce to the tag type when they fit", async (t) => {
  t.equal(fits(v(D.Boolean, true), "bool"), true);
  t.equal(fits(v(D.Byte, 1), "bool"), true, "0/1 integers are booleans");
  t.equal(fits(v(D.Int16, -5), "int32"), -5);
  t.equal(fits(v(D.Double, 3), "int16"), 3, "an integral double fits an integer type");
  t.equal(fits(v(D.UInt32, 4294967295), "uint32"), 4294967295);
  t.equal(fits(v(D.Boolean, true), "uint16"), 1);
  t.equal(fits(v(D.Int64, [0xffffffff, 0xfffffffe]), "int64"), -2n, "[high, low] words, two's complement");
  t.equal(fits(v(D.UInt64, [0xffffffff, 0xffffffff]), "uint64"), 18446744073709551615n);
  t.equal(fits(v(D.Int64, [0, 42]), "int16"), 42);
  t.equal(fits(v(D.Int32, 7), "uint64"), 7n);
  t.equal(fits(v(D.Float, 1.5), "float64"), 1.5);
  t.equal(fits(v(D.UInt64, [1, 0]), "float64"), 4294967296);
  t.equal(fits(v(D.String, "abc"), "string"), "abc");
  t.equal(fits(v(D.LocalizedText, { text: "Hallo", locale: "de" }), "string"), "Hallo");
  t.equal(fits(v(D.QualifiedName, { name: "Q", namespaceIndex: 1 }), "string"), "Q");
  t.equal(fits(v(D.DateTime, new Date(Date.UTC(2024, 0, 2))), "string"), "2024-01-02T00:00:00.000Z");
  t.equal(fits(v(D.Double, 2.5), "string"), "2.5");
  t.equal(fits(v(D.StatusCode, { value: 0x80340000 }), "uint32"), 0x80340000);
});

void t.test("values that do not fit are refused, never rounded or truncated", async (t) => {
  t.ok(refused(v(D.Double, 2.5), "int32"), "fraction into an integer");
  t.ok(refused(v(D.Int32, 70000), "int16"), "out of range");
  t.ok(refused(v(D.Int32, -1), "uint32"), "negative into unsigned");
  t.ok(refused(v(D.Int64, [0x80000000, 0]), "uint64"), "negative int64 into uint64");
  t.ok(refused(v(D.Double, 2), "bool"), "2 is no boolean");
  t.ok(refused(v(D.String, "12"), "float64"), "strings are not parsed");
  t.ok(refused(v(D.Double, [1, 2], 1), "float64"), "arrays");
  t.ok(refused(v(D.Null, null), "float64"), "null variant");
  t.ok(refused(v(D.ByteString, Buffer.from("x")), "string"), "byte strings");
  t.ok(refused(v(D.Double, "not a number"), "float64"), "a variant whose value contradicts its type");
});

void t.test("DataValues become results: status and source timestamp pass through", async (t) => {
  const src = new Date(Date.UTC(2024, 5, 1));
  const srv = new Date(Date.UTC(2024, 5, 2));
  const NOW = Date.UTC(2024, 5, 3); // the reader's clock
  const dv = (status: number, value: VariantLike, sourceTimestamp: Date | null, serverTimestamp: Date | null = srv) =>
    ({ statusCode: { value: status }, value, sourceTimestamp, serverTimestamp });
  t.same(toResult(dv(0, v(D.Double, 1.5), src), "float64", NOW), { value: 1.5, status: Status.Good, sourceTime: src.getTime() });
  t.same(toResult(dv(0, v(D.Double, 1.5), null), "float64", NOW).sourceTime, srv.getTime(), "no source timestamp: the server's");
  t.same(toResult(dv(0, v(D.Double, 1.5), new Date(-11644473600000), null), "float64", NOW).sourceTime, NOW, "1601 means unset: now");
  t.same(toResult(dv(Status.UncertainLastUsableValue, v(D.Int16, 3), src), "int16", NOW), { value: 3, status: Status.UncertainLastUsableValue, sourceTime: src.getTime() });
  t.same(toResult(dv(0x808c0000, v(D.Double, 9), src), "float64", NOW), { value: null, status: 0x808c0000, sourceTime: src.getTime() }, "Bad: no value");
  t.same(toResult(dv(0, v(D.String, "x"), src), "int16", NOW), { value: null, status: Status.BadTypeMismatch, sourceTime: src.getTime() });
  t.equal(toResult(dv(-2147483648 | 0x00340000, v(D.Null, null), src), "bool", NOW).status, 0x80340000, "status read as unsigned");
});

void t.test("a device clock outside the reader's window: its times are replaced by the acquisition time, reported once per call", async (t) => {
  const NOW = Date.UTC(2026, 5, 1);
  const dv = (sourceTimestamp: Date) => ({ statusCode: { value: 0 }, value: v(D.Double, 2.5), sourceTimestamp, serverTimestamp: null });
  const seen: number[] = [];
  const onClock = (ms: number) => seen.push(ms);
  const ahead = new Date(NOW + DEVICE_TIME_AHEAD_MS + 1), behind = new Date(NOW - DEVICE_TIME_BACK_MS - 1);
  t.same(toResult(dv(ahead), "float64", NOW, onClock), { value: 2.5, status: Status.Good, sourceTime: NOW }, "a clock ahead: the reader's time, value and status kept");
  t.same(toResult(dv(behind), "float64", NOW, onClock), { value: 2.5, status: Status.Good, sourceTime: NOW }, "a clock reset to the past (a PLC after a battery loss)");
  t.same(seen, [ahead.getTime(), behind.getTime()], "each reported to the driver, which logs the first");
  const old = new Date(NOW - 400 * 86_400_000);
  t.equal(toResult(dv(old), "float64", NOW, onClock).sourceTime, old.getTime(), "a value unchanged for 400 days keeps its device time");
  t.equal(toResult(dv(new Date(NOW + 30_000)), "float64", NOW, onClock).sourceTime, NOW + 30_000, "a device 30 s ahead is within the window");
  t.equal(seen.length, 2);
});
