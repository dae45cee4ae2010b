import t from "tap";
import { shortestFloat32 } from "../../../src/core/float32.js";

void t.test("the shortest decimal that reads back as the same float32", async (t) => {
  t.equal(shortestFloat32(Math.fround(14.369775)), 14.369775);
  t.equal(shortestFloat32(Math.fround(0.1)), 0.1);
  t.equal(shortestFloat32(Math.fround(23.4)), 23.4);
  t.equal(shortestFloat32(Math.fround(-1.5e-7)), -1.5e-7);
  t.equal(shortestFloat32(Math.fround(3.4028234663852886e38)), 3.4028235e38);
  t.equal(shortestFloat32(0), 0);
  t.ok(Number.isNaN(shortestFloat32(Number.NaN)));
  t.equal(shortestFloat32(Number.POSITIVE_INFINITY), Number.POSITIVE_INFINITY);
});

void t.test("every result rounds to the same float32 and is never longer than 9 digits", async (t) => {
  let seed = 7;
  const rnd = (): number => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  for (let i = 0; i < 20_000; i++) {
    const buf = new DataView(new ArrayBuffer(4));
    buf.setUint32(0, Math.floor(rnd() * 2 ** 32));
    const f = buf.getFloat32(0);
    if (!Number.isFinite(f)) continue;
    const s = shortestFloat32(f);
    if (Math.fround(s) !== f) t.fail(`${f} -> ${s} does not round-trip`);
    // minimal: one significant digit fewer no longer reads back as the same float32
    const digits = s.toExponential().replace(/^-|e.*$|\./g, "").length;
    if (digits > 9) t.fail(`${s} has ${digits} digits`);
    if (digits > 1 && Math.fround(Number(f.toPrecision(digits - 1))) === f) t.fail(`${s} is not the shortest`);
  }
  t.ok(true, "20,000 random float32 bit patterns round-trip with the fewest digits");
});
