/**
 * Sparkplug devices from the store's view: one per source, alive while the link is up
 * and the reader does not report the source down (heartbeat health), the node metrics
 * of the NBIRTH/NDATA (link health), and the lifecycle of births and deaths.
 */
import type { TagState, TagStoreView } from "../store-api.js";
import type { Message, NodeHealth, SparkplugEdge } from "./edge.js";

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

/**
 * The edge node's births and deaths, from the store's state: NBIRTH and a DBIRTH per
 * live source, then each tick NDATA (link health), DDEATH for a source that went down
 * or away, and DBIRTH again for a source that came back or whose catalogue changed.
 */
export class DeviceLifecycle {
  private readonly dirty = new Set<string>();

  constructor(
    private readonly edge: SparkplugEdge,
    private readonly store: TagStoreView,
    private readonly send: (m: Message) => void,
  ) {}

  /** Sources whose tags were added, changed or removed: born again on the next tick. */
  catalogChanged(added: readonly TagState[], removed: readonly string[], changed: readonly TagState[]): void {
    for (const s of added) this.dirty.add(s.source);
    for (const s of changed) this.dirty.add(s.source);
    for (const p of removed) this.dirty.add(p.slice(0, p.indexOf("/")));
  }

  /** NBIRTH and a DBIRTH for every source that is up. */
  births(latencyMs: number | null, now: number): void {
    this.send(this.edge.nodeBirth(nodeHealth(this.store, latencyMs), now));
    this.dirty.clear();
    for (const [source, tags] of bySource(this.store)) if (sourceUp(this.store, source)) this.send(this.edge.deviceBirth(source, tags, now));
  }

  tick(latencyMs: number | null, now: number): void {
    const nd = this.edge.nodeData(nodeHealth(this.store, latencyMs), now);
    if (nd) this.send(nd);
    const sources = bySource(this.store);
    for (const source of this.edge.bornDevices()) {
      if (!sources.has(source) || !sourceUp(this.store, source)) this.send(this.edge.deviceDeath(source, now));
    }
    for (const [source, tags] of sources) {
      const up = sourceUp(this.store, source);
      if (up && (!this.edge.isBorn(source) || this.dirty.has(source))) this.send(this.edge.deviceBirth(source, tags, now));
    }
    this.dirty.clear();
  }
}
