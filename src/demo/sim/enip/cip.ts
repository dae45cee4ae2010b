/**
 * The CIP side of the simulated Logix controller: the message router that
 * executes one request and returns its reply (CIP Vol 1 ch. 2, Logix 5000
 * Data Access manual 1756-PM020).
 *
 *   Unconnected Send (0x52 @ Connection Manager 6/1) ─▶ check route (backplane port 1, slot)
 *        └─▶ embedded request ─▶ execute ─▶ its reply, unwrapped (as a real router answers)
 *   Multiple Service Packet (0x0A @ Message Router 2/1) ─▶ each embedded request ─▶ 0x8A, status 0x1E if any failed
 *   Read Tag (0x4C, symbolic 0x91 + element 0x28/0x29/0x2A path) ─▶ 0xCC type value | 0x05 unknown tag
 *   Get Attribute All (0x01 @ Identity 1/1) ─▶ identity
 *   Get Instance Attribute List (0x55 @ Symbol 0x6B [in "Program:X"]) ─▶ symbols.ts
 *   Get Attribute List (0x03) / Read Template (0x4C) @ Template 0x6C/id ─▶ symbols.ts
 *   Forward Open / Large Forward Open / Forward Close (@ Connection Manager 6/1) ─▶ cm.ts
 *   Write Tag / Read-Modify-Write / Write Fragmented / Set Attribute ─▶ 0x0F: this controller is read-only
 */
import type { TagTable } from "./tags.js";
import { encodeValue } from "./tags.js";
import { connectionManager, isCmService, type CmContext } from "./cm.js";
import { SYMBOL_CLASS, TEMPLATE_CLASS, listSymbols, symbolSpace, templateAttributes, templateDefinition } from "./symbols.js";

export const GS = {
  SUCCESS: 0x00, CONNECTION_FAILURE: 0x01, PATH_SEGMENT_ERROR: 0x04, PATH_UNKNOWN: 0x05,
  SERVICE_NOT_SUPPORTED: 0x08, PRIVILEGE_VIOLATION: 0x0f, NOT_ENOUGH_DATA: 0x13, TOO_MUCH_DATA: 0x15,
  PARTIAL_TRANSFER: 0x06, ATTRIBUTE_NOT_SUPPORTED: 0x14, EMBEDDED_SERVICE_ERROR: 0x1e, GENERAL_ERROR: 0xff,
} as const;

const SVC = {
  GET_ATTRIBUTE_ALL: 0x01, GET_ATTRIBUTE_LIST: 0x03, GET_INSTANCE_ATTRIBUTE_LIST: 0x55, MULTIPLE_SERVICE_PACKET: 0x0a, SET_ATTRIBUTE_SINGLE: 0x10, READ_TAG: 0x4c,
  WRITE_TAG: 0x4d, READ_MODIFY_WRITE: 0x4e, UNCONNECTED_SEND: 0x52, WRITE_TAG_FRAGMENTED: 0x53, SET_ATTRIBUTE_ALL: 0x02,
} as const;

export interface Identity { vendor: number; deviceType: number; productCode: number; major: number; minor: number; serial: number; name: string }

export interface RouterContext {
  tags: TagTable;
  identity: Identity;
  slot: number;
  stats: { mspRequests: number; tagReads: number; forwardOpens: number };
  /** this TCP session's connections (see cm.ts) */
  cm: CmContext;
}

/** A decoded request path: logical class/instance/attribute, or a symbolic tag name. */
interface Path { classId?: number; instance?: number; attribute?: number; symbol?: string }

export function reply(service: number, status: number, data: Buffer = Buffer.alloc(0), ext: number[] = []): Buffer {
  const head = Buffer.alloc(4 + ext.length * 2);
  head[0] = service | 0x80;
  head[2] = status;
  head[3] = ext.length;
  ext.forEach((e, i) => head.writeUInt16LE(e, 4 + i * 2));
  return Buffer.concat([head, data]);
}

