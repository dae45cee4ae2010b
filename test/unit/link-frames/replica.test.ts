/**
 * Replica: values only against the catalogue of their hash, convergence from birth +
 * keyframe (also late, lossy, after a restart), never rolled back by older samples,
 * memory bounded.
 */
import t from "tap";
import type { FrameMeta, Sample, TagDef } from "../../../src/core/model.js";
import { Status } from "../../../src/core/status.js";
import { CatalogIndex } from "../../../src/link/catalog.js";
import { encodeFrame, peekFrame } from "../../../src/link/codec/index.js";
import { defaultLinkLimits } from "../../../src/link/limits.js";
import { Replica } from "../../../src/link/replica.js";
import { Clock, diverging, makeTags, pipe, recorder, rng, T0, valueFor } from "./fixtures/pipe.js";

const meta = (sessionId = 1n, seq = 0n): FrameMeta => ({ sessionId, seq, keyId: 1, receivedAt: T0 });

/** Random changes to a fraction of the tags, each with a fresh source time. */
function churn(p: ReturnType<typeof pipe>, tags: TagDef[], r: () => number, k: number, share = 0.2): void {
  const batch: Sample[] = [];
  for (const tag of tags) if (r() < share) batch.push({ alias: tag.alias, value: valueFor(tag, k), status: r() < 0.1 ? Status.UncertainLastUsableValue : 0, sourceTime: p.clock.t });
  p.pub.update(batch);
}

void t.test("keyframes and deltas are never applied without the catalogue of their hash", async (t) => {
  const p = pipe({ loss: (i) => p.sent[i]!.kind === "birth" }); // the replica never sees a birth
  const tags = makeTags(200);
  p.pub.setCatalog(tags);
  churn(p, tags, rng(1), 1, 1);
  p.run(500);
  t.equal(p.rep.catalog, null, "no catalogue");
  t.equal(p.rec.samples.length, 0, "nothing applied");
  t.ok(p.rep.stats().framesHeld! > 0, "frames held for their birth");
  t.ok(p.rec.frames.includes("delta") && p.rec.frames.includes("keyframe"), "frames were seen");
  // A delta for a catalogue that never completes: the value would be alias 0 = 1.
  const other = CatalogIndex.of(makeTags(3, ["float32"]));
  p.rep.ingest(encodeFrame({ timeMs: T0, catalogHash: other.hash, body: { kind: "delta", samples: [{ alias: 0, value: 1, status: 0, sourceTime: p.clock.t + 1 }] } }, other), meta());
  // Now the birth parts get through.
  for (const s of p.sent.filter((x) => x.kind === "birth")) p.rep.ingest(s.bytes, meta());
  t.equal(p.rep.catalog?.hash, p.pub.catalog?.hash, "the born catalogue is adopted");
  t.same(diverging(p), [], "held frames applied: converged once the birth arrived");
  t.equal(p.rep.stats().heldFrames, 1, "the other catalogue's delta is still held, unapplied");
});

void t.test("held frames apply as soon as their birth completes", async (t) => {
  const rec = recorder();
  const rep = new Replica(rec.sink);
  const tags = makeTags(50, ["int32"]);
  const cat = CatalogIndex.of(tags);
  rep.ingest(encodeFrame({ timeMs: T0, catalogHash: cat.hash, body: { kind: "delta", samples: [{ alias: 7, value: 77, status: 0, sourceTime: T0 }] } }, cat), meta());
  t.equal(rec.samples.length, 0);
  rep.ingest(encodeFrame({ timeMs: T0, catalogHash: cat.hash, body: { kind: "birth", part: 0, parts: 1, tagCount: 50, tags } }, undefined), meta());
  t.equal(rec.catalogs.length, 1);
  t.same(rec.get(7), { alias: 7, value: 77, status: 0, sourceTime: T0 });
  t.equal(rec.samples.length, 1, "replayed after the catalogue event");
});

void t.test("converges from birth and keyframe, and stays converged under churn", async (t) => {
  const p = pipe();
  const tags = makeTags(5000);
  const r = rng(2);
  p.pub.setCatalog(tags);
  for (let k = 0; k < 30; k++) { churn(p, tags, r, k); p.run(50); }
  p.run(20);
  t.same(diverging(p), [], "every tag equal to the publisher's latest");
  t.equal(p.rec.catalogs.length, 1, "one catalogue event");
});

void t.test("a receiver that starts late converges within a birth and a keyframe cycle", async (t) => {
  let live = false;
  const p = pipe({ loss: () => !live });
  const tags = makeTags(3000);
  const r = rng(3);
  p.pub.setCatalog(tags);
  for (let k = 0; k < 20; k++) { churn(p, tags, r, k); p.run(100); }
  live = true;
  const start = p.clock.t;
  while (diverging(p).length > 0 && p.clock.t - start < 10_000) { churn(p, tags, r, 100, 0.01); p.run(10); }
  const took = p.clock.t - start;
  t.same(diverging(p), [], "converged");
  t.ok(took <= 2000 + 1000 + 100, `converged after ${took} ms (birth period 2000 ms, keyframe 1000 ms)`);
});

