/**
 * Security invariant 6: keys and passwords never appear in logs, errors or the REST API.
 * The real `sluice receiver` and `sluice reader` (bin/sluice.js, compiled by npm test's
 * pretest build) run as child processes at log level trace, with link keys (key and
 * nextKey), an OPC UA user's scrypt hash, an OPC UA source with a password and one with
 * a wrong password. The test drives them through data flow, failed logins, SIGHUP key
 * reloads with broken key files and every REST route, then searches everything the
 * processes printed (stdout and stderr) and every REST answer for each secret in hex
 * (both cases), base64 and clear text. Then the CLI's refusals of bad files.
 *
 *   OPC UA sim (password) ◀── reader ──UDP──▶ receiver ──REST──▶ this test
 *   Modbus sim            ◀──┘   stdout/stderr ──┴──────────────▶ searched for secrets
 */
import t from "tap";
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { stringify } from "yaml";
import { keygen, type LinkKey } from "../../../src/link/keys.js";
import { hashPassword } from "../../../src/receiver/opcua/password.js";
import { startModbusSim } from "../../../src/demo/sim/modbus.js";
import { OPCUA_SIM_NAMESPACE, startOpcuaSim } from "../../../src/demo/sim/opcua.js";

const root = fileURLToPath(new URL("../../../", import.meta.url));
const bin = join(root, "bin/sluice.js");

const PW_SOURCE = "src-pw-Q7v2-never-logged";
const PW_WRONG = "wrong-pw-K9m4-never-logged";
const PW_USER = "historian-pw-Z3x8-never-logged";

interface Proc { child: ChildProcess; out(): string; waitFor(re: RegExp, from?: number, ms?: number): Promise<string>; mark(): number; stop(): Promise<number | null> }

type T = Parameters<Parameters<typeof t.test>[0]>[0];

