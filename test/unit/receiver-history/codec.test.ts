import t, { type Test } from "tap";
import type { TagType, Value } from "../../../src/core/model.js";
import { decodeBlock, decodeRange, encodeBlock, type Column } from "../../../src/receiver/history/codec.js";

function roundTrip(t: Test, type: TagType, c: Column, what: string): number {
  const b = encodeBlock(type, c);
  const d = decodeBlock(type, b);
  t.same(d.t, c.t, `${what}: times`);
  t.same(d.s, c.s.map((x) => x >>> 0), `${what}: statuses`);
  t.equal(d.v.length, c.v.length);
  let ok = true;
  for (let i = 0; i < c.v.length; i++) if (!Object.is(d.v[i], c.v[i]) && d.v[i] !== c.v[i]) ok = false;
  t.ok(ok, `${what}: values exact`);
  return b.length / c.t.length;
}

function col(n: number, f: (i: number) => Value, step = 1000, jitter = 0): Column {
  const c: Column = { t: [], s: [], v: [] };
  let t0 = 1_700_000_000_000;
  for (let i = 0; i < n; i++) {
    t0 += step + (jitter ? ((i * 7919) % (2 * jitter + 1)) - jitter : 0);
    c.t.push(t0); c.s.push(i % 200 === 199 ? 0x80000000 : 0); c.v.push(i % 200 === 199 ? null : f(i));
  }
  return c;
}

void t.test("every value kind round-trips exactly", async (t) => {
  roundTrip(t, "float64", col(500, (i) => Math.round(2000 + Math.sin(i / 50) * 300) / 100), "decimal float64");
  roundTrip(t, "float64", col(500, (i) => Math.sin(i) * 1e6 + Math.PI, 1000, 5), "noisy float64 (XOR)");
  roundTrip(t, "float32", col(500, (i) => Math.fround(14.369775 + i * 0.001)), "float32 (XOR on 32 bits)");
  roundTrip(t, "float64", col(50, (i) => [NaN, Infinity, -Infinity, -0, 5e-324, Number.MAX_VALUE][i % 6]!), "specials");
  roundTrip(t, "int32", col(500, (i) => (i * 37) % 1000 - 500), "int32");
  roundTrip(t, "bool", col(300, (i) => i % 3 === 0), "bool");
  roundTrip(t, "int64", col(300, (i) => -(2n ** 62n) + BigInt(i) * 12345678901n), "int64");
  roundTrip(t, "uint64", col(300, (i) => 2n ** 64n - 1n - BigInt(i)), "uint64");
  roundTrip(t, "string", col(300, (i) => (i % 10 < 5 ? "run" : `state ${i} é`)), "string");
  roundTrip(t, "float64", { t: [1.5, 2.25, 3], s: [0, 0, 0], v: [1, 2, 3] }, "fractional times");
  roundTrip(t, "float64", { t: [], s: [], v: [] }, "empty");
});

void t.test("slowly changing numeric tags cost well under 4 bytes a sample", async (t) => {
  const slow = roundTrip(t, "float64", col(1024, (i) => Math.round(2000 + Math.sin(i / 100) * 50) / 100, 1000, 20), "1 Hz, 2 decimals, jittered times");
  t.ok(slow < 3, `${slow.toFixed(2)} B/sample`);
  const counter = roundTrip(t, "uint32", col(1024, (i) => i * 3), "counter");
  t.ok(counter < 2, `${counter.toFixed(2)} B/sample`);
});

void t.test("a truncated block throws instead of inventing samples", async (t) => {
  const b = encodeBlock("float64", col(100, (i) => i / 10));
  t.throws(() => decodeBlock("float64", b.subarray(0, b.length - 20)), RangeError);
  t.throws(() => decodeBlock("float64", Buffer.from([9, 0, 0])), /version/);
});

void t.test("a range decodes to exactly the samples a full decode has in that range", async (t) => {
  const kinds: [TagType, Column][] = [
    ["float64", col(700, (i) => Math.round(2000 + Math.sin(i / 50) * 300) / 100, 1000, 7)],
    ["float64", col(700, (i) => Math.sin(i) * 1e6 + Math.PI)],
    ["float32", col(700, (i) => Math.fround(14.369775 + i * 0.001))],
    ["bool", col(700, (i) => i % 3 === 0)],
    ["int64", col(700, (i) => -(2n ** 62n) + BigInt(i) * 12345678901n)],
    ["string", col(700, (i) => (i % 10 < 5 ? "run" : `state ${i % 20} é`))],
    ["float64", { t: [1.5, 2.25, 3], s: [0, 0, 0], v: [1, 2, 3] }],
  ];
  let rnd = 7;
  const rand = () => ((rnd = (rnd * 1103515245 + 12345) >>> 0) / 2 ** 32);
  for (const [type, c] of kinds) {
    const b = encodeBlock(type, c);
    const full = decodeBlock(type, b);
    const lo = c.t[0]!, span = c.t[c.t.length - 1]! - lo;
    const ranges: [number, number][] = [[-Infinity, Infinity], [lo - 10, lo - 1], [lo + span + 1, Infinity], [lo, lo], [lo + span, lo + span]];
    for (let k = 0; k < 40; k++) {
      const a = lo - 5 + rand() * (span + 10), d = rand() * span * 0.6;
      ranges.push([Math.floor(a), Math.floor(a + d)]);
    }
    for (const [from, to] of ranges) {
      const r = decodeRange(type, b, from, to);
      const idx = full.t.map((x, i) => (x >= from && x <= to ? i : -1)).filter((i) => i >= 0);
      t.same(r.t, idx.map((i) => full.t[i]), `${type} [${from}, ${to}]: times`);
      t.same(r.s, idx.map((i) => full.s[i]), `${type} [${from}, ${to}]: statuses`);
      t.same(r.v, idx.map((i) => full.v[i]), `${type} [${from}, ${to}]: values`);
      t.equal(r.before, full.t.some((x) => x < from), "before");
      t.equal(r.after, full.t.some((x) => x > to), "after");
    }
  }
});
