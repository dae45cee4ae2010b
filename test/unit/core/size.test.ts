import t from "tap";
import { SIZE_PATTERN, parseSize } from "../../../src/core/size.js";

void t.test("one size grammar: bytes, binary and decimal units, an optional space", async (t) => {
  const cases: [number | string, number][] = [
    [0, 0], [4096, 4096], ["4096", 4096], ["512B", 512],
    ["512KiB", 512 * 1024], ["64MiB", 64 * 2 ** 20], ["10GiB", 10 * 2 ** 30], ["2TiB", 2 * 2 ** 40], ["1.5KiB", 1536],
    ["500kB", 500_000], ["500KB", 500_000], ["0.29KB", 290], ["500MB", 5e8], ["1GB", 1e9], ["1TB", 1e12],
    ["64 MiB", 64 * 2 ** 20], [" 1GiB ", 2 ** 30],
  ];
  for (const [text, bytes] of cases) t.equal(parseSize(text), bytes, JSON.stringify(text));
  const re = new RegExp(SIZE_PATTERN);
  for (const [text] of cases) if (typeof text === "string") t.ok(re.test(text.trim()), `the schema pattern takes ${JSON.stringify(text)}`);
});

void t.test("anything else is refused with the text quoted", async (t) => {
  const re = new RegExp(SIZE_PATTERN);
  for (const bad of ["", "MiB", "-1MiB", "1 mib", "1Mb", "1MiBs", "1e6", "0x10", "1,5GiB"]) {
    t.throws(() => parseSize(bad), { name: "RangeError", message: new RegExp(`not a size: ${JSON.stringify(bad).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`) }, JSON.stringify(bad));
    t.notOk(re.test(bad), `the schema pattern refuses ${JSON.stringify(bad)}`);
  }
  for (const bad of [-1, 1.5, Number.NaN, 2 ** 60]) t.throws(() => parseSize(bad), RangeError, String(bad));
});
