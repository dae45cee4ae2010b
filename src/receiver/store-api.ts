/**
 * What the receiver's serving adapters (OPC UA, REST, metrics) see of the tag
 * store. The store (store.ts) implements it; adapters depend on this file only,
 * so they can be tested against any implementation and never mutate state.
 */
import type { EventEmitter } from "node:events";
import type { ReaderHealth, TagDef, Value } from "../core/model.js";

export interface TagState {
  readonly def: Readonly<TagDef>;
  /** SOURCE and TAG parts of def.path */
  readonly source: string;
  readonly name: string;
  readonly value: Value;
  /** OPC UA StatusCode per the quality model */
  readonly status: number;
  /** ms since epoch; null before the first value */
  readonly sourceTime: number | null;
  readonly receiveTime: number | null;
}

/**
 * Why the store dropped a sample (sluice_receiver_samples_dropped_total{reason}):
 * policy (denied tag, or a value the policy drops), malformed (not of the tag's type),
 * older (older than the value held, same reader session), unknown (alias not in the
 * catalogue the store accepted).
 */
export const DROP_REASONS = ["policy", "malformed", "older", "unknown"] as const;
export type DropReason = (typeof DROP_REASONS)[number];

export interface HistorySample {
  readonly value: Value;
  readonly status: number;
  readonly sourceTime: number;
}

export interface HistoryQuery {
  /** inclusive, ms since epoch */
  from?: number;
  /** inclusive, ms since epoch */
  to?: number;
  /** at most this many samples, oldest first (newest first with reverse) */
  limit?: number;
  /** newest first, from `to` back to `from` */
  reverse?: boolean;
}

export interface LinkView {
  up: boolean;
  sessionId: string | null;
  lastFrameTime: number | null;
  datagramsReceived: number;
  framesReceived: number;
  framesLost: number;
  framesRecovered: number;
  sessions: number;
  rejected: Record<string, number>;
  /** policy hash at the reader (from heartbeats) and here, and whether they differ */
  policy: { local: string; remote: string | null; mismatch: boolean };
  /** true once a complete birth (catalogue) has arrived in this session */
  birth: boolean;
}

/**
 * Events:
 *  - "catalog" (added: TagState[], removed: string[] (paths), changed: TagState[])
 *  - "update"  (states: TagState[])   values or statuses changed (one batch per applied frame or quality sweep)
 *  - "health"  (health: ReaderHealth)
 *  - "backfill" (batch: { tag: TagState; samples: HistorySample[] }[])   samples newly merged into
 *               history from the reader's history carousel (not live), oldest first per tag
 */
export interface TagStoreView extends EventEmitter {
  readonly size: number;
  all(): Iterable<TagState>;
  get(path: string): TagState | undefined;
  history(path: string, q: HistoryQuery): HistorySample[] | undefined;
  /** history depth per tag (0 = history off) */
  readonly historyDepth: number;
  health(): ReaderHealth | null;
  link(): LinkView;
}
