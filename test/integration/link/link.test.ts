/**
 * The link end to end on real UDP (loopback, through the lossy proxy): LinkSender ->
 * auth, fragments, FEC, pacing -> LinkReceiver. The receiver's state (as reported by its
 * events) equals the sender's within one keyframe cycle after a blackout or loss; a late
 * receiver and a restarted sender converge; at 30 % loss every tag converges within two
 * keyframe cycles. Keyframe period 500 ms, birth 1 s (fixtures/link-pair.ts).
 */
import t from "tap";
import dgram from "node:dgram";
import { writeFileSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Sample } from "../../../src/core/model.js";
import { LinkReceiver, LinkSender } from "../../../src/link/index.js";
import { keygen, loadKey } from "../../../src/link/keys.js";
import { TransportSender } from "../../../src/link/transport/sender.js";
import { makeTags, valueFor } from "../../unit/link-frames/fixtures/pipe.js";
import { changeAll, copyKey, keyDir, Mirror, pair, readerCfg, receiverCfg, until } from "./fixtures/link-pair.js";

const KEYFRAME = 500;
const SLACK = 400; // scheduling on a shared 2-core machine

void t.test("converges, and again within one keyframe cycle after a blackout and after loss", async (t) => {
  const p = await pair();
  t.teardown(() => p.close());
  const tags = makeTags(3000);
  const want = new Map<number, Sample>();
  p.tx.setCatalog(tags);
  p.tx.setHealth({ startedAt: Date.now(), policyHash: "abc", sources: [{ name: "src0", protocol: "modbus", state: "up", lastPollTime: Date.now(), pollsOk: 5, pollsError: 0, overruns: 0 }], blocked: {} });
  changeAll(p.tx, tags, 1, want, valueFor);
  t.ok(await until(() => p.mirror.diff(tags, want).length === 0, 5000) >= 0, "converged at start");
  t.equal(p.mirror.health?.sources[0]?.pollsOk, 5, "health arrived in heartbeats");
  t.equal(p.rx.stats().birth, true);

  p.proxy.set({ blackout: true });
  for (let k = 2; k < 6; k++) { changeAll(p.tx, tags, k, want, valueFor); await new Promise((r) => setTimeout(r, 100)); }
  t.ok(p.mirror.diff(tags, want).length > 0, "diverged during the blackout");
  p.proxy.set({ blackout: false });
  const afterBlackout = await until(() => p.mirror.diff(tags, want).length === 0, 5000);
  t.ok(afterBlackout >= 0 && afterBlackout <= KEYFRAME + SLACK, `converged ${afterBlackout} ms after the blackout (keyframe ${KEYFRAME} ms)`);

  p.proxy.set({ drop: 0.1 });
  for (let k = 6; k < 10; k++) { changeAll(p.tx, tags, k, want, valueFor); await new Promise((r) => setTimeout(r, 100)); }
  p.proxy.set({ drop: 0 });
  const afterLoss = await until(() => p.mirror.diff(tags, want).length === 0, 5000);
  t.ok(afterLoss >= 0 && afterLoss <= KEYFRAME + SLACK, `converged ${afterLoss} ms after 10 % loss ended`);
  t.equal(p.mirror.catalogs, 1, "one catalogue");
  t.equal(p.rx.stats().rejected.malformed, 0);
});

void t.test("at 30 % loss every tag converges within two keyframe cycles", async (t) => {
  // The repair ratio is the operator's choice for the expected loss: 30 % random loss
  // needs about 1 repair datagram per data datagram in groups of 16.
  const p = await pair({ reader: { fec: { repair: 1, group: 16, timeout: "100ms" } }, seed: 30 });
  t.teardown(() => p.close());
  const tags = makeTags(2000);
  const want = new Map<number, Sample>();
  p.tx.setCatalog(tags);
  changeAll(p.tx, tags, 1, want, valueFor);
  t.ok(await until(() => p.mirror.diff(tags, want).length === 0, 5000) >= 0, "converged before the loss");
  p.proxy.set({ drop: 0.3 });
  for (let k = 2; k < 12; k++) { changeAll(p.tx, tags, k, want, valueFor); await new Promise((r) => setTimeout(r, 100)); }
  const took = await until(() => p.mirror.diff(tags, want).length === 0, 10_000);
  const st = p.rx.stats();
  t.ok(took >= 0 && took <= 2 * KEYFRAME + SLACK,
    `converged ${took} ms after the last change at 30 % loss (${p.proxy.stats.dropped} of ${p.proxy.stats.in} datagrams dropped, ${st.framesRecovered} frames rebuilt by FEC, ${st.framesLost} lost)`);
});

