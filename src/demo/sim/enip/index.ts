/**
 * A simulated Allen-Bradley Logix controller for `sluice demo` and the tests:
 * a spec-following EtherNet/IP server (net.Server on host:44818) answering
 * what an explicit-messaging client uses, holding a known value of every
 * atomic Logix type, program-scoped tags, array elements, a UDT member, a
 * STRING and a few moving values. Read-only by design: write services get a
 * CIP error.
 *
 *   socket ─▶ FrameReader (encap.ts) ─▶ session (session.ts: encapsulation commands, CIP connections)
 *      SendRRData / SendUnitData ─▶ message router (cip.ts; Connection Manager in cm.ts) ─▶ tag table (tags.ts)
 *
 * The port is fixed by the ethernet-ip client (44818), so every simulator
 * binds its own loopback address (127.0.0.2, 127.0.0.3, ...). Bad input is
 * counted in stats.malformed and answered or dropped, never thrown.
 */
import { createServer, type Server, type Socket } from "node:net";
import { SluiceError, errorMessage } from "../../../core/errors.js";
import type { Identity } from "./cip.js";
import { FrameReader, type Packet } from "./encap.js";
import { ENIP_PORT, sessionHandler, type SessionHandler, type Shared } from "./session.js";
import { TagTable, type CipTypeName, type SimTag, type SimValue } from "./tags.js";

export { CIP_TYPE, type CipTypeName, type SimValue } from "./tags.js";

export { ENIP_PORT } from "./session.js";

export interface EnipSimOptions {
  /** loopback address to bind, e.g. "127.0.0.2" (the port is always 44818) */
  host: string;
  /** backplane slot the controller answers at (default 0) */
  slot?: number;
  /** start with ENIP_SIM_TAGS and the moving tags (default true) */
  demoTags?: boolean;
  /** update the moving tags every 200 ms (default true) */
  moving?: boolean;
  /** connected messaging: Large Forward Open (default, Logix v20+), only the 504-byte Forward Open, or none */
  forwardOpen?: "large" | "small" | "none";
}

export interface EnipSimStats {
  /** request round trips served (SendRRData and SendUnitData) */
  requests: number;
  /** connections opened (Forward Open) */
  forwardOpens: number;
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
  /** CIP connections open now, over all client sessions */
  openConnections(): number;
  /** forget every CIP connection while keeping the TCP sessions (a connection timed out on the controller) */
  forgetConnections(): void;
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

/** Tags for a demo source reading this sim (reader config `tags:` entries; enip tags need their type). */
export const ENIP_SIM_DEMO_TAGS = [
  { name: "temperature", address: ENIP_SIM_MOVING.temperature, type: "float32", unit: "degC", description: "REAL, moving" },
  { name: "count", address: ENIP_SIM_MOVING.counter, type: "int32", description: "DINT, counting" },
  { name: "running", address: ENIP_SIM_MOVING.running, type: "bool", description: "BOOL, toggling" },
  { name: "speed", address: "Program:Main.Speed", type: "float32", unit: "m/min", description: "program-scoped REAL" },
  { name: "recipe3", address: "Recipe[3]", type: "int32", description: "array element" },
  { name: "motor_current", address: "Motor.Current", type: "float32", unit: "A", description: "UDT member" },
  { name: "alarm3", address: "Flags.3", type: "bool", description: "bit 3 of a DINT" },
  { name: "batch", address: "Name1", type: "string", description: "Logix STRING" },
] as const;

const IDENTITY: Identity = {
  vendor: 1, deviceType: 0x0e, productCode: 0x00a6, major: 32, minor: 11, serial: 0x5eed0001, name: "sluice-sim 1756-L83E",
};

export async function startEnipSim(opts: EnipSimOptions): Promise<EnipSim> {
  const tags = new TagTable();
  const stats: EnipSimStats = { requests: 0, forwardOpens: 0, mspRequests: 0, tagReads: 0, sessions: 0, malformed: 0 };
  if (opts.demoTags !== false) for (const t of ENIP_SIM_TAGS) tags.set(t.name, t.type, t.value);

  const sockets = new Set<Socket>();
  const sessions = new Set<SessionHandler>();
  let nextSession = 0x1000;
  let nextConnection = 0x7e570000;
  let frozen = false;
  const shared: Shared = {
    router: { tags, identity: IDENTITY, slot: opts.slot ?? 0, stats }, identity: IDENTITY, host: opts.host,
    forwardOpen: opts.forwardOpen ?? "large", stats, frozen: () => frozen,
    nextSession: () => nextSession++, nextConnectionId: () => (nextConnection = (nextConnection + 1) >>> 0),
  };
  const server: Server = createServer((sock) => {
    sockets.add(sock);
    sock.setNoDelay(true);
    const frames = new FrameReader();
    const session = sessionHandler(sock, shared);
    sessions.add(session);
    sock.on("error", () => sock.destroy());
    sock.on("close", () => { sockets.delete(sock); sessions.delete(session); });
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
          const out = session.handle(p);
          if (out === "close") { sock.end(); return; }
          if (out) sock.write(out);
        } catch {
          stats.malformed++; // never let bad input out of the socket handler
        }
      }
    });
  });

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
    openConnections: () => [...sessions].reduce((n, x) => n + x.connections.size, 0),
    forgetConnections() { for (const x of sessions) x.connections.clear(); },
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
