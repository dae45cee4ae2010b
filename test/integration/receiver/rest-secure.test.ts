/**
 * Secure serving of REST, the page and /metrics, as a deployment configures it: a real
 * receiver from a YAML file with rest.tls, rest.users (a hash from the CLI's own
 * function) and rest.tokens, read by Debian's curl and scraped by a real Prometheus.
 *
 *   curl --cacert ──HTTPS, Basic or Bearer──▶ receiver ──▶ 200 / 401 / 429, counted in /metrics
 *   prometheus (scheme https, credentials_file) ──scrape──▶ /metrics ──▶ up == 1; without the token up == 0
 */
import t from "tap";
import { execFile, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { stringify } from "yaml";
import { Writable } from "node:stream";
import { createLogger, silentLogger } from "../../../src/core/log.js";
import { keygen } from "../../../src/link/keys.js";
import { hashPassword } from "../../../src/receiver/opcua/index.js";
import { startReceiver } from "../../../src/receiver/main.js";
import { makePki, type Pki } from "../../fixtures/certs.js";
import { pollUntil } from "../../fixtures/pipeline/wait.js";

const run = promisify(execFile);
const PASSWORD = "correct horse battery";
const TOKEN = "f".repeat(8) + "0123456789abcdef0123456789abcdef";

const dir = mkdtempSync(join(tmpdir(), "sluice-rest-tls-"));
t.teardown(() => rmSync(dir, { recursive: true, force: true }));
keygen(join(dir, "link.key"));
const pki: Pki = makePki(dir);
writeFileSync(join(dir, "prometheus.token"), `${TOKEN}\n`, { mode: 0o600 });

function receiverFile(name: string, rest: Record<string, unknown>): string {
  const file = join(dir, `${name}.yaml`);
  writeFileSync(file, stringify({
    link: { listen: "127.0.0.1:0", key: "./link.key" }, policy: "allow-all", opcua: { enabled: false },
    rest: { listen: "127.0.0.1:0", ...rest },
  }));
  return file;
}

const secure = {
  tls: { cert: pki.cert, key: pki.key },
  users: [{ name: "operator", passwordHash: hashPassword(PASSWORD) }],
  tokens: [{ name: "prometheus", file: "./prometheus.token" }],
  access: { metrics: "tokens" },
  loginAttempts: 3,
};

/** curl's HTTP status ("000" when no HTTP answer came) and exit code. */
async function curl(...args: string[]): Promise<{ code: string; exit: number; body: string }> {
  const out = join(dir, `body-${Math.random().toString(36).slice(2)}`);
  try {
    const r = await run("curl", ["-s", "-o", out, "-w", "%{http_code}", "--max-time", "10", ...args]);
    return { code: r.stdout, exit: 0, body: readFileSync(out, "utf8") };
  } catch (e) {
    const err = e as { code?: number; stdout?: string };
    return { code: err.stdout ?? "000", exit: err.code ?? -1, body: "" };
  } finally {
    rmSync(out, { force: true });
  }
}

void t.test("HTTPS with users and tokens: curl succeeds with credentials, fails without; failures are counted and limited", async (t) => {
  const logged: string[] = [];
  const sink = new Writable({ write(chunk: Buffer, _enc, done) { logged.push(chunk.toString()); done(); } });
  const rx = await startReceiver(receiverFile("secure", secure), { logger: createLogger({ level: "trace", destination: sink }) });
  t.teardown(() => rx.close());
  t.match(rx.rest, /^https:\/\/127\.0\.0\.1:\d+$/, "the REST URL says https");
  const url = rx.rest;
  const ca = ["--cacert", pki.ca];

  t.equal((await curl(...ca, "-u", `operator:${PASSWORD}`, `${url}/api/v1/tags`)).code, "200", "user and password: 200");
  t.equal((await curl(...ca, "-u", `operator:${PASSWORD}`, `${url}/`)).code, "200", "the page with a password: 200");
  t.equal((await curl(...ca, "-H", `Authorization: Bearer ${TOKEN}`, `${url}/api/v1/tags`)).code, "200", "bearer token on the API (access any): 200");
  const headers = join(dir, "headers.txt");
  const none = await curl(...ca, "-D", headers, `${url}/api/v1/tags`);
  t.equal(none.code, "401", "no credentials: 401");
  t.match(readFileSync(headers, "utf8"), /^www-authenticate: Basic realm="sluice"/im, "with a Basic challenge, so a browser asks");
  t.match(JSON.parse(none.body), { error: { code: "UNAUTHORIZED" } }, "and the API's error shape");
  t.equal((await curl(...ca, `${url}/`)).code, "401", "the page without credentials: 401");
  t.equal((await curl(...ca, `${url}/healthz`)).code, "200", "/healthz stays open");
  t.equal((await curl(...ca, "-X", "POST", `${url}/api/v1/tags`)).code, "405", "other methods stay 405 before authentication");
  t.equal((await curl(...ca, "-u", `operator:${PASSWORD}`, `${url}/metrics`)).code, "401", "a password does not open /metrics (access tokens)");
  const metrics = await curl(...ca, "-H", `Authorization: Bearer ${TOKEN}`, `${url}/metrics`);
  t.equal(metrics.code, "200", "the token opens /metrics");

  const plain = await curl(`${url.replace("https:", "http:")}/healthz`);
  t.not(plain.code, "200", `plain HTTP to the TLS listener gets no answer (curl exit ${plain.exit}, status ${plain.code})`);
  t.not((await curl(`${url}/healthz`)).exit, 0, "a client that does not trust the CA fails the handshake");

  t.equal((await curl(...ca, "-u", "operator:wrong password", `${url}/api/v1/tags`)).code, "401", "a wrong password is 401");
  t.equal((await curl(...ca, "-H", `Authorization: Bearer ${"x".repeat(40)}`, `${url}/metrics`)).code, "401", "a wrong token is 401");
  const counted = await curl(...ca, "-H", `Authorization: Bearer ${TOKEN}`, `${url}/metrics`);
  t.match(counted.body, /sluice_rest_auth_failures_total\{reason="password"\} 1\b/, "the wrong password is counted");
  t.match(counted.body, /sluice_rest_auth_failures_total\{reason="token"\} 1\b/, "the wrong token is counted");
  t.notMatch(counted.body, new RegExp(TOKEN), "the token is not in the metrics");

  // loginAttempts 3: the third failure fills the minute; then even the right password waits.
  t.equal((await curl(...ca, "-u", "nobody:guess", `${url}/api/v1/tags`)).code, "401", "an unknown user is 401 like a wrong password");
  const limited = await curl(...ca, "-u", "operator:another guess", `${url}/api/v1/tags`);
  t.equal(limited.code, "429", "past loginAttempts failures a minute: 429");
  const after = await curl(...ca, "-H", `Authorization: Bearer ${TOKEN}`, `${url}/metrics`);
  t.equal(after.code, "429", "the limited address waits, whatever it presents");

  await rx.close();
  const log = logged.join("");
  t.match(log, /REST login failed/, "failed logins are logged (with the user name)");
  for (const secret of [TOKEN, PASSWORD, "wrong password", "another guess", "x".repeat(40), secure.users[0]!.passwordHash.split("$").pop()!]) {
    t.notOk(log.includes(secret), `no token, password or hash in the log at level trace (${secret.slice(0, 6)}...)`);
  }
});

void t.test("mutual TLS: without a client certificate signed by rest.tls.clientCa the handshake fails", async (t) => {
  const rx = await startReceiver(receiverFile("mtls", { ...secure, tls: { ...secure.tls, clientCa: pki.ca }, loginAttempts: 10 }), { logger: silentLogger });
  t.teardown(() => rx.close());
  const ca = ["--cacert", pki.ca];
  const without = await curl(...ca, "-u", `operator:${PASSWORD}`, `${rx.rest}/api/v1/tags`);
  t.not(without.code, "200", `no client certificate: no answer (curl exit ${without.exit})`);
  const withCert = await curl(...ca, "--cert", pki.clientCert, "--key", pki.clientKey, "-u", `operator:${PASSWORD}`, `${rx.rest}/api/v1/tags`);
  t.equal(withCert.code, "200", "client certificate and password: 200");
});

async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, "127.0.0.1", r));
  const port = (s.address() as { port: number }).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

