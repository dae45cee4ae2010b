/**
 * Small wire helpers shared by the frame codec: the decode error, 64-bit integer
 * conversion between bigint and protobufjs Long bits, status code rotation and the
 * per-type value columns.
 */
import { SluiceError } from "../../core/errors.js";

/**
 * Why a frame was not decoded: "malformed" (bad protobuf or rule violation: count it
 * as a rejected datagram) or "catalog" (a keyframe/delta for a catalogue the receiver
 * does not hold: not an error, it waits for the next birth).
 */
export type FrameErrorReason = "malformed" | "catalog";

export class FrameError extends SluiceError {
  readonly reason: FrameErrorReason;
  constructor(reason: FrameErrorReason, message: string, options?: { cause?: unknown }) {
    super("SLUICE_ERR_LINK", message, options);
    this.name = "FrameError";
    this.reason = reason;
  }
}

export function malformed(message: string, cause?: unknown): FrameError {
  return new FrameError("malformed", `malformed frame: ${message}`, cause === undefined ? undefined : { cause });
}

/** The low/high 32-bit halves protobufjs writers accept for 64-bit fields. */
export interface Bits64 {
  low: number;
  high: number;
}

const MASK32 = 0xffffffffn;

/** Two's complement bits of a bigint (int64 or uint64 range; wider values wrap). */
export function bigintToBits(v: bigint): Bits64 {
  const u = BigInt.asUintN(64, v);
  return { low: Number(u & MASK32) | 0, high: Number(u >> 32n) | 0 };
}

/** int64 bigint from a Long-like (or a plain number when protobufjs has no Long). */
export function bitsToInt64(l: Bits64 | number): bigint {
  if (typeof l === "number") return BigInt(l);
  return BigInt.asIntN(64, (BigInt(l.high >>> 0) << 32n) | BigInt(l.low >>> 0));
}

/** uint64 bigint from a Long-like. */
export function bitsToUint64(l: Bits64 | number): bigint {
  if (typeof l === "number") return BigInt(l);
  return (BigInt(l.high >>> 0) << 32n) | BigInt(l.low >>> 0);
}

/** A signed 64-bit Long-like as a number; throws when it is not a safe integer. */
export function bitsToSafeNumber(l: Bits64 | number, what: string): number {
  const n = typeof l === "number" ? l : l.high * 4294967296 + (l.low >>> 0);
  if (!Number.isSafeInteger(n)) throw malformed(`${what} out of range`);
  return n;
}

/** An unsigned 64-bit Long-like as a number (counters, ms times). */
export function ubitsToSafeNumber(l: Bits64 | number, what: string): number {
  const n = typeof l === "number" ? l : (l.high >>> 0) * 4294967296 + (l.low >>> 0);
  if (!Number.isSafeInteger(n)) throw malformed(`${what} out of range`);
  return n;
}

/**
 * A 64-bit digest of bytes[start, end) as text: two independent 32-bit FNV-1a-style
 * lanes. Not cryptographic (the bytes were authenticated already); it names a body so
 * that an exact repeat can be recognised without decoding it.
 */
export function digestBytes(bytes: Uint8Array, start: number, end: number): string {
  let a = 0x811c9dc5;
  let b = 0x9747b28c;
  for (let i = start; i < end; i++) {
    const x = bytes[i] as number;
    a = Math.imul(a ^ x, 0x01000193);
    b = Math.imul(b ^ x, 0x5bd1e995);
    b ^= b >>> 15;
  }
  return `${(a >>> 0).toString(36)}.${(b >>> 0).toString(36)}.${end - start}`;
}

/** StatusCode rotated by 16 bits: usual codes (low half zero) become small varints. */
export function rotateStatus(code: number): number {
  return ((code >>> 16) | (code << 16)) >>> 0;
}

export function unrotateStatus(v: number): number {
  return ((v << 16) | (v >>> 16)) >>> 0;
}

/** Value columns of Values. */
export const Column = { Ints: 0, Uints: 1, Longs: 2, Ulongs: 3, Floats: 4, Doubles: 5, Strings: 6 } as const;
export type Column = (typeof Column)[keyof typeof Column];

/** Column of each wire type code (0 is invalid and never looked up). */
export const COLUMN_OF: readonly Column[] = [
  Column.Ints, // 0 unused
  Column.Ints, // bool
  Column.Ints, // int16
  Column.Ints, // uint16
  Column.Ints, // int32
  Column.Uints, // uint32
  Column.Longs, // int64
  Column.Ulongs, // uint64
  Column.Floats, // float32
  Column.Doubles, // float64
  Column.Strings, // string
];

/** Bytes of a varint holding the unsigned 32-bit value v. */
export function varint32Size(v: number): number {
  v >>>= 0;
  return v < 0x80 ? 1 : v < 0x4000 ? 2 : v < 0x200000 ? 3 : v < 0x10000000 ? 4 : 5;
}

/** Bytes of a varint holding a non-negative safe integer (up to 2^53). */
export function varintSize(v: number): number {
  if (v < 0x10000000) return varint32Size(v);
  let n = 4;
  v = Math.floor(v / 0x10000000);
  while (v > 0) { n++; v = Math.floor(v / 128); }
  return n;
}

/** Bytes of a zigzag varint holding a signed safe integer. */
export function zigzagSize(v: number): number {
  return varintSize(v < 0 ? -2 * v - 1 : 2 * v);
}
