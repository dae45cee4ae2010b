import t from "tap";
import { s7Driver } from "../../../src/drivers/s7/index.js";
import { isSluiceError } from "../../../src/core/errors.js";

const parse = (a: string) => s7Driver.parseAddress(a);

void t.test("DB addresses: canonical nodes7 form and implied type", async (t) => {
  t.same(parse("DB1,REAL4"), {
    address: { area: "DB", db: 1, dataType: "REAL", offset: 4, bit: 0, length: 1, nodes7: "DB1,REAL4" }, type: "float32",
  });
  t.same(parse("db1,r4").address.nodes7, "DB1,REAL4", "short and lower-case spellings are the same item");
  t.same(parse("DB1,INT2").type, "int16");
  t.same(parse("DB1,I2").address.nodes7, "DB1,INT2");
  t.same(parse("DB1,X0.1"), {
    address: { area: "DB", db: 1, dataType: "X", offset: 0, bit: 1, length: 1, nodes7: "DB1,X0.1" }, type: "bool",
  });
  t.same(parse("DB10,S20.30"), {
    address: { area: "DB", db: 10, dataType: "STRING", offset: 20, bit: 0, length: 30, nodes7: "DB10,S20.30" }, type: "string",
  });
  t.same(parse("DB10,STRING20.30").address.nodes7, "DB10,S20.30");
  t.same(parse("DB1,C40.8").address, { area: "DB", db: 1, dataType: "CHAR", offset: 40, bit: 0, length: 8, nodes7: "DB1,CHAR40.8" });
  t.same(parse("DB1,CHAR40").address.nodes7, "DB1,CHAR40");
  const types: [string, string][] = [
    ["DB1,BYTE0", "uint16"], ["DB1,B0", "uint16"], ["DB1,WORD0", "uint16"], ["DB1,W0", "uint16"],
    ["DB1,DINT0", "int32"], ["DB1,DI0", "int32"], ["DB1,DWORD0", "uint32"], ["DB1,DW0", "uint32"],
    ["DB1,LREAL0", "float64"], ["DB1,LR0", "float64"], ["DB1,CHAR0", "string"],
  ];
  for (const [a, type] of types) t.equal(parse(a).type, type, a);
  t.equal(parse("DB65535,INT65535").address.offset, 65535);
});

void t.test("areas I, Q, M and peripheral", async (t) => {
  t.same(parse("M0.1").address, { area: "M", db: 0, dataType: "X", offset: 0, bit: 1, length: 1, nodes7: "M0.1" });
  t.same(parse("MW4").address.nodes7, "MW4");
  t.equal(parse("MW4").type, "uint16");
  t.equal(parse("MR8").type, "float32");
  t.equal(parse("MD4").type, "uint32");
  t.equal(parse("MDI4").type, "int32");
  t.equal(parse("MI4").type, "int16");
  t.equal(parse("MLR8").type, "float64");
  t.equal(parse("MC18.4").type, "string");
  t.same(parse("IW2").address.nodes7, "IW2");
  t.same(parse("EW2").address.nodes7, "IW2", "German E is I");
  t.same(parse("QB0").address.nodes7, "QB0");
  t.same(parse("AB0").address.nodes7, "QB0", "German A is Q");
  t.same(parse("A0.7").address, { area: "Q", db: 0, dataType: "X", offset: 0, bit: 7, length: 1, nodes7: "Q0.7" });
  t.same(parse("I0.3").address.nodes7, "I0.3");
  t.same(parse("PIW256").address, { area: "PI", db: 0, dataType: "WORD", offset: 256, bit: 0, length: 1, nodes7: "PIW256" });
  t.same(parse("PEW256").address.nodes7, "PIW256");
  t.same(parse("PQD4").address.nodes7, "PQD4");
});

const BAD: [string, RegExp][] = [
  ["", /expected nodes7 syntax/],
  ["DB1, REAL4", /no spaces/],
  ["DB1,REAL0.4", /arrays are not supported.*DB1,REAL0, DB1,REAL4/],
  ["DB1,INT2.3", /arrays are not supported.*DB1,INT2, DB1,INT4/],
  ["MW4.2", /arrays are not supported.*MW4, MW6/],
  ["DB1,X0.1.8", /bit arrays are not supported/],
  ["M0.0.8", /bit arrays are not supported/],
  ["DB1,X0", /needs a bit number: DB1,X0.0 \.\. DB1,X0.7/],
  ["M4", /needs a bit number/],
  ["DB1,X0.8", /bit number must be 0-7, got 8/],
  ["DB10,S20", /needs its declared length/],
  ["DB10,S20.0", /string length must be 1-254/],
  ["DB10,S20.30.2", /string arrays are not supported/],
  ["DB0,INT0", /DB number must be 1-65535/],
  ["DB1,INT65536", /byte offset must be 0-65535/],
  ["DB1,FOO4", /unknown type FOO/],
  ["DB1,LINT0", /LINT is not supported/],
  ["MLI8", /LINT is not supported/],
  ["DB1,DTL0", /date\/time types/],
  ["T5", /timers and counters are not supported/],
  ["C3", /timers and counters are not supported/],
  ["PI0.1", /peripheral areas/],
  ["MZ4", /unknown type Z/],
  ["X7", /expected nodes7 syntax/],
  ["DB1;REAL4", /expected nodes7 syntax/],
  ["DB1,REAL", /expected DB<n>,<TYPE><byte>/],
];

void t.test("rejections name the reason", async (t) => {
  for (const [a, re] of BAD) {
    t.throws(() => parse(a), re, a);
    try { parse(a); } catch (e) { t.ok(isSluiceError(e, "SLUICE_ERR_ADDRESS"), `${a}: SLUICE_ERR_ADDRESS`); }
  }
});
