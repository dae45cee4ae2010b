/**
 * Columnar coding of samples (the Values message of proto/sluice.proto).
 *
 *   Sample[] (ascending alias) ──encodeValues──▶ { aliases | first+count, one column per
 *                                                  wire type, null/status/time runs }
 *   Values + CatalogIndex ──decodeValues──▶ Sample[]   (every rule checked, SluiceError)
 *
 * The catalogue type of each alias says which column its value comes from, so a value
 * carries no type tag. Statuses, nulls and source times are run-length coded against
 * the sample order: Good, non-null samples at the frame time cost nothing for those.
 */
import type { Sample, Value } from "../../core/model.js";
import { Status } from "../../core/status.js";
import type { CatalogIndex } from "../catalog.js";
import type { sluice } from "./generated/sluice.js";
import { coerceValue, MISMATCH } from "./coerce.js";
import {
  type Bits64, COLUMN_OF, Column, bigintToBits, bitsToInt64, bitsToSafeNumber, bitsToUint64, malformed,
  rotateStatus, unrotateStatus,
} from "./wire.js";

/** Most samples one Values may hold; decoders refuse more (allocation bound). */
export const MAX_SAMPLES = 8192;

type ValuesProps = sluice.v1.Values.$Properties;
type LongLike = NonNullable<ValuesProps["longs"]>[number];

/**
 * Columns for samples[start, end), which must be in ascending alias order. Values that
 * do not fit their type cross as null with BadTypeMismatch. Source times are rounded
 * to whole ms.
 */
export function encodeValues(samples: readonly Sample[], start: number, end: number, types: Uint8Array, frameTime: number): ValuesProps {
  const n = end - start;
  const msg: ValuesProps = {};
  if (n <= 0) return msg;
  const first = (samples[start] as Sample).alias;
  let contiguous = true;
  for (let i = start + 1; i < end; i++) {
    if ((samples[i] as Sample).alias !== first + (i - start)) { contiguous = false; break; }
  }
  if (contiguous) {
    msg.firstAlias = first;
    msg.count = n;
  } else {
    const aliases = new Array<number>(n);
    let prev = 0;
    for (let i = 0; i < n; i++) {
      const a = (samples[start + i] as Sample).alias;
      aliases[i] = a - prev;
      prev = a;
    }
    msg.aliases = aliases;
  }
  const ints: number[] = [], uints: number[] = [], floats: number[] = [], doubles: number[] = [], strings: string[] = [];
  const longs: Bits64[] = [], ulongs: Bits64[] = [];
  const nulls: number[] = [], statusAt: number[] = [], status: number[] = [], timeAt: number[] = [], times: number[] = [];
  let isNull = false, lastNull = 0;
  let curStatus = 0, lastStatus = 0;
  let curTime = Math.round(frameTime), lastTime = 0;
  for (let i = 0; i < n; i++) {
    const s = samples[start + i] as Sample;
    const code = types[s.alias] ?? 0;
    let v: Value | typeof MISMATCH = s.value;
    let st = s.status >>> 0;
    // Fast path: a float column already holding a number needs no coercion.
    if (!(typeof v === "number" && code === 9)) v = coerceValue(code, v);
    if (v === MISMATCH) { v = null; st = Status.BadTypeMismatch; }
    if ((v === null) !== isNull) { isNull = !isNull; nulls.push(i - lastNull); lastNull = i; }
    if (st !== curStatus) { curStatus = st; statusAt.push(i - lastStatus); status.push(rotateStatus(st)); lastStatus = i; }
    const t = Number.isFinite(s.sourceTime) ? Math.round(s.sourceTime) : curTime;
    if (t !== curTime) { timeAt.push(i - lastTime); times.push(t - curTime); curTime = t; lastTime = i; }
    if (v === null) continue;
    switch (COLUMN_OF[code]) {
      case Column.Ints: ints.push(v === true ? 1 : v === false ? 0 : (v as number)); break;
      case Column.Uints: uints.push(v as number); break;
      case Column.Longs: longs.push(bigintToBits(v as bigint)); break;
      case Column.Ulongs: ulongs.push(bigintToBits(v as bigint)); break;
      case Column.Floats: floats.push(v as number); break;
      case Column.Doubles: doubles.push(v as number); break;
      default: strings.push(v as string); break;
    }
  }
  if (ints.length) msg.ints = ints;
  if (uints.length) msg.uints = uints;
  if (longs.length) msg.longs = longs as unknown as LongLike[];
  if (ulongs.length) msg.ulongs = ulongs as unknown as LongLike[];
  if (floats.length) msg.floats = floats;
  if (doubles.length) msg.doubles = doubles;
  if (strings.length) msg.strings = strings;
  if (nulls.length) msg.nulls = nulls;
  if (statusAt.length) { msg.statusAt = statusAt; msg.status = status; }
  if (timeAt.length) { msg.timeAt = timeAt; msg.times = times; }
  return msg;
}

