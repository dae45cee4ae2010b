/**
 * A simulated Siemens S7 CPU for `sluice demo` and the tests: node-snap7's
 * S7Server (the snap7 server, an independent S7 implementation) on an
 * unprivileged loopback port, holding a known value of every S7 type sluice
 * reads in a DB, the merkers (M), the inputs (I) and the outputs (Q), plus a
 * few moving values.
 *
 *   S7_SIM_VALUES (address → value) ──▶ area buffers ──RegisterArea──▶ snap7 ◀── ISO-on-TCP clients
 *   moving values (DB1: temperature, counter, running) ──SetArea every 200 ms──┘
 *
 * node-snap7 is an optional native dependency, imported only when a sim
 * starts; without it startS7Sim rejects with a message saying how to get it,
 * so the demo can run without S7. Its S7Server keeps process-global native
 * state (one set of uv handles and mutexes, re-initialised by every new
 * instance and torn down when any instance is garbage-collected), so this
 * module creates exactly one native server per process, never lets it go,
 * and runs at most one simulator at a time on it; a restart is Stop + Start
 * of that same instance. Starting it from inside a Stop callback hangs, so
 * every native callback is left through setImmediate first. The server negotiates 240-byte PDUs like an
 * S7-300/1200: snap7 answers at most 20 items per PDU, and at 240 bytes
 * nodes7 never asks for more than 19. snap7 accepts writes; sluice never
 * sends any (it has no write path), and the moving values are re-written
 * every cycle anyway.
 */
import { freePort } from "./free-port.js";
import { SluiceError, errorMessage } from "../../core/errors.js";

export interface S7SimOptions {
  /** TCP port; 0 or absent picks a free one */
  port?: number;
  host?: string;
  /** PDU size the server offers (default 240) */
  pdu?: number;
  /** update the moving values (default true) */
  moving?: boolean;
}

export interface S7Sim {
  host: string;
  port: number;
  /** a copy of DB n as the server holds it now */
  db(n: number): Buffer;
  /** block (true) or release reads of DB n, like a CPU that stops answering */
  stall(db: number, on: boolean): void;
  close(): Promise<void>;
}

/** Known values: address (nodes7 syntax) → value. Tests and the demo read these. */
export const S7_SIM_VALUES: Readonly<Record<string, boolean | number | string>> = {
  "DB1,X0.1": true, "DB1,X0.2": false,
  "DB1,INT2": -1234,
  "DB1,WORD12": 0xbeef, "DB1,BYTE14": 0xab, "DB1,CHAR15": "Z",
  "DB1,DWORD16": 0xdeadbeef, "DB1,DINT20": -123456789,
  "DB1,REAL24": 3.5, "DB1,LREAL28": 2.718281828459045,
  "DB1,S36.16": "sluice", "DB1,CHAR54.5": "HELLO",
  "DB2,INT0": 42, "DB2,REAL2": -0.5,
  "M0.0": true, "M0.1": false, "M0.2": true,
  "MB1": 7, "MW2": 4242, "MD4": 123456, "MR8": -1.25, "MI12": -300, "MDI14": -70000, "MC18": "M", "MLR20": 0.001,
  "I0.3": true, "IB1": 200, "IW2": 1000, "IR4": 9.75, "ID8": 0x01020304, "II12": -12,
  "Q0.0": true, "Q0.7": false, "QW2": 65535, "QI4": -2, "QR6": 1.5, "QDI10": 2000000000,
};

/** Moving values in DB1: temperature (REAL4), counter (DINT8), running (X0.0, toggles every second). */
export const S7_SIM_MOVING = { temperature: "DB1,REAL4", counter: "DB1,DINT8", running: "DB1,X0.0" } as const;

/** Tags for a demo source reading this sim (reader config `tags:` entries). */
export const S7_SIM_DEMO_TAGS = [
  { name: "temperature", address: S7_SIM_MOVING.temperature, unit: "degC", description: "oven temperature, DB1 REAL" },
  { name: "count", address: S7_SIM_MOVING.counter, description: "parts counter, DB1 DINT" },
  { name: "running", address: S7_SIM_MOVING.running, description: "line running, DB1 bit" },
  { name: "setpoint", address: "DB1,REAL24", unit: "bar", description: "pressure setpoint, DB1 REAL" },
  { name: "recipe", address: "DB1,S36.16", description: "recipe name, DB1 STRING[16]" },
  { name: "speed", address: "MW2", description: "merker word" },
  { name: "door_closed", address: "I0.3", description: "input bit" },
  { name: "valve_open", address: "Q0.0", description: "output bit" },
] as const;

