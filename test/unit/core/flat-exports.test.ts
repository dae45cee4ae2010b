/**
 * Flattened package indexes (src/core/flat-exports.ts): a requirer gets the index's
 * exports as plain data properties with the same values; a module still loading in a
 * require cycle is handed over as it is; an export re-bound after load shows in
 * stale(); restore() ends it. Then the OPC UA server's own test file runs with
 * node-opcua flattened as the CLI flattens it, and must pass with nothing stale.
 */
import t from "tap";
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { flattenRequires, isNodeOpcuaPackage } from "../../../src/core/flat-exports.js";

/** What tsc emits for `export * from "./lib.js"` in a CommonJS package index. */
const EXPORT_STAR = `"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) { if (k2 === undefined) k2 = k; o[k2] = m[k]; }));
var __exportStar = (this && this.__exportStar) || function(m, exports) {
    for (var p in m) if (p !== "default" && !Object.prototype.hasOwnProperty.call(exports, p)) __createBinding(exports, m, p);
};
Object.defineProperty(exports, "__esModule", { value: true });
__exportStar(require("./lib.js"), exports);
`;

function packages(root: string, pkgs: Record<string, Record<string, string>>): void {
  for (const [name, files] of Object.entries(pkgs)) {
    const dir = join(root, "node_modules", name);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "package.json"), JSON.stringify({ name, main: "index.js" }));
    for (const [file, text] of Object.entries(files)) writeFileSync(join(dir, file), text);
  }
}

void t.test("a flattened index: plain data properties, the same values; others and restore untouched", async (t) => {
  const root = mkdtempSync(join(tmpdir(), "sluice-flat-"));
  t.teardown(() => rmSync(root, { recursive: true, force: true }));
  const lib = `"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
class Thing {}
exports.Thing = Thing;
exports.Kind = { A: 1, B: 2 };
exports.answer = 42;
exports.setAnswer = (v) => { exports.answer = v; };
`;
  packages(root, {
    "fake-a": { "index.js": EXPORT_STAR, "lib.js": lib },
    "other-a": { "index.js": EXPORT_STAR, "lib.js": lib },
  });
  const req = createRequire(join(root, "entry.js"));
  const flat = flattenRequires((id) => id.startsWith("fake-"));
  t.teardown(() => flat.restore());

  const a = req("fake-a") as { Thing: unknown; Kind: object; answer: number; setAnswer(v: number): void; __esModule: boolean };
  const original = req.cache[req.resolve("fake-a")]!.exports as typeof a;
  t.not(a, original, "the requirer gets a copy");
  t.equal(req("fake-a"), a, "the same copy every time");
  for (const k of ["Thing", "Kind", "answer", "setAnswer"] as const) {
    const d = Object.getOwnPropertyDescriptor(a, k);
    t.equal(d?.get, undefined, `${k}: a data property`);
    t.equal(a[k], original[k], `${k}: the same value`);
    t.ok(Object.getOwnPropertyDescriptor(original, k)?.get, `${k}: a getter in the index itself`);
  }
  t.equal(a.__esModule, true, "the interop marker is copied");
  t.same(flat.packages(), ["fake-a"]);
  t.same(flat.stale(), [], "nothing re-bound yet");
  t.throws(() => { "use strict"; (a as { answer: number }).answer = 1; }, TypeError, "read-only, as the index's getters are");

  a.setAnswer(7);
  t.same(flat.stale(), ["fake-a.answer"], "an export re-bound after load is reported");

  const other = req("other-a") as object;
  t.ok(Object.getOwnPropertyDescriptor(other, "answer")?.get, "a package not asked for is left as it is");
  flat.restore();
  t.equal(req("fake-a"), original, "restored: the index itself again");
});

void t.test("a package still loading in a require cycle is handed over as it is", async (t) => {
  const root = mkdtempSync(join(tmpdir(), "sluice-flat-"));
  t.teardown(() => rmSync(root, { recursive: true, force: true }));
  packages(root, {
    "fake-c": { "index.js": `"use strict";\nexports.early = 1;\nexports.peer = require("fake-d");\nexports.late = 2;\n` },
    "fake-d": { "index.js": `"use strict";\nexports.c = require("fake-c");\n` },
  });
  const req = createRequire(join(root, "entry.js"));
  const flat = flattenRequires((id) => id.startsWith("fake-"));
  t.teardown(() => flat.restore());
  const c = req("fake-c") as { early: number; late: number; peer: { c: { early: number; late: number } } };
  t.equal(c.late, 2);
  t.equal(c.peer.c.late, 2, "fake-d's view of fake-c, taken while it loaded, is live: it sees what came after");
  t.same(flat.packages().sort(), ["fake-c", "fake-d"], "both copied once loaded");
  t.same(flat.stale(), []);
});

void t.test("node-opcua's package names", async (t) => {
  for (const id of ["node-opcua", "node-opcua-variant", "node-opcua-basic-types"]) t.ok(isNodeOpcuaPackage(id), id);
  for (const id of ["node-opcua-variant/dist/variant.js", "./node-opcua-x", "node-opcua-Variant", "fastify"]) t.notOk(isNodeOpcuaPackage(id), id);
});

void t.test("the OPC UA server's test file passes with node-opcua flattened, nothing stale", async (t) => {
  const dir = mkdtempSync(join(tmpdir(), "sluice-flat-"));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const report = join(dir, "report.json");
  const preload = fileURLToPath(new URL("../../fixtures/flatten-preload.ts", import.meta.url));
  const file = fileURLToPath(new URL("../../integration/receiver-opcua/server.test.ts", import.meta.url));
  const run = await new Promise<{ code: number | null; out: string }>((resolve) => {
    const child = execFile(process.execPath, [...process.execArgv, `--import=${preload}`, file], {
      env: { ...process.env, SLUICE_FLAT_REPORT: report }, maxBuffer: 16 * 1024 * 1024, timeout: 120_000,
    }, (_err, stdout, stderr) => resolve({ code: child.exitCode, out: `${stdout}\n${stderr}` }));
  });
  t.equal(run.code, 0, "the server's tests pass");
  t.ok((run.out.match(/^ok \d+ - /gm) ?? []).length >= 10, "and ran its subtests");
  t.notMatch(run.out, /^not ok/m);
  const r = JSON.parse(readFileSync(report, "utf8")) as { packages: string[]; stale: string[] };
  for (const p of ["node-opcua-basic-types", "node-opcua-variant", "node-opcua-data-value", "node-opcua-address-space", "node-opcua-server"]) {
    t.ok(r.packages.includes(p), `${p} was flattened`);
  }
  t.same(r.stale, [], "no export of node-opcua re-bound after it loaded");
});
