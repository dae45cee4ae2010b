/**
 * FEC symbols. A data datagram's symbol is its fragment plus the header
 * fields that a receiver needs to place a rebuilt fragment, so a datagram
 * lost on the wire comes back whole from the parity:
 *
 *   off len
 *     0   8 frame id
 *     8   2 fragment index
 *    10   2 fragment count
 *    12   2 fragment length (the rest of the symbol is zero padding)
 *    14   n fragment bytes
 *
 * Parity symbols (repair datagram bodies) are as long as the longest data
 * symbol of their group, hence a fragment's budget is 14 bytes under the
 * datagram's body budget.
 */
export const SYMBOL_HEADER = 14;

export interface Fragment {
  frameId: number;
  fragIndex: number;
  fragCount: number;
  bytes: Uint8Array;
}

export function writeSymbolHeader(out: Uint8Array, f: Fragment): void {
  const dv = new DataView(out.buffer, out.byteOffset, SYMBOL_HEADER);
  dv.setUint32(0, Math.floor(f.frameId / 2 ** 32));
  dv.setUint32(4, f.frameId % 2 ** 32);
  dv.setUint16(8, f.fragIndex);
  dv.setUint16(10, f.fragCount);
  dv.setUint16(12, f.bytes.length);
}

/** Parse a rebuilt symbol; null when inconsistent (counted "malformed"). */
export function parseSymbol(sym: Uint8Array, maxFragments: number): Fragment | null {
  if (sym.length < SYMBOL_HEADER) return null;
  const dv = new DataView(sym.buffer, sym.byteOffset, SYMBOL_HEADER);
  const hi = dv.getUint32(0);
  const fragIndex = dv.getUint16(8);
  const fragCount = dv.getUint16(10);
  const len = dv.getUint16(12);
  if (hi >= 2 ** 21 || fragCount < 1 || fragCount > maxFragments || fragIndex >= fragCount) return null;
  if (len < 1 || SYMBOL_HEADER + len > sym.length) return null;
  return { frameId: hi * 2 ** 32 + dv.getUint32(4), fragIndex, fragCount, bytes: sym.subarray(SYMBOL_HEADER, SYMBOL_HEADER + len) };
}