/** Area sizes the sim registers (bytes). */
const SIZES = { DB1: 128, DB2: 16, M: 64, I: 32, Q: 32 } as const;

interface Snap7Server {
  SetParam(p: number, v: number): boolean;
  RegisterArea(area: number, index: number, buf: Buffer): boolean;
  RegisterArea(area: number, buf: Buffer): boolean;
  SetArea(area: number, index: number, buf: Buffer): void;
  GetArea(area: number, index: number): Buffer;
  LockArea(area: number, index: number): void;
  UnlockArea(area: number, index: number): void;
  UnregisterArea(area: number, index?: number): boolean;
  SetEventMask(mask: number): void;
  StartTo(ip: string, cb: (err: unknown) => void): void;
  Stop(cb: (err: unknown) => void): void;
  ErrorText(code: number): string;
  [k: string]: unknown;
}

/** The one native server of this process (see the header), and whether a sim is using it. */
let native: Snap7Server | undefined;
let running = false;

async function loadSnap7(): Promise<{ S7Server: new () => Snap7Server }> {
  const name = "node-snap7"; // a variable: optional dependency, no typings
  try {
    const mod = (await import(name)) as { default?: unknown };
    return (mod.default ?? mod) as { S7Server: new () => Snap7Server };
  } catch (e) {
    throw new SluiceError("SLUICE_ERR_DRIVER",
      `S7 simulator unavailable: the optional package node-snap7 is not installed or not built (${errorMessage(e)}); ` +
      "build it with `npm_config_nodedir=/usr npm rebuild node-snap7`", { cause: e });
  }
}

/**
 * The simulator's own reading of the addresses in S7_SIM_VALUES (nodes7 syntax), kept
 * apart from the driver's parser so a bug there shows up as a wrong value here:
 *   DB1,INT2  DB1,X0.1  DB1,S36.16 (STRING, 16 characters)  DB1,CHAR54.5 (5 characters)
 *   M0.1 (bit)  MB1 MW2 MD4 MR8 MI12 MDI14 MC18 MLR20, the same for I and Q
 */
export function simS7Address(addr: string): { area: "DB" | "M" | "I" | "Q"; db: number; type: string; offset: number; bit: number; length: number } {
  const db = /^DB(\d+),(X|BYTE|CHAR|INT|WORD|DINT|DWORD|REAL|LREAL|S)(\d+)(?:\.(\d+))?$/.exec(addr);
  if (db) {
    const [, n, type, offset, extra] = db as unknown as [string, string, string, string, string | undefined];
    const more = extra === undefined ? undefined : Number(extra);
    return { area: "DB", db: Number(n), type: type === "S" ? "STRING" : type, offset: Number(offset),
      bit: type === "X" ? more ?? 0 : 0, length: type === "X" ? 1 : more ?? 1 };
  }
  const m = /^([MIQ])(DI|LR|B|W|D|R|I|C)?(\d+)(?:\.(\d+))?$/.exec(addr);
  if (!m) throw new Error(`S7 simulator: cannot lay out ${addr}`);
  const [, area, code, offset, bit] = m as unknown as ["", "M" | "I" | "Q", string | undefined, string, string | undefined];
  const TYPES: Record<string, string> = { B: "BYTE", W: "WORD", D: "DWORD", R: "REAL", I: "INT", DI: "DINT", C: "CHAR", LR: "LREAL" };
  return { area, db: 0, type: code === undefined ? "X" : TYPES[code]!, offset: Number(offset), bit: Number(bit ?? 0), length: 1 };
}

/** Write one known value into its area buffer (big-endian, S7 layout). */
export function encodeS7Value(buf: Buffer, type: string, offset: number, bit: number, length: number, v: boolean | number | string): void {
  switch (type) {
    case "X": buf[offset] = v ? buf[offset]! | (1 << bit) : buf[offset]! & ~(1 << bit); break;
    case "BYTE": buf.writeUInt8(Number(v), offset); break;
    case "CHAR": buf.write(String(v).padEnd(length, " ").slice(0, length), offset, "latin1"); break;
    case "INT": buf.writeInt16BE(Number(v), offset); break;
    case "WORD": buf.writeUInt16BE(Number(v), offset); break;
    case "DINT": buf.writeInt32BE(Number(v), offset); break;
    case "DWORD": buf.writeUInt32BE(Number(v), offset); break;
    case "REAL": buf.writeFloatBE(Number(v), offset); break;
    case "LREAL": buf.writeDoubleBE(Number(v), offset); break;
    case "STRING": {
      const s = String(v).slice(0, length);
      buf[offset] = length;
      buf[offset + 1] = s.length;
      buf.write(s, offset + 2, "latin1");
      break;
    }
    default: throw new Error(`sim: no encoder for ${type}`);
  }
}

