/**
 * What a key holder (SECURITY.md 3.4) can make the replica hold or do is bounded:
 * catalogue text per field, per catalogue and across assemblies, unfinished
 * catalogues expire, catalogues change at most once per interval, sample times stay
 * in a window around the receiver's clock, values fit their declared type, NaN and
 * Infinity are not served as numbers, Good values outside the EURange are flagged,
 * heartbeats are bounded at decode. Every drop is counted by reason.
 */
import t from "tap";
import type { FrameMeta, Sample, TagDef } from "../../../src/core/model.js";
import { Status } from "../../../src/core/status.js";
import { silentLogger } from "../../../src/core/log.js";
import { CatalogIndex } from "../../../src/link/catalog.js";
import { encodeFrame } from "../../../src/link/codec/index.js";
import { sluice } from "../../../src/link/codec/generated/sluice.js";
import { Drops } from "../../../src/link/drops.js";
import { defaultLinkLimits, type LinkLimits } from "../../../src/link/limits.js";
import { Replica } from "../../../src/link/replica.js";
import { recorder } from "./fixtures/pipe.js";

const NOW = Date.UTC(2026, 5, 1);
const DAY = 86_400_000;
const meta = (receivedAt = NOW, sessionId = 1n): FrameMeta => ({ sessionId, seq: 0n, keyId: 1, receivedAt });

function setup(over: (l: LinkLimits) => void = () => {}) {
  const limits = defaultLinkLimits();
  over(limits);
  const rec = recorder();
  const drops = new Drops(silentLogger);
  const rep = new Replica(rec.sink, { limits, drops });
  return { rec, rep, drops, limits };
}

function birth(tags: TagDef[], part = 0, parts = 1, hash = CatalogIndex.of(tags).hash, tagCount = tags.length): Uint8Array {
  return encodeFrame({ timeMs: NOW, catalogHash: hash, body: { kind: "birth", part, parts, tagCount, tags } }, undefined);
}

/** A delta written by hand, so values the encoder would refuse reach the wire. */
function rawDelta(cat: CatalogIndex, values: sluice.v1.Values.$Properties, timeMs = NOW): Uint8Array {
  return sluice.v1.Frame.encode({ timeMs, catalogHash: cat.hash, delta: { values } }).finish();
}

function rawHeartbeat(hb: sluice.v1.Heartbeat.$Properties): Uint8Array {
  return sluice.v1.Frame.encode({ timeMs: NOW, catalogHash: 0, heartbeat: hb }).finish();
}

const TAGS: TagDef[] = [
  { alias: 0, path: "plc/i16", type: "int16" },
  { alias: 1, path: "plc/u16", type: "uint16" },
  { alias: 2, path: "plc/flag", type: "bool" },
  { alias: 3, path: "plc/f64", type: "float64", range: [0, 100] },
  { alias: 4, path: "plc/f32", type: "float32" },
  { alias: 5, path: "plc/i32", type: "int32", range: [-10, 10] },
];

void t.test("finding 1: a birth part with a multi-megabyte description is dropped, nothing is held", async (t) => {
  const { rep, drops } = setup();
  const big = "x".repeat(4 << 20);
  const tags: TagDef[] = Array.from({ length: 4 }, (_, alias) => ({ alias, path: `a/t${alias}`, type: "float64" as const, description: big }));
  for (let i = 0; i < 250; i++) {
    // 250 different catalogues' parts, each 4 tags of 4 MiB descriptions (today: ~4 GB held)
    rep.ingest(birth([tags[0]!], 0, 4, 0x1000 + i, 4), meta());
  }
  t.equal(rep.stats().assembling, 0, "no assembly holds them");
  t.equal(rep.stats().assemblingText, 0);
  t.equal(drops.snapshot().catalogue_field, 250, "each counted");
  // A description at the limit is fine.
  const ok = [{ alias: 0, path: "a/b", type: "float64" as const, description: "d".repeat(1024), unit: "u".repeat(64) }];
  rep.ingest(birth(ok), meta());
  t.equal(rep.catalog?.size, 1, "a catalogue within the field limits is adopted");
});

