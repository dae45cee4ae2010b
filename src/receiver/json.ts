/**
 * How store state becomes JSON (REST, and any other JSON the receiver publishes): ISO 8601 UTC timestamps, status names and quality,
 * and 64-bit integers as numbers when they are exact in a double (|v| <= 2^53 - 1),
 * else as decimal strings, so no client silently loses precision.
 */
import { shortestFloat32 } from "../core/float32.js";
import type { SourceHealth, TagType, Value } from "../core/model.js";
import { quality, statusName } from "../core/status.js";
import type { HistorySample, LinkView, TagState } from "./store-api.js";

export type JsonValue = number | string | boolean | null;

const MAX = BigInt(Number.MAX_SAFE_INTEGER);

/** `type` float32 renders the shortest decimal of the float32 (14.369775, not 14.36977481842041). */
export function jsonValue(v: Value, type?: TagType): JsonValue {
  if (typeof v === "bigint") return v <= MAX && v >= -MAX ? Number(v) : v.toString();
  if (typeof v === "number") {
    if (!Number.isFinite(v)) return null; // not JSON; the link serves them as null with BadOutOfRange anyway
    if (type === "float32") return shortestFloat32(v);
  }
  return v;
}

/**
 * The JSON text of jsonValue(v, type) on its own, without an enclosing object for
 * JSON.stringify: what hot paths (UNS payloads, one per changed value) splice into a template.
 */
export function jsonText(v: Value, type?: TagType): string {
  const j = jsonValue(v, type);
  return typeof j === "string" ? JSON.stringify(j) : String(j);
}

/** The largest time a Date holds (+-8.64e15 ms); beyond it toISOString() throws. */
const DATE_MAX = 8.64e15;
/** Year 10000: beyond it toISOString() changes shape (+010000-...). */
const ISO_MAX = 253_402_300_800_000;
let minuteKey = Number.NaN;
let minutePrefix = "";

/**
 * ISO 8601 UTC with milliseconds, same output as Date#toISOString. Listing 100k tags
 * formats 200k times, mostly within the same minute: the "YYYY-MM-DDTHH:MM:" prefix is
 * cached, which makes it about 5x cheaper than a Date per call.
 */
export function iso(ms: number | null): string | null {
  if (ms === null) return null;
  if (!Number.isInteger(ms) || ms < 0 || ms >= ISO_MAX) {
    // The link's time window keeps such times out; never throw on one anyway.
    return Number.isFinite(ms) && Math.abs(ms) <= DATE_MAX ? new Date(ms).toISOString() : null;
  }
  const minute = Math.floor(ms / 60_000);
  if (minute !== minuteKey) {
    minuteKey = minute;
    minutePrefix = new Date(minute * 60_000).toISOString().slice(0, 17);
  }
  const rest = ms - minute * 60_000;
  const sec = Math.floor(rest / 1000);
  const milli = rest - sec * 1000;
  return `${minutePrefix}${sec < 10 ? "0" : ""}${sec}.${milli < 10 ? "00" : milli < 100 ? "0" : ""}${milli}Z`;
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
    value: jsonValue(s.value, s.def.type),
    type: s.def.type,
    unit: s.def.unit ?? null,
    quality: quality(s.status),
    status: statusName(s.status),
    sourceTime: iso(s.sourceTime),
    receiveTime: iso(s.receiveTime),
  };
}

export function sampleJson(h: HistorySample, type?: TagType): { value: JsonValue; status: string; quality: string; sourceTime: string | null } {
  return { value: jsonValue(h.value, type), status: statusName(h.status), quality: quality(h.status), sourceTime: iso(h.sourceTime) };
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

/** A source as the reader reported it in its last heartbeat. */
export function sourceJson(s: SourceHealth) {
  return {
    name: s.name, protocol: s.protocol, state: s.state, lastPollTime: iso(s.lastPollTime),
    pollErrors: s.pollsError, pollsOk: s.pollsOk, overruns: s.overruns,
    ...(s.lastError !== undefined ? { lastError: s.lastError } : {}),
  };
}
