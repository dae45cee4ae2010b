/**
 * The operator's status page on the REST listener: read-only, GET only, no external
 * resources (its HTML, JS and CSS are in ui/ of the package, uPlot is served from the
 * installed package), no build step.
 *
 *   GET /                      ui/index.html (strict Content-Security-Policy: self only)
 *   GET /ui/*                  ui/ (page.js, page.css, ...)      GET /ui/vendor/*  uPlot
 *   GET /api/v1/events         server-sent events: "status" (link, sources, tag counts) every
 *                              second and at once when a reader heartbeat arrives
 *   GET /api/v1/link/history   the last hour of link health (link-ring.ts)
 *   GET /api/v1/sparklines?paths=A,B&points=N   recent numeric history per tag, for the table
 *
 * The tag table itself pages through GET /api/v1/tags?q=&sort=&offset=&limit= (routes.ts),
 * so 100,000 tags never reach the browser at once. One status is built per tick and
 * shared by every open page; at most MAX_STREAMS event streams are served at a time.
 */
import type { EventEmitter } from "node:events";
import { createRequire } from "node:module";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import type { FastifyInstance, FastifyReply } from "fastify";
import fastifyStatic from "@fastify/static";
import { quality } from "../../core/status.js";
import { jsonValue, linkJson, sourceJson } from "../json.js";
import type { TagStoreView } from "../store-api.js";
import { HttpError } from "../rest/routes.js";
import { LinkRing } from "./link-ring.js";

export interface PageDeps {
  store: TagStoreView;
  /** the link intake, for latency per frame */
  link?: EventEmitter;
  /** receiver's own policy drops, by reason */
  policyBlocked?: () => Record<string, number>;
  /** status period, ms (default 1000) */
  tickMs?: number;
}

export const UI_DIR = fileURLToPath(new URL("../../../ui/", import.meta.url));
const UPLOT_DIR = dirname(createRequire(import.meta.url).resolve("uplot"));
const MAX_STREAMS = 64;
const MAX_SPARK_PATHS = 200;
const SPARK_WINDOW_MS = 10 * 60_000;
const CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
  "font-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

function pageHeaders(reply: FastifyReply): void {
  reply.header("content-security-policy", CSP).header("referrer-policy", "no-referrer").header("x-frame-options", "DENY");
}

export async function registerPage(app: FastifyInstance, deps: PageDeps): Promise<void> {
  const { store } = deps;
  const ring = new LinkRing(() => store.link(), deps.link);
  const streams = new Set<FastifyReply>();
  let latest = "";
  const build = (): string => {
    const counts = { good: 0, uncertain: 0, bad: 0 };
    for (const s of store.all()) counts[quality(s.status)]++;
    const h = store.health();
    return JSON.stringify({
      time: new Date().toISOString(),
      link: { ...linkJson(store.link()), latencyMs: ring.latencyMs(), blocked: deps.policyBlocked?.() ?? {} },
      sources: (h?.sources ?? []).map(sourceJson),
      tags: { total: store.size, ...counts },
    });
  };
  const broadcast = (): void => {
    if (streams.size === 0) return;
    latest = build();
    for (const r of streams) r.raw.write(`event: status\ndata: ${latest}\n\n`);
  };
  const timer = setInterval(broadcast, deps.tickMs ?? 1000);
  timer.unref();
  store.on("health", broadcast);
  app.addHook("onClose", async () => {
    clearInterval(timer);
    store.off("health", broadcast);
    ring.close();
    for (const r of streams) r.raw.end();
  });

  await app.register(fastifyStatic, {
    root: UI_DIR, prefix: "/ui/", index: false, wildcard: false, serveDotFiles: false, cacheControl: false,
    setHeaders: (reply) => { reply.header("content-security-policy", CSP); },
  });
  await app.register(fastifyStatic, {
    root: UPLOT_DIR, prefix: "/ui/vendor/", decorateReply: false, index: false, wildcard: false, cacheControl: false,
    allowedPath: (path) => path === "/uPlot.esm.js" || path === "/uPlot.min.css",
  });

  app.get("/", { schema: { hide: true } }, async (_req, reply) => {
    pageHeaders(reply);
    return reply.sendFile("index.html");
  });

  app.get("/api/v1/events", {
    schema: { tags: ["operations"], summary: "server-sent events for the status page: `status` with link, sources and tag counts, every second", produces: ["text/event-stream"] },
  }, async (req, reply) => {
    if (streams.size >= MAX_STREAMS) throw new HttpError(503, "BUSY", `at most ${MAX_STREAMS} event streams at a time`);
    reply.hijack();
    reply.raw.writeHead(200, {
      "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-store", "x-content-type-options": "nosniff",
      connection: "keep-alive",
    });
    reply.raw.write(`retry: 2000\nevent: status\ndata: ${latest || build()}\n\n`);
    streams.add(reply);
    req.raw.on("close", () => { streams.delete(reply); });
  });

  app.get("/api/v1/link/history", {
    schema: { tags: ["operations"], summary: "link health of the last hour, one point per step (frames, lost, recovered, rejected, mean latency)" },
  }, async () => ({ stepMs: ring.step, points: ring.series() }));

  app.get<{ Querystring: { paths: string; points?: number } }>("/api/v1/sparklines", {
    schema: {
      tags: ["tags"], summary: "recent numeric history (last 10 minutes) of up to 200 tags, for sparklines",
      querystring: {
        type: "object", additionalProperties: false, required: ["paths"],
        properties: {
          paths: { type: "string", maxLength: 60_000, description: "comma-separated tag paths (SOURCE/TAG)" },
          points: { type: "integer", minimum: 2, maximum: 500, description: "most points per tag (default 60)" },
        },
      },
    },
  }, async (req) => {
    const paths = req.query.paths.split(",").filter((p) => p.length > 0);
    if (paths.length > MAX_SPARK_PATHS) throw new HttpError(400, "BAD_REQUEST", `querystring/paths: at most ${MAX_SPARK_PATHS} paths`);
    const points = req.query.points ?? 60;
    const from = Date.now() - SPARK_WINDOW_MS;
    const out: Record<string, [number, number][]> = {};
    for (const path of paths) {
      const type = store.get(path)?.def.type;
      const h = store.history(path, { from });
      if (!h || type === undefined) continue;
      const step = Math.max(1, Math.ceil(h.length / points));
      const series: [number, number][] = [];
      // newest sample always included; older ones every `step`
      const back = h.length - 1 - step * (points - 1);
      for (let i = back >= 0 ? back : (h.length - 1) % step; i < h.length; i += step) {
        const x = h[i]!;
        const v = jsonValue(x.value, type);
        const n = typeof v === "boolean" ? Number(v) : v;
        if (typeof n === "number") series.push([x.sourceTime, n]);
      }
      out[path] = series;
    }
    return { sparklines: out };
  });
}
