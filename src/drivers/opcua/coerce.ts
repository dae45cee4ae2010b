/**
 * Server values -> the tag's configured type. The server decides what a
 * node holds; the tag config says what sluice delivers. A value that does
 * not fit (a fraction into an integer, 70000 into int16, an array, a string
 * into a number) is refused, never rounded or truncated: the caller flags it
 * BadTypeMismatch. Pure: works on the plain fields of node-opcua's Variant and DataValue.
 *
 *   Variant {dataType, arrayType, value} ─▶ canonical (boolean | number | bigint | string) ─▶ tag type
 */
import type { TagType, Value } from "../../core/model.js";
import { Status, quality } from "../../core/status.js";
import type { PointResult } from "../contract.js";

/** OPC UA built-in DataType ids (OPC 10000-6 5.1.2). */
export const DataTypeId = {
  Null: 0, Boolean: 1, SByte: 2, Byte: 3, Int16: 4, UInt16: 5, Int32: 6, UInt32: 7, Int64: 8, UInt64: 9,
  Float: 10, Double: 11, String: 12, DateTime: 13, Guid: 14, ByteString: 15, XmlElement: 16, NodeId: 17,
  ExpandedNodeId: 18, StatusCode: 19, QualifiedName: 20, LocalizedText: 21,
} as const;

export interface VariantLike {
  dataType: number;
  /** 0 scalar, 1 array, 2 matrix */
  arrayType: number;
  value: unknown;
}

const INT_RANGE: Partial<Record<TagType, [number, number]>> = {
  int16: [-32768, 32767], uint16: [0, 65535], int32: [-2147483648, 2147483647], uint32: [0, 4294967295],
};
const BIG_RANGE: Partial<Record<TagType, [bigint, bigint]>> = {
  int64: [-(2n ** 63n), 2n ** 63n - 1n], uint64: [0n, 2n ** 64n - 1n],
};

/** node-opcua carries 64-bit integers as [high, low] uint32 pairs. */
function int64(v: unknown, signed: boolean): bigint | undefined {
  let big: bigint | undefined;
  if (typeof v === "bigint") big = v;
  else if (typeof v === "number" && Number.isInteger(v)) big = BigInt(v);
  else if (Array.isArray(v) && v.length === 2 && typeof v[0] === "number" && typeof v[1] === "number") {
    big = (BigInt(v[0] >>> 0) << 32n) | BigInt(v[1] >>> 0);
  }
  if (big === undefined) return undefined;
  return signed ? BigInt.asIntN(64, big) : BigInt.asUintN(64, big);
}

/** The scalar as a plain JS value, or undefined when it has no plain form. */
function canonical(v: VariantLike): boolean | number | bigint | string | undefined {
  const x = v.value;
  switch (v.dataType) {
    case DataTypeId.Boolean: return typeof x === "boolean" ? x : undefined;
    case DataTypeId.SByte: case DataTypeId.Byte: case DataTypeId.Int16: case DataTypeId.UInt16:
    case DataTypeId.Int32: case DataTypeId.UInt32: case DataTypeId.Float: case DataTypeId.Double:
      return typeof x === "number" ? x : undefined;
    case DataTypeId.Int64: return int64(x, true);
    case DataTypeId.UInt64: return int64(x, false);
    case DataTypeId.String: case DataTypeId.XmlElement: return typeof x === "string" ? x : undefined;
    case DataTypeId.Guid: return typeof x === "string" ? x : undefined;
    case DataTypeId.DateTime: return x instanceof Date && !Number.isNaN(x.getTime()) ? x.toISOString() : undefined;
    case DataTypeId.LocalizedText: return typeof x === "object" && x !== null ? String((x as { text?: unknown }).text ?? "") : undefined;
    case DataTypeId.QualifiedName: return typeof x === "object" && x !== null ? String((x as { name?: unknown }).name ?? "") : undefined;
    case DataTypeId.NodeId: case DataTypeId.ExpandedNodeId:
      return typeof x === "object" && x !== null ? String(x) : undefined;
    case DataTypeId.StatusCode: return typeof x === "object" && x !== null && typeof (x as { value?: unknown }).value === "number" ? (x as { value: number }).value : undefined;
    default: return undefined; // Null, ByteString, ExtensionObject, DataValue, Variant, DiagnosticInfo...
  }
}

