/**
 * A Modbus RTU line: one serial port, or one TCP connection to a serial
 * gateway in transparent mode (RTU over TCP), shared by every source and unit
 * id behind it, with exactly one request in flight on the wire.
 *
 *   driver A ─┐                  ┌─ silence >= t3.5 ─▶ [unit fc start count CRC] ──▶ line
 *   driver B ─┼─▶ FIFO of reads ─┤
 *   driver C ─┘                  └─ reply: length from fc/byte count ─▶ CRC, unit, fc, count ─▶ resolve
 *                                    └─ bad CRC / wrong unit ─▶ ModbusBadFrame (that block only)
 *                                    └─ nothing within the timeout ─▶ ModbusNoReply (that block only)
 *
 * A silent unit or a corrupted frame is a per-block failure, not a dead line:
 * one dead device must not silence the others on the same bus. Bytes that
 * arrive with no request in flight (a reply after its timeout) are discarded,
 * and every send waits for 3.5 character times of silence first, so a late
 * reply cannot be taken for the next one. The line closing rejects everything
 * queued (SLUICE_ERR_DISCONNECTED). Read function codes only (1-4).
 */
import net from "node:net";
import { SluiceError, errorMessage } from "../../core/errors.js";
import type { ModbusOptions } from "./options.js";
import { crcOk, readRequestFrame, replyLength, silenceMs, wireMs } from "./rtu-frame.js";
import { ModbusException } from "./transport.js";
import { modbusHostPort, modbusLine } from "./options.js";
import { drainAfterPoll } from "./serial-poll.js";

/** No reply from the unit within the timeout (the unit is silent, or absent). */
export class ModbusNoReply extends Error {
  constructor(readonly unit: number, ms: number) {
    super(`modbus rtu: no reply from unit ${unit} within ${ms} ms`);
    this.name = "ModbusNoReply";
  }
}

/** A reply that arrived damaged (CRC) or does not answer the request (unit, function, length). */
export class ModbusBadFrame extends Error {
  constructor(reason: string) {
    super(`modbus rtu: ${reason}`);
    this.name = "ModbusBadFrame";
  }
}

/** The byte stream under a line. */
interface Pipe {
  write(b: Buffer): void;
  destroy(): void;
}
type Opener = (onData: (b: Buffer) => void, onClose: (why: string) => void, timeoutMs: number) => Promise<Pipe>;

