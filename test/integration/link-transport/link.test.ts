/**
 * The link end to end on loopback through a lossy proxy: sender → proxy → intake.
 */
import t from "tap";
import type { FrameMeta } from "../../../src/core/model.js";
import { TransportIntake } from "../../../src/link/transport/intake.js";
import { TransportSender, type TransportSenderOptions } from "../../../src/link/transport/sender.js";
import { KEY_A, KEY_B } from "../../fixtures/link-transport.js";
import { LossyProxy, type LossyKnobs } from "../../fixtures/lossy-proxy.js";

/** A frame that carries its own index and a checkable pattern. */
function frame(i: number, len: number): Buffer {
  const b = Buffer.alloc(Math.max(8, len));
  b.writeUInt32BE(i, 0);
  b.writeUInt32BE(len, 4);
  for (let j = 8; j < b.length; j++) b[j] = (i + j * 13) & 0xff;
  return b;
}
function check(b: Uint8Array): number | null {
  const buf = Buffer.from(b.buffer, b.byteOffset, b.length);
  const i = buf.readUInt32BE(0);
  if (buf.readUInt32BE(4) !== buf.length && buf.length !== 8) return null;
  for (let j = 8; j < buf.length; j++) if (buf[j] !== ((i + j * 13) & 0xff)) return null;
  return i;
}

async function until(cond: () => boolean, ms = 20_000): Promise<boolean> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) return false;
    await new Promise((r) => setTimeout(r, 10));
  }
  return true;
}

async function rig(t: { teardown(fn: () => unknown): void }, knobs: Partial<LossyKnobs>, keys = [KEY_A], seed = 1) {
  const intake = await TransportIntake.open({ host: "127.0.0.1", port: 0, keys, reassembly: { timeoutMs: 500 } });
  const proxy = await LossyProxy.open({ host: "127.0.0.1", port: intake.address().port }, knobs, seed);
  const got = new Map<number, number>();
  const metas: FrameMeta[] = [];
  let bad = 0;
  intake.on("frame", (p: Uint8Array, meta: FrameMeta) => {
    const i = check(p);
    if (i === null) bad++;
    else got.set(i, (got.get(i) ?? 0) + 1);
    metas.push(meta);
  });
  const sessions: bigint[] = [];
  intake.on("session", (id: bigint) => sessions.push(id));
  const senders: TransportSender[] = [];
  const sender = async (over: Partial<TransportSenderOptions> = {}) => {
    const s = await TransportSender.open({ ...proxy.address(), key: KEY_A, rate: 20_000_000, ...over });
    senders.push(s);
    return s;
  };
  t.teardown(async () => {
    for (const s of senders) await s.close();
    await proxy.close();
    await intake.close();
  });
  return { intake, proxy, got, metas, sessions, sender, bad: () => bad };
}

async function pump(s: TransportSender, from: number, to: number, size: (i: number) => number) {
  for (let i = from; i < to;) {
    if (s.send(frame(i, size(i)))) i++;
    else await new Promise((r) => setTimeout(r, 2));
  }
}

void t.test("frames arrive intact through drop, reorder, duplicate and corruption", async (t) => {
  const r = await rig(t, { drop: 0.02, reorder: 0.05, reorderDepth: 4, duplicate: 0.03, corrupt: 0.01 }, [KEY_A], 11);
  const s = await r.sender();
  const N = 3000;
  await pump(s, 0, N, (i) => (i % 10 === 0 ? 6000 : 100 + (i % 700))); // every 10th frame spans 5 datagrams
  await until(() => r.intake.stats().framesReceived + r.intake.stats().framesLost >= N, 20_000);
  const st = r.intake.stats();
  t.equal(r.bad(), 0, "every delivered frame is byte-exact");
  t.ok([...r.got.values()].every((n) => n === 1), "no frame delivered twice");
  t.ok(r.got.size >= N * 0.995, `>= 99.5 % arrive (${r.got.size}/${N}, recovered ${st.framesRecovered}, lost ${st.framesLost})`);
  t.ok(st.framesRecovered > 0, "FEC did the work");
  const damaged = st.rejected.auth + st.rejected.malformed + st.rejected.version;
  t.ok(damaged >= r.proxy.stats.corrupted && damaged <= r.proxy.stats.corrupted + r.proxy.stats.duplicated,
    `each corrupted datagram rejected (auth ${st.rejected.auth}, malformed ${st.rejected.malformed}, version ${st.rejected.version}; corrupted ${r.proxy.stats.corrupted})`);
  t.ok(st.rejected.replay >= 1 && st.rejected.replay <= r.proxy.stats.duplicated, "duplicates rejected as replay (or absorbed by FEC dedup)");
  t.same(r.metas.map((m) => m.sessionId).filter((id) => id !== s.sessionId), [], "meta carries the session");
});

