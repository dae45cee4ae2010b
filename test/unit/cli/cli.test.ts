/**
 * The `sluice` command as a user runs it: the real bin/sluice.js (compiled by
 * `npm test`'s pretest build) in a child process, checking exit codes and output.
 */
import t from "tap";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, statSync, writeFileSync, chmodSync, copyFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../../../", import.meta.url));
const bin = join(root, "bin/sluice.js");
const sluice = (...args: string[]) => {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: "utf8", timeout: 60_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
};
const tmp = () => mkdtempSync(join(tmpdir(), "sluice-cli-"));

void t.test("--help lists every command of DESIGN.md; --version prints the package version", async (t) => {
  const help = sluice("--help");
  t.equal(help.code, 0);
  for (const cmd of ["reader", "receiver", "demo", "keygen", "check", "browse"]) t.match(help.out, new RegExp(`^\\s+${cmd}\\b`, "m"), cmd);
  const version = sluice("--version");
  t.equal(version.code, 0);
  t.equal(version.out.trim(), (JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { version: string }).version);
});

void t.test("bad usage exits 2", async (t) => {
  t.equal(sluice("frobnicate").code, 2);
  t.equal(sluice("reader").code, 2, "reader without -c");
  t.equal(sluice("demo", "--duration", "soon").code, 2);
});

void t.test("receiver: an unusable history.path is refused at start with exit 2, naming the path (as journal.path is)", async (t) => {
  const dir = tmp();
  t.equal(sluice("keygen", join(dir, "link.key")).code, 0);
  writeFileSync(join(dir, "blocked"), "a file where the history directory should go\n");
  writeFileSync(join(dir, "receiver.yaml"), "link: { listen: \"127.0.0.1:0\", key: ./link.key }\npolicy: allow-all\nhistory: { path: ./blocked/history }\n");
  const r = sluice("receiver", "-c", join(dir, "receiver.yaml"));
  t.equal(r.code, 2, r.err);
  t.match(r.err, `history.path ${join(dir, "blocked/history")}: cannot create the directory`);
});

void t.test("keygen writes a 0600 key, prints its id, never overwrites", async (t) => {
  const dir = tmp();
  const file = join(dir, "link.key");
  const r = sluice("keygen", file);
  t.equal(r.code, 0, r.err);
  t.match(r.out, /key id [0-9a-f]{8}/);
  t.equal(statSync(file).mode & 0o777, 0o600);
  const key = readFileSync(file, "utf8").trim();
  t.notMatch(r.out + r.err, new RegExp(key), "the key itself is never printed");
  const again = sluice("keygen", file);
  t.equal(again.code, 2, "refuses to overwrite");
  t.equal(readFileSync(file, "utf8").trim(), key, "the existing key is untouched");
});

function readerFile(dir: string, key: string): string {
  const f = join(dir, "reader.yaml");
  writeFileSync(f, `link: { to: "127.0.0.1:9", key: ${key} }\npolicy: allow-all\nsources:\n  - { name: p, protocol: modbus, endpoint: "127.0.0.1:9", interval: 1s, tags: [{ name: t, address: "hr:0" }] }\n`);
  return f;
}

void t.test("a key file of the wrong size or with group/world permissions is refused with exit 2", async (t) => {
  const dir = tmp();
  writeFileSync(join(dir, "short.key"), "abcd\n", { mode: 0o600 });
  const short = sluice("reader", "-c", readerFile(dir, "short.key"));
  t.equal(short.code, 2);
  t.match(short.err, /short\.key/);
  t.equal(sluice("keygen", join(dir, "open.key")).code, 0);
  chmodSync(join(dir, "open.key"), 0o644);
  const open = sluice("reader", "-c", readerFile(dir, "open.key"));
  t.equal(open.code, 2);
  t.match(open.err, /open\.key.*(permission|mode|group|world)/i);
});

void t.test("check: exit 0 for valid files, 2 with the file and field path for a bad one", async (t) => {
  const dir = tmp();
  t.equal(sluice("check", readerFile(dir, "k.key")).code, 0);
  const bad = join(dir, "bad.yaml");
  writeFileSync(bad, `link: { to: "127.0.0.1:9", key: k }\npolicy: allow-all\nsources:\n  - { name: p, protocol: modbus, endpoint: "127.0.0.1:9", interval: 1s, tags: [{ name: t, address: "hr:0" }, { name: u, address: "xx:1" }] }\n`);
  const r = sluice("check", bad);
  t.equal(r.code, 2);
  t.match(r.err, /bad\.yaml:4: sources\[0\]\.tags\[1\]\.address: /, "file, line and field path");
  const unknown = join(dir, "unknown.yaml");
  writeFileSync(unknown, `link: { to: "127.0.0.1:9", key: k, colour: red }\npolicy: allow-all\nsources: []\n`);
  t.match(sluice("check", unknown).err, /link\.colour: unknown key/);
  t.equal(sluice("check", join(dir, "missing.yaml")).code, 2, "an unreadable file is a configuration error");
});

void t.test("the examples in deploy/examples and policies/ pass sluice check", async (t) => {
  const dir = tmp();
  copyFileSync(join(root, "policies/example.yaml"), join(dir, "policy.yaml"));
  for (const name of ["reader.yaml", "receiver.yaml"]) {
    const text = readFileSync(join(root, "deploy/examples", name), "utf8").replaceAll("/etc/sluice/", `${dir}/`);
    writeFileSync(join(dir, name), text);
    const r = sluice("check", join(dir, name));
    t.equal(r.code, 0, `${name}: ${r.err}`);
  }
  for (const p of ["example.yaml", "strict.yaml"]) t.equal(sluice("check", join(root, "policies", p)).code, 0, p);
});

void t.test("check --policy audits every tag of a reader file, as shown in the README", async (t) => {
  const r = sluice("check", "--policy", "policies/example.yaml", "deploy/examples/reader.yaml");
  t.equal(r.code, 0, r.err);
  t.match(r.out, /^BLOCKED\s+press1\/secret\s+\(rule: press1-secret\)$/m);
  t.match(r.out, /^CROSSES\s+press1\/temperature\s+\(rule: press1-temperature\)$/m);
  t.match(r.out, /^BLOCKED\s+press1\/pressure\s+\(rule: default deny\)$/m, "fail closed: no rule, no crossing");
  const readme = readFileSync(join(root, "README.md"), "utf8");
  t.ok(readme.includes(r.out.trim()), "README shows this exact audit output");
});
