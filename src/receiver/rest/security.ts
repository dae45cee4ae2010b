/**
 * Who may read the REST listener: HTTP Basic users (scrypt hashes) and bearer tokens
 * (read from files), chosen per route group, with failed logins counted and limited.
 *
 *   request ─405 hook─▶ group (api | page | metrics | open) ─▶ access "open"? ─▶ route
 *                                                   │ else
 *            Authorization: Bearer ─▶ @fastify/bearer-auth (constant-time compare)
 *            Authorization: Basic  ─▶ @fastify/basic-auth ─▶ success cache? ─▶ scrypt (thread pool)
 *            neither               ─▶ 401 + WWW-Authenticate
 *
 * Failed password or token checks are counted (`onFailure`) and rate-limited per client
 * address with @fastify/rate-limit: past `loginAttempts` failures a minute, the address
 * gets 429 without a password check, so guessing costs neither CPU nor gets anywhere.
 * A verified Basic header is remembered (by its SHA-256, for CACHE_MS) so a browser,
 * which repeats it on every request, does not pay scrypt each time. Tokens, passwords and
 * their hashes are never logged: only user and token names are.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { isAbsolute, resolve } from "node:path";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import basicAuth from "@fastify/basic-auth";
import bearerAuth from "@fastify/bearer-auth";
import rateLimit from "@fastify/rate-limit";
import type { Access } from "../../config/receiver-rest.js";
import { configError } from "../../config/load.js";
import { DUMMY_HASH, verifyPasswordAsync } from "../../core/password.js";
import { HttpError } from "./routes.js";

export type FailureReason = "password" | "token" | "limited";

export interface RestAuth {
  users: readonly { name: string; passwordHash: string }[];
  tokens: readonly { name: string; token: string }[];
  access: Readonly<Record<"api" | "page" | "metrics", Access>>;
  /** failed logins per client address per minute before 429 */
  loginAttempts: number;
  onFailure?: (reason: FailureReason) => void;
}

/** Tokens shorter than this are refused at start: a guessable token is no authentication. */
export const MIN_TOKEN_LENGTH = 32;
const CACHE_MS = 5 * 60_000;
const CACHE_MAX = 1000;

/** Read each token file (first line, trimmed). Errors name the field, never the content. */
export function readTokens(file: string, baseDir: string, tokens: readonly { name: string; file: string }[]): RestAuth["tokens"] {
  return tokens.map((t, i) => {
    let text: string;
    try {
      text = readFileSync(isAbsolute(t.file) ? t.file : resolve(baseDir, t.file), "utf8");
    } catch (e) {
      throw configError(file, `rest.tokens[${i}].file`, `cannot read ${t.file}: ${(e as NodeJS.ErrnoException).code ?? "error"}`);
    }
    const token = (text.split(/\r?\n/)[0] ?? "").trim();
    if (token.length < MIN_TOKEN_LENGTH || /\s/.test(token)) {
      throw configError(file, `rest.tokens[${i}].file`, `${t.file} must hold one token of at least ${MIN_TOKEN_LENGTH} characters without spaces (e.g. openssl rand -hex 32)`);
    }
    return { name: t.name, token };
  });
}

/** Route group of a URL: what `rest.access` decides for it. */
export function groupOf(url: string): "api" | "page" | "metrics" | "open" {
  const path = url.split("?")[0] ?? "";
  if (path === "/healthz" || path === "/readyz") return "open";
  if (path === "/metrics") return "metrics";
  if (path.startsWith("/api/")) return "api";
  return "page";
}

function challenge(a: Access): string {
  return a === "tokens" ? 'Bearer realm="sluice"' : 'Basic realm="sluice", charset="UTF-8"';
}

export async function registerAuth(app: FastifyInstance, auth: RestAuth): Promise<void> {
  const hasCreds = auth.users.length > 0 || auth.tokens.length > 0;
  if (!hasCreds) return;
  const fail = auth.onFailure ?? (() => undefined);
  await app.register(rateLimit, { global: false });
  const limiter = app.createRateLimit({ max: auth.loginAttempts, timeWindow: 60_000 });
  const users = new Map(auth.users.map((u) => [u.name, u.passwordHash]));
  const verified = new Map<string, number>();

  const limited = async (req: FastifyRequest): Promise<boolean> => {
    const r = await limiter(req, { increment: false });
    return !r.isAllowed && r.remaining <= 0;
  };
  const failed = async (req: FastifyRequest, reason: FailureReason): Promise<void> => {
    fail(reason);
    await limiter(req);
  };

  await app.register(basicAuth, {
    authenticate: { realm: "sluice" },
    async validate(user: string, password: string, req: FastifyRequest) {
      const key = createHash("sha256").update(req.headers.authorization ?? "").digest("base64");
      const until = verified.get(key);
      if (until !== undefined && until > Date.now()) return;
      if (await limited(req)) { fail("limited"); throw new HttpError(429, "TOO_MANY_REQUESTS", "too many failed logins from this address: try again in a minute"); }
      const ok = await verifyPasswordAsync(password, users.get(user) ?? DUMMY_HASH);
      if (!ok) {
        await failed(req, "password");
        req.log.info({ user: user.slice(0, 64), ip: req.ip }, "REST login failed");
        throw new HttpError(401, "UNAUTHORIZED", "wrong user name or password");
      }
      if (verified.size >= CACHE_MAX) verified.clear();
      verified.set(key, Date.now() + CACHE_MS);
    },
  });
  await app.register(bearerAuth, { keys: auth.tokens.map((t) => t.token), addHook: false, verifyErrorLogLevel: "debug" });

  const viaPlugin = (fn: (req: FastifyRequest, reply: FastifyReply, done: (err?: Error) => void) => void, req: FastifyRequest, reply: FastifyReply) =>
    new Promise<Error | undefined>((done) => { fn(req, reply, done); });

  app.addHook("onRequest", async (req, reply) => {
    const group = groupOf(req.url);
    if (group === "open") return;
    const a = auth.access[group];
    if (a === "open") return;
    const header = req.headers.authorization ?? "";
    const scheme = header.slice(0, header.indexOf(" ")).toLowerCase();
    if (scheme === "bearer" && a !== "users" && auth.tokens.length > 0) {
      if (await limited(req)) { fail("limited"); throw new HttpError(429, "TOO_MANY_REQUESTS", "too many failed logins from this address: try again in a minute"); }
      const err = await viaPlugin(app.verifyBearerAuth!, req, reply);
      if (!err) return;
      await failed(req, "token");
      reply.header("www-authenticate", 'Bearer realm="sluice", error="invalid_token"');
      throw new HttpError(401, "UNAUTHORIZED", "invalid bearer token");
    }
    if (scheme === "basic" && a !== "tokens" && auth.users.length > 0) {
      const err = await viaPlugin(app.basicAuth, req, reply);
      if (!err) return;
      throw err instanceof HttpError ? err : new HttpError(401, "UNAUTHORIZED", "malformed Basic credentials");
    }
    reply.header("www-authenticate", challenge(a === "any" && auth.users.length === 0 ? "tokens" : a));
    throw new HttpError(401, "UNAUTHORIZED", `credentials required: ${a === "tokens" ? "a bearer token" : a === "users" ? "user name and password" : "user name and password, or a bearer token"}`);
  });
}