void t.test("a real Prometheus scrapes /metrics over TLS with the bearer token file; without it the target is down", async (t) => {
  const rx = await startReceiver(receiverFile("prom", secure), { logger: silentLogger });
  t.teardown(() => rx.close());
  const target = rx.rest.replace("https://", "");
  const job = (name: string, auth: object) => ({
    job_name: name, scheme: "https", scrape_interval: "1s", scrape_timeout: "900ms",
    tls_config: { ca_file: pki.ca }, static_configs: [{ targets: [target] }], ...auth,
  });
  const cfg = join(dir, "prometheus.yml");
  writeFileSync(cfg, stringify({
    global: { scrape_interval: "1s" },
    scrape_configs: [
      job("sluice", { authorization: { type: "Bearer", credentials_file: join(dir, "prometheus.token") } }),
      job("no-token", {}),
    ],
  }));
  await run("promtool", ["check", "config", cfg]);
  const port = await freePort();
  const prom = spawn("prometheus", [`--config.file=${cfg}`, `--storage.tsdb.path=${join(dir, "tsdb")}`, `--web.listen-address=127.0.0.1:${port}`], { stdio: "ignore" });
  t.teardown(() => { prom.kill("SIGKILL"); });
  const ups = await pollUntil(async () => {
    try {
      const r = await fetch(`http://127.0.0.1:${port}/api/v1/query?query=up`);
      const body = (await r.json()) as { data: { result: { metric: { job: string }; value: [number, string] }[] } };
      const m = Object.fromEntries(body.data.result.map((x) => [x.metric.job, x.value[1]]));
      return m.sluice !== undefined && m["no-token"] !== undefined ? m : null;
    } catch { return null; }
  }, 30_000, 500);
  t.ok(ups, "Prometheus reports both targets");
  t.equal(ups?.sluice, "1", "with the token file: up 1");
  t.equal(ups?.["no-token"], "0", "without it: up 0");
  const series = await pollUntil(async () => {
    const r = await fetch(`http://127.0.0.1:${port}/api/v1/query?query=sluice_link_up`);
    const body = (await r.json()) as { data: { result: unknown[] } };
    return body.data.result.length > 0 ? body.data.result : null;
  }, 15_000, 500);
  t.ok(series, "sluice metrics are stored by Prometheus");
});
