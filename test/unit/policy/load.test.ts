/** Loading: no policy, empty, unknown key, bad values -> SLUICE_ERR_POLICY naming file and field; allow-all warns. */
import t, { type Test } from "tap";
import { Writable } from "node:stream";
import { join } from "node:path";
import { PolicyGate } from "../../../src/policy/index.js";
import { createLogger, silentLogger } from "../../../src/core/log.js";
import { SluiceError } from "../../../src/core/errors.js";

/** A pino logger whose JSON lines land in an array. */
function capture(): { logger: ReturnType<typeof createLogger>; lines: Array<Record<string, unknown>> } {
  const lines: Array<Record<string, unknown>> = [];
  const destination = new Writable({
    write(chunk: Buffer, _enc, cb) {
      for (const l of chunk.toString().split("\n")) if (l.trim()) lines.push(JSON.parse(l) as Record<string, unknown>);
      cb();
    },
  });
  return { logger: createLogger({ level: "debug", destination }), lines };
}

function policyError(t: Test, fn: () => unknown, message: RegExp, name: string): void {
  try {
    fn();
    t.fail(`${name}: expected SLUICE_ERR_POLICY`);
  } catch (e) {
    t.ok(e instanceof SluiceError, `${name}: a SluiceError`);
    const err = e as SluiceError;
    t.equal(err.code, "SLUICE_ERR_POLICY", `${name}: code`);
    t.equal(err.exitCode, 2, `${name}: exit 2`);
    t.match(err.message, message, `${name}: message`);
  }
}

void t.test("no policy refuses to load", async (t) => {
  policyError(t, () => PolicyGate.load(undefined, "/", silentLogger), /no crossing policy configured.*allow-all/, "undefined");
  policyError(t, () => PolicyGate.load("", "/", silentLogger), /no crossing policy configured/, "empty ref");
});

void t.test("allow-all is explicit and logs a warning", async (t) => {
  const { logger, lines } = capture();
  const gate = PolicyGate.load("allow-all", "/nowhere", logger);
  t.equal(gate.allowAll, true);
  t.equal(gate.hash, "allow-all");
  t.same(gate.decide("any/thing"), { path: "any/thing", allowed: true, rule: "allow-all" });
  const warn = lines.filter((l) => l.level === 40);
  t.equal(warn.length, 1, "one warning");
  t.match(String(warn[0]?.msg), /allow-all/);
  t.equal(warn[0]?.policy, "allow-all");
});

