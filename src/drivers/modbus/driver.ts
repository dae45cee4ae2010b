/**
 * The Modbus driver (TCP, RTU over a TCP gateway, RTU on a serial port): plans
 * coalesced block reads once per group, reads them one request at a time, and
 * decodes every point of every block.
 *
 *   read(plan) ─▶ for each block: transport.request ─▶ decode items ─▶ PointResult[]
 *                      │ exception response ─▶ that block's points Bad, others Good
 *                      │ "illegal data address" on a gap-filled block ─▶ split it for good, retry its runs
 *                      │ RTU: a silent unit ─▶ its blocks BadNoCommunication; a damaged reply ─▶ BadCommunicationError
 *                      │ RTU: no unit answered at all ─▶ reject the read (SLUICE_ERR_TIMEOUT)
 *                      └ TCP timeout / closed / out-of-step reply ─▶ reject the whole read
 *
 * There is no write path: both transports only speak function codes 1-4.
 */
import type { Logger } from "../../core/log.js";
import { silentLogger } from "../../core/log.js";
import { SluiceError } from "../../core/errors.js";
import { Status } from "../../core/status.js";
import type { Value } from "../../core/model.js";
import type { Driver, DriverSource, PartialResults, Point, PointResult, ReadPlan } from "../contract.js";
import { modbusHostPort, modbusOptions, type ModbusOptions } from "./options.js";
import { decodeAt, packedBit, registerBit, type RegisterType } from "./codec.js";
import { Decode, planModbus, tightRuns, type Block, type ModbusPlan } from "./plan.js";
import { EXCEPTION_NAMES, ModbusException, ModbusTcpTransport } from "./transport.js";
import { acquireLine, ModbusBadFrame, ModbusNoReply, releaseLine, type RtuLine } from "./rtu-line.js";

/** "host[:port]" or "[v6]:port" -> host and port (502 by default). */
export const parseEndpoint = modbusHostPort;

/** The status of every point of a block the device refused with an exception. */
export function exceptionStatus(code: number): number {
  switch (code) {
    case 1: case 2: case 3: return Status.BadConfigurationError;
    case 4: case 5: case 6: return Status.BadDeviceFailure;
    case 10: case 11: return Status.BadNoCommunication;
    default: return Status.BadCommunicationError;
  }
}

/** What the driver needs of a transport: one read at a time, read function codes only. */
interface ModbusLink {
  readonly connected: boolean;
  connect(): Promise<void>;
  request(unit: number, fc: 1 | 2 | 3 | 4, start: number, count: number): Promise<Buffer>;
  close(): Promise<void>;
  destroy(): void;
}

/** A driver's hold on a shared RTU line: acquired on connect, given back on close/destroy. */
class RtuLink implements ModbusLink {
  #line: RtuLine | undefined;
  constructor(private readonly endpoint: string, private readonly opts: ModbusOptions, private readonly timeoutMs: number) {}
  get connected(): boolean {
    return this.#line?.connected ?? false;
  }
  async connect(): Promise<void> {
    this.#line ??= acquireLine(this.endpoint, this.opts);
    await this.#line.connect(this.timeoutMs);
  }
  request(unit: number, fc: 1 | 2 | 3 | 4, start: number, count: number): Promise<Buffer> {
    if (!this.#line) return Promise.reject(new SluiceError("SLUICE_ERR_DISCONNECTED", `modbus ${this.endpoint}: not connected`));
    return this.#line.request(unit, fc, start, count, this.timeoutMs);
  }
  close(): Promise<void> {
    this.destroy();
    return Promise.resolve();
  }
  destroy(): void {
    const line = this.#line;
    this.#line = undefined;
    if (line) releaseLine(line);
  }
}

export class ModbusDriver implements Driver {
  readonly protocol = "modbus" as const;
  readonly #opts: ModbusOptions;
  readonly #transport: ModbusLink;
  readonly #log: Logger;
  readonly #name: string;
  readonly #timeoutMs: number;
  #reading = false;

