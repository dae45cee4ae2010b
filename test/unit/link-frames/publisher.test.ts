/**
 * Publisher: birth first, then a full keyframe, then deltas; every frame fits one
 * datagram; the carousel stays within its byte rate and covers every tag per cycle;
 * heartbeats on their period.
 */
import t from "tap";
import type { Sample } from "../../../src/core/model.js";
import { Status } from "../../../src/core/status.js";
import { peekFrame, decodeFrame } from "../../../src/link/codec/index.js";
import { Publisher } from "../../../src/link/publisher.js";
import { Clock, makeTags, pipe, valueFor, T0 } from "./fixtures/pipe.js";

void t.test("birth parts go first, then a full keyframe, then deltas", async (t) => {
  const p = pipe();
  const tags = makeTags(3000);
  p.pub.setCatalog(tags);
  // Values that change during startup are folded into keyframe parts not yet sent.
  p.pub.update(tags.slice(0, 50).map((tag) => ({ alias: tag.alias, value: valueFor(tag, 1), status: 0, sourceTime: T0 })));
  p.run(2000);
  const kinds = p.sent.map((s) => s.kind);
  const firstKf = kinds.indexOf("keyframe"), lastBirth0 = kinds.lastIndexOf("birth", firstKf);
  t.ok(kinds[0] === "birth" && firstKf > 0, "birth first");
  const birthParts = decodeFrame(p.sent[0]!.bytes, undefined).body as { parts: number };
  t.ok(birthParts.parts > 1, `a 3000-tag catalogue is split (${birthParts.parts} parts)`);
  t.equal(lastBirth0 + 1, birthParts.parts, "every birth part before the first keyframe part");
  const firstKfParts = (decodeFrame(p.sent[firstKf]!.bytes, p.pub.catalog!).body as { parts: number }).parts;
  t.same(kinds.slice(firstKf, firstKf + firstKfParts), new Array(firstKfParts).fill("keyframe"), "then the whole keyframe");
  t.ok(kinds.indexOf("delta") === -1 || kinds.indexOf("delta") > firstKf, "deltas only after keyframe parts");
  p.pub.update([{ alias: 3, value: valueFor(tags[3]!, 2), status: 0, sourceTime: T0 + 2001 }]);
  p.run(10);
  t.equal(p.sent.at(-1)?.kind, "delta", "a change after startup goes as a delta within the flush time");
  t.same(p.sent.filter((s) => s.bytes.length > 1328).map((s) => `${s.kind} ${s.bytes.length}`), [], "every frame fits the payload");
  t.equal(p.rep.catalog?.hash, p.pub.catalog?.hash, "the replica has the catalogue");
  t.equal(p.rec.get(10)?.value, valueFor(tags[10]!, 1), "a value changed during startup arrived");
});

void t.test("deltas: a full datagram goes at once, the rest after the flush time, all within maxPayload", async (t) => {
  const clock = new Clock();
  const sent: Array<{ kind: string; bytes: Uint8Array }> = [];
  const pub = new Publisher({
    maxPayload: 1328, carouselRate: 1e9, startupRate: 1e9, keyframeMs: 60_000, birthMs: 60_000, heartbeatMs: 60_000, flushMs: 5,
    now: clock.now, send: (bytes, kind) => { sent.push({ kind, bytes }); return true; },
  });
  const tags = makeTags(20_000, ["float32"]);
  pub.setCatalog(tags);
  pub.tick();
  const before = sent.length;
  t.equal(pub.stats().startup, 0, "startup done");
  const batch: Sample[] = [];
  for (let i = 0; i < 5000; i++) batch.push({ alias: (i * 7919) % 20_000, value: i, status: 0, sourceTime: T0 });
  pub.update(batch);
  const deltas = sent.slice(before);
  t.ok(deltas.length >= 15, `full frames sent without waiting (${deltas.length})`);
  for (const d of deltas) {
    t.equal(d.kind, "delta");
    t.ok(d.bytes.length <= 1328 && d.bytes.length > 1328 * 0.75, `delta of ${d.bytes.length} bytes is full and fits`);
  }
  pub.update([{ alias: 1, value: -1, status: 0, sourceTime: T0 }, { alias: 2, value: -2, status: 0, sourceTime: T0 }]);
  batch.unshift({ alias: 1, value: -1, status: 0, sourceTime: T0 }, { alias: 2, value: -2, status: 0, sourceTime: T0 });
  t.ok(pub.hasPending, "a partial frame waits");
  clock.t += 5;
  pub.tick();
  t.notOk(pub.hasPending, "flushed after flushMs");
  const all = sent.slice(before).flatMap((d) => (decodeFrame(d.bytes, pub.catalog!).body as { samples: Sample[] }).samples);
  t.equal(all.length, 5002, "every change sent once");
  const num = (a: Sample["value"], b: Sample["value"]) => (a as number) - (b as number);
  t.same(all.map((s) => s.value).sort(num), batch.map((s) => s.value).sort(num), "values intact");
});

