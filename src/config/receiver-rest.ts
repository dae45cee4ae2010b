/**
 * The `rest:` section of the receiver config: the read-only HTTP listener (REST API,
 * status page at /, /metrics). Open on loopback by default; anywhere else it needs TLS
 * and credentials, or the explicit `insecure: true` opt-out (checked in
 * src/receiver/rest/security.ts, like OPC UA's security None).
 */
import { Type, type Static } from "@sinclair/typebox";
import { HostPort, Name, StringEnum, Strict } from "./common.js";
import { configError } from "./load.js";
import { PASSWORD_HASH_PATTERN } from "./receiver-opcua.js";

export const ACCESS = ["any", "users", "tokens", "open"] as const;
export type Access = (typeof ACCESS)[number];

const access = (what: string) => StringEnum(ACCESS, `who may read ${what}: "any" (a user or a token), "users", "tokens", ` +
  `or "open" (no credentials; on loopback, or with insecure)`, "any");

const User = Strict({
  name: Name("user name given in HTTP Basic authentication"),
  passwordHash: Type.String({
    pattern: PASSWORD_HASH_PATTERN,
    description: "scrypt hash of the password (scrypt$N$r$p$salt$hash), from `sluice hash-password`; never the password itself",
  }),
}, "a username/password identity (HTTP Basic)");

const Token = Strict({
  name: Name("name of the token, shown in logs instead of the token"),
  file: Type.String({
    minLength: 1,
    description: "file (relative to this file) holding the bearer token on its first line, at least 32 characters; " +
      "keep it readable by the service user only",
  }),
}, "a bearer token (Authorization: Bearer ...), e.g. for Prometheus");

export const ReceiverRest = Type.Object({
  enabled: Type.Boolean({ default: true, description: "serve the read-only REST API, the status page, /healthz, /readyz and /metrics" }),
  listen: Type.String({
    ...HostPort("TCP address of the REST API, the status page and /metrics; port 0 picks a free port"),
    default: "127.0.0.1:8080",
  }),
  tls: Type.Optional(Strict({
    cert: Type.String({ minLength: 1, description: "server certificate chain, PEM (relative to this file)" }),
    key: Type.String({ minLength: 1, description: "private key of `cert`, PEM (relative to this file)" }),
    clientCa: Type.Optional(Type.String({
      minLength: 1,
      description: "CA certificates, PEM: when set, every client must present a certificate they signed (mutual TLS)",
    })),
  }, "serve HTTPS instead of HTTP")),
  users: Type.Array(User, { default: [], description: "HTTP Basic identities; passwords are checked against scrypt hashes" }),
  tokens: Type.Array(Token, { default: [], description: "bearer tokens, each read from its own file at start" }),
  access: Type.Object({
    api: access("/api/v1/*"),
    page: access("the status page (/, /ui/*); it reads /api/v1/*, so its users need api access too"),
    metrics: access("/metrics"),
  }, { additionalProperties: false, default: {}, description: "credentials accepted per route group once users or tokens are configured (/healthz and /readyz are always open)" }),
  loginAttempts: Type.Integer({
    minimum: 1, maximum: 10_000, default: 10,
    description: "failed logins (password or token) allowed per client address per minute; beyond it answers are 429 until the minute is over",
  }),
  insecure: Type.Boolean({
    default: false,
    description: "allow listening beyond loopback without TLS or without authentication (labs only; logged as a warning)",
  }),
}, { additionalProperties: false, default: {}, description: "read-only REST API (GET and HEAD only), status page and Prometheus /metrics" });

type Rest = Static<typeof ReceiverRest>;

/** 127.0.0.0/8, ::1 and localhost: only this machine can connect. */
export function isLoopback(host: string): boolean {
  return host === "localhost" || host === "::1" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/**
 * Cross-field rules of the section: an access choice must name credentials that exist,
 * and a listener beyond loopback needs TLS and credentials on every route group, unless
 * `insecure` says otherwise. Returns what the opt-out allowed, for the start-up warning.
 */
export function checkRest(file: string, rest: Rest, host: string): { exposed: string[] } {
  const hasCreds = rest.users.length > 0 || rest.tokens.length > 0;
  for (const [group, a] of Object.entries(rest.access) as [string, Access][]) {
    if (!hasCreds) break;
    if (a === "users" && rest.users.length === 0) throw configError(file, `rest.access.${group}`, '"users" needs at least one entry in rest.users');
    if (a === "tokens" && rest.tokens.length === 0) throw configError(file, `rest.access.${group}`, '"tokens" needs at least one entry in rest.tokens');
  }
  const names = new Set<string>();
  for (const [i, x] of [...rest.users, ...rest.tokens].entries()) {
    if (names.has(x.name)) throw configError(file, i < rest.users.length ? `rest.users[${i}].name` : `rest.tokens[${i - rest.users.length}].name`, `${JSON.stringify(x.name)} is used twice`);
    names.add(x.name);
  }
  if (isLoopback(host)) return { exposed: [] };
  const exposed: string[] = [];
  if (!rest.tls) exposed.push("no TLS (rest.tls)");
  if (!hasCreds) exposed.push("no authentication (rest.users, rest.tokens)");
  else for (const [group, a] of Object.entries(rest.access)) if (a === "open") exposed.push(`rest.access.${group} is open`);
  if (exposed.length > 0 && !rest.insecure) {
    throw configError(file, "rest.listen", `${host} is beyond loopback with ${exposed.join(", ")}: configure them, ` +
      "listen on 127.0.0.1, or set rest.insecure: true (labs only)");
  }
  return { exposed };
}
