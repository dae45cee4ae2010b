/**
 * Frame codec: every tag type round-trips exactly (64-bit extremes, NaN/Inf, empty
 * strings, nulls with Bad statuses), statuses and times survive the run coding, and
 * malformed or truncated bytes are rejected with a FrameError, never a crash.
 */
import t from "tap";
import type { Frame, ReaderHealth, Sample, TagDef, TagType } from "../../../src/core/model.js";
import { Status } from "../../../src/core/status.js";
import { CatalogIndex, catalogHash } from "../../../src/link/catalog.js";
import { decodeFrame, encodeFrame, FrameError, MAX_SAMPLES, peekFrame } from "../../../src/link/codec/index.js";
import { sluice } from "../../../src/link/codec/generated/sluice.js";

const TYPES: TagType[] = ["bool", "int16", "uint16", "int32", "uint32", "int64", "uint64", "float32", "float64", "string"];
const T0 = 1_732_000_000_123;

function catalogOf(types: TagType[]): CatalogIndex {
  return CatalogIndex.of(types.map((type, alias) => ({ alias, path: `plc/t${alias}`, type })));
}

function roundTrip(frame: Frame, cat: CatalogIndex): Frame {
  return decodeFrame(encodeFrame(frame, cat), cat);
}

function delta(cat: CatalogIndex, samples: Sample[], timeMs = T0): Frame {
  return { timeMs, catalogHash: cat.hash, body: { kind: "delta", samples } };
}

const EXTREMES: Record<TagType, unknown[]> = {
  bool: [true, false],
  int16: [-32768, 32767, 0, -1],
  uint16: [0, 65535],
  int32: [-2147483648, 2147483647],
  uint32: [0, 4294967295],
  int64: [-(1n << 63n), (1n << 63n) - 1n, 0n, -1n, 1n << 53n],
  uint64: [0n, (1n << 64n) - 1n, (1n << 63n), 1n << 53n],
  float32: [0, -0, 1.5, NaN, Infinity, -Infinity, Math.fround(3.4e38), Math.fround(1e-45)],
  float64: [Number.MAX_VALUE, Number.MIN_VALUE, NaN, Infinity, -Infinity, -0, 0.1],
  string: ["", "x", "ünïcödé ✓ 𝄞", "a".repeat(500)],
};

void t.test("every type round-trips exactly, extremes included", async (t) => {
  const types: TagType[] = [];
  const values: unknown[] = [];
  for (const type of TYPES) for (const v of EXTREMES[type]) { types.push(type); values.push(v); }
  const cat = catalogOf(types);
  const samples: Sample[] = values.map((value, alias) => ({ alias, value: value as Sample["value"], status: Status.Good, sourceTime: T0 - alias }));
  for (const kind of ["delta", "keyframe"] as const) {
    const frame: Frame = kind === "delta"
      ? delta(cat, samples)
      : { timeMs: T0, catalogHash: cat.hash, body: { kind: "keyframe", part: 0, parts: 1, samples } };
    const back = roundTrip(frame, cat);
    t.equal(back.body.kind, kind);
    const got = (back.body as { samples: Sample[] }).samples;
    t.equal(got.length, samples.length);
    for (let i = 0; i < samples.length; i++) {
      const want = samples[i] as Sample, have = got[i] as Sample;
      t.ok(Object.is(have.value, want.value), `${kind} ${types[i]} ${String(want.value)} -> ${String(have.value)}`);
      t.equal(typeof have.value, typeof want.value, `${types[i]} keeps its JS type`);
      t.equal(have.sourceTime, want.sourceTime);
      t.equal(have.alias, want.alias);
    }
  }
});

void t.test("nulls, statuses and times survive the run coding", async (t) => {
  const cat = catalogOf(["float32", "int64", "string", "bool", "float64", "uint32"]);
  const samples: Sample[] = [
    { alias: 0, value: null, status: Status.BadWaitingForInitialData, sourceTime: T0 },
    { alias: 1, value: null, status: Status.BadConfigurationError, sourceTime: T0 },
    { alias: 1, value: 5n, status: Status.UncertainLastUsableValue, sourceTime: T0 + 10 },
    { alias: 2, value: "", status: Status.Good, sourceTime: T0 - 86_400_000 * 400 },
    { alias: 3, value: null, status: 0x80000123, sourceTime: 0 },
    { alias: 4, value: 2.5, status: Status.Good, sourceTime: T0 },
    { alias: 5, value: 7, status: 0xffffffff, sourceTime: T0 },
  ];
  const back = roundTrip(delta(cat, samples), cat);
  t.same((back.body as { samples: Sample[] }).samples, samples);
  t.equal(back.timeMs, T0);
  t.equal(back.catalogHash, cat.hash);
});

