/** Glob semantics of the crossing policy: one table, every line can fail. */
import t from "tap";
import { MAX_GLOB_LENGTH, compileGlob, compileGlobs, parseGlob } from "../../../src/policy/glob.js";

const table: Array<[glob: string, path: string, matches: boolean]> = [
  // "*" stays within one segment
  ["press1/*", "press1/temperature", true],
  ["press1/*", "press1/", true],
  ["press1/*", "press1", false],
  ["press1/*", "press1/a/b", false],
  ["press1/*", "press10/temperature", false],
  ["*/temperature", "press1/temperature", true],
  ["*/temperature", "line1/temperature", true],
  ["*/temperature", "a/b/temperature", false],
  ["*/temperature", "press1/temperature2", false],
  ["*", "press1/temperature", false],
  ["press*/t*", "press12/temp", true],
  // "**" crosses segments
  ["**", "press1/temperature", true],
  ["press1/**", "press1/a/b", true],
  ["**/temperature", "a/b/temperature", true],
  ["**/temperature", "temperature", false],
  ["**temp**", "press1/x/temperature", true],
  // "?" is one character, never "/"
  ["press?/count", "press1/count", true],
  ["press?/count", "press12/count", false],
  ["press1?count", "press1/count", false],
  // classes
  ["line[12]/temp", "line2/temp", true],
  ["line[12]/temp", "line3/temp", false],
  ["line[1-3]/temp", "line3/temp", true],
  ["line[!1-3]/temp", "line4/temp", true],
  ["line[!1-3]/temp", "line2/temp", false],
  ["line[^1-3]/temp", "line2/temp", false],
  ["a[!x]b", "a/b", false],
  ["x[-.]y", "x.y", true],
  ["x[-.]y", "x-y", true],
  ["x[a-]y", "x-y", true],
  // literals: anchored, case-sensitive, "." is not a wildcard
  ["press1/temperature", "press1/temperature", true],
  ["press1/temperature", "xpress1/temperature", false],
  ["press1/temperature", "press1/temperaturex", false],
  ["press1/temperature", "Press1/Temperature", false],
  ["a.b/c", "a.b/c", true],
  ["a.b/c", "axb/c", false],
  ["s7plc/DB1_REAL-4", "s7plc/DB1_REAL-4", true],
  // literal prefix and suffix around wildcards (they are compared as strings first)
  ["a*a", "a", false],
  ["a*a", "aa", true],
  ["a*a", "aba", true],
  ["a?a", "aa", false],
  ["ab*", "ab", true],
  ["*b", "b", true],
  ["a**", "a", true],
  ["a**z", "a/b/z", true],
  ["a*z", "a/z", false],
  ["x/*/y", "x//y", true],
];

// Globs of 31 tokens or fewer run as a bit-parallel NFA, longer ones as an array NFA: check both.
for (const wide of [false, true]) {
  void t.test(`glob table (${wide ? "array" : "bit-parallel"} NFA)`, async (t) => {
    for (const [glob, path, matches] of table) {
      t.equal(compileGlob(glob, wide).test(path), matches, `${glob} ${matches ? "matches" : "does not match"} ${path}`);
    }
  });
}

void t.test("globs at and past the 31-token boundary of the bit-parallel NFA", async (t) => {
  // "*" + 29 x "?" + "*": 31 middle tokens (bit-parallel, accept bit is the sign bit); one more "?" goes wide.
  const at = `*${"?".repeat(29)}*`;
  const past = `*${"?".repeat(30)}*`;
  for (const [glob, n] of [[at, 29], [past, 30]] as const) {
    t.ok(compileGlob(glob).test("x".repeat(n)), `${n} characters match ${n} x "?"`);
    t.ok(compileGlob(glob).test("x".repeat(n + 5)));
    t.notOk(compileGlob(glob).test("x".repeat(n - 1)), "one too few");
    t.notOk(compileGlob(glob).test(`${"x".repeat(n)}/`), "no slash");
  }
  t.ok(compileGlob(`${"a?".repeat(20)}**`).test(`${"ab".repeat(20)}/x/y`), "a long mixed glob (40 middle tokens)");
});

