/**
 * How store state becomes JSON: ISO 8601 UTC timestamps, status names and quality,
 * and 64-bit integers as numbers when they are exact in a double (|v| <= 2^53 - 1),
 * else as decimal strings, so no client silently loses precision.
 */
import type { Value } from "../../core/model.js";
import { quality, statusName } from "../../core/status.js";
import type { HistorySample, LinkView, TagState } from "../store-api.js";

export type JsonValue = number | string | boolean | null;

const MAX = BigInt(Number.MAX_SAFE_INTEGER);

export function jsonValue(v: Value): JsonValue {
  if (typeof v === "bigint") return v <= MAX && v >= -MAX ? Number(v) : v.toString();
  if (typeof v === "number" && !Number.isFinite(v)) return String(v); // NaN/Infinity are not JSON
  return v;
}

export function iso(ms: number | null): string | null {
  return ms === null ? null : new Date(ms).toISOString();
}

export interface TagJson {
  path: string;
  source: string;
  name: string;
  value: JsonValue;
  type: string;
  unit: string | null;
  quality: string;
  status: string;
  sourceTime: string | null;
  receiveTime: string | null;
}

export function tagJson(s: TagState): TagJson {
  return {
    path: s.def.path,
    source: s.source,
    name: s.name,
    value: jsonValue(s.value),
    type: s.def.type,
    unit: s.def.unit ?? null,
    quality: quality(s.status),
    status: statusName(s.status),
    sourceTime: iso(s.sourceTime),
    receiveTime: iso(s.receiveTime),
  };
}

export function sampleJson(h: HistorySample): { value: JsonValue; status: string; quality: string; sourceTime: string | null } {
  return { value: jsonValue(h.value), status: statusName(h.status), quality: quality(h.status), sourceTime: iso(h.sourceTime) };
}

export function linkJson(l: LinkView) {
  return {
    up: l.up,
    birth: l.birth,
    sessionId: l.sessionId,
    lastFrameTime: iso(l.lastFrameTime),
    datagramsReceived: l.datagramsReceived,
    framesReceived: l.framesReceived,
    framesLost: l.framesLost,
    framesRecovered: l.framesRecovered,
    sessions: l.sessions,
    rejected: l.rejected,
    policy: l.policy,
  };
}
