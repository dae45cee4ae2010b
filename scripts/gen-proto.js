#!/usr/bin/env node
/**
 * Generates the static protobuf code from the schemas in proto/:
 *
 *   proto/sluice.proto      ──pbjs (static-module, es6)──▶ src/link/codec/generated/sluice.{js,d.ts}      (link frames)
 *   proto/sparkplug_b.proto ──pbjs (static-module, es6)──▶ src/receiver/mqtt/generated/sparkplug_b.{js,d.ts} (MQTT)
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
const targets = [
  { proto: join("proto", "sluice.proto"), outDir: join("src", "link", "codec", "generated"), name: "sluice" },
  { proto: join("proto", "sparkplug_b.proto"), outDir: join("src", "receiver", "mqtt", "generated"), name: "sparkplug_b" },
];
const pbjs = join(root, "node_modules", "protobufjs-cli", "bin", "pbjs");

function generate(target, dir) {
  mkdirSync(dir, { recursive: true });
  // Only encode/decode/create are used: verify/convert/delimited/typeurl/service add
  // code (and attack surface) that nothing calls.
  execFileSync(process.execPath, [
    pbjs, "-t", "static-module", "-w", "es6",
    "--no-verify", "--no-convert", "--no-delimited", "--no-typeurl", "--no-service",
    "--dts", "-o", join(dir, `${target.name}.js`), target.proto,
  ], { cwd: root, stdio: ["ignore", "inherit", "inherit"] });
}

const check = process.argv.includes("--check");
for (const target of targets) {
  const outDir = join(root, target.outDir);
  const files = [`${target.name}.js`, `${target.name}.d.ts`];
  if (!check) {
    generate(target, outDir);
    console.log(`generated ${files.map((f) => join(target.outDir, f)).join(", ")}`);
    continue;
  }
  const tmp = mkdtempSync(join(tmpdir(), "sluice-proto-"));
  try {
    generate(target, tmp);
    const stale = files.filter((f) => {
      const committed = join(outDir, f);
      return !existsSync(committed) || readFileSync(committed, "utf8") !== readFileSync(join(tmp, f), "utf8");
    });
    if (stale.length > 0) {
      console.error(`proto:check: ${stale.join(", ")} out of date with ${target.proto}; run \`npm run proto\` and commit`);
      process.exitCode = 1;
    } else {
      console.log(`proto:check: generated code matches ${target.proto}`);
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