void t.test("a list of globs matches when any glob does, each anchored", async (t) => {
  const re = compileGlobs(["press1/temperature", "line1/*"]);
  t.ok(re.test("press1/temperature"));
  t.ok(re.test("line1/speed"));
  t.notOk(re.test("press1/temperatureline1/x"));
  t.notOk(re.test("press1/flow"));
});

void t.test("malformed globs are errors, never silent non-matches", async (t) => {
  const bad: Array<[string, RegExp]> = [
    ["", /empty pattern/],
    ["press 1/*", /cannot occur in a tag path/],
    ["press1/(a|b)", /cannot occur/],
    ["press1/{a,b}", /cannot occur/],
    ["a\\b", /cannot occur/],
    ["***", /not a glob/],
    ["a[bc", /unterminated/],
    ["a[]b", /empty \[class\]/],
    ["a]b", /unmatched/],
    ["a[z-a]", /reversed/],
    ["a[a-c-e]", /ambiguous/],
    ["a[/]", /not allowed in a \[class\]/],
    ["x".repeat(MAX_GLOB_LENGTH + 1), /longer than/],
  ];
  for (const [glob, msg] of bad) t.throws(() => parseGlob(glob), msg, JSON.stringify(glob.slice(0, 20)));
  t.equal(parseGlob("x".repeat(MAX_GLOB_LENGTH)).length, MAX_GLOB_LENGTH, "the cap itself is accepted");
});

void t.test("\".\" is a literal, in and out of classes", async (t) => {
  t.notOk(compileGlob("a.b").test("aXb"));
  t.notOk(compileGlob("[.]").test("x"));
  t.ok(compileGlob("[.]").test("."));
});

void t.test("many wildcards against a long path: correct answer, no backtracking blow-up", async (t) => {
  // As a backtracking RegExp (.*a.*a.*a.*a.*a.*b) this would run for hours; the NFA is linear in path x glob.
  const path = `${"a".repeat(200)}/${"a".repeat(200)}`;
  for (const wide of [false, true]) {
    t.notOk(compileGlob("**a**a**a**a**a**b", wide).test(path));
    t.notOk(compileGlob("*a*a*a*a*a*b/*a*a*a*a*a*b", wide).test(path));
    t.ok(compileGlob("**a**a**a**a**a**", wide).test(path));
    t.ok(compileGlob("*a*a*a*/*a*a*a*", wide).test(path));
  }
});

void t.test("literal globs and patterns mix in one matcher", async (t) => {
  const m = compileGlobs(["press1/secret", "line?/x", "press1/secret"]);
  t.ok(m.test("press1/secret"));
  t.ok(m.test("line9/x"));
  t.notOk(m.test("press1/secre"));
  t.notOk(m.test("line10/x"));
});

void t.test("both NFAs agree with a reference RegExp on random short globs and paths", async (t) => {
  // Deterministic PRNG (mulberry32) so a failure reproduces.
  let seed = 0x5eed;
  const rnd = (n: number): number => {
    seed = (seed + 0x6d2b79f5) | 0;
    let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) % n;
  };
  const pieces: Array<[string, string]> = [["a", "a"], ["b", "b"], ["/", "/"], ["*", "[^/]*"], ["**", ".*"], ["?", "[^/]"], ["[ab]", "[ab]"], ["[!a]", "[^/a]"]];
  let mismatches = 0;
  for (let i = 0; i < 1500; i++) {
    let glob = "";
    let src = "";
    let last = "";
    for (let k = 0, n = 1 + rnd(6); k < n; k++) {
      const [g, r] = pieces[rnd(pieces.length)]!;
      if (g.startsWith("*") && last.endsWith("*")) continue; // "***" is not a glob
      glob += g;
      src += r;
      last = g;
    }
    const ref = new RegExp(`^${src}$`);
    const bit = compileGlob(glob);
    const wide = compileGlob(glob, true);
    for (let j = 0; j < 8; j++) {
      let path = "";
      for (let k = 0, n = rnd(8); k < n; k++) path += "abc/"[rnd(4)];
      const want = ref.test(path);
      if (bit.test(path) !== want || wide.test(path) !== want) {
        mismatches++;
        t.fail(`${glob} on ${JSON.stringify(path)}: want ${want}`);
      }
    }
  }
  t.equal(mismatches, 0, "12,000 glob/path pairs agree");
});
