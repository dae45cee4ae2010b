/**
 * The receiver's side of history that survives outages: journal samples re-sent by the
 * reader are checked and merged into the history store; stretches the reader can no
 * longer re-send are written as BadNoCommunication, so a historian sees the gap.
 *
 *   "history" ─▶ known tag? ─▶ not in the future, not past retention ─▶ value of its type ─▶ policy (no maxRate)
 *              ─▶ history.merge (idempotent) ─▶ "backfill" batch (what was new), segment coverage (gaps.ts)
 *   frames / sessions / heartbeats ─▶ gaps.ts ─▶ lost stretch [a, b) ─▶ per tag: Bad at a, the value again at b
 *
 * The value again at b: a tag whose newest known change is at or before b had that
 * value at b, so the historian sees the stretch end; a tag that changed after b gets
 * its backfilled samples instead. A stretch is written once every tag has been
 * refreshed since it was seen (the first keyframe after the outage), or after a minute.
 * Every drop is counted by reason (sluice_history_backfill_dropped_total).
 *
 * Repeats. The carousel re-sends the same settled windows sweep after sweep (tier 0
 * every few seconds), and in steady state nothing in them is new. Merging is
 * idempotent, so a part whose exact content was merged before is skipped: it is keyed
 * by session and the digest of its encoded body (HistoryInfo.digest), which the link
 * asks about before decoding (known()), so a repeat costs a hash of its bytes; a part
 * without a digest is keyed by window, part and a 64-bit hash of its samples. A part is remembered only
 * when nothing in it was refused for a reason that can change with time (future
 * samples), and the memory is cleared whenever the catalogue or the policy changes
 * (a tag known, allowed or retyped since could take what was refused or reset).
 */
import type { Logger } from "../core/log.js";
import type { ReaderHealth, Sample, TagDef } from "../core/model.js";
import { Status } from "../core/status.js";
import type { HistoryInfo } from "../link/index.js";
import { Gaps, type Stretch } from "./gaps.js";
import type { HistoryStore } from "./history/api.js";
import type { TagRecord } from "./record.js";
import { normalise } from "./record.js";
import type { HistorySample, TagState } from "./store-api.js";

export const BACKFILL_DROP_REASONS = ["policy", "malformed", "unknown", "retention", "future"] as const;
export type BackfillDropReason = (typeof BACKFILL_DROP_REASONS)[number];

/** A sample this far ahead of the receiver's clock is refused (clock skew allowance). */
export const FUTURE_MS = 60_000;
/** A lost stretch is written at the latest this long after it was seen, refreshed or not. */
const SETTLE_MS = 60_000;
/** History parts remembered as merged (oldest forgotten first): a bound, not a cache size to tune. */
const MERGED_PARTS = 50_000;

export interface BackfillDeps {
  hist: HistoryStore | null;
  /** the policy's rules for history (range, type); absent: allow */
  filter?: (samples: Sample[], def: (alias: number) => TagDef | undefined) => Sample[];
  log: Logger;
  /** samples older than now - retainMs are refused (null: no bound, memory history) */
  retainMs: number | null;
  timeoutMs: number;
}

export type BackfillBatch = { tag: TagState; samples: HistorySample[] }[];

export class Backfill {
  readonly gaps = new Gaps();
  readonly drops: Record<BackfillDropReason, number> = { policy: 0, malformed: 0, unknown: 0, retention: 0, future: 0 };
  backfilled = 0;
  gapSamples = 0;
  /** history parts skipped because the same content was merged before */
  repeats = 0;
  private readonly merged = new Map<string, true>();
  private last: { frameTime: number; session: bigint } | null = null;
  /** start of a stretch opened by a new session or a restart, closed by the next frame */
  private openFrom: number | null = null;
  private framesLost = 0;

  constructor(private readonly d: BackfillDeps, resumeFrom: number | null) {
    if (resumeFrom !== null) this.openFrom = resumeFrom + 1; // the receiver was down since then
  }

  /** Reader time of the last frame (kept by the disk store across restarts). */
  get lastFrameTime(): number | null {
    return this.last?.frameTime ?? null;
  }

  /** Whether the part with this digest was merged in that session (the link then skips decoding it). */
  known(session: bigint, digest: string): boolean {
    return this.merged.has(`${session}:${digest}`);
  }

  /** The catalogue or the policy changed: a part merged before may now merge differently. */
  forgetParts(): void {
    this.merged.clear();
  }

  history(samples: Sample[], info: HistoryInfo, rec: (alias: number) => TagRecord | undefined, denied: (alias: number) => boolean, now: number): BackfillBatch {
    this.gaps.part(info.meta.sessionId, info.from, info.to, info.part, info.parts);
    if (info.repeat) {
      this.repeats++;
      return [];
    }
    const hist = this.d.hist;
    if (!hist) return this.mergePart(samples, null, rec, denied, now); // counts drops, stores nothing
    const key = info.digest !== undefined ? `${info.meta.sessionId}:${info.digest}`
      : `${info.meta.sessionId}:${info.from}:${info.to}:${info.part}/${info.parts}:${samples.length}:${contentHash(samples)}`;
    if (this.merged.has(key)) {
      this.repeats++;
      return [];
    }
    const future = this.drops.future;
    const batch = this.mergePart(samples, hist, rec, denied, now);
    if (this.drops.future === future) {
      if (this.merged.size >= MERGED_PARTS) this.merged.delete(this.merged.keys().next().value!);
      this.merged.set(key, true);
    }
    return batch;
  }

