/** From resolved config to catalogue and poll groups: denied tags are never polled; aliases are dense. */
import t from "tap";
import type { TagType } from "../../../src/core/model.js";
import { resolveReaderConfig } from "../../../src/config/reader.js";
import { buildCatalog } from "../../../src/reader/catalog.js";
import { safeError } from "../../../src/reader/source-runner.js";

const loaded = resolveReaderConfig({
  link: { to: "127.0.0.1:47100", key: "./k" },
  policy: "allow-all",
  sources: [
    { name: "a", protocol: "modbus", endpoint: "h", interval: "1s", tags: [
      { name: "x", address: "hr:0", unit: "bar", range: [0, 10], description: "d" },
      { name: "secret", address: "hr:1" },
      { name: "fast", address: "hr:2", interval: "100ms", scale: 2 },
      { name: "y", address: "hr:3" },
    ] },
    { name: "hidden", protocol: "modbus", endpoint: "h", interval: "1s", tags: [{ name: "z", address: "hr:0" }] },
  ],
}, "/tmp/reader.yaml");

const gate = {
  seen: [] as string[],
  filterCatalog<T extends { path: string; type: TagType }>(tags: T[]) {
    this.seen = tags.map((x) => `${x.path}:${x.type}`);
    return { allowed: tags.filter((x) => !x.path.endsWith("/secret") && !x.path.startsWith("hidden/")) };
  },
};

void t.test("catalogue and poll groups", async (t) => {
  const c = buildCatalog(loaded.sources, gate);
  t.same(gate.seen, ["a/x:int16", "a/secret:int16", "a/fast:float64", "a/y:int16", "hidden/z:int16"], "the policy judges the crossing type");
  t.same(c.defs, [
    { alias: 0, path: "a/x", type: "int16", unit: "bar", range: [0, 10], description: "d" },
    { alias: 1, path: "a/fast", type: "float64" },
    { alias: 2, path: "a/y", type: "int16" },
  ]);
  t.equal(c.sources.length, 1, "a source with nothing allowed is not even connected");
  const s = c.sources[0]!;
  t.same(s.groups.map((g) => [g.intervalMs, g.tags.map((x) => [x.alias, x.path, x.type])]), [
    [100, [[1, "a/fast", "int16"]]],
    [1000, [[0, "a/x", "int16"], [2, "a/y", "int16"]]],
  ], "grouped by interval, raw types to the driver, the denied tag absent");
  t.match(s.groups[0]!.tags[0]!.spec, { scaling: { kind: "linear", scale: 2, offset: 0 }, deadband: 0 });
  t.match(s.groups[1]!.tags[0]!.spec, { range: [0, 10] });
});

void t.test("safeError: no credentials, bounded", async (t) => {
  t.equal(safeError(new Error("connect opc.tcp://op:s3cret@plc:4840 failed")), "connect opc.tcp://[redacted]@plc:4840 failed");
  t.equal(safeError(new Error("x".repeat(1000))).length, 300);
  t.equal(safeError({ generalStatusCode: 5 }), '{"generalStatusCode":5}');
});

void t.test("a reload keeps the aliases of tags that stay; new tags fill the gaps; aliases stay dense", async (t) => {
  const allow = { filterCatalog: <T extends { path: string; type: TagType }>(tags: T[]) => ({ allowed: tags }) };
  const mk = (names: string[]) => resolveReaderConfig({
    link: { to: "127.0.0.1:47100", key: "./k" }, policy: "allow-all",
    sources: [{ name: "a", protocol: "modbus", endpoint: "h", interval: "1s", tags: names.map((n, i) => ({ name: n, address: `hr:${i}` })) }],
  }, "/tmp/reader.yaml").sources;
  const before = buildCatalog(mk(["p", "q", "r", "s"]), allow).defs;
  t.same(before.map((d) => [d.alias, d.path]), [[0, "a/p"], [1, "a/q"], [2, "a/r"], [3, "a/s"]]);
  const next = buildCatalog(mk(["n", "p", "r", "s"]), allow, before).defs;
  t.same(next.map((d) => [d.alias, d.path]), [[0, "a/p"], [1, "a/n"], [2, "a/r"], [3, "a/s"]], "q's alias goes to the new tag n; p, r, s keep theirs");
  const shrunk = buildCatalog(mk(["r", "p"]), allow, next).defs;
  t.same(shrunk.map((d) => [d.alias, d.path]), [[0, "a/p"], [1, "a/r"]], "p keeps 0; r's alias 2 no longer fits and moves to 1");
  t.ok(shrunk.every((d, i) => d.alias === i), "in alias order");
});
