/**
 * The shipped policies: every policies/*.yaml loads, policy.schema.json matches the
 * TypeBox schema (regenerate: SLUICE_WRITE_SCHEMA=1 npx tap test/unit/policy/files.test.ts),
 * and the audit of example.yaml reads as documented.
 */
import t from "tap";
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { join } from "node:path";
import { PolicyGate } from "../../../src/policy/index.js";
import { auditLines } from "../../../src/policy/audit.js";
import { policyJsonSchema } from "../../../src/config/policy.js";
import { Ajv } from "ajv";
import { parse } from "yaml";
import { silentLogger } from "../../../src/core/log.js";
import type { TagType } from "../../../src/core/model.js";

const POLICIES = fileURLToPath(new URL("../../../policies/", import.meta.url));

/** The demo's tags as the demo sources configure them, plus two that must not cross. */
const demoTags: Array<{ path: string; type: TagType }> = [
  { path: "press1/temperature", type: "float64" },
  { path: "press1/flow", type: "float32" },
  { path: "press1/count", type: "uint32" },
  { path: "press1/running", type: "bool" },
  { path: "press1/secret", type: "uint16" },
  { path: "press1/adminPassword", type: "string" },
  { path: "line1/temp", type: "float64" },
  { path: "line1/speed", type: "float64" },
  { path: "line1/count", type: "int32" },
  { path: "s7plc/level", type: "float32" },
  { path: "logix/Counter", type: "int32" },
  { path: "boiler2/pressure", type: "float32" },
];

void t.test("every shipped policy loads and carries a distinct hash", async (t) => {
  const files = readdirSync(POLICIES).filter((f) => f.endsWith(".yaml")).sort();
  t.same(files, ["allow-demo.yaml", "example.yaml", "strict.yaml"]);
  const hashes = new Set(files.map((f) => PolicyGate.load(f, POLICIES, silentLogger).hash));
  t.equal(hashes.size, files.length);
});

void t.test("policy.schema.json is generated from the TypeBox schema", async (t) => {
  const file = join(POLICIES, "policy.schema.json");
  const want = `${JSON.stringify(policyJsonSchema(), null, 2)}\n`;
  if (process.env.SLUICE_WRITE_SCHEMA === "1") writeFileSync(file, want);
  t.equal(readFileSync(file, "utf8"), want, "run with SLUICE_WRITE_SCHEMA=1 to regenerate");
  // Standalone, as an editor or CI would use it: the shipped files pass, a typo does not.
  const check = new Ajv({ allowUnionTypes: true }).compile(JSON.parse(readFileSync(file, "utf8")) as object);
  for (const f of ["allow-demo.yaml", "example.yaml", "strict.yaml"]) {
    t.ok(check(parse(readFileSync(join(POLICIES, f), "utf8"))), `${f} validates against policy.schema.json`);
  }
  t.notOk(check({ version: 1, rules: [{ alow: "a/*" }] }), "an unknown key fails");
});

void t.test("audit of policies/example.yaml against the demo tags", async (t) => {
  const gate = PolicyGate.load("example.yaml", POLICIES, silentLogger);
  t.same(auditLines(gate, demoTags), [
    "CROSSES  press1/temperature    (rule: press1-temperature)",
    "CROSSES  press1/flow           (rule: press1-process)",
    "CROSSES  press1/count          (rule: press1-process)",
    "CROSSES  press1/running        (rule: press1-process)",
    "BLOCKED  press1/secret         (rule: press1-secret)",
    "BLOCKED  press1/adminPassword  (rule: credentials)",
    "CROSSES  line1/temp            (rule: line1)",
    "CROSSES  line1/speed           (rule: line1)",
    "CROSSES  line1/count           (rule: line1)",
    "CROSSES  s7plc/level           (rule: s7plc)",
    "CROSSES  logix/Counter         (rule: logix)",
    "BLOCKED  boiler2/pressure      (rule: default deny)",
  ]);
});

void t.test("audit of the stricter receiver copy explains constraint blocks", async (t) => {
  const gate = PolicyGate.load("strict.yaml", POLICIES, silentLogger);
  const lines = auditLines(gate, [...demoTags, { path: "line1/temp", type: "string" }]);
  t.equal(lines.filter((l) => l.startsWith("CROSSES")).length, 4);
  t.equal(lines.at(-1), "BLOCKED  line1/temp            (rule: temperatures; type string is not int16|uint16|int32|float32|float64)");
  t.equal(lines[4], "BLOCKED  press1/secret         (rule: press1-secret)");
});

void t.test("audit under allow-all and of an empty catalogue", async (t) => {
  const gate = PolicyGate.load("allow-all", POLICIES, silentLogger);
  t.same(auditLines(gate, [{ path: "a/b", type: "bool" }, { path: "ccc/d", type: "bool" }]), [
    "CROSSES  a/b    (rule: allow-all)",
    "CROSSES  ccc/d  (rule: allow-all)",
  ]);
  t.same(auditLines(gate, []), []);
});
