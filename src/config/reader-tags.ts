/**
 * The reader-file checks a JSON Schema cannot express, and the resolution of
 * every source and tag into what the reader runs (durations in ms, addresses
 * parsed by their protocol, scaling/deadband/EURange folded into a NormSpec).
 * Part of src/config/reader.ts; split out to keep each file one job.
 *
 * Rules (each error names the field):
 * - source names and tag names (per source) are unique;
 * - the endpoint has the protocol's form (host[:port], or opc.tcp://...);
 * - the address parses (the protocol parser's reason is kept), and `type` is
 *   given when the address implies none and agrees with it when it does;
 * - scale/offset and map exclude each other; scaling, range and deadband need
 *   a numeric type; ranges have lo < hi; a percent deadband needs a range;
 * - unitId only on modbus tags (it is merged into the parsed address).
 */
import { resolve as resolvePath } from "node:path";
import { isNumericType, type Protocol, type TagType } from "../core/model.js";
import { tagPath } from "../core/model.js";
import { parseDuration } from "../core/duration.js";
import { errorMessage, isSluiceError } from "../core/errors.js";
import { configError } from "./load.js";
import type { SourceConfig, TagConfig } from "./reader.js";
import { modbusOptions } from "./sources/modbus.js";
import { s7Options } from "./sources/s7.js";
import { enipEndpointError, enipOptions } from "./sources/enip.js";
import { splitEndpoint } from "./sources/endpoint.js";

/** Option-block rules beyond the schema (e.g. s7 TSAPs go in pairs), from each protocol's own options module. */
const OPTION_CHECKS: Partial<Record<Protocol, (raw: unknown) => unknown>> = { modbus: modbusOptions, s7: s7Options, enip: enipOptions };

function checkOptions(file: string, si: number, protocol: Protocol, raw: unknown): void {
  try {
    OPTION_CHECKS[protocol]?.(raw);
  } catch (e) {
    // "s7: reason" / "s7.rack: reason" -> sources[i].s7[.rack]: reason
    const m = /^[a-z0-9]+((?:\.[A-Za-z0-9_]+)*): (.*)$/s.exec(errorMessage(e));
    throw configError(file, `sources[${si}].${protocol}${m?.[1] ?? ""}`, m?.[2] ?? errorMessage(e), e);
  }
}

/** What config needs of a driver factory: its address parser (see src/drivers/contract.ts). */
export type AddressParsers = Readonly<Record<Protocol, { parseAddress(address: string): { address: unknown; type: TagType | undefined } }>>;

export type Scaling =
  | { kind: "none" }
  | { kind: "linear"; scale: number; offset: number }
  | { kind: "map"; raw: readonly [number, number]; eng: readonly [number, number]; clamp: boolean };

export interface ResolvedTag {
  source: string;
  name: string;
  /** SOURCE/TAG */
  path: string;
  /** the protocol's parsed address (modbus: with the tag's unitId merged in) */
  address: unknown;
  /** the type the driver reads and converts to */
  rawType: TagType;
  /** the type that crosses the link: float64 when scaled, else rawType */
  type: TagType;
  intervalMs: number;
  scaling: Scaling;
  /** absolute deadband (percent already turned into engineering units); 0: every change */
  deadband: number;
  /** EURange: `range`, else map.eng (sorted) */
  range?: readonly [number, number];
  unit?: string;
  description?: string;
}

export interface ResolvedSource {
  name: string;
  protocol: Protocol;
  endpoint: string;
  intervalMs: number;
  timeoutMs: number;
  backoff: { minMs: number; maxMs: number };
  failuresToDown: number;
  rebuildAfter: number;
  /** the protocol's option block, defaults applied */
  options: Readonly<Record<string, unknown>>;
  tags: ResolvedTag[];
}

const MIN_INTERVAL_MS = 10;
const OPC_URL = /^opc\.tcp:\/\/(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9_.-]+)(:(\d{1,5}))?(\/\S*)?$/;

