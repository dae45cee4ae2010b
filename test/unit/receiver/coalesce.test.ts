import t from "tap";
import { setImmediate as tick } from "node:timers/promises";
import { Coalescer } from "../../../src/receiver/coalesce.js";

interface Rec { id: number; value: number }

void t.test("while the consumer keeps up, every update is applied at once, in order", async (t) => {
  const seen: string[] = [];
  const c = new Coalescer<Rec>((r) => seen.push(`${r.id}=${r.value}`), { budgetMs: 1000 });
  const a = { id: 1, value: 1 };
  c.add([a, { id: 2, value: 1 }]);
  a.value = 2;
  c.add([a]);
  t.same(seen, ["1=1", "2=1", "1=2"], "no change lost when there is no overload");
  t.equal(c.size, 0);
  t.equal(c.superseded, 0);
  t.equal(c.lagMs(), 0);
});

void t.test("once a turn's budget is spent, updates wait and a tag updated again is applied once, with its newest value", async (t) => {
  let now = 1_000_000;
  const seen: string[] = [];
  const c = new Coalescer<Rec>((r) => { seen.push(`${r.id}=${r.value}`); now += 1; }, { budgetMs: 100, now: () => now });
  const items = Array.from({ length: 200 }, (_, id) => ({ id, value: 0 }));
  c.add(items);
  const direct = seen.length;
  t.ok(direct >= 100 && direct < 200, `${direct} applied within the 100 ms budget of this turn, the rest wait`);
  for (const it of items) it.value = 1;
  c.add(items);
  for (const it of items) it.value = 2;
  c.add(items);
  t.equal(c.size, 200, "every tag pending once, however often it was updated");
  t.ok(c.lagMs() >= 0);
  while (c.size > 0) await tick();
  const last = new Map<number, number>();
  for (const s of seen) { const [id, v] = s.split("=").map(Number) as [number, number]; last.set(id, v); }
  t.equal(last.size, 200);
  t.ok([...last.values()].every((v) => v === 2), "every tag ends at its newest value");
  t.equal(c.applied, seen.length);
  t.equal(c.superseded, 200 - direct + 200, "the waiting tags' older updates were superseded");
  t.equal(c.lagMs(), 0, "idle again");
});

void t.test("a slow consumer gets slices: the event loop runs between them, and overload is reported", async (t) => {
  let now = 1_000_000;
  const items = Array.from({ length: 1000 }, (_, id) => ({ id, value: 0 }));
  const overloads: number[] = [];
  const c = new Coalescer<Rec>(() => { now += 1; }, {
    budgetMs: 100, now: () => now, overloadLagMs: 200, overloadEveryMs: 0,
    onOverload: (o) => overloads.push(o.pending),
  });
  for (let round = 0; round < 5; round++) {
    for (const it of items) it.value = round;
    c.add(items);
    t.ok(c.size <= items.length, `round ${round}: pending ${c.size} <= ${items.length}`);
  }
  let turns = 0;
  while (c.size > 0 && turns < 100) {
    await tick();
    turns++;
  }
  t.equal(c.size, 0, "drained");
  // the clock is read every 64 items, so a slice may run up to 63 items past its budget
  t.ok(turns >= Math.floor(1000 / (100 + 64)) - 1, `1000 items at 1 ms each in 100 ms slices took ${turns} turns of the event loop`);
  t.ok(c.applied < 5000, `applied ${c.applied} times for 5000 updates`);
  t.ok(overloads.length > 0, "overload reported while the oldest update waited past the threshold");
});

void t.test("stop() drops what is pending and applies nothing more", async (t) => {
  let now = 1_000_000;
  let applied = 0;
  const c = new Coalescer<Rec>(() => { applied++; now += 10; }, { budgetMs: 5, now: () => now });
  c.add(Array.from({ length: 200 }, (_, id) => ({ id, value: 0 })));
  const before = applied;
  t.ok(c.size > 0);
  c.stop();
  c.add([{ id: 999, value: 1 }]);
  await tick();
  await tick();
  t.equal(applied, before);
  t.equal(c.size, 0);
});
