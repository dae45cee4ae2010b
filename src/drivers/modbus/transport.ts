/**
 * Modbus TCP client transport: one socket, one request in flight (or up to
 * `maxInFlight`, paired by transaction id), read function codes only (1 coils,
 * 2 discrete inputs, 3 holding, 4 input).
 *
 *   request(unit, fc, start, count) ──MBAP ADU──▶ device   (requests made in one turn leave in one write)
 *   data ─▶ reassemble by MBAP length ─▶ the request with that tid? check unit, fc, byte count ─▶ resolve
 *                                         └─ any mismatch / timeout ─▶ drop socket, reject all in flight
 *
 * Why not modbus-serial's client: it silently ignores a reply whose
 * transaction id it does not know (then times out), numbers transactions
 * modulo 256, and keeps the unit id as shared state; the classic failure is a
 * connection that stays one reply out of step forever. Here a timeout or any
 * reply that does not answer a request in flight destroys the socket, so a stale reply can never be taken for a
 * fresh one; the scheduler reconnects. Several requests in flight (opt-in, for devices
 * that accept them) are told apart by transaction id only, whatever order the replies
 * come in; transaction ids in flight are never reused. An exception response is a per-block
 * ModbusException and leaves the connection up.
 */
import net from "node:net";
import { SluiceError } from "../../core/errors.js";

/** A Modbus exception response (the device understood us and refused). */
export class ModbusException extends Error {
  constructor(readonly exceptionCode: number, fc: number) {
    super(`modbus exception ${exceptionCode} (${EXCEPTION_NAMES[exceptionCode] ?? "unknown"}) to function ${fc}`);
    this.name = "ModbusException";
  }
}

export const EXCEPTION_NAMES: Readonly<Record<number, string>> = {
  1: "illegal function", 2: "illegal data address", 3: "illegal data value", 4: "server device failure",
  5: "acknowledge", 6: "server device busy", 10: "gateway path unavailable", 11: "gateway target failed to respond",
};

interface Pending {
  tid: number;
  unit: number;
  fc: number;
  count: number;
  resolve(data: Buffer): void;
  reject(err: Error): void;
  timer: NodeJS.Timeout;
}

const MBAP = 7;
/** MBAP length field upper bound: unit id + a 253-byte PDU. */
const MAX_LENGTH = 254;

export class ModbusTcpTransport {
  #socket: net.Socket | undefined;
  #rx: Buffer = Buffer.alloc(0);
  readonly #pending = new Map<number, Pending>();
  /** requests written in this turn of the event loop leave in one write (several in flight only) */
  #corked = false;
  #tid = 0;
  /** completed request/response pairs on this transport, for tests and benchmarks */
  requests = 0;

  constructor(private readonly host: string, private readonly port: number, private readonly timeoutMs: number, readonly maxInFlight = 1) {}

  get connected(): boolean {
    return this.#socket !== undefined && !this.#socket.connecting && !this.#socket.destroyed;
  }

