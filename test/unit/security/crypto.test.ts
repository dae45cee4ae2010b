/**
 * The link's cryptographic design, as SECURITY.md states it, checked against the bytes:
 *
 *   subkey = HKDF-SHA256(link key, salt = session id (8 bytes BE), info = "sluice link v1 " + alg, 32 bytes)
 *   AES-256-GCM: nonce = 0x00000000 || sequence (8 bytes BE), AAD = the 42-byte clear header, 16-byte tag
 *   HMAC-SHA-256: tag = HMAC(subkey, header || body)[0..16], body in clear
 *
 * An independent node:crypto implementation opens what the sender sealed; nonces never
 * repeat within a session, a restarted sender (new session id) seals under a new subkey,
 * the sequence stops rather than wraps; and the two documented limits of session
 * ordering: after a receiver restart the first authenticated session wins until a newer
 * one appears, and a reader whose clock went back is refused until the receiver restarts.
 */
import t from "tap";
import { Writable } from "node:stream";
import { createDecipheriv, createHmac, hkdfSync } from "node:crypto";
import { createLogger } from "../../../src/core/log.js";
import { HEADER_BYTES, MAX_SEQ, TAG_BYTES, parseHeader, type Header } from "../../../src/link/transport/envelope.js";
import { LinkReceiver } from "../../../src/link/transport/receive.js";
import { KEY_A, drain, frameBytes, outbox, receiver } from "../../fixtures/link-transport.js";

const header = (d: Buffer) => parseHeader(d, 65507) as Header;

function subkey(alg: string, hi: number, lo: number): Buffer {
  const salt = Buffer.alloc(8);
  salt.writeUInt32BE(hi, 0);
  salt.writeUInt32BE(lo, 4);
  return Buffer.from(hkdfSync("sha256", KEY_A.bytes, salt, `sluice link v1 ${alg}`, 32));
}

function gcmOpen(key: Buffer, d: Buffer): Buffer | null {
  const h = header(d);
  const iv = Buffer.alloc(12);
  iv.writeUInt32BE(Math.floor(h.seq / 2 ** 32), 4);
  iv.writeUInt32BE(h.seq % 2 ** 32, 8);
  try {
    const c = createDecipheriv("aes-256-gcm", key, iv, { authTagLength: 16 });
    c.setAAD(d.subarray(0, HEADER_BYTES));
    c.setAuthTag(d.subarray(d.length - TAG_BYTES));
    return Buffer.concat([c.update(d.subarray(HEADER_BYTES, d.length - TAG_BYTES)), c.final()]);
  } catch {
    return null;
  }
}

void t.test("AES-256-GCM: an independent implementation of the documented construction opens every datagram", async (t) => {
  const o = outbox({ hi: 1_700_000_000, lo: 42, repair: 0 });
  o.push(frameBytes(1, 200));
  o.push(frameBytes(2, 3000)); // 3 fragments
  const ds = drain(o);
  t.equal(ds.length, 4);
  const k = subkey("aes-256-gcm", 1_700_000_000, 42);
  const plain = ds.map((d) => gcmOpen(k, d));
  t.ok(plain.every((p) => p !== null), "every datagram opens with HKDF(key, session, alg), nonce 0^32 || seq, AAD = header");
  t.same(plain[0], frameBytes(1, 200), "the plaintext is the frame");
  t.same(Buffer.concat(plain.slice(1) as Buffer[]), frameBytes(2, 3000), "fragments join to the frame");
  t.equal(gcmOpen(KEY_A.bytes, ds[0]!), null, "the link key itself does not open it: only the per-session subkey does");
  t.equal(gcmOpen(subkey("aes-256-gcm", 1_700_000_000, 43), ds[0]!), null, "another session's subkey does not open it");
  t.equal(gcmOpen(subkey("hmac-sha256", 1_700_000_000, 42), ds[0]!), null, "the subkey depends on the algorithm too");
  const moved = Buffer.from(ds[0]!);
  moved.writeUInt32BE(header(ds[1]!).seq % 2 ** 32, 18); // claim another sequence number (another nonce)
  t.equal(gcmOpen(k, moved), null, "the header (here the sequence) is authenticated");
});

void t.test("HMAC-SHA-256: integrity only, the body crosses in clear", async (t) => {
  const o = outbox({ auth: "hmac-sha256", hi: 1_700_000_000, lo: 42, repair: 0 });
  o.push(frameBytes(5, 300));
  const [d] = drain(o);
  const body = d!.subarray(HEADER_BYTES, d!.length - TAG_BYTES);
  t.same(body, frameBytes(5, 300), "the body is the plaintext frame: anyone on the link can read it");
  const mac = createHmac("sha256", subkey("hmac-sha256", 1_700_000_000, 42)).update(d!.subarray(0, HEADER_BYTES)).update(body).digest();
  t.same(d!.subarray(d!.length - TAG_BYTES), mac.subarray(0, TAG_BYTES), "tag = HMAC-SHA-256(subkey, header || body) truncated to 128 bits");
});

