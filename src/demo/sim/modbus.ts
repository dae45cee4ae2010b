/**
 * A simulated Modbus TCP press for `sluice demo` and the driver tests, on
 * modbus-serial's ServerTCP. Its live values move like a real line; a static
 * block (MODBUS_SIM_STATIC) holds known values of every type for tests.
 *
 *   hr:0       int16 x10   platen temperature, 21.5..23.5 degC
 *   hr:2-3     float32 CDAB coolant flow, about 10.5..14.5 l/min
 *   hr:4-5     uint32      parts counter, +1 per second while running
 *   hr:10      uint16      recipe code (the demo policy keeps it from crossing)
 *   coil:0     bool        running (stops for 5 s every minute)
 *   hr:100..   static block, ir:0.., coil:1.., di:0..  (see MODBUS_SIM_STATIC)
 *
 * Every unit id gets the same answers. It accepts no writes (no set* handler:
 * a write gets an exception), and counts the requests it receives.
 *
 * Values are laid into registers by this file's own encoder (words big-endian, as
 * the Modbus spec sends them; the byte orders as the operations devices perform:
 * swap words, swap bytes within words, or both), not by the driver's codec, so
 * that a bug in the driver's codec reads a wrong value here instead of agreeing
 * with itself.
 */
import type net from "node:net";
import { ServerTCP } from "modbus-serial";
import type { Value } from "../../core/model.js";
import { machineClock } from "./machine-clock.js";
import { freePort } from "./free-port.js";

export interface ModbusSimOptions {
  host?: string;
  /** 0 (default) picks a free port. */
  port?: number;
  /** Registers/bits per area; a read past the end gets exception 2 (illegal data address). Default 2000. */
  size?: number;
  /** Update period of the moving values, ms (default 250). */
  tickMs?: number;
  /** Called with every holding-register read served, before the answer goes out (tests record what a poller saw). */
  onHoldingRead?: (addr: number, values: readonly number[]) => void;
}

export interface ModbusSim {
  readonly host: string;
  readonly port: number;
  /** The live data: change it freely in tests. */
  readonly holding: Uint16Array;
  readonly input: Uint16Array;
  readonly coils: Uint8Array;
  readonly discrete: Uint8Array;
  /** Modbus requests (ADUs) received since start. */
  readonly stats: { requests: number };
  /** Stop listening and drop every client connection; idempotent. */
  close(): Promise<void>;
}

/** The static test block: address -> value, laid out at start and never changed by the sim. */
export const MODBUS_SIM_STATIC: readonly { address: string; value: Value }[] = [
  { address: "hr:100:int16", value: -1234 },
  { address: "hr:101:uint16", value: 54321 },
  { address: "hr:102:int32", value: -123456789 },
  { address: "hr:104:uint32:CDAB", value: 3000000000 },
  { address: "hr:106:float32:BADC", value: 3.25 },
  { address: "hr:108:float64:HGFEDCBA", value: -1234.5 },
  { address: "hr:112:int64:GHEFCDAB", value: -9007199254740993n },
  { address: "hr:116:uint64", value: 18446744073709551000n },
  { address: "hr:120:string(7)", value: "SLUICE1" },
  { address: "hr:124.0", value: true },
  { address: "hr:124.1", value: false },
  { address: "hr:124.15", value: true },
  { address: "ir:0:uint16", value: 1000 },
  { address: "ir:1:int16", value: -1001 },
  { address: "ir:2:float32:DCBA", value: -0.5 },
  { address: "coil:1", value: true },
  { address: "coil:2", value: false },
  { address: "coil:3", value: true },
  { address: "di:0", value: true },
  { address: "di:1", value: false },
  { address: "di:7", value: true },
];

export type SimType = "int16" | "uint16" | "int32" | "uint32" | "float32" | "int64" | "uint64" | "float64" | "string";

