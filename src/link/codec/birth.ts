/**
 * Birth parts: a slice of consecutive catalogue entries, paths front-coded against the
 * previous path of the same part (so each part decodes on its own, in any order).
 *
 *   TagDef[start,end) ──encodeBirth──▶ Birth { part, parts, tag_count, first_alias, tags }
 *   Birth ──decodeBirth──▶ { part, parts, tagCount, tags }   (checked; malformed → FrameError)
 *
 * planBirthParts splits a catalogue so that each part's frame fits one datagram.
 */
import type { TagDef } from "../../core/model.js";
import { SluiceError } from "../../core/errors.js";
import { MAX_TAGS, typeCode, typeOfCode } from "../catalog.js";
import type { sluice } from "./generated/sluice.js";
import { malformed, varint32Size } from "./wire.js";

type BirthProps = sluice.v1.Birth.$Properties;
type TagProps = sluice.v1.Tag.$Properties;

/** Bytes of the Frame fields around a body, worst case (time, hash, body tag+len, part fields). */
export const FRAME_OVERHEAD = 48;

function sharedPrefix(a: string, b: string): number {
  const max = Math.min(a.length, b.length);
  let i = 0;
  while (i < max && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  // Never split a surrogate pair: the suffix must be valid UTF-16 on its own.
  if (i > 0 && i < b.length) {
    const c = b.charCodeAt(i - 1);
    if (c >= 0xd800 && c <= 0xdbff) i--;
  }
  return i;
}

function utf8(s: string): number {
  return Buffer.byteLength(s, "utf8");
}

function strField(s: string | undefined): number {
  if (!s) return 0;
  const n = utf8(s);
  return 1 + varint32Size(n) + n;
}

/** Encoded bytes of one Tag entry (with its field key and length) given the previous path. */
function tagSize(t: TagDef, prevPath: string): number {
  const shared = sharedPrefix(prevPath, t.path);
  const inner = (shared ? 1 + varint32Size(shared) : 0) + strField(t.path.slice(shared)) + 2
    + strField(t.unit) + (t.range ? 2 + 16 : 0) + strField(t.description);
  return 1 + varint32Size(inner) + inner;
}

/**
 * Part boundaries [start, end) so each birth frame is at most maxPayload bytes (a tag
 * that alone exceeds it gets a part of its own, which the transport fragments).
 */
export function planBirthParts(tags: readonly TagDef[], maxPayload: number): Array<[number, number]> {
  const budget = Math.max(64, maxPayload - FRAME_OVERHEAD);
  const parts: Array<[number, number]> = [];
  let start = 0, used = 0, prev = "";
  for (let i = 0; i < tags.length; i++) {
    const t = tags[i] as TagDef;
    let cost = tagSize(t, prev);
    if (i > start && used + cost > budget) {
      parts.push([start, i]);
      start = i;
      cost = tagSize(t, "");
      used = 0;
    }
    used += cost;
    prev = t.path;
  }
  parts.push([start, tags.length]);
  return parts;
}

/** A Birth body for the consecutive tags `partTags` (aliases first_alias, first_alias + 1, ...). */
export function encodeBirth(partTags: readonly TagDef[], part: number, parts: number, tagCount: number): BirthProps {
  const firstAlias = partTags[0]?.alias ?? 0;
  const out: TagProps[] = new Array<TagProps>(partTags.length);
  let prev = "";
  for (let i = 0; i < partTags.length; i++) {
    const t = partTags[i] as TagDef;
    if (t.alias !== firstAlias + i) throw new SluiceError("SLUICE_ERR_LINK", "birth part tags must have consecutive aliases");
    const shared = sharedPrefix(prev, t.path);
    const e: TagProps = { suffix: t.path.slice(shared), type: typeCode(t.type) };
    if (shared) e.shared = shared;
    if (t.unit) e.unit = t.unit;
    if (t.range) e.range = [t.range[0], t.range[1]];
    if (t.description) e.description = t.description;
    out[i] = e;
    prev = t.path;
  }
  return { part, parts, tagCount, firstAlias, tags: out };
}

export interface BirthPart {
  part: number;
  parts: number;
  tagCount: number;
  tags: TagDef[];
}

export function decodeBirth(m: sluice.v1.Birth): BirthPart {
  const { part, parts, tagCount, firstAlias } = m;
  const entries = m.tags ?? [];
  if (tagCount > MAX_TAGS) throw malformed(`catalogue of ${tagCount} tags, more than ${MAX_TAGS}`);
  if (parts < 1 || part >= parts || parts > Math.max(1, tagCount)) throw malformed(`birth part ${part} of ${parts} for ${tagCount} tags`);
  if (firstAlias + entries.length > tagCount) throw malformed("birth tags beyond the tag count");
  // Every part of a non-empty catalogue holds tags: empty parts would let a sender make a
  // receiver hold a million parts that carry nothing.
  if (entries.length === 0 && tagCount > 0) throw malformed("empty birth part");
  const tags = new Array<TagDef>(entries.length);
  let prev = "";
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i] as sluice.v1.Tag;
    const type = typeOfCode(e.type);
    if (!type) throw malformed(`tag type ${e.type}`);
    if (e.shared > prev.length) throw malformed("path prefix longer than the previous path");
    const path = prev.slice(0, e.shared) + e.suffix;
    if (path.length === 0) throw malformed("empty tag path");
    const t: TagDef = { alias: firstAlias + i, path, type };
    if (e.unit) t.unit = e.unit;
    const range = e.range ?? [];
    if (range.length === 2) t.range = [range[0] as number, range[1] as number];
    else if (range.length !== 0) throw malformed("range must be [lo, hi]");
    if (e.description) t.description = e.description;
    tags[i] = t;
    prev = path;
  }
  return { part, parts, tagCount, tags };
}
