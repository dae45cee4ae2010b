/**
 * The receiver's tag store: the one owner of what crossed the link (the link's replica
 * only decodes; the latest value and its ordering live here).
 *
 *   LinkReceiver.attach(store.input) (typed LinkSink, one way):
 *     catalog ──▶ policy.filterCatalog ──▶ records (added/changed/removed)
 *     samples ──▶ drop denied/unknown ──▶ policy.filterSamples ──▶ not older? ──▶ latest + history
 *     health  ──▶ reader health, policy hash check
 *     frame   ──▶ activity clock ──sweep()──▶ Uncertain/Bad on silence (quality.ts)
 *     session ──▶ epoch++ (source-time ordering holds within a session: the reader's clock may move)
 *
 * Adapters (OPC UA, REST, metrics) read it through TagStoreView (store-api.ts) only.
 * Fail closed: a tag the local policy denies never gets a record, and its samples are
 * dropped. Every drop is counted here, by reason (drops(): policy, malformed, older,
 * unknown), as a receiver metric: the link counts datagrams, the store counts samples.
 * Bad input is dropped, never thrown out of a sink method.
 */
import { EventEmitter } from "node:events";
import type { Logger } from "../core/log.js";
import { PATH_SEGMENT, type ReaderHealth, type Sample, type TagDef, type TagType } from "../core/model.js";
import type { HistoryInfo, LinkSink } from "../link/index.js";
import { Backfill } from "./backfill.js";
import { Status } from "../core/status.js";
import { Level, linkLevel } from "./quality.js";
import { TagRecord, normalise, sameShape } from "./record.js";
import { patchCatalog } from "./catalog-patch.js";
import type { HistoryRange, HistoryStats, HistoryStore } from "./history/api.js";
import { MemoryHistory } from "./history/memory.js";
import type { DropReason, HistorySample, LinkView, TagState, TagStoreView } from "./store-api.js";

/** What the store needs of the link intake (LinkReceiver satisfies it). */
export interface LinkFeed {
  stats(): {
    datagramsReceived: number; framesReceived: number; framesLost: number; framesRecovered: number;
    sessions: number; sessionId: bigint | null; lastFrameTime: number | null; birth: boolean;
    rejected: Record<string, number>;
  };
  /** Feed the sink; returns the undo. */
  attach(sink: LinkSink): () => void;
}



/** What the store needs of the local crossing policy (PolicyGate satisfies it). */
export interface StoreGate {
  readonly hash: string;
  filterCatalog<T extends { path: string; type: TagType }>(tags: T[]): { allowed: T[] };
  /** One tag's decision, as filterCatalog would make it; lets a small catalogue change skip the full pass. */
  decide?(path: string, type: TagType): { allowed: boolean };
  /** May return fewer samples (dropped) or more (held ones released: call it every cycle). */
  filterSamples(samples: Sample[], def: (alias: number) => TagDef | undefined, now: number): Sample[];
  /** The same rules for history (no maxRate); optional: without it backfill skips value rules. */
  filterHistory?(samples: Sample[], def: (alias: number) => TagDef | undefined): Sample[];
  /** Values blocked so far, by reason ("flagged" values still cross). */
  blocked(): Record<string, number>;
}

/** Most log lines about the policy hashes per POLICY_LOG_MS. */
const POLICY_LOG_LINES = 5;
const POLICY_LOG_MS = 60_000;

/** Gate block reasons that mean a value was dropped (flagged values cross with a Bad status). */
function droppedByGate(b: Record<string, number>): number {
  let n = 0;
  for (const [reason, v] of Object.entries(b)) if (reason !== "flagged") n += v;
  return n;
}

export interface StoreOptions {
  link: LinkFeed;
  gate: StoreGate;
  logger: Logger;
  /** samples kept per tag in memory; 0 = history off (unless `history` is a disk store) */
  historyDepth: number;
  /** where history lives (default: memory rings of historyDepth) */
  history?: HistoryStore;
  /** backfilled samples older than this (ms before now) are refused; default: no bound */
  historyRetainMs?: number;
  /** most tags accepted from a catalogue */
  maxTags: number;
  /** silence after which the link is down and values Uncertain */
  timeoutMs: number;
  /** silence after which values are Bad */
  staleMs: number;
  /** wall clock (ms since epoch); injectable for tests */
  now?: () => number;
}

