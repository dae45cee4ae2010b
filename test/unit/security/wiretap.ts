/**
 * A TCP wire tap for the no-write tests: a relay between a driver and a real
 * protocol server that keeps every byte the driver sends, plus parsers that
 * turn those bytes into the protocol operations they request. The tests then
 * judge what reached the wire, not what the code says it does.
 *
 *   driver ──TCP──▶ tap (records client→server bytes per connection) ──TCP──▶ server
 *                    └─▶ modbusFunctions / s7Functions / cipServices / opcuaRequests
 */
import { createServer, connect, type Socket } from "node:net";

export interface Tap {
  host: string;
  port: number;
  /** client→server bytes, one buffer per connection, in order */
  streams(): Buffer[];
  close(): Promise<void>;
}

export async function startTap(target: { host: string; port: number }, listen: { host: string; port: number } = { host: "127.0.0.1", port: 0 }): Promise<Tap> {
  const conns: Buffer[][] = [];
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    const mine: Buffer[] = [];
    conns.push(mine);
    const up = connect(target.port, target.host);
    sockets.add(client);
    sockets.add(up);
    client.on("data", (chunk: Buffer) => { mine.push(Buffer.from(chunk)); up.write(chunk); });
    up.on("data", (d: Buffer) => client.write(d));
    const end = () => { client.destroy(); up.destroy(); sockets.delete(client); sockets.delete(up); };
    client.on("error", end); up.on("error", end); client.on("close", end); up.on("close", end);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(listen.port, listen.host, () => resolve());
  });
  const a = server.address();
  const port = a && typeof a === "object" ? a.port : 0;
  let closed: Promise<void> | undefined;
  return {
    host: listen.host, port,
    streams: () => conns.map((c) => Buffer.concat(c)),
    close() {
      closed ??= new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      });
      return closed;
    },
  };
}

/** Modbus TCP: the function code of every ADU (MBAP header, then unit id and function code). */
export function modbusFunctions(stream: Buffer): number[] {
  const out: number[] = [];
  for (let o = 0; o + 8 <= stream.length;) {
    const len = stream.readUInt16BE(o + 4);
    out.push(stream[o + 7]!);
    o += 6 + len;
  }
  return out;
}

/**
 * Modbus RTU requests (a client's byte stream to a device or gateway): the function
 * code of every frame, framed by each function's request length (reads and single
 * writes 8 bytes, multiple writes 9 + byte count, 22: 10, 23: 13 + byte count). A frame
 * whose CRC does not check is -1; an unknown function ends the walk (its code is kept).
 */
export function rtuFunctions(stream: Buffer): number[] {
  const out: number[] = [];
  for (let o = 0; o + 2 <= stream.length;) {
    const fc = stream[o + 1]!;
    const len = fc <= 6 || fc === 8 ? 8 : fc === 15 || fc === 16 ? 9 + (stream[o + 6] ?? 0) : fc === 22 ? 10 : fc === 23 ? 13 + (stream[o + 10] ?? 0) : 0;
    if (len === 0 || o + len > stream.length) { out.push(fc); break; }
    const frame = stream.subarray(o, o + len);
    let crc = 0xffff;
    for (let i = 0; i < len - 2; i++) {
      crc ^= frame[i]!;
      for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xa001 : crc >>> 1;
    }
    out.push(crc === frame.readUInt16LE(len - 2) ? fc : -1);
    o += len;
  }
  return out;
}

/**
 * S7comm over ISO-on-TCP: for every TPKT carrying COTP data (DT, 0xF0) with an
 * S7 PDU (protocol id 0x32), "ROSCTR:function" in hex, e.g. "01:04" = job Read Var,
 * "01:05" = job Write Var, "07:.." = userdata (its function group). Connection
 * requests (COTP CR) are "cotp-cr".
 */
export function s7Functions(stream: Buffer): string[] {
  const out: string[] = [];
  const hex = (n: number) => n.toString(16).padStart(2, "0");
  for (let o = 0; o + 4 <= stream.length;) {
    const len = stream.readUInt16BE(o + 2);
    const f = stream.subarray(o, o + len);
    o += Math.max(len, 4);
    const li = f[4]!;
    const cotp = f[5]!;
    if (cotp === 0xe0) { out.push("cotp-cr"); continue; }
    if (cotp !== 0xf0) { out.push(`cotp-${hex(cotp)}`); continue; }
    const s7 = f.subarray(5 + li);
    if (s7[0] !== 0x32) { out.push("not-s7"); continue; }
    const rosctr = s7[1]!;
    // job (1): 10-byte header, parameters start with the function code; userdata (7): function group at param[5]
    const fn = rosctr === 7 ? (s7[10 + 5] ?? 0) : (s7[10] ?? 0);
    out.push(`${hex(rosctr)}:${hex(fn)}`);
  }
  return out;
}

