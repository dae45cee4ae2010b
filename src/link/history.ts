/**
 * The history carousel: re-sends the reader's journal of samples sent, recent past
 * first, within its own byte rate (link.backfill.share of the link's payload rate), so
 * that a receiver that missed a stretch (link cut, loss beyond FEC, its own restart)
 * fills it without ever asking (it cannot ask).
 *
 *   tick ─▶ credit += rate x dt ─▶ pick the tier with work and the least weighted
 *           spend ─▶ its sweep's next window [to - width, to) ─▶ journal.read ─▶ sort by
 *           (alias, time) ─▶ pack into parts of one datagram each ─▶ history frames ─▶ send
 *
 * Tiers by age (now - source time) and weight (share of the carousel's bytes while
 * every tier has work; an idle tier's share goes to the others):
 *   0: [0, 90 s)       weight 0.6   a new sweep at most every 5 s
 *   1: [90 s, 10 min)  weight 0.25  at most every 30 s
 *   2: [10 min, ...)   weight 0.15  at most every 2 min
 * A sweep walks from the newest settled ms of its tier (now - SETTLE_MS - its youngest
 * age) back to its oldest, in windows aligned to `width` (chosen at the sweep's start so
 * a window holds about TARGET_SAMPLES samples, 1 s to 60 s; the first window is the
 * partial one up to the newest settled ms), and never below the journal's `from` (older
 * samples are gone, so a segment there would not hold every sample of its window).
 *
 * Bound (README "History and backfill"): with C = history bytes per second of source
 * time (tags x changes/s x bytes/sample) and B the carousel's byte rate, tier 0 sweeps
 * its 90 s in T0 = max(5 s, 90 s x C / (0.6 x B)); a cut of D seconds with
 * D + 1 s + T0 <= 90 s is filled within 1 s + 2 x T0 of its end.
 */
import type { Sample } from "../core/model.js";
import type { CatalogIndex } from "./catalog.js";
import { encodeHistoryFrame, Packer } from "./codec/index.js";

/** The reader's journal as the carousel reads it (implemented in src/reader/journal). */
export interface HistorySource {
  /**
   * The oldest source time (ms) from which the journal still holds every sample sent,
   * and how many it holds; null when it holds nothing.
   */
  span(): { from: number; samples: number } | null;
  /** Every sample held with from <= sourceTime < to, by the aliases of `catalog` (tags it lacks are left out). */
  read(from: number, to: number, catalog: CatalogIndex): Sample[];
}

export interface Tier {
  /** Youngest age (ms) the tier covers. */
  newest: number;
  /** Oldest age (ms) the tier covers (Infinity: the whole journal). */
  oldest: number;
  weight: number;
  /** Shortest time between the starts of two sweeps (ms). */
  minPeriod: number;
}

export const TIERS: readonly Tier[] = [
  { newest: 0, oldest: 90_000, weight: 0.6, minPeriod: 5_000 },
  { newest: 90_000, oldest: 600_000, weight: 0.25, minPeriod: 30_000 },
  { newest: 600_000, oldest: Infinity, weight: 0.15, minPeriod: 120_000 },
];

/** A window ends at least this long before now, so samples still in flight to the journal are in it. */
export const SETTLE_MS = 1_000;
/** Samples a window should hold (its width follows the journal's sample rate). */
const TARGET_SAMPLES = 4096;
const MIN_WIDTH = 1_000;
const MAX_WIDTH = 60_000;
/** Bytes of History fields beyond what Packer's FRAME_OVERHEAD allows for (from_ms, to_ms, their keys). */
const HISTORY_OVERHEAD = 24;

interface Sweep {
  /** End of the next window. */
  to: number;
  /** The sweep ends once `to` reaches this. */
  stop: number;
  width: number;
}

interface Segment {
  tier: number;
  from: number;
  to: number;
  samples: Sample[];
  plan: Array<[number, number]>;
  next: number;
}

export interface HistoryCarouselOptions {
  source: HistorySource;
  /** Frame bytes per second the carousel may spend. */
  rate: number;
  maxPayload: number;
  send: (frame: Uint8Array) => boolean;
  tiers?: readonly Tier[];
}

export class HistoryCarousel {
  private credit = 0;
  private lastTick = -1;
  private readonly tiers: readonly Tier[];
  private readonly sweeps: Array<Sweep | null>;
  private readonly started: number[];
  /** Weighted bytes spent per tier (stride scheduling). */
  private readonly pass: number[];
  private seg: Segment | null = null;
  private packer: Packer | null = null;
  private packerFor: CatalogIndex | null = null;
  private readonly c = { historyFrames: 0, historyBytes: 0, historySamples: 0, historySegments: 0, historySweeps: 0, historyRefused: 0 };

  constructor(private readonly o: HistoryCarouselOptions) {
    this.tiers = o.tiers ?? TIERS;
    this.sweeps = this.tiers.map(() => null);
    this.started = this.tiers.map(() => -Infinity);
    this.pass = this.tiers.map(() => 0);
  }

  stats(): Record<string, number> {
    return { ...this.c, historyCredit: Math.round(this.credit) };
  }

  /** Forget segments in flight (a new catalogue: their aliases are stale). */
  reset(): void {
    this.seg = null;
    this.sweeps.fill(null);
    this.started.fill(-Infinity);
  }

