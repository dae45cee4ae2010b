/**
 * Security invariant 5 on the link's per-session state: memory stays bounded whatever
 * arrives. Forgeries (no key) can make the receiver derive at most a few trial subkeys
 * and never create a session; even a key holder (a compromised or buggy reader) that
 * opens endless sessions, FEC groups and fragmented frames is held to fixed caps:
 *
 *   sessions: 1 current + 64 retired ids; subkeys: 8 authenticated + 4 trial
 *   FEC groups open: 64 (+ 256 completed ids remembered); frames reassembling: 256
 *   and 32 MiB by default (both configurable), each for at most the reassembly timeout
 *
 * Private fields are read through casts: the caps are the point of the test.
 */
import t from "tap";
import { seal, deriveSubkey } from "../../../src/link/transport/auth.js";
import { HEADER_BYTES, writeHeader, type Header } from "../../../src/link/transport/envelope.js";
import type { LinkReceiver } from "../../../src/link/transport/receive.js";
import { KEY_A, drain, frameBytes, outbox, receiver, rng } from "../../fixtures/link-transport.js";

interface Inner {
  opener: { good: Map<string, Buffer>; tried: Map<string, Buffer> };
  gate: { retired: string[]; current: { fec: { done: Set<number>; doneOrder: number[] } } | null };
}
const inner = (rx: LinkReceiver) => rx as unknown as Inner;

/** A datagram sealed with KEY_A, as only a key holder can make it. */
function sealed(h: Omit<Header, "auth" | "keyId">, body: Buffer): Buffer {
  const head = Buffer.alloc(HEADER_BYTES);
  const full: Header = { ...h, auth: 0, keyId: KEY_A.id };
  writeHeader(head, full);
  const [b, tag] = seal("aes-256-gcm", deriveSubkey(KEY_A, "aes-256-gcm", h.sessionHi, h.sessionLo), head, h.seq, body);
  return Buffer.concat([head, b, tag]);
}

void t.test("forgeries with 20,000 made-up session ids: no session, at most 4 trial subkeys kept", async (t) => {
  const o = outbox({ repair: 0 });
  o.push(frameBytes(1, 100));
  const [genuine] = drain(o);
  const c = receiver();
  const r = rng(11);
  let maxTried = 0;
  for (let i = 0; i < 20_000; i++) {
    const d = Buffer.from(genuine!);
    d.writeUInt32BE(1_700_000_000 + Math.floor(r() * 1e6), 6);
    d.writeUInt32BE(Math.floor(r() * 2 ** 32), 10);
    c.rx.handle(d, i);
    maxTried = Math.max(maxTried, inner(c.rx).opener.tried.size);
  }
  t.equal(c.rejected.auth, 20_000, "every forgery refused as auth");
  t.equal(c.sessions.length, 0, "none started a session");
  t.ok(maxTried <= 4, `trial subkeys held: at most ${maxTried}`);
  t.equal(inner(c.rx).opener.good.size, 0, "no authenticated subkey");
});

void t.test("a key holder opening 1,000 sessions: 1 current, at most 64 retired ids and 8 authenticated subkeys", async (t) => {
  const c = receiver();
  let maxRetired = 0;
  let maxGood = 0;
  for (let i = 0; i < 1000; i++) {
    const o = outbox({ hi: 1_700_000_000 + i, lo: i, repair: 0 });
    o.push(frameBytes(i, 40));
    c.rx.handle(drain(o)[0]!, i);
    maxRetired = Math.max(maxRetired, inner(c.rx).gate.retired.length);
    maxGood = Math.max(maxGood, inner(c.rx).opener.good.size);
  }
  t.equal(c.sessions.length, 1000, "every genuine restart is a new session");
  t.ok(maxRetired <= 64, `retired session ids: at most ${maxRetired}`);
  t.ok(maxGood <= 8, `authenticated subkeys: at most ${maxGood}`);
});

void t.test("a key holder flooding FEC groups and fragmented frames that never complete: caps hold, then everything expires", async (t) => {
  // the default caps (256 frames, 32 MiB), then a byte cap that binds before the frame cap
  for (const limits of [{ frames: 256, bytes: 32 << 20 }, { frames: 65_536, bytes: 1 << 20 }]) {
    const c = receiver({ reassembly: { ...limits, timeoutMs: 2000 } });
    const r = rng(5);
    const base = { repair: false, sessionHi: 1_700_000_000, sessionLo: 9 };
    let seq = 0;
    let max = { frames: 0, bytes: 0, groups: 0, done: 0 };
    const body = Buffer.alloc(1300, 7);
    for (let i = 1; i <= 30_000; i++) {
      // one fragment of a new 4096-fragment frame; the first data symbol of a new FEC group expecting 16 + 16,
      // and every tenth a group of one (complete at once, so completed group ids pile up too)
      const k = i % 10 === 0 ? 1 : 16;
      c.rx.handle(sealed({ ...base, seq: ++seq, frameId: i, fragIndex: Math.floor(r() * 4095), fragCount: 4096,
        group: Math.floor(r() * 2 ** 32), fecIndex: 0, fecK: k, fecM: k }, body), 1000);
      const f = c.rx.inFlight();
      const s = inner(c.rx).gate.current!.fec;
      max = { frames: Math.max(max.frames, f.frames), bytes: Math.max(max.bytes, f.bytes), groups: Math.max(max.groups, f.groups), done: Math.max(max.done, s.done.size) };
    }
    const caps = `caps ${limits.frames} frames, ${limits.bytes} bytes`;
    t.equal(c.sessions.length, 1, `${caps}: one authenticated session`);
    t.equal(c.frames.length, 0, `${caps}: no frame completed`);
    t.ok(max.frames <= limits.frames && max.bytes <= limits.bytes, `${caps}: at most ${max.frames} frames and ${max.bytes} bytes reassembling`);
    t.ok(max.frames === limits.frames || max.bytes > limits.bytes - 1300, `${caps}: one of the caps was reached (the flood did press on it)`);
    t.ok(max.groups <= 64 && max.groups >= 32, `${caps}: FEC groups open: at most ${max.groups} (cap 64)`);
    t.ok(max.done <= 256 && max.done > 64, `${caps}: completed FEC group ids remembered: at most ${max.done} (cap 4 x 64)`);
    c.rx.sweep(1000 + 2000);
    t.same(c.rx.inFlight(), { frames: 0, bytes: 0, groups: 0 }, `${caps}: after the reassembly timeout nothing is held`);
    c.rx.handle(sealed({ ...base, seq: seq + 1, frameId: 40_000, fragIndex: 0, fragCount: 1, group: 1, fecIndex: 0, fecK: 1, fecM: 0 }, Buffer.from("ok")), 3001);
    t.equal(c.frames.length, 1, `${caps}: good data still flows in the same session`);
  }
});
