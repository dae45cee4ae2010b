/**
 * The reader's configuration file: one TypeBox schema (JSON Schema, unknown
 * keys rejected, defaults here; each protocol's option block is its protocol
 * module's schema), then the checks a schema cannot express, then every tag
 * address parsed by its protocol's own grammar, so that a bad file is refused
 * before anything starts, with every mistake named at once:
 *
 *   YAML ──schema (ajv, defaults)──▶ cross-field checks ──parseAddress per tag──▶ ResolvedSource[] (frozen)
 *          └───────────── every error into one Issues list ─────────────┘
 *
 * Errors: SluiceError SLUICE_ERR_CONFIG "FILE:LINE: sources[2].tags[0].address: reason", one line per error.
 */
import { dirname, resolve } from "node:path";
import { Type, type Static } from "@sinclair/typebox";
import { PROTOCOLS, TAG_TYPES } from "../core/model.js";
import { Duration, LOG_LEVELS, Name, PolicyRef, Strict, StringEnum } from "./common.js";
import { checkSchema, deepFreeze, Issues, readYamlFile, type Locate } from "./load.js";
import { ReaderLink } from "./link.js";
import { ReaderJournal } from "./journal.js";
import { resolveSources, type Protocols, type ResolvedSource, type ResolvedTag } from "./reader-tags.js";
// Each protocol's option schema, endpoint rule and address grammar live in its
// protocol module; the registry is the only driver code config touches
// (grammar and rules only: nothing connects; eslint.config.js allows exactly this import).
import { drivers } from "../drivers/registry.js";

export type { ResolvedSource, ResolvedTag, Protocols, AddressParsers } from "./reader-tags.js";

const Pair = (description: string) =>
  Type.Tuple([Type.Number(), Type.Number()], { description: `${description} [lo, hi]` });

export const TagConfig = Strict({
  name: Name("tag name; the tag's path is SOURCE/TAG"),
  address: Type.String({ minLength: 1, maxLength: 1024, description: "protocol address (see the README, Tag addresses: modbus hr:0:int16, s7 DB1,REAL4, enip Program:Main.Speed, opcua ns=2;i=1001)" }),
  type: Type.Optional(StringEnum(TAG_TYPES, "value type; required when the address does not imply one (s7, enip, opcua, modbus without :TYPE)")),
  unitId: Type.Optional(Type.Integer({ minimum: 0, maximum: 255, description: "modbus only: unit id of this tag, overriding the source's modbus.unitId" })),
  scale: Type.Optional(Type.Number({ description: "value = raw * scale + offset (the tag becomes float64)" })),
  offset: Type.Optional(Type.Number({ description: "value = raw * scale + offset (the tag becomes float64)" })),
  map: Type.Optional(Strict({
    raw: Pair("raw range"),
    eng: Pair("engineering range; also the default EURange"),
    clamp: Type.Boolean({ default: false, description: "pin values outside eng to its ends (Good, with the OPC UA limit bits)" }),
  }, "linear map raw -> eng (the tag becomes float64)")),
  range: Type.Optional(Pair("engineering range (OPC UA EURange); default map.eng; Good values outside it become UncertainEngineeringUnitsExceeded")),
  unit: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: "engineering unit, e.g. degC" })),
  deadband: Type.Optional(Strict({
    absolute: Type.Optional(Type.Number({ minimum: 0, description: "send a new value only when it moved more than this from the last value sent" })),
    percent: Type.Optional(Type.Number({ minimum: 0, maximum: 100, description: "the same, in percent of the engineering range" })),
  }, "report-by-exception threshold for numeric tags")),
  interval: Type.Optional(Duration("this tag's own poll interval (a poll group of its own)")),
  description: Type.Optional(Type.String({ maxLength: 1024, description: "free text, carried in the catalogue" })),
}, "one tag");

