/**
 * From the resolved configuration to what crosses and what is polled:
 *
 *   ResolvedTag[] ──policy.filterCatalog──▶ allowed ──dense aliases──▶ TagDef[] (birth frames)
 *                                               └──group by source, interval──▶ SchedSource[]
 *
 * A tag the policy denies is never polled at all, so it can appear neither in
 * a birth frame nor in any value frame (fail closed, DESIGN invariant 4).
 */
import type { TagDef, TagType } from "../core/model.js";
import type { ResolvedSource, ResolvedTag } from "../config/reader.js";
import type { SchedSource, SchedTag } from "./scheduler.js";

export interface CatalogGate {
  filterCatalog<T extends { path: string; type: TagType }>(tags: T[]): { allowed: T[] };
}

export interface Catalog {
  defs: TagDef[];
  sources: SchedSource[];
}

export function buildCatalog(sources: readonly ResolvedSource[], gate: CatalogGate): Catalog {
  const { allowed } = gate.filterCatalog(sources.flatMap((s) => s.tags) as ResolvedTag[]);
  const alias = new Map<ResolvedTag, number>();
  const defs = allowed.map((t, i): TagDef => {
    alias.set(t, i);
    const d: TagDef = { alias: i, path: t.path, type: t.type };
    if (t.unit !== undefined) d.unit = t.unit;
    if (t.range !== undefined) d.range = [t.range[0], t.range[1]];
    if (t.description !== undefined) d.description = t.description;
    return d;
  });
  const sched: SchedSource[] = [];
  for (const s of sources) {
    const groups = new Map<number, SchedTag[]>();
    for (const t of s.tags) {
      const a = alias.get(t);
      if (a === undefined) continue;
      const spec = t.range ? { scaling: t.scaling, range: t.range, deadband: t.deadband } : { scaling: t.scaling, deadband: t.deadband };
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
