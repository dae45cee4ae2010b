/**
 * Sizing of Values frames before they are encoded, so that each keyframe part and
 * each delta frame fits one datagram (loss then costs one frame, not a fragment set).
 *
 *   Packer.reset(frameTime) ─▶ add(sample)* ─▶ false when the next sample would not fit
 *
 * The cost of a sample follows values.ts exactly (alias gap or nothing, the value's
 * column entry, a run entry where null-ness, status or time changes); each non-empty
 * column is charged its field key and a worst-case length prefix, and the frame
 * around the Values a fixed FRAME_OVERHEAD. The estimate is therefore an upper bound.
 */
import type { Sample, Value } from "../../core/model.js";
import { FRAME_OVERHEAD } from "./birth.js";
import { MAX_SAMPLES } from "./values.js";
import { COLUMN_OF, rotateStatus, varint32Size, zigzagSize } from "./wire.js";

const COLUMNS = 7;
const RUN_FIELDS = 5; // aliases, nulls, status_at, status, time_at/times counted as one pair each below

function bigSize(v: bigint): number {
  let u = v < 0n ? BigInt.asUintN(64, v) : v;
  let n = 1;
  while (u >= 128n) { u >>= 7n; n++; }
  return n;
}

function valueSize(code: number, v: Value): number {
  switch (code) {
    case 1: return 1;
    case 2: case 3: case 4: return zigzagSize(v as number);
    case 5: return varint32Size(v as number);
    case 6: { const b = v as bigint; return bigSize(b < 0n ? -2n * b - 1n : 2n * b); }
    case 7: return bigSize(v as bigint);
    case 8: return 4;
    case 9: return 8;
    default: { const n = Buffer.byteLength(v as string, "utf8"); return 1 + varint32Size(n) + n; }
  }
}

export class Packer {
  /** Samples added since reset. */
  count = 0;
  private content = 0;
  private headers = 0;
  private readonly used = new Uint8Array(COLUMNS);
  private readonly headerCost: number;
  private prevAlias = 0;
  private isNull = false;
  private lastNull = 0;
  private status = 0;
  private lastStatus = 0;
  private time = 0;
  private lastTime = 0;

  /**
   * @param types wire type code per alias (CatalogIndex.types)
   * @param budget bytes one encoded frame may take
   * @param listForm true for deltas (aliases listed), false for keyframes (contiguous)
   */
  constructor(private readonly types: Uint8Array, readonly budget: number, private readonly listForm: boolean) {
    this.headerCost = 1 + varint32Size(budget);
  }

  reset(frameTime: number): void {
    this.count = 0;
    this.content = 0;
    // The run columns (nulls, status_at+status, time_at+times) and aliases: their keys and lengths.
    this.headers = FRAME_OVERHEAD + RUN_FIELDS * this.headerCost + (this.listForm ? this.headerCost : 0);
    this.used.fill(0);
    this.prevAlias = 0;
    this.isNull = false;
    this.lastNull = 0;
    this.status = 0;
    this.lastStatus = 0;
    this.time = Math.round(frameTime);
    this.lastTime = 0;
  }

  /** Bytes the frame would take with the samples added so far (upper bound). */
  get bytes(): number {
    return this.headers + this.content;
  }

  /** Adds `s` (already coerced to its type) if the frame still fits; false otherwise. */
  add(s: Sample): boolean {
    if (this.count >= MAX_SAMPLES) return false;
    const i = this.count;
    let c = this.listForm ? varint32Size(s.alias - this.prevAlias) : 0;
    const isNull = s.value === null;
    if (isNull !== this.isNull) c += varint32Size(i - this.lastNull);
    const st = s.status >>> 0;
    if (st !== this.status) c += varint32Size(i - this.lastStatus) + varint32Size(rotateStatus(st));
    const t = Number.isFinite(s.sourceTime) ? Math.round(s.sourceTime) : this.time;
    if (t !== this.time) c += varint32Size(i - this.lastTime) + zigzagSize(t - this.time);
    let h = 0, col = -1;
    if (!isNull) {
      const code = this.types[s.alias] ?? 0;
      c += valueSize(code, s.value);
      col = COLUMN_OF[code] ?? 0;
      if (col !== 6 && this.used[col] === 0) h = this.headerCost; // strings are not packed: their key is in valueSize
    }
    if (i > 0 && this.headers + h + this.content + c > this.budget) return false;
    this.content += c;
    this.headers += h;
    if (col >= 0) this.used[col] = 1;
    this.count++;
    this.prevAlias = s.alias;
    if (isNull !== this.isNull) { this.isNull = isNull; this.lastNull = i; }
    if (st !== this.status) { this.status = st; this.lastStatus = i; }
    if (t !== this.time) { this.time = t; this.lastTime = i; }
    return true;
  }
}