void t.test("unsorted delta samples are sent in alias order, repeats oldest first", async (t) => {
  const cat = catalogOf(["int32", "int32", "int32"]);
  const samples: Sample[] = [
    { alias: 2, value: 1, status: 0, sourceTime: T0 },
    { alias: 0, value: 2, status: 0, sourceTime: T0 },
    { alias: 2, value: 3, status: 0, sourceTime: T0 + 1 },
  ];
  const got = (roundTrip(delta(cat, samples), cat).body as { samples: Sample[] }).samples;
  t.same(got.map((s) => [s.alias, s.value]), [[0, 2], [2, 1], [2, 3]]);
});

void t.test("a value that does not fit its type crosses as null with BadTypeMismatch", async (t) => {
  const cat = catalogOf(["int16", "uint64", "bool", "string", "int32"]);
  const samples: Sample[] = [
    { alias: 0, value: 40000, status: 0, sourceTime: T0 },
    { alias: 1, value: -1n, status: 0, sourceTime: T0 },
    { alias: 2, value: "yes", status: 0, sourceTime: T0 },
    { alias: 3, value: 5, status: 0, sourceTime: T0 },
    { alias: 4, value: 1.5, status: 0, sourceTime: T0 },
  ];
  const got = (roundTrip(delta(cat, samples), cat).body as { samples: Sample[] }).samples;
  for (const s of got) {
    t.equal(s.value, null);
    t.equal(s.status, Status.BadTypeMismatch);
  }
  const ok = (roundTrip(delta(cat, [{ alias: 1, value: 42, status: 0, sourceTime: T0 }]), cat).body as { samples: Sample[] }).samples;
  t.equal(ok[0]?.value, 42n, "a safe integer number becomes the uint64 bigint");
});

void t.test("birth parts and heartbeats round-trip", async (t) => {
  const tags: TagDef[] = [
    { alias: 10, path: "press1/temperature", type: "float32", unit: "degC", range: [-40, 125.5], description: "oil temperature" },
    { alias: 11, path: "press1/temp2", type: "int64" },
    { alias: 12, path: "press2/𝄞clef", type: "string", unit: "" },
    { alias: 13, path: "press2/𝄞clefs", type: "bool" },
  ];
  const frame: Frame = { timeMs: T0, catalogHash: 0xfeedbeef, body: { kind: "birth", part: 3, parts: 7, tagCount: 100, tags } };
  const back = decodeFrame(encodeFrame(frame, undefined), undefined);
  const want = structuredClone(tags);
  delete want[2]?.unit; // an empty unit is "no unit"
  t.same(back, { ...frame, body: { ...frame.body, tags: want } });

  const health = {
    startedAt: T0 - 5000,
    policyHash: "ab12",
    sources: [
      { name: "press1", protocol: "modbus" as const, state: "up" as const, lastPollTime: T0, pollsOk: 2 ** 40, pollsError: 0, overruns: 3 },
      { name: "s7", protocol: "s7" as const, state: "backoff" as const, lastPollTime: null, pollsOk: 0, pollsError: 9, overruns: 0, lastError: "ECONNREFUSED" },
    ],
    blocked: { "not-allowed": 12, "__proto__": 1 },
  };
  const hb = decodeFrame(encodeFrame({ timeMs: T0, catalogHash: 1, body: { kind: "heartbeat", health } }, undefined), undefined);
  t.equal(hb.body.kind, "heartbeat");
  const h = (hb.body as { health: ReaderHealth }).health;
  t.same(h.sources, health.sources);
  t.equal(h.blocked["not-allowed"], 12);
  t.equal(Object.getPrototypeOf(h.blocked), Object.prototype, "a __proto__ key cannot replace the prototype");
  const long = decodeFrame(encodeFrame({ timeMs: T0, catalogHash: 1, body: { kind: "heartbeat", health: { ...health, sources: [{ ...health.sources[1]!, lastError: "e".repeat(5000) }] } } }, undefined), undefined);
  t.ok(((long.body as { health: ReaderHealth }).health.sources[0]?.lastError?.length ?? 0) <= 200, "error texts are truncated");
});