/** EPATH → logical ids or a Logix tag name ("Program:Main.Speed", "Recipe[3]", "Matrix[1,2]"); undefined when malformed. */
export function parsePath(p: Buffer): Path | undefined {
  const out: Path = {};
  let name = "";
  let lastWasElement = false;
  let i = 0;
  while (i < p.length) {
    const seg = p[i]!;
    if (seg === 0x91) {
      const len = p[i + 1];
      if (len === undefined || len === 0 || i + 2 + len > p.length) return undefined;
      const sym = p.toString("latin1", i + 2, i + 2 + len);
      name = name ? `${name}.${sym}` : sym;
      lastWasElement = false;
      i += 2 + len + (len % 2);
      continue;
    }
    let elem: number | undefined;
    if (seg === 0x28 && i + 2 <= p.length) { elem = p[i + 1]; i += 2; }
    else if (seg === 0x29 && i + 4 <= p.length) { elem = p.readUInt16LE(i + 2); i += 4; }
    else if (seg === 0x2a && i + 6 <= p.length) { elem = p.readUInt32LE(i + 2); i += 6; }
    if (elem !== undefined) {
      if (!name) return undefined;
      name = lastWasElement ? `${name.slice(0, -1)},${elem}]` : `${name}[${elem}]`;
      lastWasElement = true;
      continue;
    }
    // logical segments, 8-bit (0x20 class, 0x24 instance, 0x30 attribute) and 16-bit forms
    const kind = seg & 0xfc;
    const wide = (seg & 0x03) === 1;
    if ((kind === 0x20 || kind === 0x24 || kind === 0x30) && (seg & 0x03) <= 1) {
      const need = wide ? 4 : 2;
      if (i + need > p.length) return undefined;
      const v = wide ? p.readUInt16LE(i + 2) : p[i + 1]!;
      if (kind === 0x20) out.classId = v; else if (kind === 0x24) out.instance = v; else out.attribute = v;
      i += need;
      continue;
    }
    return undefined;
  }
  if (name) out.symbol = name;
  return out;
}

/** Execute one message router request; always returns a reply (never throws on bad input). */
export function execute(req: Buffer, ctx: RouterContext, depth = 0): Buffer {
  if (req.length < 2) return reply(0, GS.NOT_ENOUGH_DATA);
  const service = req[0]! & 0x7f;
  const pathLen = req[1]! * 2;
  if (2 + pathLen > req.length) return reply(service, GS.PATH_SEGMENT_ERROR);
  const path = parsePath(req.subarray(2, 2 + pathLen));
  const data = req.subarray(2 + pathLen);
  if (!path) return reply(service, GS.PATH_SEGMENT_ERROR);

  // 0x4E is Forward Close at the Connection Manager but Read-Modify-Write on a tag
  if (isCmService(service) && path.classId === 6 && path.instance === 1 && !path.symbol) {
    return depth > 1 ? reply(service, GS.PATH_UNKNOWN) : connectionManager(service, data, ctx.cm);
  }
  switch (service) {
    case SVC.UNCONNECTED_SEND:
      if (depth > 0 || path.classId !== 6 || path.instance !== 1) return reply(service, GS.PATH_UNKNOWN);
      return unconnectedSend(data, ctx);
    case SVC.MULTIPLE_SERVICE_PACKET:
      if (depth > 1 || path.classId !== 2 || path.instance !== 1) return reply(service, GS.PATH_UNKNOWN);
      return multipleServicePacket(data, ctx, depth);
    case SVC.READ_TAG:
      if (path.classId === TEMPLATE_CLASS) return readTemplate(path, data, ctx);
      return readTag(path, data, ctx);
    case SVC.GET_INSTANCE_ATTRIBUTE_LIST:
      return symbolList(path, data, ctx);
    case SVC.GET_ATTRIBUTE_LIST:
      return templateAttrs(path, data, ctx);
    case SVC.GET_ATTRIBUTE_ALL:
      if (path.classId !== 1 || path.instance !== 1) return reply(service, GS.PATH_UNKNOWN);
      return reply(service, GS.SUCCESS, identityData(ctx.identity));
    case SVC.WRITE_TAG: case SVC.READ_MODIFY_WRITE: case SVC.WRITE_TAG_FRAGMENTED:
    case SVC.SET_ATTRIBUTE_SINGLE: case SVC.SET_ATTRIBUTE_ALL:
      return reply(service, GS.PRIVILEGE_VIOLATION); // read-only controller by design
    default:
      return reply(service, GS.SERVICE_NOT_SUPPORTED);
  }
}

