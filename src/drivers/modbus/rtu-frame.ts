/**
 * Modbus RTU framing (Modbus over Serial Line V1.02, §2.5.1): a frame is the
 * unit address, the PDU and a CRC-16 (polynomial 0xA001 reflected, initial
 * 0xFFFF, low byte first). Frames are separated by at least 3.5 character
 * times of silence; a character is 11 bits (start, 8 data, parity or a second
 * stop bit, stop), and above 19200 bit/s the spec fixes t3.5 at 1.75 ms.
 * Pure functions, no I/O.
 */

const TABLE = (() => {
  const t = new Uint16Array(256);
  for (let i = 0; i < 256; i++) {
    let c = i;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xa001 : c >>> 1;
    t[i] = c;
  }
  return t;
})();

/** CRC-16/MODBUS of bytes [0, end). */
export function crc16(buf: Uint8Array, end = buf.length): number {
  let crc = 0xffff;
  for (let i = 0; i < end; i++) crc = (crc >>> 8) ^ TABLE[(crc ^ buf[i]!) & 0xff]!;
  return crc;
}

/** The 8-byte read request: unit, fc (1-4 only), start, count, CRC. */
export function readRequestFrame(unit: number, fc: 1 | 2 | 3 | 4, start: number, count: number): Buffer {
  const b = Buffer.alloc(8);
  b.writeUInt8(unit, 0);
  b.writeUInt8(fc, 1);
  b.writeUInt16BE(start, 2);
  b.writeUInt16BE(count, 4);
  b.writeUInt16LE(crc16(b, 6), 6);
  return b;
}

/**
 * Bytes the reply frame starting at buf[0] will have once complete (a read reply:
 * unit, fc, byte count, data, CRC; an exception: unit, fc|0x80, code, CRC), or
 * undefined while too few bytes have arrived to tell.
 */
export function replyLength(buf: Uint8Array): number | undefined {
  if (buf.length < 2) return undefined;
  if (buf[1]! & 0x80) return 5;
  if (buf.length < 3) return undefined;
  return 5 + buf[2]!;
}

/** Does the frame's CRC (last two bytes, low first) match its contents? */
export function crcOk(frame: Uint8Array): boolean {
  if (frame.length < 4) return false;
  return crc16(frame, frame.length - 2) === (frame[frame.length - 2]! | (frame[frame.length - 1]! << 8));
}

/** 3.5 character times in ms at this line speed (11-bit characters; 1.75 ms above 19200 bit/s). */
export function silenceMs(baudRate: number): number {
  return baudRate > 19200 ? 1.75 : (3.5 * 11 * 1000) / baudRate;
}

/** How long `bytes` take on the wire at this line speed, in ms. */
export function wireMs(bytes: number, baudRate: number): number {
  return (bytes * 11 * 1000) / baudRate;
}