export class TagStore extends EventEmitter implements TagStoreView {
  readonly historyDepth: number;
  private readonly hist: HistoryStore | null;
  private readonly backfill: Backfill;
  private lossCheckedAt = -Infinity;
  private framesLost = 0;
  private readonly byPath = new Map<string, TagRecord>();
  private byAlias: (TagRecord | undefined)[] = [];
  private denied = new Set<number>();
  private rawCatalog: TagDef[] | null = null;
  /** the records are exactly a full pass over rawCatalog (nothing dropped): a change may be patched */
  private patchable = false;
  private readerHealth: ReaderHealth | null = null;
  /** "reader/receiver" policy hashes last logged about (a change on either side logs once) */
  private loggedPolicyPair: string | null = null;
  /** times of the last lines about it, and changes not logged since (a key holder can change the hash per heartbeat) */
  private policyLogged: number[] = [];
  private policyChanges = 0;
  /** samples of tags the local policy denied at catalogue level (they never reach the gate) */
  private deniedSamples = 0;
  private readonly dropped: Record<DropReason, number> = { policy: 0, malformed: 0, older: 0, unknown: 0 };
  private lastActivity: number | null = null;
  private linkLvl: Level = Level.Live;
  private epoch = 0;
  private readonly now: () => number;
  private readonly log: Logger;
  private readonly detach: () => void;

  constructor(private readonly opts: StoreOptions) {
    super();
    this.hist = opts.history ?? (opts.historyDepth > 0 ? new MemoryHistory(opts.historyDepth) : null);
    this.historyDepth = this.hist?.kind === "disk" ? Math.max(1, opts.historyDepth) : opts.historyDepth;
    this.now = opts.now ?? Date.now;
    this.log = opts.logger.child({ component: "store" });
    const gate = opts.gate;
    this.backfill = new Backfill({
      hist: this.hist, log: this.log, retainMs: opts.historyRetainMs ?? null, timeoutMs: opts.timeoutMs,
      ...(gate.filterHistory ? { filter: (s, d) => gate.filterHistory!(s, d) } : {}),
    }, this.hist?.resumeMark ?? null);
    this.detach = opts.link.attach({
      catalog: (tags) => this.guard("catalog", () => this.onCatalog(tags as TagDef[])),
      samples: (samples, info) => this.guard("samples", () => this.onSamples(samples, info.meta.receivedAt)),
      history: (samples, info) => this.guard("history", () => this.onHistory(samples, info)),
      historyKnown: (session, digest) => this.backfill.known(session, digest),
      health: (h) => this.guard("health", () => this.onHealth(h)),
      frame: (info) => this.guard("frame", () => this.onFrame(info.frameTime, info.meta.sessionId)),
      session: () => { this.epoch++; this.backfill.session(); this.touch(); },
    });
  }

  /** Backfill figures: samples merged, drops by reason, gap samples written, open gaps. */
  backfillStats(): { backfilled: number; gapSamples: number; gapsLost: number; drops: Record<string, number>; oldestGapSeenAt: number | null; repeats: number } {
    const b = this.backfill;
    return { backfilled: b.backfilled, gapSamples: b.gapSamples, gapsLost: b.gaps.finalized, drops: { ...b.drops }, oldestGapSeenAt: b.gaps.oldestSeenAt(), repeats: b.repeats };
  }

  /** Samples the store dropped, by reason (a receiver metric, not a link reject). */
  drops(): Record<DropReason, number> {
    return { ...this.dropped };
  }

  get size(): number {
    return this.byPath.size;
  }

  all(): Iterable<TagState> {
    return this.byPath.values();
  }

  get(path: string): TagState | undefined {
    return this.byPath.get(path);
  }

  history(path: string, q: HistoryRange): HistorySample[] | undefined {
    const r = this.byPath.get(path);
    if (!r) return undefined;
    return this.hist ? this.hist.query(r, q) : [];
  }

