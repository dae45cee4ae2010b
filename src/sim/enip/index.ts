/**
 * A simulated Allen-Bradley Logix controller for `sluice demo` and the tests:
 * a spec-following EtherNet/IP server (net.Server on host:44818) answering
 * what an explicit-messaging client uses, holding a known value of every
 * atomic Logix type, program-scoped tags, array elements, a UDT member, a
 * STRING and a few moving values. Read-only by design: write services get a
 * CIP error.
 *
 *   socket ─▶ FrameReader ─▶ encapsulation command (encap.ts)
 *                                └─ SendRRData ─▶ message router (cip.ts) ─▶ tag table (tags.ts)
 *
 * The port is fixed by the ethernet-ip client (44818), so every simulator
 * binds its own loopback address (127.0.0.2, 127.0.0.3, ...). Bad input is
 * counted in stats.malformed and answered or dropped, never thrown.
 */
import { createServer, type Server, type Socket } from "node:net";
import { SluiceError, errorMessage } from "../../core/errors.js";
import { execute, type Identity, type RouterContext } from "./cip.js";
import {
  CMD, CPF_ITEM, ENCAP_STATUS, FrameReader, buildCpf, encapsulate, parseCpf, type Packet,
} from "./encap.js";
import { TagTable, type CipTypeName, type SimTag, type SimValue } from "./tags.js";

export { CIP_TYPE, type CipTypeName, type SimValue } from "./tags.js";

export const ENIP_PORT = 44818;

export interface EnipSimOptions {
  /** loopback address to bind, e.g. "127.0.0.2" (the port is always 44818) */
  host: string;
  /** backplane slot the controller answers at (default 0) */
  slot?: number;
  /** start with ENIP_SIM_TAGS and the moving tags (default true) */
  demoTags?: boolean;
  /** update the moving tags every 200 ms (default true) */
  moving?: boolean;
}

export interface EnipSimStats {
  /** SendRRData round trips served */
  requests: number;
  /** Multiple Service Packet requests served */
  mspRequests: number;
  /** Read Tag services executed (inside MSPs or alone) */
  tagReads: number;
  sessions: number;
  /** packets dropped or refused as malformed */
  malformed: number;
}

export interface EnipSim {
  host: string;
  port: number;
  stats: EnipSimStats;
  setTag(name: string, type: CipTypeName, value: SimValue): void;
  deleteTag(name: string): void;
  /** drop every client connection (a controller reset); the listener stays */
  dropConnections(): void;
  /** stop (true) or resume answering requests, like a controller that hangs with its TCP stack still up */
  freeze(on: boolean): void;
  close(): Promise<void>;
}

/** Known values (name, Logix type, value): one of each atomic type, scopes, arrays, a UDT member, a STRING. */
export const ENIP_SIM_TAGS: readonly SimTag[] = [
  { name: "Bool1", type: "BOOL", value: true },
  { name: "Sint1", type: "SINT", value: -5 },
  { name: "Int1", type: "INT", value: -1234 },
  { name: "Dint1", type: "DINT", value: -123456789 },
  { name: "Lint1", type: "LINT", value: -9007199254740993n },
  { name: "Usint1", type: "USINT", value: 200 },
  { name: "Uint1", type: "UINT", value: 60000 },
  { name: "Udint1", type: "UDINT", value: 4000000000 },
  { name: "Ulint1", type: "ULINT", value: 18446744073709551615n },
  { name: "Real1", type: "REAL", value: 3.5 },
  { name: "Lreal1", type: "LREAL", value: 2.718281828459045 },
  { name: "Dword1", type: "DWORD", value: 0xdeadbeef },
  { name: "Name1", type: "STRING", value: "sluice" },
  { name: "Flags", type: "DINT", value: 0b1010 },
  { name: "Program:Main.Speed", type: "REAL", value: 12.5 },
  { name: "Program:Main.Count", type: "DINT", value: 7 },
  ...Array.from({ length: 10 }, (_, i): SimTag => ({ name: `Recipe[${i}]`, type: "DINT", value: i * 10 })),
  { name: "Matrix[1,2]", type: "INT", value: 12 },
  { name: "Motor.Current", type: "REAL", value: 4.25 },
];

/** Tags that change on their own: Temperature (REAL), Counter (DINT, +1 per 200 ms), Running (BOOL, toggles each second). */
export const ENIP_SIM_MOVING = { temperature: "Temperature", counter: "Counter", running: "Running" } as const;

const IDENTITY: Identity = {
  vendor: 1, deviceType: 0x0e, productCode: 0x00a6, major: 32, minor: 11, serial: 0x5eed0001, name: "sluice-sim 1756-L83E",
};