function readTag(path: Path, data: Buffer, ctx: RouterContext): Buffer {
  ctx.stats.tagReads++;
  if (!path.symbol) return reply(SVC.READ_TAG, GS.PATH_UNKNOWN);
  if (data.length < 2) return reply(SVC.READ_TAG, GS.NOT_ENOUGH_DATA);
  if (data.length > 2) return reply(SVC.READ_TAG, GS.TOO_MUCH_DATA);
  const tag = ctx.tags.get(path.symbol);
  if (!tag) return reply(SVC.READ_TAG, GS.PATH_UNKNOWN);
  if (data.readUInt16LE(0) !== 1) return reply(SVC.READ_TAG, GS.GENERAL_ERROR, Buffer.alloc(0), [0x2105]); // beyond the end
  return reply(SVC.READ_TAG, GS.SUCCESS, encodeValue(tag.type, tag.value));
}

/** UINT count, then that many UINT ids; undefined when short. */
function attributeIds(data: Buffer): number[] | undefined {
  if (data.length < 2) return undefined;
  const n = data.readUInt16LE(0);
  if (n === 0 || data.length !== 2 + 2 * n) return undefined;
  return Array.from({ length: n }, (_, i) => data.readUInt16LE(2 + 2 * i));
}

function symbolList(path: Path, data: Buffer, ctx: RouterContext): Buffer {
  const svc = SVC.GET_INSTANCE_ATTRIBUTE_LIST;
  if (path.classId !== SYMBOL_CLASS || path.instance === undefined) return reply(svc, GS.PATH_UNKNOWN);
  const attrs = attributeIds(data);
  if (!attrs) return reply(svc, GS.NOT_ENOUGH_DATA);
  const space = symbolSpace(ctx.tags);
  const scope = path.symbol === undefined ? "" : /^Program:(.+)$/i.exec(path.symbol)?.[1];
  const symbols = scope === undefined ? undefined : [...space.scopes].find(([k]) => k.toLowerCase() === scope.toLowerCase())?.[1];
  if (!symbols) return reply(svc, GS.PATH_UNKNOWN);
  const r = listSymbols(symbols, path.instance, attrs);
  if (!r) return reply(svc, GS.ATTRIBUTE_NOT_SUPPORTED);
  return reply(svc, r.partial ? GS.PARTIAL_TRANSFER : GS.SUCCESS, r.data);
}

function template(path: Path, ctx: RouterContext) {
  if (path.classId !== TEMPLATE_CLASS || path.instance === undefined || path.symbol !== undefined) return undefined;
  return symbolSpace(ctx.tags).templates.get(path.instance);
}

function templateAttrs(path: Path, data: Buffer, ctx: RouterContext): Buffer {
  const svc = SVC.GET_ATTRIBUTE_LIST;
  const t = template(path, ctx);
  if (!t) return reply(svc, GS.PATH_UNKNOWN);
  const attrs = attributeIds(data);
  if (!attrs) return reply(svc, GS.NOT_ENOUGH_DATA);
  const out = templateAttributes(t, attrs);
  return out ? reply(svc, GS.SUCCESS, out) : reply(svc, GS.ATTRIBUTE_NOT_SUPPORTED);
}