  /** The history store's figures (null when history is off). */
  historyStats(): HistoryStats | null {
    return this.hist?.stats() ?? null;
  }

  /** Write pending history (the disk store batches); call on a timer. */
  flushHistory(): void {
    this.hist?.flush();
  }

  health(): ReaderHealth | null {
    return this.readerHealth;
  }

  link(): LinkView {
    const s = this.opts.link.stats();
    const local = this.opts.gate.hash;
    const remote = this.readerHealth?.policyHash ?? null;
    return {
      up: this.isUp(),
      sessionId: s.sessionId === null ? null : s.sessionId.toString(16).padStart(16, "0"),
      lastFrameTime: s.lastFrameTime,
      datagramsReceived: s.datagramsReceived,
      framesReceived: s.framesReceived,
      framesLost: s.framesLost,
      framesRecovered: s.framesRecovered,
      sessions: s.sessions,
      rejected: { ...s.rejected },
      policy: { local, remote, mismatch: remote !== null && remote !== local },
      birth: s.birth && this.rawCatalog !== null,
    };
  }

  /** Frames arrived within the timeout. */
  isUp(): boolean {
    return this.lastActivity !== null && this.now() - this.lastActivity < this.opts.timeoutMs;
  }

  /**
   * Release values the policy held back, and apply link silence to statuses; call on
   * a timer (every 250 ms or so). Records degrade together; each
   * returns to the reader's status only when a sample for it arrives (a keyframe
   * refreshes all), since changes sent during the silence may have been lost.
   */
  sweep(): void {
    // The policy may hold rate-limited values back; it releases them only when called.
    if (this.byPath.size > 0) this.apply([], this.now(), this.now());
    if (this.lastActivity === null) return;
    const lvl = linkLevel(this.now() - this.lastActivity, this.opts.timeoutMs, this.opts.staleMs);
    if (lvl === this.linkLvl) return;
    const prev = this.linkLvl;
    this.linkLvl = lvl;
    if (lvl === Level.Live) {
      this.log.info({ was: prev === Level.Silent ? "uncertain" : "bad" }, "link frames flowing again; tags recover as samples arrive");
      return;
    }
    this.log.warn({ level: lvl === Level.Silent ? "uncertain" : "bad" }, "link silent: degrading tag statuses");
    const changed: TagState[] = [];
    for (const r of this.byPath.values()) {
      if (r.level >= lvl) continue;
      const before = r.status;
      r.level = lvl;
      if (r.status !== before) changed.push(r);
    }
    if (changed.length > 0) this.emit("update", changed);
  }

  /** Re-run the local policy over the last catalogue (after a policy reload). */
  reapplyPolicy(): void {
    if (this.rawCatalog) this.onCatalog(this.rawCatalog, true);
    this.logPolicyMatch();
  }

  /** Stop listening to the link; write and close the history store. */
  close(): void {
    this.detach();
    this.removeAllListeners();
    this.hist?.close();
  }

  private guard(what: string, fn: () => void): void {
    try {
      fn();
    } catch (e) {
      // Never let one bad event take the receiver down; drop it and say so.
      this.log.error({ err: e, event: what }, "store dropped an event it could not apply");
    }
  }

  private touch(): void {
    this.lastActivity = this.now();
    if (this.linkLvl !== Level.Live) this.sweep();
  }

