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

/** NFA simulation: O(path length x tokens), no backtracking. */
function matchTokens(tokens: readonly GlobToken[], path: string): boolean {
  const m = tokens.length;
  let cur = new Uint8Array(m + 1);
  let next = new Uint8Array(m + 1);
  cur[0] = 1;
  close(tokens, cur);
  for (let p = 0; p < path.length; p++) {
    const c = path.charCodeAt(p);
    next.fill(0);
    let any = false;
    for (let i = 0; i < m; i++) {
      if (!cur[i]) continue;
      const t = tokens[i]!;
      switch (t.k) {
        case "star": if (c !== SLASH) { next[i] = 1; any = true; } break;
        case "globstar": next[i] = 1; any = true; break;
        case "lit": if (c === t.c) { next[i + 1] = 1; any = true; } break;
        case "one": if (c !== SLASH) { next[i + 1] = 1; any = true; } break;
        case "class": if (inClass(t, c)) { next[i + 1] = 1; any = true; } break;
      }
    }
    if (!any) return false;
    close(tokens, next);
    [cur, next] = [next, cur];
  }
  return cur[m] === 1;
}

/** Compile one glob. */
export function compileGlob(glob: string): GlobMatcher {
  return compileGlobs([glob]);
}

/** Compile several globs into one matcher: literal globs in a Set, the others as token lists. */
export function compileGlobs(globs: readonly string[]): GlobMatcher {
  const literals = new Set<string>();
  const patterns: GlobToken[][] = [];
  for (const g of globs) {
    const tokens = parseGlob(g);
    if (tokens.every((t) => t.k === "lit")) literals.add(g);
    else patterns.push(tokens);
  }
  return {
    test(path: string): boolean {
      if (literals.has(path)) return true;
      for (const p of patterns) if (matchTokens(p, path)) return true;
      return false;
    },
  };
}
