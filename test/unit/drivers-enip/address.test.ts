import t from "tap";
import { enipDriver } from "../../../src/drivers/enip/index.js";
import { isSluiceError } from "../../../src/core/errors.js";

const parse = (a: string) => enipDriver.parseAddress(a);

void t.test("Logix tag forms", async (t) => {
  t.same(parse("Counter"), { address: { name: "Counter", tag: "Counter", bit: null }, type: undefined }, "type comes from the tag config");
  t.same(parse("Program:Main.Speed").address, { name: "Program:Main.Speed", tag: "Program:Main.Speed", bit: null });
  t.same(parse("Recipe[3]").address, { name: "Recipe[3]", tag: "Recipe[3]", bit: null });
  t.same(parse("Matrix[1,2]").address.tag, "Matrix[1,2]");
  t.same(parse("Motor.Current").address.bit, null, "a member, not a bit");
  t.same(parse("Flags.3").address, { name: "Flags.3", tag: "Flags", bit: 3 });
  t.same(parse("Recipe[2].31").address, { name: "Recipe[2].31", tag: "Recipe[2]", bit: 31 });
  t.same(parse("Program:Main.Flags.0").address.tag, "Program:Main.Flags");
  t.same(parse("Local:1:I.Data").address.tag, "Local:1:I.Data", "I/O module tags");
  t.same(parse("_under_score1").address.tag, "_under_score1");
});

const BAD: [string, RegExp][] = [
  ["", /expected a Logix tag name/],
  ["Two Words", /no spaces/],
  ["1abc", /expected a Logix tag name/],
  ["Recipe[x]", /array indexes are decimal numbers/],
  ["Recipe[]", /array indexes are decimal numbers/],
  ["Flags.32", /bit index must be between 0 and 31/],
  ["a".repeat(41), /at most 40 characters/],
  ["Program:.Speed", /expected a Logix tag name/],
  ["Tag..x", /expected a Logix tag name/],
];

void t.test("rejections name the reason", async (t) => {
  for (const [a, re] of BAD) {
    t.throws(() => parse(a), re, a);
    try { parse(a); } catch (e) { t.ok(isSluiceError(e, "SLUICE_ERR_ADDRESS"), `${a}: SLUICE_ERR_ADDRESS`); }
  }
});

void t.test("endpoint: host or host:44818 only; options validated", async (t) => {
  const make = (endpoint: string, options: Record<string, unknown> = {}) => enipDriver.create({ name: "x", endpoint, timeoutMs: 100, options });
  t.ok(make("10.0.0.5"));
  t.ok(make("10.0.0.5:44818"));
  t.ok(make("plc-1.local"));
  t.throws(() => make("10.0.0.5:502"), /port 44818 .*got port 502/);
  t.throws(() => make("10.0.0.5:502"), { code: "SLUICE_ERR_CONFIG" });
  t.throws(() => make("bad host"), /expected host/);
  t.throws(() => make("10.0.0.5", { slot: -1 }), /enip\.slot/);
  t.throws(() => make("10.0.0.5", { maxPacket: 4001 }), /enip\.maxPacket/);
  t.throws(() => make("10.0.0.5", { connected: "yes" }), /enip\.connected/);
  t.ok(make("10.0.0.5", { maxPacket: 4000, connected: false }));
  t.throws(() => make("10.0.0.5", { route: "1,0" }), { code: "SLUICE_ERR_CONFIG" });
});