export async function startS7Sim(opts: S7SimOptions = {}): Promise<S7Sim> {
  const snap7 = await loadSnap7();
  if (running) throw new SluiceError("SLUICE_ERR_DRIVER", "only one S7 simulator can run per process (node-snap7 keeps global state)");
  running = true;
  try {
    return await start(snap7, opts);
  } catch (e) {
    running = false;
    throw e;
  }
}

async function start(snap7: { S7Server: new () => Snap7Server }, opts: S7SimOptions): Promise<S7Sim> {
  const host = opts.host ?? "127.0.0.1";
  const port = opts.port ? opts.port : await freePort(host);
  const server = native ??= new snap7.S7Server();
  const num = (k: string) => server[k] as number;
  const areas = {
    DB1: Buffer.alloc(SIZES.DB1), DB2: Buffer.alloc(SIZES.DB2),
    M: Buffer.alloc(SIZES.M), I: Buffer.alloc(SIZES.I), Q: Buffer.alloc(SIZES.Q),
  };
  for (const [addr, v] of Object.entries(S7_SIM_VALUES)) {
    const a = simS7Address(addr);
    const buf = a.area === "DB" ? (a.db === 1 ? areas.DB1 : areas.DB2) : areas[a.area];
    encodeS7Value(buf, a.type, a.offset, a.bit, a.length, v);
  }
  server.SetParam(num("LocalPort"), port);
  server.SetParam(num("PDURequest"), opts.pdu ?? 240);
  for (const db of [1, 2]) server.UnregisterArea(num("srvAreaDB"), db);
  for (const a of ["srvAreaMK", "srvAreaPE", "srvAreaPA"]) server.UnregisterArea(num(a));
  server.RegisterArea(num("srvAreaDB"), 1, areas.DB1);
  server.RegisterArea(num("srvAreaDB"), 2, areas.DB2);
  server.RegisterArea(num("srvAreaMK"), areas.M);
  server.RegisterArea(num("srvAreaPE"), areas.I);
  server.RegisterArea(num("srvAreaPA"), areas.Q);
  server.SetEventMask(0);
  await new Promise<void>((resolve, reject) => {
    server.StartTo(host, (err) => setImmediate(() => (err ? reject(new SluiceError("SLUICE_ERR_DRIVER",
      `S7 simulator cannot listen on ${host}:${port}: ${typeof err === "number" ? server.ErrorText(err) : errorMessage(err)}`)) : resolve())));
  });

  const start = Date.now();
  let counter = 0;
  const tick = () => {
    const t = (Date.now() - start) / 1000;
    encodeS7Value(areas.DB1, "REAL", 4, 0, 1, 20 + 5 * Math.sin(t / 5));
    encodeS7Value(areas.DB1, "DINT", 8, 0, 1, counter++);
    encodeS7Value(areas.DB1, "X", 0, 0, 1, Math.floor(t) % 2 === 0);
    server.SetArea(num("srvAreaDB"), 1, areas.DB1);
  };
  tick();
  const timer = opts.moving === false ? undefined : setInterval(tick, 200);
  timer?.unref();

  const stalled = new Set<number>();
  let closed: Promise<void> | undefined;
  return {
    host, port,
    db: (n) => Buffer.from(server.GetArea(num("srvAreaDB"), n)),
    stall(db, on) {
      if (on && !stalled.has(db)) { stalled.add(db); server.LockArea(num("srvAreaDB"), db); }
      if (!on && stalled.has(db)) { stalled.delete(db); server.UnlockArea(num("srvAreaDB"), db); }
    },
    close() {
      closed ??= (async () => {
        clearInterval(timer);
        for (const db of stalled) server.UnlockArea(num("srvAreaDB"), db);
        stalled.clear();
        await new Promise<void>((resolve) => server.Stop(() => setImmediate(resolve)));
        running = false;
      })();
      return closed;
    },
  };
}
