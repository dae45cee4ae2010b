import t from "tap";
import { hashPassword, verifyPassword } from "../../../src/receiver/opcua/index.js";
import { DUMMY_HASH, verifyPasswordAsync } from "../../../src/receiver/opcua/password.js";
import { PASSWORD_HASH_PATTERN } from "../../../src/config/receiver-opcua.js";

void t.test("hash then verify", async (t) => {
  const h = hashPassword("correct horse battery");
  t.match(h, new RegExp(PASSWORD_HASH_PATTERN), "the hash has the format the config schema accepts");
  t.notOk(h.includes("correct horse"), "the hash does not contain the password");
  t.equal(verifyPassword("correct horse battery", h), true);
  t.equal(verifyPassword("correct horse batterY", h), false);
  t.equal(verifyPassword("", h), false);
  t.equal(await verifyPasswordAsync("correct horse battery", h), true);
  t.equal(await verifyPasswordAsync("wrong", h), false);
});

void t.test("salted: the same password hashes differently", async (t) => {
  t.not(hashPassword("same password"), hashPassword("same password"));
});

void t.test("malformed or hostile hashes never verify", async (t) => {
  const good = hashPassword("pw123456");
  const parts = good.split("$");
  const bad = [
    "", "plain", "scrypt$16384$8$1$abc", `bcrypt$${parts.slice(1).join("$")}`,
    `scrypt$1000$8$1$${parts[4]}$${parts[5]}`, // N not a power of two
    `scrypt$${1 << 24}$8$1$${parts[4]}$${parts[5]}`, // N too large: would cost gigabytes
    `scrypt$16384$999$1$${parts[4]}$${parts[5]}`,
    `scrypt$16384$8$1$$${parts[5]}`, // no salt
  ];
  for (const b of bad) {
    t.equal(verifyPassword("pw123456", b), false, `rejects ${b.slice(0, 30)}`);
    t.equal(await verifyPasswordAsync("pw123456", b), false);
  }
  t.equal(verifyPassword("", DUMMY_HASH), false, "the dummy hash matches nothing");
});

