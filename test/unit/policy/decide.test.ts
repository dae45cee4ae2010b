/** Decisions: deny over allow, first allow decides, default deny, type at catalogue level, hash, catalogue log. */
import t, { type Test } from "tap";
import { Writable } from "node:stream";
import { PolicyGate } from "../../../src/policy/index.js";
import { createLogger, silentLogger } from "../../../src/core/log.js";

function gateOf(t: Test, yaml: string, logger = silentLogger): PolicyGate {
  const dir = t.testdir({ "p.yaml": yaml });
  return PolicyGate.load("p.yaml", dir, logger);
}

void t.test("deny beats allow regardless of order", async (t) => {
  const denyLast = gateOf(t, `version: 1
rules:
  - { label: all-press1, allow: "press1/*" }
  - { label: no-secret, deny: press1/secret }
`);
  t.same(denyLast.decide("press1/secret"), { path: "press1/secret", allowed: false, rule: "no-secret" });
  t.same(denyLast.decide("press1/flow"), { path: "press1/flow", allowed: true, rule: "all-press1" });
  const denyFirst = gateOf(t, `version: 1
rules:
  - { deny: press1/secret }
  - { allow: press1/secret }
`);
  t.same(denyFirst.decide("press1/secret"), { path: "press1/secret", allowed: false, rule: "rules[0]" }, "unlabelled rules are named rules[N]");
});

void t.test("default deny: a tag no allow rule matches does not cross", async (t) => {
  const g = gateOf(t, "version: 1\nrules:\n  - allow: press1/*\n");
  t.same(g.decide("line1/temp"), { path: "line1/temp", allowed: false, rule: "default deny" });
  t.same(g.decide("press1/a/b"), { path: "press1/a/b", allowed: false, rule: "default deny" }, "* does not cross /");
  t.same(g.decide("Press1/flow"), { path: "Press1/flow", allowed: false, rule: "default deny" }, "case-sensitive");
});

void t.test("an over-long path is denied whatever the rules say", async (t) => {
  const g = gateOf(t, "version: 1\nrules:\n  - allow: \"**\"\n");
  t.equal(g.decide(`a/${"x".repeat(510)}`).allowed, true, "512 characters is a possible path");
  t.same(g.decide(`a/${"x".repeat(511)}`), { path: `a/${"x".repeat(511)}`, allowed: false, rule: "default deny", detail: "path longer than 512 characters" });
});

void t.test("among allow rules the first match decides and only its constraints apply", async (t) => {
  const g = gateOf(t, `version: 1
rules:
  - { label: analog, allow: "press1/*", type: [float32, float64] }
  - { label: everything, allow: "**" }
`);
  t.same(g.decide("press1/temp", "float32"), { path: "press1/temp", allowed: true, rule: "analog" });
  t.same(g.decide("press1/running", "bool"), { path: "press1/running", allowed: false, rule: "analog", detail: "type bool is not float32|float64" },
    "a broad allow later in the file does not bypass the constraint");
  t.same(g.decide("press1/running"), { path: "press1/running", allowed: true, rule: "analog" }, "without a type the path decides");
  t.same(g.decide("line1/x", "bool"), { path: "line1/x", allowed: true, rule: "everything" });
});

void t.test("a range rule blocks non-numeric tags at catalogue level", async (t) => {
  const g = gateOf(t, "version: 1\nrules:\n  - { label: r, allow: \"a/*\", range: { min: 0 } }\n");
  t.equal(g.decide("a/x", "int16").allowed, true);
  t.same(g.decide("a/s", "string"), { path: "a/s", allowed: false, rule: "r", detail: "range applies to numeric tags, this one is string" });
  t.equal(g.decide("a/b", "bool").allowed, false);
});

