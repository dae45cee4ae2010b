/**
 * float32 values travel and are stored as doubles, so 14.369775f prints as
 * 14.36977481842041. Clients (REST, UNS JSON, the status page) should see the shortest
 * decimal that reads back as the same float32, as a C or Rust float32 formatter prints it.
 */

/** The double with the fewest significant digits that rounds to the same float32 as `x`. */
export function shortestFloat32(x: number): number {
  if (!Number.isFinite(x) || x === 0) return x;
  const f = Math.fround(x);
  // 9 significant digits always round-trip a float32; fewer usually do.
  for (let p = 1; p < 9; p++) {
    const d = Number(f.toPrecision(p));
    if (Math.fround(d) === f) return d;
  }
  return Number(f.toPrecision(9));
}
