/**
 * Systematic Reed-Solomon erasure code over GF(256) with a Cauchy generator.
 *
 *   data symbols d_0..d_{k-1}  (sent as they are)
 *   parity p_i = sum_j C[i][j] * d_j,   C[i][j] = 1 / (x_i + y_j)
 *   x_i = 255 - i (i < m),  y_j = j (j < k),  k + m <= 256
 *
 * Every square submatrix of a Cauchy matrix is invertible, so the stacked
 * generator [I; C] is MDS: any k of the k+m symbols rebuild the data.
 * The coefficients depend only on (i, j), never on k, so the sender can add
 * each data symbol into the parities as it is sent and still close a group
 * early (on a timer) with fewer data symbols: the unused columns are zero.
 * Symbols shorter than the group's symbol length count as zero-padded.
 */
import { inv, invertMatrix, mulAddInto } from "./gf256.js";

export const MAX_SYMBOLS = 256;

const COEFF = new Uint8Array(MAX_SYMBOLS * MAX_SYMBOLS);
for (let i = 0; i < MAX_SYMBOLS; i++) {
  for (let j = 0; j < MAX_SYMBOLS; j++) if (((255 - i) ^ j) !== 0) COEFF[i * MAX_SYMBOLS + j] = inv((255 - i) ^ j);
}

/** C[i][j]; only meaningful for i + j < 255 (that is, k + m <= 256). */
export function coeff(i: number, j: number): number {
  return COEFF[i * MAX_SYMBOLS + j]!;
}

/** parity[i] ^= C[i][j] * symbol (at offset `off`) for every parity row. */
export function addToParities(parities: Uint8Array[], j: number, symbol: Uint8Array, off = 0): void {
  for (let i = 0; i < parities.length; i++) mulAddInto(parities[i]!, off, symbol, coeff(i, j));
}

/**
 * Rebuild missing data symbols.
 * @param data    k slots; present symbols (any length <= len), null when missing
 * @param parity  parity symbols by row i (each exactly len bytes), null when missing
 * @param len     the group's symbol length
 * @returns the rebuilt symbols by data index (len bytes each), or null when
 *          fewer than k symbols are present in total
 */
export function recover(data: (Uint8Array | null)[], parity: (Uint8Array | null)[], len: number): Map<number, Uint8Array> | null {
  const missing: number[] = [];
  data.forEach((d, j) => { if (!d) missing.push(j); });
  const out = new Map<number, Uint8Array>();
  if (missing.length === 0) return out;
  const rows: number[] = [];
  for (let i = 0; i < parity.length && rows.length < missing.length; i++) if (parity[i]) rows.push(i);
  if (rows.length < missing.length) return null;
  // r_i = p_i - sum over present data of C[i][j] d_j  =  sum over missing of C[i][j] d_j
  const rhs = rows.map((i) => {
    const r = Uint8Array.from(parity[i]!.subarray(0, len));
    data.forEach((d, j) => { if (d) mulAddInto(r, 0, d.length > len ? d.subarray(0, len) : d, coeff(i, j)); });
    return r;
  });
  const minv = invertMatrix(rows.map((i) => Uint8Array.from(missing, (j) => coeff(i, j))));
  missing.forEach((j, a) => {
    const sym = new Uint8Array(len);
    for (let b = 0; b < rows.length; b++) mulAddInto(sym, 0, rhs[b]!, minv[a]![b]!);
    out.set(j, sym);
  });
  return out;
}
