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
import { parseSize } from "../core/size.js";
import { parseDuration } from "../core/duration.js";
import { checkPasswordHash } from "../core/password.js";
import { isSluiceError } from "../core/errors.js";
import { LOG_LEVELS, PolicyRef, Strict, StringEnum, splitHostPort } from "./common.js";
import { ReceiverLink } from "./link.js";
import { checkSchema, deepFreeze, Issues, loadFile, readYamlFile } from "./load.js";
import { PolicyFile } from "./policy.js";
import { ReceiverHistory } from "./receiver-history.js";
import { ReceiverMqtt, checkMqtt } from "./receiver-mqtt.js";
import { ReceiverOpcua } from "./receiver-opcua.js";
import { checkRest, ReceiverRest } from "./receiver-rest.js";
import { ReceiverLimits } from "./receiver-limits.js";

export { ReceiverRest };
export { MAX_TAGS, ReceiverLimits } from "./receiver-limits.js";

/** 100 years: the widest time window the receiver accepts. */
const MAX_TIME_WINDOW_MS = 36_500 * 86_400_000;

export { MAX_HISTORY_SAMPLES, ReceiverHistory } from "./receiver-history.js";

const Section = <T extends Parameters<typeof Type.Object>[0]>(props: T, description: string) =>
  Type.Object(props, { additionalProperties: false, default: {}, description });

export const ReceiverOpcuaSection = Section({
  enabled: Type.Boolean({ default: true, description: "serve the read-only OPC UA server" }),
  ...ReceiverOpcua.properties,
}, ReceiverOpcua.description ?? "read-only OPC UA server");


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
  mqtt: Type.Optional(ReceiverMqtt),
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

/** Load and validate a receiver file: frozen config, or SLUICE_ERR_CONFIG naming every mistake (file, line, field). */
export function loadReceiverConfig(file: string): Readonly<ReceiverConfig> {
  const { data, locate } = readYamlFile(file);
  const issues = new Issues(file, locate);
  checkSchema(ReceiverConfig, data, issues);
  const cfg = data as ReceiverConfig;
  for (const [path, value] of [["rest.listen", cfg?.rest?.listen], ["link.listen", cfg?.link?.listen]] as const) {
    if (typeof value !== "string" || issues.touches(path)) continue;
    try { splitHostPort(value); } catch { issues.add(path, "port must be 0-65535"); }
  }
  if (issues.size === 0) {
    for (const [section, users] of [["opcua", cfg.opcua.users], ["rest", cfg.rest.users]] as const) {
      users.forEach((u, i) => {
        const why = checkPasswordHash(u.passwordHash);
        if (why) issues.add(`${section}.users[${i}].passwordHash`, why);
      });
    }
    try {
      checkRest(file, cfg.rest, splitHostPort(cfg.rest.listen).host);
      if (cfg.mqtt) checkMqtt(file, cfg.mqtt);
    } catch (e) {
      // checkRest and checkMqtt name one field as "FILE: path: reason"; it joins the list with its line
      const m = isSluiceError(e, "SLUICE_ERR_CONFIG") ? /^(.*?): (.*)$/s.exec(e.message.slice(file.length + 2)) : null;
      if (!m) throw e;
      issues.add(m[1]!, m[2]!);
    }
    // Times inside the window must stay representable everywhere (JSON, OPC UA DateTime).
    for (const key of ["maxAge", "skew"] as const) {
      if (parseDuration(cfg.limits.time[key]) > MAX_TIME_WINDOW_MS) issues.add(`limits.time.${key}`, "at most 36500d");
    }
    if (parseSize(cfg.history.maxBytes) < 1024 * 1024) issues.add("history.maxBytes", "must be at least 1MiB");
    if (parseDuration(cfg.history.retain) < 60_000) issues.add("history.retain", "must be at least 1m");
  }
  issues.throwIfAny();
  return deepFreeze(cfg);
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
