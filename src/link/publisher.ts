/**
 * Reader side of the frame layer: decides what crosses the link and when. Pure logic
 * over a `send` callback and an injected clock, so it is tested without sockets.
 *
 *   setCatalog ─▶ birth parts (all, at once) ─▶ keyframe parts (all) ─▶ steady state:
 *   update ──▶ latest[alias] ─▶ pending deltas ─(full datagram | flush)─▶ delta frames ─▶ send
 *   tick ───▶ carousel: birth parts every `birth`, keyframe parts (every tag's latest value)
 *             every `keyframe`, each spread evenly over its period, paid from a credit of
 *             `carouselRate` bytes/s ─▶ send
 *        ├──▶ heartbeat (latest ReaderHealth) every `heartbeat` ─▶ send
 *        └──▶ history carousel (./history.ts): journal windows, recent first, paid from
 *             its own credit of `history.rate` bytes/s ─▶ send
 *
 * The receiver cannot ask for anything, so the carousel is what makes it converge after
 * loss, a late start or a restart. Deltas never wait for the carousel; the carousel
 * waits while the transport's queue holds more than `backlogLimit` bytes, the history
 * carousel while it holds more than a few datagrams (live values never queue behind
 * history) and until the first full keyframe after a new catalogue has gone out. Parts are
 * sized with the transport's maxPayload so that each is one datagram.
 */
import { Status } from "../core/status.js";
import type { FrameKind, ReaderHealth, Sample, TagDef, Value } from "../core/model.js";
import { errorMessage } from "../core/errors.js";
import { CatalogIndex } from "./catalog.js";
import { HistoryCarousel, type HistorySource } from "./history.js";
import { coerceValue, encodeFrame, encodeSamplesFrame, MISMATCH, Packer, planBirthParts } from "./codec/index.js";

export interface PublisherOptions {
  /** Bytes one frame may take to fit one datagram (TransportSender.maxPayload). */
  maxPayload: number;
  /** Frame bytes per second the birth/keyframe carousel may spend. */
  carouselRate: number;
  /** Frame bytes per second for the first birth and keyframe after setCatalog (default 4 x carouselRate). */
  startupRate?: number;
  keyframeMs: number;
  birthMs: number;
  heartbeatMs: number;
  /** Longest a changed value waits before its delta frame is sent. */
  flushMs: number;
  /** Hands one encoded frame to the transport; false when it was refused (queue full). */
  send: (frame: Uint8Array, kind: FrameKind) => boolean;
  /** Bytes waiting in the transport's queue (default: none). */
  backlog?: () => number;
  /** The carousel pauses while backlog() exceeds this (default 32 x maxPayload). */
  backlogLimit?: number;
  /** Wall clock in ms (default Date.now). */
  now?: () => number;
  /** Told about frames that could not be sent at all (too large, transport closed). */
  onError?: (message: string) => void;
  /** The reader's journal and the frame bytes per second its carousel may spend (none: no history frames). */
  history?: { source: HistorySource; rate: number };
}

/** The history carousel waits while the transport's queue holds more than this many datagrams. */
const HISTORY_BACKLOG = 4;

interface Cycle {
  /** Part boundaries [start, end) by alias; null until the cycle's first part is due. */
  plan: Array<[number, number]> | null;
  next: number;
  start: number;
  /** ms over which the parts are spread (0: all due at once). */
  spread: number;
  began: number;
}

const newCycle = (start: number, spread: number, plan: Array<[number, number]> | null = null): Cycle =>
  ({ plan, next: 0, start, spread, began: start });

export class Publisher {
  private cat: CatalogIndex | null = null;
  private values: Value[] = [];
  private status = new Uint32Array(0);
  private times = new Float64Array(0);
  private pending: Sample[] = [];
  private pendingCost = 0;
  private pendingSince = 0;
  private deltaPacker: Packer | null = null;
  private kfPacker: Packer | null = null;
  private aliasBound = 1;
  private birthPlan: Array<[number, number]> = [];
  private birth: Cycle = newCycle(0, 0);
  private kf: Cycle | null = null;
  /** After setCatalog until the first full keyframe has gone out. */
  private startup = false;
  /** During startup: aliases below this already had their keyframe part sent. */
  private kfSentUpTo = 0;
  private credit = 0;
  private lastTick: number;
  private health: ReaderHealth | null = null;
  private lastHeartbeat = -Infinity;
  private readonly now: () => number;
  private readonly backlogLimit: number;
  private readonly history: HistoryCarousel | null;
  private readonly c = {
    framesSent: 0, bytesSent: 0, framesRefused: 0, sendErrors: 0, deltaFrames: 0, keyframeFrames: 0,
    birthFrames: 0, heartbeatFrames: 0, samplesSent: 0, updates: 0, typeMismatches: 0, invalidAliases: 0,
    noCatalog: 0, birthCycles: 0, keyframeCycles: 0, lastKeyframeCycleMs: 0, lastBirthCycleMs: 0,
  };

