import t from "tap";
import {
  decodeAt, decodeValue, encodeValue, defaultOrder, ordersFor, packedBit, registerBit, registerWidth, toWords,
  ORDERS_2, ORDERS_4, ORDERS_8, type ByteOrder, type RegisterType,
} from "../../../src/drivers/modbus/codec.js";

const hex = (s: string) => Buffer.from(s.replace(/\s+/g, ""), "hex");

/** The same canonical (big-endian) bytes laid out on the wire in every order, written by hand. */
const WIRE_4: Record<string, string> = { ABCD: "01020304", CDAB: "03040102", BADC: "02010403", DCBA: "04030201" };
const WIRE_8: Record<string, string> = {
  ABCDEFGH: "0102030405060708", GHEFCDAB: "0708050603040102", BADCFEHG: "0201040306050807", HGFEDCBA: "0807060504030201",
};

void t.test("32-bit types decode in every 4-byte order", async (t) => {
  for (const [order, wire] of Object.entries(WIRE_4)) {
    const w = hex(wire);
    t.equal(decodeValue(w, "int32", order as ByteOrder), 0x01020304, `int32 ${order}`);
    t.equal(decodeValue(w, "uint32", order as ByteOrder), 0x01020304, `uint32 ${order}`);
    t.equal(decodeValue(w, "float32", order as ByteOrder), hex("01020304").readFloatBE(0), `float32 ${order}`);
  }
  // a recognisable float: 123.456 is 42 F6 E9 79 big-endian
  t.equal(decodeValue(hex("E979 42F6"), "float32", "CDAB"), Math.fround(123.456));
  t.equal(decodeValue(hex("F642 79E9"), "float32", "BADC"), Math.fround(123.456));
  t.equal(decodeValue(hex("79E9 F642"), "float32", "DCBA"), Math.fround(123.456));
  t.equal(decodeValue(hex("FFFF FFFE"), "int32", "ABCD"), -2);
  t.equal(decodeValue(hex("FFFE FFFF"), "int32", "CDAB"), -2);
  t.equal(decodeValue(hex("FFFF FFFE"), "uint32", "ABCD"), 0xfffffffe);
});

void t.test("64-bit types decode in every 8-byte order, ints as bigint", async (t) => {
  for (const [order, wire] of Object.entries(WIRE_8)) {
    const w = hex(wire);
    t.equal(decodeValue(w, "int64", order as ByteOrder), 0x0102030405060708n, `int64 ${order}`);
    t.equal(decodeValue(w, "uint64", order as ByteOrder), 0x0102030405060708n, `uint64 ${order}`);
    t.equal(decodeValue(w, "float64", order as ByteOrder), hex("0102030405060708").readDoubleBE(0), `float64 ${order}`);
  }
  t.equal(decodeValue(hex("FFFFFFFFFFFFFFFF"), "int64", "ABCDEFGH"), -1n);
  t.equal(decodeValue(hex("FFFFFFFFFFFFFFFF"), "uint64", "ABCDEFGH"), 18446744073709551615n);
  t.equal(decodeValue(hex("8000000000000000"), "int64", "ABCDEFGH"), -9223372036854775808n);
  // pi = 40 09 21 FB 54 44 2D 18
  t.equal(decodeValue(hex("2D18 5444 21FB 4009"), "float64", "GHEFCDAB"), Math.PI);
  t.equal(decodeValue(hex("182D 4454 FB21 0940"), "float64", "HGFEDCBA"), Math.PI);
});

void t.test("16-bit types in AB and BA", async (t) => {
  t.equal(decodeValue(hex("FF38"), "int16", "AB"), -200);
  t.equal(decodeValue(hex("38FF"), "int16", "BA"), -200);
  t.equal(decodeValue(hex("FF38"), "uint16", "AB"), 0xff38);
  t.equal(decodeValue(hex("8000"), "int16", "AB"), -32768);
  t.equal(decodeValue(hex("7FFF"), "int16", "AB"), 32767);
});

void t.test("strings: two bytes per register, trailing NULs trimmed, per-register byte order", async (t) => {
  t.equal(decodeValue(hex("4845 4C4C 4F00"), "string", "AB", 5), "HELLO");
  t.equal(decodeValue(hex("4548 4C4C 004F"), "string", "BA", 5), "HELLO");
  t.equal(decodeValue(hex("4849 0000 0000"), "string", "AB", 6), "HI");
  t.equal(decodeValue(hex("4849 4A00"), "string", "AB", 3), "HIJ", "odd length ignores the pad byte");
  t.equal(decodeValue(hex("0000"), "string", "AB", 2), "");
  t.same(toWords(encodeValue("HELLO", "string", "AB", 5)), [0x4845, 0x4c4c, 0x4f00]);
  t.same(toWords(encodeValue("HELLO", "string", "BA", 5)), [0x4548, 0x4c4c, 0x004f]);
  t.same(toWords(encodeValue("TOO LONG", "string", "AB", 4)), [0x544f, 0x4f20], "encode truncates to N bytes");
});

