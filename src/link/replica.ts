/**
 * Receiver side of the frame layer: turns accepted frame payloads into a catalogue and
 * decoded samples. Pure logic (no socket); the facade feeds it. It holds no values:
 * the receiver's tag store is their one owner (and the one that orders them by
 * source time); the replica only decodes and passes samples on.
 *
 *   payload ─▶ peek { kind, hash } ─┬─ birth ─▶ assembly[hash] ─(all parts, hash verified)─▶ adopt ─▶ "catalog"
 *                                   │                                         └─▶ replay frames held for that hash
 *                                   ├─ keyframe/delta, hash held ─▶ decode ─▶ "samples"
 *                                   ├─ keyframe/delta, hash not held ─▶ hold (bounded) until its birth completes
 *                                   ├─ history, hash held ─▶ digest ─┬─ merged before (sink) ─▶ "history", repeat: no samples decoded
 *                                   │                                └─ decode ─▶ "history" (never applied as live values)
 *                                   ├─ history, hash not held ─▶ hold like a delta
 *                                   └─ heartbeat ─▶ "health"
 *
 * Rules:
 *  - samples are decoded only against the complete catalogue whose hash the frame
 *    carries (values have no type tags: another catalogue would misread them);
 *  - a new session (reader restart) keeps the current catalogue: the receiver goes on
 *    serving it while the new session's birth assembles. If the new session's frames
 *    carry the same hash, the catalogue is identical and they decode at once;
 *    otherwise they are held until their birth completes, then the new catalogue
 *    replaces the old one in one step (the store carries values by path);
 *  - memory is bounded: at most maxTags tags per catalogue and across assemblies,
 *    maxAssemblies catalogues assembling at once, and maxHeldBytes of held frames;
 *  - a key holder is bounded too (limits.ts, counted in drops.ts): the text of each
 *    field, of a catalogue and of all assemblies; an assembly with no new part for
 *    catalogue.lifetimeMs expires; a completed catalogue is adopted at most once per
 *    catalogue.intervalMs (a newer one completing meanwhile replaces the waiting one);
 *    samples and heartbeats pass the screen (screen.ts) before the sink sees them.
 *    The receiver's clock for all of these is meta.receivedAt.
 */
import type { FrameBody, FrameKind, FrameMeta, ReaderHealth, Sample, TagDef } from "../core/model.js";
import { CatalogIndex, MAX_TAGS } from "./catalog.js";
import { decodeFrame, FrameError, peekFrame, peekHistory } from "./codec/index.js";
import { Drops } from "./drops.js";
import { defaultLinkLimits, type LinkLimits } from "./limits.js";
import { birthText, screenHealth, screenSamples } from "./screen.js";
import { silentLogger } from "../core/log.js";

export interface ReplicaSink {
  catalog(tags: readonly TagDef[], hash: number, meta: FrameMeta): void;
  samples(samples: Sample[], info: { kind: "keyframe" | "delta"; frameTime: number; meta: FrameMeta }): void;
  health(health: ReaderHealth, info: { frameTime: number; meta: FrameMeta }): void;
  frame(info: { kind: FrameKind; frameTime: number; meta: FrameMeta }): void;
  /** A part of a re-sent journal segment: samples may be older than the live values. */
  history?(samples: Sample[], info: HistoryInfo): void;
  /**
   * True when the sink has merged the history part with this digest (HistoryInfo.digest)
   * in this session before: the replica then passes it on as a repeat without decoding
   * its samples. The sink decides, so it can forget parts (catalogue or policy change).
   */
  historyKnown?(session: bigint, digest: string): boolean;
}

/** What a history part says about itself (the segment is the source-time window [from, to)). */
export interface HistoryInfo {
  from: number;
  to: number;
  part: number;
  parts: number;
  frameTime: number;
  meta: FrameMeta;
  /** digest of the part's encoded body (peekHistory); absent for a part held for its catalogue */
  digest?: string;
  /** an exact re-send of a part the sink said it merged (historyKnown): `samples` is empty, not decoded */
  repeat?: boolean;
}

export interface ReplicaOptions {
  /** Most tags in a catalogue, and in all assemblies together (default 1,000,000). */
  maxTags?: number;
  /** Catalogues assembling at once; the least recently fed is dropped (default 2). */
  maxAssemblies?: number;
  /** Bytes of keyframe/delta payloads held while their birth assembles (default 16 MiB). */
  maxHeldBytes?: number;
  /** Caps on what a key holder can make the replica hold or do (default: the config defaults). */
  limits?: LinkLimits;
  /** Where drops over those caps are counted (default: a silent counter of its own). */
  drops?: Drops;
}

