/**
 * Store-and-forward: a bounded FIFO of value batches, on disk (mqtt.buffer.path) or in
 * memory, kept while the broker or the primary host is away and replayed in order.
 *
 *   append(batch) ──one line "N\t{json}"──▶ newest segment ──(full)──▶ new segment
 *   over maxBytes ──▶ oldest segment deleted, its N values counted as dropped
 *   shift() ──▶ oldest segment's batches (the writer moves on first), then the file goes
 *
 * Segments are files 000000000001.seg, ... (one eighth of maxBytes each, at most 64 MiB),
 * so a crash loses at most the line being written and a restart replays what is left.
 * Values keep their type: 64-bit integers as decimal strings, NaN/Infinity as strings.
 */
import { closeSync, mkdirSync, openSync, readFileSync, readdirSync, statSync, unlinkSync, writeSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { TagType, Value } from "../../core/model.js";

/** One buffered value: [path, type, value, status, sourceTime]. */
export type Row = [string, TagType, Value, number, number];

interface Segment {
  id: number;
  bytes: number;
  values: number;
  /** memory mode: the lines; disk mode: null */
  lines: string[] | null;
  fd: number | null;
}

const SEG_MAX = 64 * 2 ** 20;

function encodeValue(v: Value): string | number | boolean | null {
  if (typeof v === "bigint") return v.toString();
  if (typeof v === "number" && !Number.isFinite(v)) return String(v);
  return v;
}

export function decodeValue(type: TagType, v: unknown): Value {
  if (v === null) return null;
  if (type === "int64" || type === "uint64") return BigInt(v as string);
  if (type === "bool") return v === true;
  if (type === "string") return String(v);
  return typeof v === "string" ? Number(v) : (v as number);
}

export class StoreForward {
  private readonly segs: Segment[] = [];
  private nextId = 1;
  private readonly segMax: number;
  bytes = 0;
  values = 0;
  dropped = 0;

  constructor(private readonly dir: string | null, private readonly maxBytes: number) {
    this.segMax = Math.max(4096, Math.min(SEG_MAX, Math.floor(maxBytes / 8)));
    if (dir !== null) this.recover(dir);
  }

  get empty(): boolean {
    return this.values === 0;
  }

  append(rows: Row[], at: number): void {
    if (rows.length === 0) return;
    const line = `${rows.length}\t${JSON.stringify({ t: at, u: rows.map((r) => [r[0], r[1], encodeValue(r[2]), r[3], r[4]]) })}\n`;
    const size = Buffer.byteLength(line);
    let seg = this.segs[this.segs.length - 1];
    if (!seg || seg.fd === null && seg.lines === null || seg.bytes + size > this.segMax) seg = this.open();
    if (seg.lines) seg.lines.push(line);
    else writeSync(seg.fd!, line);
    seg.bytes += size;
    seg.values += rows.length;
    this.bytes += size;
    this.values += rows.length;
    while (this.bytes > this.maxBytes && this.segs.length > 0) {
      const old = this.segs[0]!;
      if (old === seg && this.segs.length === 1) { this.remove(old); this.dropped += old.values; break; }
      this.remove(old);
      this.dropped += old.values;
    }
  }

  /** The oldest batches (one segment), removed from the buffer; null when empty. */
  async shift(): Promise<{ at: number; rows: Row[] }[] | null> {
    const seg = this.segs[0];
    if (!seg) return null;
    if (seg.fd !== null) { closeSync(seg.fd); seg.fd = null; }
    const text = seg.lines ? seg.lines.join("") : await readFile(this.file(seg.id), "utf8").catch(() => "");
    this.remove(seg);
    const out: { at: number; rows: Row[] }[] = [];
    for (const line of text.split("\n")) {
      const tab = line.indexOf("\t");
      if (tab < 0) continue;
      try {
        const b = JSON.parse(line.slice(tab + 1)) as { t: number; u: [string, TagType, unknown, number, number][] };
        out.push({ at: b.t, rows: b.u.map(([p, ty, v, s, ts]) => [p, ty, decodeValue(ty, v), s, ts]) });
      } catch {
        this.dropped += Number(line.slice(0, tab)) || 0; // a torn last line after a crash
      }
    }
    return out;
  }

  close(): void {
    for (const s of this.segs) if (s.fd !== null) { closeSync(s.fd); s.fd = null; }
  }

  private file(id: number): string {
    return join(this.dir!, `${String(id).padStart(12, "0")}.seg`);
  }

  private open(): Segment {
    const last = this.segs[this.segs.length - 1];
    if (last?.fd != null) { closeSync(last.fd); last.fd = null; }
    const id = this.nextId++;
    const seg: Segment = { id, bytes: 0, values: 0, lines: this.dir === null ? [] : null, fd: this.dir === null ? null : openSync(this.file(id), "a", 0o600) };
    this.segs.push(seg);
    return seg;
  }

  private remove(seg: Segment): void {
    const i = this.segs.indexOf(seg);
    if (i >= 0) this.segs.splice(i, 1);
    if (seg.fd !== null) { closeSync(seg.fd); seg.fd = null; }
    if (this.dir !== null) { try { unlinkSync(this.file(seg.id)); } catch { /* already gone */ } }
    this.bytes -= seg.bytes;
    this.values -= seg.values;
  }

  /** Segments left by an earlier run are replayed first, oldest first. */
  private recover(dir: string): void {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const ids = readdirSync(dir).filter((f) => /^\d{12}\.seg$/.test(f)).map((f) => Number(f.slice(0, 12))).sort((a, b) => a - b);
    for (const id of ids) {
      const f = this.file(id);
      const bytes = statSync(f).size;
      let values = 0;
      for (const line of readFileSync(f, "utf8").split("\n")) values += Number(line.slice(0, line.indexOf("\t"))) || 0;
      this.segs.push({ id, bytes, values, lines: null, fd: null });
      this.bytes += bytes;
      this.values += values;
      this.nextId = id + 1;
    }
  }
}
