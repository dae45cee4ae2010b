/** The README's configuration reference is generated from the schemas: it must document every key and be current. */
import t from "tap";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { configReference } from "../../../src/config/reference.js";
import { BEGIN, END, keyTable, withReference } from "../../../src/config/docs.js";
import { ReaderConfig } from "../../../src/config/reader.js";

const readme = readFileSync(fileURLToPath(new URL("../../../README.md", import.meta.url)), "utf8");

void t.test("README.md carries the current generated reference (run `npm run docs` after changing a schema)", async (t) => {
  t.equal(withReference(readme, configReference()), readme);
});

void t.test("the reference lists nested keys with their defaults and marks keys without defaults required", async (t) => {
  const table = keyTable(ReaderConfig);
  t.match(table, /^\| `link\.fec\.repair` \| number 0\.\.1 \| {2}\| `0\.3` \|/m);
  t.match(table, /^\| `sources\[\]\.tags\[\]\.address` \| string \| yes \| {2}\|/m);
  t.match(table, /^\| `sources\[\]\.modbus\.byteOrder` \|/m);
});

void t.test("withReference refuses a README without its markers", async (t) => {
  t.throws(() => withReference("# no markers", "x"));
  t.equal(withReference(`a\n${BEGIN}\nold\n${END}\nb`, "new"), `a\n${BEGIN}\nnew\n${END}\nb`);
});
