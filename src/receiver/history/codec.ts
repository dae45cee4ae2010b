/**
 * Compact history blocks: one tag's samples over a stretch of time, encoded in columns.
 *
 *   samples (sorted by time) ─▶ [ head | times: delta-of-delta, zero runs | status+null: runs | values ]
 *
 * - times: the first in full, then the change of the step (delta of delta), with runs of
 *   zero changes as one token: a steady 1 Hz tag costs almost nothing per sample;
 * - status and the null flag: run-length encoded (a status rarely changes);
 * - values (non-null only): numbers that are exact decimals (integers, 21.37, booleans)
 *   as zigzag deltas of the scaled integer (about 1 byte for a slow tag); other numbers
 *   XOR-ed with the previous value (Gorilla: 1 bit when unchanged), on 32 bits for
 *   float32 tags; 64-bit integers as zigzag BigInt deltas; strings, or "same as before".
 * A block is self-describing (version, value mode, count); decode(encode(x)) is x exactly.
 */
import type { TagType, Value } from "../../core/model.js";
import { lowerBound } from "./columns.js";

export interface Column {
  t: number[];
  s: number[];
  v: Value[];
}

const VERSION = 1;
const enum Mode { Decimal = 0, Xor64 = 1, Xor32 = 2, Big = 3, Str = 4, Bool = 5 }
const TIME_RAW = 0x80;

class Writer {
  buf = Buffer.allocUnsafe(256);
  len = 0;
  private acc = 0;
  private nacc = 0;
  private ensure(n: number): void {
    if (this.len + n <= this.buf.length) return;
    const b = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.len + n));
    this.buf.copy(b, 0, 0, this.len);
    this.buf = b;
  }
  byte(b: number): void { this.ensure(1); this.buf[this.len++] = b; }
  /** unsigned varint of a non-negative safe integer (up to 2^53) */
  uv(n: number): void {
    this.ensure(10);
    while (n >= 128) { this.buf[this.len++] = (n % 128) | 128; n = Math.floor(n / 128); }
    this.buf[this.len++] = n;
  }
  zz(n: number): void { this.uv(n >= 0 ? n * 2 : -n * 2 - 1); }
  bigzz(n: bigint): void {
    let z = n >= 0n ? n << 1n : ((-n) << 1n) - 1n;
    this.ensure(20);
    while (z >= 128n) { this.buf[this.len++] = Number(z & 127n) | 128; z >>= 7n; }
    this.buf[this.len++] = Number(z);
  }
  f64(x: number): void { this.ensure(8); this.buf.writeDoubleLE(x, this.len); this.len += 8; }
  bytes(b: Buffer): void { this.ensure(b.length); b.copy(this.buf, this.len); this.len += b.length; }
  /** n (<= 32) low bits of v, most significant first */
  bits(v: number, n: number): void {
    for (let i = n - 1; i >= 0; i--) {
      this.acc = (this.acc << 1) | ((v >>> i) & 1);
      if (++this.nacc === 8) { this.byte(this.acc); this.acc = 0; this.nacc = 0; }
    }
  }
  endBits(): void { if (this.nacc > 0) { this.byte(this.acc << (8 - this.nacc)); this.acc = 0; this.nacc = 0; } }
  done(): Buffer { return Buffer.from(this.buf.subarray(0, this.len)); }
}

