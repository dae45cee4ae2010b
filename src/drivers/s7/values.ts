/**
 * From what nodes7 hands back for one item to a PointResult: the value in the
 * point's type (lossless widening allowed, anything else BadTypeMismatch) or
 * the status for the S7 return code of a refused item.
 */
import type { TagType, Value } from "../../core/model.js";
import { Status } from "../../core/status.js";
import type { S7DataType } from "./address.js";
import { S7_TAG_TYPE } from "./address.js";

/** S7 data item return codes (S7 protocol, read response item header). */
export function statusForReturnCode(code: number | undefined): number {
  switch (code) {
    case 0x05: // address out of range
    case 0x06: // data type not supported
    case 0x07: // data type inconsistent
    case 0x0a: // object does not exist (no such DB)
      return Status.BadConfigurationError;
    case 0x03: // access to the object not allowed (PUT/GET off, optimized DB)
      return Status.BadNotReadable;
    default:
      return Status.BadDeviceFailure;
  }
}

/** Types a point may be declared as for a given S7 type: the implied one plus lossless widenings. */
const WIDER: Readonly<Record<TagType, readonly TagType[]>> = {
  bool: ["bool"],
  int16: ["int16", "int32", "int64", "float32", "float64"],
  uint16: ["uint16", "int32", "uint32", "int64", "uint64", "float32", "float64"],
  int32: ["int32", "int64", "float64"],
  uint32: ["uint32", "int64", "uint64", "float64"],
  int64: ["int64"],
  uint64: ["uint64"],
  float32: ["float32", "float64"],
  float64: ["float64"],
  string: ["string"],
};

export function acceptsType(dataType: S7DataType, declared: TagType): boolean {
  return WIDER[S7_TAG_TYPE[dataType]].includes(declared);
}

/** The nodes7 value in the declared type, or undefined when it does not fit. */
export function convert(raw: unknown, declared: TagType): Value | undefined {
  switch (declared) {
    case "bool":
      return typeof raw === "boolean" ? raw : undefined;
    case "string":
      return typeof raw === "string" ? raw : undefined;
    case "int64":
    case "uint64":
      return typeof raw === "number" && Number.isInteger(raw) ? BigInt(raw) : undefined;
    default:
      return typeof raw === "number" ? raw : undefined;
  }
}
