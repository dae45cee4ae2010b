/**
 * The tag catalogue as the link sees it: the TagDef list indexed by alias, with the
 * wire column of each alias precomputed, and its 32-bit hash.
 *
 *   TagDef[] ──validate (dense aliases, types, unique paths)──▶ CatalogIndex { tags, types, hash }
 *
 * The hash is what every frame carries so that a receiver never applies values to the
 * wrong catalogue. It is the first 4 bytes (big-endian uint32) of SHA-256 over a
 * canonical byte encoding, tag after tag in alias order (proto/README.md, "Catalogue
 * hash", with a test vector):
 *
 *   alias u32 | type code u8 | path str | unit str | range: u8 0, or u8 1 + lo f64 + hi f64 | description str
 *   (integers and floats big-endian, IEEE-754 binary64; str = u32 byte length + UTF-8; absent = empty)
 *
 * so it is stable across runs, processes, languages and versions of protobufjs; a
 * collision between two catalogues of one deployment is a 1 in 4 billion chance, and
 * frames are authenticated, so only the reader makes them.
 */
import { createHash } from "node:crypto";
import { TAG_TYPES, type TagDef, type TagType } from "../core/model.js";
import { SluiceError } from "../core/errors.js";

/** Most tags one catalogue may hold (receiver memory bound, DESIGN invariant 5). */
export const MAX_TAGS = 1_000_000;

const CODES: ReadonlyMap<string, number> = new Map(TAG_TYPES.map((t, i) => [t, i + 1]));

/** Wire type code of a tag type: its index in TAG_TYPES + 1 (= proto enum sluice.v1.TagType); 0 if unknown. */
export function typeCode(type: TagType): number {
  return CODES.get(type) ?? 0;
}

/** Tag type of a wire type code, or undefined when the code is not valid. */
export function typeOfCode(code: number): TagType | undefined {
  return TAG_TYPES[code - 1];
}

/** 32-bit hash of a catalogue (unsigned): SHA-256 over the canonical byte encoding above. */
export function catalogHash(tags: readonly TagDef[]): number {
  const h = createHash("sha256");
  let buf = Buffer.allocUnsafe(1 << 16);
  let off = 0;
  const room = (n: number) => {
    if (off + n <= buf.length) return;
    h.update(buf.subarray(0, off));
    off = 0;
    if (n > buf.length) buf = Buffer.allocUnsafe(n);
  };
  const u32 = (v: number) => { room(4); buf.writeUInt32BE(v >>> 0, off); off += 4; };
  const str = (s: string) => { const n = Buffer.byteLength(s, "utf8"); u32(n); room(n); off += buf.write(s, off, "utf8"); };
  for (const t of tags) {
    u32(t.alias);
    room(1);
    buf[off++] = typeCode(t.type);
    str(t.path);
    str(t.unit ?? "");
    room(17);
    if (t.range) {
      buf[off++] = 1;
      buf.writeDoubleBE(t.range[0], off);
      buf.writeDoubleBE(t.range[1], off + 8);
      off += 16;
    } else {
      buf[off++] = 0;
    }
    str(t.description ?? "");
  }
  h.update(buf.subarray(0, off));
  return h.digest().readUInt32BE(0);
}

/** A validated catalogue with per-alias wire type codes; immutable once built. */
export class CatalogIndex {
  readonly tags: readonly Readonly<TagDef>[];
  /** Wire type code per alias (see typeCode). */
  readonly types: Uint8Array;
  readonly hash: number;

  private constructor(tags: readonly Readonly<TagDef>[], types: Uint8Array, hash: number) {
    this.tags = tags;
    this.types = types;
    this.hash = hash;
  }

  get size(): number {
    return this.tags.length;
  }

  /**
   * For each tag of this catalogue that `previous` also had, with the same path
   * and type, calls `carry(newAlias, oldAlias)`: the values a sender or replica
   * keeps across a catalogue change (aliases may move, types must match).
   */
  carryFrom(previous: CatalogIndex | null | undefined, carry: (alias: number, oldAlias: number) => void): void {
    if (!previous) return;
    const byPath = new Map(previous.tags.map((t) => [t.path, t]));
    for (const t of this.tags) {
      const o = byPath.get(t.path);
      if (o && o.type === t.type) carry(t.alias, o.alias);
    }
  }

  /**
   * Validates and indexes a catalogue. Throws SLUICE_ERR_LINK when aliases are not
   * dense 0..n-1 in order, a type is unknown, a path is empty or repeated, or the
   * catalogue exceeds MAX_TAGS. `hash`, when given, is trusted (the receiver checks it).
   * Entries equal to `previous`'s at the same alias are that catalogue's objects, so a
   * consumer can tell an unchanged tag by identity (the receiver's store patches only
   * the others). Other frozen entries (with a frozen range) are kept as given; the rest are copied.
   */
  static of(tags: readonly TagDef[], hash?: number, previous?: CatalogIndex | null): CatalogIndex {
    const old = previous?.tags;
    if (tags.length > MAX_TAGS) {
      throw new SluiceError("SLUICE_ERR_LINK", `catalogue has ${tags.length} tags, more than ${MAX_TAGS}`);
    }
    const types = new Uint8Array(tags.length);
    const paths = new Set<string>();
    const copy: Readonly<TagDef>[] = new Array<Readonly<TagDef>>(tags.length);
    for (let i = 0; i < tags.length; i++) {
      const t = tags[i] as TagDef;
      if (t.alias !== i) throw new SluiceError("SLUICE_ERR_LINK", `catalogue alias ${t.alias} at position ${i}: aliases must be dense 0..n-1 in order`);
      const code = typeCode(t.type);
      if (code === 0) throw new SluiceError("SLUICE_ERR_LINK", `catalogue tag ${i}: unknown type ${String(t.type)}`);
      if (typeof t.path !== "string" || t.path.length === 0) throw new SluiceError("SLUICE_ERR_LINK", `catalogue tag ${i}: empty path`);
      if (paths.has(t.path)) throw new SluiceError("SLUICE_ERR_LINK", `catalogue tag ${i}: duplicate path ${t.path}`);
      if (t.range !== undefined && (t.range.length !== 2 || typeof t.range[0] !== "number" || typeof t.range[1] !== "number")) {
        throw new SluiceError("SLUICE_ERR_LINK", `catalogue tag ${i}: range must be [lo, hi]`);
      }
      paths.add(t.path);
      types[i] = code;
      const o = old?.[i];
      if (o && o.path === t.path && o.type === t.type && o.unit === t.unit && o.description === t.description
        && o.range?.[0] === t.range?.[0] && o.range?.[1] === t.range?.[1] && (o.range === undefined) === (t.range === undefined)) {
        copy[i] = o;
        continue;
      }
      // A frozen entry cannot change under the hash: shared, not copied (the reader's journal and
      // link index the same 100,000 entries instead of a copy each).
      if (Object.isFrozen(t) && (t.range === undefined || Object.isFrozen(t.range))) {
        copy[i] = t;
        continue;
      }
      // A copy, so that a caller changing its objects later cannot change the catalogue under its hash.
      const c: TagDef = { alias: i, path: t.path, type: t.type };
      if (t.unit !== undefined) c.unit = t.unit;
      if (t.range !== undefined) c.range = [t.range[0], t.range[1]];
      if (t.description !== undefined) c.description = t.description;
      copy[i] = c;
    }
    return new CatalogIndex(Object.freeze(copy), types, hash ?? catalogHash(copy));
  }
}