void t.test("finding 1: catalogue text is bounded per catalogue and across assemblies", async (t) => {
  const { rep, drops } = setup((l) => { l.catalogue.text = 100_000; l.catalogue.assembling = 150_000; });
  const part = (hash: number, p: number): Uint8Array => {
    const tags = Array.from({ length: 40 }, (_, i): TagDef => ({ alias: p * 40 + i, path: `a/t${p * 40 + i}`, type: "float64", description: "d".repeat(1000) }));
    return birth(tags, p, 100, hash, 4000);
  };
  for (let p = 0; p < 3; p++) rep.ingest(part(0xaaaa, p), meta());
  t.equal(rep.stats().assembling, 0, "over 100,000 characters: the catalogue is dropped");
  t.equal(drops.snapshot().catalogue_text, 1);
  rep.ingest(part(0xb001, 0), meta());
  rep.ingest(part(0xb001, 1), meta());
  rep.ingest(part(0xb002, 0), meta());
  rep.ingest(part(0xb002, 1), meta());
  const text = rep.stats().assemblingText ?? 0;
  t.ok(text > 0 && text <= 150_000, `across assemblies: ${text} characters`);
  t.equal(rep.stats().assembling, 1, "the least recently fed was pushed out");
  t.equal(drops.snapshot().catalogue_evicted, 1);
});

void t.test("finding 1: an unfinished catalogue expires after limits.catalogue.lifetime without a new part", async (t) => {
  const { rep, drops, limits } = setup();
  const tags: TagDef[] = [{ alias: 0, path: "a/x", type: "int32" }, { alias: 1, path: "a/y", type: "int32" }];
  const hash = CatalogIndex.of(tags).hash;
  rep.ingest(birth([tags[0]!], 0, 2, hash, 2), meta(NOW));
  rep.ingest(birth([tags[0]!], 0, 2, hash, 2), meta(NOW + limits.catalogue.lifetimeMs - 1)); // a repeat is not new
  t.equal(rep.stats().assembling, 1, "held within its lifetime");
  rep.ingest(rawHeartbeat({ startedAt: NOW, policyHash: "p" }), meta(NOW + limits.catalogue.lifetimeMs));
  t.equal(rep.stats().assembling, 0, "dropped once idle for its lifetime");
  t.equal(drops.snapshot().catalogue_expired, 1);
  // The genuine reader's next birth cycle still completes it.
  rep.ingest(birth([tags[0]!], 0, 2, hash, 2), meta(NOW + 70_000));
  rep.ingest(birth([tags[1]!], 1, 2, hash, 2), meta(NOW + 70_001));
  t.equal(rep.catalog?.hash, hash);
});

void t.test("catalogue churn: one change per limits.catalogue.interval, the newest waiting one wins", async (t) => {
  const { rep, rec, drops, limits } = setup();
  const cat = (n: number): TagDef[] => [{ alias: 0, path: `a/v${n}`, type: "int32" }];
  let at = NOW;
  for (let n = 0; n < 1000; n++) rep.ingest(birth(cat(n)), meta(at += 1)); // a new catalogue every ms for 1 s
  t.equal(rec.catalogs.length, 1, "only the first is adopted within the interval");
  t.equal(rep.stats().pendingCatalogue, 1, "the newest waits");
  t.equal(drops.snapshot().catalogue_rate, 998, "the ones replaced while waiting are counted");
  rep.ingest(rawHeartbeat({ startedAt: NOW, policyHash: "p" }), meta(NOW + 1 + limits.catalogue.intervalMs));
  t.equal(rec.catalogs.length, 2, "the waiting one is adopted once the interval has passed");
  t.equal(rec.catalogs[1]?.tags[0]?.path, "a/v999", "and it is the newest");
});

void t.test("finding 3: sample times outside [now - maxAge, now + skew] are dropped and counted", async (t) => {
  const { rep, rec, drops, limits } = setup();
  const cat = CatalogIndex.of(TAGS);
  rep.ingest(birth(TAGS), meta());
  const Y287000 = 9_000_000_000_000_000 - NOW; // an offset to year ~287,000, beyond what a Date holds
  const frame = rawDelta(cat, {
    aliases: [0, 1, 1, 1, 1],
    ints: [1, 2, 1],
    doubles: [1],
    floats: [2],
    timeAt: [0, 1, 1, 1, 1],
    times: [Y287000, -Y287000 + limits.time.skewMs + 1, -limits.time.skewMs - 1 - limits.time.maxAgeMs - 1, limits.time.maxAgeMs - 1 + 2, 0],
  });
  rep.ingest(frame, meta());
  const got = rec.samples.flatMap((x) => x.samples);
  t.same(got.map((s) => s.alias), [3, 4], "only the samples inside the window pass");
  t.equal(drops.snapshot().time_future, 2);
  t.equal(drops.snapshot().time_past, 1);
  // History-like samples days old pass (the default maxAge is 3650 days).
  rec.samples.length = 0;
  rep.ingest(encodeFrame({ timeMs: NOW, catalogHash: cat.hash, body: { kind: "delta", samples: [{ alias: 5, value: 1, status: 0, sourceTime: NOW - 30 * DAY }] } }, cat), meta());
  t.equal(rec.samples[0]?.samples[0]?.sourceTime, NOW - 30 * DAY, "30-day-old samples are accepted");
});

