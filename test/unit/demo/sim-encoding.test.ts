/**
 * The simulators' own encoders, checked against bytes worked out by hand from
 * the specs (not against the drivers' codecs, which the simulators exist to test).
 */
import t from "tap";
import { putRegisters } from "../../../src/demo/sim/modbus.js";
import { simS7Address } from "../../../src/demo/sim/s7.js";

const words = (value: Parameters<typeof putRegisters>[2], type: Parameters<typeof putRegisters>[3], order: string, n: number, len = 0) => {
  const regs = new Uint16Array(n);
  putRegisters(regs, 0, value, type, order, len);
  return [...regs];
};

void t.test("modbus simulator: every byte order of a known value", async (t) => {
  // 3.25 as IEEE 754 single: 0x40 0x50 0x00 0x00
  t.same(words(3.25, "float32", "ABCD", 2), [0x4050, 0x0000]);
  t.same(words(3.25, "float32", "CDAB", 2), [0x0000, 0x4050]);
  t.same(words(3.25, "float32", "BADC", 2), [0x5040, 0x0000]);
  t.same(words(3.25, "float32", "DCBA", 2), [0x0000, 0x5040]);
  // 0x0102030405060708
  const v = 0x0102030405060708n;
  t.same(words(v, "uint64", "ABCDEFGH", 4), [0x0102, 0x0304, 0x0506, 0x0708]);
  t.same(words(v, "uint64", "GHEFCDAB", 4), [0x0708, 0x0506, 0x0304, 0x0102]);
  t.same(words(v, "uint64", "BADCFEHG", 4), [0x0201, 0x0403, 0x0605, 0x0807]);
  t.same(words(v, "uint64", "HGFEDCBA", 4), [0x0807, 0x0605, 0x0403, 0x0201]);
  t.same(words(-2, "int16", "AB", 1), [0xfffe]);
  t.same(words(0x1234, "uint16", "BA", 1), [0x3412]);
  t.same(words("SLU", "string", "AB", 2, 3), [0x534c, 0x5500], "characters high byte first, NUL-padded");
  t.same(words("SLU", "string", "BA", 2, 3), [0x4c53, 0x0055]);
  t.throws(() => words(1, "int32", "ACBD", 2), /unknown byte order/);
});

void t.test("s7 simulator: its own reading of nodes7 addresses", async (t) => {
  t.same(simS7Address("DB1,X0.2"), { area: "DB", db: 1, type: "X", offset: 0, bit: 2, length: 1 });
  t.same(simS7Address("DB1,S36.16"), { area: "DB", db: 1, type: "STRING", offset: 36, bit: 0, length: 16 });
  t.same(simS7Address("DB1,CHAR54.5"), { area: "DB", db: 1, type: "CHAR", offset: 54, bit: 0, length: 5 });
  t.same(simS7Address("MDI14"), { area: "M", db: 0, type: "DINT", offset: 14, bit: 0, length: 1 });
  t.same(simS7Address("MLR20"), { area: "M", db: 0, type: "LREAL", offset: 20, bit: 0, length: 1 });
  t.same(simS7Address("I0.3"), { area: "I", db: 0, type: "X", offset: 0, bit: 3, length: 1 });
  t.same(simS7Address("II12"), { area: "I", db: 0, type: "INT", offset: 12, bit: 0, length: 1 });
  t.throws(() => simS7Address("DB1,FOO4"), /cannot lay out/);
});
