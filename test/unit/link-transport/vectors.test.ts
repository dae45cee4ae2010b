/**
 * The test vectors of proto/README.md, checked three ways: the code produces them, an
 * implementation written from the page alone (node:crypto, below) produces them, and
 * the page still prints them (so the document and the code cannot drift apart).
 */
import t from "tap";
import { createCipheriv, createHash, createHmac, hkdfSync } from "node:crypto";
import { readFileSync } from "node:fs";
import { catalogHash } from "../../../src/link/catalog.js";
import { makeKey } from "../../../src/link/keys.js";
import { deriveSubkey } from "../../../src/link/transport/auth.js";
import { LinkReceiver } from "../../../src/link/transport/receive.js";
import type { TagDef } from "../../../src/core/model.js";
import { silentLogger } from "../../../src/core/log.js";
import { drain, outbox } from "../../fixtures/link-transport.js";

const doc = readFileSync(new URL("../../../proto/README.md", import.meta.url), "utf8").replace(/` `|`\n`/g, "");
const KEY = Buffer.from(Array.from({ length: 32 }, (_, i) => i));
const HI = 1_700_000_000;
const LO = 0x01020304;
const PAYLOAD = Buffer.from("sluice test vector");
const V = {
  keyId: 0xf47e9942,
  subkey: {
    "aes-256-gcm": "875e4e30ee042e10b2b955c4db21a30b4e682399e96a63197e15939d8724464d",
    "hmac-sha256": "98822f03d5eb38a0b79ca18cfc7f9fc5bb50947a48f92b5b99692e3ae945db4a",
  },
  datagram: {
    "aes-256-gcm": "5100f47e99426553f1000102030400000000000000010000000000000001000000010000000000010000" +
      "6fb69fd168881d1b8e38f94ad08446a59d0c582533dbc9e7830bf471a5ccd1779758",
    "hmac-sha256": "5102f47e99426553f1000102030400000000000000010000000000000001000000010000000000010000" +
      "736c75696365207465737420766563746f7242449da5cadf412c8cac44c543089f42",
  },
  catalog: "000000000800000003612f620000000362617201000000000000000040240000000000000000000164000000010100000003612f63000000000000000000",
  catalogHash: 0xd23b2eff,
};
const ALGS = ["aes-256-gcm", "hmac-sha256"] as const;

void t.test("the page prints the vectors", async (t) => {
  t.ok(doc.includes(`0x${V.keyId.toString(16)}`), "key id");
  for (const a of ALGS) {
    t.ok(doc.includes(V.subkey[a]), `subkey ${a}`);
    t.ok(doc.includes(V.datagram[a]), `datagram ${a}`);
  }
  t.ok(doc.includes(V.catalog), "catalogue encoding");
  t.ok(doc.includes(`0x${V.catalogHash.toString(16)}`), "catalogue hash");
  t.ok(doc.includes("`sluice link v1 aes-256-gcm`") && doc.includes("`sluice link v1 hmac-sha256`"), "the HKDF info strings");
});

void t.test("the code produces the vectors, and its receiver opens them", async (t) => {
  const key = makeKey(KEY);
  t.equal(key.id, V.keyId);
  for (const a of ALGS) {
    t.equal(deriveSubkey(key, a, HI, LO).toString("hex"), V.subkey[a], `subkey ${a}`);
    const o = outbox({ key, auth: a, hi: HI, lo: LO, group: 1, repair: 0 });
    o.push(PAYLOAD);
    const ds = drain(o);
    t.same(ds.map((d) => d.toString("hex")), [V.datagram[a]], `datagram ${a}`);
    const got: Buffer[] = [];
    const rx = new LinkReceiver({ keys: [key], auth: a, mtu: 1400, fecGroups: 4, reassembly: { frames: 4, bytes: 1 << 20, timeoutMs: 1000 } },
      { frame: (p) => got.push(Buffer.from(p)), session: () => undefined, reject: (r) => t.fail(r) }, silentLogger);
    rx.handle(Buffer.from(V.datagram[a], "hex"), 1);
    t.same(got, [PAYLOAD], `the receiver opens the ${a} vector`);
  }
  const tags: TagDef[] = [
    { alias: 0, path: "a/b", type: "float32", unit: "bar", range: [0, 10], description: "d" },
    { alias: 1, path: "a/c", type: "bool" },
  ];
  t.equal(catalogHash(tags), V.catalogHash);
});

void t.test("an implementation from the page alone produces the same bytes", async (t) => {
  t.equal(createHash("sha256").update("sluice key id").update(KEY).digest().readUInt32BE(0), V.keyId);
  const header = Buffer.alloc(42);
  header[0] = 0x51;
  header.writeUInt32BE(V.keyId, 2);
  header.writeUInt32BE(HI, 6);
  header.writeUInt32BE(LO, 10);
  header.writeBigUInt64BE(1n, 14); // sequence
  header.writeBigUInt64BE(1n, 22); // frame id
  header.writeUInt16BE(0, 30);
  header.writeUInt16BE(1, 32); // one fragment
  header.writeUInt32BE(0, 34); // group 0
  header[39] = 1; // k = 1, m = 0: no FEC
  for (const a of ALGS) {
    const salt = Buffer.alloc(8);
    salt.writeUInt32BE(HI, 0);
    salt.writeUInt32BE(LO, 4);
    const subkey = Buffer.from(hkdfSync("sha256", KEY, salt, `sluice link v1 ${a}`, 32));
    t.equal(subkey.toString("hex"), V.subkey[a]);
    const h = Buffer.from(header);
    h[1] = a === "aes-256-gcm" ? 0 : 1 << 1;
    let out: Buffer;
    if (a === "aes-256-gcm") {
      const nonce = Buffer.alloc(12);
      nonce.writeBigUInt64BE(1n, 4);
      const c = createCipheriv("aes-256-gcm", subkey, nonce, { authTagLength: 16 });
      c.setAAD(h);
      const body = Buffer.concat([c.update(PAYLOAD), c.final()]);
      out = Buffer.concat([h, body, c.getAuthTag()]);
    } else {
      out = Buffer.concat([h, PAYLOAD, createHmac("sha256", subkey).update(h).update(PAYLOAD).digest().subarray(0, 16)]);
    }
    t.equal(out.toString("hex"), V.datagram[a], a);
  }
  const str = (s: string) => { const b = Buffer.from(s, "utf8"); const n = Buffer.alloc(4); n.writeUInt32BE(b.length); return Buffer.concat([n, b]); };
  const u32 = (v: number) => { const b = Buffer.alloc(4); b.writeUInt32BE(v); return b; };
  const range = Buffer.alloc(17);
  range[0] = 1;
  range.writeDoubleBE(0, 1);
  range.writeDoubleBE(10, 9);
  const enc = Buffer.concat([
    u32(0), Buffer.from([8]), str("a/b"), str("bar"), range, str("d"),
    u32(1), Buffer.from([1]), str("a/c"), str(""), Buffer.from([0]), str(""),
  ]);
  t.equal(enc.toString("hex"), V.catalog);
  t.equal(createHash("sha256").update(enc).digest().readUInt32BE(0), V.catalogHash);
});
