/** Backoff arithmetic and the fixed-rate ticker on their own. */
import t from "tap";
import { backoffDelay } from "../../../src/reader/backoff.js";
import { FixedRateTicker } from "../../../src/reader/ticker.js";
import { FakeClock } from "../../fixtures/reader/fake-clock.js";

void t.test("backoffDelay: capped, jittered, never below min", async (t) => {
  const spec = { minMs: 500, maxMs: 30_000 };
  t.same([0, 1, 2, 3, 4, 5, 6, 7, 50].map((n) => backoffDelay(n, spec, () => 1)), [500, 1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000]);
  t.same([0, 1, 2, 3, 7].map((n) => backoffDelay(n, spec, () => 0)), [500, 500, 1000, 2000, 30000 / 2]);
  t.equal(backoffDelay(3, spec, () => 0.5), 3000);
  t.equal(backoffDelay(-1, spec, () => 1), 500, "negative attempts count as the first");
  t.equal(backoffDelay(2, spec, () => 7), 2000, "random is clamped to [0,1]");
  for (let i = 0; i < 200; i++) {
    const d = backoffDelay(i % 12, spec, Math.random);
    t.ok(d >= 500 && d <= 30_000, `within bounds: ${d}`);
  }
});

void t.test("FixedRateTicker: plan-based ticks, restart resets the phase, missed slots reported", async (t) => {
  const clock = new FakeClock();
  const ticks: number[] = [];
  let missed = 0;
  const t0 = clock.t;
  const k = new FixedRateTicker(clock, 100, () => ticks.push(clock.t - t0), (n) => { missed += n; });
  k.start();
  await clock.advance(350);
  t.same(ticks, [100, 200, 300]);
  k.restart();
  t.same(ticks, [100, 200, 300, 350], "restart ticks at once");
  await clock.advance(200);
  t.same(ticks.slice(4), [450, 550]);
  clock.t += 250;
  await clock.advance(0);
  t.equal(missed, 1, "late by 2.5 intervals: one whole slot missed besides the one fired");
  await clock.advance(100);
  t.same(ticks.slice(6), [800, 850], "the late tick fires once, then the plan resumes");
  k.stop();
  t.equal(clock.pending(), 0);
});