void t.test("file errors name the file, the line, the field path and the reason", async (t) => {
  const dir = t.testdir({
    "empty.yaml": "",
    "comments.yaml": "# only a comment\n",
    "notyaml.yaml": "version: 1\nrules: [\n",
    "unknown-top.yaml": "version: 1\nrules:\n  - allow: a/*\nowner: ot-team\n",
    "unknown-rule.yaml": "version: 1\nrules:\n  - allow: a/*\n  - allow: b/*\n    maxrate: 3\n",
    "unknown-range.yaml": "version: 1\nrules:\n  - allow: a/*\n    range: { min: 0, mx: 3 }\n",
    "no-version.yaml": "rules:\n  - allow: a/*\n",
    "version2.yaml": "version: 2\nrules:\n  - allow: a/*\n",
    "no-rules.yaml": "version: 1\nrules: []\n",
    "both.yaml": "version: 1\nrules:\n  - allow: a/*\n    deny: a/b\n",
    "neither.yaml": "version: 1\nrules:\n  - label: x\n",
    "deny-constraint.yaml": "version: 1\nrules:\n  - deny: a/*\n    maxRate: 3\n",
    "bad-glob.yaml": "version: 1\nrules:\n  - allow: [a/*, \"a/(b)\"]\n",
    "bad-glob-single.yaml": "version: 1\nrules:\n  - allow: a/*\n  - deny: \"b c\"\n",
    "bad-type.yaml": "version: 1\nrules:\n  - allow: a/*\n    type: float\n",
    "bad-action.yaml": "version: 1\nrules:\n  - allow: a/*\n    range: { min: 0, action: clamp }\n",
    "empty-range.yaml": "version: 1\nrules:\n  - allow: a/*\n    range: { action: drop }\n",
    "reversed-range.yaml": "version: 1\nrules:\n  - allow: a/*\n    range: { min: 5, max: 1 }\n",
    "zero-rate.yaml": "version: 1\nrules:\n  - allow: a/*\n    maxRate: 0\n",
    "dup-key.yaml": "version: 1\nrules:\n  - allow: a/*\n    allow: b/*\n",
  });
  const cases: Array<[string, RegExp]> = [
    ["missing.yaml", /missing\.yaml: \(file\): cannot read: ENOENT/],
    ["empty.yaml", /empty\.yaml: \(top level\): file is empty/],
    ["comments.yaml", /comments\.yaml: \(top level\): file is empty/],
    ["notyaml.yaml", /notyaml\.yaml: line \d+, column \d+: /],
    ["unknown-top.yaml", /unknown-top\.yaml:4: owner: unknown key/],
    ["unknown-rule.yaml", /unknown-rule\.yaml:5: rules\[1\]\.maxrate: unknown key/],
    ["unknown-range.yaml", /rules\[0\]\.range\.mx: unknown key/],
    ["no-version.yaml", /no-version\.yaml:1: version: is required/],
    ["version2.yaml", /version: must be one of 1/],
    ["no-rules.yaml", /rules: must NOT have fewer than 1 items/],
    ["both.yaml", /both\.yaml:3: rules\[0\]: needs exactly one of allow or deny/],
    ["neither.yaml", /rules\[0\]: needs exactly one of allow or deny/],
    ["deny-constraint.yaml", /rules\[0\]\.maxRate: constraints apply to allow rules only/],
    ["bad-glob.yaml", /rules\[0\]\.allow\[1\]: bad glob "a\/\(b\)": character "\(" cannot occur/],
    ["bad-glob-single.yaml", /rules\[1\]\.deny: bad glob "b c"/],
    ["bad-type.yaml", /rules\[0\]\.type: must be one of "bool", "int16"/],
    ["bad-action.yaml", /rules\[0\]\.range\.action: must be one of "drop", "flag"/],
    ["empty-range.yaml", /rules\[0\]\.range: needs min, max or both/],
    ["reversed-range.yaml", /rules\[0\]\.range: min \(5\) is greater than max \(1\)/],
    ["zero-rate.yaml", /rules\[0\]\.maxRate: must be > 0/],
    ["dup-key.yaml", /dup-key\.yaml: line 4, column 5: /],
  ];
  for (const [file, message] of cases) {
    policyError(t, () => PolicyGate.load(file, dir, silentLogger), message, file);
  }
  // The file is resolved against baseDir, and an absolute path is taken as is.
  policyError(t, () => PolicyGate.load(join(dir, "both.yaml"), "/elsewhere", silentLogger), new RegExp(`^${dir.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}/both\\.yaml:3: `), "absolute");
});

void t.test("a valid file loads, logs its hash and rule counts", async (t) => {
  const dir = t.testdir({ "p.yaml": "version: 1\ndescription: d\nrules:\n  - deny: a/x\n  - allow: a/*\n" });
  const { logger, lines } = capture();
  const gate = PolicyGate.load("p.yaml", dir, logger);
  t.equal(gate.allowAll, false);
  t.match(gate.hash, /^[0-9a-f]{16}$/);
  t.equal(gate.file, join(dir, "p.yaml"));
  const info = lines.find((l) => l.msg === "crossing policy loaded");
  t.match(info, { hash: gate.hash, deny: 1, allow: 1, policy: join(dir, "p.yaml") });
});

void t.test("a policy with no allow rule loads but warns that nothing will cross", async (t) => {
  const dir = t.testdir({ "p.yaml": "version: 1\nrules:\n  - deny: \"**\"\n" });
  const { logger, lines } = capture();
  const gate = PolicyGate.load("p.yaml", dir, logger);
  t.equal(gate.decide("a/b").allowed, false);
  t.ok(lines.some((l) => l.level === 40 && /nothing will cross/.test(String(l.msg))));
});
