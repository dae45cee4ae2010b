/**
 * "Did you mean": the known word nearest to a misspelt one, by edit distance
 * (optimal string alignment: insert, delete, substitute, swap two neighbours),
 * case-insensitive, or by a known alias (PLC type names for sluice's types).
 * No suggestion when nothing is close: a wild guess is worse than none.
 */

/** Edits between a and b (optimal string alignment distance). */
export function editDistance(a: string, b: string): number {
  const m = a.length;
  const n = b.length;
  let prev2: number[] = [];
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  for (let i = 1; i <= m; i++) {
    const cur = [i];
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2]! + 1);
      cur.push(v);
    }
    prev2 = prev;
    prev = cur;
  }
  return prev[n]!;
}

/** Common names for sluice's tag types in PLC and programming vocabularies. */
const TYPE_ALIASES: Readonly<Record<string, string>> = {
  real: "float32", float: "float32", single: "float32", lreal: "float64", double: "float64",
  int: "int16", short: "int16", sint: "int16", dint: "int32", long: "int32", lint: "int64",
  uint: "uint16", word: "uint16", udint: "uint32", dword: "uint32", ulint: "uint64", lword: "uint64",
  boolean: "bool", bit: "bool", str: "string", text: "string",
};

/** The candidate the user most likely meant by `word`, or undefined when none is close. */
export function suggest(word: string, candidates: readonly string[]): string | undefined {
  const w = word.toLowerCase();
  const alias = TYPE_ALIASES[w];
  if (alias !== undefined && candidates.includes(alias)) return alias;
  const limit = w.length <= 4 ? 1 : w.length <= 8 ? 2 : 3;
  let best: string | undefined;
  let bestD = Infinity;
  for (const c of candidates) {
    const lc = c.toLowerCase();
    if (lc === w) return c;
    const d = editDistance(w, lc);
    // a prefix (unit -> unitId, pass -> password) counts as close when most of the word is there
    const prefix = w.length >= 3 && (lc.startsWith(w) || w.startsWith(lc));
    const score = prefix ? Math.min(d, 1.5) : d;
    if ((score <= limit || prefix) && score < bestD) {
      best = c;
      bestD = score;
    }
  }
  return best;
}

/** "; did you mean \"x\"?" or "" */
export function didYouMean(word: string, candidates: readonly string[]): string {
  const s = suggest(word, candidates);
  return s === undefined ? "" : `; did you mean ${JSON.stringify(s)}?`;
}
