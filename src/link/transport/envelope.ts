/**
 * The datagram envelope: the clear header every link datagram starts with.
 * Pure encode/parse with strict limits, no allocation beyond the result.
 *
 * Datagram byte layout (big-endian; the whole header is the AEAD/HMAC AAD):
 *
 *   off len field
 *   --- --- -----------------------------------------------------------------
 *     0   1 magic (high nibble 0x5) | version (low nibble, 1)
 *     1   1 flags: bit0 = repair (FEC parity) datagram,
 *                  bits1-2 = auth (0 aes-256-gcm, 1 hmac-sha256), others 0
 *     2   4 key id (uint32)             which pre-shared key sealed it
 *     6   8 session id (uint64)         [unix seconds:32 | random:32] per sender start
 *    14   8 datagram sequence (uint64)  per session, +1 per datagram, < 2^53
 *    22   8 frame id (uint64)           per session, +1 per frame, < 2^53 (0 in repairs)
 *    30   2 fragment index              0 .. count-1 (0 in repairs)
 *    32   2 fragment count              1 .. MAX_FRAGMENTS (0 in repairs)
 *    34   4 FEC group id (uint32)       per session, wraps (only compared in a short window)
 *    38   1 FEC index                   data 0..k-1, repair k..k+m-1
 *    39   1 FEC k                       data datagrams in the group (data: nominal; repair: final)
 *    40   1 FEC m                       repair datagrams in the group (data: nominal; repair: final)
 *    41   1 reserved, 0
 *    42   n body: ciphertext (GCM) or plaintext (HMAC)
 *  42+n  16 tag: GCM tag, or HMAC-SHA-256 truncated to 128 bits
 *
 * Body plaintext: a data datagram carries the fragment bytes; a repair
 * datagram carries one Reed-Solomon parity symbol (see fec/symbol.ts) of the
 * group's data symbols, which is 14 bytes longer than the largest fragment.
 */

export const MAGIC = 0x5;
export const VERSION = 1;
export const HEADER_BYTES = 42;
export const TAG_BYTES = 16;
/** IPv4 + UDP headers: counted by the pacer, since they cross the wire too. */
export const IP_UDP_OVERHEAD = 28;
export const MAX_FRAGMENTS = 4096;
export const MAX_FEC_K = 128;
export const MAX_FEC_M = 128;
/** Sequence and frame ids stay below 2^53 so they are exact JS numbers. */
export const MAX_SEQ = 2 ** 53 - 1;

export const FLAG_REPAIR = 0x01;
export const AUTH_SHIFT = 1;
export const AUTH_MASK = 0x06;
const FLAG_RESERVED = 0xf8;

export const AUTH_ALGS = ["aes-256-gcm", "hmac-sha256"] as const;
export type AuthAlg = (typeof AUTH_ALGS)[number];

export interface Header {
  repair: boolean;
  auth: number; // index into AUTH_ALGS
  keyId: number;
  /** session id as two uint32 halves: hi is the sender's start time in unix seconds */
  sessionHi: number;
  sessionLo: number;
  seq: number;
  frameId: number;
  fragIndex: number;
  fragCount: number;
  group: number;
  fecIndex: number;
  fecK: number;
  fecM: number;
}

export type ParseError = "malformed" | "version" | "oversize";

const TWO32 = 2 ** 32;

function readU53(dv: DataView, off: number): number {
  const hi = dv.getUint32(off);
  if (hi >= 2 ** 21) return -1;
  return hi * TWO32 + dv.getUint32(off + 4);
}

/**
 * Parse and sanity-check a datagram's header. Returns a reason string when it
 * must be dropped. No state is read or written; `maxDatagram` is the MTU.
 */
export function parseHeader(buf: Uint8Array, maxDatagram: number): Header | ParseError {
  if (buf.length > maxDatagram) return "oversize";
  if (buf.length < 1) return "malformed";
  const b0 = buf[0]!;
  if (b0 >> 4 !== MAGIC) return "malformed";
  if ((b0 & 0x0f) !== VERSION) return "version";
  if (buf.length < HEADER_BYTES + TAG_BYTES) return "malformed";
  const dv = new DataView(buf.buffer, buf.byteOffset, HEADER_BYTES);
  const flags = buf[1]!;
  if (flags & FLAG_RESERVED || buf[41] !== 0) return "malformed";
  const auth = (flags & AUTH_MASK) >> AUTH_SHIFT;
  if (auth >= AUTH_ALGS.length) return "malformed";
  const repair = (flags & FLAG_REPAIR) !== 0;
  const seq = readU53(dv, 14);
  const frameId = readU53(dv, 22);
  if (seq < 0 || frameId < 0) return "malformed";
  const fragIndex = dv.getUint16(30);
  const fragCount = dv.getUint16(32);
  const fecIndex = buf[38]!;
  const fecK = buf[39]!;
  const fecM = buf[40]!;
  if (fecK < 1 || fecK > MAX_FEC_K || fecM > MAX_FEC_M) return "malformed";
  if (repair) {
    if (frameId !== 0 || fragIndex !== 0 || fragCount !== 0) return "malformed";
    if (fecIndex < fecK || fecIndex >= fecK + fecM) return "malformed";
  } else {
    if (fragCount < 1 || fragCount > MAX_FRAGMENTS || fragIndex >= fragCount) return "malformed";
    if (fecIndex >= fecK) return "malformed";
    if (buf.length === HEADER_BYTES + TAG_BYTES) return "malformed"; // an empty fragment carries nothing
  }
  return {
    repair, auth, keyId: dv.getUint32(2), sessionHi: dv.getUint32(6), sessionLo: dv.getUint32(10),
    seq, frameId, fragIndex, fragCount, group: dv.getUint32(34), fecIndex, fecK, fecM,
  };
}

/** Write a header into `out` (at least HEADER_BYTES long). */
export function writeHeader(out: Uint8Array, h: Header): void {
  const dv = new DataView(out.buffer, out.byteOffset, HEADER_BYTES);
  out[0] = (MAGIC << 4) | VERSION;
  out[1] = (h.repair ? FLAG_REPAIR : 0) | (h.auth << AUTH_SHIFT);
  dv.setUint32(2, h.keyId >>> 0);
  dv.setUint32(6, h.sessionHi >>> 0);
  dv.setUint32(10, h.sessionLo >>> 0);
  dv.setUint32(14, Math.floor(h.seq / TWO32));
  dv.setUint32(18, h.seq % TWO32);
  dv.setUint32(22, Math.floor(h.frameId / TWO32));
  dv.setUint32(26, h.frameId % TWO32);
  dv.setUint16(30, h.fragIndex);
  dv.setUint16(32, h.fragCount);
  dv.setUint32(34, h.group >>> 0);
  out[38] = h.fecIndex;
  out[39] = h.fecK;
  out[40] = h.fecM;
  out[41] = 0;
}

export function sessionBigint(hi: number, lo: number): bigint {
  return (BigInt(hi) << 32n) | BigInt(lo);
}
