/**
 * Modbus tag addresses (README "Tag addresses"): `AREA:OFFSET[.BIT][:TYPE[:ORDER]]`.
 *
 *   hr:0            holding register 0, int16
 *   hr:2:float32:CDAB
 *   hr:5.3          bit 3 of holding register 5, bool
 *   coil:0          coil 0, bool
 *   ir:10:string(8) 8 ASCII bytes in ir:10..13
 *
 * OFFSET is the 0-based protocol address (no 40001-style numbering). Area,
 * type and order names are case-insensitive. Every malformed form throws
 * SLUICE_ERR_ADDRESS with the precise reason, at config-load time.
 */
import { SluiceError } from "../../core/errors.js";
import type { TagType } from "../../core/model.js";
import type { ParsedAddress } from "../contract.js";
import { ORDERS_2, ORDERS_4, ORDERS_8, ordersFor, registerWidth, type ByteOrder, type RegisterType } from "./codec.js";

export const MODBUS_AREAS = ["coil", "di", "ir", "hr"] as const;
export type ModbusArea = (typeof MODBUS_AREAS)[number];

export interface ModbusAddress {
  readonly area: ModbusArea;
  readonly offset: number;
  /** Bit 0..15 of a register read as bool (`hr:5.3`). */
  readonly bit?: number;
  readonly type: TagType;
  /** Explicit byte order; absent means the source's `byteOrder` default. */
  readonly order?: ByteOrder;
  /** string(N): N bytes. */
  readonly length?: number;
  /**
   * Per-tag unit id. The address string never carries it: the reader merges
   * the tag's `unitId` key in here; absent means the source's `modbus.unitId`.
   */
  readonly unitId?: number;
}

const MAX_OFFSET = 65535;
/** One request carries at most 125 registers, so a string is at most 250 bytes. */
export const MAX_STRING = 250;
const REGISTER_TYPES: readonly string[] = ["int16", "uint16", "int32", "uint32", "int64", "uint64", "float32", "float64"];

function fail(address: string, reason: string): never {
  throw new SluiceError("SLUICE_ERR_ADDRESS", `modbus address ${JSON.stringify(address)}: ${reason}`);
}

function parseType(address: string, text: string): { type: TagType; length?: number } {
  const t = text.toLowerCase();
  // the canonical literal, not the lower-cased copy: 100,000 tags would hold 100,000 copies of "uint16"
  const known = t === "bool" ? "bool" : REGISTER_TYPES.find((r) => r === t);
  if (known !== undefined) return { type: known as TagType };
  if (t === "string") fail(address, "string needs its length in bytes: string(N)");
  const m = /^string\((\d+)\)$/.exec(t);
  if (m) {
    const n = Number(m[1]);
    if (n < 1 || n > MAX_STRING) fail(address, `string length ${n} out of range 1..${MAX_STRING}`);
    return { type: "string", length: n };
  }
  return fail(address, `unknown type ${JSON.stringify(text)} (expected bool, int16, uint16, int32, uint32, int64, uint64, float32, float64 or string(N))`);
}

function parseOrder(address: string, text: string, type: RegisterType): ByteOrder {
  const o = text.toUpperCase() as ByteOrder;
  const fits = ordersFor(type);
  const fit = fits.find((f) => f === o); // the canonical literal (see parseType)
  if (fit !== undefined) return fit;
  const known = [...ORDERS_2, ...ORDERS_4, ...ORDERS_8].includes(o);
  if (!known) fail(address, `unknown byte order ${JSON.stringify(text)} (expected one of ${fits.join(", ")} for ${type})`);
  return fail(address, `byte order ${o} is a ${o.length}-byte order; ${type} takes ${fits.join(", ")}`);
}

/** Parse one address string; throws SLUICE_ERR_ADDRESS with the reason. */
export function parseModbusAddress(address: string): ParsedAddress<ModbusAddress> {
  const parts = address.split(":");
  if (parts.length < 2 || parts.length > 4) fail(address, "expected AREA:OFFSET[.BIT][:TYPE[:ORDER]]");
  const [areaText, offsetText, typeText, orderText] = parts as [string, string, string?, string?];

  const lower = areaText.toLowerCase();
  const area = MODBUS_AREAS.find((a) => a === lower); // the canonical literal (see parseType)
  if (area === undefined) return fail(address, `unknown area ${JSON.stringify(areaText)} (expected coil, di, ir or hr)`);

  const m = /^(\d+)(?:\.(\d+))?$/.exec(offsetText);
  if (!m) {
    if (/^-/.test(offsetText)) fail(address, "offset must not be negative");
    return fail(address, `offset ${JSON.stringify(offsetText)} is not a decimal number (0..${MAX_OFFSET}, optionally .BIT)`);
  }
  const offset = Number(m[1]);
  if (offset > MAX_OFFSET) fail(address, `offset ${offset} out of range 0..${MAX_OFFSET}`);
  const bit = m[2] === undefined ? undefined : Number(m[2]);
  if (bit !== undefined && bit > 15) fail(address, `bit ${bit} out of range 0..15`);
  if (typeText === "") fail(address, "empty type");
  if (orderText === "") fail(address, "empty byte order");

  if (area === "coil" || area === "di") {
    if (bit !== undefined) fail(address, `bit addressing applies to registers (ir, hr), not ${area}`);
    if (typeText !== undefined && typeText.toLowerCase() !== "bool") fail(address, `${area} holds single bits: its type is bool, not ${typeText}`);
    if (orderText !== undefined) fail(address, "a bool has no byte order");
    return { address: { area, offset, type: "bool" }, type: "bool" };
  }

  const parsed = typeText === undefined ? { type: (bit === undefined ? "int16" : "bool") as TagType } : parseType(address, typeText);
  if (bit !== undefined) {
    if (parsed.type !== "bool") fail(address, `a register bit (${offset}.${bit}) is read as bool, not ${parsed.type}`);
    if (orderText !== undefined) fail(address, "a bool has no byte order");
    return { address: { area, offset, bit, type: "bool" }, type: "bool" };
  }
  if (parsed.type === "bool") fail(address, `bool in a register needs a bit number, e.g. ${area}:${offset}.0`);

  const type = parsed.type as RegisterType;
  const width = registerWidth(type, parsed.length);
  if (offset + width - 1 > MAX_OFFSET) fail(address, `${type} at ${offset} spans ${width} registers, past the last address ${MAX_OFFSET}`);
  const out: { -readonly [K in keyof ModbusAddress]: ModbusAddress[K] } = { area, offset, type };
  if (parsed.length !== undefined) out.length = parsed.length;
  if (orderText !== undefined) out.order = parseOrder(address, orderText, type);
  return { address: out, type };
}
