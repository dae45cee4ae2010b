/**
 * The EtherNet/IP encapsulation layer of the simulated controller (CIP Vol 2,
 * ch. 2): TCP stream framing and the session commands.
 *
 *   TCP bytes ─▶ FrameReader (24-byte header + length; partial and joined packets)
 *     ─▶ RegisterSession 0x65 ─▶ session handle
 *     ─▶ UnRegisterSession 0x66 ─▶ close (no reply)
 *     ─▶ ListIdentity 0x63 / ListServices 0x04 ─▶ CPF item
 *     ─▶ SendRRData 0x6F ─▶ CPF [null address, unconnected data 0xB2] ─▶ message router ─▶ same shape back
 *     ─▶ NOP 0x00 ─▶ nothing; anything else ─▶ status 0x0001 (unsupported command)
 */

export const CMD = {
  NOP: 0x00, LIST_SERVICES: 0x04, LIST_IDENTITY: 0x63, REGISTER_SESSION: 0x65, UNREGISTER_SESSION: 0x66, SEND_RR_DATA: 0x6f,
} as const;

export const ENCAP_STATUS = {
  SUCCESS: 0x0000, INVALID_COMMAND: 0x0001, INCORRECT_DATA: 0x0003, INVALID_SESSION: 0x0064, UNSUPPORTED_REVISION: 0x0069,
} as const;

export const HEADER = 24;
/** Largest encapsulated payload accepted; larger announced lengths are a protocol error. */
export const MAX_PAYLOAD = 65511;

export interface Packet {
  command: number;
  session: number;
  status: number;
  /** 8 bytes, echoed in the reply */
  context: Buffer;
  options: number;
  data: Buffer;
}

/** Cuts whole encapsulation packets out of a TCP byte stream. */
export class FrameReader {
  private buf: Buffer = Buffer.alloc(0);

  /** Feed bytes; returns the complete packets, or throws RangeError on an impossible length (close the connection). */
  push(chunk: Buffer): Packet[] {
    this.buf = this.buf.length === 0 ? chunk : Buffer.concat([this.buf, chunk]);
    const out: Packet[] = [];
    while (this.buf.length >= HEADER) {
      const len = this.buf.readUInt16LE(2);
      if (len > MAX_PAYLOAD) throw new RangeError(`encapsulation length ${len} too large`);
      if (this.buf.length < HEADER + len) break;
      const b = this.buf;
      out.push({
        command: b.readUInt16LE(0), session: b.readUInt32LE(4), status: b.readUInt32LE(8),
        context: Buffer.from(b.subarray(12, 20)), options: b.readUInt32LE(20),
        data: Buffer.from(b.subarray(HEADER, HEADER + len)),
      });
      this.buf = b.subarray(HEADER + len);
    }
    return out;
  }
}

export function encapsulate(command: number, session: number, status: number, context: Buffer, data: Buffer): Buffer {
  const h = Buffer.alloc(HEADER);
  h.writeUInt16LE(command, 0);
  h.writeUInt16LE(data.length, 2);
  h.writeUInt32LE(session >>> 0, 4);
  h.writeUInt32LE(status, 8);
  context.copy(h, 12, 0, 8);
  return Buffer.concat([h, data]);
}

export interface CpfItem { type: number; data: Buffer }

/** Common Packet Format: item count, then (type, length, data) items; undefined when malformed. */
export function parseCpf(b: Buffer): CpfItem[] | undefined {
  if (b.length < 2) return undefined;
  const n = b.readUInt16LE(0);
  const items: CpfItem[] = [];
  let p = 2;
  for (let i = 0; i < n; i++) {
    if (p + 4 > b.length) return undefined;
    const type = b.readUInt16LE(p);
    const len = b.readUInt16LE(p + 2);
    if (p + 4 + len > b.length) return undefined;
    items.push({ type, data: b.subarray(p + 4, p + 4 + len) });
    p += 4 + len;
  }
  return p === b.length ? items : undefined;
}

export function buildCpf(items: CpfItem[]): Buffer {
  const parts: Buffer[] = [Buffer.alloc(2)];
  parts[0]!.writeUInt16LE(items.length, 0);
  for (const it of items) {
    const h = Buffer.alloc(4);
    h.writeUInt16LE(it.type, 0);
    h.writeUInt16LE(it.data.length, 2);
    parts.push(h, it.data);
  }
  return Buffer.concat(parts);
}

export const CPF_ITEM = { NULL_ADDRESS: 0x0000, IDENTITY: 0x000c, UNCONNECTED_DATA: 0x00b2, SERVICES: 0x0100 } as const;