void t.test("at 30 % frame loss (no FEC) every tag still converges", async (t) => {
  const r = rng(4), loss = rng(5);
  const p = pipe({ loss: () => loss() < 0.3 });
  const tags = makeTags(2000);
  p.pub.setCatalog(tags);
  for (let k = 0; k < 10; k++) { churn(p, tags, r, k); p.run(100); }
  const start = p.clock.t;
  while (diverging(p).length > 0 && p.clock.t - start < 20_000) p.run(100);
  t.same(diverging(p), [], `converged ${p.clock.t - start} ms after the changes stopped, ${p.lost} of ${p.sent.length} frames lost`);
  t.ok(p.clock.t - start <= 10_000, "within 10 keyframe cycles");
});

void t.test("a restarted reader: old values stay until the new birth completes, then the new catalogue", async (t) => {
  const clock = new Clock();
  const rec = recorder();
  const a = pipe({ clock, rec, session: 1n });
  const tagsA = makeTags(300);
  a.pub.setCatalog(tagsA);
  a.pub.update([{ alias: 1, value: valueFor(tagsA[1]!, 5), status: 0, sourceTime: clock.t }]);
  a.run(200);
  t.same(diverging(a), []);
  const hashA = a.rep.catalog!.hash;
  // New session, new catalogue; its first birth cycle is lost. The restarted reader's
  // clock is an hour behind: source-time ordering restarts with the session.
  let births = 0;
  const clockB = new Clock();
  clockB.t = clock.t - 3_600_000;
  const tagsB = [...makeTags(300), { alias: 300, path: "extra/tag", type: "string" as const }];
  const b = pipe({ clock: clockB, rec, session: 2n, replica: a.rep, loss: (i) => b.sent[i]!.kind === "birth" && births++ < 3 });
  b.pub.setCatalog(tagsB);
  b.run(100);
  t.equal(a.rep.sessionId, 2n, "new session seen");
  t.equal(a.rep.catalog?.hash, hashA, "still serving the old catalogue");
  t.equal(a.rec.get(1)?.value, valueFor(tagsA[1]!, 5), "and its values");
  t.equal(a.rep.birth, false, "not born in this session");
  b.run(4000); // the next birth cycle (period 2000 ms) spreads its parts over 2 s
  t.equal(a.rep.catalog?.hash, b.pub.catalog?.hash, "new catalogue adopted after its birth");
  t.equal(a.rep.birth, true);
  t.same(diverging(b), [], "converged to the new session, though its source times are older");
  t.ok(a.rec.get(1)!.sourceTime < T0, "an older time from the new session applied");
});

void t.test("a restarted reader with the same catalogue applies at once, without waiting for the birth", async (t) => {
  const clock = new Clock();
  const rec = recorder();
  const tags = makeTags(100);
  const a = pipe({ clock, rec, session: 1n });
  a.pub.setCatalog(tags);
  a.run(100);
  const b = pipe({ clock, rec, session: 2n, replica: a.rep, loss: (i) => b.sent[i]!.kind === "birth" });
  b.pub.setCatalog(tags);
  b.pub.update([{ alias: 3, value: valueFor(tags[3]!, 4), status: 0, sourceTime: clock.t + 1 }]);
  b.run(100);
  t.equal(a.rec.get(3)?.value, valueFor(tags[3]!, 4));
  t.equal(a.rep.birth, true, "same hash: the catalogue held is the session's");
});

void t.test("every decoded sample is passed on, older ones too: ordering is the store's", async (t) => {
  const rec = recorder();
  const rep = new Replica(rec.sink);
  const tags = makeTags(2, ["float64"]);
  const cat = CatalogIndex.of(tags);
  const send = (v: number, time: number) => rep.ingest(encodeFrame({ timeMs: T0, catalogHash: cat.hash, body: { kind: "delta", samples: [{ alias: 0, value: v, status: 0, sourceTime: time }] } }, cat), meta());
  rep.ingest(encodeFrame({ timeMs: T0, catalogHash: cat.hash, body: { kind: "birth", part: 0, parts: 1, tagCount: 2, tags } }, undefined), meta());
  send(1, T0 + 10);
  send(2, T0 + 5);
  send(3, T0 + 10);
  t.same(rec.samples.map((x) => x.samples.map((s) => [s.value, s.sourceTime])), [[[1, T0 + 10]], [[2, T0 + 5]], [[3, T0 + 10]]], "in frame order, unfiltered");
  t.equal(rep.stats().samplesDecoded, 3);
  t.notOk("get" in rep, "the replica holds no values");
});