  private mergePart(samples: Sample[], hist: HistoryStore | null, rec: (alias: number) => TagRecord | undefined, denied: (alias: number) => boolean, now: number): BackfillBatch {
    const byTag = new Map<TagRecord, HistorySample[]>();
    const checked: Sample[] = [];
    const oldest = this.d.retainMs === null ? -Infinity : now - this.d.retainMs;
    for (const s of samples) {
      const r = rec(s.alias);
      if (!r) { this.drops[denied(s.alias) ? "policy" : "unknown"]++; continue; }
      if (!Number.isFinite(s.sourceTime) || !Number.isInteger(s.status)) { this.drops.malformed++; continue; }
      if (s.sourceTime > now + FUTURE_MS) { this.drops.future++; continue; }
      if (s.sourceTime < oldest) { this.drops.retention++; continue; }
      // "no value yet" is start-up noise, not history: live samples skip it too (store.ts)
      if (s.status >>> 0 === Status.BadWaitingForInitialData) continue;
      const value = normalise(r.def.type, s.value);
      if (value === undefined) { this.drops.malformed++; continue; }
      checked.push({ ...s, value });
    }
    const passed = this.d.filter ? this.d.filter(checked, (a) => rec(a)?.def) : checked;
    this.drops.policy += checked.length - passed.length;
    if (!hist) return [];
    for (const s of passed) {
      const r = rec(s.alias)!;
      let l = byTag.get(r);
      if (!l) byTag.set(r, (l = []));
      l.push({ value: s.value, status: s.status >>> 0, sourceTime: s.sourceTime });
    }
    const batch: BackfillBatch = [];
    for (const [r, l] of byTag) {
      const fresh = hist.merge(r, l);
      if (fresh.length > 0) batch.push({ tag: r, samples: fresh });
      this.backfilled += fresh.length;
    }
    return batch;
  }

  /** A new reader session: its journal starts empty, so what followed the old one's last frame is lost. */
  session(): void {
    if (this.last) this.openFrom = this.last.frameTime + 1;
    this.last = null;
  }

  /** Every accepted frame: silence or loss since the previous one opens a stretch. */
  frame(frameTime: number, session: bigint, framesLost: number, silentMs: number, now: number): void {
    if (this.openFrom !== null) {
      this.gaps.add(this.openFrom, frameTime, now);
      this.openFrom = null;
    } else if (this.last && this.last.session === session && (framesLost > this.framesLost || silentMs >= this.d.timeoutMs)) {
      this.gaps.add(this.last.frameTime + 1, frameTime, now);
    }
    this.framesLost = framesLost;
    if (!this.last || frameTime >= this.last.frameTime || this.last.session !== session) this.last = { frameTime, session };
  }

  /** A heartbeat: the journal's start decides what is lost; lost stretches are written once tags are fresh. */
  health(h: ReaderHealth, records: Iterable<TagRecord>, now: number): void {
    this.gaps.journal(h.journal?.from ?? null);
    const lost = this.gaps.takeLost();
    if (lost.length === 0) return;
    const list = [...records];
    const wait: Stretch[] = [];
    for (const s of lost) {
      const fresh = list.every((r) => r.receiveTime !== null && r.receiveTime >= s.seenAt);
      if (!fresh && now - s.seenAt < SETTLE_MS) { wait.push(s); continue; }
      this.write(s, list);
    }
    if (wait.length > 0) this.gaps.keepLost(wait);
  }

  private write(s: Stretch, records: TagRecord[]): void {
    const hist = this.d.hist;
    if (!hist) return;
    let n = 0;
    for (const r of records) {
      const edge: HistorySample[] = [{ value: null, status: Status.BadNoCommunication, sourceTime: s.from }];
      if (r.sourceTime !== null && r.sourceTime <= s.to && r.raw !== Status.BadWaitingForInitialData && s.to > s.from) {
        edge.push({ value: r.value, status: r.raw, sourceTime: s.to });
      }
      n += hist.merge(r, edge).length;
    }
    this.gapSamples += n;
    this.d.log.warn({ from: new Date(s.from).toISOString(), to: new Date(s.to).toISOString(), tags: records.length },
      "history: a stretch the reader can no longer re-send is recorded as BadNoCommunication");
  }
}

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);

/** Two independent 32-bit FNV-1a-style hashes over every field of every sample, as one string. */
function contentHash(samples: readonly Sample[]): string {
  let a = 0x811c9dc5;
  let b = 0x9747b28c;
  const mix = (x: number): void => {
    a = Math.imul(a ^ x, 0x01000193);
    b = Math.imul(b ^ x, 0x5bd1e995);
    b ^= b >>> 15;
  };
  const mixNumber = (n: number): void => {
    f64[0] = n;
    mix(u32[0]!);
    mix(u32[1]!);
  };
  const mixText = (t: string): void => {
    mix(t.length);
    for (let i = 0; i < t.length; i++) mix(t.charCodeAt(i));
  };
  for (const s of samples) {
    mix(s.alias);
    mixNumber(s.sourceTime);
    mix(s.status);
    const v = s.value;
    switch (typeof v) {
      case "number": mix(1); mixNumber(v); break;
      case "boolean": mix(v ? 2 : 3); break;
      case "string": mix(4); mixText(v); break;
      case "bigint": mix(5); mixText(v.toString()); break;
      default: mix(v === null ? 6 : 7);
    }
  }
  return `${(a >>> 0).toString(36)}.${(b >>> 0).toString(36)}`;
}