interface Job {
  unit: number;
  fc: 1 | 2 | 3 | 4;
  start: number;
  count: number;
  timeoutMs: number;
  resolve(data: Buffer): void;
  reject(err: Error): void;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export class RtuLine {
  #pipe: Pipe | undefined;
  #opening: Promise<void> | undefined;
  #queue: Job[] = [];
  #current: { job: Job; timer: NodeJS.Timeout } | undefined;
  #rx: Buffer = Buffer.alloc(0);
  #lastActivity = 0;
  #running = false;
  refs = 0;
  /** completed request/response pairs, for tests */
  requests = 0;
  /** bytes discarded because no request was waiting for them */
  discarded = 0;

  constructor(readonly label: string, private readonly open: Opener, private readonly baudRate: number, readonly settings = "") {}

  get connected(): boolean {
    return this.#pipe !== undefined;
  }

  /** Open the line (once for all its users). */
  connect(timeoutMs: number): Promise<void> {
    if (this.#pipe) return Promise.resolve();
    this.#opening ??= this.open((b) => this.#onData(b), (why) => this.#onClose(why), timeoutMs).then(
      (pipe) => { this.#pipe = pipe; this.#opening = undefined; this.#lastActivity = Date.now(); },
      (e: unknown) => { this.#opening = undefined; throw e; },
    );
    return this.#opening;
  }

  request(unit: number, fc: 1 | 2 | 3 | 4, start: number, count: number, timeoutMs: number): Promise<Buffer> {
    // read function codes only, even for a caller that casts its way past the types (invariant 3)
    if (fc !== 1 && fc !== 2 && fc !== 3 && fc !== 4) return Promise.reject(new SluiceError("SLUICE_ERR_DRIVER", `modbus: function ${String(fc)} is not a read`));
    if (!this.#pipe) return Promise.reject(new SluiceError("SLUICE_ERR_DISCONNECTED", `modbus ${this.label}: not connected`));
    return new Promise<Buffer>((resolve, reject) => {
      this.#queue.push({ unit, fc, start, count, timeoutMs, resolve, reject });
      void this.#run();
    });
  }

  async #run(): Promise<void> {
    if (this.#running) return;
    this.#running = true;
    try {
      for (let job = this.#queue.shift(); job; job = this.#queue.shift()) {
        await this.#quiet();
        const pipe = this.#pipe;
        if (!pipe) { job.reject(new SluiceError("SLUICE_ERR_DISCONNECTED", `modbus ${this.label}: line closed`)); continue; }
        await new Promise<void>((done) => {
          const settle = (fn: () => void) => { clearTimeout(timer); this.#current = undefined; fn(); done(); };
          const { resolve, reject } = job;
          job.resolve = (d) => settle(() => resolve(d));
          job.reject = (e) => settle(() => reject(e));
          const timer = setTimeout(() => job.reject(new ModbusNoReply(job.unit, job.timeoutMs)), job.timeoutMs);
          this.#current = { job, timer };
          this.#rx = Buffer.alloc(0);
          const frame = readRequestFrame(job.unit, job.fc, job.start, job.count);
          pipe.write(frame);
          this.#lastActivity = Date.now() + wireMs(frame.length, this.baudRate);
        });
      }
    } finally {
      this.#running = false;
    }
  }

  /** Wait until the line has been silent for 3.5 character times, then drop whatever arrived unasked. */
  async #quiet(): Promise<void> {
    const t35 = silenceMs(this.baudRate);
    for (let wait = this.#lastActivity + t35 - Date.now(); wait > 0; wait = this.#lastActivity + t35 - Date.now()) await sleep(Math.ceil(wait));
    this.discarded += this.#rx.length;
    this.#rx = Buffer.alloc(0);
  }

  #onData(chunk: Buffer): void {
    this.#lastActivity = Math.max(this.#lastActivity, Date.now());
    const cur = this.#current;
    if (!cur) { this.discarded += chunk.length; return; }
    this.#rx = this.#rx.length === 0 ? chunk : Buffer.concat([this.#rx, chunk]);
    const need = replyLength(this.#rx);
    if (need === undefined || this.#rx.length < need) return;
    const frame = this.#rx.subarray(0, need);
    this.discarded += this.#rx.length - need;
    this.#rx = Buffer.alloc(0);
    const { job } = cur;
    if (!crcOk(frame)) return job.reject(new ModbusBadFrame(`CRC error in the reply from unit ${job.unit}`));
    if (frame[0] !== job.unit) return job.reject(new ModbusBadFrame(`reply from unit ${frame[0]} to a request for unit ${job.unit}`));
    if (frame[1] === (job.fc | 0x80)) return job.reject(new ModbusException(frame[2]!, job.fc));
    if (frame[1] !== job.fc) return job.reject(new ModbusBadFrame(`reply function ${frame[1]} to request function ${job.fc}`));
    const expected = job.fc <= 2 ? Math.ceil(job.count / 8) : job.count * 2;
    if (frame[2] !== expected) return job.reject(new ModbusBadFrame(`reply carries ${frame[2]} data bytes, expected ${expected}`));
    this.requests++;
    job.resolve(Buffer.from(frame.subarray(3, 3 + expected)));
  }

  #onClose(why: string): void {
    this.#pipe = undefined;
    this.#fail(new SluiceError("SLUICE_ERR_DISCONNECTED", `modbus ${this.label}: ${why}`));
  }

  #fail(err: Error): void {
    this.#current?.job.reject(err);
    for (let job = this.#queue.shift(); job; job = this.#queue.shift()) job.reject(err);
  }

  /** Close the line now; everything queued is rejected. Idempotent. */
  destroy(): void {
    const pipe = this.#pipe;
    this.#pipe = undefined;
    pipe?.destroy();
    this.#fail(new SluiceError("SLUICE_ERR_CLOSED", `modbus ${this.label}: line closed`));
  }
}

/** RTU over TCP: one socket to the gateway. */
function tcpOpener(endpoint: string): Opener {
  const { host, port } = modbusHostPort(endpoint);
  return (onData, onClose, timeoutMs) => new Promise<Pipe>((resolve, reject) => {
    const socket = net.createConnection({ host, port });
    let open = false;
    const timer = setTimeout(() => { socket.destroy(); reject(new SluiceError("SLUICE_ERR_TIMEOUT", `modbus ${endpoint}: connect timed out after ${timeoutMs} ms`)); }, timeoutMs);
    socket.once("connect", () => {
      clearTimeout(timer);
      open = true;
      socket.setNoDelay(true);
      socket.setKeepAlive(true, 10_000);
      resolve({ write: (b) => socket.write(b), destroy: () => socket.destroy() });
    });
    socket.on("data", onData);
    socket.on("error", (e: NodeJS.ErrnoException) => {
      if (!open) { clearTimeout(timer); reject(new SluiceError("SLUICE_ERR_DISCONNECTED", `modbus ${endpoint}: cannot connect (${e.code ?? e.message})`, { cause: e })); }
    });
    socket.on("close", () => { if (open) onClose("connection to the gateway closed"); });
  });
}

/** RTU on a local serial port (serialport is loaded only when a line is opened). */
function serialOpener(path: string, o: ModbusOptions): Opener {
  return async (onData, onClose, timeoutMs) => {
    const { SerialPort } = await import("serialport");
    const port = new SerialPort({ path, baudRate: o.baudRate, parity: o.parity, dataBits: o.dataBits as 7 | 8, stopBits: o.stopBits as 1 | 2, autoOpen: false });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new SluiceError("SLUICE_ERR_TIMEOUT", `modbus ${path}: open timed out after ${timeoutMs} ms`)), timeoutMs);
      port.open((err) => {
        clearTimeout(timer);
        if (err) reject(new SluiceError("SLUICE_ERR_DISCONNECTED", `modbus ${path}: cannot open: ${errorMessage(err)}`, { cause: err }));
        else resolve();
      });
    });
    drainAfterPoll(port);
    let closed = false;
    port.on("data", onData);
    port.on("error", () => { /* a close follows */ });
    port.on("close", () => { if (!closed) { closed = true; onClose("serial port closed"); } });
    return {
      write: (b) => { port.write(b); },
      destroy: () => { closed = true; if (port.isOpen) port.close(() => { /* closed */ }); },
    };
  };
}

const LINES = new Map<string, RtuLine>();

/** The line of an RTU source, shared by every source with the same transport and endpoint. */
export function acquireLine(endpoint: string, o: ModbusOptions): RtuLine {
  const { key, settings } = modbusLine(endpoint, o)!;
  let line = LINES.get(key);
  if (line && line.settings !== settings) {
    // config refuses this at load; a driver created by hand gets the same answer
    throw new SluiceError("SLUICE_ERR_CONFIG", `modbus ${endpoint}: the line is open at ${line.settings}, not ${settings}`);
  }
  if (!line) {
    line = new RtuLine(endpoint, o.transport === "rtu" ? serialOpener(endpoint, o) : tcpOpener(endpoint), o.baudRate, settings);
    LINES.set(key, line);
  }
  line.refs++;
  return line;
}

/** Give a line back; the last user closes it. */
export function releaseLine(line: RtuLine): void {
  if (--line.refs > 0) return;
  for (const [k, v] of LINES) if (v === line) LINES.delete(k);
  line.destroy();
}
