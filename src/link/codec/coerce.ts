/**
 * What a value looks like on the wire for its tag type. The reader normalises values
 * already; this is the last check before encoding, so a value that does not fit its
 * type is never silently truncated or wrapped: it crosses as null with
 * BadTypeMismatch instead, visibly.
 */
import type { Value } from "../../core/model.js";

const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;
const INT64_MIN = -(1n << 63n);
const INT64_MAX = (1n << 63n) - 1n;
const UINT64_MAX = (1n << 64n) - 1n;

/** Marker returned when a value does not fit its type. */
export const MISMATCH: unique symbol = Symbol("mismatch");

function toInt(v: Value, lo: number, hi: number): number | typeof MISMATCH {
  if (typeof v === "number") return Number.isInteger(v) && v >= lo && v <= hi ? v : MISMATCH;
  if (typeof v === "bigint") return v >= BigInt(lo) && v <= BigInt(hi) ? Number(v) : MISMATCH;
  return MISMATCH;
}

function toBig(v: Value, lo: bigint, hi: bigint): bigint | typeof MISMATCH {
  if (typeof v === "bigint") return v >= lo && v <= hi ? v : MISMATCH;
  if (typeof v === "number" && Number.isSafeInteger(v)) return toBig(BigInt(v), lo, hi);
  return MISMATCH;
}

/**
 * The value as the receiver will decode it, for a tag of wire type `code`
 * (catalog typeCode), or MISMATCH. null passes for every type.
 */
export function coerceValue(code: number, v: Value): Value | typeof MISMATCH {
  if (v === null) return null;
  switch (code) {
    case 1: // bool
      if (typeof v === "boolean") return v;
      return v === 0 || v === 1 ? v === 1 : MISMATCH;
    case 2: return toInt(v, -32768, 32767);
    case 3: return toInt(v, 0, 65535);
    case 4: return toInt(v, INT32_MIN, INT32_MAX);
    case 5: return toInt(v, 0, 4294967295);
    case 6: return toBig(v, INT64_MIN, INT64_MAX);
    case 7: return toBig(v, 0n, UINT64_MAX);
    case 8:
      if (typeof v === "number") return Math.fround(v);
      return typeof v === "bigint" ? Math.fround(Number(v)) : MISMATCH;
    case 9:
      if (typeof v === "number") return v;
      return typeof v === "bigint" ? Number(v) : MISMATCH;
    case 10: return typeof v === "string" ? v : MISMATCH;
    default: return MISMATCH;
  }
}
