/**
 * HistoryRead ReadRaw of one tag against the store (Part 11 §6.4.3), and the
 * continuation points every history read uses.
 *
 *   start <= end: forward, oldest first; start > end or no start: backward, newest first
 *   returnBounds: the bounding values (the sample at or just outside each end), or a
 *   BadBoundNotFound value at that end's time when there is none
 *   at most min(numValuesPerNode, the per-call limit, what the request's budget leaves):
 *   more ─▶ a continuation point
 *
 * Continuation points are stateless (the position itself, bound to the node and the
 * direction), so an abandoned one costs nothing and one stays valid while the store
 * keeps writing: a read resumes after the last time returned (skip counts samples that
 * share it), and what was merged behind that position is not repeated.
 */
import type { HistorySample, TagStoreView } from "../store-api.js";
import { SC } from "./aggregates.js";

const CP_VERSION = 2;
const CP_LENGTH = 1 + 1 + 4 + 8 + 4 + 1;

export interface Position {
  /** timestamp to resume at (inclusive) */
  t: number;
  /** samples at exactly `t` already returned */
  skip: number;
  /** the starting bound was already returned (it is only sent on the first page) */
  started: boolean;
}

/** 32-bit FNV-1a, to bind a continuation point to one node. */
function pathHash(path: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < path.length; i++) h = Math.imul(h ^ path.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** `kind` tells reads apart (0 raw forward, 1 raw backward, 2 processed, 3 at-time). */
export function encodePosition(path: string, kind: number, p: Position): Buffer {
  const b = Buffer.alloc(CP_LENGTH);
  b.writeUInt8(CP_VERSION, 0);
  b.writeUInt8(kind, 1);
  b.writeUInt32BE(pathHash(path), 2);
  b.writeDoubleBE(p.t, 6);
  b.writeUInt32BE(p.skip, 14);
  b.writeUInt8(p.started ? 1 : 0, 18);
  return b;
}

export function decodePosition(path: string, kind: number, b: Buffer): Position | null {
  if (b.length !== CP_LENGTH || b.readUInt8(0) !== CP_VERSION || b.readUInt8(1) !== kind) return null;
  if (b.readUInt32BE(2) !== pathHash(path)) return null;
  const t = b.readDoubleBE(6);
  return Number.isFinite(t) ? { t, skip: b.readUInt32BE(14), started: b.readUInt8(18) === 1 } : null;
}

export interface RawQuery {
  start: number | null;
  end: number | null;
  numValuesPerNode: number;
  returnBounds: boolean;
  continuationPoint: Buffer | null;
}

/** A sample, or a bound that was not found (value null, status BadBoundNotFound at that time). */
export type RawItem = HistorySample;

export type RawAnswer =
  | { status: "BadHistoryOperationInvalid" | "BadContinuationPointInvalid" }
  | { status: "Good" | "GoodNoData"; items: RawItem[]; continuationPoint: Buffer | null };

const notFound = (t: number): RawItem => ({ value: null, status: SC.BadBoundNotFound, sourceTime: t });

/** The newest sample strictly before t, or the oldest strictly after t. */
function neighbour(store: TagStoreView, path: string, t: number, before: boolean): HistorySample | undefined {
  const l = store.history(path, before ? { to: t, reverse: true, limit: 2 } : { from: t, limit: 2 }) ?? [];
  return l.find((s) => (before ? s.sourceTime < t : s.sourceTime > t));
}

/** One node's raw read; `budget` is how many values the request still allows (>= 1). */
export function readRaw(store: TagStoreView, path: string, q: RawQuery, perCallMax: number, budget: number): RawAnswer {
  const { start, end } = q;
  if (start === null && end === null) return { status: "BadHistoryOperationInvalid" };
  if ((start === null || end === null) && q.numValuesPerNode === 0) return { status: "BadHistoryOperationInvalid" };
  const reverse = start === null || (end !== null && start > end);
  const kind = reverse ? 1 : 0;
  let pos: Position = { t: reverse ? (start ?? end!) : start!, skip: 0, started: false };
  if (q.continuationPoint && q.continuationPoint.length > 0) {
    const p = decodePosition(path, kind, q.continuationPoint);
    if (!p) return { status: "BadContinuationPointInvalid" };
    pos = p;
  }
  const perCall = Math.max(1, Math.min(q.numValuesPerNode > 0 ? q.numValuesPerNode : Infinity, perCallMax, budget));
  const items: RawItem[] = [];
  // The bound at the start of the read (first page only): exactly at the start time is part of the data.
  const first = reverse ? start : start;
  if (q.returnBounds && !pos.started && first !== null) {
    const exact = (store.history(path, { from: first, to: first, limit: 1 }) ?? []).length > 0;
    if (!exact) items.push(neighbour(store, path, first, !reverse) ?? notFound(first));
  }
  // The data, one more than fits, to know whether more remain.
  const lowEnd = reverse ? (start === null ? end! : end!) : end;
  const want = pos.skip + perCall - items.length + 1;
  const seq = reverse
    ? store.history(path, { ...(start === null ? {} : { from: lowEnd! }), to: pos.t, reverse: true, limit: want }) ?? []
    : store.history(path, { from: pos.t, ...(lowEnd === null ? {} : { to: lowEnd }), limit: want }) ?? [];
  const room = perCall - items.length;
  const page = seq.slice(pos.skip, pos.skip + room);
  items.push(...page);
  let continuationPoint: Buffer | null = null;
  const last = page[page.length - 1];
  if (seq.length > pos.skip + room) {
    const t = last?.sourceTime ?? pos.t;
    let skip = 0;
    for (let i = 0; i < pos.skip + page.length; i++) if (seq[i]?.sourceTime === t) skip++;
    if (last === undefined) skip = pos.skip;
    continuationPoint = encodePosition(path, kind, { t, skip: last === undefined ? pos.skip : skip, started: true });
  } else if (q.returnBounds && lowEnd !== null && !(reverse && start === null)) {
    // The bound at the far end (last page only); numValuesPerNode reads without an end have none.
    const endT = reverse ? end! : end!;
    const exact = (store.history(path, { from: endT, to: endT, limit: 1 }) ?? []).length > 0;
    if (!exact) items.push(neighbour(store, path, endT, reverse) ?? notFound(endT));
  }
  return { status: items.length === 0 ? "GoodNoData" : "Good", items, continuationPoint };
}
