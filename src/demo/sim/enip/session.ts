/**
 * One TCP connection of the simulated controller: its encapsulation session
 * and its CIP connections.
 *
 *   RegisterSession 0x65 ─▶ session handle          UnRegisterSession 0x66 ─▶ close (no reply)
 *   ListIdentity 0x63 / ListServices 0x04 ─▶ CPF item  NOP 0x00 ─▶ nothing
 *   SendRRData 0x6F  [null address][unconnected data 0xB2: request] ─▶ router ─▶ same shape back
 *   SendUnitData 0x70 [connected address 0xA1: O→T id][connected data 0xB1: seq + request]
 *                      ─▶ router ─▶ [0xA1: T→O id][0xB1: seq + reply]
 *   anything else ─▶ status 0x0001 (unsupported command)
 */
import type { Socket } from "node:net";
import { execute, type Identity, type RouterContext } from "./cip.js";
import type { CmContext, Connection } from "./cm.js";
import { CMD, CPF_ITEM, ENCAP_STATUS, buildCpf, encapsulate, parseCpf, type Packet } from "./encap.js";

export const ENIP_PORT = 44818;
const SEND_UNIT_DATA = 0x70;
const ITEM_CONNECTED_ADDRESS = 0x00a1;
const ITEM_CONNECTED_DATA = 0x00b1;

export interface Shared {
  router: Omit<RouterContext, "cm">;
  identity: Identity;
  host: string;
  forwardOpen: CmContext["forwardOpen"];
  nextSession(): number;
  nextConnectionId(): number;
  frozen(): boolean;
  stats: { requests: number; sessions: number; malformed: number; forwardOpens: number };
}

export interface SessionHandler {
  handle(p: Packet): Buffer | "close" | undefined;
  /** CIP connections open on this TCP connection (they die with it) */
  readonly connections: Map<number, Connection>;
}