class Reader {
  pos = 0;
  private acc = 0;
  private nacc = 0;
  constructor(private readonly b: Uint8Array) {}
  byte(): number {
    if (this.pos >= this.b.length) throw new RangeError("history block truncated");
    return this.b[this.pos++]!;
  }
  uv(): number {
    let n = 0, mul = 1, b: number;
    do { b = this.byte(); n += (b & 127) * mul; mul *= 128; } while (b & 128);
    return n;
  }
  zz(): number { const z = this.uv(); return z % 2 === 0 ? z / 2 : -(z + 1) / 2; }
  bigzz(): bigint {
    let z = 0n, shift = 0n, b: number;
    do { b = this.byte(); z |= BigInt(b & 127) << shift; shift += 7n; } while (b & 128);
    return (z & 1n) === 0n ? z >> 1n : -((z + 1n) >> 1n);
  }
  f64(): number { const x = Buffer.from(this.b.buffer, this.b.byteOffset + this.pos, 8).readDoubleLE(0); this.pos += 8; return x; }
  skip(n: number): void {
    if (this.pos + n > this.b.length) throw new RangeError("history block truncated");
    this.pos += n;
  }
  bits(n: number): number {
    let v = 0;
    for (let i = 0; i < n; i++) {
      if (this.nacc === 0) { this.acc = this.byte(); this.nacc = 8; }
      this.nacc--;
      v = (v * 2) + ((this.acc >>> this.nacc) & 1);
    }
    return v >>> 0;
  }
}

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);
const f32 = new Float32Array(1);
const u32f = new Uint32Array(f32.buffer);

/** The smallest k (0..9) with every v * 10^k an exact safe integer, or -1. */
function decimalScale(vals: number[]): number {
  for (let k = 0; k <= 9; k++) {
    const p = 10 ** k;
    let ok = true;
    for (const v of vals) {
      const x = Math.round(v * p);
      if (!Number.isSafeInteger(x) || x / p !== v || Object.is(v, -0)) { ok = false; break; }
    }
    if (ok) return k;
  }
  return -1;
}

function kindMode(type: TagType, vals: Value[]): Mode {
  switch (type) {
    case "bool": return Mode.Bool;
    case "string": return Mode.Str;
    case "int64": case "uint64": return Mode.Big;
    default: {
      const nums = vals as number[];
      if (decimalScale(nums) >= 0) return Mode.Decimal;
      return type === "float32" && nums.every((v) => Math.fround(v) === v || Number.isNaN(v)) ? Mode.Xor32 : Mode.Xor64;
    }
  }
}

function clz64(hi: number, lo: number): number { return hi !== 0 ? Math.clz32(hi) : 32 + Math.clz32(lo); }
function ctz32(x: number): number { return x === 0 ? 32 : 31 - Math.clz32(x & -x); }
function ctz64(hi: number, lo: number): number { return lo !== 0 ? ctz32(lo) : 32 + ctz32(hi); }

/** XOR each value with the previous one: '0' unchanged, else '1' + 6 bits leading zeros + 6 bits length-1 + the bits. */
function xorEncode(w: Writer, vals: number[], wide: boolean): void {
  let ph = 0, pl = 0;
  for (const v of vals) {
    let hi: number, lo: number;
    if (wide) { f64[0] = v; lo = u32[0]!; hi = u32[1]!; } else { f32[0] = v; lo = u32f[0]!; hi = 0; }
    const xh = (hi ^ ph) >>> 0, xl = (lo ^ pl) >>> 0;
    ph = hi; pl = lo;
    if (xh === 0 && xl === 0) { w.bits(0, 1); continue; }
    const lz = clz64(xh, xl), tz = ctz64(xh, xl), top = 63 - lz, len = top - tz + 1;
    w.bits(1, 1); w.bits(lz, 6); w.bits(len - 1, 6);
    if (top >= 32) { const from = Math.max(tz, 32); w.bits(xh >>> (from - 32), top - from + 1); }
    if (tz < 32) { const upto = Math.min(top, 31); w.bits(xl >>> tz, upto - tz + 1); }
  }
  w.endBits();
}