/** The server's value converted to `type`, or undefined when it does not fit (BadTypeMismatch). */
export function coerce(v: VariantLike, type: TagType): { value: Value } | undefined {
  if (v.arrayType !== 0) return undefined;
  const c = canonical(v);
  if (c === undefined) return undefined;
  switch (type) {
    case "bool":
      if (typeof c === "boolean") return { value: c };
      if (c === 0 || c === 1 || c === 0n || c === 1n) return { value: c === 1 || c === 1n };
      return undefined;
    case "int16": case "uint16": case "int32": case "uint32": {
      const n = typeof c === "boolean" ? Number(c) : typeof c === "bigint" ? Number(c) : c;
      const [lo, hi] = INT_RANGE[type]!;
      return typeof n === "number" && Number.isInteger(n) && n >= lo && n <= hi ? { value: n } : undefined;
    }
    case "int64": case "uint64": {
      const b = typeof c === "bigint" ? c : typeof c === "boolean" ? BigInt(c) : typeof c === "number" && Number.isInteger(c) ? BigInt(c) : undefined;
      const [lo, hi] = BIG_RANGE[type]!;
      return b !== undefined && b >= lo && b <= hi ? { value: b } : undefined;
    }
    case "float32": case "float64":
      if (typeof c === "number") return { value: c };
      if (typeof c === "bigint") return { value: Number(c) };
      if (typeof c === "boolean") return { value: Number(c) };
      return undefined;
    case "string":
      return { value: typeof c === "string" ? c : String(c) };
  }
}

/** The plain fields of a node-opcua DataValue. */
export interface DataValueLike {
  statusCode: { value: number };
  sourceTimestamp?: Date | null;
  serverTimestamp?: Date | null;
  value: VariantLike;
}

/** ms since epoch, or undefined when absent or unset (node-opcua's 1601 "min date"). */
function time(d: Date | null | undefined): number | undefined {
  const ms = d?.getTime();
  return ms !== undefined && ms > 0 ? ms : undefined;
}

/**
 * The window of device times the reader passes through, around its own clock: a
 * little tighter than the receiver's defaults (limits.time: 5 min ahead, 3650 days
 * back), so a device time the reader passes is not dropped at the receiver.
 */
export const DEVICE_TIME_AHEAD_MS = 60_000;
export const DEVICE_TIME_BACK_MS = 3640 * 86_400_000;

/**
 * One server DataValue as a PointResult: the server's StatusCode and
 * SourceTimestamp pass through (ServerTimestamp, then `now`, when it sent
 * none); a Bad status carries no value; a value that does not fit the tag
 * type becomes BadTypeMismatch. A device whose clock is wrong (a time more than
 * DEVICE_TIME_AHEAD_MS ahead of `now` or DEVICE_TIME_BACK_MS behind) would have
 * every sample dropped at the receiver: its time is replaced by `now`, the
 * reader's acquisition time, and `onClock` is called (the driver logs it once).
 */
export function toResult(dv: DataValueLike, type: TagType, now: number, onClock?: (deviceTime: number) => void): PointResult {
  const status = dv.statusCode.value >>> 0;
  let sourceTime = time(dv.sourceTimestamp) ?? time(dv.serverTimestamp) ?? now;
  if (sourceTime > now + DEVICE_TIME_AHEAD_MS || sourceTime < now - DEVICE_TIME_BACK_MS) {
    onClock?.(sourceTime);
    sourceTime = now;
  }
  if (quality(status) === "bad") return { value: null, status, sourceTime };
  const c = coerce(dv.value, type);
  return c ? { value: c.value, status, sourceTime } : { value: null, status: Status.BadTypeMismatch, sourceTime };
}
