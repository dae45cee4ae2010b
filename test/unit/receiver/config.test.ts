import t from "tap";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { splitHostPort } from "../../../src/config/common.js";
import { checkReceiverFile, loadReceiverConfig, linkTimes } from "../../../src/config/receiver.js";
import { isSluiceError } from "../../../src/core/errors.js";

const dir = mkdtempSync(join(tmpdir(), "sluice-rcfg-"));
t.teardown(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
function file(text: string): string {
  const f = join(dir, `r${n++}.yaml`);
  writeFileSync(f, text);
  return f;
}
const BASE = "link: { listen: 127.0.0.1:47100, key: ./k.key }\npolicy: allow-all\n";

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  return undefined;
}

function configErr(t: { ok(v: unknown, m: string): unknown }, text: string, pattern: RegExp) {
  const f = file(text);
  const e = thrown(() => loadReceiverConfig(f));
  t.ok(isSluiceError(e, "SLUICE_ERR_CONFIG") && e.exitCode === 2 && pattern.test(e.message) && e.message.startsWith(f),
    `${pattern}: got ${e instanceof Error ? e.message : String(e)}`);
}

void t.test("defaults fill every section", async (t) => {
  const c = loadReceiverConfig(file(BASE));
  t.equal(c.rest.listen, "127.0.0.1:8080");
  t.equal(c.rest.enabled, true);
  t.equal(c.opcua.enabled, true);
  t.equal(c.opcua.port, 4840);
  t.same(c.opcua.security.modes, ["SignAndEncrypt"]);
  t.equal(c.opcua.allowAnonymous, false);
  t.equal(c.history.samples, 1000);
  t.equal(c.limits.tags, 200_000);
  t.equal(c.log.level, undefined);
  t.ok(Object.isFrozen(c.rest));
  t.same(linkTimes(c.link), { timeoutMs: 3000, staleMs: 13_000 }, "Bad once down for link.stale more");
});

void t.test("the DESIGN.md example loads", async (t) => {
  const c = loadReceiverConfig(file(`${BASE}rest: { listen: 127.0.0.1:0 }\nopcua: { port: 4841 }\nhistory: { samples: 0 }\nlog: { level: debug }\n`));
  t.equal(c.rest.listen, "127.0.0.1:0");
  t.equal(c.opcua.port, 4841);
  t.equal(c.history.samples, 0);
  t.equal(c.log.level, "debug");
});

void t.test("opcua and rest can be switched off", async (t) => {
  const c = loadReceiverConfig(file(`${BASE}opcua: { enabled: false }\nrest: { enabled: false }\n`));
  t.equal(c.opcua.enabled, false);
  t.equal(c.rest.enabled, false);
});

void t.test("errors name the field path", async (t) => {
  configErr(t, `${BASE}bogus: 1\n`, /: bogus: unknown key/);
  configErr(t, `${BASE}rest: { listen: localhost }\n`, /: rest\.listen: /);
  configErr(t, `${BASE}rest: { listen: 127.0.0.1:70000 }\n`, /: rest\.listen: port must be 0-65535/);
  configErr(t, `${BASE}rest: { port: 1 }\n`, /: rest\.port: unknown key/);
  configErr(t, `${BASE}history: { samples: 100001 }\n`, /: history\.samples: /);
  configErr(t, `${BASE}history: { samples: -1 }\n`, /: history\.samples: /);
  configErr(t, `${BASE}limits: { tags: 0 }\n`, /: limits\.tags: /);
  configErr(t, `${BASE}log: { level: loud }\n`, /: log\.level: must be one of/);
  configErr(t, `${BASE}opcua: { security: { modes: [Fast] } }\n`, /: opcua\.security\.modes\[0\]: must be one of/);
  configErr(t, "link: { listen: 127.0.0.1:47100, key: ./k.key }\n", /: policy: is required/);
  configErr(t, "policy: allow-all\n", /: link: is required/);
});

void t.test("check also loads the policy the config names", async (t) => {
  t.equal(checkReceiverFile(file(BASE)).policy, "allow-all");
  const f = file("link: { listen: 127.0.0.1:47100, key: ./k.key }\npolicy: ./missing-policy.yaml\n");
  const e = thrown(() => checkReceiverFile(f));
  t.ok(isSluiceError(e, "SLUICE_ERR_CONFIG_READ") && e.exitCode === 2 && e.message.includes("missing-policy.yaml"), String(e));
  writeFileSync(join(dir, "bad-policy.yaml"), "version: 1\nrules: [{ allow: a/b, colour: red }]\n");
  const e2 = thrown(() => checkReceiverFile(file("link: { listen: 127.0.0.1:47100, key: ./k.key }\npolicy: bad-policy.yaml\n")));
  t.ok(isSluiceError(e2, "SLUICE_ERR_CONFIG") && /bad-policy\.yaml:2: rules\[0\]\.colour: unknown key/.test(e2.message), String(e2));
  writeFileSync(join(dir, "good-policy.yaml"), "version: 1\nrules: [{ allow: a/b }]\n");
  t.equal(checkReceiverFile(file("link: { listen: 127.0.0.1:47100, key: ./k.key }\npolicy: good-policy.yaml\n")).policy, "good-policy.yaml");
});

void t.test("host:port split", async (t) => {
  t.same(splitHostPort("127.0.0.1:8080"), { host: "127.0.0.1", port: 8080 });
  t.same(splitHostPort("[::1]:0"), { host: "::1", port: 0 });
});
