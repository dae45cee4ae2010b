/**
 * Sender side of FEC: accumulates each data symbol into the group's parity
 * symbols as it is sent (no copy of the data is kept), and closes the group
 * when it holds `k` data symbols or when its timer fires, yielding
 * m = ceil(k * repair) parity symbols trimmed to the longest data symbol.
 *
 *   fragment ─▶ data datagram (sent now)
 *        └───▶ parities ^= C[i][j]·symbol ─(full | timer)─▶ m repair datagrams
 */
import { addToParities } from "./rs.js";
import { SYMBOL_HEADER, writeSymbolHeader, type Fragment } from "./symbol.js";

export interface ClosedGroup {
  group: number;
  k: number;
  m: number;
  parities: Uint8Array[];
}

export class GroupEncoder {
  /** uint32, wraps */
  private groupId = 0;
  private count = 0;
  private len = 0;
  private readonly parities: Uint8Array[];
  private readonly scratch = new Uint8Array(SYMBOL_HEADER);
  readonly mNominal: number;

  constructor(readonly kNominal: number, readonly repair: number, maxSymbol: number) {
    this.mNominal = repairCount(kNominal, repair);
    this.parities = Array.from({ length: this.mNominal }, () => new Uint8Array(maxSymbol));
  }

  get open(): boolean {
    return this.count > 0;
  }

  /** FEC fields for the next data datagram. */
  next(): { group: number; index: number } {
    return { group: this.groupId, index: this.count };
  }

  /** Add the data symbol just sent; true when the group is now full. */
  add(f: Fragment): boolean {
    if (this.mNominal > 0) {
      writeSymbolHeader(this.scratch, f);
      addToParities(this.parities, this.count, this.scratch, 0);
      addToParities(this.parities, this.count, f.bytes, SYMBOL_HEADER);
    }
    this.len = Math.max(this.len, SYMBOL_HEADER + f.bytes.length);
    this.count++;
    return this.count >= this.kNominal;
  }

  /** Close the group; its parity symbols (copies) for the repair datagrams. */
  close(): ClosedGroup | null {
    if (this.count === 0) return null;
    const k = this.count;
    const m = repairCount(k, this.repair);
    const parities = this.parities.slice(0, m).map((p) => p.slice(0, this.len));
    for (const p of this.parities) p.fill(0, 0, this.len);
    const out = { group: this.groupId, k, m, parities };
    this.groupId = (this.groupId + 1) >>> 0;
    this.count = 0;
    this.len = 0;
    return out;
  }
}

/** Repair datagrams for k data datagrams at a repair ratio (at least 1 when the ratio is > 0). */
export function repairCount(k: number, repair: number): number {
  if (repair <= 0) return 0;
  return Math.min(k, 128, Math.ceil(k * repair - 1e-9));
}
