/**
 * Tag-path globs of the crossing policy, compiled once to anchored RegExps.
 *
 *   "press1/*"  ──compileGlob──▶  /^press1\/[^/]*$/
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
 */

/** Patterns longer than this are refused (a policy is hand-written; this bounds regex size). */
export const MAX_GLOB_LENGTH = 256;

const LITERAL = /^[A-Za-z0-9_.\-/]$/;
const CLASS_CHAR = /^[A-Za-z0-9_.-]$/;

/** Thrown for a malformed glob; the caller adds the file and field path. */
export class GlobError extends Error {}

/** Of the characters a glob may hold literally, only "." is special outside a class... */
function escape(ch: string): string {
  return ch === "." ? "\\." : ch;
}

/** ...and only "-" inside one. */
function escapeInClass(ch: string): string {
  return ch === "-" ? "\\-" : ch;
}

function compileClass(glob: string, start: number): { re: string; end: number } {
  let i = start + 1;
  let negate = false;
  if (glob[i] === "!" || glob[i] === "^") { negate = true; i++; }
  const body: string[] = [];
  let afterRange = false;
  while (i < glob.length && glob[i] !== "]") {
    const ch = glob[i]!;
    if (!CLASS_CHAR.test(ch)) throw new GlobError(`character ${JSON.stringify(ch)} not allowed in a [class] (position ${i + 1})`);
    if (ch === "-" && body.length > 0 && i + 1 < glob.length && glob[i + 1] !== "]") {
      if (afterRange) throw new GlobError(`ambiguous "-" after a range in [class] (position ${i + 1})`);
      const lo = glob[i - 1]!;
      const hi = glob[i + 1]!;
      if (!CLASS_CHAR.test(hi) || hi === "-") throw new GlobError(`bad range in [class] (position ${i + 1})`);
      if (hi < lo) throw new GlobError(`range ${lo}-${hi} is reversed (position ${i + 1})`);
      body.push(`-${escapeInClass(hi)}`);
      i += 2;
      afterRange = true;
      continue;
    }
    afterRange = false;
    body.push(escapeInClass(ch));
    i++;
  }
  if (i >= glob.length) throw new GlobError(`unterminated [class] (position ${start + 1})`);
  if (body.length === 0) throw new GlobError(`empty [class] (position ${start + 1})`);
  // A class never matches "/": it stands for one character of one segment.
  return { re: negate ? `[^/${body.join("")}]` : `[${body.join("")}]`, end: i };
}

/** The RegExp source (without anchors) for a glob; throws GlobError. */
export function globSource(glob: string): string {
  if (glob.length === 0) throw new GlobError("empty pattern");
  if (glob.length > MAX_GLOB_LENGTH) throw new GlobError(`pattern longer than ${MAX_GLOB_LENGTH} characters`);
  let out = "";
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i]!;
    if (ch === "*") {
      let n = 1;
      while (glob[i + n] === "*") n++;
      if (n > 2) throw new GlobError(`"${"*".repeat(n)}" is not a glob (use * or **) (position ${i + 1})`);
      out += n === 2 ? ".*" : "[^/]*";
      i += n - 1;
    } else if (ch === "?") {
      out += "[^/]";
    } else if (ch === "[") {
      const c = compileClass(glob, i);
      out += c.re;
      i = c.end;
    } else if (ch === "]") {
      throw new GlobError(`unmatched "]" (position ${i + 1})`);
    } else if (LITERAL.test(ch)) {
      out += escape(ch);
    } else {
      throw new GlobError(`character ${JSON.stringify(ch)} cannot occur in a tag path (position ${i + 1})`);
    }
  }
  return out;
}

/** Compile one glob to an anchored, case-sensitive RegExp. */
export function compileGlob(glob: string): RegExp {
  return new RegExp(`^${globSource(glob)}$`);
}

/** Compile several globs into one alternation (one test per rule on the hot path). */
export function compileGlobs(globs: readonly string[]): RegExp {
  return new RegExp(`^(?:${globs.map(globSource).join("|")})$`);
}