/** Reads delta-coded run starts; rejects a start beyond the samples. */
class Runs {
  private i = 0;
  private at: number;
  constructor(private readonly starts: readonly number[], private readonly n: number, what: string) {
    this.at = starts.length ? (starts[0] as number) : Infinity;
    let sum = 0;
    for (const d of starts) sum += d;
    if (starts.length && sum >= n) throw malformed(`${what} run beyond the last sample`);
  }
  /** Number of runs starting at sample k (0 when none); advance past them. */
  take(k: number): number {
    let c = 0;
    while (this.at === k) {
      c++;
      this.i++;
      this.at = this.i < this.starts.length ? this.at + (this.starts[this.i] as number) : Infinity;
    }
    return c;
  }
  /** Index of the last run taken. */
  get index(): number {
    return this.i - 1;
  }
}

function emptyOr<T>(a: T[] | null | undefined): readonly T[] {
  return a ?? [];
}

/** Samples of a decoded Values message; throws a malformed FrameError on any rule violation. */
export function decodeValues(m: sluice.v1.Values, catalog: CatalogIndex, frameTime: number): Sample[] {
  const aliases = emptyOr(m.aliases);
  const listForm = aliases.length > 0;
  if (listForm && (m.count || m.firstAlias)) throw malformed("both alias forms present");
  const n = listForm ? aliases.length : m.count >>> 0;
  if (n > MAX_SAMPLES) throw malformed(`${n} samples, more than ${MAX_SAMPLES}`);
  const size = catalog.size;
  if (!listForm && m.firstAlias + n > size) throw malformed("alias beyond the catalogue");
  const statusAt = emptyOr(m.statusAt), status = emptyOr(m.status);
  const timeAt = emptyOr(m.timeAt), times = emptyOr(m.times);
  if (statusAt.length !== status.length) throw malformed("status runs and codes differ in length");
  if (timeAt.length !== times.length) throw malformed("time runs and offsets differ in length");
  const nullRuns = new Runs(emptyOr(m.nulls), n, "null");
  const statusRuns = new Runs(statusAt, n, "status");
  const timeRuns = new Runs(timeAt, n, "time");
  const ints = emptyOr(m.ints), uints = emptyOr(m.uints), floats = emptyOr(m.floats), doubles = emptyOr(m.doubles);
  const strings = emptyOr(m.strings);
  const longs = emptyOr(m.longs) as readonly (Bits64 | number)[], ulongs = emptyOr(m.ulongs) as readonly (Bits64 | number)[];
  let ci = 0, cu = 0, cl = 0, cul = 0, cf = 0, cd = 0, cs = 0;
  const types = catalog.types;
  const out = new Array<Sample>(n);
  let alias = listForm ? 0 : m.firstAlias;
  let isNull = false, st = 0, t = frameTime;
  for (let i = 0; i < n; i++) {
    if (listForm) alias += aliases[i] as number;
    else if (i > 0) alias++;
    if (alias >= size) throw malformed("alias beyond the catalogue");
    if (nullRuns.take(i) % 2 === 1) isNull = !isNull;
    if (statusRuns.take(i) > 0) st = unrotateStatus(status[statusRuns.index] as number);
    const tr = timeRuns.take(i);
    if (tr > 0) {
      // Each run's offset is relative to the previous run (zero-length runs included).
      for (let k = timeRuns.index - tr + 1; k <= timeRuns.index; k++) t += bitsToSafeNumber(times[k] as Bits64 | number, "source time");
      if (!Number.isSafeInteger(t)) throw malformed("source time out of range");
    }
    let value: Value = null;
    if (!isNull) {
      const code = types[alias] as number;
      switch (COLUMN_OF[code]) {
        case Column.Ints: {
          if (ci >= ints.length) throw malformed("ints column too short");
          const v = ints[ci++] as number;
          // bool is 0 or 1; anything else stays a number, which the receiver's screen flags
          value = code === 1 ? (v === 0 ? false : v === 1 ? true : v) : v;
          break;
        }
        case Column.Uints:
          if (cu >= uints.length) throw malformed("uints column too short");
          value = uints[cu++] as number;
          break;
        case Column.Longs:
          if (cl >= longs.length) throw malformed("longs column too short");
          value = bitsToInt64(longs[cl++] as Bits64);
          break;
        case Column.Ulongs:
          if (cul >= ulongs.length) throw malformed("ulongs column too short");
          value = bitsToUint64(ulongs[cul++] as Bits64);
          break;
        case Column.Floats:
          if (cf >= floats.length) throw malformed("floats column too short");
          value = floats[cf++] as number;
          break;
        case Column.Doubles:
          if (cd >= doubles.length) throw malformed("doubles column too short");
          value = doubles[cd++] as number;
          break;
        default:
          if (cs >= strings.length) throw malformed("strings column too short");
          value = strings[cs++] as string;
          break;
      }
    }
    out[i] = { alias, value, status: st, sourceTime: t };
  }
  if (ci !== ints.length || cu !== uints.length || cl !== longs.length || cul !== ulongs.length
    || cf !== floats.length || cd !== doubles.length || cs !== strings.length) {
    throw malformed("value columns longer than the samples");
  }
  return out;
}