  constructor(source: DriverSource, logger: Logger = silentLogger) {
    this.#opts = modbusOptions(source.options);
    if (this.#opts.transport === "tcp") {
      const { host, port } = parseEndpoint(source.endpoint);
      this.#transport = new ModbusTcpTransport(host, port, source.timeoutMs, this.#opts.maxInFlight);
    } else {
      this.#transport = new RtuLink(source.endpoint, this.#opts, source.timeoutMs);
    }
    this.#name = source.name;
    this.#timeoutMs = source.timeoutMs;
    this.#log = logger.child({ source: source.name, protocol: "modbus" });
  }

  connect(): Promise<void> {
    return this.#transport.connect();
  }

  plan(points: readonly Point[]): ReadPlan {
    const plan = planModbus(points, this.#opts);
    for (const [index, r] of plan.rejected) this.#log.warn({ point: index, reason: r.reason }, "point cannot be read as configured");
    return plan;
  }

  async read(readPlan: ReadPlan, partial?: PartialResults): Promise<PointResult[]> {
    const plan = readPlan as ModbusPlan;
    if (!Array.isArray(plan.blocks)) throw new SluiceError("SLUICE_ERR_DRIVER", "modbus: read() needs a plan from this driver's plan()");
    if (this.#reading) throw new SluiceError("SLUICE_ERR_DRIVER", "modbus: a read is already in flight");
    if (!this.#transport.connected) throw new SluiceError("SLUICE_ERR_DISCONNECTED", `modbus source ${this.#name}: not connected`);
    this.#reading = true;
    try {
      const now = Date.now();
      const pos = plan.pos;
      // The plan's result objects, rewritten in place at every read (the contract lets the
      // caller keep them only until the next read): 500,000 values/s would otherwise be
      // 500,000 short-lived objects/s for the garbage collector. Every point is set below,
      // once: a block's items (decoded or failed), a rejection, or BadInternalError for a
      // point the plan left out of both (none, unless the planner has a bug).
      const { results, unplanned } = resultsOf(plan);
      for (const i of unplanned) set(results[i]!, null, Status.BadInternalError, now);
      for (const [index, r] of plan.rejected) set(results[pos.get(index)!]!, null, r.status, now);
      const answered = plan.blocks.length === 0 || await this.#readBlocks(plan.blocks, results, partial);
      // On a bus, one silent unit is that unit's problem; no unit answering at all is the line's.
      if (!answered) throw new SluiceError("SLUICE_ERR_TIMEOUT", `modbus source ${this.#name}: no unit answered within ${this.#timeoutMs} ms`);
      return results;
    } finally {
      this.#reading = false;
    }
  }

  /**
   * Read every block, one request at a time or, with modbus.maxInFlight above 1, that
   * many at once (each block's runs still in order); true when the device answered at all.
   * A failure ends the read only once every request in flight has settled, so nothing
   * of this poll is still running when the next one starts.
   */
  async #readBlocks(blocks: readonly Block[], results: PointResult[], partial: PartialResults | undefined): Promise<boolean> {
    let next = 0;
    const lane = async (): Promise<boolean> => {
      let answered = false;
      while (next < blocks.length) answered = (await this.#readBlock(blocks[next++]!, results, partial)) || answered;
      return answered;
    };
    // the options refuse maxInFlight above 1 for RTU transports
    const lanes = Math.min(this.#opts.maxInFlight, blocks.length);
    if (lanes === 1) return lane();
    const settled = await Promise.allSettled(Array.from({ length: lanes }, lane));
    const failed = settled.find((r) => r.status === "rejected");
    if (failed) throw failed.reason;
    return settled.some((r) => r.status === "fulfilled" && r.value);
  }

  /** Read one block (or its runs); true when the device answered at all. */
  async #readBlock(block: Block, results: PointResult[], partial: PartialResults | undefined): Promise<boolean> {
    let answered = false;
    for (const part of block.runs ?? [block]) {
      try {
        const data = await this.#transport.request(part.unitId, part.fc, part.start, part.count);
        decodeBlock(part, data, Date.now(), results);
        answered = true;
        partial?.(results, part.layout.at);
      } catch (e) {
        if (e instanceof ModbusNoReply || e instanceof ModbusBadFrame) {
          this.#log.debug({ unitId: part.unitId, area: part.area, start: part.start, count: part.count, reason: e.message }, "block not read");
          const status = e instanceof ModbusNoReply ? Status.BadNoCommunication : Status.BadCommunicationError;
          if (e instanceof ModbusBadFrame) answered = true;
          const now = Date.now();
          for (const item of part.items) set(results[item.at]!, null, status, now);
          continue;
        }
        if (!(e instanceof ModbusException)) throw e;
        answered = true;
        if (e.exceptionCode === 2 && !block.runs) {
          const runs = tightRuns(block, block.count);
          if (runs.length > 1) {
            // A hole in the device's map inside our gap fill: read the tight runs from now on.
            this.#log.warn({ unitId: block.unitId, area: block.area, start: block.start, count: block.count, runs: runs.length },
              "device refused a gap-filled block (illegal data address); splitting it");
            block.runs = runs;
            return (await this.#readBlock(block, results, partial)) || answered;
          }
        }
        this.#log.debug({ unitId: part.unitId, area: part.area, start: part.start, count: part.count, exception: EXCEPTION_NAMES[e.exceptionCode] }, "block refused");
        const status = exceptionStatus(e.exceptionCode);
        const now = Date.now();
        for (const item of part.items) set(results[item.at]!, null, status, now);
      }
    }
    return answered;
  }

  close(): Promise<void> {
    return this.#transport.close();
  }

  destroy(): void {
    this.#transport.destroy();
  }
}

/** Decode every item of a block from its response data, walking its compiled layout (see plan.ts). */
function decodeBlock(block: Block, data: Buffer, now: number, results: PointResult[]): void {
  const { at, offset, decode } = block.layout;
  for (let i = 0; i < at.length; i++) {
    const o = offset[i]!;
    let value: Value;
    switch (decode[i]) {
      case Decode.BIT: value = packedBit(data, o); break;
      case Decode.U16: value = data.readUInt16BE(o); break;
      case Decode.I16: value = data.readInt16BE(o); break;
      case Decode.U32: value = data.readUInt32BE(o); break;
      case Decode.I32: value = data.readInt32BE(o); break;
      case Decode.F32: value = data.readFloatBE(o); break;
      case Decode.U64: value = data.readBigUInt64BE(o); break;
      case Decode.I64: value = data.readBigInt64BE(o); break;
      case Decode.F64: value = data.readDoubleBE(o); break;
      default: {
        const item = block.items[i]!;
        const a = item.address;
        value = a.bit !== undefined ? registerBit(data, o, a.bit) : decodeAt(data, o, a.type as RegisterType, item.order!, a.length);
      }
    }
    const r = results[at[i]!]!;
    r.value = value;
    r.status = Status.Good;
    r.sourceTime = now;
  }
}

/** The plan's reusable results (one object per point, all of one shape) and the positions no block or rejection covers. */
interface Owned { results: PointResult[]; unplanned: number[] }
const owned = new WeakMap<ModbusPlan, Owned>();
function resultsOf(plan: ModbusPlan): Owned {
  let o = owned.get(plan);
  if (!o) {
    const covered = new Uint8Array(plan.points.length);
    for (const block of plan.blocks) for (const at of block.layout.at) covered[at] = 1;
    for (const index of plan.rejected.keys()) covered[plan.pos.get(index)!] = 1;
    o = {
      results: Array.from({ length: plan.points.length }, () => ({ value: null, status: Status.BadInternalError, sourceTime: 0 })),
      unplanned: [...covered.keys()].filter((i) => covered[i] === 0),
    };
    owned.set(plan, o);
  }
  return o;
}

function set(r: PointResult, value: Value, status: number, time: number): void {
  r.value = value;
  r.status = status;
  r.sourceTime = time;
}