interface Assembly {
  hash: number;
  parts: number;
  tagCount: number;
  got: Map<number, TagDef[]>;
  tags: number;
  fed: number;
  /** characters of text held */
  text: number;
  /** receiver time of the last new part */
  newAt: number;
}

interface Held {
  bytes: Uint8Array;
  meta: FrameMeta;
  hash: number;
}

export class Replica {
  private cur: CatalogIndex | null = null;
  private session: bigint | null = null;
  private lastHash: number | null = null;
  private readonly assemblies = new Map<number, Assembly>();
  private held: Held[] = [];
  private heldBytes = 0;
  private feeds = 0;
  private readonly maxTags: number;
  private readonly maxAssemblies: number;
  private readonly maxHeldBytes: number;
  private readonly limits: LinkLimits;
  readonly drops: Drops;
  /** receiver time of the last catalogue change, and a completed catalogue waiting for the interval */
  private changedAt = -Infinity;
  private pending: { a: Assembly; meta: FrameMeta } | null = null;
  private readonly c = {
    frames: 0, births: 0, keyframes: 0, deltas: 0, heartbeats: 0, histories: 0, historySamples: 0, historyRepeats: 0, samplesDecoded: 0,
    catalogues: 0, framesHeld: 0, heldDropped: 0, birthRejected: 0, sessions: 0,
  };

  constructor(private readonly sink: ReplicaSink, opts: ReplicaOptions = {}) {
    this.maxTags = Math.min(opts.maxTags ?? MAX_TAGS, MAX_TAGS);
    this.maxAssemblies = Math.max(1, opts.maxAssemblies ?? 2);
    this.maxHeldBytes = opts.maxHeldBytes ?? 16 * 1024 * 1024;
    this.limits = opts.limits ?? defaultLinkLimits();
    this.drops = opts.drops ?? new Drops(silentLogger);
  }

  /** The complete catalogue values are applied against, or null before the first birth. */
  get catalog(): CatalogIndex | null {
    return this.cur;
  }

  /** True when the catalogue held is the one the reader's latest frames refer to. */
  get birth(): boolean {
    return this.cur !== null && this.cur.hash === this.lastHash;
  }

  get sessionId(): bigint | null {
    return this.session;
  }

  stats(): Record<string, number> {
    let text = 0;
    for (const a of this.assemblies.values()) text += a.text;
    return {
      ...this.c, tags: this.cur?.size ?? 0, assembling: this.assemblies.size, assemblingText: text,
      heldFrames: this.held.length, heldBytes: this.heldBytes, pendingCatalogue: this.pending ? 1 : 0,
    };
  }

  /** Marks a new reader session (also implied by a frame whose meta has another session id). */
  newSession(id: bigint): void {
    if (this.session === id) return;
    this.session = id;
    this.c.sessions++;
    this.lastHash = null;
    this.held = [];
    this.heldBytes = 0;
  }

  /**
   * One accepted frame payload. Throws FrameError "malformed" (count it as a rejected
   * datagram); everything else is reported through the sink.
   */
  ingest(bytes: Uint8Array, meta: FrameMeta): void {
    if (meta.sessionId !== this.session) this.newSession(meta.sessionId);
    this.timers(meta.receivedAt);
    const head = peekFrame(bytes);
    if (head.kind === "heartbeat" && bytes.length > this.limits.heartbeat.bytes) {
      this.drops.add("heartbeat", 1, `heartbeat of ${bytes.length} bytes`);
      return;
    }
    if (head.kind !== "heartbeat" || head.catalogHash !== 0) this.lastHash = head.catalogHash;
    if (head.kind === "birth" && (this.cur?.hash === head.catalogHash || this.pending?.a.hash === head.catalogHash)) {
      // A repeat of the catalogue held (the carousel re-sends it every link.birth): nothing to decode.
      this.c.frames++;
      this.c.births++;
      this.sink.frame({ kind: "birth", frameTime: head.timeMs, meta });
      return;
    }
    if ((head.kind === "keyframe" || head.kind === "delta" || head.kind === "history") && this.cur?.hash !== head.catalogHash) {
      this.c.frames++;
      this.sink.frame({ kind: head.kind, frameTime: head.timeMs, meta });
      this.hold(bytes, meta, head.catalogHash);
      return;
    }
    let digest: string | undefined;
    if (head.kind === "history" && this.sink.historyKnown && this.sink.history) {
      const h = peekHistory(bytes);
      if (this.sink.historyKnown(meta.sessionId, h.digest)) {
        this.c.frames++;
        this.c.histories++;
        this.c.historyRepeats++;
        this.sink.frame({ kind: "history", frameTime: head.timeMs, meta });
        this.sink.history([], { from: h.from, to: h.to, part: h.part, parts: h.parts, frameTime: head.timeMs, meta, digest: h.digest, repeat: true });
        return;
      }
      digest = h.digest;
    }
    this.apply(bytes, meta, digest);
  }