/** Decodes n values; those from index `first` on go to out[i - first]. */
function xorDecode(r: Reader, n: number, wide: boolean, out: Value[], first: number): void {
  let hi = 0, lo = 0;
  for (let i = 0; i < n; i++) {
    if (r.bits(1) === 1) {
      const lz = r.bits(6), len = r.bits(6) + 1, top = 63 - lz, tz = top - len + 1;
      let xh = 0, xl = 0;
      if (top >= 32) { const from = Math.max(tz, 32); xh = (r.bits(top - from + 1) << (from - 32)) >>> 0; }
      if (tz < 32) { const upto = Math.min(top, 31); xl = (r.bits(upto - tz + 1) * 2 ** tz) >>> 0; }
      hi = (hi ^ xh) >>> 0; lo = (lo ^ xl) >>> 0;
    }
    if (i < first) continue;
    if (wide) { u32[0] = lo; u32[1] = hi; out[i - first] = f64[0]!; } else { u32f[0] = lo; out[i - first] = f32[0]!; }
  }
}

export function encodeBlock(type: TagType, c: Column): Buffer {
  const n = c.t.length;
  const w = new Writer();
  const vals = c.v.filter((v) => v !== null);
  const mode = kindMode(type, vals);
  const rawTime = !c.t.every((t) => Number.isSafeInteger(t));
  w.byte(VERSION);
  w.byte(mode | (rawTime ? TIME_RAW : 0));
  w.uv(n);
  // times
  if (rawTime) for (const t of c.t) w.f64(t);
  else if (n > 0) {
    w.zz(c.t[0]!);
    let prev = c.t[0]!, step = 0, zeros = 0;
    for (let i = 1; i < n; i++) {
      const d = c.t[i]! - prev, dod = d - step;
      prev = c.t[i]!; step = d;
      if (dod === 0) { zeros++; continue; }
      if (zeros > 0) { w.uv(zeros * 2 + 1); zeros = 0; }
      w.uv((dod >= 0 ? dod * 2 : -dod * 2 - 1) * 2);
    }
    if (zeros > 0) w.uv(zeros * 2 + 1);
  }
  // status + null flag, as runs
  for (let i = 0; i < n;) {
    const key = (c.s[i]! >>> 0) * 2 + (c.v[i] === null ? 1 : 0);
    let j = i + 1;
    while (j < n && (c.s[j]! >>> 0) * 2 + (c.v[j] === null ? 1 : 0) === key) j++;
    w.uv(j - i); w.uv(key);
    i = j;
  }
  // values
  switch (mode) {
    case Mode.Bool: case Mode.Decimal: {
      const nums = mode === Mode.Bool ? vals.map((v) => (v === true ? 1 : 0)) : vals as number[];
      const k = mode === Mode.Bool ? 0 : decimalScale(nums);
      const p = 10 ** k;
      w.byte(k);
      let prev = 0;
      for (const v of nums) { const x = Math.round(v * p); w.zz(x - prev); prev = x; }
      break;
    }
    case Mode.Xor64: case Mode.Xor32: xorEncode(w, vals as number[], mode === Mode.Xor64); break;
    case Mode.Big: {
      let prev = 0n;
      for (const v of vals as bigint[]) { w.bigzz(v - prev); prev = v; }
      break;
    }
    case Mode.Str: {
      let prev: string | null = null;
      for (const v of vals as string[]) {
        if (v === prev) { w.uv(0); continue; }
        const b = Buffer.from(v, "utf8");
        w.uv(b.length + 1); w.bytes(b);
        prev = v;
      }
      break;
    }
  }
  return w.done();
}

/**
 * Decode buffers reused by every read (reads are synchronous, so one set serves all):
 * times, statuses and null flags of a whole block go here, and only the samples a
 * query asked for become JS arrays. A block is at most a few thousand samples.
 */
const scratch = { t: new Float64Array(8192), s: new Uint32Array(8192), nul: new Uint8Array(8192) };

export interface RangeColumn extends Column {
  /** the block holds samples before `from` */
  before: boolean;
  /** the block holds samples after `to` */
  after: boolean;
}

export function decodeBlock(type: TagType, data: Uint8Array): Column {
  const { t, s, v } = decodeRange(type, data, -Infinity, Infinity);
  return { t, s, v };
}

