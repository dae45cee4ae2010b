/**
 * The rest: section's rules: beyond loopback it needs TLS and credentials on every route
 * group or the explicit insecure opt-out; access choices must name credentials that
 * exist; token files are checked at start and their content never appears in an error.
 */
import t from "tap";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadReceiverConfig } from "../../../src/config/receiver.js";
import { isLoopback } from "../../../src/config/receiver-rest.js";
import { isSluiceError } from "../../../src/core/errors.js";
import { groupOf, readTokens } from "../../../src/receiver/rest/security.js";

const dir = mkdtempSync(join(tmpdir(), "sluice-restcfg-"));
t.teardown(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const HASH = "scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";
function file(rest: string): string {
  const f = join(dir, `r${n++}.yaml`);
  writeFileSync(f, `link: { listen: 127.0.0.1:47100, key: ./k.key }\npolicy: allow-all\nrest:\n${rest}\n`);
  return f;
}
function error(rest: string): string {
  try {
    loadReceiverConfig(file(rest));
  } catch (e) {
    return isSluiceError(e, "SLUICE_ERR_CONFIG") ? e.message : `not a config error: ${String(e)}`;
  }
  return "no error";
}
const TLS = "  tls: { cert: c.pem, key: k.pem }\n";
const USERS = `  users: [{ name: op, passwordHash: "${HASH}" }]\n`;

void t.test("beyond loopback: TLS and credentials, or insecure: true", async (t) => {
  t.match(error("  listen: 0.0.0.0:8080"), /rest\.listen: 0\.0\.0\.0 is beyond loopback with no TLS \(rest\.tls\), no authentication/);
  t.match(error(`  listen: 0.0.0.0:8080\n${TLS}`), /rest\.listen: .*no authentication \(rest\.users, rest\.tokens\)/);
  t.match(error(`  listen: 10.0.0.5:8080\n${USERS}`), /rest\.listen: .*no TLS/);
  t.match(error(`  listen: 10.0.0.5:8080\n${TLS}${USERS}  access: { metrics: open }`), /rest\.access\.metrics is open/);
  t.equal(error(`  listen: 10.0.0.5:8080\n${TLS}${USERS}`), "no error", "TLS and a user: starts");
  t.equal(error("  listen: 0.0.0.0:8080\n  insecure: true"), "no error", "the explicit opt-out");
  t.equal(error("  listen: 127.0.0.1:8080"), "no error", "loopback needs neither (the default)");
  t.equal(error("  listen: \"[::1]:8080\""), "no error", "IPv6 loopback too");
  t.equal(loadReceiverConfig(file("  listen: 127.0.0.1:8080")).rest.insecure, false, "insecure defaults to false");
  for (const h of ["127.0.0.1", "127.1.2.3", "::1", "localhost"]) t.ok(isLoopback(h), `${h} is loopback`);
  for (const h of ["0.0.0.0", "::", "10.0.0.1", "128.0.0.1", "localhost.example"]) t.notOk(isLoopback(h), `${h} is not`);
});

void t.test("access must name credentials that exist; names are unique; bad values are named", async (t) => {
  t.match(error(`${USERS}  tokens: []\n  access: { metrics: tokens }`), /rest\.access\.metrics: "tokens" needs at least one entry in rest\.tokens/);
  t.match(error(`  tokens: [{ name: p, file: t }]\n  access: { page: users }`), /rest\.access\.page: "users" needs at least one entry/);
  t.match(error(`${USERS}  tokens: [{ name: op, file: t }]`), /rest\.tokens\[0\]\.name: "op" is used twice/);
  t.match(error("  access: { page: everyone }"), /rest\.access\.page: must be one of "any", "users", "tokens", "open"/);
  t.match(error("  users: [{ name: op, passwordHash: hunter2hunter2 }]"), /rest\.users\[0\]\.passwordHash: the value is not valid/);
  t.notMatch(error("  users: [{ name: op, passwordHash: hunter2hunter2 }]"), /hunter2/, "a password pasted as a hash is not echoed");
  t.match(error("  tls: { cert: c.pem }"), /rest\.tls\.key: is required/);
  t.match(error("  loginAttempts: 0"), /rest\.loginAttempts/);
});

void t.test("token files: read at start, at least 32 characters, content never in errors", async (t) => {
  const cfg = join(dir, "receiver.yaml");
  writeFileSync(join(dir, "good.token"), `${"a1".repeat(20)}\n`);
  writeFileSync(join(dir, "short.token"), "s3cr3t-short\n");
  t.same(readTokens(cfg, dir, [{ name: "prom", file: "good.token" }]), [{ name: "prom", token: "a1".repeat(20) }]);
  const short = (() => { try { readTokens(cfg, dir, [{ name: "a", file: "good.token" }, { name: "b", file: "short.token" }]); } catch (e) { return e; } return null; })();
  t.ok(isSluiceError(short, "SLUICE_ERR_CONFIG"), "a short token is a config error");
  t.match((short as Error).message, /rest\.tokens\[1\]\.file: short\.token must hold one token of at least 32 characters/);
  t.notMatch((short as Error).message, /s3cr3t/, "the token is not in the error");
  const missing = (() => { try { readTokens(cfg, dir, [{ name: "a", file: "nope.token" }]); } catch (e) { return e; } return null; })();
  t.match((missing as Error).message, /rest\.tokens\[0\]\.file: cannot read nope\.token: ENOENT/);
});

void t.test("route groups", async (t) => {
  t.equal(groupOf("/healthz"), "open");
  t.equal(groupOf("/readyz?x=1"), "open");
  t.equal(groupOf("/metrics"), "metrics");
  t.equal(groupOf("/api/v1/tags?q=a"), "api");
  t.equal(groupOf("/api/v1/events"), "api");
  t.equal(groupOf("/"), "page");
  t.equal(groupOf("/ui/page.js"), "page");
  t.equal(groupOf("/anything/else"), "page", "unknown paths need credentials too (no probing)");
});
