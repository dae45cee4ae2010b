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
import { isNumericType, PROTOCOLS, type Protocol, type TagType } from "../core/model.js";
import { tagPath } from "../core/model.js";
import { parseDuration } from "../core/duration.js";
import { errorMessage, isSluiceError } from "../core/errors.js";
import type { Issues } from "./load.js";
import type { SourceConfig, TagConfig } from "./reader.js";
import type { drivers } from "../drivers/registry.js";

/** What config needs of the protocol modules (src/drivers/registry.ts): grammar and rules, no I/O. */
export type Protocols = Readonly<Record<Protocol, Pick<(typeof drivers)[Protocol], "parseAddress" | "endpointError" | "optionErrors" | "line">>>;
/** @deprecated the old name of Protocols */
export type AddressParsers = Protocols;

export type Scaling =
  | { kind: "none" }
  | { kind: "linear"; scale: number; offset: number }
  | { kind: "map"; raw: readonly [number, number]; eng: readonly [number, number]; clamp: boolean };

/** The scaling of every tag that has none: one shared frozen object, not one per tag. */
export const NO_SCALING: Scaling = Object.freeze({ kind: "none" });

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

/** ms of a duration the schema already accepted; undefined (nothing added) when it did not parse. */
function duration(issues: Issues, path: string, text: unknown, min: number): number | undefined {
  if (typeof text !== "string") return undefined;
  let v: number;
  try { v = parseDuration(text); } catch { return undefined; }
  if (v < min) {
    if (!issues.touches(path)) issues.add(path, `must be at least ${min}ms`);
    return undefined;
  }
  return v;
}

function checkPair(issues: Issues, path: string, p: unknown, strict: boolean): void {
  if (!Array.isArray(p) || p.length !== 2 || issues.touches(path)) return;
  const [lo, hi] = p as [number, number];
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return issues.add(path, "expected two finite numbers [lo, hi]");
  if (strict ? !(lo < hi) : lo === hi) issues.add(path, strict ? "expected [lo, hi] with lo < hi" : "the two ends must differ");
}

