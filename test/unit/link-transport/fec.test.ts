import t from "tap";
import { inv, invertMatrix, mul } from "../../../src/link/transport/fec/gf256.js";
import { addToParities, recover } from "../../../src/link/transport/fec/rs.js";
import { drain, frameBytes, outbox, receiver, rng } from "../../fixtures/link-transport.js";

void t.test("GF(256) basics", async (t) => {
  let bad = 0;
  for (let a = 1; a < 256; a++) if (mul(a, inv(a)) !== 1) bad++;
  t.equal(bad, 0, "a * a^-1 = 1");
  t.equal(mul(0x53, 0xca), mul(0xca, 0x53));
  t.throws(() => invertMatrix([Uint8Array.of(1, 2), Uint8Array.of(1, 2)]), /singular/);
});

function code(k: number, m: number, len: number, seed: number) {
  const r = rng(seed);
  const data = Array.from({ length: k }, () => Uint8Array.from({ length: 1 + Math.floor(r() * len) }, () => Math.floor(r() * 256)));
  const parity = Array.from({ length: m }, () => new Uint8Array(len));
  data.forEach((d, j) => addToParities(parity, j, d));
  return { data, parity, r };
}
const pad = (d: Uint8Array, len: number) => { const p = new Uint8Array(len); p.set(d); return p; };

void t.test("RS: every erasure pattern up to m is recovered (k=6, m=3, exhaustive)", async (t) => {
  const k = 6, m = 3, len = 40;
  const { data, parity } = code(k, m, len, 1);
  let patterns = 0, failures = 0;
  for (let mask = 0; mask < 1 << (k + m); mask++) {
    const lost = [...Array(k + m).keys()].filter((i) => mask & (1 << i));
    if (lost.length > m) continue;
    patterns++;
    const d = data.map((x, j) => (lost.includes(j) ? null : x));
    const p = parity.map((x, i) => (lost.includes(k + i) ? null : x));
    const out = recover(d, p, len)!;
    for (const j of lost.filter((j) => j < k)) if (!out || Buffer.compare(out.get(j)!, pad(data[j]!, len)) !== 0) failures++;
  }
  t.equal(patterns, 130);
  t.equal(failures, 0);
});

void t.test("RS: random larger groups; more than m erasures cannot be recovered", async (t) => {
  for (const [k, m] of [[16, 5], [64, 16], [128, 128], [1, 1]] as const) {
    const { data, parity, r } = code(k, m, 300, k * 1000 + m);
    const lostData = new Set<number>();
    while (lostData.size < Math.min(k, m)) lostData.add(Math.floor(r() * k));
    const d = data.map((x, j) => (lostData.has(j) ? null : x));
    const out = recover(d, parity, 300);
    t.ok(out && [...lostData].every((j) => Buffer.compare(out.get(j)!, pad(data[j]!, 300)) === 0), `k=${k} m=${m}`);
    if (m < k) {
      const tooMany = data.map((x, j) => (j <= m ? null : x));
      t.equal(recover(tooMany, parity, 300), null, `k=${k}: m+1 missing`);
    }
  }
});

void t.test("pipeline: any loss up to the parity count per group is repaired", async (t) => {
  // group 16, repair 0.25 -> 4 repair datagrams per group of 16
  const o = outbox({ group: 16, repair: 0.25 });
  const N = 16 * 40;
  for (let i = 0; i < N; i++) o.push(frameBytes(i, 100 + (i % 300)));
  const ds = drain(o);
  t.equal(ds.length, 40 * 20);
  const r = rng(7);
  const c = receiver();
  for (let g = 0; g < 40; g++) {
    const group = ds.slice(g * 20, g * 20 + 20);
    const lose = new Set<number>();
    const n = g % 5; // 0..4 lost per group, anywhere (data or repair)
    while (lose.size < n) lose.add(Math.floor(r() * 20));
    group.forEach((d, i) => { if (!lose.has(i)) c.rx.handle(d, 1000); });
  }
  t.equal(c.frames.length, N, "every frame arrives");
  const ids = c.frames.map((f) => Number(f.meta.seq)).sort((a, b) => a - b);
  t.same(ids, [...Array(N).keys()].map((i) => i + 1), "each exactly once");
  const wrong = c.frames.filter((f) => Buffer.compare(f.payload, frameBytes(Number(f.meta.seq) - 1, 100 + ((Number(f.meta.seq) - 1) % 300))) !== 0);
  t.equal(wrong.length, 0, "byte-exact");
  t.ok(c.rx.framesRecovered > 0 && c.rx.framesRecovered <= 40 * 4);
  c.rx.sweep(10_000);
  t.equal(c.rx.framesLost, 0);
});

void t.test("pipeline: loss beyond the parity count is counted lost, after the gap times out", async (t) => {
  const o = outbox({ group: 8, repair: 0.25 }); // 2 repair per 8
  for (let i = 0; i < 24; i++) o.push(frameBytes(i, 60));
  const ds = drain(o);
  const c = receiver();
  // group 2 (datagrams 10..19): lose 3 data datagrams (frames 9, 10, 11)
  ds.forEach((d, i) => { if (![10, 11, 12].includes(i)) c.rx.handle(d, 1000); });
  t.equal(c.frames.length, 21);
  t.equal(c.rx.framesLost, 0, "not yet: a late datagram may still fill the gap");
  c.rx.sweep(1000 + 2001);
  t.equal(c.rx.framesLost, 3);
  t.equal(c.rx.framesRecovered, 0);
});

void t.test("pipeline: a group closed early (timer) still repairs; a late original is not delivered twice", async (t) => {
  const o = outbox({ group: 16, repair: 0.3 });
  o.push(frameBytes(1, 500));
  o.push(frameBytes(2, 20));
  const ds = drain(o); // 2 data + ceil(2 * 0.3) = 1 repair
  t.equal(ds.length, 3);
  const c = receiver();
  c.rx.handle(ds[1]!, 1);
  c.rx.handle(ds[2]!, 1);
  t.equal(c.frames.length, 2);
  t.equal(c.rx.framesRecovered, 1);
  c.rx.handle(ds[0]!, 2);
  t.equal(c.frames.length, 2, "deduplicated");
  t.same(c.frames.map((f) => f.payload.length).sort((a, b) => a - b), [20, 500]);
});

void t.test("pipeline: fragmented frames are repaired too", async (t) => {
  const o = outbox({ group: 16, repair: 0.25 });
  o.push(frameBytes(1, 20_000)); // 16 fragments = one full group
  const ds = drain(o);
  t.equal(ds.length, 20);
  const c = receiver();
  ds.forEach((d, i) => { if (![0, 5, 9, 15].includes(i)) c.rx.handle(d, 1); });
  t.equal(c.frames.length, 1);
  t.same(c.frames[0]!.payload, frameBytes(1, 20_000));
  t.equal(c.rx.framesRecovered, 1);
});