/** The same endpoint rules the drivers apply (src/config/sources), reported with the field path. */
function endpointError(protocol: Protocol, endpoint: string): string | undefined {
  if (protocol === "opcua") {
    const m = OPC_URL.exec(endpoint);
    if (!m) return "expected an opc.tcp://host[:port][/path] URL";
    if (m[3] !== undefined && (Number(m[3]) < 1 || Number(m[3]) > 65535)) return `port ${m[3]} out of range 1..65535`;
    return undefined;
  }
  const ep = splitEndpoint(endpoint);
  if (!ep) return `expected host[:port] for ${protocol}`;
  if (ep.port !== undefined && (ep.port < 1 || ep.port > 65535)) return `port ${ep.port} out of range 1..65535`;
  return protocol === "enip" ? enipEndpointError(endpoint) : undefined;
}

function duration(file: string, path: string, text: string, min: number): number {
  const v = parseDuration(text);
  if (v < min) throw configError(file, path, `must be at least ${min}ms`);
  return v;
}

function checkPair(file: string, path: string, p: readonly [number, number] | undefined, strict: boolean): void {
  if (!p) return;
  if (!Number.isFinite(p[0]) || !Number.isFinite(p[1])) throw configError(file, path, "expected two finite numbers [lo, hi]");
  if (strict ? !(p[0] < p[1]) : p[0] === p[1]) throw configError(file, path, strict ? "expected [lo, hi] with lo < hi" : "the two ends must differ");
}

function resolveTag(src: SourceConfig, si: number, tag: TagConfig, ti: number, file: string, parsers: AddressParsers, intervalMs: number): ResolvedTag {
  const at = `sources[${si}].tags[${ti}]`;
  let parsed: { address: unknown; type: TagType | undefined };
  try {
    parsed = parsers[src.protocol].parseAddress(tag.address);
  } catch (e) {
    if (isSluiceError(e, "SLUICE_ERR_ADDRESS")) throw configError(file, `${at}.address`, e.message, e);
    throw configError(file, `${at}.address`, `cannot parse: ${errorMessage(e)}`, e);
  }
  if (parsed.type === undefined && tag.type === undefined) {
    throw configError(file, `${at}.type`, `is required: the address ${JSON.stringify(tag.address)} does not imply a type`);
  }
  if (parsed.type !== undefined && tag.type !== undefined && parsed.type !== tag.type) {
    throw configError(file, `${at}.type`, `${tag.type} conflicts with the type the address implies (${parsed.type})`);
  }
  const rawType = (parsed.type ?? tag.type)!;
  let address = parsed.address;
  if (tag.unitId !== undefined) {
    if (src.protocol !== "modbus") throw configError(file, `${at}.unitId`, `only modbus tags take a unitId (this source is ${src.protocol})`);
    address = { ...(address as object), unitId: tag.unitId };
  }

  const numeric = isNumericType(rawType);
  for (const k of ["scale", "offset", "map", "range", "deadband"] as const) {
    if (tag[k] !== undefined && !numeric) throw configError(file, `${at}.${k}`, `needs a numeric tag; this tag is ${rawType}`);
  }
  for (const k of ["scale", "offset"] as const) {
    const v = tag[k];
    if (v !== undefined && !Number.isFinite(v)) throw configError(file, `${at}.${k}`, "must be a finite number");
  }
  if (tag.map && (tag.scale !== undefined || tag.offset !== undefined)) {
    throw configError(file, `${at}.map`, "give either scale/offset or map, not both");
  }
  checkPair(file, `${at}.map.raw`, tag.map?.raw, false);
  checkPair(file, `${at}.map.eng`, tag.map?.eng, false);
  checkPair(file, `${at}.range`, tag.range, true);

  let scaling: Scaling = { kind: "none" };
  if (tag.map) scaling = { kind: "map", raw: tag.map.raw, eng: tag.map.eng, clamp: tag.map.clamp };
  else if (tag.scale !== undefined || tag.offset !== undefined) scaling = { kind: "linear", scale: tag.scale ?? 1, offset: tag.offset ?? 0 };
  const eng = tag.map ? ([Math.min(...tag.map.eng), Math.max(...tag.map.eng)] as const) : undefined;
  const range = tag.range ?? eng;

  let deadband = 0;
  if (tag.deadband) {
    const { absolute, percent } = tag.deadband;
    if (absolute !== undefined && percent !== undefined) throw configError(file, `${at}.deadband`, "give absolute or percent, not both");
    if (percent !== undefined) {
      if (!range) throw configError(file, `${at}.deadband.percent`, "needs an engineering range (range, or map)");
      deadband = (percent / 100) * (range[1] - range[0]);
    } else deadband = absolute ?? 0;
  }

  const out: ResolvedTag = {
    source: src.name, name: tag.name, path: tagPath(src.name, tag.name), address, rawType,
    type: scaling.kind === "none" ? rawType : "float64", intervalMs, scaling, deadband,
  };
  if (range) out.range = range;
  if (tag.unit !== undefined) out.unit = tag.unit;
  if (tag.description !== undefined) out.description = tag.description;
  return out;
}

