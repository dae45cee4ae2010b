/** The store-and-forward buffer: order, types, bounds (oldest dropped and counted), recovery after a restart. */
import t from "tap";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { StoreForward, type Row } from "../../../src/receiver/mqtt/buffer.js";

const row = (i: number): Row => ["p/x", "int32", i, 0, 1_700_000_000_000 + i];

async function drain(b: StoreForward): Promise<Row[]> {
  const out: Row[] = [];
  for (let batch = await b.shift(); batch; batch = await b.shift()) for (const x of batch) out.push(...x.rows);
  return out;
}

for (const mode of ["memory", "disk"] as const) {
  void t.test(`${mode}: order and value types survive`, async (t) => {
    const dir = mkdtempSync(join(tmpdir(), "sluice-sf-"));
    t.teardown(() => rmSync(dir, { recursive: true, force: true }));
    const b = new StoreForward(mode === "disk" ? dir : null, 1 << 20);
    b.append([["p/a", "int64", -(2n ** 62n), 0, 1], ["p/b", "uint64", 2n ** 64n - 1n, 0, 2], ["p/c", "float64", Number.NaN, 0, 3],
      ["p/d", "float32", Number.NEGATIVE_INFINITY, 0, 4], ["p/e", "bool", true, 0, 5], ["p/f", "string", "x\n\ty", 0, 6], ["p/g", "float64", null, 0x80320000, 7]], 10);
    for (let i = 0; i < 100; i++) b.append([row(i)], 11 + i);
    t.equal(b.values, 107);
    const got = await drain(b);
    t.same(got.slice(0, 2).map((r) => r[2]), [-(2n ** 62n), 2n ** 64n - 1n], "64-bit integers exact");
    t.ok(Number.isNaN(got[2]![2]), "NaN kept");
    t.equal(got[3]![2], Number.NEGATIVE_INFINITY);
    t.equal(got[4]![2], true);
    t.equal(got[5]![2], "x\n\ty", "a newline in a string does not break a line");
    t.same(got[6], ["p/g", "float64", null, 0x80320000, 7]);
    t.same(got.slice(7).map((r) => r[2]), Array.from({ length: 100 }, (_, i) => i), "in order");
    t.equal(b.values, 0);
    t.equal(b.bytes, 0);
    if (mode === "disk") t.same(readdirSync(dir), [], "segment files removed once replayed");
  });

  void t.test(`${mode}: a full buffer drops the oldest and counts them`, async (t) => {
    const dir = mkdtempSync(join(tmpdir(), "sluice-sf-"));
    t.teardown(() => rmSync(dir, { recursive: true, force: true }));
    const max = 64 * 1024;
    const b = new StoreForward(mode === "disk" ? dir : null, max);
    for (let i = 0; i < 5000; i++) b.append([row(i)], i);
    t.ok(b.bytes <= max, `bounded: ${b.bytes} <= ${max}`);
    t.ok(b.dropped > 0, `${b.dropped} oldest values dropped`);
    t.equal(b.dropped + b.values, 5000, "every value is either kept or counted");
    const got = (await drain(b)).map((r) => r[2] as number);
    t.equal(got[got.length - 1], 4999, "the newest kept");
    t.equal(got[0], b.dropped, "the oldest dropped first");
    t.ok(got.every((v, i) => i === 0 || v === got[i - 1]! + 1), "no hole in what is kept");
  });
}

void t.test("disk: a restart replays what was left, and a torn last line is counted, not thrown", async (t) => {
  const dir = mkdtempSync(join(tmpdir(), "sluice-sf-"));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const a = new StoreForward(dir, 1 << 20);
  for (let i = 0; i < 10; i++) a.append([row(i)], i);
  a.close();
  const { appendFileSync } = await import("node:fs");
  appendFileSync(join(dir, readdirSync(dir)[0]!), "3\t{\"t\":1,\"u\":[[\"p/x\"");
  const b = new StoreForward(dir, 1 << 20);
  t.equal(b.values, 13, "counted from the files");
  const got = await drain(b);
  t.same(got.map((r) => r[2]), Array.from({ length: 10 }, (_, i) => i));
  t.equal(b.dropped, 3, "the torn line's values counted as dropped");
});
