/**
 * The Allen-Bradley Logix driver (EtherNet/IP explicit messaging through
 * ethernet-ip 1.2.5's encoders, over a class-3 connection when the controller
 * grants one). Points are Logix tag names; a plan packs one Read Tag per
 * distinct tag into as few Multiple Service Packets as the session's packet
 * size allows (~4000 bytes connected, 500 unconnected, capped by
 * enip.maxPacket), and `plan().requests` is that number of round trips.
 *
 *   plan(points) ─▶ distinct tags ─▶ Read Tag requests ─▶ pack(packet bytes) ─▶ MSPs
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
import { enipEndpointError, enipHost, enipOptions, EnipOptions } from "./options.js";
import type { Driver, DriverFactory, DriverSource, Point, PointResult, ReadPlan } from "../contract.js";
import { parseEnipAddress, type EnipAddress } from "./address.js";
import { decodeValue, pack, readRequest, splitMspReply, statusForCip, toPointValue, type Packet, type ServiceReply } from "./cip.js";
import { EnipSession, UNCONNECTED_PACKET } from "./session.js";

export type { EnipAddress } from "./address.js";

interface EnipPlan extends ReadPlan {
  readonly points: readonly Point<EnipAddress>[];
  /** the MSPs for a packet size (the size is known once a session is up) */
  packets(bytes: number): readonly Packet[];
  /** for each point, the index of its request (distinct tag) */
  readonly requestOf: readonly number[];
  readonly requestCount: number;
}

/** Packet size assumed for a plan made before the first connection. */
const CONNECTED_PACKET = 4000;
/** the smallest request a packet must hold besides one Read Tag */
const MSP_MIN_OVERHEAD = 16;

class EnipDriver implements Driver {
  readonly protocol = "enip" as const;
  private session: EnipSession | undefined;
  private readonly host: string;
  private readonly opts: EnipOptions;
  private readonly timeoutMs: number;
  /** set when a controller never answered Forward Open: later sessions stay unconnected */
  private noForwardOpen = false;

  constructor(source: DriverSource) {
    this.host = enipHost(source.endpoint);
    this.opts = enipOptions(source.options);
    this.timeoutMs = source.timeoutMs;
  }

  async connect(): Promise<void> {
    this.session?.destroy();
    const s = new EnipSession(this.host, this.opts.slot);
    this.session = s;
    try {
      await s.connect(this.timeoutMs, this.opts.connected && !this.noForwardOpen);
    } catch (e) {
      if (s.forwardOpenTimedOut) this.noForwardOpen = true;
      throw e;
    }
  }

  /** Bytes per Multiple Service Packet: the session's, capped by enip.maxPacket. */
  private packetBytes(): number {
    const s = this.session;
    const session = s?.connected ? s.packetBytes : this.opts.connected && !this.noForwardOpen ? CONNECTED_PACKET : UNCONNECTED_PACKET;
    return Math.min(session, this.opts.maxPacket ?? Infinity);
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
    const smallest = Math.min(this.opts.maxPacket ?? UNCONNECTED_PACKET, UNCONNECTED_PACKET);
    for (const r of reqs) {
      if (r.mr.length + MSP_MIN_OVERHEAD > smallest || r.replyBytes + MSP_MIN_OVERHEAD > smallest) {
        throw new SluiceError("SLUICE_ERR_ADDRESS", `enip address "${r.tag}": its request (${r.mr.length} bytes) does not fit in a ${smallest}-byte packet`);
      }
    }
    const cache = new Map<number, readonly Packet[]>();
    const packets = (bytes: number) => {
      let p = cache.get(bytes);
      if (!p) cache.set(bytes, p = pack(reqs, bytes));
      return p;
    };
    const size = () => this.packetBytes();
    const plan: EnipPlan = {
      points: typed, packets, requestOf, requestCount: reqs.length,
      get requests() { return packets(size()).length; },
    };
    return plan;
  }

  async read(plan: ReadPlan): Promise<PointResult[]> {
    const p = plan as EnipPlan;
    if (typeof p.packets !== "function") throw new SluiceError("SLUICE_ERR_DRIVER", "enip: plan was not made by this driver");
    const s = this.session;
    if (!s || !s.connected) throw new SluiceError("SLUICE_ERR_DISCONNECTED", "enip: not connected");
    const packets = p.packets(this.packetBytes());
    const replies: (ServiceReply | number)[] = new Array<ServiceReply | number>(p.requestCount);
    const times: number[] = new Array<number>(p.requestCount);
    for (const packet of packets) {
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
  options: EnipOptions,
  optionErrors: () => [],
  endpointError: (endpoint) => enipEndpointError(endpoint),
  parseAddress: parseEnipAddress,
  create: (source: DriverSource): Driver => new EnipDriver(source),
};
