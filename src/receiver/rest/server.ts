/**
 * The receiver's read-only HTTP(S) server (fastify): REST API, health, /metrics,
 * OpenAPI, and (registered by the caller through `extra`) the status page.
 *
 *   request ──onRequest: GET/HEAD only, else 405 + Allow──▶ auth (security.ts) ──▶ route (schemas.ts) ──▶ JSON
 *                                   errors ──▶ {"error":{"code","message"}} (never a stack)
 *
 * With `tls` it serves HTTPS only (a plain-HTTP client gets no answer); with `tls.ca`
 * every client must present a certificate that CA signed.
 *
 * Read-only by construction: the only routes are GETs (HEAD is derived by fastify) and
 * every other method, on any path, known or not, is answered 405 before routing or body
 * parsing. Responses are serialised through their schemas, so only listed fields leave.
 */
import { fastify, LogController, type FastifyBaseLogger, type FastifyError, type FastifyInstance } from "fastify";
import swagger from "@fastify/swagger";
import type { Logger } from "../../core/log.js";
import { HttpError, registerRoutes, type RouteDeps } from "./routes.js";
import { errorSchema, tagSchema } from "./schemas.js";
import { registerAuth, type RestAuth } from "./security.js";

/** PEM contents for HTTPS; with `ca`, clients must present a certificate it signed. */
export interface RestTls {
  cert: Buffer;
  key: Buffer;
  ca?: Buffer;
}

export interface RestOptions extends RouteDeps {
  logger: Logger;
  /** counts each answered request (route template, status) */
  observe?: (route: string, code: number) => void;
  version?: string;
  tls?: RestTls;
  /** credentials per route group; absent or without users and tokens: open */
  auth?: RestAuth;
  /** extra routes registered after auth (the status page) */
  extra?: (app: FastifyInstance) => void | Promise<void>;
}

const ALLOW = "GET, HEAD";

function errorBody(code: string, message: string) {
  return { error: { code, message } };
}

const CODES: Record<number, string> = { 400: "BAD_REQUEST", 401: "UNAUTHORIZED", 429: "TOO_MANY_REQUESTS", 404: "NOT_FOUND", 405: "METHOD_NOT_ALLOWED", 413: "PAYLOAD_TOO_LARGE", 414: "URI_TOO_LONG", 415: "UNSUPPORTED_MEDIA_TYPE" };

export async function buildRestServer(opts: RestOptions): Promise<FastifyInstance> {
  const log = opts.logger.child({ component: "rest" });
  // With `https` fastify types the instance as an https server; the routes do not care which.
  const app = fastify({
    loggerInstance: log as FastifyBaseLogger,
    logController: new LogController({ disableRequestLogging: true }),
    ...(opts.tls ? { https: { cert: opts.tls.cert, key: opts.tls.key, ...(opts.tls.ca ? { ca: opts.tls.ca, requestCert: true, rejectUnauthorized: true } : {}) } } : {}),
    bodyLimit: 1024,
    return503OnClosing: true,
    forceCloseConnections: true,
    requestTimeout: 30_000,
    ajv: { customOptions: { removeAdditional: false, coerceTypes: true, allErrors: false } },
  });

  app.addSchema(errorSchema);
  app.addSchema(tagSchema);
  await app.register(swagger, {
    openapi: {
      info: {
        title: "sluice receiver REST API",
        version: opts.version ?? "1",
        description: "Read-only view of the tags relayed from the control network. GET and HEAD only; timestamps are ISO 8601 UTC.",
      },
      tags: [{ name: "tags", description: "tag values and history" }, { name: "operations", description: "link, sources, health, metrics" }],
    },
    refResolver: { buildLocalReference: (json, _base, _frag, i) => String(json.$id ?? `def-${i}`) },
  });

  app.addHook("onRequest", async (req, reply) => {
    if (req.method !== "GET" && req.method !== "HEAD") {
      reply.code(405).header("allow", ALLOW).send(errorBody("METHOD_NOT_ALLOWED", `${req.method} is not allowed: this API is read-only (GET, HEAD)`));
      return reply;
    }
    return undefined;
  });
  app.addHook("onSend", async (_req, reply, payload) => {
    reply.header("cache-control", "no-store").header("x-content-type-options", "nosniff");
    return payload;
  });
  const observe = opts.observe;
  if (observe) {
    app.addHook("onResponse", async (req, reply) => {
      observe(req.routeOptions.url ?? "unmatched", reply.statusCode);
    });
  }

  app.setNotFoundHandler(async (req, reply) => {
    reply.code(404);
    return errorBody("NOT_FOUND", `no resource at ${req.method} ${req.url.split("?")[0]}`);
  });
  app.setErrorHandler(async (err: FastifyError | HttpError, req, reply) => {
    if (err instanceof HttpError) {
      reply.code(err.statusCode);
      return errorBody(err.errorCode, err.message);
    }
    if ((err as FastifyError).validation) {
      reply.code(400);
      return errorBody("BAD_REQUEST", err.message);
    }
    const status = (err as FastifyError).statusCode ?? 500;
    if (status >= 400 && status < 500) {
      reply.code(status);
      return errorBody(CODES[status] ?? "BAD_REQUEST", err.message);
    }
    req.log.error({ err, url: req.url }, "REST handler failed");
    reply.code(500);
    return errorBody("INTERNAL", "internal error");
  });

  if (opts.auth) await registerAuth(app, opts.auth);
  registerRoutes(app, opts);
  await opts.extra?.(app);
  app.get("/api/v1/openapi.json", { schema: { hide: true } }, async () => app.swagger());
  return app;
}

/** Build and listen; resolves with the base URL (http://HOST:PORT). */
export async function startRestServer(opts: RestOptions & { host: string; port: number }): Promise<{ app: FastifyInstance; url: string }> {
  const app = await buildRestServer(opts);
  await app.listen({ host: opts.host, port: opts.port });
  const addr = app.server.address();
  if (addr === null || typeof addr === "string") throw new Error("REST server has no TCP address");
  const host = addr.family === "IPv6" ? `[${addr.address}]` : addr.address;
  return { app, url: `${opts.tls ? "https" : "http"}://${host}:${addr.port}` };
}