/** The value's bytes, most significant first (strings: their characters, NUL-padded to whole words). */
function bigEndianBytes(value: Value, type: SimType, stringLength: number): Uint8Array {
  const size = { int16: 2, uint16: 2, int32: 4, uint32: 4, float32: 4, int64: 8, uint64: 8, float64: 8, string: stringLength + (stringLength % 2) }[type];
  const view = new DataView(new ArrayBuffer(size));
  switch (type) {
    case "int16": view.setInt16(0, Number(value)); break;
    case "uint16": view.setUint16(0, Number(value)); break;
    case "int32": view.setInt32(0, Number(value)); break;
    case "uint32": view.setUint32(0, Number(value)); break;
    case "float32": view.setFloat32(0, Number(value)); break;
    case "int64": view.setBigInt64(0, BigInt(value as bigint)); break;
    case "uint64": view.setBigUint64(0, BigInt(value as bigint)); break;
    case "float64": view.setFloat64(0, Number(value)); break;
    case "string": [...String(value).slice(0, stringLength)].forEach((c, i) => view.setUint8(i, c.charCodeAt(0) & 0xff)); break;
  }
  return new Uint8Array(view.buffer);
}

/**
 * Lay a typed value into a register array (the sim's and the tests' way to set known contents).
 * `order` names the device's layout: A.. is plain big-endian; a name starting with the last
 * letter is little-endian; the others swap words (CDAB, GHEFCDAB) or bytes within words
 * (BA, BADC, BADCFEHG). Strings repeat their 2-byte order per register.
 */
export function putRegisters(regs: Uint16Array, offset: number, value: Value, type: SimType, order: string, stringLength = 0): void {
  const bytes = bigEndianBytes(value, type, stringLength);
  let words: number[] = [];
  for (let i = 0; i < bytes.length; i += 2) words.push((bytes[i]! << 8) | bytes[i + 1]!);
  const swapBytes = (w: number) => ((w & 0xff) << 8) | (w >> 8);
  const plain = "ABCDEFGH".slice(0, order.length);
  const little = [...plain].reverse().join("");
  if (type === "string") words = order === "BA" ? words.map(swapBytes) : words;
  else if (order === little) words = words.reverse().map(swapBytes);
  else if (order.startsWith("C") || order.startsWith("G")) words = words.reverse();
  else if (order.startsWith("B")) words = words.map(swapBytes);
  else if (order !== plain) throw new Error(`modbus simulator: unknown byte order ${order}`);
  words.forEach((w, i) => { regs[offset + i] = w; });
}

function layoutStatic(sim: { holding: Uint16Array; input: Uint16Array; coils: Uint8Array; discrete: Uint8Array }): void {
  const h = sim.holding;
  putRegisters(h, 100, -1234, "int16", "AB");
  putRegisters(h, 101, 54321, "uint16", "AB");
  putRegisters(h, 102, -123456789, "int32", "ABCD");
  putRegisters(h, 104, 3000000000, "uint32", "CDAB");
  putRegisters(h, 106, 3.25, "float32", "BADC");
  putRegisters(h, 108, -1234.5, "float64", "HGFEDCBA");
  putRegisters(h, 112, -9007199254740993n, "int64", "GHEFCDAB");
  putRegisters(h, 116, 18446744073709551000n, "uint64", "ABCDEFGH");
  putRegisters(h, 120, "SLUICE1", "string", "AB", 7);
  h[124] = 0b1000_0000_0000_0001;
  putRegisters(sim.input, 0, 1000, "uint16", "AB");
  putRegisters(sim.input, 1, -1001, "int16", "AB");
  putRegisters(sim.input, 2, -0.5, "float32", "DCBA");
  sim.coils.set([1, 0, 1], 1);
  sim.discrete.set([1, 0, 0, 0, 0, 0, 0, 1], 0);
}

class IllegalAddress extends Error {
  readonly modbusErrorCode = 2;
}

function listen(vector: object, host: string, port: number): Promise<ServerTCP> {
  return new Promise((resolve, reject) => {
    const server = new ServerTCP(vector as never, { host, port, unitID: 255 });
    server.once("initialized", () => resolve(server));
    server.once("serverError", reject);
    server.on("socketError", () => undefined); // a client reset must not crash the process
    server.on("error", () => undefined);
  });
}