/** Read Template: offset UDINT, bytes UINT; at most 480 bytes per reply (0x06: ask again from the next offset). */
function readTemplate(path: Path, data: Buffer, ctx: RouterContext): Buffer {
  const svc = SVC.READ_TAG;
  const t = template(path, ctx);
  if (!t) return reply(svc, GS.PATH_UNKNOWN);
  if (data.length !== 6) return reply(svc, GS.NOT_ENOUGH_DATA);
  const def = templateDefinition(t);
  const offset = data.readUInt32LE(0);
  const want = Math.min(data.readUInt16LE(4), def.length - Math.min(offset, def.length));
  const n = Math.min(want, 480);
  return reply(svc, n < want ? GS.PARTIAL_TRANSFER : GS.SUCCESS, def.subarray(offset, offset + n));
}

function multipleServicePacket(data: Buffer, ctx: RouterContext, depth: number): Buffer {
  ctx.stats.mspRequests++;
  if (data.length < 2) return reply(SVC.MULTIPLE_SERVICE_PACKET, GS.NOT_ENOUGH_DATA);
  const n = data.readUInt16LE(0);
  if (n === 0 || data.length < 2 + 2 * n) return reply(SVC.MULTIPLE_SERVICE_PACKET, GS.NOT_ENOUGH_DATA);
  const offsets = Array.from({ length: n }, (_, i) => data.readUInt16LE(2 + 2 * i));
  const replies: Buffer[] = [];
  for (let i = 0; i < n; i++) {
    const start = offsets[i]!;
    const end = i + 1 < n ? offsets[i + 1]! : data.length;
    if (start < 2 + 2 * n || end > data.length || end <= start) return reply(SVC.MULTIPLE_SERVICE_PACKET, GS.NOT_ENOUGH_DATA);
    replies.push(execute(data.subarray(start, end), ctx, depth + 1));
  }
  const head = Buffer.alloc(2 + 2 * n);
  head.writeUInt16LE(n, 0);
  let off = head.length;
  replies.forEach((r, i) => { head.writeUInt16LE(off, 2 + 2 * i); off += r.length; });
  const anyFailed = replies.some((r) => r[2] !== GS.SUCCESS);
  return reply(SVC.MULTIPLE_SERVICE_PACKET, anyFailed ? GS.EMBEDDED_SERVICE_ERROR : GS.SUCCESS, Buffer.concat([head, ...replies]));
}

/** Unconnected Send: priority/tick, timeout ticks, request size, request, [pad], route path size, reserved, route path. */
function unconnectedSend(data: Buffer, ctx: RouterContext): Buffer {
  if (data.length < 4) return reply(SVC.UNCONNECTED_SEND, GS.NOT_ENOUGH_DATA);
  const size = data.readUInt16LE(2);
  const reqEnd = 4 + size;
  const routeAt = reqEnd + (size % 2);
  if (routeAt + 2 > data.length) return reply(SVC.UNCONNECTED_SEND, GS.NOT_ENOUGH_DATA);
  const routeWords = data[routeAt]!;
  const route = data.subarray(routeAt + 2, routeAt + 2 + routeWords * 2);
  if (route.length !== routeWords * 2) return reply(SVC.UNCONNECTED_SEND, GS.NOT_ENOUGH_DATA);
  // one port segment: backplane (port 1), link address = the controller's slot
  if (route.length < 2 || route[0] !== 0x01 || route[1] !== ctx.slot) {
    // link address not valid; the reply ends with the remaining route path size and a reserved byte
    return reply(SVC.UNCONNECTED_SEND, GS.CONNECTION_FAILURE, Buffer.from([routeWords, 0]), [0x0312]);
  }
  return execute(data.subarray(4, reqEnd), ctx, 1);
}

export function identityData(id: Identity): Buffer {
  const name = Buffer.from(id.name, "latin1").subarray(0, 32);
  const b = Buffer.alloc(15 + name.length);
  b.writeUInt16LE(id.vendor, 0);
  b.writeUInt16LE(id.deviceType, 2);
  b.writeUInt16LE(id.productCode, 4);
  b[6] = id.major;
  b[7] = id.minor;
  b.writeUInt16LE(0x3060, 8); // owned, configured, run mode: no fault bits
  b.writeUInt32LE(id.serial, 10);
  b[14] = name.length;
  name.copy(b, 15);
  return b;
}
