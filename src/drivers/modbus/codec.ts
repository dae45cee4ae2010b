/**
 * Modbus register codec: wire bytes <-> typed values, for every byte order.
 * Pure functions, no I/O.
 *
 *   registers on the wire (big-endian words, as received)
 *        │  order "CDAB": wire byte i holds value byte order[i] (A = most significant)
 *        ▼
 *   canonical big-endian bytes ──▶ readInt32BE / readFloatBE / readBigInt64BE ...
 *
 * Naming every order by its byte permutation avoids the "little endian byte
 * swap" ambiguity users trip over: ABCD is plain
 * big-endian, CDAB swaps words, BADC swaps bytes within words, DCBA is
 * little-endian. Strings are N bytes, two per register (AB = high byte first,
 * BA = low byte first), trailing NULs trimmed.
 */
import type { TagType, Value } from "../../core/model.js";

export const ORDERS_2 = ["AB", "BA"] as const;
export const ORDERS_4 = ["ABCD", "CDAB", "BADC", "DCBA"] as const;
export const ORDERS_8 = ["ABCDEFGH", "GHEFCDAB", "BADCFEHG", "HGFEDCBA"] as const;
export type ByteOrder = (typeof ORDERS_2)[number] | (typeof ORDERS_4)[number] | (typeof ORDERS_8)[number];

/** A register-area value type (bool lives in coils, inputs or a register bit). */
export type RegisterType = Exclude<TagType, "bool">;

/** Bytes a value of this type occupies on the wire (string: its declared length). */
export function byteWidth(type: RegisterType, stringLength = 0): number {
  switch (type) {
    case "int16": case "uint16": return 2;
    case "int32": case "uint32": case "float32": return 4;
    case "int64": case "uint64": case "float64": return 8;
    case "string": return stringLength + (stringLength % 2);
  }
}

/** Registers a value of this type occupies. */
export function registerWidth(type: RegisterType, stringLength = 0): number {
  return byteWidth(type, stringLength) / 2;
}

/** The orders that fit a type: 2-byte orders for 16-bit values and strings, 4 for 32-bit, 8 for 64-bit. */
export function ordersFor(type: RegisterType): readonly ByteOrder[] {
  switch (byteWidth(type, 2)) {
    case 2: return ORDERS_2;
    case 4: return ORDERS_4;
    default: return ORDERS_8;
  }
}

/**
 * A type's order when its address names none, from the source's 32-bit
 * default: 64-bit values take the matching 8-byte order (CDAB -> GHEFCDAB),
 * 16-bit values and strings are byte-swapped (BA) when that default swaps bytes (BADC, DCBA).
 */
export function defaultOrder(type: RegisterType, order32: (typeof ORDERS_4)[number]): ByteOrder {
  const i = ORDERS_4.indexOf(order32);
  switch (byteWidth(type, 2)) {
    case 2: return i === 2 || i === 3 ? "BA" : "AB";
    case 4: return order32;
    default: return ORDERS_8[i] ?? "ABCDEFGH";
  }
}

/** wire -> canonical: wire byte i is value byte order[i]. Strings repeat their 2-byte order per register. */
function toCanonical(wire: Buffer, order: ByteOrder): Buffer {
  const out = Buffer.allocUnsafe(wire.length);
  const n = order.length;
  for (let base = 0; base < wire.length; base += n) {
    for (let i = 0; i < n && base + i < wire.length; i++) out[base + order.charCodeAt(i) - 65] = wire[base + i]!;
  }
  return out;
}

/** canonical -> wire, the inverse permutation. */
function toWire(canon: Buffer, order: ByteOrder): Buffer {
  const out = Buffer.allocUnsafe(canon.length);
  const n = order.length;
  for (let base = 0; base < canon.length; base += n) {
    for (let i = 0; i < n && base + i < canon.length; i++) out[base + i] = canon[base + order.charCodeAt(i) - 65]!;
  }
  return out;
}

