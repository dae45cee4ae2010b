/**
 * A new catalogue applied to the store's records incrementally: only the entries that
 * differ from the catalogue in force are touched, so a change of 1 tag in 100,000 costs
 * one comparison pass (object identity first: the replica hands unchanged entries over
 * as the same objects) instead of the full validation, policy and record pass.
 *
 *   prev[i] vs next[i] (same alias) ─┬─ same entry (identity, or path + shape equal) ─▶ nothing (def refreshed)
 *                                    └─ differs / appended / cut off ─▶ policy.decide ─▶ record added / changed / removed
 *
 * It gives up (returns null, the store then does its full pass) whenever the result
 * could differ from the full pass: no previous catalogue, the previous pass dropped
 * entries (bad path or alias, over limits.tags), a changed entry is invalid, the new
 * catalogue is over limits.tags, or more than a quarter of the entries changed. So the
 * records, aliases and denied set after a patch are exactly those of a full pass.
 */
import { PATH_SEGMENT, type TagDef, type TagType } from "../core/model.js";
import type { Level } from "./quality.js";
import { TagRecord, sameShape } from "./record.js";
import type { TagState } from "./store-api.js";

/** The part of the store a patch works on (mutated in place on success). */
export interface CatalogRecords {
  byPath: Map<string, TagRecord>;
  byAlias: (TagRecord | undefined)[];
  denied: Set<number>;
  linkLevel: Level;
  maxTags: number;
  /** the local policy's decision for one tag */
  decide(path: string, type: TagType): boolean;
  /** a tag's type changed or it went away: its history no longer applies */
  resetHistory(r: TagRecord): void;
  dropHistory(path: string): void;
}

export interface CatalogPatch {
  added: TagState[];
  removed: string[];
  changed: TagState[];
}

function sameEntry(a: TagDef, b: TagDef): boolean {
  return a === b || (a.path === b.path && sameShape(a, b));
}

/** A valid store path ("source/name") and alias for a catalogue of n tags. */
function validEntry(def: TagDef, n: number): boolean {
  const slash = def.path.indexOf("/");
  return slash > 0 && PATH_SEGMENT.test(def.path.slice(0, slash)) && PATH_SEGMENT.test(def.path.slice(slash + 1))
    && Number.isInteger(def.alias) && def.alias >= 0 && def.alias < n;
}

/**
 * Applies `next` over `prev` (the catalogue the records were built from by a clean full
 * pass or a patch). Returns what changed, or null when only a full pass is exact.
 */
export function patchCatalog(rec: CatalogRecords, prev: readonly TagDef[], next: readonly TagDef[]): CatalogPatch | null {
  if (next.length > rec.maxTags) return null;
  const limit = Math.max(16, next.length >> 2);
  const common = Math.min(prev.length, next.length);
  const diff: number[] = [];
  for (let i = 0; i < common; i++) {
    const a = prev[i] as TagDef, b = next[i] as TagDef;
    if (a === b) continue;
    if (b.alias !== i) return null;
    if (sameEntry(a, b)) {
      const r = rec.byAlias[i];
      if (r) r.def = b; // same tag, new object: keep identity with what the replica hands over next time
      continue;
    }
    diff.push(i);
    if (diff.length > limit) return null;
  }
  if (diff.length + Math.abs(next.length - prev.length) > limit) return null;
  for (let i = common; i < next.length; i++) diff.push(i);
  // Records leaving their alias: entries that differ, and entries cut off the end.
  const touched = diff.filter((i) => i < prev.length);
  for (let i = next.length; i < prev.length; i++) touched.push(i);
  const leaving = new Map<string, TagRecord>();
  for (const i of touched) {
    const r = rec.byAlias[i];
    if (r) leaving.set(r.def.path, r);
  }
  // Validate every incoming entry before touching anything (paths unique, as a full pass requires).
  const incoming: TagDef[] = [];
  const seen = new Set<string>();
  for (const i of diff) {
    const d = next[i] as TagDef;
    if (d.alias !== i || !validEntry(d, next.length) || seen.has(d.path)) return null;
    if (rec.byPath.has(d.path) && !leaving.has(d.path)) return null;
    seen.add(d.path);
    incoming.push(d);
  }
  for (const i of touched) {
    rec.byAlias[i] = undefined;
    rec.denied.delete(i);
  }
  rec.byAlias.length = next.length;
  const out: CatalogPatch = { added: [], removed: [], changed: [] };
  for (const def of incoming) {
    if (!rec.decide(def.path, def.type)) { rec.denied.add(def.alias); continue; }
    let r = leaving.get(def.path);
    if (r) {
      leaving.delete(def.path);
      if (!sameShape(r.def, def)) {
        if (r.def.type !== def.type) { r.retype(def); rec.resetHistory(r); }
        out.changed.push(r);
      }
      r.def = def;
    } else {
      // A path new to the records (unchanged entries keep their own, distinct paths).
      r = new TagRecord(def, def.path.slice(0, def.path.indexOf("/")), def.path.slice(def.path.indexOf("/") + 1));
      r.level = rec.linkLevel;
      rec.byPath.set(def.path, r);
      out.added.push(r);
    }
    rec.byAlias[def.alias] = r;
  }
  for (const path of leaving.keys()) {
    rec.byPath.delete(path);
    rec.dropHistory(path);
    out.removed.push(path);
  }
  return out;
}
