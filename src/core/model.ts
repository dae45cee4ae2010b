/**
 * The domain model shared by every concern: tag types, values, samples, the
 * tag catalogue, frames as the link carries them (decoded), and reader health.
 * Pure types and tiny helpers; no I/O. Everything imports this; it imports nothing.
 */

export const TAG_TYPES = [
  "bool", "int16", "uint16", "int32", "uint32", "int64", "uint64", "float32", "float64", "string",
] as const;
export type TagType = (typeof TAG_TYPES)[number];

export const PROTOCOLS = ["modbus", "s7", "enip", "opcua"] as const;
export type Protocol = (typeof PROTOCOLS)[number];

/** int64/uint64 values are bigint end to end so that no precision is lost. */
export type Value = boolean | number | bigint | string | null;

/** One tag's value at one instant, as it crosses the link (by alias). */
export interface Sample {
  alias: number;
  value: Value;
  /** OPC UA StatusCode (see core/status.ts). */
  status: number;
  /** Acquisition time at the reader, ms since the Unix epoch, UTC. */
  sourceTime: number;
}

/** One entry of the tag catalogue carried by birth frames. */
export interface TagDef {
  /** Dense index 0..n-1 within one catalogue; samples refer to tags by it. */
  alias: number;
  /** SOURCE/TAG */
  path: string;
  type: TagType;
  unit?: string;
  /** Engineering range [lo, hi]; becomes the OPC UA EURange. */
  range?: [number, number];
  description?: string;
}

export type SourceState = "connecting" | "up" | "degraded" | "backoff" | "down";

export interface SourceHealth {
  name: string;
  protocol: Protocol;
  state: SourceState;
  /** ms since epoch of the last completed poll (ok or error), or null. */
  lastPollTime: number | null;
  pollsOk: number;
  pollsError: number;
  overruns: number;
  lastError?: string;
}

export interface ReaderHealth {
  /** ms since epoch when the reader process started. */
  startedAt: number;
  /** hex hash of the crossing policy in force at the reader ("allow-all" when none). */
  policyHash: string;
  sources: SourceHealth[];
  /** values blocked by the reader's policy, by reason. */
  blocked: Record<string, number>;
  /** The reader's journal of samples sent, which the history carousel re-sends. */
  journal?: JournalHealth;
}

export interface JournalHealth {
  /** Oldest source time the journal still holds (ms since epoch), null when empty. */
  from: number | null;
  /** Samples held. */
  samples: number;
  /** Bytes held (memory, or disk for a disk journal). */
  bytes: number;
  /** A disk journal failed at run time and fell back to memory. */
  degraded: boolean;
}

export type FrameBody =
  | { kind: "birth"; part: number; parts: number; tagCount: number; tags: TagDef[] }
  | { kind: "keyframe"; part: number; parts: number; samples: Sample[] }
  | { kind: "delta"; samples: Sample[] }
  | { kind: "heartbeat"; health: ReaderHealth }
  /** Every sample sent with from <= sourceTime < to is in one of the segment's parts. */
  | { kind: "history"; from: number; to: number; part: number; parts: number; samples: Sample[] };

export type FrameKind = FrameBody["kind"];

/** A frame as the link carries it, after decoding. */
export interface Frame {
  /** Reader wall-clock time when the frame was built (ms since epoch). */
  timeMs: number;
  /** 32-bit hash of the catalogue the frame refers to (see catalogHash in link). */
  catalogHash: number;
  body: FrameBody;
}

/** What the link intake hands to the receiver for each accepted frame. */
export interface FrameMeta {
  sessionId: bigint;
  seq: bigint;
  keyId: number;
  /** Receiver wall-clock time of acceptance (ms since epoch). */
  receivedAt: number;
}

export const PATH_SEGMENT = /^[A-Za-z0-9_.-]+$/;

export function tagPath(source: string, tag: string): string {
  return `${source}/${tag}`;
}

const NUMERIC_TYPES: ReadonlySet<TagType> = new Set<TagType>(["int16", "uint16", "int32", "uint32", "int64", "uint64", "float32", "float64"]);

/** Does a tag of this type carry a number (what scaling, deadbands and ranges need)? */
export function isNumericType(t: TagType): boolean {
  return NUMERIC_TYPES.has(t);
}
