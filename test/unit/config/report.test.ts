/**
 * `sluice check` and the loaders report every mistake of a file in one run:
 * file, YAML line, field path, reason, and a "did you mean" for misspelt keys
 * and enum values. One file per kind (reader, receiver, policy), each with many
 * different mistakes; every kind of suggestion; and the same list from
 * the CLI (exit code 2, one line per mistake).
 */
import t from "tap";
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadReaderConfig } from "../../../src/config/reader.js";
import { loadReceiverConfig } from "../../../src/config/receiver.js";
import { loadPolicyFile } from "../../../src/policy/compile.js";
import { editDistance, suggest } from "../../../src/config/suggest.js";
import { isSluiceError } from "../../../src/core/errors.js";

const root = fileURLToPath(new URL("../../../", import.meta.url));

/** The error's message, one issue per line after the "N errors" heading. */
function issues(fn: () => unknown, code = "SLUICE_ERR_CONFIG"): string[] {
  try {
    fn();
  } catch (e) {
    if (!isSluiceError(e)) throw e;
    if (e.code !== code) throw e;
    const lines = e.message.split("\n");
    return lines.length === 1 ? lines : lines.slice(1);
  }
  throw new Error("accepted");
}

/** A file whose mistakes are marked "# <- path: reason", so each expectation sits on its own line. */
function expectations(text: string, file: string): string[] {
  return text.split("\n").flatMap((line, i) => {
    const m = /# <- (.*)$/.exec(line);
    return m ? [`${file}:${i + 1}: ${m[1]}`] : [];
  });
}

const READER = `link:
  to: "127.0.0.1:47100"
  key: ./test.key
  fecc: { repair: 0.2 }                          # <- link.fecc: unknown key; did you mean "fec"?
policy: allow-all
log: { level: warning }                          # <- log.level: must be one of "fatal", "error", "warn", "info", "debug", "trace", "silent"; did you mean "warn"?
sources:
  - name: press1
    protocol: modbus
    endpoint: 10.0.0.5:502
    interval: 500ms
    timout: 2s                                   # <- sources[0].timout: unknown key; did you mean "timeout"?
    modbus:
      unit: 3                                    # <- sources[0].modbus.unit: unknown key; did you mean "unitId"?
      byteOrder: CDBA                            # <- sources[0].modbus.byteOrder: must be one of "ABCD", "CDAB", "BADC", "DCBA"; did you mean "CDAB"?
    tags:
      - { name: speed, address: "hr:x" }         # <- sources[0].tags[0].address: modbus address "hr:x": offset "x" is not a decimal number (0..65535, optionally .BIT)
      - { name: temp, address: "hr:1", type: real }  # <- sources[0].tags[1].type: must be one of "bool", "int16", "uint16", "int32", "uint32", "int64", "uint64", "float32", "float64", "string"; did you mean "float32"?
      - { name: speed, address: "hr:2" }         # <- sources[0].tags[2].name: duplicate tag name "speed" in source press1 (also tags[0])
      - { name: run, address: "coil:0", scale: 2 }  # <- sources[0].tags[3].scale: needs a numeric tag; this tag is bool
  - name: line1
    protocol: opcua
    endpoint: "plc:4840"                         # <- sources[1].endpoint: expected an opc.tcp://host[:port][/path] URL
    interval: 1s
    opcua:
      securityMode: signandencrypt               # <- sources[1].opcua.securityMode: must be one of "None", "Sign", "SignAndEncrypt"; did you mean "SignAndEncrypt"?
    tags:
      - { name: flow, address: "ns=2;i=7", type: float64, unitId: 2 }  # <- sources[1].tags[0].unitId: only modbus tags take a unitId (this source is opcua)
  - name: press2
    protocol: modbsu                             # <- sources[2].protocol: must be one of "modbus", "s7", "enip", "opcua"; did you mean "modbus"?
    endpoint: 10.0.0.6
    interval: 1s
    tags: [{ name: t, address: "hr:0" }]
`;

void t.test("a reader file with many different mistakes: all reported, with lines, paths and suggestions", async (t) => {
  const dir = t.testdir({ "reader.yaml": READER });
  const file = join(dir, "reader.yaml");
  const want = expectations(READER, file);
  t.ok(want.length >= 10, `${want.length} mistakes in the file`);
  const got = issues(() => loadReaderConfig(file));
  t.same(got, want, "every mistake, in file order, nothing else");

  const cli = spawnSync(process.execPath, [join(root, "bin/sluice.js"), "check", file], { encoding: "utf8", timeout: 60_000 });
  t.equal(cli.status, 2, "exit code unchanged: 2");
  for (const line of want) t.ok(cli.stderr.includes(line), `sluice check prints: ${line}`);
  t.match(cli.stderr, new RegExp(`${want.length} errors`), "and says how many");
});