void t.test("filterCatalog keeps the allowed tags in order and returns every decision", async (t) => {
  const g = gateOf(t, "version: 1\nrules:\n  - { deny: press1/secret }\n  - { label: p, allow: \"press1/*\" }\n");
  const tags = [
    { path: "press1/temperature", type: "float64" as const, extra: 1 },
    { path: "press1/secret", type: "uint16" as const, extra: 2 },
    { path: "line1/temp", type: "float32" as const, extra: 3 },
    { path: "press1/running", type: "bool" as const, extra: 4 },
  ];
  const { allowed, decisions } = g.filterCatalog(tags);
  t.same(allowed.map((x) => x.extra), [1, 4], "the caller's objects come back");
  t.same(decisions.map((d) => [d.path, d.allowed, d.rule]), [
    ["press1/temperature", true, "p"],
    ["press1/secret", false, "rules[0]"],
    ["line1/temp", false, "default deny"],
    ["press1/running", true, "p"],
  ]);
});

void t.test("catalogue decisions are logged once per distinct catalogue, not at every birth", async (t) => {
  const lines: Array<Record<string, unknown>> = [];
  const destination = new Writable({ write(c: Buffer, _e, cb) { for (const l of c.toString().split("\n")) if (l) lines.push(JSON.parse(l) as Record<string, unknown>); cb(); } });
  const g = gateOf(t, "version: 1\nrules:\n  - { label: p, allow: \"press1/*\" }\n", createLogger({ level: "info", destination }));
  const tags = [{ path: "press1/a", type: "int16" as const }, { path: "x/secret", type: "int16" as const }];
  g.filterCatalog(tags);
  g.filterCatalog(tags);
  let summaries = lines.filter((l) => l.msg === "crossing policy decisions");
  t.equal(summaries.length, 1);
  t.match(summaries[0], { policyHash: g.hash, tags: 2, crossing: 1, blocked: 1, byRule: { p: 1, "default deny": 1 }, blockedPaths: ["x/secret"] });
  g.filterCatalog([...tags, { path: "press1/b", type: "bool" as const }]);
  summaries = lines.filter((l) => l.msg === "crossing policy decisions");
  t.equal(summaries.length, 2, "a changed catalogue is logged again");
});

void t.test("the hash is stable for the same rules and differs for different ones", async (t) => {
  const a = gateOf(t, "version: 1\ndescription: one\nrules:\n  - { allow: [b/*, a/*], type: [float64, int16] }\n");
  const sameRulesOtherText = gateOf(t, `# a comment
version: 1
description: another description, same decisions
rules:
  - allow: [a/*, b/*]          # glob order within a rule does not decide anything
    type: [int16, float64]
`);
  const rangeDefault = gateOf(t, "version: 1\nrules:\n  - { allow: a/*, range: { min: 0 } }\n");
  const rangeExplicit = gateOf(t, "version: 1\nrules:\n  - { allow: a/*, range: { min: 0, action: drop } }\n");
  t.match(a.hash, /^[0-9a-f]{16}$/);
  t.equal(a.hash, sameRulesOtherText.hash, "comments, description and set order do not change the hash");
  t.equal(rangeDefault.hash, rangeExplicit.hash, "defaults are part of the canonical form");
  const variants = [
    "version: 1\nrules:\n  - { allow: [a/*, b/*] }\n",
    "version: 1\nrules:\n  - { allow: [a/*, b/*], type: int16 }\n",
    "version: 1\nrules:\n  - { allow: [a/*, b/*], type: [int16, float64], maxRate: 1 }\n",
    "version: 1\nrules:\n  - { allow: [a/*, b/*], type: [int16, float64], label: x }\n",
    "version: 1\nrules:\n  - { deny: [a/*, b/*] }\n",
    "version: 1\nrules:\n  - { allow: a/* }\n  - { allow: b/* }\n",
    "version: 1\nrules:\n  - { allow: b/* }\n  - { allow: a/* }\n",
  ];
  const hashes = new Set([a.hash, ...variants.map((y) => gateOf(t, y).hash)]);
  t.equal(hashes.size, variants.length + 1, "every different policy has a different hash");
  t.not(rangeDefault.hash, gateOf(t, "version: 1\nrules:\n  - { allow: a/*, range: { min: 0, action: flag } }\n").hash);
});
