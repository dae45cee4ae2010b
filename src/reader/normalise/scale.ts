/**
 * Raw device value -> engineering value (pure).
 *
 *   raw ──scaling (none | raw*scale+offset | linear map raw→eng [clamp])──▶ eng ──EURange check──▶ {value, status}
 *
 * Choices (documented in the README's reader section):
 * - A scaled tag is float64, whatever its raw type. A 64-bit integer (bigint)
 *   that is scaled is converted with Number() first, so above 2^53 it loses
 *   precision; an unscaled 64-bit tag stays a bigint end to end.
 * - `map` with `clamp: true` pins the value to the engineering range and marks
 *   it with the OPC UA limit bits (Low/High limited) while staying Good.
 * - A value outside the EURange that was not clamped keeps its computed value
 *   and becomes UncertainEngineeringUnitsExceeded.
 * - A point the driver reported Bad passes through untouched (value null).
 */
import type { TagType, Value } from "../../core/model.js";
import { Status, quality } from "../../core/status.js";
import type { Scaling } from "../../config/reader-tags.js";

export type { Scaling };

/** Everything the normaliser needs for one tag, resolved once at config load. */
export interface NormSpec {
  scaling: Scaling;
  /** EURange [lo, hi] with lo < hi; numeric values outside it are flagged. */
  range?: readonly [number, number];
  /** Absolute change that must be exceeded before a new Good value is reported (0: any change). */
  deadband: number;
}

/** OPC UA StatusCode info bits (Part 4, 7.39): InfoType = DataValue plus LimitBits. */
export const INFO_DATAVALUE = 0x400;
export const LIMIT_LOW = INFO_DATAVALUE | 0x100;
export const LIMIT_HIGH = INFO_DATAVALUE | 0x200;

export function isScaled(s: Scaling): boolean {
  return s.kind !== "none";
}

/** The type a tag crosses the link with: float64 once scaled, else the raw type. */
export function outputType(raw: TagType, s: Scaling): TagType {
  return isScaled(s) ? "float64" : raw;
}

function toNumber(v: Value): number | undefined {
  if (typeof v === "number") return v;
  if (typeof v === "bigint") return Number(v);
  return undefined;
}

function inRange(v: number | bigint, lo: number, hi: number): boolean {
  // bigint vs number comparisons are exact in JavaScript
  return !(v < lo || v > hi);
}

/** Decimal places in the shortest form of a number: 0.1 -> 1, 0.025 -> 3, 1e-7 -> 7, 10 -> 0. */
export function decimalsOf(x: number): number {
  const [mant = "", exp = "0"] = String(Math.abs(x)).split("e");
  const frac = mant.split(".")[1]?.length ?? 0;
  return Math.max(0, frac - Number(exp));
}

/**
 * raw * scale + offset without binary noise: 234 * 0.1 is 23.400000000000002 in
 * IEEE 754, which historians would store and operators read. An integer raw
 * value times a decimal scale plus a decimal offset has at most as many decimal
 * places as the scale or offset, so rounding there loses nothing real. A
 * non-integer raw value (a float register) is scaled as is.
 */
export function scaleLinear(n: number, scale: number, offset: number, d = Math.max(decimalsOf(scale), decimalsOf(offset))): number {
  const x = n * scale + offset;
  if (!Number.isInteger(n) || !Number.isFinite(x)) return x;
  return d > 15 ? x : Number(x.toFixed(d));
}

/**
 * The rounding places of a tag's linear scaling, worked out once per tag rather
 * than per sample: decimalsOf formats numbers as strings, which was most of the
 * cost of normalising a scaled sample. Scalings are frozen config objects that
 * live as long as the reader, so they key the memo.
 */
const linearDecimals = new WeakMap<Scaling, number>();
function decimalsFor(s: Extract<Scaling, { kind: "linear" }>): number {
  let d = linearDecimals.get(s);
  if (d === undefined) {
    d = Math.max(decimalsOf(s.scale), decimalsOf(s.offset));
    linearDecimals.set(s, d);
  }
  return d;
}

/**
 * Apply a tag's scaling and range check to one driver result. `status` is the
 * driver's point status; only Good values are range-checked (an Uncertain or
 * Bad status from the device already says more).
 */
export function normaliseValue(spec: NormSpec, raw: Value, status: number): { value: Value; status: number } {
  if (raw === null || quality(status) === "bad") return { value: null, status };
  const s = spec.scaling;
  let value: Value = raw;
  let st = status;
  if (s.kind !== "none") {
    const n = toNumber(raw);
    // Config validation refuses scaling on bool/string tags; a device that
    // answers with the wrong kind of value gets a status, not an exception.
    if (n === undefined) return { value: null, status: Status.BadTypeMismatch };
    if (s.kind === "linear") {
      value = scaleLinear(n, s.scale, s.offset, decimalsFor(s));
    } else {
      const [r0, r1] = s.raw;
      const [e0, e1] = s.eng;
      let eng = e0 + ((n - r0) * (e1 - e0)) / (r1 - r0);
      if (s.clamp) {
        const lo = Math.min(e0, e1);
        const hi = Math.max(e0, e1);
        if (eng < lo) { eng = lo; st = (st | LIMIT_LOW) >>> 0; }
        else if (eng > hi) { eng = hi; st = (st | LIMIT_HIGH) >>> 0; }
      }
      value = eng;
    }
  }
  if (spec.range && quality(st) === "good" && (typeof value === "number" || typeof value === "bigint")) {
    if (!(typeof value === "number" && Number.isNaN(value)) && !inRange(value, spec.range[0], spec.range[1])) {
      st = Status.UncertainEngineeringUnitsExceeded;
    }
  }
  return { value, status: st };
}
