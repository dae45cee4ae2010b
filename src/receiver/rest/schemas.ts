/**
 * JSON Schemas of the REST API: they validate queries, drive fast serialisation
 * (fast-json-stringify drops any field not listed, so nothing leaks by accident) and
 * become the OpenAPI document at /api/v1/openapi.json.
 */
import { MAX_HISTORY_SAMPLES } from "../../config/receiver.js";
import { TAG_TYPES } from "../../core/model.js";
import { MAX_PAGE, SORT_KEYS } from "./tag-query.js";

const time = (description: string) => ({ type: ["string", "null"], format: "date-time", description });
const segment = "^[A-Za-z0-9_.-]+$";

export const errorSchema = {
  $id: "Error",
  type: "object",
  required: ["error"],
  properties: {
    error: {
      type: "object",
      required: ["code", "message"],
      properties: {
        code: { type: "string", description: "stable code: BAD_REQUEST, NOT_FOUND, METHOD_NOT_ALLOWED, INTERNAL" },
        message: { type: "string" },
      },
    },
  },
} as const;

const value = {
  type: ["number", "string", "boolean", "null"],
  description: "null when there is no value; int64/uint64 outside +-(2^53-1) are decimal strings; NaN/Infinity are strings",
} as const;

export const tagSchema = {
  $id: "Tag",
  type: "object",
  required: ["path", "source", "name", "value", "type", "unit", "quality", "status", "sourceTime", "receiveTime"],
  properties: {
    path: { type: "string", description: "SOURCE/TAG" },
    source: { type: "string" },
    name: { type: "string" },
    value,
    type: { type: "string", enum: [...TAG_TYPES] },
    unit: { type: ["string", "null"] },
    quality: { type: "string", enum: ["good", "uncertain", "bad"], description: "severity of status" },
    status: { type: "string", description: "OPC UA StatusCode name, e.g. Good, UncertainNoCommunicationLastUsableValue" },
    sourceTime: time("acquisition time at the reader (UTC)"),
    receiveTime: time("time the receiver accepted the value (UTC)"),
  },
} as const;

export const tagsReply = {
  type: "object",
  required: ["tags"],
  properties: {
    tags: { type: "array", items: { $ref: "Tag#" } },
    total: { type: "integer", description: "tags matching q/quality/source before offset and limit (present when any of q, quality, sort, order, offset, limit is given)" },
  },
} as const;

export const tagsQuery = {
  type: "object",
  additionalProperties: false,
  properties: {
    source: { type: "string", pattern: segment, maxLength: 128, description: "only the tags of this source" },
    q: { type: "string", maxLength: 200, description: "case-insensitive substring of the path or the unit" },
    quality: { type: "string", enum: ["good", "uncertain", "bad"], description: "only tags of this quality" },
    sort: { type: "string", enum: [...SORT_KEYS], description: "sort key (default: catalogue order); ties by path" },
    order: { type: "string", enum: ["asc", "desc"], description: "sort direction (default asc)" },
    offset: { type: "integer", minimum: 0, maximum: 10_000_000, description: "skip this many matching tags" },
    limit: { type: "integer", minimum: 1, maximum: MAX_PAGE, description: `at most this many tags (default and most ${MAX_PAGE} when paging)` },
  },
} as const;

export const tagParams = {
  type: "object",
  required: ["source", "tag"],
  properties: { source: { type: "string" }, tag: { type: "string" } },
} as const;

export const historyQuery = {
  type: "object",
  additionalProperties: false,
  properties: {
    from: { type: "string", maxLength: 40, description: "inclusive; ISO 8601 with a zone (2024-05-01T12:00:00Z) or Unix ms" },
    to: { type: "string", maxLength: 40, description: "inclusive; ISO 8601 with a zone or Unix ms" },
    after: { type: "string", maxLength: 40, description: "exclusive: samples after this time (the `next` of the previous page); ISO 8601 with a zone or Unix ms" },
    limit: {
      type: "integer", minimum: 1, maximum: MAX_HISTORY_SAMPLES, default: MAX_HISTORY_SAMPLES,
      description: "at most this many samples per page, oldest first; when more remain the reply carries `next`",
    },
  },
} as const;

