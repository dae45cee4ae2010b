/**
 * Parsed YAML is copied out of the file's text (config/load.ts detachStrings): the
 * values must come through unchanged, lone surrogates included, and aliased nodes must
 * stay one shared object.
 */
import t from "tap";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { readYaml } from "../../../src/config/load.js";

void t.test("strings, escapes and aliases survive the copy out of the file text", async (t) => {
  const dir = t.testdir();
  const file = join(dir, "x.yaml");
  writeFileSync(file, [
    "endpoint: opc.tcp://plc-hall-3.example:4840",
    "short: hr:1",
    'escaped: "a lone surrogate \\ud800 and \\u00e9 in a long string"',
    "base: &b { name: a-long-shared-tag-name, list: [one-long-list-entry, 2, true] }",
    "copy: *b",
    "nested: [[deep-long-string-value-here]]",
  ].join("\n"));
  const d = readYaml(file) as Record<string, unknown>;
  t.equal(d.endpoint, "opc.tcp://plc-hall-3.example:4840");
  t.equal(d.short, "hr:1");
  t.equal(d.escaped, "a lone surrogate \ud800 and \u00e9 in a long string", "lone surrogate kept (no UTF-8 round trip)");
  t.same(d.base, { name: "a-long-shared-tag-name", list: ["one-long-list-entry", 2, true] });
  t.equal(d.copy, d.base, "an alias is still the same object");
  t.same(d.nested, [["deep-long-string-value-here"]]);
});
