import t from "tap";
import { modbusDriver } from "../../../src/drivers/modbus/index.js";
import { isSluiceError } from "../../../src/core/errors.js";

const parse = (a: string) => modbusDriver.parseAddress(a);

void t.test("valid forms and their defaults", async (t) => {
  t.same(parse("hr:0"), { address: { area: "hr", offset: 0, type: "int16" }, type: "int16" });
  t.same(parse("ir:7:uint16"), { address: { area: "ir", offset: 7, type: "uint16" }, type: "uint16" });
  t.same(parse("coil:0"), { address: { area: "coil", offset: 0, type: "bool" }, type: "bool" });
  t.same(parse("di:65535:bool"), { address: { area: "di", offset: 65535, type: "bool" }, type: "bool" });
  t.same(parse("hr:5.3"), { address: { area: "hr", offset: 5, bit: 3, type: "bool" }, type: "bool" });
  t.same(parse("ir:5.15:bool"), { address: { area: "ir", offset: 5, bit: 15, type: "bool" }, type: "bool" });
  t.same(parse("hr:2:float32:CDAB"), { address: { area: "hr", offset: 2, type: "float32", order: "CDAB" }, type: "float32" });
  t.same(parse("hr:2:float32"), { address: { area: "hr", offset: 2, type: "float32" }, type: "float32" }, "no order: source default");
  t.same(parse("HR:4:UINT64:ghefcdab"), { address: { area: "hr", offset: 4, type: "uint64", order: "GHEFCDAB" }, type: "uint64" });
  t.same(parse("ir:10:string(8)"), { address: { area: "ir", offset: 10, type: "string", length: 8 }, type: "string" });
  t.same(parse("hr:10:string(3):BA"), { address: { area: "hr", offset: 10, type: "string", length: 3, order: "BA" }, type: "string" });
  t.same(parse("hr:1:int16:BA").address, { area: "hr", offset: 1, type: "int16", order: "BA" });
  t.same(parse("hr:65532:float64").address, { area: "hr", offset: 65532, type: "float64" }, "last 4 registers");
  for (const type of ["int16", "uint16", "int32", "uint32", "int64", "uint64", "float32", "float64"]) {
    t.equal(parse(`hr:0:${type}`).type, type);
  }
});

const BAD: [string, RegExp][] = [
  ["hr", /expected AREA:OFFSET/],
  ["hr:1:int16:ABCD:x", /expected AREA:OFFSET/],
  ["holding:1", /unknown area "holding"/],
  ["4x:1", /unknown area/],
  ["hr:-1", /must not be negative/],
  ["hr:65536", /offset 65536 out of range 0\.\.65535/],
  ["hr:0x10", /not a decimal number/],
  ["hr:", /not a decimal number/],
  ["hr:1.", /not a decimal number/],
  ["hr:5.16", /bit 16 out of range 0\.\.15/],
  ["coil:3.1", /bit addressing applies to registers \(ir, hr\), not coil/],
  ["di:3.1", /not di/],
  ["coil:3:int16", /coil holds single bits: its type is bool, not int16/],
  ["coil:3:bool:AB", /a bool has no byte order/],
  ["hr:5.3:int16", /a register bit \(5\.3\) is read as bool, not int16/],
  ["hr:5.3:bool:AB", /a bool has no byte order/],
  ["hr:5:bool", /bool in a register needs a bit number, e\.g\. hr:5\.0/],
  ["hr:0:real", /unknown type "real"/],
  ["hr:0:string", /string needs its length in bytes: string\(N\)/],
  ["hr:0:string(0)", /string length 0 out of range 1\.\.250/],
  ["hr:0:string(251)", /string length 251 out of range/],
  ["hr:0:string(x)", /unknown type/],
  ["hr:0:float32:ABCDEFGH", /ABCDEFGH is a 8-byte order; float32 takes ABCD, CDAB, BADC, DCBA/],
  ["hr:0:float64:CDAB", /CDAB is a 4-byte order; float64 takes ABCDEFGH/],
  ["hr:0:int64:ABCD", /4-byte order; int64 takes/],
  ["hr:0:int16:ABCD", /4-byte order; int16 takes AB, BA/],
  ["hr:0:int32:AB", /2-byte order; int32 takes/],
  ["hr:0:float32:XYZW", /unknown byte order "XYZW"/],
  ["hr:0:float32:ACBD", /unknown byte order/],
  ["hr:0:", /empty type/],
  ["hr:0:int32:", /empty byte order/],
  ["hr:65535:int32", /int32 at 65535 spans 2 registers, past the last address 65535/],
  ["hr:65530:string(20)", /spans 10 registers/],
  [" hr:0", /unknown area/],
  ["hr: 0", /not a decimal number/],
];

void t.test("every malformed form throws SLUICE_ERR_ADDRESS with a precise reason", async (t) => {
  for (const [address, reason] of BAD) {
    try {
      parse(address);
      t.fail(`accepted ${JSON.stringify(address)}`);
    } catch (e) {
      t.ok(isSluiceError(e, "SLUICE_ERR_ADDRESS"), `${address}: code`);
      t.match((e as Error).message, reason, `${address}: reason`);
      t.match((e as Error).message, JSON.stringify(address), `${address}: names the address`);
    }
  }
});