export async function startEnipSim(opts: EnipSimOptions): Promise<EnipSim> {
  const tags = new TagTable();
  const stats: EnipSimStats = { requests: 0, mspRequests: 0, tagReads: 0, sessions: 0, malformed: 0 };
  const router: RouterContext = { tags, identity: IDENTITY, slot: opts.slot ?? 0, stats };
  if (opts.demoTags !== false) for (const t of ENIP_SIM_TAGS) tags.set(t.name, t.type, t.value);

  const sockets = new Set<Socket>();
  let nextSession = 0x1000;
  let frozen = false;
  const server: Server = createServer((sock) => {
    sockets.add(sock);
    sock.setNoDelay(true);
    const frames = new FrameReader();
    let session = 0;
    sock.on("error", () => sock.destroy());
    sock.on("close", () => sockets.delete(sock));
    sock.on("data", (chunk: Buffer) => {
      let packets: Packet[];
      try {
        packets = frames.push(chunk);
      } catch {
        stats.malformed++;
        sock.destroy();
        return;
      }
      for (const p of packets) {
        if (sock.destroyed) return;
        try {
          const out = handle(p);
          if (out === "close") { sock.end(); return; }
          if (out) sock.write(out);
        } catch {
          stats.malformed++; // never let bad input out of the socket handler
        }
      }
    });

    function handle(p: Packet): Buffer | "close" | undefined {
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
          session = nextSession++;
          stats.sessions++;
          return answer(ENCAP_STATUS.SUCCESS, p.data, session);
        }
        case CMD.UNREGISTER_SESSION:
          return "close";
        case CMD.LIST_IDENTITY:
          return answer(ENCAP_STATUS.SUCCESS, buildCpf([{ type: CPF_ITEM.IDENTITY, data: identityItem(sock) }]));
        case CMD.LIST_SERVICES: {
          const svc = Buffer.alloc(20);
          svc.writeUInt16LE(1, 0);
          svc.writeUInt16LE(0x0020, 2); // CIP encapsulation over TCP
          svc.write("Communications", 4, "latin1");
          return answer(ENCAP_STATUS.SUCCESS, buildCpf([{ type: CPF_ITEM.SERVICES, data: svc }]));
        }
        case CMD.SEND_RR_DATA: {
          if (frozen) return undefined;
          if (session === 0 || p.session !== session) return answer(ENCAP_STATUS.INVALID_SESSION);
          const items = p.data.length >= 6 ? parseCpf(p.data.subarray(6)) : undefined;
          const ucmm = items?.length === 2 && items[0]!.type === CPF_ITEM.NULL_ADDRESS && items[0]!.data.length === 0
            ? items[1] : undefined;
          if (!ucmm || ucmm.type !== CPF_ITEM.UNCONNECTED_DATA) { stats.malformed++; return answer(ENCAP_STATUS.INCORRECT_DATA); }
          stats.requests++;
          const res = execute(ucmm.data, router);
          const head = Buffer.alloc(6); // interface handle 0 (CIP), timeout 0
          return answer(ENCAP_STATUS.SUCCESS, Buffer.concat([head, buildCpf([
            { type: CPF_ITEM.NULL_ADDRESS, data: Buffer.alloc(0) },
            { type: CPF_ITEM.UNCONNECTED_DATA, data: res },
          ])]));
        }
        default:
          stats.malformed++;
          return answer(ENCAP_STATUS.INVALID_COMMAND);
      }
    }
  });

  function identityItem(sock: Socket): Buffer {
    const id = IDENTITY;
    const name = Buffer.from(id.name, "latin1");
    const b = Buffer.alloc(2 + 16 + 14 + 1 + name.length + 1);
    b.writeUInt16LE(1, 0); // encapsulation protocol version
    b.writeUInt16BE(2, 2); // sin_family AF_INET, big-endian as the spec says
    b.writeUInt16BE(ENIP_PORT, 4);
    (sock.localAddress ?? opts.host).split(".").forEach((o, i) => b.writeUInt8(Number(o) & 0xff, 6 + i));
    let p = 18;
    b.writeUInt16LE(id.vendor, p); b.writeUInt16LE(id.deviceType, p + 2); b.writeUInt16LE(id.productCode, p + 4);
    b[p + 6] = id.major; b[p + 7] = id.minor; b.writeUInt16LE(0x3060, p + 8); b.writeUInt32LE(id.serial, p + 10);
    p += 14;
    b[p] = name.length;
    name.copy(b, p + 1);
    b[p + 1 + name.length] = 0x03; // state: operational
    return b;
  }

  await new Promise<void>((resolve, reject) => {
    server.once("error", (e) => reject(new SluiceError("SLUICE_ERR_DRIVER",
      `EtherNet/IP simulator cannot listen on ${opts.host}:${ENIP_PORT}: ${errorMessage(e)}`, { cause: e })));
    server.listen(ENIP_PORT, opts.host, () => resolve());
  });
  server.on("error", () => undefined);

  const start = Date.now();
  let counter = 0;
  const tick = () => {
    const t = (Date.now() - start) / 1000;
    tags.set(ENIP_SIM_MOVING.temperature, "REAL", 20 + 5 * Math.sin(t / 5));
    tags.set(ENIP_SIM_MOVING.counter, "DINT", counter++);
    tags.set(ENIP_SIM_MOVING.running, "BOOL", Math.floor(t) % 2 === 0);
  };
  let timer: NodeJS.Timeout | undefined;
  if (opts.demoTags !== false) {
    tick();
    if (opts.moving !== false) { timer = setInterval(tick, 200); timer.unref(); }
  }

  let closing: Promise<void> | undefined;
  return {
    host: opts.host,
    port: ENIP_PORT,
    stats,
    setTag: (name, type, value) => tags.set(name, type, value),
    deleteTag: (name) => { tags.delete(name); },
    dropConnections() { for (const s of sockets) s.destroy(); sockets.clear(); },
    freeze(on) { frozen = on; },
    close() {
      closing ??= new Promise<void>((resolve) => {
        clearInterval(timer);
        for (const s of sockets) s.destroy();
        sockets.clear();
        server.close(() => resolve());
      });
      return closing;
    },
  };
}