void t.test("nonces never repeat: sequences strictly increase within a session; a restarted sender has a new subkey", async (t) => {
  const o = outbox({ hi: 1_700_000_000, lo: 1, repair: 0.3 });
  for (let i = 0; i < 500; i++) o.push(frameBytes(i, 100 + (i * 37) % 4000));
  const ds = drain(o);
  const seqs = ds.map((d) => header(d).seq);
  t.ok(ds.length > 1000, `${ds.length} datagrams, data and FEC repair`);
  t.ok(seqs.every((s, i) => s === i + 1), "sequence = 1, 2, 3, ... across data and repair datagrams: every nonce once");
  // the same frame, the same sequence number, the same key: a restart (new session id) gives other bytes
  const a = outbox({ hi: 1_700_000_000, lo: 1, repair: 0 });
  const b = outbox({ hi: 1_700_000_000, lo: 2, repair: 0 });
  a.push(frameBytes(9, 500));
  b.push(frameBytes(9, 500));
  const [da, db] = [drain(a)[0]!, drain(b)[0]!];
  t.equal(header(da).seq, header(db).seq, "both start at sequence 1");
  t.notSame(da.subarray(HEADER_BYTES), db.subarray(HEADER_BYTES), "ciphertext and tag differ: a new session seals under a new subkey");
});

void t.test("the sequence stops at 2^53 - 1 instead of wrapping (a wrap would reuse nonces)", async (t) => {
  const o = outbox({ repair: 0 });
  (o as unknown as { seq: number }).seq = MAX_SEQ - 1;
  o.push(frameBytes(1, 50));
  o.push(frameBytes(2, 50));
  const first = o.take();
  t.ok(first, "the last sequence number is used");
  t.equal(header(Buffer.concat(first!)).seq, MAX_SEQ);
  t.equal(o.take(), null, "then nothing more is sealed");
  t.equal(o.take(), null, "ever");
});

void t.test("session ordering, limit 1: after a receiver restart the first authenticated session wins until a newer one appears", async (t) => {
  const recorded = outbox({ hi: 1_700_000_000, lo: 7, repair: 0 });
  recorded.push(frameBytes(1, 60));
  recorded.push(frameBytes(2, 60));
  const old = drain(recorded);
  const live = outbox({ hi: 1_700_000_500, lo: 8, repair: 0 });
  live.push(frameBytes(3, 60));
  live.push(frameBytes(4, 60));
  const now = drain(live);
  const c = receiver(); // a receiver that just restarted: it has seen no session
  c.rx.handle(old[0]!, 1);
  t.equal(c.frames.length, 1, "a replayed recorded session is accepted by a fresh receiver (the known limit)");
  t.equal(c.rx.sessionId, (1_700_000_000n << 32n) | 7n);
  c.rx.handle(now[0]!, 2);
  t.equal(c.rx.sessionId, (1_700_000_500n << 32n) | 8n, "the live reader's next datagram supersedes it");
  c.rx.handle(old[1]!, 3);
  c.rx.handle(now[1]!, 4);
  t.same(c.rejects, ["session"], "from then on the replayed session is refused");
  t.equal(c.frames.length, 3);
});

void t.test("session ordering, limit 2: a reader whose clock went back is refused, and the log says to restart the receiver", async (t) => {
  const lines: string[] = [];
  const sink = new Writable({ write(chunk: Buffer, _e, cb) { lines.push(chunk.toString()); cb(); } });
  const frames: number[] = [];
  const rejects: string[] = [];
  const rx = new LinkReceiver({
    keys: [KEY_A], auth: "aes-256-gcm", mtu: 1400, fecGroups: 64, reassembly: { frames: 256, bytes: 1 << 20, timeoutMs: 2000 },
  }, { frame: (p) => frames.push(p.length), session: () => undefined, reject: (r) => rejects.push(r) }, createLogger({ destination: sink, level: "warn" }));
  const before = outbox({ hi: 1_700_000_100, lo: 1, repair: 0 });
  before.push(frameBytes(1, 60));
  rx.handle(drain(before)[0]!, 20_000);
  const back = outbox({ hi: 1_700_000_050, lo: 2, repair: 0 }); // genuine, same key, but started "earlier"
  back.push(frameBytes(2, 60));
  rx.handle(drain(back)[0]!, 40_000);
  t.same(rejects, ["session"], "the genuine datagram of a session that looks older is refused");
  t.equal(frames.length, 1);
  t.match(lines.join(""), /older session rejected.*restart the receiver/, "the warning tells the operator what to do");
});
