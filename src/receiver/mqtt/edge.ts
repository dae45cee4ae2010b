/**
 * The Sparkplug B 3.0 edge node session: bdSeq, seq, aliases, which devices are born.
 *
 *   connect attempt ──will()──▶ NDEATH {bdSeq} registered as the Will (QoS 1, not retained)
 *   online ──births()──▶ NBIRTH {bdSeq, seq 0, node metrics} ──▶ DBIRTH per live source (every tag)
 *   values ──data()──▶ DDATA per device, alias only, seq+1 mod 256 on every message after NBIRTH
 *   source down / link silent ──death()──▶ DDEATH;  back / catalogue changed ──birth()──▶ DBIRTH
 *   NCMD "Node Control/Rebirth" = true ──▶ births() again, from the store's current state
 *
 * bdSeq goes up by one per connection attempt (0..255), so an NDEATH always names the
 * NBIRTH it ends. Aliases are per node and stable for the process's life. Sparkplug
 * messages are QoS 0 and never retained (specification 4.x); only the Will is QoS 1.
 * This class builds payloads; it neither sends nor knows the broker.
 */
import type { TagType, Value } from "../../core/model.js";
import type { TagState } from "../store-api.js";
import {
  DataType, type BirthTag, type Metric, birthMetric, dataMetric, deviceTopic, encode, nodeMetric, nodeTopic,
} from "./sparkplug.js";

export interface Message {
  topic: string;
  payload: Buffer;
  /** tag values carried (for the published-values count) */
  values: number;
}

export interface NodeHealth {
  linkUp: boolean;
  framesLost: number;
  /** ms from acquisition to arrival of the newest value, or null */
  latencyMs: number | null;
  tags: number;
}

export const REBIRTH = "Node Control/Rebirth";

export class SparkplugEdge {
  bdSeq = -1;
  private seq = 0;
  private readonly aliases = new Map<string, number>();
  private nextAlias = 1;
  /** born devices: source → paths in its DBIRTH */
  private readonly born = new Map<string, Set<string>>();
  /** path → its alias, source and the DBIRTH path set that named it (one lookup per value) */
  private readonly birthOf = new Map<string, { alias: number; source: string; paths: Set<string> }>();
  private lastNode: NodeHealth | null = null;

  constructor(private readonly group: string, private readonly node: string, private readonly maxMetrics: number) {}

  /** The NDEATH to register as the Will of the next connection attempt (bumps bdSeq). */
  will(now: number): { topic: string; payload: Buffer; qos: 1; retain: false } {
    this.bdSeq = (this.bdSeq + 1) % 256;
    return { topic: nodeTopic(this.group, "NDEATH", this.node), payload: this.death(now), qos: 1, retain: false };
  }

  /** The NDEATH payload of the current bdSeq (also published by hand before a deliberate disconnect). */
  death(now: number): Buffer {
    return Buffer.from(encode({ timestamp: now, metrics: [nodeMetric("bdSeq", DataType.Int64, this.bdSeq, now)] }));
  }

  isBorn(source: string): boolean {
    return this.born.has(source);
  }

  bornDevices(): string[] {
    return [...this.born.keys()];
  }

  /** Forget the session (connection lost): the next births start at seq 0. */
  reset(): void {
    this.born.clear();
    this.seq = 0;
  }

  /** NBIRTH (seq 0): bdSeq, rebirth control and link health. */
  nodeBirth(h: NodeHealth, now: number): Message {
    this.born.clear();
    this.seq = 0;
    this.lastNode = h;
    const metrics: Metric[] = [
      nodeMetric("bdSeq", DataType.Int64, this.bdSeq, now),
      nodeMetric(REBIRTH, DataType.Boolean, false, now),
      ...this.nodeMetrics(h, now),
    ];
    return { topic: nodeTopic(this.group, "NBIRTH", this.node), payload: this.payload(metrics, now, 0), values: 0 };
  }

  /** NDATA with the node metrics that changed since the last birth or NDATA, or null. */
  nodeData(h: NodeHealth, now: number): Message | null {
    const last = this.lastNode;
    if (last && last.linkUp === h.linkUp && last.framesLost === h.framesLost && last.tags === h.tags
      && Math.abs((last.latencyMs ?? 0) - (h.latencyMs ?? 0)) < 1) return null;
    this.lastNode = h;
    return { topic: nodeTopic(this.group, "NDATA", this.node), payload: this.payload(this.nodeMetrics(h, now), now, this.next()), values: 0 };
  }

  /** DBIRTH of one source with every tag as a metric (one message, however many tags). */
  deviceBirth(source: string, tags: TagState[], now: number): Message {
    const paths = new Set<string>();
    const metrics: Metric[] = [];
    for (const s of tags) {
      paths.add(s.def.path);
      const t: BirthTag = {
        name: s.name, alias: this.alias(s.def.path), type: s.def.type, unit: s.def.unit, range: s.def.range,
        description: s.def.description, value: s.value, status: s.status, sourceTime: s.sourceTime,
      };
      metrics.push(birthMetric(t, now));
    }
    this.born.set(source, paths);
    for (const p of paths) this.birthOf.set(p, { alias: this.aliases.get(p)!, source, paths });
    return { topic: deviceTopic(this.group, "DBIRTH", this.node, source), payload: this.payload(metrics, now, this.next()), values: metrics.length };
  }

  deviceDeath(source: string, now: number): Message {
    this.born.delete(source);
    return { topic: deviceTopic(this.group, "DDEATH", this.node, source), payload: this.payload([], now, this.next()), values: 0 };
  }

  /**
   * DDATA for values of born devices (batches of at most maxMetrics), in the order given.
   * Returns the messages and how many values had no born device (not sendable).
   */
  data(rows: readonly (readonly [string, TagType, Value, number, number])[], historical: boolean, now: number): { messages: Message[]; unborn: number } {
    const bySource = new Map<string, Metric[]>();
    let unborn = 0;
    for (const [path, type, value, status, time] of rows) {
      const b = this.birthOf.get(path);
      if (b === undefined || this.born.get(b.source) !== b.paths) { unborn++; continue; }
      let list = bySource.get(b.source);
      if (!list) bySource.set(b.source, (list = []));
      list.push(dataMetric(b.alias, type, value, status, time, historical));
    }
    const messages: Message[] = [];
    for (const [source, metrics] of bySource) {
      for (let i = 0; i < metrics.length; i += this.maxMetrics) {
        const part = metrics.length <= this.maxMetrics ? metrics : metrics.slice(i, i + this.maxMetrics);
        messages.push({
          topic: deviceTopic(this.group, "DDATA", this.node, source), payload: this.payload(part, now, this.next()), values: part.length,
        });
      }
    }
    return { messages, unborn };
  }

  private nodeMetrics(h: NodeHealth, now: number): Metric[] {
    const m = [
      nodeMetric("Link/Up", DataType.Boolean, h.linkUp, now),
      nodeMetric("Link/Frames Lost", DataType.UInt64, h.framesLost, now),
      nodeMetric("Node Info/Tags", DataType.UInt32, h.tags, now),
    ];
    if (h.latencyMs !== null) m.push(nodeMetric("Link/Latency ms", DataType.Double, h.latencyMs, now));
    return m;
  }

  private alias(path: string): number {
    let a = this.aliases.get(path);
    if (a === undefined) this.aliases.set(path, (a = this.nextAlias++));
    return a;
  }

  private next(): number {
    this.seq = (this.seq + 1) % 256;
    return this.seq;
  }

  private payload(metrics: Metric[], now: number, seq: number): Buffer {
    return Buffer.from(encode({ timestamp: now, metrics, seq }));
  }
}
