#!/usr/bin/env node
/**
 * Generates the static protobuf code for the link frames from proto/sluice.proto:
 *
 *   proto/sluice.proto ──pbjs (static-module, es6)──▶ src/link/codec/generated/sluice.js
 *                      ──pbjs --dts (pbts)─────────▶ src/link/codec/generated/sluice.d.ts
 *
 * The output is committed. `--check` generates into a temporary directory and exits 1
 * when the committed files differ (CI: `npm run proto:check`).
 *
 * Usage: node scripts/gen-proto.js [--check]
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, mkdirSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const proto = join("proto", "sluice.proto");
const outDir = join(root, "src", "link", "codec", "generated");
const files = ["sluice.js", "sluice.d.ts"];
const pbjs = join(root, "node_modules", "protobufjs-cli", "bin", "pbjs");

function generate(dir) {
  mkdirSync(dir, { recursive: true });
  // Only encode/decode/create are used: verify/convert/delimited/typeurl/service add
  // code (and attack surface) that nothing calls.
  execFileSync(process.execPath, [
    pbjs, "-t", "static-module", "-w", "es6",
    "--no-verify", "--no-convert", "--no-delimited", "--no-typeurl", "--no-service",
    "--dts", "-o", join(dir, "sluice.js"), proto,
  ], { cwd: root, stdio: ["ignore", "inherit", "inherit"] });
}

const check = process.argv.includes("--check");
if (!check) {
  generate(outDir);
  console.log(`generated ${files.map((f) => join("src/link/codec/generated", f)).join(", ")}`);
} else {
  const tmp = mkdtempSync(join(tmpdir(), "sluice-proto-"));
  try {
    generate(tmp);
    const stale = files.filter((f) => {
      const committed = join(outDir, f);
      return !existsSync(committed) || readFileSync(committed, "utf8") !== readFileSync(join(tmp, f), "utf8");
    });
    if (stale.length > 0) {
      console.error(`proto:check: ${stale.join(", ")} out of date with ${proto}; run \`npm run proto\` and commit`);
      process.exitCode = 1;
    } else {
      console.log(`proto:check: generated code matches ${proto}`);
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
