import t from "tap";
import { HEADER_BYTES, TAG_BYTES } from "../../../src/link/transport/envelope.js";
import { KEY_A, KEY_B, drain, frameBytes, outbox, receiver } from "../../fixtures/link-transport.js";

void t.test("a sealed frame arrives; same bytes, meta filled in", async (t) => {
  for (const auth of ["aes-256-gcm", "hmac-sha256"] as const) {
    const o = outbox({ auth });
    o.push(frameBytes(1, 300));
    const c = receiver({ auth });
    for (const d of drain(o)) c.rx.handle(d, 1000);
    t.equal(c.frames.length, 1, auth);
    t.same(c.frames[0]!.payload, frameBytes(1, 300));
    t.equal(c.frames[0]!.meta.keyId, KEY_A.id);
    t.equal(c.frames[0]!.meta.seq, 1n, "meta.seq is the frame id");
    t.equal(c.frames[0]!.meta.sessionId, (1_700_000_000n << 32n) | 42n);
    t.equal(c.rx.datagramsReceived, 2, "one data + one repair");
  }
});

void t.test("GCM hides the payload, HMAC does not", async (t) => {
  const secret = Buffer.from("tank level 42.5 percent, very secret");
  for (const [auth, visible] of [["aes-256-gcm", false], ["hmac-sha256", true]] as const) {
    const o = outbox({ auth, repair: 0 });
    o.push(secret);
    const [d] = drain(o);
    t.equal(d!.includes(secret), visible, auth);
  }
});

void t.test("one flipped bit anywhere is rejected, and changes nothing", async (t) => {
  for (const auth of ["aes-256-gcm", "hmac-sha256"] as const) {
    const o = outbox({ auth, repair: 0 });
    o.push(frameBytes(7, 200));
    const [good] = drain(o);
    const c = receiver({ auth });
    const reasons = new Set<string>();
    const wrong: string[] = [];
    for (let bit = 0; bit < good!.length * 8; bit++) {
      const bad = Buffer.from(good!);
      bad[bit >> 3]! ^= 1 << (bit & 7);
      const before = c.rejects.length;
      c.rx.handle(bad, 1000);
      const reason = c.rejects.at(-1)!;
      reasons.add(reason);
      // a flip high in the session's start time moves it past the receiver's clock + skew: "session"
      const expected = bit >= HEADER_BYTES * 8 ? ["auth"] : bit >= 6 * 8 && bit < 10 * 8 ? ["auth", "session"] : ["auth", "malformed", "version"];
      if (c.rejects.length !== before + 1 || !expected.includes(reason)) wrong.push(`bit ${bit}: ${reason}`);
    }
    t.same(wrong, [], `${auth}: every flip rejected once, header flips as auth/malformed/version/session, body and tag flips as auth`);
    t.same([...reasons].sort(), ["auth", "malformed", "session", "version"], `${auth}: all four reasons seen`);
    t.equal(c.frames.length, 0);
    t.equal(c.sessions.length, 0, "no forged datagram started a session");
    t.equal(c.rx.lastDatagramTime, null);
    c.rx.handle(good!, 1000);
    t.equal(c.frames.length, 1, "the genuine datagram is still accepted afterwards");
  }
});

void t.test("wrong key, unknown key id, other algorithm", async (t) => {
  const o = outbox({ key: KEY_B, repair: 0 });
  o.push(frameBytes(1, 100));
  const [d] = drain(o);
  const c = receiver({ keys: [KEY_A] });
  c.rx.handle(d!, 1);
  t.equal(c.rejected.auth, 1, "key id not configured");
  const forged = Buffer.from(d!);
  forged.writeUInt32BE(KEY_A.id, 2); // claims key A, sealed with key B
  c.rx.handle(forged, 1);
  t.equal(c.rejected.auth, 2, "right key id, wrong key");
  const h = outbox({ auth: "hmac-sha256", repair: 0 });
  h.push(frameBytes(1, 100));
  c.rx.handle(drain(h)[0]!, 1);
  t.equal(c.rejected.auth, 3, "no downgrade from aes-256-gcm to hmac-sha256");
  t.equal(c.frames.length, 0);
});

void t.test("truncated and extended datagrams", async (t) => {
  const o = outbox({ repair: 0 });
  o.push(frameBytes(3, 500));
  const [d] = drain(o);
  const c = receiver();
  for (let len = 0; len < d!.length; len++) c.rx.handle(d!.subarray(0, len), 1);
  t.equal(c.rejected.malformed, HEADER_BYTES + TAG_BYTES + 1, "too short for header + tag + 1 byte (0-length is malformed too)");
  t.equal(c.rejected.auth, d!.length - (HEADER_BYTES + TAG_BYTES + 1), "the rest fail the tag");
  c.rx.handle(Buffer.concat([d!, Buffer.alloc(1)]), 1);
  t.equal(c.rejected.auth, d!.length - HEADER_BYTES - TAG_BYTES, "one byte more fails the tag");
  c.rx.handle(Buffer.concat([d!, Buffer.alloc(1400)]), 1);
  t.equal(c.rejected.oversize, 1);
  t.equal(c.frames.length, 0);
  c.rx.handle(d!, 1);
  t.equal(c.frames.length, 1);
});

void t.test("key rollover: two keys accepted, then only the new one", async (t) => {
  const o = outbox({ repair: 0 });
  const c = receiver({ keys: [KEY_A, KEY_B] });
  o.push(frameBytes(1, 100));
  o.push(frameBytes(2, 100));
  const first = drain(o);
  o.setKey(KEY_B);
  o.push(frameBytes(3, 100));
  const second = drain(o);
  for (const d of [...first, ...second]) c.rx.handle(d, 1);
  t.same(c.frames.map((f) => f.meta.keyId), [KEY_A.id, KEY_A.id, KEY_B.id]);
  c.rx.setKeys([KEY_B]);
  o.setKey(KEY_A);
  o.push(frameBytes(4, 100));
  for (const d of drain(o)) c.rx.handle(d, 1);
  t.equal(c.rejected.auth, 1, "the retired key is refused");
  t.equal(c.frames.length, 3);
});