function run(t: T, args: string[], cwd: string): Proc {
  const child = spawn(process.execPath, [bin, ...args], { cwd, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, SLUICE_LOG_LEVEL: "trace" } });
  let text = "";
  child.stdout!.on("data", (d: Buffer) => { text += d.toString("utf8"); });
  child.stderr!.on("data", (d: Buffer) => { text += d.toString("utf8"); });
  const exited = new Promise<number | null>((r) => child.once("exit", (code) => r(code)));
  t.teardown(() => { if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL"); });
  return {
    child,
    out: () => text,
    mark: () => text.length,
    async waitFor(re, from = 0, ms = 60_000) {
      for (const end = Date.now() + ms; Date.now() < end;) {
        const m = re.exec(text.slice(from));
        if (m) return m[0];
        if (child.exitCode !== null) break;
        await new Promise((r) => setTimeout(r, 25));
      }
      throw new Error(`${args[0]}: no output matching ${String(re)}; output so far:\n${text.slice(-3000)}`);
    },
    async stop() {
      if (child.exitCode === null) child.kill("SIGTERM");
      return exited;
    },
  };
}

/** Every form a secret could leak in. */
function forms(secret: string | Buffer): string[] {
  if (typeof secret === "string") return [secret];
  const hex = secret.toString("hex");
  return [hex, hex.toUpperCase(), secret.toString("base64"), hex.slice(0, 16), hex.slice(-16)];
}

async function until<T>(what: string, fn: () => Promise<T | undefined>, ms = 60_000): Promise<T> {
  for (const end = Date.now() + ms; Date.now() < end;) {
    const v = await fn().catch(() => undefined);
    if (v !== undefined) return v;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

void t.test("keys, passwords and password hashes never reach the logs, the errors or the REST API", async (t) => {
  const dir = mkdtempSync(join(tmpdir(), "sluice-secrets-"));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const k1: LinkKey = keygen(join(dir, "receiver.key"));
  writeFileSync(join(dir, "reader.key"), readFileSync(join(dir, "receiver.key")), { mode: 0o600 });
  const k2: LinkKey = keygen(join(dir, "next.key"));
  const k2text = readFileSync(join(dir, "next.key"), "latin1");
  const hash = hashPassword(PW_USER);
  const [, , , , salt, digest] = hash.split("$");
  const secrets: [string, string[]][] = [
    ["link key", forms(k1.bytes)], ["next link key", forms(k2.bytes)],
    ["source password", forms(PW_SOURCE)], ["wrong source password", forms(PW_WRONG)],
    ["receiver user password", forms(PW_USER)], ["password hash", [hash, salt!, digest!]],
  ];

  const modbus = await startModbusSim();
  t.teardown(() => modbus.close());
  const ua = await startOpcuaSim({ allowAnonymous: false, users: [{ user: "plcuser", password: PW_SOURCE }], pki: join(dir, "sim-pki") });
  t.teardown(() => ua.close());

  writeFileSync(join(dir, "receiver.yaml"), stringify({
    link: { listen: "127.0.0.1:0", key: "./receiver.key", nextKey: "./next.key", timeout: "2s" },
    policy: "allow-all",
    rest: { listen: "127.0.0.1:0" },
    opcua: { port: 0, host: "127.0.0.1", users: [{ name: "historian", passwordHash: hash }], pki: "./pki" },
    history: { samples: 50 },
    log: { level: "trace" },
  }));
  const rx = run(t, ["receiver", "-c", "receiver.yaml"], dir);
  const serving = JSON.parse(await rx.waitFor(/\{[^\n]*"msg":"receiver serving"[^\n]*\}/)) as { rest: string; link: { port: number } };
  const rest = serving.rest;

  const tag = (name: string, address: string, type?: string) => ({ name, address, ...(type ? { type } : {}) });
  const uaSource = (name: string, password: string) => ({
    name, protocol: "opcua", endpoint: ua.endpointUrl, interval: "200ms", timeout: "2s",
    opcua: { securityMode: "None", user: "plcuser", password, pki: `./pki-${name}` },
    tags: [tag("temp", `nsu=${OPCUA_SIM_NAMESPACE};s=Line1.Temp`, "float64")],
  });
  writeFileSync(join(dir, "reader.yaml"), stringify({
    link: { to: `127.0.0.1:${serving.link.port}`, key: "./reader.key", heartbeat: "200ms" },
    policy: "allow-all",
    log: { level: "trace" },
    sources: [
      { name: "press", protocol: "modbus", endpoint: `127.0.0.1:${modbus.port}`, interval: "200ms", tags: [tag("t", "hr:100:int16")] },
      uaSource("line", PW_SOURCE),
      uaSource("locked", PW_WRONG),
    ],
  }));
  const reader = run(t, ["reader", "-c", "reader.yaml"], dir);
  await reader.waitFor(/"msg":"reader started"/);

  const get = async (path: string, method = "GET") => {
    const r = await fetch(`${rest}${path}`, { method });
    return { status: r.status, text: await r.text() };
  };
  const good = (body: string, path: string) => (JSON.parse(body) as { tags: { path: string; status: string }[] }).tags.some((x) => x.path === path && x.status === "Good");
  await until("press/t and line/temp Good at REST", async () => {
    const r = await get("/api/v1/tags");
    return good(r.text, "press/t") && good(r.text, "line/temp") ? true : undefined;
  });
  const locked = await until("the source with the wrong password reported with its error", async () => {
    const s = JSON.parse((await get("/api/v1/sources")).text) as { sources: { name: string; lastError?: string }[] };
    return s.sources.find((x) => x.name === "locked" && x.lastError)?.lastError;
  });
  t.match(locked, /Bad|refused|denied/i, `the wrong password's failure crosses as lastError: ${locked}`);

  // SIGHUP with broken key files: each is refused, and its error must not quote the file
  const broken: [string, string, number][] = [
    [`${k1.bytes.toString("hex")}${k2.bytes.toString("hex")}\n`, "wrong key size", 0o600],
    [`${k2.bytes.toString("hex")}!\n`, "not a sluice key file", 0o600],
    [k2text, "accessible by group or others", 0o644],
  ];
  for (const [text, why, mode] of broken) {
    writeFileSync(join(dir, "next.key"), text);
    chmodSync(join(dir, "next.key"), mode);
    const at = rx.mark();
    rx.child.kill("SIGHUP");
    t.match(await rx.waitFor(/[^\n]*link key reload failed[^\n]*/, at), why, `receiver refuses a key file: ${why}`);
  }
  writeFileSync(join(dir, "reader.key"), `${k1.bytes.toString("hex")}zz\n`);
  let at = reader.mark();
  reader.child.kill("SIGHUP");
  t.match(await reader.waitFor(/[^\n]*link key reload failed[^\n]*/, at), /not a sluice key file/, "reader refuses a broken key file");
  writeFileSync(join(dir, "next.key"), k2text);
  chmodSync(join(dir, "next.key"), 0o600);
  at = rx.mark();
  rx.child.kill("SIGHUP");
  await rx.waitFor(/intake keys changed/, at);

  const bodies: [string, string][] = [];
  for (const [path, method] of [
    ["/api/v1/tags", "GET"], ["/api/v1/tags/press/t", "GET"], ["/api/v1/tags/line/temp/history", "GET"], ["/api/v1/sources", "GET"],
    ["/api/v1/link", "GET"], ["/metrics", "GET"], ["/api/v1/openapi.json", "GET"], ["/healthz", "GET"], ["/readyz", "GET"],
    ["/api/v1/nothing", "GET"], ["/api/v1/tags", "POST"], ["/api/v1/link", "DELETE"],
  ] as const) {
    const r = await get(path, method);
    bodies.push([`${method} ${path} (${r.status})`, r.text]);
  }
  t.ok(bodies.every(([, b]) => b.length > 0), "every route answered");
  t.match(bodies.find(([p]) => p.startsWith("GET /api/v1/link"))![1], /"up":true/, "the link is up after the key reloads");

  t.equal(await reader.stop(), 0, "reader exits 0 on SIGTERM");
  t.equal(await rx.stop(), 0, "receiver exits 0 on SIGTERM");
  const outputs: [string, string][] = [["receiver output", rx.out()], ["reader output", reader.out()], ...bodies.map(([p, b]): [string, string] => [`REST ${p}`, b])];
  // the capture is real: key ids, reload failures and trace-level lines are there
  t.match(rx.out(), new RegExp(`"keyIds":\\[${k1.id},${k2.id}\\]`), "the receiver logged its key ids (not the keys)");
  t.match(reader.out(), /"level":20,/, "the reader logged at debug level too");
  t.ok(rx.out().length > 2000 && reader.out().length > 2000, `output captured (receiver ${rx.out().length} bytes, reader ${reader.out().length} bytes)`);
  for (const [what, variants] of secrets) {
    const leaks = outputs.filter(([, text]) => variants.some((v) => text.includes(v))).map(([where]) => where);
    t.same(leaks, [], `${what}: in no log line, error or REST answer`);
  }
});

void t.test("the CLI's refusals of bad key and configuration files never quote the secret", async (t) => {
  const dir = mkdtempSync(join(tmpdir(), "sluice-secrets-cli-"));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const key = keygen(join(dir, "link.key"));
  const hex = key.bytes.toString("hex");
  const sluice = (...args: string[]) => {
    const r = spawnSync(process.execPath, [bin, ...args], { cwd: dir, encoding: "utf8", timeout: 60_000 });
    return { code: r.status, text: r.stdout + r.stderr };
  };
  const receiver = (extra: Record<string, unknown>) => {
    writeFileSync(join(dir, "receiver.yaml"), stringify({ link: { listen: "127.0.0.1:0", key: "./link.key" }, policy: "allow-all", rest: { enabled: false }, ...extra }));
    return "receiver.yaml";
  };
  chmodSync(join(dir, "link.key"), 0o644);
  const open = sluice("receiver", "-c", receiver({ opcua: { enabled: false } }));
  t.equal(open.code, 2, "a key file readable by others is refused (exit 2)");
  t.match(open.text, /accessible by group or others/);
  t.notMatch(open.text, hex, "without quoting the key");
  writeFileSync(join(dir, "link.key"), `${hex}${hex}\n`);
  chmodSync(join(dir, "link.key"), 0o600);
  const long = sluice("receiver", "-c", receiver({ opcua: { enabled: false } }));
  t.equal(long.code, 2, "a key file of the wrong size is refused (exit 2)");
  t.match(long.text, /wrong key size/);
  t.notMatch(long.text, hex, "without quoting its content");
  const pasted = sluice("check", receiver({ opcua: { users: [{ name: "historian", passwordHash: PW_USER }] } }));
  t.equal(pasted.code, 2, "a password pasted where its hash belongs is refused (exit 2)");
  t.match(pasted.text, /passwordHash/);
  t.notMatch(pasted.text, PW_USER, "without echoing the password");
  writeFileSync(join(dir, "reader.yaml"), stringify({
    link: { to: "127.0.0.1:9", key: "./link.key" }, policy: "allow-all",
    sources: [{ name: "u", protocol: "opcua", endpoint: `opc.tcp://plcuser:${PW_SOURCE}@127.0.0.1:4840`, interval: "1s",
      tags: [{ name: "t", address: "ns=2;i=1", type: "float64" }] }],
  }));
  const inUrl = sluice("check", "reader.yaml");
  t.equal(inUrl.code, 2, "credentials in an OPC UA endpoint URL are refused (exit 2): user and password have their own keys");
  t.match(inUrl.text, /sources\[0\]\.endpoint/);
  t.notMatch(inUrl.text, PW_SOURCE, "without echoing the URL");
});
