/**
 * The protobuf reader the frame codec decodes with: protobufjs's own (Reader or
 * BufferReader), except that a 64-bit varint comes back as a plain number whenever
 * that number is exact (|v| <= 2^53), and only otherwise as its { low, high } bits.
 * protobufjs builds a LongBits and a Long object for every 64-bit field; a keyframe
 * of tags that changed at different times carries one source time (sint64) a sample,
 * so that was two objects a sample on the receiver's busiest path. Every reader of
 * these fields (wire.ts: bitsToSafeNumber, ubitsToSafeNumber, bitsToInt64,
 * bitsToUint64) takes a number or bits alike, and gives the same result for both.
 */
import protobuf from "protobufjs/minimal.js";
import type { Bits64 } from "./wire.js";

const TWO32 = 4294967296;

/** The halves of the varint last read (module state: no object a read). */
let lo = 0;
let hi = 0;

/** Reads one varint of up to 64 bits at r.pos into lo/hi (unsigned 32-bit halves). */
function varint64(r: protobuf.Reader): void {
  const buf = r.buf, end = r.len;
  let pos = r.pos, b: number, l = 0, h: number;
  for (let shift = 0; shift < 28; shift += 7) {
    if (pos >= end) throw new RangeError("index out of range: a 64-bit varint runs past the end");
    b = buf[pos++] as number;
    l |= (b & 127) << shift;
    if (b < 128) { r.pos = pos; lo = l >>> 0; hi = 0; return; }
  }
  if (pos >= end) throw new RangeError("index out of range: a 64-bit varint runs past the end");
  b = buf[pos++] as number; // bits 28..34: four into the low half, three into the high
  l |= (b & 127) << 28;
  h = (b & 127) >>> 4;
  if (b < 128) { r.pos = pos; lo = l >>> 0; hi = h; return; }
  for (let shift = 3; shift < 32; shift += 7) {
    if (pos >= end) throw new RangeError("index out of range: a 64-bit varint runs past the end");
    b = buf[pos++] as number;
    h |= (b & 127) << shift;
    if (b < 128) { r.pos = pos; lo = l >>> 0; hi = h >>> 0; return; }
  }
  throw new Error("invalid varint encoding: more than 10 bytes");
}

/** uint64: a number below 2^53 (exact), otherwise the bits. */
function uint64(this: protobuf.Reader): number | Bits64 {
  varint64(this);
  return hi < 0x200000 ? hi * TWO32 + lo : { low: lo | 0, high: hi | 0 };
}

/**
 * Two's complement int64 bits (h, l) as a number when it is a safe integer, otherwise
 * the bits. Rounding is monotonic, so a value beyond the safe range never rounds into it.
 */
function signed(h: number, l: number): number | Bits64 {
  const v = (h | 0) * TWO32 + l;
  return v >= -Number.MAX_SAFE_INTEGER && v <= Number.MAX_SAFE_INTEGER ? v : { low: l | 0, high: h | 0 };
}

function int64(this: protobuf.Reader): number | Bits64 {
  varint64(this);
  return signed(hi, lo);
}

/** sint64: zigzag-decoded, then as int64. */
function sint64(this: protobuf.Reader): number | Bits64 {
  varint64(this);
  const mask = -(lo & 1);
  return signed(((hi >>> 1) ^ mask) >>> 0, (((lo >>> 1) | (hi << 31)) ^ mask) >>> 0);
}

/** A protobufjs reader over `bytes` whose 64-bit varint fields read as described above. */
export function linkReader(bytes: Uint8Array): protobuf.Reader {
  const r = protobuf.Reader.create(bytes) as unknown as Record<"uint64" | "int64" | "sint64", unknown>;
  r.uint64 = uint64;
  r.int64 = int64;
  r.sint64 = sint64;
  return r as unknown as protobuf.Reader;
}
