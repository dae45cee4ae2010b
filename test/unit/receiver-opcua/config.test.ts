import t from "tap";
import { validate } from "../../../src/config/load.js";
import { ReceiverOpcua } from "../../../src/config/receiver-opcua.js";
import { isSluiceError } from "../../../src/core/errors.js";
import { hashPassword } from "../../../src/receiver/opcua/password.js";

function err(data: unknown): string {
  try {
    validate(ReceiverOpcua, data, "receiver.yaml");
  } catch (e) {
    if (isSluiceError(e, "SLUICE_ERR_CONFIG")) return e.message;
    throw e;
  }
  return "";
}

void t.test("secure defaults", async (t) => {
  const c = validate(ReceiverOpcua, {}, "receiver.yaml");
  t.equal(c.port, 4840);
  t.same(c.security.modes, ["SignAndEncrypt"]);
  t.same(c.security.policies, ["Basic256Sha256", "Aes128_Sha256_RsaOaep", "Aes256_Sha256_RsaPss"]);
  t.equal(c.allowAnonymous, false);
  t.same(c.users, []);
  t.equal(c.pki, "./pki");
  t.same(c.trustedClients, []);
  t.equal(c.maxSessions, 20);
  t.equal(c.maxMonitoredItems, 100_000);
  t.ok(c.maxOperationsPerRequest > 10_000, "operation limits raised above node-opcua's 10,000");
  t.equal(c.certificate, undefined);
});

void t.test("the demo's section is valid", async (t) => {
  const c = validate(ReceiverOpcua, { port: 0, host: "localhost", security: { modes: ["None"] }, allowAnonymous: true }, "r.yaml");
  t.same(c.security.modes, ["None"]);
  t.equal(c.allowAnonymous, true);
});

void t.test("users carry hashes, never passwords", async (t) => {
  const ok = validate(ReceiverOpcua, { users: [{ name: "historian", passwordHash: hashPassword("pw123456") }] }, "r.yaml");
  t.equal(ok.users[0]?.name, "historian");
  const leaked = err({ users: [{ name: "historian", passwordHash: "pw123456" }] });
  t.match(leaked, /users\[0\]\.passwordHash: the value is not valid: expected .*hash-password/);
  t.notMatch(leaked, /pw123456/, "a password pasted where its hash belongs is never echoed");
  t.match(err({ users: [{ name: "historian", passwordHash: hashPassword("x"), password: "pw123456" }] }), /users\[0\]\.password: unknown key/);
});

void t.test("bad values name the field", async (t) => {
  t.match(err({ security: { modes: ["Encrypt"] } }), /^receiver\.yaml: security\.modes\[0\]: must be one of "SignAndEncrypt", "Sign", "None"/);
  t.match(err({ security: { policies: ["Basic128Rsa15"] } }), /security\.policies\[0\]: must be one of/);
  t.match(err({ security: { policies: [] } }), /security\.policies/);
  t.match(err({ port: 70000 }), /port/);
  t.match(err({ maxSessions: 0 }), /maxSessions/);
  t.match(err({ autoAccept: true }), /autoAccept: unknown key/);
  t.match(err({ security: { modes: ["Sign"], extra: 1 } }), /security\.extra: unknown key/);
});
