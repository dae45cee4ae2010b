/**
 * Tag-path globs of the crossing policy, parsed once into tokens and matched by a
 * small NFA simulation:
 *
 *   "press1/*"  ──parseGlob──▶ [p r e s s 1 / STAR] ──compileGlob──▶ { test(path) }
 *
 * Semantics (also in policies/README.md):
 *   *      any run of characters within one path segment (never "/"), possibly empty
 *   **     any run of characters across segments (may contain "/"), possibly empty
 *   ?      exactly one character other than "/"
 *   [abc] [a-z] [!abc] [^abc]   one character from (or not from) a class; never "/"
 *   anything else matches itself; matching is anchored and case-sensitive.
 * A glob may use only the characters a tag path can contain (A-Z a-z 0-9 _ . - /)
 * plus the metacharacters above, so a typo that could never match is an error
 * instead of a rule that silently allows or denies nothing.
 *
 * Why not RegExp: a glob such as "**a**a**a**b" becomes /.*a.*a.*a.*b/, which V8
 * backtracks in O(n^4): about one second for one 240-character path. Paths reach the
 * receiver from the far side, so matching must be bounded: the NFA costs at most
 * path length x glob tokens steps, and a literal glob is a Set lookup.
 * Edge case of the prefix/suffix split: "a*a" on "a": prefix "a" and suffix "a"
 * overlap, which the length check (path.length >= prefix + suffix) rejects.
 */

/** Patterns longer than this are refused (a policy is hand-written; this bounds match cost). */
export const MAX_GLOB_LENGTH = 256;

const LITERAL = /^[A-Za-z0-9_.\-/]$/;
const CLASS_CHAR = /^[A-Za-z0-9_.-]$/;
const SLASH = 0x2f;

/** Thrown for a malformed glob; the caller adds the file and field path. */
export class GlobError extends Error {}

export type GlobToken =
  | { k: "lit"; c: number }
  | { k: "one" }
  | { k: "class"; ranges: Array<[number, number]>; negate: boolean }
  | { k: "star" }
  | { k: "globstar" };

export interface GlobMatcher {
  test(path: string): boolean;
}

function parseClass(glob: string, start: number): { tok: GlobToken; end: number } {
  let i = start + 1;
  let negate = false;
  if (glob[i] === "!" || glob[i] === "^") { negate = true; i++; }
  const ranges: Array<[number, number]> = [];
  let afterRange = false;
  while (i < glob.length && glob[i] !== "]") {
    const ch = glob[i]!;
    if (!CLASS_CHAR.test(ch)) throw new GlobError(`character ${JSON.stringify(ch)} not allowed in a [class] (position ${i + 1})`);
    if (ch === "-" && ranges.length > 0 && i + 1 < glob.length && glob[i + 1] !== "]") {
      if (afterRange) throw new GlobError(`ambiguous "-" after a range in [class] (position ${i + 1})`);
      const lo = glob.charCodeAt(i - 1);
      const hi = glob[i + 1]!;
      if (!CLASS_CHAR.test(hi) || hi === "-") throw new GlobError(`bad range in [class] (position ${i + 1})`);
      if (hi.charCodeAt(0) < lo) throw new GlobError(`range ${glob[i - 1]}-${hi} is reversed (position ${i + 1})`);
      ranges[ranges.length - 1] = [lo, hi.charCodeAt(0)];
      i += 2;
      afterRange = true;
      continue;
    }
    afterRange = false;
    ranges.push([ch.charCodeAt(0), ch.charCodeAt(0)]);
    i++;
  }
  if (i >= glob.length) throw new GlobError(`unterminated [class] (position ${start + 1})`);
  if (ranges.length === 0) throw new GlobError(`empty [class] (position ${start + 1})`);
  return { tok: { k: "class", ranges, negate }, end: i };
}

/** Validate and tokenise one glob; throws GlobError naming the position. */
export function parseGlob(glob: string): GlobToken[] {
  if (glob.length === 0) throw new GlobError("empty pattern");
  if (glob.length > MAX_GLOB_LENGTH) throw new GlobError(`pattern longer than ${MAX_GLOB_LENGTH} characters`);
  const out: GlobToken[] = [];
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i]!;
    if (ch === "*") {
      let n = 1;
      while (glob[i + n] === "*") n++;
      if (n > 2) throw new GlobError(`"${"*".repeat(n)}" is not a glob (use * or **) (position ${i + 1})`);
      out.push(n === 2 ? { k: "globstar" } : { k: "star" });
      i += n - 1;
    } else if (ch === "?") {
      out.push({ k: "one" });
    } else if (ch === "[") {
      const c = parseClass(glob, i);
      out.push(c.tok);
      i = c.end;
    } else if (ch === "]") {
      throw new GlobError(`unmatched "]" (position ${i + 1})`);
    } else if (LITERAL.test(ch)) {
      out.push({ k: "lit", c: ch.charCodeAt(0) });
    } else {
      throw new GlobError(`character ${JSON.stringify(ch)} cannot occur in a tag path (position ${i + 1})`);
    }
  }
  return out;
}

function inClass(t: { ranges: Array<[number, number]>; negate: boolean }, c: number): boolean {
  if (c === SLASH) return false;
  let hit = false;
  for (const [lo, hi] of t.ranges) if (c >= lo && c <= hi) { hit = true; break; }
  return hit !== t.negate;
}

