/**
 * The slab of first ring blocks: blocks never overlap, a released block is reused
 * before a new one is carved, and rings that share a slab never see each other's
 * samples, through growth past the first block, clear() and a store dropping a tag.
 */
import t from "tap";
import { Slab } from "../../../src/receiver/history/slab.js";
import { HistoryRing, INITIAL, ringSlab } from "../../../src/receiver/history/ring.js";
import { MemoryHistory } from "../../../src/receiver/history/memory.js";
import { Status } from "../../../src/core/status.js";

void t.test("blocks are disjoint, pages fill in turn, released blocks come back first", async (t) => {
  const s = new Slab(3, 4);
  t.equal(s.inUse, 0);
  t.equal(s.bytes, 0, "no page before the first block");
  const hs = Array.from({ length: 6 }, () => s.alloc());
  t.equal(new Set(hs).size, 6);
  t.equal(s.inUse, 6);
  t.equal(s.bytes, 2 * 4 * 3 * 8, "two pages of four blocks");
  const spans = new Set<string>();
  for (const h of hs) {
    const page = s.page(h);
    const o = s.offset(h);
    t.ok(o >= 0 && o + 3 <= page.length, "inside its page");
    for (let k = 0; k < 3; k++) spans.add(`${hs.indexOf(h) < 4 ? 0 : 1}:${o + k}`);
    page.fill(h + 1, o, o + 3);
  }
  t.equal(spans.size, 18, "no element is in two blocks");
  for (const h of hs) t.same([...s.page(h).subarray(s.offset(h), s.offset(h) + 3)], [h + 1, h + 1, h + 1], "each block kept what was written to it");
  s.release(hs[1]!);
  s.release(hs[4]!);
  t.equal(s.inUse, 4);
  t.equal(s.alloc(), hs[4], "last released, first reused");
  t.equal(s.alloc(), hs[1]);
  t.equal(s.bytes, 64 * 3, "no new page while released blocks remain");
  t.throws(() => new Slab(0), RangeError);
  t.throws(() => new Slab(3, 1.5), RangeError);
});

void t.test("rings sharing a slab keep their own samples through growth and clear", async (t) => {
  const slab = ringSlab();
  const types = ["float64", "bool", "int64", "string", "uint16"] as const;
  const value = (type: (typeof types)[number], i: number) =>
    type === "bool" ? i % 2 === 0 : type === "int64" ? -(2n ** 62n) - BigInt(i) : type === "string" ? `s${i}` : i * 1.25;
  const rings = types.map((type) => new HistoryRing(type, 20, slab));
  for (let i = 0; i < 5; i++) rings.forEach((r, k) => r.append(value(types[k]!, i), i === 3 ? Status.BadNoCommunication : Status.Good, 1000 + i));
  t.equal(slab.inUse, types.length, "one first block each");
  // the first ring outgrows its block; a new ring takes the block it gave back
  for (let i = 5; i < 12; i++) rings[0]!.append(value("float64", i), Status.Good, 1000 + i);
  t.equal(slab.inUse, types.length - 1, "the grown ring gave its block back");
  const late = new HistoryRing("float64", 20, slab);
  for (let i = 0; i < INITIAL; i++) late.append(-i, Status.UncertainLastUsableValue, 5000 + i);
  t.equal(slab.inUse, types.length);
  t.same(rings[0]!.query().map((s) => s.value), Array.from({ length: 12 }, (_, i) => i * 1.25), "the grown ring's samples, copied in order");
  rings.slice(1).forEach((r, j) => {
    const type = types[j + 1]!;
    t.same(r.query(), Array.from({ length: 5 }, (_, i) => ({
      value: value(type, i), status: i === 3 ? Status.BadNoCommunication : Status.Good, sourceTime: 1000 + i,
    })), `${type}: untouched by its neighbours`);
  });
  t.same(late.query().map((s) => [s.value, s.status]), Array.from({ length: INITIAL }, (_, i) => [-i, Status.UncertainLastUsableValue]));
  rings[1]!.clear();
  t.equal(slab.inUse, types.length - 1, "clear gives the block back");
  t.same(rings[1]!.query(), []);
  rings[1]!.append(null, Status.BadWaitingForInitialData, 1);
  t.same(rings[1]!.query(), [{ value: null, status: Status.BadWaitingForInitialData, sourceTime: 1 }], "a cleared ring starts again");
});

void t.test("a memory history gives a dropped or reset tag's block back", async (t) => {
  const slab = ringSlab();
  const h = new MemoryHistory(100, slab);
  for (let i = 0; i < 10; i++) h.append({ path: `s/t${i}`, type: "float64" }, i, Status.Good, 1);
  t.equal(slab.inUse, 10);
  h.drop("s/t0");
  h.reset({ path: "s/t1", type: "float64" });
  t.equal(slab.inUse, 8);
  t.same(h.query({ path: "s/t0", type: "float64" }, {}), []);
  h.append({ path: "s/t1", type: "int16" }, 7, Status.Good, 2);
  t.same(h.query({ path: "s/t1", type: "int16" }, {}).map((s) => s.value), [7], "a reset tag starts a new ring");
  t.same(h.query({ path: "s/t9", type: "float64" }, {}).map((s) => s.value), [9]);
  h.close();
  t.equal(slab.inUse, 0);
});

void t.test("a kept key finds its ring without the path; drop, reset and another store stay right", async (t) => {
  const h = new MemoryHistory(10);
  const kept: { path: string; type: "float64" | "int16"; slot?: unknown } = { path: "s/a", type: "float64", slot: undefined };
  h.append(kept, 1, Status.Good, 1);
  t.ok(kept.slot, "the store took the key's slot");
  h.append({ path: "s/a", type: "float64" }, 2, Status.Good, 2);
  h.append(kept, 3, Status.Good, 3);
  t.same(h.query(kept, {}).map((s) => s.value), [1, 2, 3], "one ring, by key or by path");
  t.same(h.query({ path: "s/a", type: "float64" }, {}).map((s) => s.value), [1, 2, 3]);

  h.drop("s/a");
  t.equal(kept.slot, undefined, "a dropped tag's key lets go of its ring");
  h.append(kept, 4, Status.Good, 4);
  t.same(h.query({ path: "s/a", type: "float64" }, {}).map((s) => s.value), [4], "a new ring, found by path too");
  t.equal(h.stats().samples, 1, "and counted");

  kept.type = "int16";
  h.reset(kept);
  h.append(kept, 5, Status.Good, 5);
  t.same(h.query(kept, {}), [{ value: 5, status: Status.Good, sourceTime: 5 }], "after a reset, the new type's ring");

  const other = new MemoryHistory(10);
  other.append(kept, 6, Status.Good, 6);
  t.same(other.query({ path: "s/a", type: "int16" }, {}).map((s) => s.value), [6], "another store keeps its own ring");
  t.same(h.query({ path: "s/a", type: "int16" }, {}).map((s) => s.value), [5], "and this one's is untouched");
  h.close();
  t.same(h.query({ path: "s/a", type: "int16" }, {}), []);
});