  private onCatalog(tags: TagDef[], full = false): void {
    this.touch();
    const prev = this.rawCatalog;
    if (full || tags !== prev) this.backfill.forgetParts();
    this.rawCatalog = tags;
    if (!full && prev && this.patchable && this.patch(prev, tags)) return;
    const { allowed } = this.opts.gate.filterCatalog(tags);
    const allowedSet = new Set(allowed);
    const byAlias: (TagRecord | undefined)[] = new Array<TagRecord | undefined>(tags.length);
    const denied = new Set<number>();
    for (const d of tags) if (!allowedSet.has(d) && d.alias >= 0 && d.alias < tags.length) denied.add(d.alias);
    const added: TagState[] = [];
    const changed: TagState[] = [];
    const keep = new Set<string>();
    let over = 0;
    let invalid = 0;
    for (const def of allowed) {
      const slash = def.path.indexOf("/");
      const source = def.path.slice(0, slash);
      const name = def.path.slice(slash + 1);
      if (slash < 0 || !PATH_SEGMENT.test(source) || !PATH_SEGMENT.test(name) || !Number.isInteger(def.alias)
        || def.alias < 0 || def.alias >= tags.length || byAlias[def.alias] || keep.has(def.path)) {
        invalid++;
        continue;
      }
      if (keep.size >= this.opts.maxTags) {
        over++;
        continue;
      }
      keep.add(def.path);
      let r = this.byPath.get(def.path);
      if (!r) {
        r = new TagRecord(def, source, name);
        r.level = this.linkLvl;
        this.byPath.set(def.path, r);
        added.push(r);
      } else if (!sameShape(r.def, def)) {
        if (r.def.type !== def.type) {
          r.retype(def);
          this.hist?.reset(r);
        }
        r.def = def;
        changed.push(r);
      } else {
        r.def = def; // alias may move between catalogues
      }
      byAlias[def.alias] = r;
    }
    const removed: string[] = [];
    for (const path of this.byPath.keys()) {
      if (!keep.has(path)) {
        this.byPath.delete(path);
        this.hist?.drop(path);
        removed.push(path);
      }
    }
    this.byAlias = byAlias;
    this.denied = denied;
    this.patchable = over === 0 && invalid === 0;
    if (over > 0) this.log.error({ accepted: this.opts.maxTags, dropped: over }, "catalogue exceeds limits.tags: extra tags ignored");
    if (invalid > 0) this.log.warn({ invalid }, "catalogue entries with a bad path or alias ignored");
    if (denied.size > 0) this.log.info({ denied: denied.size }, "tags denied by the local crossing policy");
    if (added.length + removed.length + changed.length > 0) {
      this.log.info({ tags: this.byPath.size, added: added.length, removed: removed.length, changed: changed.length }, "catalogue applied");
      this.emit("catalog", added, removed, changed);
    }
  }

  /** A small change applied to the changed entries only (catalog-patch.ts); false: do a full pass. */
  private patch(prev: TagDef[], tags: TagDef[]): boolean {
    const gate = this.opts.gate;
    if (!gate.decide) return false;
    const p = patchCatalog({
      byPath: this.byPath, byAlias: this.byAlias, denied: this.denied, linkLevel: this.linkLvl, maxTags: this.opts.maxTags,
      decide: (path, type) => gate.decide!(path, type).allowed,
      resetHistory: (r) => this.hist?.reset(r), dropHistory: (path) => this.hist?.drop(path),
    }, prev, tags);
    if (!p) return false;
    if (p.added.length + p.removed.length + p.changed.length > 0) {
      this.log.info({ tags: this.byPath.size, added: p.added.length, removed: p.removed.length, changed: p.changed.length, denied: this.denied.size }, "catalogue applied");
      this.emit("catalog", p.added, p.removed, p.changed);
    }
    return true;
  }

  private onSamples(samples: Sample[], receivedAt: number | undefined): void {
    this.touch();
    const now = this.now();
    let policyDropped = 0;
    let unknown = 0;
    const known: Sample[] = [];
    for (const s of samples) {
      if (this.byAlias[s.alias]) known.push(s);
      else if (this.denied.has(s.alias)) policyDropped++;
      else unknown++; // an alias the store did not accept (over limits.tags, or a bad catalogue entry)
    }
    this.deniedSamples += policyDropped;
    this.dropped.unknown += unknown;
    this.apply(known, receivedAt ?? now, now, policyDropped);
  }

  /**
   * Values the local policy blocked, by reason: the gate's own counts plus the
   * samples of tags it denied at catalogue level, which never reach the gate.
   */
  policyBlocked(): Record<string, number> {
    const b = { ...this.opts.gate.blocked() };
    b.denied = (b.denied ?? 0) + this.deniedSamples;
    return b;
  }

