/**
 * History frames: every type round-trips with old source times (coded against the
 * window start), repeats of one tag stay oldest first, the window rules are enforced at
 * decode (malformed, never a crash), a frame for a catalogue not held waits in the
 * replica like a delta and comes out as "history" once the birth completes, never as
 * live samples; heartbeats carry the journal. And the carousel itself, on a fake clock:
 * it keeps to its byte rate, re-sends every journal sample, recent windows first.
 */
import t from "tap";
import type { Frame, FrameBody, FrameMeta, ReaderHealth, Sample, TagType } from "../../../src/core/model.js";
import { Status } from "../../../src/core/status.js";
import { CatalogIndex } from "../../../src/link/catalog.js";
import { decodeFrame, encodeFrame, encodeHistoryFrame, FrameError, peekFrame, peekHistory } from "../../../src/link/codec/index.js";
import { sluice } from "../../../src/link/codec/generated/sluice.js";
import { Replica, type HistoryInfo } from "../../../src/link/replica.js";
import { Publisher } from "../../../src/link/publisher.js";
import { fillBound, type HistorySource } from "../../../src/link/history.js";
import { Clock, recorder, T0 } from "./fixtures/pipe.js";

const TYPES: TagType[] = ["bool", "int16", "uint16", "int32", "uint32", "int64", "uint64", "float32", "float64", "string"];
const VALUE: Record<TagType, Sample["value"]> = {
  bool: true, int16: -7, uint16: 65535, int32: -2147483648, uint32: 4294967295, int64: -(1n << 63n), uint64: (1n << 64n) - 1n,
  float32: Math.fround(1.5), float64: NaN, string: "ünï ✓",
};
const cat = CatalogIndex.of(TYPES.map((type, alias) => ({ alias, path: `plc/t${alias}`, type })));
const FROM = T0 - 3_600_000; // an hour old: history is legitimately old

type History = Extract<FrameBody, { kind: "history" }>;
const hist = (samples: Sample[], from = FROM, to = FROM + 60_000, part = 0, parts = 1): Frame =>
  ({ timeMs: T0, catalogHash: cat.hash, body: { kind: "history", from, to, part, parts, samples } });

void t.test("history round-trips every type, old times, repeats oldest first", async (t) => {
  const samples: Sample[] = [];
  for (let a = 0; a < TYPES.length; a++) {
    for (let k = 0; k < 3; k++) samples.push({ alias: a, value: k === 1 ? null : VALUE[TYPES[a] as TagType], status: k === 1 ? Status.BadNoCommunication : 0, sourceTime: FROM + a * 1000 + k * 17 });
  }
  const bytes = encodeFrame(hist(samples), cat);
  t.equal(peekFrame(bytes).kind, "history");
  const back = decodeFrame(bytes, cat).body as History;
  t.equal(back.kind, "history");
  t.same([back.from, back.to, back.part, back.parts], [FROM, FROM + 60_000, 0, 1]);
  t.equal(back.samples.length, samples.length);
  for (let i = 0; i < samples.length; i++) {
    const w = samples[i] as Sample, h = back.samples[i] as Sample;
    t.ok(Object.is(h.value, w.value) && h.status === w.status && h.sourceTime === w.sourceTime && h.alias === w.alias, `sample ${i} (${TYPES[w.alias]})`);
  }
  t.ok(bytes.length < samples.length * 16, `${bytes.length} bytes for ${samples.length} samples an hour old (64-bit extremes included)`);
  const fast = encodeHistoryFrame(samples, 0, samples.length, cat, T0, FROM, FROM + 60_000, 0, 1);
  t.same(Buffer.from(fast), Buffer.from(bytes), "the carousel's hot-path encoder writes the same bytes");
});