  /** Open a fresh socket (dropping any old one). */
  connect(): Promise<void> {
    this.destroy();
    const where = `${this.host}:${this.port}`;
    return new Promise<void>((resolve, reject) => {
      const socket = net.createConnection({ host: this.host, port: this.port });
      this.#socket = socket;
      this.#rx = Buffer.alloc(0);
      let settled = false;
      const done = (err?: Error) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        if (err) {
          if (this.#socket === socket) this.#socket = undefined;
          socket.destroy();
          reject(err);
        } else resolve();
      };
      const timer = setTimeout(() => done(new SluiceError("SLUICE_ERR_TIMEOUT", `modbus ${where}: connect timed out after ${this.timeoutMs} ms`)), this.timeoutMs);
      socket.once("connect", () => {
        socket.setNoDelay(true);
        socket.setKeepAlive(true, 10_000);
        done();
      });
      socket.on("data", (chunk: Buffer) => {
        if (this.#socket === socket) this.#onData(chunk);
      });
      let lastError = "";
      socket.on("error", (e: NodeJS.ErrnoException) => {
        lastError = ` (${e.code ?? e.message})`;
        done(new SluiceError("SLUICE_ERR_DISCONNECTED", `modbus ${where}: cannot connect${lastError}`, { cause: e }));
      });
      socket.on("close", () => {
        done(new SluiceError("SLUICE_ERR_DISCONNECTED", `modbus ${where}: connection closed`));
        if (this.#socket === socket) this.#drop(new SluiceError("SLUICE_ERR_DISCONNECTED", `modbus ${where}: connection closed by the device${lastError}`));
      });
    });
  }

  /** One read request; resolves the response data bytes (after the byte count). */
  request(unit: number, fc: 1 | 2 | 3 | 4, start: number, count: number): Promise<Buffer> {
    // read function codes only, even for a caller that casts its way past the types (invariant 3)
    if (fc !== 1 && fc !== 2 && fc !== 3 && fc !== 4) return Promise.reject(new SluiceError("SLUICE_ERR_DRIVER", `modbus: function ${String(fc)} is not a read`));
    if (!this.connected) return Promise.reject(new SluiceError("SLUICE_ERR_DISCONNECTED", `modbus ${this.host}:${this.port}: not connected`));
    if (this.#pending.size >= this.maxInFlight) {
      return Promise.reject(new SluiceError("SLUICE_ERR_DRIVER", this.maxInFlight === 1 ? "modbus: a request is already in flight" : `modbus: ${this.maxInFlight} requests are already in flight`));
    }
    do this.#tid = (this.#tid + 1) & 0xffff; while (this.#pending.has(this.#tid));
    const adu = Buffer.alloc(12);
    adu.writeUInt16BE(this.#tid, 0);
    adu.writeUInt16BE(0, 2);
    adu.writeUInt16BE(6, 4);
    adu.writeUInt8(unit, 6);
    adu.writeUInt8(fc, 7);
    adu.writeUInt16BE(start, 8);
    adu.writeUInt16BE(count, 10);
    return new Promise<Buffer>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#drop(new SluiceError("SLUICE_ERR_TIMEOUT", `modbus ${this.host}:${this.port}: no reply to function ${fc} at ${start} within ${this.timeoutMs} ms`));
      }, this.timeoutMs);
      this.#pending.set(this.#tid, { tid: this.#tid, unit, fc, count, resolve, reject, timer });
      const socket = this.#socket!;
      if (this.maxInFlight > 1 && !this.#corked) {
        this.#corked = true;
        socket.cork();
        process.nextTick(() => { this.#corked = false; socket.uncork(); });
      }
      socket.write(adu);
    });
  }

  #onData(chunk: Buffer): void {
    this.#rx = this.#rx.length === 0 ? chunk : Buffer.concat([this.#rx, chunk]);
    while (this.#rx.length >= MBAP) {
      const length = this.#rx.readUInt16BE(4);
      if (this.#rx.readUInt16BE(2) !== 0 || length < 3 || length > MAX_LENGTH) {
        return this.#protocolError("malformed MBAP header");
      }
      if (this.#rx.length < 6 + length) return;
      const frame = this.#rx.subarray(0, 6 + length);
      this.#rx = this.#rx.subarray(6 + length);
      this.#onFrame(frame);
    }
  }

  #onFrame(frame: Buffer): void {
    const tid = frame.readUInt16BE(0);
    const p = this.#pending.get(tid);
    if (this.#pending.size === 0) return this.#protocolError(`unsolicited reply (transaction ${tid})`);
    if (!p) return this.#protocolError(`reply transaction id ${tid} does not match request ${[...this.#pending.keys()].join(", ")}`);
    const unit = frame[6]!;
    const fc = frame[7]!;
    if (unit !== p.unit) return this.#protocolError(`reply from unit ${unit} to a request for unit ${p.unit}`);
    if (fc === (p.fc | 0x80) && frame.length === 9) {
      this.#settle(p);
      p.reject(new ModbusException(frame[8]!, p.fc));
      return;
    }
    if (fc !== p.fc) return this.#protocolError(`reply function ${fc} to request function ${p.fc}`);
    const byteCount = frame[8]!;
    const expected = p.fc <= 2 ? Math.ceil(p.count / 8) : p.count * 2;
    if (byteCount !== expected || frame.length !== 9 + byteCount) {
      return this.#protocolError(`reply carries ${byteCount} data bytes, expected ${expected}`);
    }
    this.#settle(p);
    this.requests++;
    p.resolve(Buffer.from(frame.subarray(9)));
  }

  #settle(p: Pending): void {
    clearTimeout(p.timer);
    this.#pending.delete(p.tid);
  }

  #protocolError(reason: string): void {
    this.#drop(new SluiceError("SLUICE_ERR_DISCONNECTED", `modbus ${this.host}:${this.port}: ${reason}; connection dropped`));
  }

  /** Reject every request in flight and destroy the socket. */
  #drop(err: Error): void {
    const inFlight = [...this.#pending.values()];
    for (const p of inFlight) this.#settle(p);
    const socket = this.#socket;
    this.#socket = undefined;
    this.#rx = Buffer.alloc(0);
    socket?.destroy();
    for (const p of inFlight) p.reject(err);
  }

  /** Immediate teardown; idempotent. */
  destroy(): void {
    this.#drop(new SluiceError("SLUICE_ERR_CLOSED", `modbus ${this.host}:${this.port}: connection closed`));
  }

  /** Let the requests in flight finish (bounded by their timeout), then end the socket; idempotent. */
  async close(): Promise<void> {
    await Promise.all([...this.#pending.values()].map((p) => new Promise<void>((resolve) => {
      const { resolve: res, reject: rej } = p;
      p.resolve = (d) => { res(d); resolve(); };
      p.reject = (e) => { rej(e); resolve(); };
    })));
    const socket = this.#socket;
    this.#socket = undefined;
    if (!socket || socket.destroyed) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => socket.destroy(), this.timeoutMs);
      socket.once("close", () => { clearTimeout(timer); resolve(); });
      socket.end();
    });
  }
}
