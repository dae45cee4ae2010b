/**
 * sluice values as OPC UA Variants: TagType -> DataType, and Value -> Variant
 * (bigint -> node-opcua's [high, low] UInt32 pair for Int64/UInt64, null -> a
 * Null variant, which is what a Bad status with no value carries).
 */
import { DataType, Variant, VariantArrayType } from "node-opcua";
import type { TagType, Value } from "../../core/model.js";

export const DATA_TYPES: Readonly<Record<TagType, DataType>> = {
  bool: DataType.Boolean,
  int16: DataType.Int16,
  uint16: DataType.UInt16,
  int32: DataType.Int32,
  uint32: DataType.UInt32,
  int64: DataType.Int64,
  uint64: DataType.UInt64,
  float32: DataType.Float,
  float64: DataType.Double,
  string: DataType.String,
};


const NULL_VARIANT = new Variant({ dataType: DataType.Null });
const MASK64 = (1n << 64n) - 1n;

/** Two's complement 64-bit [high, low] words, the form node-opcua encodes. */
export function int64Words(v: bigint): [number, number] {
  const u = v & MASK64;
  return [Number(u >> 32n), Number(u & 0xffffffffn)];
}

function toBigInt(v: Exclude<Value, null>): bigint {
  if (typeof v === "bigint") return v;
  if (typeof v === "number" && Number.isFinite(v)) return BigInt(Math.trunc(v));
  throw new TypeError(`not an integer: ${String(v)}`);
}

/**
 * The Variant for a value of a tag of type `t`. Throws TypeError when the value
 * does not fit the type (the store guarantees it does; the caller counts the rest).
 */
export function toVariant(t: TagType, v: Value): Variant {
  if (v === null) return NULL_VARIANT;
  const dataType = DATA_TYPES[t];
  switch (t) {
    case "bool":
      if (typeof v !== "boolean") throw new TypeError(`not a boolean: ${String(v)}`);
      return new Variant({ dataType, value: v });
    case "string":
      if (typeof v !== "string") throw new TypeError("not a string");
      return new Variant({ dataType, value: v });
    case "int64":
    case "uint64":
      // a [high, low] pair is ambiguous with an array unless the array type is explicit
      return new Variant({ dataType, arrayType: VariantArrayType.Scalar, value: int64Words(toBigInt(v)) });
    default:
      if (typeof v !== "number") {
        if (typeof v === "bigint") return new Variant({ dataType, value: Number(v) });
        throw new TypeError(`not a number: ${String(v)}`);
      }
      return new Variant({ dataType, value: v });
  }
}