  /** Spends the credit earned since the last tick while `ready()` says the link has room. */
  tick(now: number, cat: CatalogIndex, ready: () => boolean): void {
    const dt = this.lastTick < 0 ? 0 : Math.max(0, now - this.lastTick);
    this.lastTick = now;
    const burst = Math.max(4 * this.o.maxPayload, this.o.rate * 0.05);
    this.credit = Math.min(this.credit + (this.o.rate * dt) / 1000, burst);
    while (this.credit > 0 && ready()) {
      if (!this.seg || this.seg.next >= this.seg.plan.length) {
        this.seg = this.nextSegment(now, cat);
        if (!this.seg) return;
      }
      this.sendPart(now, cat, this.seg);
    }
  }

  private sendPart(now: number, cat: CatalogIndex, seg: Segment): void {
    const [s, e] = seg.plan[seg.next] as [number, number];
    const bytes = encodeHistoryFrame(seg.samples, s, e, cat, now, seg.from, seg.to, seg.next, seg.plan.length);
    seg.next++;
    this.credit -= bytes.length;
    this.pass[seg.tier] = (this.pass[seg.tier] as number) + bytes.length / (this.tiers[seg.tier] as Tier).weight;
    if (!this.o.send(bytes)) { this.c.historyRefused++; return; }
    this.c.historyFrames++;
    this.c.historyBytes += bytes.length;
    this.c.historySamples += e - s;
  }

  /** The next window of the tier with work and the least weighted spend, read and planned. */
  private nextSegment(now: number, cat: CatalogIndex): Segment | null {
    const span = this.o.source.span();
    if (!span) return null;
    for (;;) {
      let best = -1;
      for (let k = 0; k < this.tiers.length; k++) {
        if (!this.hasWork(k, now, span)) continue;
        if (best < 0 || (this.pass[k] as number) < (this.pass[best] as number)) best = k;
      }
      if (best < 0) return null;
      const sw = this.sweeps[best] as Sweep;
      // Windows are aligned to their width, except the sweep's first, which ends at its newest settled ms.
      const to = sw.to, from = Math.max(Math.floor((to - 1) / sw.width) * sw.width, span.from);
      if (from >= to) { sw.to = sw.stop; continue; }
      sw.to = from;
      const samples = this.o.source.read(from, to, cat);
      samples.sort((a, b) => a.alias - b.alias || a.sourceTime - b.sourceTime);
      this.c.historySegments++;
      return { tier: best, from, to, samples, plan: this.plan(samples, from, cat), next: 0 };
    }
  }

  /** True when tier k has a window to send, starting a new sweep when its last one ended and its period allows. */
  private hasWork(k: number, now: number, span: { from: number; samples: number }): boolean {
    const sw = this.sweeps[k];
    if (sw && sw.to > sw.stop) return true;
    this.sweeps[k] = null;
    const tier = this.tiers[k] as Tier;
    if (now - (this.started[k] as number) < tier.minPeriod) return false;
    const rate = span.samples / Math.max(1, (now - span.from) / 1000);
    const width = Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, Math.ceil(TARGET_SAMPLES / Math.max(rate, 1e-9) / 1000) * 1000));
    const to = Math.floor(now - SETTLE_MS - tier.newest);
    const stop = Math.max(now - tier.oldest, span.from);
    if (to <= stop) return false;
    // A tier that was idle does not get to catch up on what it did not spend.
    let min = Infinity;
    for (let j = 0; j < this.tiers.length; j++) if (j !== k && this.sweeps[j]) min = Math.min(min, this.pass[j] as number);
    if (min < Infinity) this.pass[k] = Math.max(this.pass[k] as number, min);
    this.sweeps[k] = { to, stop, width };
    this.started[k] = now;
    this.c.historySweeps++;
    return true;
  }

  /** Part boundaries: each part's frame fits one datagram; an empty window is one empty part. */
  private plan(samples: Sample[], from: number, cat: CatalogIndex): Array<[number, number]> {
    if (this.packerFor !== cat) {
      this.packer = new Packer(cat.types, this.o.maxPayload - HISTORY_OVERHEAD, true);
      this.packerFor = cat;
    }
    const packer = this.packer as Packer;
    const plan: Array<[number, number]> = [];
    let i = 0;
    do {
      packer.reset(from);
      let j = i;
      while (j < samples.length && packer.add(samples[j] as Sample)) j++;
      plan.push([i, j]);
      i = j;
    } while (i < samples.length);
    return plan;
  }
}

/**
 * The fill bound of README "History and backfill", in ms: how long after a cut of
 * `cutMs` ends a receiver holds every sample sent during it, for a carousel of
 * `historyRate` frame bytes/s and a journal growing by `bytesPerSecond` history bytes
 * per second of source time (tags x changes/s x bytes/sample). Tier by tier, youngest
 * first: a tier whose sweep is T fills the part of the cut it holds within SETTLE_MS +
 * 2 T; it holds all that is left when cut + SETTLE_MS + T <= its oldest age, otherwise
 * the older part ages into the next tier. Null when the cut ages out of the journal
 * (`retainMs`) before any tier can fill it. An upper bound: a tier with nothing to send
 * gives its share to the others.
 */
export function fillBound(o: { historyRate: number; bytesPerSecond: number; cutMs: number; retainMs: number; tiers?: readonly Tier[] }): number | null {
  let worst = 0;
  for (const tier of o.tiers ?? TIERS) {
    const oldest = Math.min(tier.oldest, o.retainMs);
    if (oldest <= tier.newest) break;
    const sweep = Math.max(tier.minPeriod, ((oldest - tier.newest) * o.bytesPerSecond) / (tier.weight * o.historyRate));
    worst = Math.max(worst, SETTLE_MS + 2 * sweep);
    if (o.cutMs + SETTLE_MS + sweep <= oldest) return worst;
  }
  return null;
}
