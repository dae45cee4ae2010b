/**
 * CIP class-3 explicit connections (CIP Vol 1, 3-5.4), which ethernet-ip 1.2.5
 * does not implement ("TODO: Implement Connected Version"): the Forward Open
 * and Forward Close requests, and the SendUnitData framing of connected
 * requests. With Large Forward Open a packet may carry 4002 bytes instead of
 * the ~500 of an unconnected message, so a thousand tags fit in a handful of
 * Multiple Service Packets.
 *
 *   Forward Open 0x54 / Large Forward Open 0x5B @ Connection Manager 6/1, path: backplane/slot + message router 2/1
 *   SendUnitData 0x70: CPF [connected address 0xA1: O→T id][connected data 0xB1: sequence count + request]
 *   Forward Close 0x4E with the same connection triad (serial, vendor, originator serial)
 */
import { randomInt } from "node:crypto";
import ethernetIp from "ethernet-ip";

const { encapsulation, CIP } = ethernetIp.EthernetIP;
const { MessageRouter, EPATH } = CIP;
const { LOGICAL, PORT } = EPATH.segments;

export const FORWARD_OPEN = 0x54;
export const LARGE_FORWARD_OPEN = 0x5b;
const FORWARD_CLOSE = 0x4e;
const SEND_UNIT_DATA = 0x70;
export const ITEM_CONNECTED_ADDRESS = 0xa1;
export const ITEM_CONNECTED_DATA = 0xb1;
/** Originator vendor id of the connection triad (a private value: sluice is not an ODVA-registered vendor). */
const VENDOR = 0x5343;
/** Requested packet interval, µs; with multiplier ×512 the controller drops an idle connection after ~17 min. */
const RPI_US = 2_000_000;
const TIMEOUT_MULTIPLIER = 7;
const originatorSerial = randomInt(1, 0x7fffffff);

export const CM_PATH = Buffer.concat([LOGICAL.build(LOGICAL.types.ClassID!, 0x06), LOGICAL.build(LOGICAL.types.InstanceID!, 0x01)]);
const ROUTER_PATH = Buffer.concat([LOGICAL.build(LOGICAL.types.ClassID!, 0x02), LOGICAL.build(LOGICAL.types.InstanceID!, 0x01)]);

export interface ConnectionParams {
  large: boolean;
  /** connection size in bytes (both directions) */
  size: number;
  serial: number;
  toId: number;
}

export interface OpenConnection extends ConnectionParams {
  otId: number;
  /** next sequence count */
  seq: number;
}

export function newConnectionParams(large: boolean): ConnectionParams {
  return { large, size: large ? 4002 : 504, serial: randomInt(1, 0xffff), toId: randomInt(1, 0x7fffffff) };
}

/** The Forward Open (or Large Forward Open) message router request for a class-3 connection to the controller in `slot`. */
export function forwardOpenRequest(p: ConnectionParams, slot: number): Buffer {
  const path = Buffer.concat([PORT.build(1, slot), ROUTER_PATH]);
  const paramsLen = p.large ? 4 : 2;
  const d = Buffer.alloc(36 + 2 * (paramsLen - 2) + path.length);
  let o = 0;
  d[o++] = 0x0a; // priority/time tick: 2^10 ms ticks
  d[o++] = 0x05; // 5 ticks: the unconnected Forward Open itself may take ~5 s
  d.writeUInt32LE(0, o); o += 4; // O→T id: chosen by the target
  d.writeUInt32LE(p.toId, o); o += 4;
  d.writeUInt16LE(p.serial, o); o += 2;
  d.writeUInt16LE(VENDOR, o); o += 2;
  d.writeUInt32LE(originatorSerial, o); o += 4;
  d[o++] = TIMEOUT_MULTIPLIER;
  o += 3; // reserved
  // network connection parameters: point-to-point, low priority, variable size
  const params = (w: number) => {
    if (p.large) { d.writeUInt32LE((0x4200 << 16 | p.size) >>> 0, w); } else { d.writeUInt16LE(0x4200 | p.size, w); }
  };
  d.writeUInt32LE(RPI_US, o); o += 4;
  params(o); o += paramsLen;
  d.writeUInt32LE(RPI_US, o); o += 4;
  params(o); o += paramsLen;
  d[o++] = 0xa3; // transport: server, application trigger, class 3
  d[o++] = path.length / 2;
  path.copy(d, o);
  return MessageRouter.build(p.large ? LARGE_FORWARD_OPEN : FORWARD_OPEN, CM_PATH, d);
}

/** The O→T connection id from a successful Forward Open reply, or undefined when the reply is not one. */
export function forwardOpenReply(data: Buffer, p: ConnectionParams): number | undefined {
  if (data.length < 26 || data.readUInt32LE(4) !== p.toId || data.readUInt16LE(8) !== p.serial) return undefined;
  return data.readUInt32LE(0);
}

export function forwardCloseRequest(c: ConnectionParams, slot: number): Buffer {
  const path = Buffer.concat([PORT.build(1, slot), ROUTER_PATH]);
  const d = Buffer.alloc(12 + path.length);
  d[0] = 0x0a;
  d[1] = 0x05;
  d.writeUInt16LE(c.serial, 2);
  d.writeUInt16LE(VENDOR, 4);
  d.writeUInt32LE(originatorSerial, 6);
  d[10] = path.length / 2;
  path.copy(d, 12);
  return MessageRouter.build(FORWARD_CLOSE, CM_PATH, d);
}

/** A connected request: SendUnitData with the O→T id and the sequence count. */
export function sendUnitData(session: number, c: OpenConnection, seq: number, mr: Buffer): Buffer {
  const id = Buffer.alloc(4);
  id.writeUInt32LE(c.otId, 0);
  const data = Buffer.alloc(2 + mr.length);
  data.writeUInt16LE(seq, 0);
  mr.copy(data, 2);
  const cpf = encapsulation.CPF.build([{ TypeID: ITEM_CONNECTED_ADDRESS, data: id }, { TypeID: ITEM_CONNECTED_DATA, data }]);
  return encapsulation.header.build(SEND_UNIT_DATA, session, Buffer.concat([Buffer.alloc(6), cpf]));
}

/** The reply of a connected request, when `p` is the SendUnitData answering sequence `seq` on this connection. */
export function unitDataReply(p: Buffer, c: OpenConnection, seq: number): Buffer | undefined {
  if (p.readUInt16LE(0) !== SEND_UNIT_DATA || p.length < 24 + 6) return undefined;
  const items = encapsulation.CPF.parse(p.subarray(24 + 6));
  const addr = items.find((i) => i.TypeID === ITEM_CONNECTED_ADDRESS);
  const data = items.find((i) => i.TypeID === ITEM_CONNECTED_DATA);
  if (!addr || addr.data.length !== 4 || addr.data.readUInt32LE(0) !== c.toId) return undefined;
  if (!data || data.data.length < 6 || data.data.readUInt16LE(0) !== seq) return undefined;
  return data.data.subarray(2);
}
