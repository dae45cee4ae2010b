import t from "tap";
import { chmodSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { isSluiceError } from "../../../src/core/errors.js";
import { formatKeyId, keyIdOf, keygen, loadKey } from "../../../src/link/keys.js";

void t.test("keygen writes 64 hex digits, mode 0600, and refuses to overwrite", async (t) => {
  const dir = t.testdir();
  const file = join(dir, "link.key");
  const k = keygen(file);
  t.equal(statSync(file).mode & 0o777, 0o600);
  t.match(readFileSync(file, "utf8"), /^[0-9a-f]{64}\n$/);
  t.equal(k.id, keyIdOf(k.bytes));
  t.match(formatKeyId(k.id), /^0x[0-9a-f]{8}$/);
  const again = loadKey(file);
  t.equal(again.id, k.id);
  t.same(again.bytes, k.bytes);
  t.throws(() => keygen(file), { code: "SLUICE_ERR_KEY", message: /already exists/ });
  t.equal(loadKey(file).id, k.id, "the existing key is untouched");
});

void t.test("the key bytes never show in JSON or inspect", async (t) => {
  const k = keygen(join(t.testdir(), "k"));
  const hex = k.bytes.toString("hex");
  t.notMatch(JSON.stringify(k), hex);
  t.notMatch(JSON.stringify({ k }), /bytes/);
  const { inspect } = await import("node:util");
  t.match(inspect(k), /^LinkKey\(0x[0-9a-f]{8}\)$/);
});

void t.test("loadKey fails closed", async (t) => {
  const dir = t.testdir();
  const write = (name: string, text: string, mode = 0o600) => {
    const f = join(dir, name);
    writeFileSync(f, text);
    chmodSync(f, mode);
    return f;
  };
  const secret = "ab".repeat(32);
  const cases: [string, string, RegExp][] = [
    [write("short", "ab".repeat(16)), "short", /wrong key size \(16 bytes, expected 32\)/],
    [write("long", "ab".repeat(33)), "long", /wrong key size/],
    [write("garbage", "not a key at all"), "garbage", /not a sluice key file/],
    [write("open", `${secret}\n`, 0o644), "open", /accessible by group or others \(mode 0644\)/],
    [write("group", `${secret}\n`, 0o640), "group", /mode 0640/],
    [join(dir, "missing"), "missing", /cannot read key file \(ENOENT\)/],
  ];
  for (const [file, name, re] of cases) {
    try {
      loadKey(file);
      t.fail(`${name} should not load`);
    } catch (e) {
      t.ok(isSluiceError(e, "SLUICE_ERR_KEY"), `${name}: SLUICE_ERR_KEY`);
      t.match((e as Error).message, re, name);
      t.match((e as Error).message, file, `${name}: names the file`);
      t.notMatch((e as Error).message, "abababab", `${name}: never the key bytes`);
    }
  }
  t.equal(loadKey(write("ok", secret)).bytes.length, 32, "without a trailing newline is fine");
});
