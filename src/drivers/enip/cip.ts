/**
 * The client side of CIP reads, built on ethernet-ip's encoders: Read Tag
 * requests packed into Multiple Service Packets, and the replies decoded per
 * service, so one unknown tag is a Bad status for that point while the rest
 * of the packet reads fine (ethernet-ip's own readTagGroup fails the whole
 * group on the first embedded error, and its Tag parser knows five types).
 *
 *   points ─▶ unique tags ─▶ Read Tag (0x4C) each ─▶ pack ≤ maxPacket ─▶ MSP (0x0A @ 2/1)
 *   MSP reply (0x8A, status 0 or 0x1E) ─▶ per service: status | type code + value
 */
import ethernetIp from "ethernet-ip";
import type { TagType, Value } from "../../core/model.js";
import { Status } from "../../core/status.js";

const { Tag, EthernetIP } = ethernetIp;
const { MessageRouter, EPATH } = EthernetIP.CIP;
const { LOGICAL } = EPATH.segments;

const MSP_SERVICE = 0x0a;
const MESSAGE_ROUTER_PATH = Buffer.concat([LOGICAL.build(LOGICAL.types.ClassID!, 0x02), LOGICAL.build(LOGICAL.types.InstanceID!, 0x01)]);
/** MSP request bytes besides the embedded services: service, path size, path (4), count */
const MSP_REQUEST_OVERHEAD = 2 + MESSAGE_ROUTER_PATH.length + 2;
/** MSP reply bytes besides the embedded replies: service, reserved, status, ext size, count */
const MSP_REPLY_OVERHEAD = 4 + 2;

/** CIP type codes the driver decodes (CIP Vol 1 C-6.1; 0x02A0 is a Logix structure, STRING when its handle is 0x0FCE). */
export const CIP = {
  BOOL: 0xc1, SINT: 0xc2, INT: 0xc3, DINT: 0xc4, LINT: 0xc5, USINT: 0xc6, UINT: 0xc7, UDINT: 0xc8,
  ULINT: 0xc9, REAL: 0xca, LREAL: 0xcb, DWORD: 0xd3, STRUCT: 0x02a0,
} as const;
export type CipName = keyof typeof CIP | "STRING";
const NAME_OF = new Map<number, CipName>(Object.entries(CIP).map(([k, v]) => [v, k as CipName]));
const LOGIX_STRING_HANDLE = 0x0fce;

/** Largest value bytes (type code included) a reply may carry for a point of this declared type. */
const REPLY_VALUE_BYTES: Readonly<Record<TagType, number>> = {
  bool: 2 + 8, int16: 2 + 2, uint16: 2 + 2, int32: 2 + 4, uint32: 2 + 4, int64: 2 + 8, uint64: 2 + 8,
  float32: 2 + 4, float64: 2 + 8, string: 4 + 4 + 82,
};

export interface ReadRequest {
  /** tag name as sent (no bit number) */
  tag: string;
  /** the Read Tag message router request */
  mr: Buffer;
  /** most reply bytes this service can produce */
  replyBytes: number;
}

export interface Packet {
  /** the Multiple Service Packet request */
  mr: Buffer;
  /** indexes into the request list, in service order */
  members: number[];
}

export function readRequest(tag: string, types: readonly TagType[]): ReadRequest {
  const mr = new Tag(tag).generateReadMessageRequest(1);
  const replyBytes = 4 + Math.max(...types.map((t) => REPLY_VALUE_BYTES[t]));
  return { tag, mr, replyBytes };
}

/** Greedy packing in order: a packet closes when the next service would push the request or the reply past maxPacket. */
export function pack(reqs: readonly ReadRequest[], maxPacket: number): Packet[] {
  const out: Packet[] = [];
  let members: number[] = [];
  let reqSize = MSP_REQUEST_OVERHEAD;
  let repSize = MSP_REPLY_OVERHEAD;
  const flush = () => {
    if (members.length === 0) return;
    out.push({ mr: buildMsp(members.map((i) => reqs[i]!.mr)), members });
    members = [];
    reqSize = MSP_REQUEST_OVERHEAD;
    repSize = MSP_REPLY_OVERHEAD;
  };
  reqs.forEach((r, i) => {
    const addReq = 2 + r.mr.length;
    const addRep = 2 + r.replyBytes;
    if (members.length > 0 && (reqSize + addReq > maxPacket || repSize + addRep > maxPacket)) flush();
    members.push(i);
    reqSize += addReq;
    repSize += addRep;
  });
  flush();
  return out;
}

export function buildMsp(services: readonly Buffer[]): Buffer {
  const head = Buffer.alloc(2 + 2 * services.length);
  head.writeUInt16LE(services.length, 0);
  let off = head.length;
  services.forEach((s, i) => { head.writeUInt16LE(off, 2 + 2 * i); off += s.length; });
  return MessageRouter.build(MSP_SERVICE, MESSAGE_ROUTER_PATH, Buffer.concat([head, ...services]));
}

/** One embedded reply: its CIP status, or the data after the status (type code + value). */
export interface ServiceReply { status: number; ext: number[]; data: Buffer }

/**
 * The embedded replies of an MSP reply, in order; undefined when the reply is
 * not a well-formed MSP reply for `count` services (then every point of the
 * packet takes the outer status).
 */
