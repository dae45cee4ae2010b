/**
 * Session rules against a key holder and against clocks (SECURITY.md 5.6):
 *
 *   - a session starting after the receiver's clock + link.sessionSkew is refused
 *     (reason session), so a session from 2106 cannot lock the genuine reader out;
 *   - removing the key that authenticated the current session drops that session, so
 *     a rollover reload recovers from whatever the old key established;
 *   - a datagram that does not authenticate writes no log line and changes nothing,
 *     whatever its session time (the "restart the receiver" warning only for
 *     authenticated input).
 */
import t from "tap";
import { Writable } from "node:stream";
import { createLogger } from "../../../src/core/log.js";
import { LinkReceiver, type RejectReason } from "../../../src/link/transport/receive.js";
import { KEY_A, KEY_B, drain, frameBytes, outbox } from "../../fixtures/link-transport.js";

const NOW = Date.UTC(2026, 0, 1); // the receiver's clock in these tests
const nowSec = NOW / 1000;

function rx(keys = [KEY_A], skewMs?: number) {
  const lines: string[] = [];
  const sink = new Writable({ write(chunk: Buffer, _e, cb) { lines.push(chunk.toString()); cb(); } });
  const frames: bigint[] = [];
  const sessions: bigint[] = [];
  const rejects: RejectReason[] = [];
  const r = new LinkReceiver({
    keys, auth: "aes-256-gcm", mtu: 1400, fecGroups: 64, reassembly: { frames: 256, bytes: 1 << 20, timeoutMs: 2000 },
    clock: () => NOW, ...(skewMs !== undefined ? { sessionSkewMs: skewMs } : {}),
  }, { frame: (_p, m) => frames.push(m.sessionId), session: (id) => sessions.push(id), reject: (x) => rejects.push(x) },
  createLogger({ destination: sink, level: "info" }));
  return { r, lines, frames, sessions, rejects };
}

function datagrams(hi: number, lo: number, n = 1, key = KEY_A): Buffer[] {
  const o = outbox({ hi, lo, key, repair: 0 });
  for (let i = 0; i < n; i++) o.push(frameBytes(i, 60));
  return drain(o);
}

void t.test("a session from 2106 is refused as session and the genuine reader keeps its place", async (t) => {
  const c = rx();
  const attacker = datagrams(0xffff_ffff, 7, 3); // 2106-02-07, sealed with the real key
  for (const d of attacker) c.r.handle(d, 1);
  t.same(c.rejects, ["session", "session", "session"], "refused before authentication");
  t.same(c.sessions, [], "never adopted");
  t.equal(c.r.sessionId, null);
  const genuine = datagrams(nowSec - 60, 1, 2);
  for (const d of genuine) c.r.handle(d, 2);
  t.equal(c.frames.length, 2, "the genuine reader, started a minute ago, is accepted");
  t.match(c.lines.join(""), /starting after the receiver's clock plus link.sessionSkew/, "the authenticated refusal is explained once");
});

void t.test("the skew: a reader a little ahead is accepted, one beyond the skew is not", async (t) => {
  const c = rx([KEY_A], 60_000);
  c.r.handle(datagrams(nowSec + 120, 1)[0]!, 1);
  t.same(c.rejects, ["session"], "two minutes ahead with a one-minute skew: refused");
  c.r.handle(datagrams(nowSec + 30, 2)[0]!, 2);
  t.equal(c.frames.length, 1, "30 s ahead: accepted");
  t.equal(c.sessions.length, 1);
  // the reader's clock is fixed and it restarts: 30 s is all a clock ahead can hold it back
  c.r.handle(datagrams(nowSec + 31, 3)[0]!, 3);
  t.equal(c.sessions.length, 2);
  const d = rx(); // default skew: 5 min
  d.r.handle(datagrams(nowSec + 299, 1)[0]!, 1);
  d.r.handle(datagrams(nowSec + 301, 2)[0]!, 1);
  t.equal(d.sessions.length, 1);
  t.same(d.rejects, ["session"]);
});

void t.test("removing the key that authenticated the current session drops that session", async (t) => {
  const c = rx([KEY_A, KEY_B]);
  // a key holder (of the old key) got a session adopted that starts after the real reader's
  c.r.handle(datagrams(nowSec + 200, 9, 1, KEY_A)[0]!, 1);
  t.equal(c.sessions.length, 1);
  const genuine = datagrams(nowSec - 10, 1, 3, KEY_B);
  c.r.handle(genuine[0]!, 2);
  t.same(c.rejects, ["session"], "the genuine reader (new key) looks older: refused");
  c.r.setKeys([KEY_B]); // the rollover's last reload: the old key goes
  t.equal(c.r.sessionId, null, "the old key's session is gone");
  t.match(c.lines.join(""), /authenticated by a removed key is dropped/);
  c.r.handle(genuine[1]!, 3);
  c.r.handle(genuine[2]!, 3);
  t.equal(c.sessions.length, 2, "the genuine reader is adopted");
  t.equal(c.frames.length, 3);
  t.equal(c.frames[2], (BigInt(nowSec - 10) << 32n) | 1n);
  // a session whose latest datagrams came under a key that stays is kept
  const k = rx([KEY_A, KEY_B]);
  k.r.handle(datagrams(nowSec, 5, 1, KEY_A)[0]!, 1);
  const moved = outbox({ hi: nowSec, lo: 5, key: KEY_A, repair: 0 });
  moved.push(frameBytes(1, 10));
  moved.setKey(KEY_B);
  moved.push(frameBytes(2, 10));
  for (const d of drain(moved).slice(1)) k.r.handle(d, 2);
  t.equal(k.frames.length, 2);
  k.r.setKeys([KEY_B]);
  t.equal(k.r.sessionId, (BigInt(nowSec) << 32n) | 5n, "the reader already sealing with the new key keeps its session");
});

void t.test("an unauthenticated datagram with an old session time logs nothing and changes nothing", async (t) => {
  const c = rx();
  c.r.handle(datagrams(nowSec - 10, 1)[0]!, 1);
  const lines = c.lines.length;
  // random bytes behind a valid header: known key id, a session older than the current one
  const forged = datagrams(nowSec - 1000, 2, 5);
  for (const d of forged) {
    d.fill(0x5a, 42);
    c.r.handle(d, 20_000);
  }
  // and one from the future, also forged
  const future = datagrams(nowSec + 10_000, 3)[0]!;
  future.fill(0x33, 42);
  c.r.handle(future, 40_000);
  t.same(c.rejects, ["session", "session", "session", "session", "session", "session"]);
  t.equal(c.lines.length, lines, "no log line from a datagram that did not authenticate");
  t.equal(c.r.sessionId, (BigInt(nowSec - 10) << 32n) | 1n);
  // the same, authenticated (a reader whose clock went back): one warning, rate-limited
  for (const d of datagrams(nowSec - 1000, 4, 3)) c.r.handle(d, 60_000);
  t.equal(c.lines.length, lines + 1);
  t.match(c.lines.at(-1)!, /older session rejected.*restart the receiver/);
});