void t.test("decode refuses a broken window as malformed", async (t) => {
  const PB = sluice.v1;
  const raw = (h: sluice.v1.History.$Properties, timeMs = T0) => PB.Frame.encode({ timeMs, catalogHash: cat.hash, history: h }).finish();
  const bad: Array<[string, Uint8Array]> = [
    ["from = to", raw({ fromMs: FROM, toMs: FROM, part: 0, parts: 1 })],
    ["to after the frame time", raw({ fromMs: FROM, toMs: T0 + 1, part: 0, parts: 1 })],
    ["part >= parts", raw({ fromMs: FROM, toMs: FROM + 10, part: 1, parts: 1 })],
    ["no parts", raw({ fromMs: FROM, toMs: FROM + 10, part: 0, parts: 0 })],
    ["a sample at to", raw({ fromMs: FROM, toMs: FROM + 10, part: 0, parts: 1, values: { firstAlias: 0, count: 1, ints: [1], timeAt: [0], times: [10] } })],
    ["a sample before from", raw({ fromMs: FROM, toMs: FROM + 10, part: 0, parts: 1, values: { firstAlias: 0, count: 1, ints: [1], timeAt: [0], times: [-1] } })],
  ];
  const reason = (f: () => unknown): string => {
    try { f(); return "none"; } catch (e) { return e instanceof FrameError ? e.reason : `other: ${String(e)}`; }
  };
  for (const [why, bytes] of bad) t.equal(reason(() => decodeFrame(bytes, cat)), "malformed", why);
  t.equal(reason(() => decodeFrame(raw({ fromMs: FROM, toMs: FROM + 10, part: 0, parts: 1 }), undefined)), "catalog", "no catalogue: waits, not malformed");
  t.equal(reason(() => decodeFrame(raw({ fromMs: FROM, toMs: FROM + 10, part: 0, parts: 1 }), cat)), "none", "a sane empty window decodes");
  t.throws(() => encodeFrame(hist([{ alias: 0, value: true, status: 0, sourceTime: FROM + 60_000 }]), cat), { code: "SLUICE_ERR_LINK" }, "the encoder refuses a sample outside its window");
});

void t.test("the replica holds history for a catalogue not yet complete, then emits it, never as live samples", async (t) => {
  const r = recorder();
  const got: Array<{ samples: Sample[]; info: HistoryInfo }> = [];
  const replica = new Replica({ ...r.sink, history: (samples, info) => got.push({ samples, info }) });
  const meta: FrameMeta = { sessionId: 5n, seq: 1n, keyId: 1, receivedAt: T0 };
  const samples = [{ alias: 3, value: 42, status: 0, sourceTime: FROM + 5 }];
  replica.ingest(encodeFrame(hist(samples, FROM, FROM + 100, 1, 2), cat), meta);
  t.equal(got.length, 0, "held while the birth is missing");
  replica.ingest(encodeFrame({ timeMs: T0, catalogHash: cat.hash, body: { kind: "birth", part: 0, parts: 1, tagCount: cat.size, tags: [...cat.tags] } }, undefined), meta);
  t.equal(got.length, 1, "emitted once the catalogue completed");
  t.same(got[0]?.samples, samples);
  t.same({ ...got[0]?.info, meta: undefined }, { from: FROM, to: FROM + 100, part: 1, parts: 2, frameTime: T0, meta: undefined });
  replica.ingest(encodeFrame(hist(samples, FROM, FROM + 100, 0, 2), cat), meta);
  t.equal(got.length, 2, "and applied at once when held");
  t.equal(r.samples.length, 0, "never as live samples");
  t.equal(r.get(3)?.value, null, "no live value was delivered downstream");
});