void t.test("a receiver started after the sender converges", async (t) => {
  const dir = keyDir();
  const probe = dgram.createSocket("udp4");
  await new Promise<void>((r) => probe.bind(0, "127.0.0.1", r));
  const port = probe.address().port;
  await new Promise<void>((r) => probe.close(() => r()));
  const tx = await LinkSender.open(readerCfg({ host: "127.0.0.1", port }), { baseDir: dir });
  t.teardown(() => tx.close());
  const tags = makeTags(1500);
  const want = new Map<number, Sample>();
  tx.setCatalog(tags);
  changeAll(tx, tags, 1, want, valueFor);
  await new Promise((r) => setTimeout(r, 1200)); // the first birth and keyframe went nowhere
  const rx = await LinkReceiver.open(receiverCfg({ listen: `127.0.0.1:${port}` }), { baseDir: dir });
  t.teardown(() => rx.close());
  const mirror = new Mirror(rx);
  const took = await until(() => mirror.diff(tags, want).length === 0, 5000);
  t.ok(took >= 0 && took <= 1000 + KEYFRAME + SLACK, `converged ${took} ms after the receiver started (birth 1 s, keyframe ${KEYFRAME} ms)`);
  t.equal(rx.stats().sessions, 1);
});

void t.test("a restarted sender (new session, new catalogue) is accepted; key rollover without restart", async (t) => {
  const p = await pair();
  t.teardown(() => p.close());
  const tags = makeTags(500);
  const want = new Map<number, Sample>();
  p.tx.setCatalog(tags);
  changeAll(p.tx, tags, 1, want, valueFor);
  t.ok(await until(() => p.mirror.diff(tags, want).length === 0, 5000) >= 0, "first session converged");
  const first = p.tx.sessionId;
  await p.tx.close();

  const tx2 = await LinkSender.open(readerCfg(p.proxy.address()), { baseDir: p.dir });
  t.teardown(() => tx2.close());
  t.not(tx2.sessionId, first, "a new random session id");
  const tags2 = [...makeTags(500), { alias: 500, path: "added/tag", type: "float64" as const }];
  const want2 = new Map<number, Sample>();
  tx2.setCatalog(tags2);
  changeAll(tx2, tags2, 7, want2, valueFor);
  t.ok(await until(() => p.mirror.diff(tags2, want2).length === 0, 5000) >= 0, "converged to the new session");
  t.equal(p.mirror.catalogs, 2, "the new catalogue was adopted");
  t.equal(p.mirror.sessions.length, 2, "two sessions seen");
  t.equal(p.rx.stats().sessionId, tx2.sessionId);

});

void t.test("key rollover without a restart: reloadKey on the sender, reloadKeys on the receiver", async (t) => {
  const dir = keyDir(); // link.key
  const next = keygen(join(dir, "next.key"));
  copyKey(dir, "link.key", "sender.key");
  const rx = await LinkReceiver.open(receiverCfg({ key: "link.key", nextKey: "next.key" }), { baseDir: dir });
  t.teardown(() => rx.close());
  const mirror = new Mirror(rx);
  const tx = await LinkSender.open(readerCfg({ host: "127.0.0.1", port: rx.address().port }, { key: "sender.key" }), { baseDir: dir });
  t.teardown(() => tx.close());
  const tags = makeTags(100);
  const want = new Map<number, Sample>();
  tx.setCatalog(tags);
  changeAll(tx, tags, 1, want, valueFor);
  const old = loadKey(join(dir, "link.key"));
  t.ok(await until(() => mirror.diff(tags, want).length === 0 && mirror.lastMeta?.keyId === old.id, 5000) >= 0, "current key accepted");
  writeFileSync(join(dir, "sender.key"), readFileSync(join(dir, "next.key")), { mode: 0o600 });
  tx.reloadKey();
  changeAll(tx, tags, 2, want, valueFor);
  t.ok(await until(() => mirror.diff(tags, want).length === 0 && mirror.lastMeta?.keyId === next.id, 5000) >= 0, "sender switched to the next key");
  // Rollover done at the receiver: the next key becomes the only key.
  writeFileSync(join(dir, "link.key"), readFileSync(join(dir, "next.key")), { mode: 0o600 });
  rx.reloadKeys();
  changeAll(tx, tags, 3, want, valueFor);
  t.ok(await until(() => mirror.diff(tags, want).length === 0, 5000) >= 0, "still flowing after the receiver reload");
  writeFileSync(join(dir, "sender.key"), "not a key\n", { mode: 0o600 });
  t.throws(() => tx.reloadKey(), { code: "SLUICE_ERR_KEY" }, "a bad key file is refused; the old key stays");
  changeAll(tx, tags, 4, want, valueFor);
  t.ok(await until(() => mirror.diff(tags, want).length === 0, 5000) >= 0, "and data still flows");
});

void t.test("a payload that is not a frame is counted as malformed and changes nothing", async (t) => {
  const p = await pair();
  t.teardown(() => p.close());
  const tags = makeTags(50);
  const want = new Map<number, Sample>();
  p.tx.setCatalog(tags);
  changeAll(p.tx, tags, 1, want, valueFor);
  t.ok(await until(() => p.mirror.diff(tags, want).length === 0, 5000) >= 0);
  // An authenticated sender (it has the key) whose payloads are garbage.
  const raw = await TransportSender.open({ ...p.proxy.address(), key: loadKey(join(p.dir, "link.key")) });
  t.teardown(() => raw.close());
  for (let i = 0; i < 20; i++) raw.send(Buffer.from(`garbage ${i} `.repeat(i + 1)));
  t.ok(await until(() => p.rx.stats().rejected.malformed >= 20, 5000) >= 0, `malformed counted: ${p.rx.stats().rejected.malformed}`);
  t.same(p.mirror.diff(tags, want), [], "state unchanged");
});