const SAMPLES: Record<RegisterType, unknown[]> = {
  int16: [0, 1, -1, 32767, -32768, 1234],
  uint16: [0, 1, 65535, 0xabcd],
  int32: [0, -1, 2147483647, -2147483648, 123456789],
  uint32: [0, 4294967295, 0xdeadbeef],
  float32: [0, -1.5, Math.fround(22.75), Math.fround(-1e-20), Infinity],
  int64: [0n, -1n, 9223372036854775807n, -9223372036854775808n, 0x0102030405060708n],
  uint64: [0n, 18446744073709551615n, 0xfedcba9876543210n],
  float64: [0, Math.PI, -2.5e300, Number.MIN_VALUE],
  string: ["", "A", "Line 1", "0123456789"],
};

void t.test("encode then decode returns the value for every type in every order that fits", async (t) => {
  let n = 0;
  for (const [type, values] of Object.entries(SAMPLES) as [RegisterType, unknown[]][]) {
    for (const order of ordersFor(type)) {
      for (const v of values) {
        const wire = encodeValue(v as never, type, order, 10);
        t.equal(wire.length, registerWidth(type, 10) * 2);
        t.equal(decodeValue(wire, type, order, 10), v, `${type} ${order} ${String(v)}`);
        n++;
      }
    }
  }
  t.ok(n > 100, `${n} round trips`);
  t.ok(Number.isNaN(decodeValue(encodeValue(NaN, "float32", "DCBA"), "float32", "DCBA")), "NaN survives");
});

void t.test("orders differ on the wire: no two orders of a type produce the same bytes", async (t) => {
  for (const orders of [ORDERS_2, ORDERS_4, ORDERS_8]) {
    const type: RegisterType = orders.length && orders[0]!.length === 2 ? "uint16" : orders[0]!.length === 4 ? "uint32" : "uint64";
    const v = type === "uint64" ? 0x0102030405060708n : type === "uint32" ? 0x01020304 : 0x0102;
    const seen = new Set(orders.map((o) => encodeValue(v, type, o).toString("hex")));
    t.equal(seen.size, orders.length, type);
  }
});

void t.test("orders fit types and defaults follow the source's 32-bit order", async (t) => {
  t.same(ordersFor("int16"), ORDERS_2);
  t.same(ordersFor("string"), ORDERS_2);
  t.same(ordersFor("float32"), ORDERS_4);
  t.same(ordersFor("uint64"), ORDERS_8);
  t.equal(defaultOrder("float32", "ABCD"), "ABCD");
  t.equal(defaultOrder("float64", "CDAB"), "GHEFCDAB");
  t.equal(defaultOrder("int64", "BADC"), "BADCFEHG");
  t.equal(defaultOrder("uint64", "DCBA"), "HGFEDCBA");
  t.equal(defaultOrder("int16", "CDAB"), "AB");
  t.equal(defaultOrder("int16", "BADC"), "BA");
  t.equal(defaultOrder("string", "DCBA"), "BA");
});

void t.test("bits: register bits and packed coil bits", async (t) => {
  const reg = hex("0008 8001");
  t.equal(registerBit(reg, 0, 3), true);
  t.equal(registerBit(reg, 0, 2), false);
  t.equal(registerBit(reg, 2, 0), true);
  t.equal(registerBit(reg, 2, 15), true);
  t.equal(registerBit(reg, 2, 14), false);
  const coils = hex("05 80"); // bits 0, 2 and 15
  t.same([0, 1, 2, 3, 15].map((i) => packedBit(coils, i)), [true, false, true, false, true]);
  t.equal(packedBit(coils, 40), false, "past the end reads false rather than throwing");
});

void t.test("decodeAt reads in place what decodeValue reads from a copy, for every type, order and offset", async (t) => {
  const types: RegisterType[] = ["int16", "uint16", "int32", "uint32", "float32", "int64", "uint64", "float64", "string"];
  let seed = 7;
  const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % 256;
  const data = Buffer.from(Array.from({ length: 64 }, rnd));
  data.writeUInt16BE(0x4142, 10); // some printable bytes and NULs for strings
  data.writeUInt16BE(0x0000, 14);
  let checked = 0;
  for (const type of types) {
    const len = type === "string" ? 6 : 0;
    for (const order of ordersFor(type)) {
      for (let offset = 0; offset + 8 <= data.length; offset += 2) {
        const width = registerWidth(type, len) * 2;
        const want = decodeValue(data.subarray(offset, offset + width), type, order, len);
        const got = decodeAt(data, offset, type, order, len);
        if (!Object.is(got, want) && got !== want) t.fail(`${type} ${order} at ${offset}: ${String(got)} != ${String(want)}`);
        checked++;
      }
    }
  }
  t.equal(checked, 29 * (2 * 2 + 3 * 4 + 3 * 4 + 2), "every combination compared (29 offsets)");
  // in place: the plain orders read the response itself
  t.equal(decodeAt(hex("0000 FFFE 0000"), 2, "int16", "AB"), -2);
  t.equal(decodeAt(hex("0000 FFFE 0000"), 2, "int16", "BA"), -257);
  t.equal(decodeAt(hex("00 0102030405060708"), 1, "uint64", "ABCDEFGH"), 0x0102030405060708n);
  t.throws(() => decodeAt(hex("0001"), 2, "uint16", "AB"), RangeError, "past the response's end");
});