void t.test("peekHistory reads a part's window and names its body: a re-send at another frame time has the same digest", async (t) => {
  const samples = [{ alias: 3, value: 42, status: 0, sourceTime: FROM + 5 }, { alias: 4, value: 7, status: 0, sourceTime: FROM + 9 }];
  const at = (timeMs: number, s = samples, part = 0, parts = 2, to = FROM + 100) => encodeHistoryFrame(s, 0, s.length, cat, timeMs, FROM, to, part, parts);
  const head = peekHistory(at(T0));
  t.same({ ...head, digest: undefined }, { from: FROM, to: FROM + 100, part: 0, parts: 2, digest: undefined });
  t.not(Buffer.from(at(T0)).equals(Buffer.from(at(T0 + 5000))), "the frames differ (frame time)");
  t.equal(peekHistory(at(T0 + 5000)).digest, head.digest, "an exact re-send: the same digest");
  const others = [
    at(T0, [samples[0]!, { ...samples[1]!, value: 8 }]), at(T0, [samples[0]!, { ...samples[1]!, sourceTime: FROM + 10 }]),
    at(T0, [samples[0]!, { ...samples[1]!, status: Status.UncertainLastUsableValue }]), at(T0, samples.slice(0, 1)),
    at(T0, samples, 1), at(T0, samples, 0, 3), at(T0, samples, 0, 2, FROM + 101),
  ];
  t.equal(new Set([head.digest, ...others.map((b) => peekHistory(b).digest)]).size, others.length + 1, "a value, time, status, sample, part or window changed: another digest");

  const PB = sluice.v1;
  const raw = (h: sluice.v1.History.$Properties) => PB.Frame.encode({ timeMs: T0, catalogHash: cat.hash, history: h }).finish();
  const reason = (bytes: Uint8Array): string => {
    try { peekHistory(bytes); return "none"; } catch (e) { return e instanceof FrameError ? e.reason : `other: ${String(e)}`; }
  };
  const bad: Array<[string, Uint8Array]> = [
    ["from = to", raw({ fromMs: FROM, toMs: FROM, part: 0, parts: 1 })],
    ["to after the frame time", raw({ fromMs: FROM, toMs: T0 + 1, part: 0, parts: 1 })],
    ["part >= parts", raw({ fromMs: FROM, toMs: FROM + 10, part: 1, parts: 1 })],
    ["no parts", raw({ fromMs: FROM, toMs: FROM + 10, part: 0, parts: 0 })],
    ["a delta", encodeFrame({ timeMs: T0, catalogHash: cat.hash, body: { kind: "delta", samples } }, cat)],
    ["cut short", at(T0).subarray(0, 20)],
  ];
  for (const [why, bytes] of bad) t.equal(reason(bytes), "malformed", why);
  t.equal(reason(raw({ fromMs: FROM, toMs: FROM + 10, part: 0, parts: 1 })), "none", "a sane empty window");
});

void t.test("a part the sink says it merged is passed on as a repeat, its samples not decoded", async (t) => {
  const r = recorder();
  const got: Array<{ samples: Sample[]; info: HistoryInfo }> = [];
  const merged = new Set<string>();
  const asked: string[] = [];
  const replica = new Replica({
    ...r.sink,
    history: (samples, info) => { got.push({ samples, info }); if (info.digest && !info.repeat) merged.add(`${info.meta.sessionId}:${info.digest}`); },
    historyKnown: (session, digest) => { asked.push(digest); return merged.has(`${session}:${digest}`); },
  });
  const meta = (sessionId = 5n): FrameMeta => ({ sessionId, seq: 1n, keyId: 1, receivedAt: T0 });
  replica.ingest(encodeFrame({ timeMs: T0, catalogHash: cat.hash, body: { kind: "birth", part: 0, parts: 1, tagCount: cat.size, tags: [...cat.tags] } }, undefined), meta());
  const samples = [{ alias: 3, value: 42, status: 0, sourceTime: FROM + 5 }];
  const part = (timeMs: number) => encodeHistoryFrame(samples, 0, 1, cat, timeMs, FROM, FROM + 100, 0, 1);
  replica.ingest(part(T0 - 2000), meta());
  t.same(got[0]?.samples, samples, "first copy decoded");
  t.ok(got[0]?.info.digest && !got[0]?.info.repeat, "and named by its digest");
  replica.ingest(part(T0 - 1000), meta());
  t.same(got[1]?.samples, [], "the re-send: no samples");
  t.same({ ...got[1]?.info, meta: undefined }, { from: FROM, to: FROM + 100, part: 0, parts: 1, frameTime: T0 - 1000, meta: undefined, digest: got[0]?.info.digest, repeat: true },
    "its window and part still arrive (the sink tracks segment coverage)");
  t.equal(replica.stats().historyRepeats, 1);
  t.equal(replica.stats().historySamples, 1, "only the first copy's samples were decoded");
  t.equal(replica.stats().histories, 2);
  replica.ingest(part(T0), meta(6n));
  t.same(got[2]?.samples, samples, "another session: decoded again");

  // a part the screen cut (a sample beyond the clock skew) is not named: it may pass later
  const ahead = [{ alias: 3, value: 1, status: 0, sourceTime: T0 + 600_000 }];
  const later = T0 + 700_000;
  replica.ingest(encodeHistoryFrame(ahead, 0, 1, cat, later, T0, later, 0, 1), meta(6n));
  t.same(got[3]?.samples, [], "the future sample was screened out");
  t.equal(got[3]?.info.digest, undefined, "and the part carries no digest");
  t.equal(asked.length, 4, "the sink was asked before each decode");
});

