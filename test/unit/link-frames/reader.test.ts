/**
 * The codec's protobuf reader: every 64-bit varint (uint64, int64, sint64) reads back
 * as the value written, as a plain number exactly when that number is a safe integer
 * and as bits otherwise (checked against protobufjs's own Long decoding), for edge
 * values and random ones; a varint cut short or longer than 10 bytes is refused.
 */
import t from "tap";
import protobuf from "protobufjs/minimal.js";
import { linkReader } from "../../../src/link/codec/reader.js";
import { bigintToBits, bitsToInt64, bitsToUint64, type Bits64 } from "../../../src/link/codec/wire.js";

const SAFE = BigInt(Number.MAX_SAFE_INTEGER);
const edges: bigint[] = [];
for (const e of [0, 1, 7, 14, 21, 28, 31, 32, 35, 42, 49, 52, 53, 56, 62, 63]) {
  const p = 1n << BigInt(e);
  edges.push(p - 1n, p, p + 1n, -p, -p + 1n, -p - 1n);
}
let seed = 12345;
const rnd32 = () => { seed = (Math.imul(seed, 1103515245) + 12345) >>> 0; return seed; };
const random = Array.from({ length: 3000 }, (_, i) => {
  const v = (BigInt(rnd32()) << 32n) | BigInt(rnd32());
  return v >> BigInt(i % 64); // every magnitude
});
const int64s = [...edges, ...random].map((v) => BigInt.asIntN(64, v));
const uint64s = [...edges, ...random].map((v) => BigInt.asUintN(64, v));

function roundTrip(kind: "int64" | "sint64" | "uint64", values: bigint[], exact: (v: bigint) => bigint) {
  const w = protobuf.Writer.create();
  for (const v of values) (w[kind] as (x: Bits64) => protobuf.Writer).call(w, bigintToBits(v));
  const bytes = w.finish();
  const ours = linkReader(bytes), theirs = protobuf.Reader.create(bytes);
  let wrong = 0, numbers = 0, bits = 0, form = 0, long = 0;
  for (const v of values) {
    const got = ours[kind]() as unknown as number | Bits64;
    const want = exact(v);
    const back = kind === "uint64" ? bitsToUint64(got) : bitsToInt64(got);
    if (back !== want) wrong++;
    const safe = want >= -SAFE && want <= SAFE;
    if (typeof got === "number") numbers++; else bits++;
    if ((typeof got === "number") !== safe) form++;
    const l = theirs[kind]() as unknown as Bits64;
    if ((kind === "uint64" ? bitsToUint64(l) : bitsToInt64(l)) !== back) long++;
  }
  return { wrong, numbers, bits, form, long, done: ours.pos === ours.len };
}

void t.test("64-bit varints read back exactly: numbers when safe, bits otherwise", async (t) => {
  for (const [kind, values, exact] of [
    ["int64", int64s, (v: bigint) => v], ["sint64", int64s, (v: bigint) => v], ["uint64", uint64s, (v: bigint) => v],
  ] as const) {
    const r = roundTrip(kind, values, exact);
    t.equal(r.wrong, 0, `${kind}: every one of ${values.length} values read back (${r.numbers} as numbers, ${r.bits} as bits)`);
    t.equal(r.form, 0, `${kind}: a number exactly when the value is a safe integer`);
    t.equal(r.long, 0, `${kind}: the same values as protobufjs's Long decoding`);
    t.ok(r.done && r.numbers > 0 && r.bits > 0, `${kind}: all bytes consumed; both forms seen`);
  }
});

void t.test("a varint cut short or over 10 bytes is refused, and 32-bit fields are untouched", async (t) => {
  const long = protobuf.Writer.create().uint64(bigintToBits((1n << 63n) + 5n) as unknown as number).finish();
  t.throws(() => linkReader(long.subarray(0, long.length - 1)).uint64(), RangeError, "cut short");
  t.throws(() => linkReader(new Uint8Array([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01])).uint64(), /varint/, "11 bytes");
  const w = protobuf.Writer.create().uint32(300).sint32(-5).string("ünï").uint64(bigintToBits(1700000000123n) as unknown as number).finish();
  const r = linkReader(w);
  t.same([r.uint32(), r.sint32(), r.string(), r.uint64()], [300, -5, "ünï", 1700000000123]);
});