/**
 * Decode one value at `offset` of a response's register data: plain big-endian
 * numbers (AB, ABCD, ABCDEFGH: most devices) are read in place, with no copy; every
 * other order and strings go through decodeValue. Same results as
 * decodeValue(data.subarray(offset, offset + byteWidth), ...).
 */
export function decodeAt(data: Buffer, offset: number, type: RegisterType, order: ByteOrder, stringLength = 0): Value {
  if (order === ORDERS_2[0] || order === ORDERS_4[0] || order === ORDERS_8[0]) {
    switch (type) {
      case "int16": return data.readInt16BE(offset);
      case "uint16": return data.readUInt16BE(offset);
      case "int32": return data.readInt32BE(offset);
      case "uint32": return data.readUInt32BE(offset);
      case "float32": return data.readFloatBE(offset);
      case "int64": return data.readBigInt64BE(offset);
      case "uint64": return data.readBigUInt64BE(offset);
      case "float64": return data.readDoubleBE(offset);
      case "string": break;
    }
  }
  return decodeValue(data.subarray(offset, offset + byteWidth(type, stringLength)), type, order, stringLength);
}

/**
 * Decode one value from its wire bytes (exactly byteWidth(type) bytes, as the
 * registers arrived). int64/uint64 come back as bigint so no precision is lost.
 */
export function decodeValue(wire: Buffer, type: RegisterType, order: ByteOrder, stringLength = 0): Value {
  const b = toCanonical(wire, order);
  switch (type) {
    case "int16": return b.readInt16BE(0);
    case "uint16": return b.readUInt16BE(0);
    case "int32": return b.readInt32BE(0);
    case "uint32": return b.readUInt32BE(0);
    case "float32": return b.readFloatBE(0);
    case "int64": return b.readBigInt64BE(0);
    case "uint64": return b.readBigUInt64BE(0);
    case "float64": return b.readDoubleBE(0);
    case "string": {
      let end = Math.min(stringLength, b.length);
      while (end > 0 && b[end - 1] === 0) end--;
      return b.toString("latin1", 0, end);
    }
  }
}

/**
 * Encode a value into wire bytes. Only simulators and tests use this (to lay
 * out known register contents): sluice never writes to a device.
 */
export function encodeValue(value: Value, type: RegisterType, order: ByteOrder, stringLength = 0): Buffer {
  const b = Buffer.alloc(byteWidth(type, stringLength));
  switch (type) {
    case "int16": b.writeInt16BE(Number(value), 0); break;
    case "uint16": b.writeUInt16BE(Number(value), 0); break;
    case "int32": b.writeInt32BE(Number(value), 0); break;
    case "uint32": b.writeUInt32BE(Number(value), 0); break;
    case "float32": b.writeFloatBE(Number(value), 0); break;
    case "int64": b.writeBigInt64BE(BigInt(value as bigint | number), 0); break;
    case "uint64": b.writeBigUInt64BE(BigInt(value as bigint | number), 0); break;
    case "float64": b.writeDoubleBE(Number(value), 0); break;
    case "string": b.write(String(value).slice(0, stringLength), 0, "latin1"); break;
  }
  return toWire(b, order);
}

/** Wire bytes -> register words (for laying out a server's datastore). */
export function toWords(wire: Buffer): number[] {
  const words: number[] = [];
  for (let i = 0; i + 1 < wire.length; i += 2) words.push(wire.readUInt16BE(i));
  return words;
}

/** Bit `bit` (0 = least significant) of the register whose wire bytes start at `at`. */
export function registerBit(wire: Buffer, at: number, bit: number): boolean {
  return ((wire.readUInt16BE(at) >> bit) & 1) === 1;
}

/** Bit `index` of a packed coil/discrete-input response (LSB of the first byte is the first bit). */
export function packedBit(bytes: Buffer, index: number): boolean {
  return (((bytes[index >> 3] ?? 0) >> (index & 7)) & 1) === 1;
}
