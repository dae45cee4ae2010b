/**
 * The REST routes (all GET; fastify adds HEAD). Handlers only read the store view.
 *
 *   /api/v1/tags[?source=&q=&quality=&sort=&order=&offset=&limit=]
 *                                         /api/v1/sources    /healthz   /metrics
 *   /api/v1/tags/SOURCE/TAG[/history]     /api/v1/link       /readyz    /api/v1/openapi.json
 *   /api/v1/mqtt (404 unless mqtt is configured)
 */
import type { FastifyInstance } from "fastify";
import type { MqttStats } from "../mqtt/stats.js";
import type { TagStoreView } from "../store-api.js";
import { iso, linkJson, sampleJson, sourceJson, tagJson } from "../json.js";
import * as S from "./schemas.js";
import { queryTags, type TagQuery } from "./tag-query.js";
import { MAX_HISTORY_SAMPLES } from "../../config/receiver.js";

export interface RouteDeps {
  store: TagStoreView;
  /** Prometheus exposition; absent: /metrics answers 404 */
  metrics?: { contentType: string; text(): Promise<string> };
  /** values dropped by the receiver's policy, by reason */
  policyBlocked?: () => Record<string, number>;
  /** the MQTT publisher's state; absent: /api/v1/mqtt answers 404 */
  mqtt?: () => MqttStats;
}

/** An error the error handler turns into {"error":{"code","message"}} with this status. */
export class HttpError extends Error {
  constructor(readonly statusCode: number, readonly errorCode: string, message: string) {
    super(message);
  }
}

const ISO_WITH_ZONE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2}))?$/;

/** ISO 8601 with a zone (or a bare date, read as UTC), or Unix milliseconds. */
export function parseTime(text: string | undefined, name: string): number | undefined {
  if (text === undefined) return undefined;
  let ms = Number.NaN;
  if (/^-?\d{1,15}$/.test(text)) ms = Number(text);
  else if (ISO_WITH_ZONE.test(text)) ms = Date.parse(text);
  if (!Number.isFinite(ms)) {
    throw new HttpError(400, "BAD_REQUEST", `querystring/${name} must be an ISO 8601 time with a zone (e.g. 2024-05-01T12:00:00Z) or Unix milliseconds`);
  }
  return ms;
}

const tags = ["tags"];
const ops = ["operations"];
const json = (schema: object, description: string) => ({ 200: { description, ...schema }, "4xx": { $ref: "Error#" } });
/**
 * Large bodies (the tag list, history) are built field by field by json.ts, so plain
 * JSON.stringify is safe and about 4x faster than the schema serialiser with its
 * multi-type value field; the schema still documents them and validates queries.
 */
const plainJson = { serializerCompiler: () => (data: unknown) => JSON.stringify(data) };

