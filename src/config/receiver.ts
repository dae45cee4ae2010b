/**
 * The receiver config file: one schema, defaults in it, unknown keys rejected.
 *
 *   receiver.yaml ──loadFile (YAML, ajv, defaults, freeze)──▶ cross-field checks ──▶ ReceiverConfig
 *
 * Sections owned elsewhere are composed in as they are: link (src/config/link.ts) and
 * opcua (src/config/receiver-opcua.ts, plus `enabled` here). `sluice check` calls
 * checkReceiverFile, which also validates the policy file the config names.
 */
import { dirname, isAbsolute, resolve } from "node:path";
import { Type, type Static } from "@sinclair/typebox";
import { parseByteSize } from "../core/bytesize.js";
import { parseDuration } from "../core/duration.js";
import { checkPasswordHash } from "../core/password.js";
import { LOG_LEVELS, PolicyRef, Strict, StringEnum, splitHostPort } from "./common.js";
import { ReceiverLink } from "./link.js";
import { configError, loadFile } from "./load.js";
import { PolicyFile } from "./policy.js";
import { ReceiverHistory } from "./receiver-history.js";
import { ReceiverOpcua } from "./receiver-opcua.js";
import { checkRest, ReceiverRest } from "./receiver-rest.js";

export { ReceiverRest };

export { MAX_HISTORY_SAMPLES, ReceiverHistory } from "./receiver-history.js";

export const MAX_TAGS = 1_000_000;

const Section = <T extends Parameters<typeof Type.Object>[0]>(props: T, description: string) =>
  Type.Object(props, { additionalProperties: false, default: {}, description });

export const ReceiverOpcuaSection = Section({
  enabled: Type.Boolean({ default: true, description: "serve the read-only OPC UA server" }),
  ...ReceiverOpcua.properties,
}, ReceiverOpcua.description ?? "read-only OPC UA server");


export const ReceiverLimits = Section({
  tags: Type.Integer({
    minimum: 1, maximum: MAX_TAGS, default: 200_000,
    description: "most tags accepted from the reader's catalogue; extra tags are ignored and logged",
  }),
}, "caps that keep memory bounded whatever the link carries");

export const ReceiverLog = Section({
  level: Type.Optional(StringEnum(LOG_LEVELS, "log level (default: SLUICE_LOG_LEVEL, else info)")),
}, "logging");

export const ReceiverConfig = Strict({
  link: ReceiverLink,
  policy: PolicyRef,
  rest: ReceiverRest,
  opcua: ReceiverOpcuaSection,
  history: ReceiverHistory,
  limits: ReceiverLimits,
  log: ReceiverLog,
}, "sluice receiver (DMZ side)");

export type ReceiverConfig = Static<typeof ReceiverConfig>;

/**
 * Link silence limits in ms, as the store counts them from the last frame: Uncertain
 * after link.timeout, Bad once the link has been down for link.stale more (defaults
 * 3 s and 10 s: Bad after 13 s of silence).
 */
export function linkTimes(link: ReceiverConfig["link"]): { timeoutMs: number; staleMs: number } {
  const timeoutMs = parseDuration(link.timeout);
  return { timeoutMs, staleMs: timeoutMs + parseDuration(link.stale) };
}

/** Split "host:port" / "[v6]:port" into a host (brackets removed) and a port. */
/** Load and validate a receiver file: frozen config, or SLUICE_ERR_CONFIG naming the field. */
export function loadReceiverConfig(file: string): Readonly<ReceiverConfig> {
  const cfg = loadFile(ReceiverConfig, file);
  for (const [path, value] of [["rest.listen", cfg.rest.listen], ["link.listen", cfg.link.listen]] as const) {
    try { splitHostPort(value); } catch { throw configError(file, path, "port must be 0-65535"); }
  }
  for (const [section, users] of [["opcua", cfg.opcua.users], ["rest", cfg.rest.users]] as const) {
    users.forEach((u, i) => {
      const why = checkPasswordHash(u.passwordHash);
      if (why) throw configError(file, `${section}.users[${i}].passwordHash`, why);
    });
  }
  checkRest(file, cfg.rest, splitHostPort(cfg.rest.listen).host);
  if (parseByteSize(cfg.history.maxBytes) < 1024 * 1024) throw configError(file, "history.maxBytes", "must be at least 1MiB");
  if (parseDuration(cfg.history.retain) < 60_000) throw configError(file, "history.retain", "must be at least 1m");
  return cfg;
}

/**
 * For `sluice check`: the config must load, and the policy file it names must exist and
 * match the policy schema (glob syntax is compiled by the policy module at start).
 */
export function checkReceiverFile(file: string): Readonly<ReceiverConfig> {
  const cfg = loadReceiverConfig(file);
  if (cfg.policy !== "allow-all") loadFile(PolicyFile, isAbsolute(cfg.policy) ? cfg.policy : resolve(dirname(resolve(file)), cfg.policy));
  return cfg;
}
