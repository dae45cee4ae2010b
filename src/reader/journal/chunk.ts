/**
 * Journal chunks: up to CHUNK_SAMPLES samples of one catalogue, sealed into the link's
 * own columnar coding (a delta frame: aliases delta-coded, one typed column per wire
 * type, status and time runs), so a sample costs a few bytes in memory and on disk
 * alike, and reading a chunk back is the link codec's tested decode.
 *
 *   append ─▶ OpenChunk (Sample[], coerced, whole-ms times) ─seal─▶ SealedChunk { bytes, count, minT, maxT, keepT }
 *   SealedChunk.bytes + its CatalogIndex ──decodeChunk──▶ Sample[]
 */
import type { Sample, TagDef } from "../../core/model.js";
import { Status } from "../../core/status.js";
import { CatalogIndex, coerceValue, decodeFrame, encodeFrame, encodeSamplesFrame, MAX_SAMPLES, MISMATCH } from "../../link/index.js";

/** Samples per sealed chunk (the link codec's limit per Values). */
export const CHUNK_SAMPLES = MAX_SAMPLES;
/** A chunk is sealed at the latest this long after its first sample. */
export const CHUNK_MS = 1_000;

export interface SealedChunk {
  hash: number;
  count: number;
  /** Oldest and newest source time in the chunk. */
  minT: number;
  maxT: number;
  /** Newest source time, capped at the time of appending: what retention and the completeness floor go by. */
  keepT: number;
  bytes: Uint8Array;
}

export class OpenChunk {
  readonly samples: Sample[] = [];
  minT = Infinity;
  maxT = -Infinity;
  keepT = -Infinity;
  opened = 0;

  constructor(readonly cat: CatalogIndex) {}

  /** Adds a sample sent at `now`: its value coerced to the tag's type, its time in whole ms. */
  add(s: Sample, now: number): void {
    if (this.samples.length === 0) this.opened = now;
    const code = this.cat.types[s.alias] as number;
    let value = s.value, status = s.status >>> 0;
    if (!(typeof value === "number" && code === 9)) { // float64 numbers need no coercion
      const cv = coerceValue(code, value);
      if (cv === MISMATCH) { value = null; status = Status.BadTypeMismatch; } else value = cv;
    }
    const t = Number.isFinite(s.sourceTime) ? Math.round(s.sourceTime) : now;
    this.samples.push({ alias: s.alias, value, status, sourceTime: t });
    if (t < this.minT) this.minT = t;
    if (t > this.maxT) this.maxT = t;
    const k = Math.min(t, now);
    if (k > this.keepT) this.keepT = k;
  }

  get full(): boolean {
    return this.samples.length >= CHUNK_SAMPLES;
  }

  seal(): SealedChunk {
    // Stable sort in place (the chunk is done with its order): one tag's samples stay in the order sent.
    const sorted = this.samples;
    let ordered = true;
    for (let i = 1; i < sorted.length && ordered; i++) ordered = (sorted[i] as Sample).alias >= (sorted[i - 1] as Sample).alias;
    if (!ordered) sorted.sort((a, b) => a.alias - b.alias);
    const bytes = encodeSamplesFrame("delta", sorted, 0, sorted.length, this.cat, this.minT);
    return { hash: this.cat.hash, count: sorted.length, minT: this.minT, maxT: this.maxT, keepT: this.keepT, bytes };
  }
}

export function decodeChunk(bytes: Uint8Array, cat: CatalogIndex): Sample[] {
  const f = decodeFrame(bytes, cat);
  return f.body.kind === "delta" ? f.body.samples : [];
}

/** A catalogue as bytes (one birth frame of every tag), so a disk journal file describes its own aliases. */
export function encodeCatalog(cat: CatalogIndex): Uint8Array {
  return encodeFrame({
    timeMs: 0, catalogHash: cat.hash,
    body: { kind: "birth", part: 0, parts: 1, tagCount: cat.size, tags: cat.tags as TagDef[] },
  }, undefined);
}

export function decodeCatalog(bytes: Uint8Array): CatalogIndex {
  const f = decodeFrame(bytes, undefined);
  if (f.body.kind !== "birth") throw new Error("not a catalogue record");
  const cat = CatalogIndex.of(f.body.tags);
  if (cat.hash !== f.catalogHash) throw new Error("catalogue record hash mismatch");
  return cat;
}

/** Old alias -> alias in `to` (-1: not in it), by path and type, as the link carries values across catalogues. */
export function aliasMap(from: CatalogIndex, to: CatalogIndex): Int32Array {
  const map = new Int32Array(from.size).fill(-1);
  to.carryFrom(from, (a, o) => { map[o] = a; });
  return map;
}