  private apply(bytes: Uint8Array, meta: FrameMeta, digest?: string): void {
    const f = decodeFrame(bytes, this.cur ?? undefined);
    this.c.frames++;
    const b = f.body;
    this.sink.frame({ kind: b.kind, frameTime: f.timeMs, meta });
    switch (b.kind) {
      case "heartbeat": {
        this.c.heartbeats++;
        const bad = screenHealth(b.health, meta.receivedAt, this.limits);
        if (bad) { this.drops.add(bad.reason, 1, bad.detail); return; }
        this.sink.health(b.health, { frameTime: f.timeMs, meta });
        return;
      }
      case "birth": {
        this.c.births++;
        const text = birthText(b.tags, this.limits.catalogue);
        if (text < 0) { this.drops.add("catalogue_field", 1, "a tag path, unit or description over limits.catalogue"); return; }
        this.birthPart(f.catalogHash, b.part, b.parts, b.tagCount, b.tags, text, meta);
        return;
      }
      case "history":
        this.history(b, f.timeMs, meta, digest);
        return;
      default: {
        if (b.kind === "keyframe") this.c.keyframes++;
        else this.c.deltas++;
        this.pass(screenSamples(b.samples, this.cur as CatalogIndex, meta.receivedAt, this.limits, this.drops), b.kind, f.timeMs, meta);
      }
    }
  }

  private pass(samples: Sample[], kind: "keyframe" | "delta", frameTime: number, meta: FrameMeta): void {
    if (samples.length === 0) return;
    this.c.samplesDecoded += samples.length;
    this.sink.samples(samples, { kind, frameTime, meta });
  }

  private hold(bytes: Uint8Array, meta: FrameMeta, hash: number): void {
    this.c.framesHeld++;
    if (bytes.length > this.maxHeldBytes) { this.c.heldDropped++; return; }
    this.held.push({ bytes: Uint8Array.prototype.slice.call(bytes), meta, hash }); // a copy: the intake may reuse its buffers
    this.heldBytes += bytes.length;
    let drop = 0;
    while (this.heldBytes > this.maxHeldBytes) this.heldBytes -= (this.held[drop++] as Held).bytes.length;
    if (drop > 0) { this.held = this.held.slice(drop); this.c.heldDropped += drop; }
  }

  private birthPart(hash: number, part: number, parts: number, tagCount: number, tags: TagDef[], text: number, meta: FrameMeta): void {
    if (this.cur?.hash === hash || this.pending?.a.hash === hash) return; // already complete
    if (tagCount > this.maxTags) { this.c.birthRejected++; return; }
    let a = this.assemblies.get(hash);
    if (a && (a.parts !== parts || a.tagCount !== tagCount)) {
      // Same catalogue split differently (the reader restarted with another MTU): start over.
      this.assemblies.delete(hash);
      a = undefined;
    }
    if (!a) {
      a = { hash, parts, tagCount, got: new Map(), tags: 0, fed: 0, text: 0, newAt: meta.receivedAt };
      this.assemblies.set(hash, a);
    }
    a.fed = ++this.feeds;
    if (a.got.has(part)) return;
    if (a.tags + tags.length > a.tagCount) throw new FrameError("malformed", "malformed frame: birth parts hold more tags than the catalogue");
    if (a.text + text > this.limits.catalogue.text) {
      this.assemblies.delete(hash);
      this.drops.add("catalogue_text", 1, `catalogue text over ${this.limits.catalogue.text} characters`);
      return;
    }
    a.got.set(part, tags);
    a.tags += tags.length;
    a.text += text;
    a.newAt = meta.receivedAt;
    this.bound(a);
    if (a.got.size === a.parts) this.completed(a, meta);
  }