export function sessionHandler(sock: Socket, shared: Shared): SessionHandler {
  const { stats } = shared;
  let session = 0;
  const conns = new Map<number, Connection>();
  const ctx: RouterContext = {
    ...shared.router,
    cm: { slot: shared.router.slot, forwardOpen: shared.forwardOpen, conns, nextId: shared.nextConnectionId, stats },
  };

  const handle = (p: Packet): Buffer | "close" | undefined => {
    const answer = (status: number, data: Buffer = Buffer.alloc(0), s = p.session) => encapsulate(p.command, s, status, p.context, data);
    switch (p.command) {
      case CMD.NOP:
        return undefined;
      case CMD.REGISTER_SESSION: {
        if (p.data.length !== 4) { stats.malformed++; return answer(ENCAP_STATUS.INCORRECT_DATA, p.data, 0); }
        if (p.data.readUInt16LE(0) !== 1 || p.data.readUInt16LE(2) !== 0) {
          return answer(ENCAP_STATUS.UNSUPPORTED_REVISION, Buffer.from([1, 0, 0, 0]), 0);
        }
        if (session !== 0) return answer(ENCAP_STATUS.INCORRECT_DATA, p.data, 0); // one session per connection
        session = shared.nextSession();
        stats.sessions++;
        return answer(ENCAP_STATUS.SUCCESS, p.data, session);
      }
      case CMD.UNREGISTER_SESSION:
        return "close";
      case CMD.LIST_IDENTITY:
        return answer(ENCAP_STATUS.SUCCESS, buildCpf([{ type: CPF_ITEM.IDENTITY, data: identityItem(sock, shared) }]));
      case CMD.LIST_SERVICES: {
        const svc = Buffer.alloc(20);
        svc.writeUInt16LE(1, 0);
        svc.writeUInt16LE(0x0020, 2); // CIP encapsulation over TCP
        svc.write("Communications", 4, "latin1");
        return answer(ENCAP_STATUS.SUCCESS, buildCpf([{ type: CPF_ITEM.SERVICES, data: svc }]));
      }
      case CMD.SEND_RR_DATA: {
        if (shared.frozen()) return undefined;
        if (session === 0 || p.session !== session) return answer(ENCAP_STATUS.INVALID_SESSION);
        const items = p.data.length >= 6 ? parseCpf(p.data.subarray(6)) : undefined;
        const ucmm = items?.length === 2 && items[0]!.type === CPF_ITEM.NULL_ADDRESS && items[0]!.data.length === 0 ? items[1] : undefined;
        if (!ucmm || ucmm.type !== CPF_ITEM.UNCONNECTED_DATA) { stats.malformed++; return answer(ENCAP_STATUS.INCORRECT_DATA); }
        stats.requests++;
        return answer(ENCAP_STATUS.SUCCESS, Buffer.concat([Buffer.alloc(6), buildCpf([
          { type: CPF_ITEM.NULL_ADDRESS, data: Buffer.alloc(0) },
          { type: CPF_ITEM.UNCONNECTED_DATA, data: execute(ucmm.data, ctx) },
        ])]));
      }
      case SEND_UNIT_DATA: {
        if (shared.frozen()) return undefined;
        if (session === 0 || p.session !== session) return answer(ENCAP_STATUS.INVALID_SESSION);
        const items = p.data.length >= 6 ? parseCpf(p.data.subarray(6)) : undefined;
        const addr = items?.[0];
        const data = items?.[1];
        if (items?.length !== 2 || addr?.type !== ITEM_CONNECTED_ADDRESS || addr.data.length !== 4
          || data?.type !== ITEM_CONNECTED_DATA || data.data.length < 4) {
          stats.malformed++;
          return answer(ENCAP_STATUS.INCORRECT_DATA);
        }
        const conn = conns.get(addr.data.readUInt32LE(0));
        if (!conn) { stats.malformed++; return answer(ENCAP_STATUS.INCORRECT_DATA); } // no such connection on this session
        stats.requests++;
        const request = data.data.subarray(2);
        let res = request.length > conn.otSize - 2
          ? Buffer.from([request[0]! | 0x80, 0, 0x15, 0]) // too much data for this connection
          : execute(request, ctx, 1);
        if (res.length > conn.toSize - 2) res = Buffer.from([request[0]! | 0x80, 0, 0x11, 0]); // reply data too large
        const out = Buffer.alloc(4);
        out.writeUInt32LE(conn.toId, 0);
        return answer(ENCAP_STATUS.SUCCESS, Buffer.concat([Buffer.alloc(6), buildCpf([
          { type: ITEM_CONNECTED_ADDRESS, data: out },
          { type: ITEM_CONNECTED_DATA, data: Buffer.concat([data.data.subarray(0, 2), res]) },
        ])]));
      }
      default:
        stats.malformed++;
        return answer(ENCAP_STATUS.INVALID_COMMAND);
    }
  };
  return { handle, connections: conns };
}

function identityItem(sock: Socket, shared: Shared): Buffer {
  const id = shared.identity;
  const name = Buffer.from(id.name, "latin1");
  const b = Buffer.alloc(2 + 16 + 14 + 1 + name.length + 1);
  b.writeUInt16LE(1, 0); // encapsulation protocol version
  b.writeUInt16BE(2, 2); // sin_family AF_INET, big-endian as the spec says
  b.writeUInt16BE(ENIP_PORT, 4);
  (sock.localAddress ?? shared.host).split(".").forEach((o, i) => b.writeUInt8(Number(o) & 0xff, 6 + i));
  let p = 18;
  b.writeUInt16LE(id.vendor, p); b.writeUInt16LE(id.deviceType, p + 2); b.writeUInt16LE(id.productCode, p + 4);
  b[p + 6] = id.major; b[p + 7] = id.minor; b.writeUInt16LE(0x3060, p + 8); b.writeUInt32LE(id.serial, p + 10);
  p += 14;
  b[p] = name.length;
  name.copy(b, p + 1);
  b[p + 1 + name.length] = 0x03; // state: operational
  return b;
}