export function splitMspReply(reply: { service: number; generalStatusCode: number; data: Buffer }, count: number): ServiceReply[] | undefined {
  if (reply.service !== (MSP_SERVICE | 0x80)) return undefined;
  if (reply.generalStatusCode !== 0 && reply.generalStatusCode !== 0x1e) return undefined;
  const d = reply.data;
  if (d.length < 2 || d.readUInt16LE(0) !== count || d.length < 2 + 2 * count) return undefined;
  const out: ServiceReply[] = [];
  for (let i = 0; i < count; i++) {
    const start = d.readUInt16LE(2 + 2 * i);
    const end = i + 1 < count ? d.readUInt16LE(4 + 2 * i) : d.length;
    if (start < 2 + 2 * count || end > d.length || end - start < 4) return undefined;
    const r = d.subarray(start, end);
    const extWords = r[3]!;
    if (4 + extWords * 2 > r.length) return undefined;
    const ext = Array.from({ length: extWords }, (_, k) => r.readUInt16LE(4 + 2 * k));
    out.push({ status: r[2]!, ext, data: r.subarray(4 + extWords * 2) });
  }
  return out;
}

/** OPC UA status for a CIP general status (and extended status) of a failed service. */
export function statusForCip(general: number, ext: readonly number[] = []): number {
  switch (general) {
    case 0x04: // path segment error
    case 0x05: // path destination unknown: no such tag
      return Status.BadConfigurationError;
    case 0x06: // partial transfer: the tag is larger than one atomic value (a UDT, an array)
      return Status.BadTypeMismatch;
    case 0x08: // service not supported
      return Status.BadNotReadable;
    case 0x0f: // privilege violation
      return Status.BadUserAccessDenied;
    case 0xff: // Logix general error; 0x2105 = index beyond the end of the tag
      return ext.includes(0x2105) || ext.includes(0x2104) ? Status.BadConfigurationError : Status.BadDeviceFailure;
    default:
      return Status.BadDeviceFailure;
  }
}

export interface Decoded { type: CipName; value: number | bigint | boolean | string }

/** Type code + value of a Read Tag reply; undefined for types not decoded here (structures other than STRING) or short data. */
export function decodeValue(d: Buffer): Decoded | undefined {
  if (d.length < 3) return undefined;
  const code = d.readUInt16LE(0);
  const type = NAME_OF.get(code);
  const need = (n: number) => d.length >= 2 + n;
  switch (type) {
    case "BOOL": return need(1) ? { type, value: d[2] !== 0 } : undefined;
    case "SINT": return need(1) ? { type, value: d.readInt8(2) } : undefined;
    case "USINT": return need(1) ? { type, value: d.readUInt8(2) } : undefined;
    case "INT": return need(2) ? { type, value: d.readInt16LE(2) } : undefined;
    case "UINT": return need(2) ? { type, value: d.readUInt16LE(2) } : undefined;
    case "DINT": return need(4) ? { type, value: d.readInt32LE(2) } : undefined;
    case "UDINT": case "DWORD": return need(4) ? { type, value: d.readUInt32LE(2) } : undefined;
    case "REAL": return need(4) ? { type, value: d.readFloatLE(2) } : undefined;
    case "LREAL": return need(8) ? { type, value: d.readDoubleLE(2) } : undefined;
    case "LINT": return need(8) ? { type, value: d.readBigInt64LE(2) } : undefined;
    case "ULINT": return need(8) ? { type, value: d.readBigUInt64LE(2) } : undefined;
    case "STRUCT": {
      if (d.length < 8 || d.readUInt16LE(2) !== LOGIX_STRING_HANDLE) return undefined;
      const len = d.readInt32LE(4);
      if (len < 0 || 8 + len > d.length) return undefined;
      return { type: "STRING", value: d.toString("latin1", 8, 8 + len) };
    }
    default: return undefined;
  }
}

const INT_BITS: Partial<Record<CipName, number>> = { SINT: 8, USINT: 8, INT: 16, UINT: 16, DINT: 32, UDINT: 32, DWORD: 32, LINT: 64, ULINT: 64 };

/** The declared types each Logix type may be read as: its own and lossless widenings. */
const ACCEPTS: Readonly<Record<TagType, readonly CipName[]>> = {
  bool: ["BOOL"],
  int16: ["SINT", "INT", "USINT"],
  uint16: ["USINT", "UINT"],
  int32: ["SINT", "INT", "DINT", "USINT", "UINT"],
  uint32: ["USINT", "UINT", "UDINT", "DWORD"],
  int64: ["SINT", "INT", "DINT", "LINT", "USINT", "UINT", "UDINT", "DWORD"],
  uint64: ["USINT", "UINT", "UDINT", "ULINT", "DWORD"],
  float32: ["REAL"],
  float64: ["REAL", "LREAL"],
  string: ["STRING"],
};

/** The point's value from a decoded reply, or undefined when the controller's type does not fit the declared one. */
export function toPointValue(d: Decoded, declared: TagType, bit: number | null): Value | undefined {
  if (bit !== null) {
    const width = INT_BITS[d.type];
    if (declared !== "bool" || width === undefined || bit >= width) return undefined;
    return ((BigInt(d.value as number | bigint) >> BigInt(bit)) & 1n) === 1n;
  }
  if (!ACCEPTS[declared].includes(d.type)) return undefined;
  if (declared === "int64" || declared === "uint64") return BigInt(d.value as number | bigint);
  return d.value;
}