  /** Expire idle assemblies; adopt a waiting catalogue once the change interval has passed. */
  private timers(now: number): void {
    for (const a of this.assemblies.values()) {
      if (now - a.newAt >= this.limits.catalogue.lifetimeMs) {
        this.assemblies.delete(a.hash);
        this.drops.add("catalogue_expired", 1, `unfinished catalogue ${a.hash.toString(16)}: no new part for ${this.limits.catalogue.lifetimeMs} ms`);
      }
    }
    const p = this.pending;
    if (p && this.mayChange(now)) {
      this.pending = null;
      this.complete(p.a, p.meta);
    }
  }

  /** The change interval has passed (or the receiver's clock stepped back). */
  private mayChange(now: number): boolean {
    const since = now - this.changedAt;
    return since >= this.limits.catalogue.intervalMs || since < 0;
  }

  /** All parts are in: adopt now, or wait for the change interval (a newer one replaces a waiting one). */
  private completed(a: Assembly, meta: FrameMeta): void {
    this.assemblies.delete(a.hash);
    if (this.mayChange(meta.receivedAt)) {
      this.complete(a, meta);
      return;
    }
    if (this.pending) this.drops.add("catalogue_rate", 1, `catalogues change more often than every ${this.limits.catalogue.intervalMs} ms`);
    this.pending = { a, meta };
  }

  /** Keeps assemblies within maxAssemblies and maxTags, dropping the least recently fed. */
  private bound(keep: Assembly): void {
    let total = 0, text = 0;
    for (const x of this.assemblies.values()) { total += x.tags; text += x.text; }
    while (this.assemblies.size > this.maxAssemblies || total > this.maxTags || text > this.limits.catalogue.assembling) {
      let oldest: Assembly | undefined;
      for (const x of this.assemblies.values()) if (x !== keep && (!oldest || x.fed < oldest.fed)) oldest = x;
      if (!oldest) break;
      this.assemblies.delete(oldest.hash);
      total -= oldest.tags;
      text -= oldest.text;
      this.drops.add("catalogue_evicted", 1, "unfinished catalogues over their caps: the least recently fed is dropped");
    }
  }

  private complete(a: Assembly, meta: FrameMeta): void {
    const tags: TagDef[] = [];
    for (let p = 0; p < a.parts; p++) for (const t of a.got.get(p) as TagDef[]) tags.push(t);
    let cat: CatalogIndex;
    try {
      cat = CatalogIndex.of(tags, undefined, this.cur); // unchanged entries keep their objects
    } catch {
      this.c.birthRejected++; // parts that do not form a dense catalogue
      return;
    }
    if (cat.hash !== a.hash || cat.size !== a.tagCount) { this.c.birthRejected++; return; }
    this.changedAt = meta.receivedAt;
    this.adopt(cat);
    this.sink.catalog(cat.tags, cat.hash, meta);
    // Frames that waited for this catalogue, in arrival order.
    const mine = this.held.filter((h) => h.hash === cat.hash);
    if (mine.length > 0) {
      this.held = this.held.filter((h) => h.hash !== cat.hash);
      for (const h of mine) {
        this.heldBytes -= h.bytes.length;
        try { this.replay(h); } catch (e) { if (!(e instanceof FrameError)) throw e; }
      }
    }
  }

  private history(b: Extract<FrameBody, { kind: "history" }>, frameTime: number, meta: FrameMeta, digest?: string): void {
    this.c.histories++;
    this.c.historySamples += b.samples.length;
    // The same acceptance rules as live samples (the default time window admits days-old history).
    const samples = screenSamples(b.samples, this.cur as CatalogIndex, meta.receivedAt, this.limits, this.drops);
    // A part the screen cut (samples outside its time window) is not named by its bytes:
    // a sample ahead of the clock now may pass later, and the sink must see the difference.
    const named = digest !== undefined && samples === b.samples;
    this.sink.history?.(samples, { from: b.from, to: b.to, part: b.part, parts: b.parts, frameTime, meta, ...(named ? { digest } : {}) });
  }

  private replay(h: Held): void {
    const f = decodeFrame(h.bytes, this.cur ?? undefined);
    if (f.body.kind === "history") { this.history(f.body, f.timeMs, h.meta); return; }
    if (f.body.kind !== "keyframe" && f.body.kind !== "delta") return;
    this.pass(screenSamples(f.body.samples, this.cur as CatalogIndex, h.meta.receivedAt, this.limits, this.drops), f.body.kind, f.timeMs, h.meta);
  }

  private adopt(cat: CatalogIndex): void {
    this.cur = cat;
    this.c.catalogues++;
  }
}