void t.test("heartbeats carry the journal", async (t) => {
  const base: ReaderHealth = { startedAt: T0, policyHash: "x", sources: [], blocked: {} };
  const rt = (h: ReaderHealth) => (decodeFrame(encodeFrame({ timeMs: T0, catalogHash: 0, body: { kind: "heartbeat", health: h } }, undefined), undefined).body as { health: ReaderHealth }).health;
  t.equal(rt(base).journal, undefined, "absent when the reader has none");
  t.same(rt({ ...base, journal: { from: FROM, samples: 123456, bytes: 9_876_543, degraded: true } }).journal, { from: FROM, samples: 123456, bytes: 9_876_543, degraded: true });
  t.same(rt({ ...base, journal: { from: null, samples: 0, bytes: 0, degraded: false } }).journal, { from: null, samples: 0, bytes: 0, degraded: false }, "empty: from null");
});

/** A journal in memory: every tag changes every second from `start` for `seconds`. */
function fakeJournal(c: CatalogIndex, start: number, seconds: number): HistorySource & { all: Sample[] } {
  const all: Sample[] = [];
  for (let s = 0; s < seconds; s++) for (let a = 0; a < c.size; a++) all.push({ alias: a, value: s * 1000 + a, status: 0, sourceTime: start + s * 1000 + (a % 7) });
  return {
    all,
    span: () => ({ from: start, samples: all.length }),
    read: (from, to) => all.filter((x) => x.sourceTime >= from && x.sourceTime < to),
  };
}

void t.test("the carousel keeps to its rate, re-sends every sample, recent past first", async (t) => {
  const clock = new Clock();
  const c = CatalogIndex.of(Array.from({ length: 200 }, (_, alias) => ({ alias, path: `p/t${alias}`, type: "int32" as TagType })));
  const journal = fakeJournal(c, T0 - 300_000, 300); // 5 min of 200 tags at 1 Hz
  const rate = 200_000;
  let bytes = 0;
  const seen = new Set<string>();
  const firstSeen: number[] = [];
  const pub = new Publisher({
    maxPayload: 1328, carouselRate: 1e9, keyframeMs: 1e9, birthMs: 1e9, heartbeatMs: 1e9, flushMs: 5, now: clock.now,
    history: { source: journal, rate },
    send: (b, kind) => {
      if (kind !== "history") return true;
      bytes += b.length;
      const f = decodeFrame(b, c).body as History;
      for (const s of f.samples) {
        const k = `${s.alias}@${s.sourceTime}`;
        if (!seen.has(k)) { seen.add(k); firstSeen.push(s.sourceTime); }
      }
      return true;
    },
  });
  pub.setCatalog([...c.tags]);
  for (let i = 0; i < 200; i++) { clock.t += 10; pub.tick(); } // startup: birth and keyframe
  bytes = 0;
  const t0 = clock.t;
  for (let i = 0; i < 6000; i++) { clock.t += 10; pub.tick(); } // 60 s
  const secs = (clock.t - t0) / 1000;
  t.ok(bytes <= rate * secs * 1.02 + 4 * 1328, `spent ${Math.round(bytes / secs)} B/s of ${rate}`);
  const settled = journal.all.filter((s) => s.sourceTime < clock.t - 2000);
  t.equal(settled.filter((s) => !seen.has(`${s.alias}@${s.sourceTime}`)).length, 0, `all ${settled.length} journal samples re-sent within 60 s`);
  const firstMinute = firstSeen.slice(0, 200 * 60);
  t.ok(firstMinute.every((x) => x >= T0 - 120_000), "the first 12,000 samples re-sent were the most recent ones");
  const st = pub.stats();
  t.ok((st.historySweeps ?? 0) >= 3, `tiers swept (${st.historySweeps} sweeps)`);
});

