/**
 * The `modbus:` block of a reader source (protocol: modbus). Defaults live
 * here and nowhere else; the driver applies them with `modbusOptions()` when
 * the block is absent, so a source without `modbus:` behaves exactly as one
 * with every default written out.
 */
import { Type, type Static } from "@sinclair/typebox";
import { StringEnum, Strict } from "../common.js";
import { validate } from "../load.js";

export const MODBUS_BYTE_ORDERS = ["ABCD", "CDAB", "BADC", "DCBA"] as const;

export const ModbusOptions = Strict({
  unitId: Type.Integer({
    minimum: 0, maximum: 255, default: 1,
    description: "Modbus unit id (slave id) of the device; a tag's own `unitId` overrides it (gateways in front of serial devices)",
  }),
  maxRegisters: Type.Integer({
    minimum: 1, maximum: 125, default: 125,
    description: "most registers one read request may ask for (the spec maximum is 125; lower it for devices that refuse long reads)",
  }),
  maxBits: Type.Integer({
    minimum: 1, maximum: 2000, default: 2000,
    description: "most coils or discrete inputs one read request may ask for (the spec maximum is 2000)",
  }),
  maxGap: Type.Integer({
    minimum: 0, maximum: 124, default: 8,
    description: "registers of unused gap a coalesced read may span to join two tags into one request (0 = only adjacent tags; bit areas allow 16 bits per register)",
  }),
  byteOrder: StringEnum(MODBUS_BYTE_ORDERS,
    "byte order for tags whose address names none: 32-bit values use it, 64-bit values the matching 8-byte order (CDAB -> GHEFCDAB), 16-bit values and strings are byte-swapped (BA) under BADC and DCBA", "ABCD"),
}, "Modbus TCP options of this source");

export type ModbusOptions = Static<typeof ModbusOptions>;

/** The block with every default filled in; throws SLUICE_ERR_CONFIG when it does not match the schema. */
export function modbusOptions(raw: unknown): ModbusOptions {
  return validate(ModbusOptions, structuredClone(raw ?? {}), "source option block modbus");
}
