/**
 * The in-memory history ring's merge (backfill): what it already holds is skipped
 * (found by binary search, across the ring's wrap), holes are filled in time order,
 * repeats inside one batch count once, and the ring keeps its newest `depth`.
 */
import t from "tap";
import { HistoryRing } from "../../../src/receiver/history/ring.js";

const T0 = 1_700_000_000_000;
const times = (r: HistoryRing) => r.query().map((s) => s.sourceTime - T0);

void t.test("merge skips held times, fills holes in order, counts a repeat in the batch once", async (t) => {
  const r = new HistoryRing("float64", 100);
  for (const k of [0, 10, 20, 30, 40]) r.append(k / 10, 0, T0 + k);
  t.same(r.merge([{ value: 1, status: 0, sourceTime: T0 + 10 }, { value: 4, status: 0, sourceTime: T0 + 40 }]), [], "all held: nothing new");
  t.same(times(r), [0, 10, 20, 30, 40], "unchanged");
  const fresh = r.merge([
    { value: 3.5, status: 0, sourceTime: T0 + 35 },
    { value: 9, status: 0, sourceTime: T0 + 20 }, // held: the ring's value stays
    { value: 0.5, status: 0, sourceTime: T0 + 5 },
    { value: 3.6, status: 0, sourceTime: T0 + 35 }, // a repeat within the batch
    { value: 5, status: 0, sourceTime: T0 + 50 },
  ]);
  t.same(fresh.map((s) => s.sourceTime - T0), [5, 35, 50], "only the new times, oldest first");
  t.same(times(r), [0, 5, 10, 20, 30, 35, 40, 50], "kept sorted");
  t.equal(r.query({ from: T0 + 20, to: T0 + 20 })[0]?.value, 2, "a held sample is not overwritten");
  t.equal(r.query({ from: T0 + 35, to: T0 + 35 })[0]?.value, 3.5, "the first of a repeated time wins");
});

void t.test("merge into a wrapped ring at depth keeps the newest depth samples", async (t) => {
  const r = new HistoryRing("float64", 8);
  for (let k = 0; k < 12; k++) r.append(k, 0, T0 + 10 * k); // holds 40..110, head moved by the wrap
  t.same(times(r), [40, 50, 60, 70, 80, 90, 100, 110]);
  t.same(r.merge([50, 70, 110].map((k) => ({ value: k, status: 0, sourceTime: T0 + k }))), [], "held across the wrap");
  const fresh = r.merge([{ value: -1, status: 0, sourceTime: T0 + 5 }, { value: 75, status: 0, sourceTime: T0 + 75 }]);
  t.same(fresh.map((s) => s.sourceTime - T0), [75], "older than everything kept: not kept, not returned");
  t.same(times(r), [50, 60, 70, 75, 80, 90, 100, 110]);
  t.equal(r.evicted, 4 + 1, "the wrap's overwrites and the merge's trim (40) are counted; 5 was never taken in");
  for (let i = 0; i < 3; i++) t.same(r.merge([{ value: 0, status: 0, sourceTime: T0 }, { value: 1, status: 0, sourceTime: T0 + 1 }]), [], "a carousel re-send older than a full ring: nothing");
  t.equal(r.evicted, 5, "and not counted as evicted again and again");
  t.same(times(r), [50, 60, 70, 75, 80, 90, 100, 110], "the ring unchanged");
});