void t.test("finding 6: values outside their declared type become null with BadTypeMismatch, counted", async (t) => {
  const { rep, rec, drops } = setup();
  const cat = CatalogIndex.of(TAGS);
  rep.ingest(birth(TAGS), meta());
  rep.ingest(rawDelta(cat, { firstAlias: 0, count: 3, ints: [1_000_000_000, -5, 5] }), meta());
  const got = rec.samples.flatMap((x) => x.samples);
  t.same(got.map((s) => [s.value, s.status]), [[null, Status.BadTypeMismatch], [null, Status.BadTypeMismatch], [null, Status.BadTypeMismatch]],
    "int16 of 1e9, uint16 of -5, bool of 5");
  t.equal(drops.snapshot().type_range, 3);
  rec.samples.length = 0;
  rep.ingest(rawDelta(cat, { firstAlias: 0, count: 3, ints: [-32768, 65535, 1] }), meta());
  t.same(rec.samples[0]?.samples.map((s) => [s.value, s.status]), [[-32768, 0], [65535, 0], [true, 0]], "the edges of each type pass");
});

void t.test("finding 10: NaN and Infinity are null with BadOutOfRange; Good values outside the EURange are Uncertain", async (t) => {
  const { rep, rec, drops } = setup();
  const cat = CatalogIndex.of(TAGS);
  rep.ingest(birth(TAGS), meta());
  rep.ingest(rawDelta(cat, {
    aliases: [3, 0, 0, 1, 1], doubles: [Number.NaN, Number.POSITIVE_INFINITY, 150], floats: [Number.NEGATIVE_INFINITY], ints: [11],
    statusAt: [0, 1], status: [0, (Status.BadConfigurationError << 16 | Status.BadConfigurationError >>> 16) >>> 0],
  }), meta());
  const got = rec.samples.flatMap((x) => x.samples);
  t.equal(got.length, 5);
  t.same([got[0]!.value, got[0]!.status], [null, Status.BadOutOfRange], "NaN");
  t.same([got[1]!.value, got[1]!.status], [null, Status.BadConfigurationError], "Infinity that was already Bad keeps its Bad status");
  t.same([got[2]!.value, got[2]!.status], [150, Status.BadConfigurationError], "a Bad status is not changed by the EURange");
  t.same([got[3]!.value, got[3]!.status], [null, Status.BadConfigurationError], "-Infinity (float32)");
  t.same([got[4]!.value, got[4]!.status], [11, Status.BadConfigurationError]);
  t.equal(drops.snapshot().nonfinite, 3);
  rec.samples.length = 0;
  rep.ingest(encodeFrame({ timeMs: NOW, catalogHash: cat.hash, body: { kind: "delta", samples: [
    { alias: 3, value: 150, status: 0, sourceTime: NOW },
    { alias: 5, value: -11, status: 0, sourceTime: NOW },
    { alias: 5, value: 10, status: 0, sourceTime: NOW + 1 },
    { alias: 3, value: 101, status: Status.UncertainLastUsableValue, sourceTime: NOW + 1 },
  ] } }, cat), meta());
  t.same(rec.samples[0]?.samples.map((s: Sample) => [s.alias, s.value, s.status]), [
    [3, 150, Status.UncertainEngineeringUnitsExceeded],
    [3, 101, Status.UncertainLastUsableValue],
    [5, -11, Status.UncertainEngineeringUnitsExceeded],
    [5, 10, Status.Good],
  ], "Good outside the range is flagged, inside stays Good, Uncertain keeps its own code");
});