void t.test("the carousel re-sends a settled part byte for byte, so its digest names it sweep after sweep", async (t) => {
  const clock = new Clock();
  const c = CatalogIndex.of(Array.from({ length: 200 }, (_, alias) => ({ alias, path: `p/t${alias}`, type: "int32" as TagType })));
  const journal = fakeJournal(c, T0 - 120_000, 120);
  const digests = new Map<string, Set<string>>();
  let frames = 0;
  const pub = new Publisher({
    maxPayload: 1328, carouselRate: 1e9, keyframeMs: 1e9, birthMs: 1e9, heartbeatMs: 1e9, flushMs: 5, now: clock.now,
    history: { source: journal, rate: 400_000 },
    send: (b, kind) => {
      if (kind !== "history") return true;
      frames++;
      const h = peekHistory(b);
      const key = `${h.from}-${h.to}:${h.part}/${h.parts}`;
      const set = digests.get(key) ?? new Set<string>();
      digests.set(key, set.add(h.digest));
      return true;
    },
  });
  pub.setCatalog([...c.tags]);
  for (let i = 0; i < 6000; i++) { clock.t += 10; pub.tick(); } // 60 s, the journal no longer growing
  const sent = [...digests.values()];
  t.ok(frames > 2 * digests.size, `${frames} history frames for ${digests.size} distinct parts: parts are re-sent`);
  t.equal(sent.filter((d) => d.size > 1).length, 0, "every re-send of a part has the digest of its first send");
});

void t.test("a slow journal (wide windows) still fills a cut within the bound, not at the next window boundary", async (t) => {
  const clock = new Clock();
  clock.t = T0 + 7_300; // not on any boundary
  const c = CatalogIndex.of([{ alias: 0, path: "p/slow", type: "float64" }]);
  const all: Sample[] = [];
  const source: HistorySource = {
    span: () => (all.length ? { from: T0, samples: all.length } : null),
    read: (from, to) => all.filter((x) => x.sourceTime >= from && x.sourceTime < to),
  };
  let receiving = true;
  const arrived = new Map<number, number>();
  const pub = new Publisher({
    maxPayload: 1328, carouselRate: 1e6, keyframeMs: 1e9, birthMs: 1e9, heartbeatMs: 1e9, flushMs: 5, now: clock.now,
    history: { source, rate: 10_000 },
    send: (b, kind) => {
      if (!receiving || kind !== "history") return true;
      for (const s of (decodeFrame(b, c).body as History).samples) if (!arrived.has(s.sourceTime)) arrived.set(s.sourceTime, clock.t);
      return true;
    },
  });
  pub.setCatalog([...c.tags]);
  const run = (ms: number) => { for (let end = clock.t + ms; clock.t < end;) { clock.t += 10; if ((clock.t - T0) % 10_000 === 0) all.push({ alias: 0, value: clock.t, status: 0, sourceTime: clock.t }); pub.tick(); } };
  run(120_000);
  receiving = false;
  const cutFrom = clock.t;
  run(20_000);
  receiving = true;
  const cutEnd = clock.t;
  run(30_000);
  const inCut = all.filter((s) => s.sourceTime >= cutFrom && s.sourceTime < cutEnd);
  t.equal(inCut.length, 2, "two samples during the 20 s cut");
  const late = Math.max(...inCut.map((s) => (arrived.get(s.sourceTime) ?? Infinity) - cutEnd));
  const bound = fillBound({ historyRate: 10_000, bytesPerSecond: 2, cutMs: 20_000, retainMs: 600_000 }) as number;
  t.ok(late <= bound, `filled ${late} ms after the cut (bound ${Math.round(bound)} ms; windows are 60 s wide here)`);
});