const RECEIVER = `link:
  listen: "0.0.0.0:47100"
  key: ./link.key
  timeot: 3s                                     # <- link.timeot: unknown key; did you mean "timeout"?
policy: allow-all
rest:
  listen: "127.0.0.1:99999"                      # <- rest.listen: port must be 0-65535
opcua:
  security: { modes: [SignAndEncrypt, sign] }    # <- opcua.security.modes[1]: must be one of "SignAndEncrypt", "Sign", "None"; did you mean "Sign"?
  maxSesions: 10                                 # <- opcua.maxSesions: unknown key; did you mean "maxSessions"?
histroy: { samples: 10 }                         # <- histroy: unknown key; did you mean "history"?
log: { level: 3 }                                # <- log.level: must be string
`;

void t.test("a receiver file: every mistake reported with its line", async (t) => {
  const dir = t.testdir({ "receiver.yaml": RECEIVER });
  const file = join(dir, "receiver.yaml");
  const got = issues(() => loadReceiverConfig(file));
  const want = expectations(RECEIVER, file);
  // an enum of the wrong type gets ajv's two complaints; the one about the type is the useful one
  t.same(got.filter((l) => !/log\.level: must be one of/.test(l)), want);
});

const POLICY = `version: 1
rules:
  - allow: "plant/**"
    type: [float64, real]                        # <- rules[0].type[1]: must be one of "bool", "int16", "uint16", "int32", "uint32", "int64", "uint64", "float32", "float64", "string"; did you mean "float32"?
  - deny: "plant/secret/*"
    maxrate: 5                                   # <- rules[1].maxrate: unknown key; did you mean "maxRate"?
  - allow: "a/[b"                                # <- rules[2].allow: bad glob "a/[b": unclosed character class
  - deny: "x/*"
    range: { min: 0 }                            # <- rules[3].range: constraints apply to allow rules only (a deny rule blocks outright)
  - allow: "y/*"
    range: { min: 5, max: 1 }                    # <- rules[4].range: min (5) is greater than max (1)
`;

void t.test("a policy file: schema mistakes, then rule mistakes, each with its line", async (t) => {
  const dir = t.testdir({ "p.yaml": POLICY.replace(/\n {2}- allow: "a\/\[b".*\n/, "\n") });
  const file = join(dir, "p.yaml");
  const schemaOnly = issues(() => loadPolicyFile(file), "SLUICE_ERR_POLICY");
  const text = POLICY.replace(/\n {2}- allow: "a\/\[b".*\n/, "\n");
  t.same(schemaOnly, expectations(text, file).slice(0, 2), "schema mistakes first: the rules are compiled only once the file has the right shape");

  const rulesOnly = POLICY.replace("type: [float64, real]", "type: [float64]").replace("maxrate: 5", "label: secret").replace(/ +# <- rules\[[01]\].*$/gm, "");
  const dir2 = t.testdir({ "p.yaml": rulesOnly });
  const file2 = join(dir2, "p.yaml");
  const got = issues(() => loadPolicyFile(file2), "SLUICE_ERR_POLICY");
  t.equal(got.length, 3, "three rule mistakes, all reported");
  t.match(got[0], new RegExp(`^${file2.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}:7: rules\\[2\\]\\.allow: bad glob`));
  t.same(got.slice(1), expectations(rulesOnly, file2).slice(1));
});

void t.test("did you mean: every kind of suggestion, and none for a wild guess", async (t) => {
  t.equal(editDistance("protocl", "protocol"), 1, "one deletion");
  t.equal(editDistance("CDBA", "CDAB"), 1, "a swap of neighbours is one edit");
  t.equal(editDistance("", "abc"), 3);
  t.equal(suggest("protocl", ["name", "protocol", "endpoint"]), "protocol", "misspelt key");
  t.equal(suggest("modbsu", ["modbus", "s7", "enip", "opcua"]), "modbus", "misspelt enum value");
  t.equal(suggest("CDBA", ["ABCD", "CDAB", "BADC", "DCBA"]), "CDAB", "transposed letters");
  t.equal(suggest("signandencrypt", ["None", "Sign", "SignAndEncrypt"]), "SignAndEncrypt", "wrong case");
  t.equal(suggest("unit", ["unitId", "maxRegisters"]), "unitId", "a prefix of the key");
  t.equal(suggest("real", ["int16", "float32", "float64"]), "float32", "a PLC type name for a sluice type");
  t.equal(suggest("LREAL", ["float32", "float64"]), "float64", "aliases ignore case");
  t.equal(suggest("dint", ["int16", "float32"]), undefined, "an alias whose target is not allowed here suggests nothing");
  t.equal(suggest("pollRate", ["name", "interval", "timeout"]), undefined, "nothing close: no wild guess");
  t.equal(suggest("xy", ["s7"]), undefined, "short words need a near match");
});

void t.test("the reader refuses to start with the same list", async (t) => {
  const dir = t.testdir({ "reader.yaml": READER });
  writeFileSync(join(dir, "test.key"), "");
  const { startReader } = await import("../../../src/reader/main.js");
  const { silentLogger } = await import("../../../src/core/log.js");
  await t.rejects(startReader(join(dir, "reader.yaml"), { logger: silentLogger }), {
    code: "SLUICE_ERR_CONFIG",
    message: new RegExp(`^${join(dir, "reader.yaml").replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: ${expectations(READER, "x").length} errors\\n`),
  });
});
