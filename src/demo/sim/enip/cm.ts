/**
 * The Connection Manager of the simulated controller (CIP Vol 1, 3-5): class-3
 * explicit connections opened with Forward Open (0x54, 504-byte) or Large
 * Forward Open (0x5B, up to 4002-byte) and closed with Forward Close (0x4E).
 * Connections belong to one TCP session and die with it, as on a Logix.
 *
 *   Forward Open ─▶ check route (backplane, slot, message router 2/1) and size ─▶ ids ─▶ reply 0xD4/0xDB
 *   SendUnitData [A1 O→T id][B1 seq + request] ─▶ (encap layer) ─▶ message router ─▶ [A1 T→O id][B1 seq + reply]
 */
import { GS, reply } from "./cip.js";

export interface Connection { otId: number; toId: number; serial: number; vendor: number; origSerial: number; otSize: number; toSize: number }

export interface CmContext {
  slot: number;
  /** which Forward Opens this controller supports */
  forwardOpen: "large" | "small" | "none";
  /** the connections of this TCP session, by O→T id */
  conns: Map<number, Connection>;
  nextId: () => number;
  stats: { forwardOpens: number };
}

const FORWARD_OPEN = 0x54;
const LARGE_FORWARD_OPEN = 0x5b;
const FORWARD_CLOSE = 0x4e;
const MAX_CONNECTIONS = 32;
const EXT = { IN_USE: 0x0100, NOT_FOUND: 0x0107, BAD_SIZE: 0x0109, NO_CONNECTIONS: 0x0113, LINK_ADDRESS: 0x0312, BAD_SEGMENT: 0x0315 } as const;

export function isCmService(service: number): boolean {
  return service === FORWARD_OPEN || service === LARGE_FORWARD_OPEN || service === FORWARD_CLOSE;
}

/** The route a Logix connection path must name: backplane port 1, the CPU's slot, then the message router 2/1. */
function checkPath(path: Buffer, slot: number): number | undefined {
  if (path.length < 2 || path[0] !== 0x01 || path[1] !== slot) return EXT.LINK_ADDRESS;
  const rest = path.subarray(2);
  if (rest.length !== 4 || rest[0] !== 0x20 || rest[1] !== 0x02 || rest[2] !== 0x24 || rest[3] !== 0x01) return EXT.BAD_SEGMENT;
  return undefined;
}

export function connectionManager(service: number, d: Buffer, ctx: CmContext): Buffer {
  if (service === FORWARD_CLOSE) return forwardClose(d, ctx);
  const large = service === LARGE_FORWARD_OPEN;
  if (ctx.forwardOpen === "none" || (large && ctx.forwardOpen !== "large")) return reply(service, GS.SERVICE_NOT_SUPPORTED);
  const fixed = large ? 40 : 36;
  if (d.length < fixed) return reply(service, GS.NOT_ENOUGH_DATA);
  const toId = d.readUInt32LE(6);
  const serial = d.readUInt16LE(10);
  const vendor = d.readUInt16LE(12);
  const origSerial = d.readUInt32LE(14);
  const sizeOf = (at: number) => (large ? d.readUInt32LE(at) & 0xffff : d.readUInt16LE(at) & 0x01ff);
  const otSize = sizeOf(26);
  const toSize = sizeOf(large ? 34 : 32);
  const pathWords = d[fixed - 1]!;
  const path = d.subarray(fixed, fixed + pathWords * 2);
  if (path.length !== pathWords * 2) return reply(service, GS.NOT_ENOUGH_DATA);
  const bad = checkPath(path, ctx.slot);
  if (bad !== undefined) return reply(service, GS.CONNECTION_FAILURE, Buffer.from([pathWords, 0]), [bad]);
  const limit = large ? 4002 : 504;
  if (otSize < 16 || toSize < 16 || otSize > limit || toSize > limit) return reply(service, GS.CONNECTION_FAILURE, Buffer.from([0, 0]), [EXT.BAD_SIZE]);
  for (const c of ctx.conns.values()) {
    if (c.serial === serial && c.vendor === vendor && c.origSerial === origSerial) return reply(service, GS.CONNECTION_FAILURE, Buffer.from([0, 0]), [EXT.IN_USE]);
  }
  if (ctx.conns.size >= MAX_CONNECTIONS) return reply(service, GS.CONNECTION_FAILURE, Buffer.from([0, 0]), [EXT.NO_CONNECTIONS]);
  const otId = ctx.nextId();
  ctx.conns.set(otId, { otId, toId, serial, vendor, origSerial, otSize, toSize });
  ctx.stats.forwardOpens++;
  const r = Buffer.alloc(26);
  r.writeUInt32LE(otId, 0);
  r.writeUInt32LE(toId, 4);
  r.writeUInt16LE(serial, 8);
  r.writeUInt16LE(vendor, 10);
  r.writeUInt32LE(origSerial, 12);
  d.copy(r, 16, 22, 26); // O→T API = requested RPI
  d.copy(r, 20, large ? 30 : 28, large ? 34 : 32); // T→O API = requested RPI
  return reply(service, GS.SUCCESS, r); // application reply size 0, reserved 0
}

function forwardClose(d: Buffer, ctx: CmContext): Buffer {
  if (d.length < 12) return reply(FORWARD_CLOSE, GS.NOT_ENOUGH_DATA);
  const serial = d.readUInt16LE(2);
  const vendor = d.readUInt16LE(4);
  const origSerial = d.readUInt32LE(6);
  for (const [id, c] of ctx.conns) {
    if (c.serial === serial && c.vendor === vendor && c.origSerial === origSerial) {
      ctx.conns.delete(id);
      const r = Buffer.alloc(10);
      d.copy(r, 0, 2, 10);
      return reply(FORWARD_CLOSE, GS.SUCCESS, r); // + application reply size 0, reserved 0
    }
  }
  return reply(FORWARD_CLOSE, GS.CONNECTION_FAILURE, Buffer.from([0, 0]), [EXT.NOT_FOUND]);
}