export const historyReply = {
  type: "object",
  required: ["path", "samples"],
  properties: {
    path: { type: "string" },
    next: { type: "string", description: "present when more samples remain: pass it as `after` for the next page (Unix ms)" },
    samples: {
      type: "array",
      items: {
        type: "object",
        required: ["value", "status", "quality", "sourceTime"],
        properties: { value, status: { type: "string" }, quality: { type: "string" }, sourceTime: time("acquisition time (UTC)") },
      },
    },
  },
} as const;

export const sourcesReply = {
  type: "object",
  required: ["sources"],
  properties: {
    sources: {
      type: "array",
      items: {
        type: "object",
        required: ["name", "protocol", "state", "lastPollTime", "pollErrors"],
        properties: {
          name: { type: "string" },
          protocol: { type: "string" },
          state: { type: "string", enum: ["connecting", "up", "degraded", "backoff", "down"] },
          lastPollTime: time("last completed poll at the reader (UTC)"),
          pollErrors: { type: "integer" },
          pollsOk: { type: "integer" },
          overruns: { type: "integer" },
          lastError: { type: "string" },
        },
      },
    },
    reader: {
      type: ["object", "null"],
      description: "reader process as reported by its last heartbeat; null before the first",
      properties: { startedAt: time("reader start (UTC)"), policyHash: { type: "string" } },
    },
  },
} as const;

const counts = { type: "object", additionalProperties: { type: "integer" } } as const;

export const linkReply = {
  type: "object",
  required: ["up", "sessionId", "lastFrameTime", "framesReceived", "framesLost", "framesRecovered", "rejected"],
  properties: {
    up: { type: "boolean", description: "frames arrived within link.timeout" },
    birth: { type: "boolean", description: "a complete tag catalogue has arrived" },
    sessionId: { type: ["string", "null"], description: "reader session (hex), changes when the reader restarts" },
    lastFrameTime: time("reader time of the last accepted frame (UTC)"),
    datagramsReceived: { type: "integer" },
    framesReceived: { type: "integer" },
    framesLost: { type: "integer", description: "missing after forward error correction" },
    framesRecovered: { type: "integer", description: "rebuilt by forward error correction" },
    sessions: { type: "integer" },
    rejected: { ...counts, description: "dropped datagrams by reason (policy: samples)" },
    policy: {
      type: "object",
      properties: {
        local: { type: "string", description: "hash of the receiver's crossing policy" },
        remote: { type: ["string", "null"], description: "hash reported by the reader's heartbeats" },
        mismatch: { type: "boolean" },
        blocked: { ...counts, description: "values dropped by the receiver's policy, by reason" },
      },
    },
  },
} as const;

export const statusReply = {
  type: "object",
  properties: { status: { type: "string" }, ready: { type: "boolean" }, up: { type: "boolean" }, birth: { type: "boolean" } },
} as const;

const count = { type: "integer", minimum: 0 };
export const mqttReply = {
  type: "object",
  required: ["broker", "connected", "live", "published", "buffered", "dropped", "lastPublishTime"],
  properties: {
    broker: { type: "string", description: "broker URL (without credentials)" },
    connected: { type: "boolean", description: "connected to the broker" },
    live: { type: "boolean", description: "values go straight to the broker (births sent, buffer replayed, primary host online)" },
    connects: count,
    lastError: { type: ["string", "null"], description: "why the last connection attempt failed" },
    published: { type: "object", properties: { messages: count, values: count, bytes: count }, description: "MQTT messages, tag values and payload bytes published" },
    lastPublishTime: { type: ["string", "null"], format: "date-time" },
    buffered: { type: "object", properties: { values: count, bytes: count }, description: "store-and-forward buffer now" },
    replayed: { ...count, description: "buffered values published after the broker returned" },
    dropped: { type: "object", properties: { buffer_full: count, coalesced: count, no_device: count }, description: "values not published, by reason" },
    commandsIgnored: { ...count, description: "inbound NCMD writes and other messages ignored" },
    rebirths: { ...count, description: "Sparkplug rebirth requests answered" },
    sparkplug: { type: ["object", "null"], description: "Sparkplug edge node: group, node, bdSeq, born devices, primary host" },
    uns: { type: ["object", "null"], description: "UNS topic template" },
  },
};