/**
 * The samples of a block with from <= time <= to, oldest first. Times and statuses are
 * walked whole (they come before the values), values only up to the last one needed, and
 * nothing outside the range is allocated: a one-hour read touches two 1-hour blocks but
 * builds one hour of samples.
 */
export function decodeRange(type: TagType, data: Uint8Array, from: number, to: number): RangeColumn {
  const r = new Reader(data);
  if (r.byte() !== VERSION) throw new RangeError("history block: unknown version");
  const head = r.byte();
  const mode = (head & 0x7f) as Mode;
  const n = r.uv();
  if (n > scratch.t.length) {
    const m = Math.max(n, scratch.t.length * 2);
    scratch.t = new Float64Array(m); scratch.s = new Uint32Array(m); scratch.nul = new Uint8Array(m);
  }
  const { t, s, nul } = scratch;
  if (head & TIME_RAW) for (let i = 0; i < n; i++) t[i] = r.f64();
  else if (n > 0) {
    t[0] = r.zz();
    let step = 0;
    for (let i = 1; i < n;) {
      const tok = r.uv();
      if (tok % 2 === 1) {
        for (let z = (tok - 1) / 2; z > 0 && i < n; z--, i++) t[i] = t[i - 1]! + step;
      } else {
        const zz = tok / 2;
        step += zz % 2 === 0 ? zz / 2 : -(zz + 1) / 2;
        t[i] = t[i - 1]! + step;
        i++;
      }
    }
  }
  // [a, b): the samples in range (blocks are sorted by time)
  const a = from > -Infinity ? lowerBound(t, from, false, 0, n) : 0;
  const b = to < Infinity ? lowerBound(t, to, true, a, n) : n;
  let ka = 0, kb = 0; // non-null values before a, before b
  for (let i = 0; i < n;) {
    const run = r.uv(), key = r.uv();
    const st = Math.floor(key / 2), nl = key % 2;
    for (let j = 0; j < run && i < n; j++, i++) {
      s[i] = st; nul[i] = nl;
      if (nl === 0) { if (i < a) ka++; if (i < b) kb++; }
    }
  }
  const vals = new Array<Value>(Math.max(0, kb - ka));
  switch (mode) {
    case Mode.Bool: case Mode.Decimal: {
      const p = 10 ** r.byte();
      let prev = 0;
      for (let k = 0; k < kb; k++) { prev += r.zz(); if (k >= ka) vals[k - ka] = mode === Mode.Bool ? prev === 1 : prev / p; }
      break;
    }
    case Mode.Xor64: case Mode.Xor32: xorDecode(r, kb, mode === Mode.Xor64, vals, ka); break;
    case Mode.Big: {
      let prev = 0n;
      for (let k = 0; k < kb; k++) { prev += r.bigzz(); if (k >= ka) vals[k - ka] = type === "uint64" ? BigInt.asUintN(64, prev) : prev; }
      break;
    }
    case Mode.Str: {
      let prev = "", at = -1, len = 0; // where the last new string starts: decoded only when a sample in range needs it
      for (let k = 0; k < kb; k++) {
        const l = r.uv();
        if (l > 0) { at = r.pos; len = l - 1; r.skip(len); }
        if (k < ka) continue;
        if (at >= 0) { prev = Buffer.from(data.buffer, data.byteOffset + at, len).toString("utf8"); at = -1; }
        vals[k - ka] = prev;
      }
      break;
    }
    default: throw new RangeError("history block: unknown value mode");
  }
  const len = b - a;
  const ot = new Array<number>(len), os = new Array<number>(len), ov = new Array<Value>(len);
  for (let i = a, k = 0; i < b; i++) {
    ot[i - a] = t[i]!; os[i - a] = s[i]!;
    ov[i - a] = nul[i] === 1 ? null : vals[k++]!;
  }
  return { t: ot, s: os, v: ov, before: a > 0, after: b < n };
}
