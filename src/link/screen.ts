/**
 * The receiver's acceptance rules for what an authenticated frame carries, applied
 * right after decoding and before anything is held or served (REST, OPC UA, history
 * and metrics all see the same result):
 *
 *   samples ─▶ source time in [now - time.maxAge, now + time.skew]?  no ─▶ dropped (time_past / time_future)
 *           ─▶ value fits its declared type?          no ─▶ null, BadTypeMismatch (type_range)
 *           ─▶ float finite?                          no ─▶ null, BadOutOfRange (nonfinite)
 *           ─▶ string within limits.string?           no ─▶ null, BadOutOfRange (string_length)
 *           ─▶ Good and outside the tag's EURange?   yes ─▶ UncertainEngineeringUnitsExceeded
 *   heartbeat ─▶ sources, strings, names, times within limits.heartbeat / time? no ─▶ dropped whole
 *   birth part ─▶ path, unit, description within limits.catalogue?            no ─▶ dropped whole
 *
 * A value that was already Bad keeps its own Bad status when it becomes null.
 */
import { PATH_SEGMENT, type ReaderHealth, type Sample, type TagDef } from "../core/model.js";
import { Status } from "../core/status.js";
import type { CatalogIndex } from "./catalog.js";
import type { DropReason, Drops } from "./drops.js";
import type { LinkLimits } from "./limits.js";

const isBad = (status: number): boolean => status >>> 31 === 1;
const isGood = (status: number): boolean => status >>> 30 === 0;

/** Null with a Bad status, keeping a Bad status the reader sent. */
function flag(s: Sample, bad: number): void {
  s.value = null;
  if (!isBad(s.status)) s.status = bad;
}

/** Whether v fits wire type `code` (catalog typeCode) as the decoder produced it. */
function fits(code: number, v: unknown): boolean {
  switch (code) {
    case 1: return typeof v === "boolean";
    case 2: return typeof v === "number" && v >= -32768 && v <= 32767;
    case 3: return typeof v === "number" && v >= 0 && v <= 65535;
    default: return true; // the other columns cannot carry a value outside their type
  }
}

/**
 * Samples that pass the rules (the same array when none is dropped); flagged values
 * are changed in place (the decoder's fresh objects). Drops are counted in `drops`.
 */
export function screenSamples(samples: Sample[], cat: CatalogIndex, now: number, limits: LinkLimits, drops: Drops): Sample[] {
  const lim = limits.time;
  const hi = now + lim.skewMs, lo = now - lim.maxAgeMs;
  const types = cat.types, tags = cat.tags;
  let out: Sample[] | null = null;
  let future = 0, past = 0, range = 0, nonfinite = 0, long = 0;
  for (let i = 0; i < samples.length; i++) {
    const s = samples[i] as Sample;
    const t = s.sourceTime;
    if (!(t <= hi && t >= lo)) {
      if (t > hi) future++;
      else past++;
      out ??= samples.slice(0, i);
      continue;
    }
    const v = s.value;
    if (v !== null) {
      const code = types[s.alias] as number;
      if (code === 8 || code === 9) {
        if (!Number.isFinite(v)) { flag(s, Status.BadOutOfRange); nonfinite++; }
      } else if (code === 10) {
        if ((v as string).length > limits.string) { flag(s, Status.BadOutOfRange); long++; }
      } else if (code <= 3 && !fits(code, v)) {
        flag(s, Status.BadTypeMismatch);
        range++;
      }
      const r = (tags[s.alias] as TagDef).range;
      if (r && s.value !== null && isGood(s.status) && typeof s.value !== "string" && typeof s.value !== "boolean"
        && (s.value < r[0] || s.value > r[1])) {
        s.status = Status.UncertainEngineeringUnitsExceeded;
      }
    }
    if (out) out.push(s);
  }
  if (future) drops.add("time_future", future, `sample time more than ${lim.skewMs} ms ahead of the receiver's clock`);
  if (past) drops.add("time_past", past, `sample time more than ${lim.maxAgeMs} ms before the receiver's clock`);
  if (range) drops.add("type_range", range, "value outside its declared type's range: served as null, BadTypeMismatch");
  if (nonfinite) drops.add("nonfinite", nonfinite, "NaN or Infinity: served as null, BadOutOfRange");
  if (long) drops.add("string_length", long, `string value over ${limits.string} characters: served as null, BadOutOfRange`);
  return out ?? samples;
}

/** Why a decoded heartbeat breaks the limits, or null when it is within them. */
export function screenHealth(h: ReaderHealth, now: number, lim: LinkLimits): { reason: DropReason; detail: string } | null {
  const hb = lim.heartbeat;
  const hi = now + lim.time.skewMs;
  const blocked = Object.entries(h.blocked);
  if (h.sources.length > hb.sources || blocked.length > hb.sources) return { reason: "heartbeat", detail: `more than ${hb.sources} sources or block reasons` };
  if (h.policyHash.length > hb.text) return { reason: "heartbeat", detail: "policy hash too long" };
  for (const [k] of blocked) if (k.length > hb.text) return { reason: "heartbeat", detail: "block reason too long" };
  if (h.startedAt > hi) return { reason: "time_future", detail: "heartbeat start time ahead of the receiver's clock" };
  const names = new Set<string>();
  for (const s of h.sources) {
    // Source names become Prometheus label values and OPC UA node ids: the reader's own
    // name rule (config Name), and each once.
    if (s.name.length > Math.min(hb.text, 128) || !PATH_SEGMENT.test(s.name) || names.has(s.name)) {
      return { reason: "heartbeat", detail: "source name not a valid, unique name" };
    }
    names.add(s.name);
    if ((s.lastError?.length ?? 0) > hb.text) return { reason: "heartbeat", detail: "error text too long" };
    const t = s.lastPollTime;
    if (t !== null && t > hi) return { reason: "time_future", detail: "poll time ahead of the receiver's clock" };
    if (t !== null && t < now - lim.time.maxAgeMs) return { reason: "time_past", detail: "poll time too old" };
  }
  return null;
}

/** Characters of text of a birth part, or -1 when a field is over its limit. */
export function birthText(tags: readonly TagDef[], lim: LinkLimits["catalogue"]): number {
  let n = 0;
  for (const t of tags) {
    const p = t.path.length, u = t.unit?.length ?? 0, d = t.description?.length ?? 0;
    if (p > lim.path || u > lim.unit || d > lim.description) return -1;
    n += p + u + d;
  }
  return n;
}
