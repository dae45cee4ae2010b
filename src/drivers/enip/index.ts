/**
 * The Allen-Bradley Logix driver (EtherNet/IP explicit messaging through
 * ethernet-ip 1.2.5's encoders). Points are Logix tag names; a plan packs one
 * Read Tag per distinct tag into as few Multiple Service Packets as the
 * packet size allows, and `plan().requests` is that number of round trips.
 *
 *   plan(points) ─▶ distinct tags ─▶ Read Tag requests ─▶ pack(maxPacket) ─▶ MSPs
 *   read(plan)   ─▶ each MSP over the session ─▶ per service: value in the declared type | Bad status
 *
 * An unknown tag (CIP 0x05), a type that does not fit the declared one
 * (BadTypeMismatch) or any other per-service error is a Bad status for that
 * point only; a dropped or silent controller rejects the read and the next
 * connect() starts a new session. Read-only: no write service is ever built.
 */
import type { TagType } from "../../core/model.js";
import { SluiceError } from "../../core/errors.js";
import { Status } from "../../core/status.js";
import { enipHost, enipOptions, type EnipOptions } from "../../config/sources/enip.js";
import type { Driver, DriverFactory, DriverSource, Point, PointResult, ReadPlan } from "../contract.js";
import { parseEnipAddress, type EnipAddress } from "./address.js";
import { decodeValue, pack, readRequest, splitMspReply, statusForCip, toPointValue, type Packet, type ServiceReply } from "./cip.js";
import { EnipSession } from "./session.js";

export type { EnipAddress } from "./address.js";

interface EnipPlan extends ReadPlan {
  readonly points: readonly Point<EnipAddress>[];
  readonly packets: readonly Packet[];
  /** for each point, the index of its request (distinct tag) */
  readonly requestOf: readonly number[];
  readonly requestCount: number;
}

class EnipDriver implements Driver {
  readonly protocol = "enip" as const;
  private session: EnipSession | undefined;
  private readonly host: string;
  private readonly opts: EnipOptions;
  private readonly timeoutMs: number;

  constructor(source: DriverSource) {
    this.host = enipHost(source.endpoint);
    this.opts = enipOptions(source.options);
    this.timeoutMs = source.timeoutMs;
  }

  async connect(): Promise<void> {
    this.session?.destroy();
    const s = new EnipSession(this.host, this.opts.slot);
    this.session = s;
    await s.connect(this.timeoutMs);
  }

  plan(points: readonly Point[]): ReadPlan {
    const typed = points as readonly Point<EnipAddress>[];
    const index = new Map<string, number>();
    const tags: { tag: string; types: TagType[] }[] = [];
    const requestOf = typed.map((p) => {
      const key = p.address.tag.toLowerCase(); // Logix names are case-insensitive
      let i = index.get(key);
      if (i === undefined) { i = tags.length; index.set(key, i); tags.push({ tag: p.address.tag, types: [] }); }
      tags[i]!.types.push(p.type);
      return i;
    });
    const reqs = tags.map((t) => readRequest(t.tag, t.types));
    for (const r of reqs) {
      if (r.mr.length + 16 > this.opts.maxPacket) {
        throw new SluiceError("SLUICE_ERR_ADDRESS", `enip address "${r.tag}": its request (${r.mr.length} bytes) does not fit in enip.maxPacket ${this.opts.maxPacket}`);
      }
    }
    const packets = pack(reqs, this.opts.maxPacket);
    const plan: EnipPlan = { points: typed, packets, requestOf, requestCount: reqs.length, requests: packets.length };
    return plan;
  }

  async read(plan: ReadPlan): Promise<PointResult[]> {
    const p = plan as EnipPlan;
    if ((p.packets as unknown) === undefined) throw new SluiceError("SLUICE_ERR_DRIVER", "enip: plan was not made by this driver");
    const s = this.session;
    if (!s || !s.connected) throw new SluiceError("SLUICE_ERR_DISCONNECTED", "enip: not connected");
    const replies: (ServiceReply | number)[] = new Array<ServiceReply | number>(p.requestCount);
    const times: number[] = new Array<number>(p.requestCount);
    for (const packet of p.packets) {
      const r = await s.request(packet.mr, this.timeoutMs);
      const now = Date.now();
      const services = splitMspReply(r, packet.members.length);
      packet.members.forEach((req, k) => {
        replies[req] = services?.[k] ?? (r.generalStatusCode === 0 ? Status.BadDeviceFailure : statusForCip(r.generalStatusCode, r.extendedStatus));
        times[req] = now;
      });
    }
    return p.points.map((pt, i): PointResult => {
      const req = p.requestOf[i]!;
      const rep = replies[req];
      const sourceTime = times[req] ?? Date.now();
      if (rep === undefined) return { value: null, status: Status.BadInternalError, sourceTime };
      if (typeof rep === "number") return { value: null, status: rep, sourceTime };
      if (rep.status !== 0) return { value: null, status: statusForCip(rep.status, rep.ext), sourceTime };
      const d = decodeValue(rep.data);
      const v = d === undefined ? undefined : toPointValue(d, pt.type, pt.address.bit);
      return v === undefined
        ? { value: null, status: Status.BadTypeMismatch, sourceTime }
        : { value: v, status: Status.Good, sourceTime };
    });
  }

  async close(): Promise<void> {
    const s = this.session;
    this.session = undefined;
    await s?.close();
  }

  destroy(): void {
    this.session?.destroy();
    this.session = undefined;
  }
}

export const enipDriver: DriverFactory<EnipAddress> = {
  protocol: "enip",
  parseAddress: parseEnipAddress,
  create: (source: DriverSource): Driver => new EnipDriver(source),
};
