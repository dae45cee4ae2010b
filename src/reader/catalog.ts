/**
 * From the resolved configuration to what crosses and what is polled:
 *
 *   ResolvedTag[] ──policy.filterCatalog──▶ allowed ──dense aliases──▶ TagDef[] (birth frames)
 *                                               └──group by source, interval──▶ SchedSource[]
 *
 * A tag the policy denies is never polled at all, so it can appear neither in
 * a birth frame nor in any value frame (fail closed, DESIGN invariant 4).
 *
 * On a reload the previous catalogue is given: every tag it already had keeps its
 * alias while that alias is still below the new size, and new tags fill the free
 * aliases (less churn at the receiver, and an unchanged source's runner keeps its
 * aliases). Aliases stay dense 0..n-1, as the link requires.
 */
import type { TagDef, TagType } from "../core/model.js";
import type { ResolvedSource, ResolvedTag } from "../config/reader.js";
import { NO_SCALING } from "../config/reader-tags.js";
import type { NormSpec } from "./normalise/scale.js";
import type { SchedSource, SchedTag } from "./scheduler.js";

/** The spec of a tag read as is (no scaling, range or deadband), shared: most tags of a large plant. */
const PLAIN: NormSpec = Object.freeze({ scaling: NO_SCALING, deadband: 0 });

export interface CatalogGate {
  filterCatalog<T extends { path: string; type: TagType }>(tags: T[]): { allowed: T[] };
}

export interface Catalog {
  defs: TagDef[];
  sources: SchedSource[];
}

/** Aliases for `allowed` (dense 0..n-1), keeping each path's alias from `previous` where it fits. */
function assignAliases(allowed: readonly ResolvedTag[], previous: readonly TagDef[] | undefined): number[] {
  const n = allowed.length;
  if (!previous || previous.length === 0) return allowed.map((_, i) => i);
  const was = new Map(previous.map((d) => [d.path, d.alias]));
  const taken = new Uint8Array(n);
  const out = new Array<number>(n).fill(-1);
  allowed.forEach((t, i) => {
    const a = was.get(t.path);
    if (a !== undefined && a < n && taken[a] === 0) {
      taken[a] = 1;
      out[i] = a;
    }
  });
  let free = 0;
  for (let i = 0; i < n; i++) {
    if (out[i] !== -1) continue;
    while (taken[free] === 1) free++;
    taken[free] = 1;
    out[i] = free;
  }
  return out;
}

export function buildCatalog(sources: readonly ResolvedSource[], gate: CatalogGate, previous?: readonly TagDef[]): Catalog {
  const { allowed } = gate.filterCatalog(sources.flatMap((s) => s.tags) as ResolvedTag[]);
  const alias = new Map<ResolvedTag, number>();
  const aliases = assignAliases(allowed, previous);
  const defs = new Array<TagDef>(allowed.length);
  allowed.forEach((t, k) => {
    const i = aliases[k]!;
    alias.set(t, i);
    const d: TagDef = { alias: i, path: t.path, type: t.type };
    if (t.unit !== undefined) d.unit = t.unit;
    if (t.range !== undefined) d.range = [t.range[0], t.range[1]];
    if (t.description !== undefined) d.description = t.description;
    if (d.range) Object.freeze(d.range);
    defs[i] = Object.freeze(d); // frozen: the link's and the journal's catalogue indexes share it instead of copying
  });
  const sched: SchedSource[] = [];
  for (const s of sources) {
    const groups = new Map<number, SchedTag[]>();
    for (const t of s.tags) {
      const a = alias.get(t);
      if (a === undefined) continue;
      const spec = t.range ? { scaling: t.scaling, range: t.range, deadband: t.deadband } : t.scaling === NO_SCALING && t.deadband === 0 ? PLAIN : { scaling: t.scaling, deadband: t.deadband };
      const g = groups.get(t.intervalMs) ?? [];
      g.push({ alias: a, path: t.path, address: t.address, type: t.rawType, spec });
      groups.set(t.intervalMs, g);
    }
    if (groups.size === 0) continue; // nothing of this source may cross: do not even connect
    sched.push({
      name: s.name, protocol: s.protocol, endpoint: s.endpoint, timeoutMs: s.timeoutMs, backoff: s.backoff,
      failuresToDown: s.failuresToDown, rebuildAfter: s.rebuildAfter, options: s.options,
      groups: [...groups].sort((a, b) => a[0] - b[0]).map(([intervalMs, tags]) => ({ intervalMs, tags })),
    });
  }
  return { defs, sources: sched };
}