void t.test("finding 4: heartbeats are bounded at decode: size, sources, strings, names, times", async (t) => {
  const { rep, rec, drops } = setup();
  const src = (name: string, extra: Partial<sluice.v1.Source.$Properties> = {}): sluice.v1.Source.$Properties =>
    ({ name, protocol: 1, state: 2, pollsOk: 1, pollsError: 0, overruns: 0, lastPollTime: NOW, ...extra });
  const hostile: sluice.v1.Heartbeat.$Properties[] = [
    { startedAt: NOW, policyHash: "p", sources: Array.from({ length: 1001 }, (_, i) => src(`s${i}`)) },
    { startedAt: NOW, policyHash: "p", sources: [src("s", { lastError: "e".repeat(257) })] },
    { startedAt: NOW, policyHash: "p".repeat(300) },
    { startedAt: NOW, policyHash: "p", sources: [src("bad name\"}")] },
    { startedAt: NOW, policyHash: "p", sources: [src("dup"), src("dup")] },
    { startedAt: NOW, policyHash: "p", sources: [src("a", { lastPollTime: NOW + 3_600_000 })] },
    { startedAt: NOW + 3_600_000, policyHash: "p" },
    { startedAt: NOW, policyHash: "p", blocked: Object.fromEntries(Array.from({ length: 1001 }, (_, i) => [`r${i}`, 1])) },
  ];
  for (const hb of hostile) rep.ingest(rawHeartbeat(hb), meta());
  // 100,000 sources: over limits.heartbeat.bytes before it is even decoded.
  rep.ingest(rawHeartbeat({ startedAt: NOW, policyHash: "p", sources: Array.from({ length: 100_000 }, (_, i) => src(`source${i}`)) }), meta());
  t.equal(rec.health.length, 0, "none reaches the store");
  t.same(drops.snapshot().heartbeat, 7);
  t.same(drops.snapshot().time_future, 2);
  rep.ingest(rawHeartbeat({ startedAt: NOW - 400 * DAY, policyHash: "p", sources: [src("plc-1.a_b", { lastError: "e".repeat(200) })] }), meta());
  t.equal(rec.health.length, 1, "a genuine heartbeat passes (a reader up for 400 days too)");
});

void t.test("a string value over limits.string is null with BadOutOfRange; at the limit it passes", async (t) => {
  const { rep, rec, drops, limits } = setup();
  const tags: TagDef[] = [{ alias: 0, path: "plc/text", type: "string" }];
  const cat = CatalogIndex.of(tags);
  rep.ingest(birth(tags), meta());
  rep.ingest(rawDelta(cat, { aliases: [0, 0], strings: ["x".repeat(limits.string), "y".repeat(limits.string + 1)] }), meta());
  const got = rec.samples.flatMap((x) => x.samples);
  t.equal((got[0]?.value as string).length, limits.string);
  t.same([got[1]?.value, got[1]?.status], [null, Status.BadOutOfRange]);
  t.equal(drops.snapshot().string_length, 1);
});

void t.test("drops are logged at most once a minute per reason, with the count since the last line", async (t) => {
  const lines: Record<string, unknown>[] = [];
  const log = { ...silentLogger, warn: (o: Record<string, unknown>) => { lines.push(o); } } as unknown as typeof silentLogger;
  let now = NOW;
  const drops = new Drops(log, () => now);
  for (let i = 0; i < 1000; i++) { drops.add("time_future"); now += 10; }
  drops.add("heartbeat");
  t.same(lines.map((l) => [l.reason, l.dropped]), [["time_future", 1], ["heartbeat", 1]], "one line per reason within the minute");
  now += 60_000;
  drops.add("time_future", 5);
  t.same(lines.at(-1), { ...lines.at(-1), reason: "time_future", dropped: 1004, total: 1005 });
  t.equal(drops.snapshot().time_future, 1005);
});

void t.test("history frames pass the same rules: days-old samples are kept, future ones and bad values are not", async (t) => {
  const { rec, drops } = setup();
  const histories: Sample[][] = [];
  const rep2 = new Replica({ ...rec.sink, history: (samples) => histories.push(samples) }, { drops });
  const cat = CatalogIndex.of(TAGS);
  rep2.ingest(birth(TAGS), meta());
  const from = NOW - 3 * DAY, to = NOW + 3_600_000;
  const samples: Sample[] = [
    { alias: 5, value: 1, status: 0, sourceTime: NOW - 2 * DAY },
    { alias: 5, value: 2, status: 0, sourceTime: NOW + 3_000_000 },
    { alias: 3, value: 500, status: 0, sourceTime: NOW - DAY },
  ];
  // The frame time is the (lying) reader's clock, an hour ahead; the receiver's clock is NOW.
  rep2.ingest(encodeFrame({ timeMs: to, catalogHash: cat.hash, body: { kind: "history", from, to, part: 0, parts: 1, samples } }, cat), meta());
  t.same(histories.flat().map((s) => [s.alias, s.value, s.status]), [[3, 500, Status.UncertainEngineeringUnitsExceeded], [5, 1, 0]],
    "a 2-day-old sample kept, one 50 minutes ahead dropped, the EURange flagged");
  t.equal(drops.snapshot().time_future, 1);
});