  constructor(private readonly o: PublisherOptions) {
    this.now = o.now ?? Date.now;
    this.backlogLimit = o.backlogLimit ?? 32 * o.maxPayload;
    this.lastTick = this.now();
    const h = o.history;
    this.history = h && h.rate > 0
      ? new HistoryCarousel({ source: h.source, rate: h.rate, maxPayload: o.maxPayload, send: (f) => this.sendFrame(f, "history") })
      : null;
  }

  get catalog(): CatalogIndex | null {
    return this.cat;
  }

  /** The latest sample held for an alias (what the next keyframe will carry). */
  latest(alias: number): Sample | undefined {
    if (!this.cat || alias < 0 || alias >= this.cat.size) return undefined;
    return { alias, value: this.values[alias] ?? null, status: this.status[alias] ?? 0, sourceTime: this.times[alias] ?? 0 };
  }

  /**
   * A new catalogue (aliases dense 0..n-1). Pending deltas of the old one go out first;
   * values of tags with the same path and type carry over. Then the birth parts are
   * sent at once, then a full keyframe; deltas of tags whose keyframe part has not gone
   * yet are folded into that part. The same catalogue again changes nothing.
   */
  setCatalog(tags: readonly TagDef[]): void {
    const cat = CatalogIndex.of(tags);
    if (this.cat && this.cat.hash === cat.hash) return;
    const now = this.now();
    this.flushDeltas(true, now);
    const n = cat.size;
    const values = new Array<Value>(n).fill(null);
    const status = new Uint32Array(n).fill(Status.BadWaitingForInitialData);
    const times = new Float64Array(n).fill(now);
    cat.carryFrom(this.cat, (a, o) => {
      values[a] = this.values[o] ?? null;
      status[a] = this.status[o] ?? Status.BadWaitingForInitialData;
      times[a] = this.times[o] ?? now;
    });
    this.cat = cat;
    this.values = values;
    this.status = status;
    this.times = times;
    this.aliasBound = n > 0x4000 ? 3 : n > 0x80 ? 2 : 1;
    const budget = this.o.maxPayload;
    this.deltaPacker = new Packer(cat.types, budget, true);
    this.kfPacker = new Packer(cat.types, budget, false);
    this.birthPlan = planBirthParts(cat.tags, budget);
    this.birth = newCycle(now, 0, this.birthPlan);
    this.kf = null;
    this.startup = true;
    this.kfSentUpTo = 0;
    this.history?.reset();
    // "At once": the startup burst is available immediately, then startupRate refills it.
    this.credit = Math.max(this.credit, this.burst(this.startupRate));
    this.runCarousel(now);
  }

  /** Changed values (deadband/RBE already applied by the caller), oldest first. */
  update(samples: readonly Sample[]): void {
    const cat = this.cat;
    if (!cat) { this.c.noCatalog += samples.length; return; }
    const types = cat.types, n = cat.size;
    let now = -1;
    for (let k = 0; k < samples.length; k++) {
      let s = samples[k] as Sample;
      const a = s.alias;
      if (!(a >= 0 && a < n && Number.isInteger(a))) { this.c.invalidAliases++; continue; }
      const code = types[a] as number;
      const v = s.value;
      if (!(typeof v === "number" && code === 9)) {
        const cv = coerceValue(code, v);
        if (cv === MISMATCH) {
          s = { alias: a, value: null, status: Status.BadTypeMismatch, sourceTime: s.sourceTime };
          this.c.typeMismatches++;
        } else if (cv !== v) {
          s = { alias: a, value: cv, status: s.status, sourceTime: s.sourceTime };
        }
      }
      this.values[a] = s.value;
      this.status[a] = s.status >>> 0;
      this.times[a] = s.sourceTime;
      this.c.updates++;
      if (this.startup && a >= this.kfSentUpTo) continue; // its keyframe part will carry it
      if (this.pending.length === 0) this.pendingSince = now < 0 ? (now = this.now()) : now;
      this.pending.push(s);
      this.pendingCost += this.aliasBound + (s.value === null ? 1 : typeof s.value === "string" ? 3 + s.value.length * 3 : 5)
        + (s.status === 0 ? 0 : 7) + 3;
    }
    if (this.pendingCost >= this.o.maxPayload) this.flushDeltas(false, now < 0 ? this.now() : now);
  }