void t.test("the carousel keeps to its byte rate and covers every tag each cycle", async (t) => {
  const clock = new Clock();
  const bytes = { birth: 0, keyframe: 0, heartbeat: 0, delta: 0, history: 0 };
  const kfAliases = new Set<number>();
  const rate = 30_000;
  const pub = new Publisher({
    maxPayload: 1328, carouselRate: rate, startupRate: 1e9, keyframeMs: 1000, birthMs: 5000, heartbeatMs: 250, flushMs: 5,
    now: clock.now,
    send: (b, kind) => {
      bytes[kind] += b.length;
      const cat = pub.catalog;
      if (kind === "keyframe" && cat) for (const s of (decodeFrame(b, cat).body as { samples: Sample[] }).samples) kfAliases.add(s.alias);
      return true;
    },
  });
  pub.setHealth({ startedAt: T0, policyHash: "x", sources: [], blocked: {} });
  const tags = makeTags(4000);
  pub.setCatalog(tags);
  pub.update(tags.map((tag) => ({ alias: tag.alias, value: valueFor(tag, tag.alias), status: 0, sourceTime: T0 - tag.alias * 1000 })));
  pub.tick();
  t.equal(kfAliases.size, 4000, "startup sent a full keyframe");
  const start = { ...bytes };
  kfAliases.clear();
  // Demand (about 16 kB/s of birth, 40 kB/s of keyframes) exceeds the rate: cycles stretch, the rate holds.
  for (let i = 0; i < 2000; i++) { clock.t += 10; pub.tick(); } // 20 s
  const carousel = bytes.birth - start.birth + bytes.keyframe - start.keyframe;
  t.ok(carousel <= rate * 20 + 4 * 1328, `carousel spent ${carousel} bytes in 20 s at ${rate} B/s`);
  t.ok(carousel >= rate * 20 * 0.9, "and used its share");
  t.equal(kfAliases.size, 4000, "every tag in the keyframes");
  const st = pub.stats();
  t.ok(st.keyframeCycles! >= 2, `keyframe cycles completed: ${st.keyframeCycles}, the last in ${st.lastKeyframeCycleMs} ms`);
  t.ok(st.birthCycles! >= 2, `birth cycles completed: ${st.birthCycles}`);
  t.equal(st.heartbeatFrames, 81, "a heartbeat every 250 ms (and one at once)");
  t.ok(st.lastKeyframeCycleMs! > 1000, "a keyframe cycle took longer than its period");
});

void t.test("updates: type mismatches become BadTypeMismatch, bad aliases and no catalogue are counted", async (t) => {
  const p = pipe();
  p.pub.update([{ alias: 0, value: 1, status: 0, sourceTime: T0 }]);
  t.equal(p.pub.stats().noCatalog, 1);
  p.pub.setCatalog(makeTags(10, ["int16"]));
  p.run(100);
  p.pub.update([
    { alias: 0, value: 70000, status: 0, sourceTime: T0 + 1 },
    { alias: 99, value: 1, status: 0, sourceTime: T0 + 1 },
    { alias: 1, value: 5n, status: 0, sourceTime: T0 + 1 },
  ]);
  p.run(10);
  t.equal(p.pub.stats().typeMismatches, 1);
  t.equal(p.pub.stats().invalidAliases, 1);
  t.same(p.rec.get(0), { alias: 0, value: null, status: Status.BadTypeMismatch, sourceTime: T0 + 1 });
  t.same(p.rec.get(1), { alias: 1, value: 5, status: 0, sourceTime: T0 + 1 }, "a bigint in range becomes the int16 number");
  t.same(peekFrame(p.sent.at(-1)!.bytes).kind, "delta");
});

void t.test("a new catalogue carries values of unchanged tags; the same catalogue again is a no-op", async (t) => {
  const p = pipe();
  const tags = makeTags(100);
  p.pub.setCatalog(tags);
  p.pub.update([{ alias: 5, value: valueFor(tags[5]!, 3), status: 0, sourceTime: T0 + 1 }]);
  p.run(100);
  const n = p.sent.length;
  p.pub.setCatalog(tags.map((x) => ({ ...x })));
  t.equal(p.sent.length, n, "same hash: nothing resent");
  const grown = [...tags, { alias: 100, path: "new/tag", type: "bool" as const }];
  p.pub.setCatalog(grown);
  p.run(100);
  t.equal(p.rep.catalog?.size, 101, "replica switched to the new catalogue");
  t.equal(p.rec.get(5)?.value, valueFor(tags[5]!, 3), "value carried over");
  t.equal(p.rec.get(100)?.status, Status.BadWaitingForInitialData, "new tag waits for data");
});
