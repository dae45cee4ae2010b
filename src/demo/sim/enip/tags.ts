/**
 * The simulated controller's tag table: Logix names (case-insensitive, as in
 * Logix) to an atomic CIP type and value, and the little-endian encoding of
 * a Read Tag reply body (type code, [structure handle,] value).
 */

/** CIP elementary type codes (CIP Vol 1, C-6.1) plus the Logix STRING structure. */
export const CIP_TYPE = {
  BOOL: 0xc1, SINT: 0xc2, INT: 0xc3, DINT: 0xc4, LINT: 0xc5, USINT: 0xc6, UINT: 0xc7, UDINT: 0xc8,
  ULINT: 0xc9, REAL: 0xca, LREAL: 0xcb, DWORD: 0xd3, STRING: 0x02a0,
} as const;
export type CipTypeName = keyof typeof CIP_TYPE;

/** Structure handle (CRC) of the predefined Logix STRING type: DINT LEN + SINT[82] DATA. */
export const LOGIX_STRING_HANDLE = 0x0fce;
export const LOGIX_STRING_MAX = 82;

export type SimValue = boolean | number | bigint | string;

export interface SimTag { name: string; type: CipTypeName; value: SimValue }

export class TagTable {
  private readonly tags = new Map<string, SimTag>();

  set(name: string, type: CipTypeName, value: SimValue): void {
    encodeValue(type, value); // refuse values that do not fit now, not at read time
    this.tags.set(name.toLowerCase(), { name, type, value });
  }

  delete(name: string): boolean {
    return this.tags.delete(name.toLowerCase());
  }

  get(name: string): SimTag | undefined {
    return this.tags.get(name.toLowerCase());
  }

  get size(): number {
    return this.tags.size;
  }

  all(): IterableIterator<SimTag> {
    return this.tags.values();
  }
}

/** Read Tag reply data: type code (UINT), the STRING structure handle, then the value, little-endian. */
export function encodeValue(type: CipTypeName, v: SimValue): Buffer {
  const code = CIP_TYPE[type];
  if (type === "STRING") {
    const s = Buffer.from(String(v), "latin1");
    if (s.length > LOGIX_STRING_MAX) throw new RangeError(`STRING holds at most ${LOGIX_STRING_MAX} characters`);
    const b = Buffer.alloc(4 + 4 + LOGIX_STRING_MAX);
    b.writeUInt16LE(code, 0);
    b.writeUInt16LE(LOGIX_STRING_HANDLE, 2);
    b.writeInt32LE(s.length, 4);
    s.copy(b, 8);
    return b;
  }
  const size = { BOOL: 1, SINT: 1, USINT: 1, INT: 2, UINT: 2, DINT: 4, UDINT: 4, DWORD: 4, REAL: 4, LINT: 8, ULINT: 8, LREAL: 8 }[type];
  const b = Buffer.alloc(2 + size);
  b.writeUInt16LE(code, 0);
  switch (type) {
    case "BOOL": b.writeUInt8(v ? 1 : 0, 2); break;
    case "SINT": b.writeInt8(Number(v), 2); break;
    case "USINT": b.writeUInt8(Number(v), 2); break;
    case "INT": b.writeInt16LE(Number(v), 2); break;
    case "UINT": b.writeUInt16LE(Number(v), 2); break;
    case "DINT": b.writeInt32LE(Number(v), 2); break;
    case "UDINT": case "DWORD": b.writeUInt32LE(Number(v), 2); break;
    case "REAL": b.writeFloatLE(Number(v), 2); break;
    case "LREAL": b.writeDoubleLE(Number(v), 2); break;
    case "LINT": b.writeBigInt64LE(BigInt(v), 2); break;
    case "ULINT": b.writeBigUInt64LE(BigInt(v), 2); break;
  }
  return b;
}
