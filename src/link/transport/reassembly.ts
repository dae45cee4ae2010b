/**
 * Reassembly (receiver): fragments of one frame are collected until all are
 * present, then joined; all-or-nothing. Memory is bounded by a cap on frames
 * in flight and on their buffered bytes (oldest evicted first) and by a
 * timeout; nothing is pre-allocated from a header's claims.
 *
 *   fragment ─▶ partial[frameId] ─(all present)─▶ frame bytes
 *                     └─(cap, timeout)─▶ dropped (shows up as a frame-id gap)
 */
import type { Fragment } from "./fec/symbol.js";

export interface ReassemblyLimits {
  /** frames in flight at once */
  frames: number;
  /** bytes buffered across all frames in flight */
  bytes: number;
  timeoutMs: number;
}

interface Partial {
  count: number;
  got: number;
  parts: (Uint8Array | undefined)[];
  bytes: number;
  since: number;
  recovered: boolean;
}

export type AddResult = { frame: Uint8Array; recovered: boolean } | "pending" | "malformed";

export class Reassembly {
  private readonly partial = new Map<number, Partial>();
  private buffered = 0;
  /** incomplete frames given up (cap or timeout) */
  dropped = 0;

  constructor(private readonly limits: ReassemblyLimits) {}

  get inFlight(): number {
    return this.partial.size;
  }

  get bytes(): number {
    return this.buffered;
  }

  add(f: Fragment, recovered: boolean, now: number): AddResult {
    if (f.fragCount === 1) return { frame: f.bytes, recovered };
    let p = this.partial.get(f.frameId);
    if (!p) {
      while (this.partial.size >= this.limits.frames) this.evictOldest();
      p = { count: f.fragCount, got: 0, parts: [], bytes: 0, since: now, recovered: false };
      this.partial.set(f.frameId, p);
    } else if (p.count !== f.fragCount) {
      return "malformed";
    }
    if (p.parts[f.fragIndex]) return "pending"; // duplicate fragment
    p.parts[f.fragIndex] = f.bytes;
    p.got++;
    p.bytes += f.bytes.length;
    p.recovered ||= recovered;
    this.buffered += f.bytes.length;
    if (p.got === p.count) {
      this.remove(f.frameId, p);
      return { frame: Buffer.concat(p.parts as Uint8Array[], p.bytes), recovered: p.recovered };
    }
    while (this.buffered > this.limits.bytes && this.partial.size > 0) this.evictOldest();
    return "pending";
  }

  /** Give up frames older than the timeout. */
  sweep(now: number): void {
    for (const [id, p] of this.partial) {
      if (now - p.since < this.limits.timeoutMs) break; // insertion order = age order
      this.remove(id, p);
      this.dropped++;
    }
  }

  clear(): void {
    this.dropped += this.partial.size;
    this.partial.clear();
    this.buffered = 0;
  }

  private evictOldest(): void {
    const first = this.partial.entries().next();
    if (first.done) return;
    this.remove(first.value[0], first.value[1]);
    this.dropped++;
  }

  private remove(id: number, p: Partial): void {
    this.partial.delete(id);
    this.buffered -= p.bytes;
  }
}
