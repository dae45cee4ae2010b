/**
 * Sparkplug devices from the store's view: one per source, alive while the link is up
 * and the reader does not report the source down (heartbeat health), and the node
 * metrics of the NBIRTH/NDATA (link health).
 */
import type { TagState, TagStoreView } from "../store-api.js";
import type { NodeHealth } from "./edge.js";

export function bySource(store: TagStoreView): Map<string, TagState[]> {
  const m = new Map<string, TagState[]>();
  for (const s of store.all()) {
    let l = m.get(s.source);
    if (!l) m.set(s.source, (l = []));
    l.push(s);
  }
  return m;
}

/** A device lives while the link is up and the reader does not report its source down. */
export function sourceUp(store: TagStoreView, source: string): boolean {
  if (!store.link().up) return false;
  const h = store.health()?.sources.find((s) => s.name === source);
  return !h || h.state === "up" || h.state === "degraded";
}

export function nodeHealth(store: TagStoreView, latencyMs: number | null): NodeHealth {
  const l = store.link();
  return { linkUp: l.up, framesLost: l.framesLost, latencyMs, tags: store.size };
}
