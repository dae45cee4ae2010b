/**
 * Receiver side of FEC: keeps the data and parity symbols of recent groups
 * and, once a group has k symbols in any mix, rebuilds its missing data
 * fragments. Data fragments are handed up as they arrive (FEC never delays
 * good data); only rebuilt ones come out of here.
 *
 *   data fragment ──▶ group[g].data[j] ─┐
 *   repair body ────▶ group[g].parity[i] ┴─(k symbols, some data missing)─▶ rebuilt fragments
 *
 * Bounded: at most `maxGroups` groups are open (oldest dropped), each for at
 * most `timeoutMs`; a group is freed as soon as it is complete.
 */
import { recover } from "./rs.js";
import { SYMBOL_HEADER, parseSymbol, writeSymbolHeader, type Fragment } from "./symbol.js";
import type { Header } from "../envelope.js";

interface Group {
  /** final k and m, known from the first repair datagram (0 = not yet) */
  k: number;
  m: number;
  len: number;
  kNominal: number;
  data: (Fragment | null)[];
  dataCount: number;
  parity: (Uint8Array | null)[];
  parityCount: number;
  since: number;
}

export type GroupResult = Fragment[] | "malformed";
const NONE: Fragment[] = [];

export class GroupDecoder {
  private readonly groups = new Map<number, Group>();
  private readonly done = new Set<number>();
  private readonly doneOrder: number[] = [];

  constructor(private readonly maxGroups: number, private readonly timeoutMs: number, private readonly maxFragments: number) {}

  get open(): number {
    return this.groups.size;
  }

  addData(h: Header, f: Fragment, now: number): GroupResult {
    if (h.fecM === 0) return NONE; // no repair will come for this group
    const g = this.group(h.group, now);
    if (!g) return NONE;
    if (g.kNominal === 0) g.kNominal = h.fecK;
    if (h.fecK !== g.kNominal || (g.k > 0 && h.fecIndex >= g.k)) return "malformed";
    if (g.data[h.fecIndex]) return NONE;
    g.data[h.fecIndex] = f;
    g.dataCount++;
    return this.progress(h.group, g);
  }

  addRepair(h: Header, body: Buffer, now: number): GroupResult {
    const g = this.group(h.group, now);
    if (!g) return NONE;
    if (g.k === 0) {
      if (body.length <= SYMBOL_HEADER || (g.kNominal > 0 && h.fecK > g.kNominal)) return "malformed";
      for (let j = h.fecK; j < g.data.length; j++) if (g.data[j]) return "malformed";
      g.k = h.fecK;
      g.m = h.fecM;
      g.len = body.length;
    } else if (h.fecK !== g.k || h.fecM !== g.m || body.length !== g.len) {
      return "malformed";
    }
    const i = h.fecIndex - g.k;
    if (g.parity[i]) return NONE;
    g.parity[i] = body;
    g.parityCount++;
    return this.progress(h.group, g);
  }

  sweep(now: number): void {
    for (const [id, g] of this.groups) {
      if (now - g.since < this.timeoutMs) break;
      this.groups.delete(id);
    }
  }

  clear(): void {
    this.groups.clear();
    this.done.clear();
    this.doneOrder.length = 0;
  }

  private group(id: number, now: number): Group | null {
    if (this.done.has(id)) return null;
    let g = this.groups.get(id);
    if (!g) {
      while (this.groups.size >= this.maxGroups) this.groups.delete(this.groups.keys().next().value as number);
      g = { k: 0, m: 0, len: 0, kNominal: 0, data: [], dataCount: 0, parity: [], parityCount: 0, since: now };
      this.groups.set(id, g);
    }
    return g;
  }

  private finish(id: number): void {
    this.groups.delete(id);
    this.done.add(id);
    this.doneOrder.push(id);
    if (this.doneOrder.length > 4 * this.maxGroups) this.done.delete(this.doneOrder.shift()!);
  }

  private progress(id: number, g: Group): GroupResult {
    const k = g.k || g.kNominal;
    if (g.dataCount >= k) {
      this.finish(id);
      return NONE;
    }
    if (g.k === 0 || g.dataCount + g.parityCount < g.k) return NONE;
    this.finish(id);
    const data: (Uint8Array | null)[] = [];
    for (let j = 0; j < g.k; j++) {
      const f = g.data[j];
      if (!f) { data.push(null); continue; }
      if (SYMBOL_HEADER + f.bytes.length > g.len) return "malformed";
      const sym = new Uint8Array(SYMBOL_HEADER + f.bytes.length);
      writeSymbolHeader(sym, f);
      sym.set(f.bytes, SYMBOL_HEADER);
      data.push(sym);
    }
    const parity = Array.from({ length: g.m }, (_, i) => g.parity[i] ?? null);
    const rebuilt = recover(data, parity, g.len);
    if (!rebuilt) return NONE;
    const out: Fragment[] = [];
    for (const sym of rebuilt.values()) {
      const f = parseSymbol(sym, this.maxFragments);
      if (!f) return "malformed";
      out.push(f);
    }
    return out;
  }
}
