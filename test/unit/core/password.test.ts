/**
 * The shared password-hash module (OPC UA users now, REST users next): the cost of a
 * configured scrypt hash is bounded as a whole, 128·N·r·p <= 64 MiB, so no combination
 * of parameters that each look harmless can make a login cost gigabytes or seconds;
 * the config loader refuses such a hash with the field named.
 */
import t from "tap";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadReceiverConfig } from "../../../src/config/receiver.js";
import { MAX_COST_BYTES, checkPasswordHash, hashPassword, verifyPassword, verifyPasswordAsync } from "../../../src/core/password.js";

const SALT = Buffer.alloc(16, 7).toString("base64");
const HASH = Buffer.alloc(32, 9).toString("base64");
const h = (n: number, r: number, p: number) => `scrypt$${n}$${r}$${p}$${SALT}$${HASH}`;

void t.test("the cost 128·N·r·p is bounded as a whole, not one parameter at a time", async (t) => {
  t.equal(MAX_COST_BYTES, 64 * 2 ** 20);
  t.equal(checkPasswordHash(hashPassword("pw")), null, "the default hash (16 MiB) passes");
  t.equal(checkPasswordHash(h(2 ** 16, 8, 1)), null, "64 MiB: at the bound");
  // each parameter within its own range, the product far beyond: 4 GiB and 16 lanes
  for (const [n, r, p] of [[2 ** 20, 32, 1], [2 ** 16, 8, 16], [2 ** 17, 8, 1], [2 ** 14, 32, 16], [2 ** 15, 16, 2]] as const) {
    const why = checkPasswordHash(h(n, r, p));
    t.match(why, /cost 128·N·r·p = \d+ MiB is above the bound of 64 MiB/, `N=${n} r=${r} p=${p} refused`);
    const t0 = performance.now();
    t.equal(verifyPassword("pw", h(n, r, p)), false);
    t.equal(await verifyPasswordAsync("pw", h(n, r, p)), false);
    t.ok(performance.now() - t0 < 100, "refused without running scrypt");
  }
  t.match(checkPasswordHash("scrypt$1000$8$1$x$y"), /power of two/);
  t.match(checkPasswordHash("plain"), /not an scrypt hash/);
  t.notOk(/AAAA|BwcH|CQkJ/.test(checkPasswordHash(h(2 ** 20, 8, 1)) ?? ""), "the reason never quotes the hash");
});

void t.test("a receiver config with a too costly hash is refused, the field named", async (t) => {
  const dir = mkdtempSync(join(tmpdir(), "sluice-pw-"));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, "receiver.yaml");
  const write = (hash: string) => writeFileSync(file, `link: { listen: 127.0.0.1:0, key: link.key }\npolicy: allow-all\nopcua: { users: [{ name: ops, passwordHash: "${hash}" }] }\n`);
  write(h(2 ** 20, 8, 1));
  t.throws(() => loadReceiverConfig(file), { code: "SLUICE_ERR_CONFIG", message: /opcua\.users\[0\]\.passwordHash: scrypt cost/ });
  write(hashPassword("pw"));
  t.equal(loadReceiverConfig(file).opcua.users.length, 1);
});