  /** Latest reader health; sent every heartbeat interval. */
  setHealth(health: ReaderHealth): void {
    this.health = health;
  }

  /** Sends every pending delta now. */
  flush(): void {
    this.flushDeltas(true, this.now());
  }

  /** True while changed values wait for their delta frame. */
  get hasPending(): boolean {
    return this.pending.length > 0;
  }

  /** Timer work: overdue deltas, the heartbeat, the carousel. Call every few ms. */
  tick(now = this.now()): void {
    const dt = Math.max(0, now - this.lastTick);
    this.lastTick = now;
    const rate = this.startup ? this.startupRate : this.o.carouselRate;
    this.credit = Math.min(this.credit + (rate * dt) / 1000, this.burst(rate));
    if (this.pending.length > 0 && now - this.pendingSince >= this.o.flushMs) this.flushDeltas(true, now);
    if (this.health && now - this.lastHeartbeat >= this.o.heartbeatMs) {
      this.lastHeartbeat = now;
      const hb = encodeFrame({ timeMs: now, catalogHash: this.cat?.hash ?? 0, body: { kind: "heartbeat", health: this.health } }, undefined);
      if (this.sendFrame(hb, "heartbeat")) this.c.heartbeatFrames++;
    }
    this.runCarousel(now);
    const cat = this.cat;
    if (this.history && cat && !this.startup) {
      const limit = HISTORY_BACKLOG * this.o.maxPayload;
      this.history.tick(now, cat, () => !this.o.backlog || this.o.backlog() <= limit);
    }
  }

  stats(): Record<string, number> {
    return { ...this.c, ...this.history?.stats(), pendingSamples: this.pending.length, tags: this.cat?.size ?? 0, startup: this.startup ? 1 : 0, carouselCredit: Math.round(this.credit) };
  }

  private get startupRate(): number {
    return this.o.startupRate ?? 4 * this.o.carouselRate;
  }

  /** Most credit the carousel may save up: 50 ms of its rate, at least a few datagrams. */
  private burst(rate: number): number {
    return Math.max(4 * this.o.maxPayload, rate * 0.05);
  }

  private sendFrame(bytes: Uint8Array, kind: FrameKind): boolean {
    let ok: boolean;
    try {
      ok = this.o.send(bytes, kind);
    } catch (e) {
      this.c.sendErrors++;
      this.o.onError?.(`${kind} frame of ${bytes.length} bytes not sent: ${errorMessage(e)}`);
      return false;
    }
    if (!ok) { this.c.framesRefused++; return false; }
    this.c.framesSent++;
    this.c.bytesSent += bytes.length;
    return true;
  }

  /**
   * Sorts pending deltas by alias (stable: repeats of one tag stay oldest first) and
   * sends them in frames that each fit a datagram. Unless `all`, a last frame that is
   * less than 3/4 full stays pending for more values (or the flush timer).
   */
  private flushDeltas(all: boolean, now: number): void {
    const cat = this.cat, packer = this.deltaPacker;
    const p = this.pending;
    if (!cat || !packer || p.length === 0) return;
    for (let i = 1; i < p.length; i++) {
      if ((p[i] as Sample).alias < (p[i - 1] as Sample).alias) { p.sort((a, b) => a.alias - b.alias); break; }
    }
    let i = 0;
    while (i < p.length) {
      packer.reset(now);
      let j = i;
      while (j < p.length && packer.add(p[j] as Sample)) j++;
      if (!all && j === p.length && packer.bytes < 0.75 * packer.budget) break;
      if (this.sendFrame(encodeSamplesFrame("delta", p, i, j, cat, now), "delta")) {
        this.c.deltaFrames++;
        this.c.samplesSent += j - i;
      }
      i = j;
    }
    if (i === p.length) {
      this.pending = [];
      this.pendingCost = 0;
    } else {
      this.pending = p.slice(i);
      this.pendingCost = packer.bytes;
    }
  }