void t.test("keyframes and deltas decode only with the catalogue of their hash", async (t) => {
  const cat = catalogOf(["float64"]);
  const other = catalogOf(["float64", "bool"]);
  const bytes = encodeFrame(delta(cat, [{ alias: 0, value: 1, status: 0, sourceTime: T0 }]), cat);
  t.same(peekFrame(bytes), { kind: "delta", timeMs: T0, catalogHash: cat.hash });
  for (const c of [undefined, other]) {
    t.throws(() => decodeFrame(bytes, c), { name: "FrameError", reason: "catalog", code: "SLUICE_ERR_LINK" });
  }
  t.throws(() => encodeFrame(delta(cat, [{ alias: 0, value: 1, status: 0, sourceTime: T0 }]), other), { code: "SLUICE_ERR_LINK" });
  t.throws(() => encodeFrame(delta(cat, [{ alias: 5, value: 1, status: 0, sourceTime: T0 }]), cat), { code: "SLUICE_ERR_LINK" });
});

const MALFORMED = { name: "FrameError", reason: "malformed", code: "SLUICE_ERR_LINK" };
function isMalformed(e: unknown): boolean {
  return e instanceof FrameError && e.reason === "malformed";
}

void t.test("truncated and garbled frames are rejected as malformed", async (t) => {
  const types: TagType[] = [];
  for (const type of TYPES) for (let i = 0; i < 3; i++) types.push(type);
  const cat = catalogOf(types);
  const samples: Sample[] = types.map((type, alias) => ({
    alias, status: alias % 4 === 0 ? Status.BadNoCommunication : 0, sourceTime: T0 + alias,
    value: alias % 5 === 0 ? null : (EXTREMES[type][alias % EXTREMES[type].length] as Sample["value"]),
  }));
  const bytes = encodeFrame(delta(cat, samples), cat);
  let rejected = 0;
  for (let cut = 0; cut < bytes.length; cut++) {
    try { decodeFrame(bytes.subarray(0, cut), cat); } catch (e) { if (isMalformed(e)) rejected++; else throw e; }
  }
  t.ok(rejected >= bytes.length - 2, `truncations rejected: ${rejected} of ${bytes.length}`);
  // Random corruption: anything that does not decode is a malformed FrameError, never another error.
  let seed = 7;
  const rnd = () => (seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32;
  for (let i = 0; i < 3000; i++) {
    const b = Uint8Array.from(bytes);
    for (let k = 0; k < 3; k++) b[Math.floor(rnd() * b.length)] = Math.floor(rnd() * 256);
    try { decodeFrame(b, cat); } catch (e) { if (!(e instanceof FrameError)) throw e; }
  }
  for (const junk of [new Uint8Array(0), Uint8Array.of(0xff), Uint8Array.of(0x0b, 0x0b, 0x0b), Buffer.from("not a frame at all")]) {
    t.throws(() => decodeFrame(junk, cat), MALFORMED);
    t.throws(() => peekFrame(junk), MALFORMED);
  }
});

void t.test("rule violations inside valid protobuf are malformed", async (t) => {
  const cat = catalogOf(["int32", "float32"]);
  const enc = (values: sluice.v1.Values.$Properties) =>
    sluice.v1.Frame.encode({ timeMs: T0, catalogHash: cat.hash, delta: { values } }).finish();
  const cases: Array<[string, sluice.v1.Values.$Properties]> = [
    ["column too short", { aliases: [0, 1], ints: [1] }],
    ["column too long", { aliases: [0], ints: [1, 2] }],
    ["alias beyond catalogue", { aliases: [2], ints: [1] }],
    ["contiguous beyond catalogue", { firstAlias: 1, count: 2, floats: [1, 2] }],
    ["both alias forms", { aliases: [0], count: 1, ints: [1] }],
    ["too many samples", { firstAlias: 0, count: MAX_SAMPLES + 1 }],
    ["status run beyond samples", { aliases: [0], ints: [1], statusAt: [1], status: [1] }],
    ["status runs without codes", { aliases: [0], ints: [1], statusAt: [0] }],
    ["time run beyond samples", { aliases: [0], ints: [1], timeAt: [3], times: [1] }],
    ["null run beyond samples", { aliases: [0], ints: [1], nulls: [4] }],
  ];
  for (const [name, values] of cases) t.throws(() => decodeFrame(enc(values), cat), MALFORMED, name);
  const birth = (b: sluice.v1.Birth.$Properties) => sluice.v1.Frame.encode({ timeMs: T0, catalogHash: 1, birth: b }).finish();
  t.throws(() => decodeFrame(birth({ part: 2, parts: 2, tagCount: 5 }), undefined), MALFORMED, "part >= parts");
  t.throws(() => decodeFrame(birth({ part: 0, parts: 1, tagCount: 2_000_000 }), undefined), MALFORMED, "too many tags");
  t.throws(() => decodeFrame(birth({ part: 0, parts: 2, tagCount: 5 }), undefined), MALFORMED, "empty part of a non-empty catalogue");
  t.same(decodeFrame(birth({ part: 0, parts: 1, tagCount: 0 }), undefined).body, { kind: "birth", part: 0, parts: 1, tagCount: 0, tags: [] }, "the empty catalogue");
  t.throws(() => decodeFrame(birth({ part: 0, parts: 1, tagCount: 1, tags: [{ suffix: "a/b" }] }), undefined), MALFORMED, "no type");
  t.throws(() => decodeFrame(birth({ part: 0, parts: 1, tagCount: 1, tags: [{ suffix: "b", shared: 3, type: 1 }] }), undefined), MALFORMED, "prefix too long");
  t.throws(() => decodeFrame(birth({ part: 0, parts: 1, tagCount: 1, firstAlias: 1, tags: [{ suffix: "b", type: 1 }] }), undefined), MALFORMED, "alias beyond count");
  t.throws(() => decodeFrame(sluice.v1.Frame.encode({ timeMs: T0, catalogHash: cat.hash, keyframe: { part: 1, parts: 1 } }).finish(), cat), MALFORMED, "keyframe part");
  t.throws(() => decodeFrame(sluice.v1.Frame.encode({ timeMs: T0, catalogHash: cat.hash }).finish(), cat), MALFORMED, "no body");
});

void t.test("catalogue hash is stable and covers every field", async (t) => {
  const tags: TagDef[] = [
    { alias: 0, path: "a/b", type: "float32", unit: "bar", range: [0, 10], description: "d" },
    { alias: 1, path: "a/c", type: "bool" },
  ];
  const h = catalogHash(tags);
  t.equal(h, catalogHash(structuredClone(tags)), "same input, same hash");
  // pinned: it changes only with the wire format (proto/README.md, "Catalogue hash"; reader and receiver of one version agree)
  t.equal(h, 0xd23b2eff, "hash pinned to the canonical byte encoding");
  t.equal(catalogHash([{ ...tags[0]!, unit: undefined as never }, tags[1]!]), catalogHash([{ alias: 0, path: "a/b", type: "float32", range: [0, 10], description: "d" }, tags[1]!]));
  const variants: TagDef[][] = [
    [{ ...tags[0]!, unit: "mbar" }, tags[1]!],
    [{ ...tags[0]!, range: [0, 11] }, tags[1]!],
    [{ ...tags[0]!, type: "float64" }, tags[1]!],
    [{ ...tags[0]!, description: "e" }, tags[1]!],
    [tags[0]!, { ...tags[1]!, path: "a/d" }],
    [tags[0]!],
  ];
  for (const v of variants) t.not(catalogHash(v), h);
  t.equal(CatalogIndex.of(tags).hash, h);
  t.throws(() => CatalogIndex.of([{ alias: 1, path: "x/y", type: "bool" }]), { code: "SLUICE_ERR_LINK" });
  t.throws(() => CatalogIndex.of([{ alias: 0, path: "x/y", type: "bool" }, { alias: 1, path: "x/y", type: "bool" }]), { code: "SLUICE_ERR_LINK" });
});

void t.test("catalogue entries: frozen ones are shared, others copied so a later change cannot move the hash", async (t) => {
  const range: [number, number] = [0, 10];
  Object.freeze(range);
  const frozen: TagDef = Object.freeze({ alias: 0, path: "a/b", type: "float32" as const, range });
  const openRange = Object.freeze({ alias: 1, path: "a/c", type: "float32" as const, range: [0, 5] as [number, number] });
  const plain: TagDef = { alias: 2, path: "a/d", type: "bool" };
  const idx = CatalogIndex.of([frozen, openRange, plain]);
  t.equal(idx.tags[0], frozen, "a frozen entry with a frozen range is the caller's object");
  t.not(idx.tags[1], openRange, "a frozen entry whose range can still change is copied");
  t.not(idx.tags[2], plain, "an unfrozen entry is copied");
  const h = idx.hash;
  openRange.range[1] = 6;
  plain.path = "a/e";
  t.equal(catalogHash(idx.tags), h, "changing the caller's objects leaves the catalogue and its hash alone");
  t.equal(CatalogIndex.of([frozen, openRange, plain], undefined, idx).tags[0], frozen, "an unchanged entry keeps its identity across catalogues");
});