void t.test("birth parts in any order and repeated complete once; a wrong hash is refused", async (t) => {
  const rec = recorder();
  const rep = new Replica(rec.sink);
  const tags = makeTags(30);
  const cat = CatalogIndex.of(tags);
  const part = (i: number, hash = cat.hash) => encodeFrame({ timeMs: T0, catalogHash: hash, body: { kind: "birth", part: i, parts: 3, tagCount: 30, tags: tags.slice(i * 10, i * 10 + 10) } }, undefined);
  for (const i of [2, 0, 2, 0]) rep.ingest(part(i), meta());
  t.equal(rep.catalog, null);
  rep.ingest(part(1), meta());
  rep.ingest(part(1), meta());
  t.equal(rec.catalogs.length, 1);
  t.equal(rep.catalog?.hash, cat.hash);
  const rec2 = recorder();
  const rep2 = new Replica(rec2.sink);
  for (const i of [0, 1, 2]) rep2.ingest(part(i, 12345), meta());
  t.equal(rep2.catalog, null, "parts whose catalogue does not hash to the frame's hash are refused");
  t.equal(rep2.stats().birthRejected, 1);
});

void t.test("memory is bounded: assemblies, held frames, tags", async (t) => {
  const rec = recorder();
  const rep = new Replica(rec.sink, { maxAssemblies: 2, maxHeldBytes: 10_000, maxTags: 1000 });
  for (let h = 1; h <= 6; h++) {
    const tags = makeTags(20);
    rep.ingest(encodeFrame({ timeMs: T0, catalogHash: h, body: { kind: "birth", part: 0, parts: 2, tagCount: 20, tags: tags.slice(0, 10) } }, undefined), meta());
  }
  t.equal(rep.stats().assembling, 2, "at most two catalogues assembling");
  rep.ingest(encodeFrame({ timeMs: T0, catalogHash: 99, body: { kind: "birth", part: 0, parts: 1, tagCount: 5000, tags: [{ alias: 0, path: "a/b", type: "bool" }] } }, undefined), meta());
  t.equal(rep.stats().birthRejected, 1, "a catalogue above maxTags is refused");
  const cat = CatalogIndex.of(makeTags(500, ["float64"]));
  const samples = Array.from({ length: 500 }, (_, alias) => ({ alias, value: alias, status: 0, sourceTime: T0 }));
  for (let i = 0; i < 100; i++) rep.ingest(encodeFrame({ timeMs: T0, catalogHash: cat.hash, body: { kind: "delta", samples } }, cat), meta());
  t.ok(rep.stats().heldBytes! <= 10_000, `held bytes ${rep.stats().heldBytes}`);
  t.ok(rep.stats().heldDropped! > 0, "oldest held frames dropped");
});

void t.test("malformed payloads throw a malformed FrameError and change nothing", async (t) => {
  const p = pipe();
  const tags = makeTags(100);
  p.pub.setCatalog(tags);
  p.run(100);
  const before = p.rep.stats();
  const good = p.sent.find((s) => s.kind === "keyframe")!.bytes;
  t.equal(peekFrame(good).kind, "keyframe");
  for (const junk of [Uint8Array.of(1, 2, 3), good.subarray(0, good.length - 3), Buffer.from("garbage")]) {
    t.throws(() => p.rep.ingest(junk, meta()), { name: "FrameError", reason: "malformed" });
  }
  t.equal(p.rep.stats().samplesDecoded, before.samplesDecoded);
  t.equal(p.rep.catalog?.hash, p.pub.catalog?.hash);
});

void t.test("an empty catalogue crosses too (one empty birth part, one empty keyframe part)", async (t) => {
  const p = pipe();
  p.pub.setCatalog([]);
  p.run(50);
  t.equal(p.rep.catalog?.size, 0);
  t.equal(p.rep.birth, true);
  t.same(p.sent.map((s) => s.kind).slice(0, 2), ["birth", "keyframe"]);
});

void t.test("a repeat of the catalogue held is counted and changes nothing; a changed one keeps its unchanged entries' objects", async (t) => {
  const rec = recorder();
  const rep = new Replica(rec.sink, { limits: { ...defaultLinkLimits(), catalogue: { ...defaultLinkLimits().catalogue, intervalMs: 0 } } });
  const tags = makeTags(50, ["int32"]);
  const cat = CatalogIndex.of(tags);
  const birth = (c: CatalogIndex, body: TagDef[]) => encodeFrame({ timeMs: T0, catalogHash: c.hash, body: { kind: "birth", part: 0, parts: 1, tagCount: c.size, tags: body } }, undefined);
  rep.ingest(birth(cat, tags), meta());
  t.equal(rec.catalogs.length, 1);
  const held = rep.catalog!.tags;
  // A part carrying the held catalogue's hash but a body that would not decode against it
  // (more tags than the catalogue): decoding it would throw malformed; a repeat is skipped.
  rep.ingest(birth(cat, makeTags(60, ["int32"])), meta());
  t.equal(rep.stats().births, 2, "counted as a birth");
  t.equal(rec.catalogs.length, 1, "no new catalogue");
  const changed = tags.map((d) => (d.alias === 7 ? { ...d, description: "new" } : d));
  const next = CatalogIndex.of(changed);
  rep.ingest(birth(next, changed), meta());
  t.equal(rec.catalogs.length, 2, "the changed catalogue is adopted");
  const [before, after] = [held, rep.catalog!.tags];
  t.not(after[7], before[7], "the changed entry is a new object");
  t.equal(after.filter((d, i) => d !== before[i]).length, 1, "every other entry is the previous catalogue's object");
});