  private due(c: Cycle): number {
    if (c.plan === null) return c.start;
    if (c.next >= c.plan.length) return Infinity;
    return c.start + (c.next * c.spread) / c.plan.length;
  }

  private runCarousel(now: number): void {
    if (!this.cat) return;
    while (this.credit > 0 && (!this.o.backlog || this.o.backlog() <= this.backlogLimit)) {
      const b = this.due(this.birth);
      const k = this.kf ? this.due(this.kf) : Infinity;
      if (Math.min(b, k) > now) break;
      if (b <= k) this.sendBirthPart(now);
      else this.sendKeyframePart(now, this.kf as Cycle);
    }
  }

  private sendBirthPart(now: number): void {
    const cat = this.cat as CatalogIndex, c = this.birth;
    c.plan ??= this.birthPlan;
    if (c.next === 0) c.began = now;
    const [s, e] = c.plan[c.next] as [number, number];
    const bytes = encodeFrame({
      timeMs: now, catalogHash: cat.hash,
      body: { kind: "birth", part: c.next, parts: c.plan.length, tagCount: cat.size, tags: cat.tags.slice(s, e) },
    }, undefined);
    this.credit -= bytes.length;
    if (this.sendFrame(bytes, "birth")) this.c.birthFrames++;
    if (++c.next < c.plan.length) return;
    this.c.birthCycles++;
    this.c.lastBirthCycleMs = now - c.began;
    this.birth = newCycle(Math.max(c.start + this.o.birthMs, now), this.o.birthMs);
    if (this.startup && !this.kf) this.kf = newCycle(now, 0);
  }

  /** Keyframe part boundaries for the current values: each part fits one datagram. */
  private planKeyframe(): Array<[number, number]> {
    const packer = this.kfPacker as Packer, n = (this.cat as CatalogIndex).size;
    const plan: Array<[number, number]> = [];
    const s: Sample = { alias: 0, value: null, status: 0, sourceTime: 0 };
    let start = 0;
    packer.reset(this.now());
    for (let a = 0; a < n; a++) {
      s.alias = a; s.value = this.values[a] ?? null; s.status = this.status[a] ?? 0; s.sourceTime = this.times[a] ?? 0;
      if (!packer.add(s)) {
        plan.push([start, a]);
        start = a;
        packer.reset(this.now());
        packer.add(s);
      }
    }
    plan.push([start, n]);
    return plan;
  }

  private sendKeyframePart(now: number, c: Cycle): void {
    const cat = this.cat as CatalogIndex, packer = this.kfPacker as Packer;
    if (c.plan === null) { c.plan = this.planKeyframe(); c.began = now; }
    const [s, e] = c.plan[c.next] as [number, number];
    const samples = new Array<Sample>(e - s);
    for (let a = s; a < e; a++) {
      samples[a - s] = { alias: a, value: this.values[a] ?? null, status: this.status[a] ?? 0, sourceTime: this.times[a] ?? 0 };
    }
    // Values may have grown since the plan: a part that no longer fits goes as several frames.
    let i = 0;
    while (i < samples.length || i === 0) {
      packer.reset(now);
      let j = i;
      while (j < samples.length && packer.add(samples[j] as Sample)) j++;
      const bytes = encodeSamplesFrame("keyframe", samples, i, j, cat, now, c.next, c.plan.length);
      this.credit -= bytes.length;
      if (this.sendFrame(bytes, "keyframe")) { this.c.keyframeFrames++; this.c.samplesSent += j - i; }
      if (j === i) break; // empty catalogue: one empty part
      i = j;
    }
    if (this.startup) this.kfSentUpTo = e;
    if (++c.next < c.plan.length) return;
    this.c.keyframeCycles++;
    this.c.lastKeyframeCycleMs = now - c.began;
    this.startup = false;
    this.kf = newCycle(Math.max(c.start + this.o.keyframeMs, now), this.o.keyframeMs);
  }
}