export const SourceConfig = Strict({
  name: Name("source name: the first part of every tag path"),
  protocol: StringEnum(PROTOCOLS, "protocol of the device"),
  endpoint: Type.String({ minLength: 1, maxLength: 512, description: "modbus/s7/enip host[:port]; modbus with transport rtu a serial device (/dev/ttyUSB0, COM3); opcua an opc.tcp:// URL" }),
  interval: Duration("poll interval of the source's tags"),
  timeout: Duration("per-request timeout", "1s"),
  backoff: Type.Optional(Strict({
    min: Duration("first reconnect delay", "500ms"),
    max: Duration("longest reconnect delay", "30s"),
  }, "capped exponential backoff (with jitter) between reconnect attempts")),
  failuresToDown: Type.Integer({ minimum: 1, maximum: 1000, default: 3, description: "consecutive failed polls before the source is down (its tags BadNoCommunication)" }),
  rebuildAfter: Type.Integer({ minimum: 1, maximum: 1000, default: 5, description: "consecutive failed connects/reads before the driver is destroyed and created anew" }),
  modbus: Type.Optional(drivers.modbus.options),
  s7: Type.Optional(drivers.s7.options),
  enip: Type.Optional(drivers.enip.options),
  opcua: Type.Optional(drivers.opcua.options),
  tags: Type.Array(TagConfig, { minItems: 1, maxItems: 100_000, description: "the tags polled from this source" }),
}, "one device to poll");

export const ReaderConfig = Strict({
  link: ReaderLink,
  policy: PolicyRef,
  journal: ReaderJournal,
  log: Type.Optional(Strict({ level: Type.Optional(StringEnum(LOG_LEVELS, "log level (default: SLUICE_LOG_LEVEL, else info)")) }, "logging")),
  sources: Type.Array(SourceConfig, { minItems: 1, maxItems: 1000, description: "devices to poll" }),
}, "sluice reader configuration");

export type ReaderConfig = Static<typeof ReaderConfig>;
export type SourceConfig = Static<typeof SourceConfig>;
export type TagConfig = Static<typeof TagConfig>;

export interface LoadedReaderConfig {
  file: string;
  /** directory of the file: relative paths in it (policy, link key) resolve from here */
  baseDir: string;
  config: Readonly<ReaderConfig>;
  sources: readonly ResolvedSource[];
  /** every tag of every source, in file order (before the crossing policy) */
  tags: readonly ResolvedTag[];
}

/** Give a source without its protocol's option block an empty one, so the schema fills its defaults. */
function addOptionBlocks(data: unknown): void {
  const sources = (data as { sources?: unknown } | null)?.sources;
  if (!Array.isArray(sources)) return;
  for (const s of sources) {
    if (s && typeof s === "object" && !Array.isArray(s)) {
      const o = s as Record<string, unknown>;
      if (typeof o.protocol === "string" && (PROTOCOLS as readonly string[]).includes(o.protocol) && o[o.protocol] === undefined) o[o.protocol] = {};
    }
  }
}

/** Validate an already-parsed reader document (`file` names it in errors and anchors relative paths; `locate` gives lines). */
export function resolveReaderConfig(data: unknown, file: string, protocols: Protocols = drivers, locate?: Locate): LoadedReaderConfig {
  const issues = new Issues(file, locate);
  if (data && typeof data === "object" && !Array.isArray(data) && !("policy" in data)) {
    issues.add("policy", 'is required: a crossing-policy file (relative to this file), or "allow-all" (labs only); without one the reader does not start');
  }
  addOptionBlocks(data);
  checkSchema(ReaderConfig, data, issues);
  const config = data as ReaderConfig;
  const baseDir = dirname(resolve(file));
  const sources = config && typeof config === "object" ? resolveSources(config.sources, issues, protocols, baseDir) : [];
  issues.throwIfAny();
  return deepFreeze({ file, baseDir, config, sources, tags: sources.flatMap((s) => s.tags) });
}

/** Read, validate and resolve a reader file. Throws SLUICE_ERR_CONFIG (naming every error) / SLUICE_ERR_CONFIG_READ. */
export function loadReaderConfig(file: string, protocols: Protocols = drivers): LoadedReaderConfig {
  const { data, locate } = readYamlFile(file);
  return resolveReaderConfig(data, file, protocols, locate);
}

/** For `sluice check`: throws like loadReaderConfig; returns a one-line summary. */
export function checkReaderFile(file: string): string {
  const c = loadReaderConfig(file);
  return `${c.sources.length} sources, ${c.tags.length} tags`;
}
