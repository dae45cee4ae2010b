/**
 * The Siemens S7 driver (nodes7 0.3.18 over ISO-on-TCP). Addresses use the
 * nodes7 syntax (address.ts); each read of a plan is one readAllItems, which
 * nodes7 packs into as few PDUs as the negotiated PDU size allows, and
 * `plan().requests` is that PDU count (computed by nodes7's own packer).
 *
 *   plan(points) ─▶ unique nodes7 addresses ─▶ countPdus
 *   read(plan)   ─▶ S7Connection.read ─▶ per point: value | status
 *
 * A refused item (no such DB, out of range, access denied) is a Bad status for
 * that point only; a lost connection or a PLC that stops answering rejects
 * the read (SLUICE_ERR_DISCONNECTED / SLUICE_ERR_TIMEOUT) and the next
 * connect() starts from a fresh nodes7 client. Read-only: no write exists.
 */
import type { Driver, DriverFactory, DriverSource, Point, PointResult, ReadPlan } from "../contract.js";
import { SluiceError } from "../../core/errors.js";
import { Status } from "../../core/status.js";
import { s7Endpoint, s7EndpointError, s7OptionErrors, s7Options, S7Options } from "./options.js";
import { parseS7Address, type S7Address } from "./address.js";
import { S7Connection, countPdus } from "./connection.js";
import { acceptsType, convert, statusForReturnCode } from "./values.js";

export type { S7Address } from "./address.js";

/** nodes7's own default PDU request when the config gives none */
const DEFAULT_PDU = 960;

interface S7Plan extends ReadPlan {
  readonly points: readonly Point<S7Address>[];
  /** unique nodes7 addresses of the points whose declared type fits */
  readonly addrs: readonly string[];
}

class S7Driver implements Driver {
  readonly protocol = "s7" as const;
  private readonly conn = new S7Connection();
  private readonly opts: S7Options;
  private readonly host: string;
  private readonly port: number;
  private readonly timeoutMs: number;

  constructor(source: DriverSource) {
    this.opts = s7Options(source.options);
    const ep = s7Endpoint(source.endpoint, this.opts);
    this.host = ep.host;
    this.port = ep.port;
    this.timeoutMs = source.timeoutMs;
  }

  async connect(): Promise<void> {
    await this.conn.connect({
      host: this.host, port: this.port, rack: this.opts.rack, slot: this.opts.slot,
      localTsap: this.opts.localTsap, remoteTsap: this.opts.remoteTsap, maxPdu: this.opts.maxPdu,
    }, this.timeoutMs);
  }

  plan(points: readonly Point[]): ReadPlan {
    const typed = points as readonly Point<S7Address>[];
    const addrs = [...new Set(typed.filter((p) => acceptsType(p.address.dataType, p.type)).map((p) => p.address.nodes7))];
    const conn = this.conn;
    const requested = this.opts.maxPdu ?? DEFAULT_PDU;
    const counts = new Map<number, number>();
    const plan: S7Plan = {
      points: typed,
      addrs,
      // the PDU count depends on the size the PLC negotiated, known only once connected
      get requests(): number {
        const pdu = conn.pdu ?? requested;
        let n = counts.get(pdu);
        if (n === undefined) counts.set(pdu, n = countPdus(addrs, pdu));
        return n;
      },
    };
    return plan;
  }

  async read(plan: ReadPlan): Promise<PointResult[]> {
    const p = plan as S7Plan;
    if (!Array.isArray(p.addrs)) throw new SluiceError("SLUICE_ERR_DRIVER", "s7: plan was not made by this driver");
    // each PDU may take a full timeout; nodes7 runs `parallel` of them at once
    const budget = this.timeoutMs * (Math.ceil(Math.max(1, p.requests) / Math.max(1, this.conn.parallel)) + 1);
    const results = p.addrs.length > 0 ? await this.conn.read(p.addrs, budget) : new Map();
    const now = Date.now();
    return p.points.map((pt): PointResult => {
      if (!acceptsType(pt.address.dataType, pt.type)) return { value: null, status: Status.BadTypeMismatch, sourceTime: now };
      const r = results.get(pt.address.nodes7);
      if (!r) return { value: null, status: Status.BadInternalError, sourceTime: now };
      if (!r.ok) return { value: null, status: statusForReturnCode(r.returnCode), sourceTime: now };
      const v = convert(r.value, pt.type);
      return v === undefined
        ? { value: null, status: Status.BadTypeMismatch, sourceTime: now }
        : { value: v, status: Status.Good, sourceTime: now };
    });
  }

  async close(): Promise<void> {
    await this.conn.close();
  }

  destroy(): void {
    this.conn.destroy();
  }
}

export const s7Driver: DriverFactory<S7Address> = {
  protocol: "s7",
  options: S7Options,
  optionErrors: (o) => s7OptionErrors(o as S7Options),
  endpointError: (endpoint) => s7EndpointError(endpoint),
  parseAddress: parseS7Address,
  create: (source: DriverSource): Driver => new S7Driver(source),
};
