/**
 * Which stretches of the reader's past the receiver still lacks, and when one can no
 * longer be covered. Times are the reader's clock (frame and source times), ms.
 *
 *   frame after silence > timeout, frames lost after FEC ──▶ open [last frame, this frame)
 *   new reader session (its journal starts empty)         ──▶ open [last frame of the old one, first of the new)
 *   receiver down between runs (last frame time kept)     ──▶ open [last frame before the stop, first after)
 *   history segment complete (all parts of [from, to))    ──▶ subtract [from, to) from every open stretch
 *   heartbeat journal.from (oldest the reader still holds) ──▶ [a, min(b, from)) of a stretch is lost for good:
 *                                                               final() hands it out to be written as
 *                                                               BadNoCommunication samples at its edges
 * A reader without a journal (or with an empty one) can cover nothing: every stretch is lost.
 * Bounded: at most MAX_OPEN stretches (the oldest are given up first), MAX_SEGMENTS
 * segments being assembled.
 */
export interface Stretch {
  from: number;
  to: number;
  /** receiver time when it was opened */
  seenAt: number;
}

const MAX_OPEN = 1000;
const MAX_SEGMENTS = 256;

export class Gaps {
  private open: Stretch[] = [];
  private readonly segments = new Map<string, Set<number>>();
  private lost: Stretch[] = [];
  /** stretches found lost, total */
  finalized = 0;

  /** A stretch the receiver did not get (empty or inverted stretches are ignored). */
  add(from: number, to: number, now: number): void {
    if (!(to > from) || !Number.isFinite(from) || !Number.isFinite(to)) return;
    this.open.push({ from, to, seenAt: now });
    this.open.sort((a, b) => a.from - b.from);
    // merge overlaps
    const out: Stretch[] = [];
    for (const s of this.open) {
      const last = out[out.length - 1];
      if (last && s.from <= last.to) { last.to = Math.max(last.to, s.to); last.seenAt = Math.min(last.seenAt, s.seenAt); } else out.push({ ...s });
    }
    while (out.length > MAX_OPEN) this.lost.push(out.shift()!);
    this.open = out;
  }

  /** One part of a history segment arrived; a complete segment covers its window. */
  part(session: bigint, from: number, to: number, part: number, parts: number): void {
    const k = `${session}:${from}:${to}:${parts}`;
    let got = this.segments.get(k);
    if (!got) {
      if (this.segments.size >= MAX_SEGMENTS) this.segments.delete(this.segments.keys().next().value!);
      this.segments.set(k, (got = new Set()));
    }
    got.add(part);
    if (got.size < parts) return;
    this.segments.delete(k);
    this.cover(from, to);
  }

  /** [from, to) is held now: take it out of every open stretch. */
  cover(from: number, to: number): void {
    const out: Stretch[] = [];
    for (const s of this.open) {
      if (to <= s.from || from >= s.to) { out.push(s); continue; }
      if (s.from < from) out.push({ ...s, to: from });
      if (to < s.to) out.push({ ...s, from: to });
    }
    this.open = out;
  }

  /**
   * The reader's journal now starts at `journalFrom` (null: empty or no journal): what
   * lies before it can never arrive. Those parts move to the lost list.
   */
  journal(journalFrom: number | null): void {
    const limit = journalFrom ?? Infinity;
    const out: Stretch[] = [];
    for (const s of this.open) {
      if (s.from >= limit) { out.push(s); continue; }
      this.lost.push({ ...s, to: Math.min(s.to, limit) });
      if (limit < s.to) out.push({ ...s, from: limit });
    }
    this.open = out;
  }

  /** Lost stretches to write, handed out once. */
  takeLost(): Stretch[] {
    const l = this.lost;
    this.lost = [];
    this.finalized += l.length;
    return l;
  }

  /** Put back lost stretches that could not be written yet (the store waits for fresh values). */
  keepLost(l: Stretch[]): void {
    this.finalized -= l.length;
    this.lost.push(...l);
  }

  /** The receiver time the oldest stretch still open or waiting was seen, or null. */
  oldestSeenAt(): number | null {
    let o: number | null = null;
    for (const s of [...this.open, ...this.lost]) if (o === null || s.seenAt < o) o = s.seenAt;
    return o;
  }

  get size(): number {
    return this.open.length + this.lost.length;
  }
}
