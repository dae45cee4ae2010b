import t from "tap";
import { fragmentAt, fragmentLength, fragmentSizes } from "../../../src/link/transport/fragment.js";
import { FrameTracker } from "../../../src/link/transport/frame-tracker.js";
import { Reassembly } from "../../../src/link/transport/reassembly.js";
import { drain, frameBytes, outbox, receiver, rng } from "../../fixtures/link-transport.js";

void t.test("fragment sizes are steady and cover the frame exactly", async (t) => {
  const bad: string[] = [];
  for (let len = 1; len < 3000; len += 7) {
    const frame = new Uint8Array(len);
    for (const budget of [1, 2, 3, 100, 1328]) {
      const { count, size } = fragmentSizes(len, budget);
      let total = 0;
      for (let i = 0; i < count; i++) {
        const n = fragmentAt(frame, i, size).length;
        if (n < 1 || n > budget) bad.push(`${len}/${budget}: fragment ${i} has ${n}`);
        if (fragmentLength(len, i, size) !== n) bad.push(`${len}/${budget}: fragmentLength of ${i} is not ${n}`);
        total += n;
      }
      if (total !== len || count !== Math.ceil(len / budget)) bad.push(`${len}/${budget}`);
    }
  }
  t.same(bad, []);
  t.same(fragmentSizes(3000, 1328), { count: 3, size: 1000 }, "3 x 1000 rather than 1328+1328+344");
});

const frag = (frameId: number, fragIndex: number, fragCount: number, n = 100) =>
  ({ frameId, fragIndex, fragCount, bytes: new Uint8Array(n).fill(fragIndex) });

void t.test("reassembly: out of order, duplicates, all-or-nothing", async (t) => {
  const r = new Reassembly({ frames: 4, bytes: 1 << 20, timeoutMs: 1000 });
  t.equal(r.add(frag(1, 2, 3), false, 0), "pending");
  t.equal(r.add(frag(1, 0, 3), false, 0), "pending");
  t.equal(r.add(frag(1, 0, 3), false, 0), "pending", "duplicate fragment ignored");
  t.equal(r.add(frag(1, 0, 4), false, 0), "malformed", "fragment count changed");
  const done = r.add(frag(1, 1, 3), true, 0);
  t.ok(typeof done === "object" && done.frame.length === 300 && done.recovered);
  if (typeof done === "object") t.same([...done.frame.subarray(95, 105)], [0, 0, 0, 0, 0, 1, 1, 1, 1, 1]);
  t.equal(r.inFlight, 0);
  t.equal(r.bytes, 0);
  r.add(frag(2, 0, 2), false, 0);
  r.sweep(999);
  t.equal(r.inFlight, 1);
  r.sweep(1000);
  t.equal(r.inFlight, 0, "never completed: dropped after the timeout");
  t.equal(r.dropped, 1);
});

void t.test("reassembly memory stays bounded under endless incomplete frames", async (t) => {
  const r = new Reassembly({ frames: 16, bytes: 50_000, timeoutMs: 60_000 });
  const rand = rng(3);
  let maxFrames = 0, maxBytes = 0;
  for (let i = 0; i < 20_000; i++) {
    r.add(frag(Math.floor(rand() * 1e6), Math.floor(rand() * 100), 100, 1 + Math.floor(rand() * 1000)), false, i);
    maxFrames = Math.max(maxFrames, r.inFlight);
    maxBytes = Math.max(maxBytes, r.bytes);
  }
  t.ok(maxFrames <= 16, `frames in flight never above the cap (max ${maxFrames})`);
  t.ok(maxBytes <= 50_000, `bytes in flight never above the cap (max ${maxBytes})`);
});

void t.test("through the pipeline: missing fragments never complete; caps hold", async (t) => {
  const o = outbox({ repair: 0 });
  for (let i = 0; i < 300; i++) o.push(frameBytes(i, 5000)); // 4 fragments each
  const ds = drain(o);
  const c = receiver({ reassembly: { frames: 8, bytes: 1 << 20, timeoutMs: 2000 } });
  let maxInFlight = 0;
  ds.forEach((d, i) => {
    if (i % 4 !== 3) c.rx.handle(d, 1000); // the last fragment of every frame is lost
    maxInFlight = Math.max(maxInFlight, c.rx.inFlight().frames);
  });
  t.equal(c.frames.length, 0);
  t.ok(maxInFlight <= 8, `in flight <= 8 (max ${maxInFlight})`);
  c.rx.sweep(1000 + 2000);
  t.equal(c.rx.inFlight().frames, 0);
  t.equal(c.rx.framesLost, 300, "every frame that never completed is counted lost");
});

void t.test("frame tracker: dedup, gaps, late fills, join mid-stream, big jumps", async (t) => {
  const f = new FrameTracker(100, 64);
  t.ok(f.accept(500, 0), "joins at 500");
  t.ok(f.accept(499, 0), "a slightly older frame after joining is still taken");
  t.notOk(f.accept(500, 0), "duplicate");
  t.ok(f.accept(503, 10));
  t.ok(f.accept(502, 20), "late fill");
  f.settle(50);
  t.equal(f.lost, 0);
  f.settle(111);
  t.equal(f.lost, 1, "501 lost after its timeout");
  t.notOk(f.accept(501, 200), "too late now");
  t.ok(f.accept(10_000, 300));
  t.equal(f.lost, 1 + (10_000 - 64 - 503), "a jump beyond the window settles what falls out (504..9936)");
  f.finish();
  t.equal(f.lost, 1 + (9_999 - 503), "finish counts the rest (504..9999)");
  f.observe(20_000, 400);
  f.finish();
  t.equal(f.lost, 1 + (9_999 - 503) + 10_000, "observed but never completed frames are lost too (10001..20000)");
  t.ok(f.seen(10_001), "settled ids are never handed up again");
});
