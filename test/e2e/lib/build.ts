/**
 * The e2e suite runs the shipped command, bin/sluice.js, which loads dist/.
 * A stale dist/ would test old code, so before anything starts:
 *
 *   every src/**.ts|js ──older than its dist/**.js?──▶ fresh: go on
 *                                   └─ missing or newer ──▶ tsc -p tsconfig.build.json ──▶ check again
 *
 * tsc emits even when some file has a type error (CI type-checks separately):
 * what matters here is that dist/ now matches src/, so freshness is checked
 * again after the build and only that decides.
 */
import { readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { spawnSync, type SpawnSyncReturns } from "node:child_process";
import { REPO } from "./procs.js";

function walk(dir: string, out: string[] = []): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else if (/\.(ts|js)$/.test(e.name) && !e.name.endsWith(".d.ts")) out.push(p);
  }
  return out;
}

/** Source files whose compiled output is missing or older than they are. */
export function staleSources(): string[] {
  const src = join(REPO, "src");
  return walk(src).filter((f) => {
    const out = join(REPO, "dist", relative(src, f).replace(/\.ts$/, ".js"));
    try {
      return statSync(out).mtimeMs < statSync(f).mtimeMs;
    } catch {
      return true;
    }
  });
}

/** Build dist/ when it is stale; returns what was done, throws when dist/ still does not match src/. */
export function ensureDist(): { built: boolean; ms: number; stale: number } {
  const stale = staleSources();
  if (stale.length === 0) return { built: false, ms: 0, stale: 0 };
  const t0 = Date.now();
  let r: SpawnSyncReturns<string>;
  let still: string[];
  let attempts = 0;
  do { // a second try when a file changed during the build (an editor saving in a working checkout)
    r = spawnSync(process.execPath, [join(REPO, "node_modules/typescript/bin/tsc"), "-p", "tsconfig.build.json"], { cwd: REPO, encoding: "utf8" });
    still = staleSources();
  } while (still.length > 0 && ++attempts < 2);
  if (still.length > 0) {
    throw new Error(`dist/ is stale and \`npm run build\` did not refresh it (tsc exit ${r.status}); stale: ${still.slice(0, 5).map((f) => relative(REPO, f)).join(", ")}\n${(r.stdout + r.stderr).slice(0, 2000)}`);
  }
  return { built: true, ms: Date.now() - t0, stale: stale.length };
}