/** Paths inside option blocks are relative to the reader file (opcua.pki); drivers get them absolute. */
function anchorPaths(protocol: Protocol, options: Readonly<Record<string, unknown>>, baseDir: string): Readonly<Record<string, unknown>> {
  if (protocol === "opcua" && typeof options.pki === "string") return { ...options, pki: resolvePath(baseDir, options.pki) };
  return options;
}

export function resolveSources(sources: readonly SourceConfig[], file: string, parsers: AddressParsers, baseDir: string): ResolvedSource[] {
  const seen = new Map<string, number>();
  return sources.map((src, si) => {
    const first = seen.get(src.name);
    if (first !== undefined) throw configError(file, `sources[${si}].name`, `duplicate source name ${JSON.stringify(src.name)} (also sources[${first}])`);
    seen.set(src.name, si);
    const epErr = endpointError(src.protocol, src.endpoint);
    if (epErr) throw configError(file, `sources[${si}].endpoint`, epErr);
    const intervalMs = duration(file, `sources[${si}].interval`, src.interval, MIN_INTERVAL_MS);
    const timeoutMs = duration(file, `sources[${si}].timeout`, src.timeout, 1);
    const minMs = duration(file, `sources[${si}].backoff.min`, src.backoff?.min ?? "500ms", MIN_INTERVAL_MS);
    const maxMs = duration(file, `sources[${si}].backoff.max`, src.backoff?.max ?? "30s", MIN_INTERVAL_MS);
    if (maxMs < minMs) throw configError(file, `sources[${si}].backoff.max`, `must not be shorter than backoff.min (${src.backoff?.min ?? "500ms"})`);
    const options = anchorPaths(src.protocol, (src[src.protocol] ?? {}) as Readonly<Record<string, unknown>>, baseDir);
    checkOptions(file, si, src.protocol, options);

    const names = new Map<string, number>();
    const tags = src.tags.map((tag, ti) => {
      const dup = names.get(tag.name);
      if (dup !== undefined) throw configError(file, `sources[${si}].tags[${ti}].name`, `duplicate tag name ${JSON.stringify(tag.name)} in source ${src.name} (also tags[${dup}])`);
      names.set(tag.name, ti);
      const own = tag.interval === undefined ? intervalMs : duration(file, `sources[${si}].tags[${ti}].interval`, tag.interval, MIN_INTERVAL_MS);
      return resolveTag(src, si, tag, ti, file, parsers, own);
    });
    return {
      name: src.name, protocol: src.protocol, endpoint: src.endpoint, intervalMs, timeoutMs,
      backoff: { minMs, maxMs }, failuresToDown: src.failuresToDown, rebuildAfter: src.rebuildAfter, options, tags,
    };
  });
}