  /** Run samples through the local policy, then into the records; one "update" per call. */
  private apply(samples: Sample[], receiveTime: number, now: number, policyDropped = 0): void {
    const gate = this.opts.gate;
    const before = droppedByGate(gate.blocked());
    const passed = gate.filterSamples(samples, (a) => this.byAlias[a]?.def, now);
    policyDropped += droppedByGate(gate.blocked()) - before;
    let malformed = 0;
    const changed: TagState[] = [];
    for (const s of passed) {
      const r = this.byAlias[s.alias];
      if (!r) continue;
      const value = normalise(r.def.type, s.value);
      if (value === undefined || !Number.isFinite(s.sourceTime) || !Number.isInteger(s.status)) {
        malformed++;
        continue;
      }
      // A sample older than what we hold (a late or reordered frame) must not roll the value back.
      if (r.sourceTime !== null && s.sourceTime < r.sourceTime && r.epoch === this.epoch) {
        this.dropped.older++;
        continue;
      }
      const raw = s.status >>> 0;
      // a keyframe repeating the sample held: nothing for history (its ring already has that time)
      const repeat = r.value === value && r.raw === raw && r.sourceTime === s.sourceTime;
      const differs = r.level !== Level.Live || !repeat;
      r.value = value;
      r.raw = raw;
      r.sourceTime = s.sourceTime;
      r.receiveTime = receiveTime;
      r.level = Level.Live;
      r.epoch = this.epoch;
      // "No value yet" is start-up noise, not history (other Bad statuses are recorded).
      if (!repeat && raw !== Status.BadWaitingForInitialData) this.hist?.append(r, value, raw, s.sourceTime);
      if (differs) changed.push(r);
    }
    this.dropped.policy += policyDropped;
    this.dropped.malformed += malformed;
    if (changed.length > 0) this.emit("update", changed);
  }

  private onFrame(frameTime: number, session: bigint): void {
    const silent = this.lastActivity === null ? 0 : this.now() - this.lastActivity;
    this.touch();
    // Frames lost after FEC, read at most every 200 ms (stats() copies the intake's counters).
    const now = this.now();
    if (now - this.lossCheckedAt >= 200) { this.lossCheckedAt = now; this.framesLost = this.opts.link.stats().framesLost; }
    this.backfill.frame(frameTime, session, this.framesLost, silent, now);
    this.hist?.setMark(frameTime);
  }

  private onHistory(samples: Sample[], info: HistoryInfo): void {
    const batch = this.backfill.history(samples, info, (a) => this.byAlias[a], (a) => this.denied.has(a), this.now());
    if (batch.length > 0) this.emit("backfill", batch);
  }

  private onHealth(h: ReaderHealth): void {
    this.touch();
    this.backfill.health(h, this.byPath.values(), this.now());
    this.readerHealth = h;
    this.logPolicyMatch();
    this.emit("health", h);
  }

  /**
   * Log when the two sides' policies start or stop differing, whichever side
   * changed (a reader restart, or a reload on either side). Once per change.
   */
  private logPolicyMatch(): void {
    const local = this.opts.gate.hash;
    const remote = this.readerHealth?.policyHash ?? null;
    if (remote === null) return;
    const pair = `${remote}/${local}`;
    if (pair === this.loggedPolicyPair) return;
    // At most POLICY_LOG_LINES lines a minute; past that, the next heartbeat after the
    // minute logs the state then, with the number of changes in between.
    const now = this.now();
    this.policyChanges++;
    this.policyLogged = this.policyLogged.filter((at) => now - at < POLICY_LOG_MS && at <= now);
    if (this.policyLogged.length >= POLICY_LOG_LINES) return;
    const first = this.loggedPolicyPair === null;
    const changes = this.policyChanges;
    this.loggedPolicyPair = pair;
    this.policyLogged.push(now);
    this.policyChanges = 0;
    const more = changes > 1 ? { changes } : {};
    if (remote !== local) this.log.warn({ reader: remote, receiver: local, ...more }, "crossing policy differs between reader and receiver");
    else if (!first) this.log.info({ policy: local, ...more }, "crossing policy now matches the reader's");
  }
}