/** Epsilon closure: a star may match nothing, so being before it means being after it too. */
function close(tokens: readonly GlobToken[], states: Uint8Array): void {
  for (let i = 0; i < tokens.length; i++) {
    const k = tokens[i]!.k;
    if (states[i] && (k === "star" || k === "globstar")) states[i + 1] = 1;
  }
}

/** One bit per token (bit i = "i tokens matched"); 32-bit ints hold up to 31 tokens. */
const MAX_BIT_TOKENS = 31;

/** Shift-and NFA: per character, a few integer operations whatever the glob. */
function bitNfa(mid: readonly GlobToken[]): (path: string, from: number, end: number) => boolean {
  const m = mid.length;
  let starMask = 0; // star or globstar at i: "i matched" implies "i+1 matched" (empty run)
  let stayAny = 0; // globstar: stays on any character
  let stayNoSlash = 0; // star: stays on any character but "/"
  mid.forEach((t, i) => {
    if (t.k === "star" || t.k === "globstar") starMask |= 1 << i;
    if (t.k === "globstar") stayAny |= 1 << i;
    if (t.k === "star") stayNoSlash |= 1 << i;
  });
  // advance[c]: tokens that consume character c and move on (lit, one, class).
  const advanceOf = (c: number): number => {
    let mask = 0;
    mid.forEach((t, i) => {
      if ((t.k === "lit" && t.c === c) || (t.k === "one" && c !== SLASH) || (t.k === "class" && inClass(t, c))) mask |= 1 << i;
    });
    return mask;
  };
  const ascii = Int32Array.from({ length: 128 }, (_, c) => advanceOf(c));
  const accept = 1 << m; // bit m (negative when m is 31; only compared with & below)
  const closeBits = (s: number): number => s | ((s & starMask) << 1); // no two star tokens are adjacent
  const start = closeBits(1);
  return (path, from, end) => {
    let cur = start;
    for (let p = from; p < end; p++) {
      const c = path.charCodeAt(p);
      const adv = c < 128 ? ascii[c]! : advanceOf(c);
      const next = ((cur & adv) << 1) | (cur & (c === SLASH ? stayAny : stayAny | stayNoSlash));
      if (next === 0) return false;
      cur = closeBits(next);
    }
    return (cur & accept) !== 0;
  };
}

/** Array NFA for globs with more tokens than bits: O(length x tokens). */
function arrayNfa(mid: readonly GlobToken[]): (path: string, from: number, end: number) => boolean {
  const m = mid.length;
  let cur = new Uint8Array(m + 1);
  let next = new Uint8Array(m + 1);
  return (path, from, end) => {
    cur.fill(0);
    cur[0] = 1;
    close(mid, cur);
    for (let p = from; p < end; p++) {
      const c = path.charCodeAt(p);
      next.fill(0);
      let any = false;
      for (let i = 0; i < m; i++) {
        if (!cur[i]) continue;
        const t = mid[i]!;
        switch (t.k) {
          case "star": if (c !== SLASH) { next[i] = 1; any = true; } break;
          case "globstar": next[i] = 1; any = true; break;
          case "lit": if (c === t.c) { next[i + 1] = 1; any = true; } break;
          case "one": if (c !== SLASH) { next[i + 1] = 1; any = true; } break;
          case "class": if (inClass(t, c)) { next[i + 1] = 1; any = true; } break;
        }
      }
      if (!any) return false;
      close(mid, next);
      [cur, next] = [next, cur];
    }
    return cur[m] === 1;
  };
}

/**
 * One non-literal glob: its leading and trailing literals are compared as strings,
 * and the tokens between them run as an NFA (no backtracking) over the part of the
 * path between them. State is allocated once per glob; matching is synchronous, so
 * reusing it is safe. `wide` forces the array NFA (tests run every glob through both).
 */
function patternMatcher(tokens: readonly GlobToken[], wide: boolean): GlobMatcher {
  let a = 0;
  let b = tokens.length;
  while (a < b && tokens[a]!.k === "lit") a++;
  while (b > a && tokens[b - 1]!.k === "lit") b--;
  const text = (ts: readonly GlobToken[]): string => ts.map((t) => String.fromCharCode((t as { c: number }).c)).join("");
  const prefix = text(tokens.slice(0, a));
  const suffix = text(tokens.slice(b));
  const mid = tokens.slice(a, b);
  const run = !wide && mid.length <= MAX_BIT_TOKENS ? bitNfa(mid) : arrayNfa(mid);
  const fixed = prefix.length + suffix.length;
  return {
    test(path: string): boolean {
      if (path.length < fixed || !path.startsWith(prefix) || !path.endsWith(suffix)) return false;
      return run(path, prefix.length, path.length - suffix.length);
    },
  };
}

/** Compile one glob. */
export function compileGlob(glob: string, wide = false): GlobMatcher {
  return compileGlobs([glob], wide);
}

/** Compile several globs into one matcher: literal globs in a Set, the others as token lists. */
export function compileGlobs(globs: readonly string[], wide = false): GlobMatcher {
  const literals = new Set<string>();
  const patterns: GlobMatcher[] = [];
  for (const g of globs) {
    const tokens = parseGlob(g);
    if (tokens.every((t) => t.k === "lit")) literals.add(g);
    else patterns.push(patternMatcher(tokens, wide));
  }
  return {
    test(path: string): boolean {
      if (literals.has(path)) return true;
      for (const p of patterns) if (p.test(path)) return true;
      return false;
    },
  };
}
