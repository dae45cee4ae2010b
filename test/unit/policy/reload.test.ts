/** SIGHUP semantics: reload() swaps in a valid file; an invalid one is rejected and the old policy stays. */
import t from "tap";
import { writeFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { Writable } from "node:stream";
import { PolicyGate } from "../../../src/policy/index.js";
import { createLogger, silentLogger } from "../../../src/core/log.js";

function capture(): { logger: ReturnType<typeof createLogger>; lines: Array<Record<string, unknown>> } {
  const lines: Array<Record<string, unknown>> = [];
  const destination = new Writable({ write(c: Buffer, _e, cb) { for (const l of c.toString().split("\n")) if (l) lines.push(JSON.parse(l) as Record<string, unknown>); cb(); } });
  return { logger: createLogger({ level: "info", destination }), lines };
}

void t.test("reload with a valid file applies it; with an invalid file keeps the old one", async (t) => {
  const dir = t.testdir({ "p.yaml": "version: 1\nrules:\n  - { label: v1, allow: \"press1/*\" }\n" });
  const file = join(dir, "p.yaml");
  const { logger, lines } = capture();
  const g = PolicyGate.load("p.yaml", dir, logger);
  const h1 = g.hash;
  t.equal(g.decide("line1/temp").allowed, false);

  t.equal(g.reload(), true, "unchanged file reloads");
  t.equal(g.hash, h1);
  t.ok(lines.some((l) => l.msg === "crossing policy reloaded (unchanged)"));

  writeFileSync(file, "version: 1\nrules:\n  - { label: v2, allow: [\"press1/*\", \"line1/*\"] }\n");
  t.equal(g.reload(), true);
  const h2 = g.hash;
  t.not(h2, h1, "the hash follows the policy in force");
  t.same(g.decide("line1/temp"), { path: "line1/temp", allowed: true, rule: "v2" });
  t.match(lines.find((l) => l.msg === "crossing policy reloaded"), { hash: h2, previousHash: h1 });

  const invalid: Array<[string, RegExp]> = [
    ["version: 1\nrules:\n  - { allow: \"**\", colour: red }\n", /rules\[0\]\.colour: unknown key/],
    ["", /file is empty/],
    ["version: 1\nrules:\n  - { allow: \"a b\" }\n", /bad glob/],
  ];
  for (const [text, why] of invalid) {
    writeFileSync(file, text);
    t.equal(g.reload(), false, `rejected: ${why.source}`);
    t.equal(g.hash, h2, "the old policy stays in force");
    t.same(g.decide("line1/temp"), { path: "line1/temp", allowed: true, rule: "v2" });
    t.equal(g.decide("other/x").allowed, false, "and still fails closed");
    const err = lines.filter((l) => l.level === 50).at(-1);
    t.match(err, { msg: /reload rejected.*previous policy stays/, hash: h2, policy: file });
    t.match(String(err?.err), why);
  }
  rmSync(file);
  t.equal(g.reload(), false, "a deleted file is rejected too");
  t.equal(g.hash, h2);
});

void t.test("reload takes effect on the next samples (decisions are not cached across policies)", async (t) => {
  const dir = t.testdir({ "p.yaml": "version: 1\nrules:\n  - { allow: \"a/*\" }\n" });
  const g = PolicyGate.load("p.yaml", dir, silentLogger);
  const defs = [{ alias: 0, path: "a/x", type: "int16" as const }];
  const sample = { alias: 0, value: 1, status: 0, sourceTime: 0 };
  t.equal(g.filterSamples([sample], (a) => defs[a], 0).length, 1);
  writeFileSync(join(dir, "p.yaml"), "version: 1\nrules:\n  - { deny: a/x }\n  - { allow: \"a/*\" }\n");
  t.equal(g.reload(), true);
  t.equal(g.filterSamples([sample], (a) => defs[a], 1).length, 0);
  t.equal(g.blocked().denied, 1);
});

void t.test("allow-all has no file: reload is a no-op that succeeds", async (t) => {
  const g = PolicyGate.load("allow-all", "/", silentLogger);
  t.equal(g.reload(), true);
  t.equal(g.allowAll, true);
  t.equal(g.hash, "allow-all");
});