export function registerRoutes(app: FastifyInstance, deps: RouteDeps): void {
  const { store } = deps;

  app.get<{ Querystring: TagQuery }>("/api/v1/tags", {
    ...plainJson,
    schema: {
      tags, summary: "latest value of every tag, or one filtered, sorted page of them", querystring: S.tagsQuery,
      response: json(S.tagsReply, "tags in catalogue order, or the page asked for with its total"),
    },
  }, async (req) => {
    const qs = req.query;
    if (qs.q !== undefined || qs.quality !== undefined || qs.sort !== undefined || qs.order !== undefined || qs.offset !== undefined || qs.limit !== undefined) {
      const page = queryTags(store.all(), qs);
      return { total: page.total, tags: page.tags.map(tagJson) };
    }
    const only = qs.source;
    const out = [];
    for (const s of store.all()) if (only === undefined || s.source === only) out.push(tagJson(s));
    return { tags: out };
  });

  app.get<{ Params: { source: string; tag: string } }>("/api/v1/tags/:source/:tag", {
    schema: { tags, summary: "latest value of one tag", params: S.tagParams, response: { 200: { $ref: "Tag#" }, "4xx": { $ref: "Error#" } } },
  }, async (req) => {
    const path = `${req.params.source}/${req.params.tag}`;
    const s = store.get(path);
    if (!s) throw new HttpError(404, "NOT_FOUND", `no tag ${path}`);
    return tagJson(s);
  });

  app.get<{ Params: { source: string; tag: string }; Querystring: { from?: string; to?: string; after?: string; limit?: number } }>(
    "/api/v1/tags/:source/:tag/history", {
      ...plainJson,
      schema: {
        tags, summary: "bounded history of one tag, oldest first", params: S.tagParams, querystring: S.historyQuery,
        response: json(S.historyReply, "samples with from <= sourceTime <= to"),
      },
    }, async (req) => {
      const path = `${req.params.source}/${req.params.tag}`;
      const from = parseTime(req.query.from, "from");
      const to = parseTime(req.query.to, "to");
      if (from !== undefined && to !== undefined && from > to) throw new HttpError(400, "BAD_REQUEST", "querystring/from must not be after to");
      const after = parseTime(req.query.after, "after");
      const limit = req.query.limit ?? MAX_HISTORY_SAMPLES;
      // Pages: one more than asked tells whether a next page exists; `after` skips what the last page ended with.
      const lo = after !== undefined ? Math.max(after, from ?? -Infinity) : from;
      const q = { ...(lo !== undefined ? { from: lo } : {}), ...(to !== undefined ? { to } : {}), limit: limit + 2 };
      const got = store.history(path, q);
      if (!got) throw new HttpError(404, "NOT_FOUND", `no tag ${path}`);
      const h = (after !== undefined ? got.filter((x) => x.sourceTime > after) : got).slice(0, limit + 1);
      const more = h.length > limit;
      const page = more ? h.slice(0, limit) : h;
      const type = store.get(path)?.def.type;
      return { path, samples: page.map((x) => sampleJson(x, type)), ...(more ? { next: String(page[page.length - 1]!.sourceTime) } : {}) };
    });

  app.get("/api/v1/sources", {
    schema: { tags: ops, summary: "sources as the reader reports them in heartbeats", response: json(S.sourcesReply, "sources") },
  }, async () => {
    const h = store.health();
    return {
      sources: (h?.sources ?? []).map(sourceJson),
      reader: h ? { startedAt: iso(h.startedAt), policyHash: h.policyHash } : null,
    };
  });

  app.get("/api/v1/link", {
    schema: { tags: ops, summary: "link state and counters", response: json(S.linkReply, "link") },
  }, async () => {
    const l = linkJson(store.link());
    return { ...l, policy: { ...l.policy, blocked: deps.policyBlocked?.() ?? {} } };
  });

  const mqtt = deps.mqtt;
  app.get("/api/v1/mqtt", {
    ...plainJson,
    schema: { tags: ops, summary: "MQTT publisher: connection, published, buffered, dropped (404 when mqtt is not configured)", response: json(S.mqttReply, "mqtt") },
  }, async () => {
    if (!mqtt) throw new HttpError(404, "NOT_FOUND", "mqtt is not configured on this receiver");
    const m = mqtt();
    return { ...m, lastPublishTime: iso(m.lastPublishTime) };
  });

  app.get("/healthz", {
    schema: { tags: ops, summary: "200 while the process serves", response: { 200: S.statusReply } },
  }, async () => ({ status: "ok" }));

  app.get("/readyz", {
    schema: { tags: ops, summary: "200 once the link is up and a birth has arrived, else 503", response: { 200: S.statusReply, 503: S.statusReply } },
  }, async (_req, reply) => {
    const l = store.link();
    const ready = l.up && l.birth;
    reply.code(ready ? 200 : 503);
    return { status: ready ? "ready" : "not ready", ready, up: l.up, birth: l.birth };
  });

  const metrics = deps.metrics;
  if (metrics) {
    app.get("/metrics", {
      schema: { tags: ops, summary: "Prometheus text exposition", produces: ["text/plain"] },
    }, async (_req, reply) => {
      reply.type(metrics.contentType);
      return metrics.text();
    });
  }
}