/** One CIP request as it appeared on the wire: service code and the object it addressed. */
export interface CipRequest {
  service: number;
  /** "class 0x06", "symbolic Tag", or "none" */
  target: string;
}

function cipTarget(path: Buffer): string {
  for (let i = 0; i < path.length;) {
    const seg = path[i]!;
    if (seg === 0x20) return `class 0x${path[i + 1]!.toString(16).padStart(2, "0")}`;
    if (seg === 0x21) return `class 0x${path.readUInt16LE(i + 2).toString(16).padStart(2, "0")}`;
    if (seg === 0x91) return `symbolic ${path.toString("latin1", i + 2, i + 2 + path[i + 1]!)}`;
    break;
  }
  return "none";
}

/** A Message Router request and everything it embeds (Unconnected Send 0x52 at the Connection Manager, Multiple Service Packet 0x0A). */
function cipRequests(mr: Buffer, out: CipRequest[]): void {
  if (mr.length < 2) return;
  const service = mr[0]!;
  const words = mr[1]!;
  const path = mr.subarray(2, 2 + 2 * words);
  const data = mr.subarray(2 + 2 * words);
  const target = cipTarget(path);
  out.push({ service, target });
  if (service === 0x52 && target === "class 0x06") {
    const size = data.readUInt16LE(2);
    cipRequests(data.subarray(4, 4 + size), out);
  } else if (service === 0x0a) {
    const n = data.readUInt16LE(0);
    const offsets = Array.from({ length: n }, (_, i) => data.readUInt16LE(2 + 2 * i));
    offsets.forEach((start, i) => cipRequests(data.subarray(start, offsets[i + 1] ?? data.length), out));
  }
}

/**
 * EtherNet/IP encapsulation: the encapsulation commands (0x65 RegisterSession,
 * 0x6F SendRRData, 0x70 SendUnitData, ...) and every CIP request they carry,
 * unconnected (UCMM item 0xB2) or connected (item 0xB1 after its sequence count).
 */
export function cipServices(stream: Buffer): { commands: number[]; requests: CipRequest[] } {
  const commands: number[] = [];
  const requests: CipRequest[] = [];
  for (let o = 0; o + 24 <= stream.length;) {
    const cmd = stream.readUInt16LE(o);
    const len = stream.readUInt16LE(o + 2);
    const data = stream.subarray(o + 24, o + 24 + len);
    o += 24 + len;
    commands.push(cmd);
    if (cmd !== 0x6f && cmd !== 0x70) continue;
    const items = data.readUInt16LE(6);
    let p = 8;
    for (let i = 0; i < items; i++) {
      const type = data.readUInt16LE(p);
      const size = data.readUInt16LE(p + 2);
      const body = data.subarray(p + 4, p + 4 + size);
      p += 4 + size;
      if (type === 0xb2) cipRequests(body, requests);
      else if (type === 0xb1) cipRequests(body.subarray(2), requests);
    }
  }
  return { commands, requests };
}

/**
 * OPC UA binary (security mode None): the type id of every service request in
 * MSG chunks (the numeric id of its DefaultBinary encoding, e.g. 631 ReadRequest,
 * 673 WriteRequest). Only the first chunk of a message carries the type.
 */
export function opcuaRequests(stream: Buffer): number[] {
  const out: number[] = [];
  let first = true;
  for (let o = 0; o + 8 <= stream.length;) {
    const kind = stream.toString("latin1", o, o + 3);
    const chunk = String.fromCharCode(stream[o + 3]!);
    const size = stream.readUInt32LE(o + 4);
    const c = stream.subarray(o, o + size);
    o += Math.max(size, 8);
    if (kind !== "MSG") continue;
    if (first && c.length > 24) {
      const body = c.subarray(24); // header 8, channel id 4, token id 4, sequence number 4, request id 4
      const enc = body[0]!;
      if (enc === 0x00) out.push(body[1]!);
      else if (enc === 0x01) out.push(body.readUInt16LE(2));
      else if (enc === 0x02) out.push(body.readUInt32LE(3));
      else out.push(-1);
    }
    first = chunk === "F" || chunk === "A";
  }
  return out;
}