void t.test("bursts and a blackout: the link recovers and counts what it lost", async (t) => {
  const r = await rig(t, { burst: 0.002, burstLength: 8 }, [KEY_A], 5);
  const s = await r.sender();
  await pump(s, 0, 1000, () => 200);
  await until(() => r.intake.stats().framesReceived >= 900);
  r.proxy.set({ blackout: true, burst: 0 });
  await pump(s, 1000, 1200, () => 200);
  await until(() => s.stats().queueBytes === 0);
  await new Promise((res) => setTimeout(res, 50));
  r.proxy.set({ blackout: false });
  await pump(s, 1200, 1500, () => 200);
  t.ok(await until(() => r.got.has(1499)), "frames after the blackout arrive");
  t.ok(await until(() => r.intake.stats().framesLost >= 200), "the blacked-out frames are counted lost");
  const st = r.intake.stats();
  t.equal(st.framesReceived + st.framesLost, 1500, `every frame is received or counted lost (${st.framesReceived} + ${st.framesLost})`);
  t.ok(r.proxy.stats.blackedOut > 200);
});

void t.test("a restarted sender is a new session; replays of the old one are refused", async (t) => {
  const r = await rig(t, { record: true });
  const s1 = await r.sender();
  await pump(s1, 0, 100, () => 300);
  t.ok(await until(() => r.got.size === 100));
  await s1.close();
  const old = r.proxy.recorded.splice(0);
  r.proxy.set({ record: false });
  const s2 = await r.sender();
  t.not(s2.sessionId, s1.sessionId);
  await pump(s2, 100, 200, () => 300);
  t.ok(await until(() => r.got.size === 200), "the new session's frames arrive");
  t.same(r.sessions, [s1.sessionId, s2.sessionId]);
  r.proxy.inject(old);
  t.ok(await until(() => r.intake.stats().rejected.session === old.length), `all ${old.length} replayed old-session datagrams refused`);
  t.equal(r.intake.stats().sessions, 2);
  t.equal(r.got.size, 200);
  t.ok([...r.got.values()].every((n) => n === 1));
});

void t.test("key rollover without a restart loses nothing", async (t) => {
  const r = await rig(t, {}, [KEY_A, KEY_B]);
  const s = await r.sender({ key: KEY_A });
  await pump(s, 0, 500, () => 400);
  await until(() => s.stats().queueBytes === 0);
  s.setKey(KEY_B);
  await pump(s, 500, 1000, () => 400);
  t.ok(await until(() => r.got.size === 1000), "every frame across the switch");
  r.intake.setKeys([KEY_B]); // operator retires the old key
  await pump(s, 1000, 1100, () => 400);
  t.ok(await until(() => r.got.size === 1100));
  const st = r.intake.stats();
  t.equal(st.framesLost, 0);
  t.equal(st.rejected.auth, 0);
  t.same([...new Set(r.metas.map((m) => m.keyId))], [KEY_A.id, KEY_B.id]);
  t.equal(st.sessions, 1, "same session throughout");
});

void t.test("pacing holds the configured rate, overhead included", async (t) => {
  const r = await rig(t, {});
  const rate = 2_000_000;
  const s = await r.sender({ rate, fec: { repair: 0.25 } });
  const t0 = performance.now();
  await pump(s, 0, 3000, () => 1000);
  await until(() => s.stats().queueBytes === 0);
  const secs = (performance.now() - t0) / 1000;
  const wire = s.stats().bytesSent + s.stats().datagramsSent * 28;
  t.ok(wire / secs <= rate * 1.1, `wire rate ${(wire / secs / 1e6).toFixed(2)} MB/s <= 2 MB/s + 10 %`);
  t.ok(await until(() => r.got.size === 3000));
});

void t.test("the send queue is bounded: full means false, counted", async (t) => {
  const r = await rig(t, {});
  const s = await r.sender({ rate: 100_000, queueBytes: 100_000 });
  let refused = 0;
  for (let i = 0; i < 200; i++) if (!s.send(frame(i, 1000))) refused++;
  t.ok(refused >= 99, `refused ${refused}`);
  t.equal(s.stats().framesDropped, refused);
  t.ok(s.stats().queueBytes <= 100_000);
  t.throws(() => s.send(new Uint8Array(0)), { code: "SLUICE_ERR_LINK" });
});
