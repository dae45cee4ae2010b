/**
 * Arithmetic in GF(2^8) with the polynomial x^8+x^4+x^3+x^2+1 (0x11d, the
 * usual Reed-Solomon field): addition is XOR, multiplication by log/exp
 * tables, plus a full 64 KiB product table so the inner loop of coding is one
 * lookup and one XOR per byte.
 */
const EXP = new Uint8Array(512);
const LOG = new Uint8Array(256);
/** MUL[a << 8 | b] = a * b */
const MUL = new Uint8Array(65536);

{
  let x = 1;
  for (let i = 0; i < 255; i++) {
    EXP[i] = x;
    LOG[x] = i;
    x <<= 1;
    if (x & 0x100) x ^= 0x11d;
  }
  for (let i = 255; i < 512; i++) EXP[i] = EXP[i - 255]!;
  for (let a = 1; a < 256; a++) {
    for (let b = 1; b < 256; b++) MUL[(a << 8) | b] = EXP[LOG[a]! + LOG[b]!]!;
  }
}

export function mul(a: number, b: number): number {
  return MUL[(a << 8) | b]!;
}

export function inv(a: number): number {
  if (a === 0) throw new RangeError("GF(256): 0 has no inverse");
  return EXP[255 - LOG[a]!]!;
}

/** dst[dOff+i] ^= c * src[i] for every byte of src (unrolled: the hot loop of FEC). */
export function mulAddInto(dst: Uint8Array, dOff: number, src: Uint8Array, c: number): void {
  const n = src.length;
  if (c === 0 || n === 0) return;
  let i = 0;
  if (c === 1) {
    for (; i < n; i++) dst[dOff + i]! ^= src[i]!;
    return;
  }
  const row = MUL.subarray(c << 8, (c << 8) + 256);
  for (; i + 4 <= n; i += 4) {
    const d = dOff + i;
    dst[d]! ^= row[src[i]!]!;
    dst[d + 1]! ^= row[src[i + 1]!]!;
    dst[d + 2]! ^= row[src[i + 2]!]!;
    dst[d + 3]! ^= row[src[i + 3]!]!;
  }
  for (; i < n; i++) dst[dOff + i]! ^= row[src[i]!]!;
}

/**
 * Invert a square matrix (rows of Uint8Array) by Gauss-Jordan elimination.
 * Throws when singular (never for a Cauchy submatrix).
 */
export function invertMatrix(m: Uint8Array[]): Uint8Array[] {
  const n = m.length;
  const a = m.map((r) => Uint8Array.from(r));
  const out = a.map((_, i) => {
    const r = new Uint8Array(n);
    r[i] = 1;
    return r;
  });
  for (let col = 0; col < n; col++) {
    let piv = col;
    while (piv < n && a[piv]![col] === 0) piv++;
    if (piv === n) throw new RangeError("GF(256): singular matrix");
    if (piv !== col) {
      [a[piv], a[col]] = [a[col]!, a[piv]!];
      [out[piv], out[col]] = [out[col]!, out[piv]!];
    }
    const rowA = a[col]!;
    const rowO = out[col]!;
    const f = inv(rowA[col]!);
    for (let j = 0; j < n; j++) {
      rowA[j] = mul(rowA[j]!, f);
      rowO[j] = mul(rowO[j]!, f);
    }
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const g = a[r]![col]!;
      if (g === 0) continue;
      mulAddInto(a[r]!, 0, rowA, g);
      mulAddInto(out[r]!, 0, rowO, g);
    }
  }
  return out;
}