export async function startModbusSim(opts: ModbusSimOptions = {}): Promise<ModbusSim> {
  const host = opts.host ?? "127.0.0.1";
  const size = opts.size ?? 2000;
  const data = { holding: new Uint16Array(size), input: new Uint16Array(size), coils: new Uint8Array(size), discrete: new Uint8Array(size) };
  layoutStatic(data);
  const stats = { requests: 0 };

  const range = (addr: number, length: number) => {
    if (addr + length > size) throw new IllegalAddress(`address ${addr}+${length} past ${size}`);
  };
  const vector = {
    getHoldingRegister: (addr: number) => { range(addr, 1); opts.onHoldingRead?.(addr, [data.holding[addr]!]); return data.holding[addr]!; },
    getInputRegister: (addr: number) => { range(addr, 1); return data.input[addr]!; },
    getMultipleHoldingRegisters: (addr: number, length: number) => {
      range(addr, length);
      const values = Array.from(data.holding.subarray(addr, addr + length));
      opts.onHoldingRead?.(addr, values);
      return values;
    },
    getMultipleInputRegisters: (addr: number, length: number) => { range(addr, length); return Array.from(data.input.subarray(addr, addr + length)); },
    getCoil: (addr: number) => { range(addr, 1); return data.coils[addr] === 1; },
    getDiscreteInput: (addr: number) => { range(addr, 1); return data.discrete[addr] === 1; },
  };

  let server: ServerTCP | undefined;
  let port = opts.port ?? 0;
  for (let attempt = 0; !server; attempt++) {
    const tryPort = port || (await freePort(host));
    try {
      server = await listen(vector, host, tryPort);
      port = tryPort;
    } catch (e) {
      // another process took the probed port between probe and bind: probe again
      if (opts.port || attempt >= 5 || (e as NodeJS.ErrnoException).code !== "EADDRINUSE") throw e;
    }
  }
  const tcp = (server as unknown as { _server: net.Server })._server;
  tcp.on("connection", (sock: net.Socket) => countRequests(sock, stats));

  // moving values
  const clock = machineClock();
  const tick = () => {
    const { t, running, runningSeconds } = clock(Date.now());
    data.coils[0] = running ? 1 : 0;
    putRegisters(data.holding, 0, Math.round(225 + 10 * Math.sin((2 * Math.PI * t) / 60)), "int16", "AB");
    putRegisters(data.holding, 2, running ? 12.5 + 2 * Math.sin((2 * Math.PI * t) / 20) : 0, "float32", "CDAB");
    putRegisters(data.holding, 4, runningSeconds % 2 ** 32, "uint32", "ABCD");
  };
  data.holding[10] = 4711;
  tick();
  const timer = setInterval(tick, opts.tickMs ?? 250);
  timer.unref();

  let closing: Promise<void> | undefined;
  return {
    host, port, ...data, stats,
    close() {
      closing ??= new Promise<void>((resolve) => {
        clearInterval(timer);
        for (const sock of server!.socks.keys()) sock.destroy();
        server!.close(() => resolve());
      });
      return closing;
    },
  };
}

/** Count Modbus ADUs on one connection by their MBAP length field. */
function countRequests(sock: net.Socket, stats: { requests: number }): void {
  let pending = 0;
  let header = Buffer.alloc(0);
  sock.on("data", (chunk: Buffer) => {
    let at = 0;
    while (at < chunk.length) {
      if (pending > 0) {
        const take = Math.min(pending, chunk.length - at);
        pending -= take;
        at += take;
        continue;
      }
      const take = Math.min(6 - header.length, chunk.length - at);
      header = Buffer.concat([header, chunk.subarray(at, at + take)]);
      at += take;
      if (header.length < 6) return;
      stats.requests++;
      pending = header.readUInt16BE(4);
      header = Buffer.alloc(0);
    }
  });
}