/** Resolve one tag, adding every rule it breaks to `issues`; undefined when it cannot be resolved. */
function resolveTag(src: SourceConfig, si: number, tag: TagConfig, ti: number, issues: Issues, protocols: Protocols, intervalMs: number): ResolvedTag | undefined {
  const at = `sources[${si}].tags[${ti}]`;
  const add = (path: string, reason: string) => { if (!issues.touches(path)) issues.add(path, reason); };
  if (typeof tag.address !== "string") return undefined;
  let parsed: { address: unknown; type: TagType | undefined };
  try {
    parsed = protocols[src.protocol].parseAddress(tag.address);
  } catch (e) {
    add(`${at}.address`, isSluiceError(e, "SLUICE_ERR_ADDRESS") ? e.message : `cannot parse: ${errorMessage(e)}`);
    return undefined;
  }
  if (parsed.type === undefined && tag.type === undefined) {
    add(`${at}.type`, `is required: the address ${JSON.stringify(tag.address)} does not imply a type`);
    return undefined;
  }
  if (parsed.type !== undefined && tag.type !== undefined && parsed.type !== tag.type) {
    add(`${at}.type`, `${tag.type} conflicts with the type the address implies (${parsed.type})`);
  }
  const rawType = (parsed.type ?? tag.type)!;
  let address = parsed.address;
  if (tag.unitId !== undefined) {
    if (src.protocol !== "modbus") add(`${at}.unitId`, `only modbus tags take a unitId (this source is ${src.protocol})`);
    else address = { ...(address as object), unitId: tag.unitId };
  }

  const numeric = isNumericType(rawType);
  for (const k of ["scale", "offset", "map", "range", "deadband"] as const) {
    if (tag[k] !== undefined && !numeric) add(`${at}.${k}`, `needs a numeric tag; this tag is ${rawType}`);
  }
  for (const k of ["scale", "offset"] as const) {
    const v = tag[k];
    if (v !== undefined && !Number.isFinite(v)) add(`${at}.${k}`, "must be a finite number");
  }
  if (tag.map && (tag.scale !== undefined || tag.offset !== undefined)) add(`${at}.map`, "give either scale/offset or map, not both");
  checkPair(issues, `${at}.map.raw`, tag.map?.raw, false);
  checkPair(issues, `${at}.map.eng`, tag.map?.eng, false);
  checkPair(issues, `${at}.range`, tag.range, true);

  let scaling: Scaling = NO_SCALING;
  if (tag.map) scaling = { kind: "map", raw: tag.map.raw, eng: tag.map.eng, clamp: tag.map.clamp };
  else if (tag.scale !== undefined || tag.offset !== undefined) scaling = { kind: "linear", scale: tag.scale ?? 1, offset: tag.offset ?? 0 };
  const eng = Array.isArray(tag.map?.eng) ? ([Math.min(...tag.map.eng), Math.max(...tag.map.eng)] as const) : undefined;
  const range = tag.range ?? eng;

  let deadband = 0;
  if (tag.deadband) {
    const { absolute, percent } = tag.deadband;
    if (absolute !== undefined && percent !== undefined) add(`${at}.deadband`, "give absolute or percent, not both");
    else if (percent !== undefined) {
      if (!range) add(`${at}.deadband.percent`, "needs an engineering range (range, or map)");
      else deadband = (percent / 100) * (range[1] - range[0]);
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

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);

/**
 * Resolve every source and tag, adding every rule broken to `issues`. The data may
 * have failed the schema (its errors are already in `issues`): what is malformed is
 * skipped here, so the remaining checks still run and all mistakes surface at once.
 */
export function resolveSources(sources: readonly SourceConfig[], issues: Issues, protocols: Protocols, baseDir: string): ResolvedSource[] {
  const seen = new Map<string, number>();
  const lines = new Map<string, { si: number; settings: string }>();
  const out: ResolvedSource[] = [];
  if (!Array.isArray(sources as unknown)) return out;
  sources.forEach((src, si) => {
    if (typeof src !== "object" || src === null || Array.isArray(src)) return; // the schema reported it
    const at = `sources[${si}]`;
    const add = (path: string, reason: string) => { if (!issues.touches(path)) issues.add(path, reason); };
    if (typeof src.name === "string") {
      const first = seen.get(src.name);
      if (first !== undefined) add(`${at}.name`, `duplicate source name ${JSON.stringify(src.name)} (also sources[${first}])`);
      else seen.set(src.name, si);
    }
    const known = (PROTOCOLS as readonly string[]).includes(src.protocol);
    for (const p of PROTOCOLS) {
      if (known && p !== src.protocol && src[p] !== undefined) add(`${at}.${p}`, `option block for protocol ${p}, but this source's protocol is ${src.protocol}`);
    }
    const intervalMs = duration(issues, `${at}.interval`, src.interval, MIN_INTERVAL_MS);
    const timeoutMs = duration(issues, `${at}.timeout`, src.timeout, 1);
    const minMs = duration(issues, `${at}.backoff.min`, src.backoff?.min ?? "500ms", MIN_INTERVAL_MS);
    const maxMs = duration(issues, `${at}.backoff.max`, src.backoff?.max ?? "30s", MIN_INTERVAL_MS);
    if (minMs !== undefined && maxMs !== undefined && maxMs < minMs) add(`${at}.backoff.max`, `must not be shorter than backoff.min (${src.backoff?.min ?? "500ms"})`);
    if (!known) return;
    const module = protocols[src.protocol];
    const raw = src[src.protocol];
    const options = isObject(raw) ? anchorPaths(src.protocol, raw, baseDir) : {};
    const blockOk = isObject(raw) && !issues.touches(`${at}.${src.protocol}`);
    if (blockOk) for (const o of module.optionErrors(options)) add(`${at}.${src.protocol}.${o.path}`, o.reason);
    if (typeof src.endpoint === "string") {
      const epErr = module.endpointError(src.endpoint, options);
      if (epErr) add(`${at}.endpoint`, epErr);
      const line = blockOk && !epErr ? module.line?.(src.endpoint, options) : undefined;
      const first = line && lines.get(line.key);
      if (line && !first) lines.set(line.key, { si, settings: line.settings });
      else if (line && first && first.settings !== line.settings) {
        add(`${at}.${src.protocol}`, `shares the line ${src.endpoint} with sources[${first.si}], which needs ${first.settings}; this source asks for ${line.settings} (one line, one set of settings)`);
      }
    }

    const names = new Map<string, number>();
    const tags: ResolvedTag[] = [];
    (Array.isArray(src.tags) ? src.tags : []).forEach((tag: TagConfig, ti: number) => {
      if (typeof tag !== "object" || tag === null || Array.isArray(tag)) return;
      if (typeof tag.name === "string") {
        const dup = names.get(tag.name);
        if (dup !== undefined) add(`${at}.tags[${ti}].name`, `duplicate tag name ${JSON.stringify(tag.name)} in source ${src.name} (also tags[${dup}])`);
        else names.set(tag.name, ti);
      }
      const own = tag.interval === undefined ? intervalMs : duration(issues, `${at}.tags[${ti}].interval`, tag.interval, MIN_INTERVAL_MS);
      const r = resolveTag(src, si, tag, ti, issues, protocols, own ?? 0);
      if (r) tags.push(r);
    });
    out.push({
      name: src.name, protocol: src.protocol, endpoint: src.endpoint, intervalMs: intervalMs ?? 0, timeoutMs: timeoutMs ?? 0,
      backoff: { minMs: minMs ?? 0, maxMs: maxMs ?? 0 }, failuresToDown: src.failuresToDown, rebuildAfter: src.rebuildAfter, options, tags,
    });
  });
  return out;
}
