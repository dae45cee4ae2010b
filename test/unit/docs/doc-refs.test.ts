/**
 * Every document the product refers to is in the repository: a `NAME.md` named in the
 * README, SECURITY.md, src/, ui/, deploy/, proto/, policies/ or test READMEs, and every
 * relative Markdown link, must resolve to a tracked file. Developer-only notes kept
 * outside the repository (the design contract, style guide, research) must not be cited.
 */
import t from "tap";
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { basename, dirname, join, normalize } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const tracked = execFileSync("git", ["ls-files", "-co", "--exclude-standard"], { cwd: ROOT, encoding: "utf8" }).split("\n").filter(Boolean);
const PRODUCT = /^(README\.md|SECURITY\.md|(src|ui|deploy|proto|policies|bin|docs)\/.*|test\/.*README\.md)$/;
const files = tracked.filter((f) => PRODUCT.test(f) && /\.(md|ts|js|yaml|yml|proto|nft|service|json|html|css)$/.test(f) && existsSync(join(ROOT, f)));
const names = new Set(tracked.map((f) => basename(f)));

void t.test("every NAME.md the product mentions exists in the repository", async (t) => {
  t.ok(files.length > 50, `${files.length} product files scanned`);
  const missing: string[] = [];
  for (const f of files) {
    const text = readFileSync(join(ROOT, f), "utf8");
    for (const m of text.matchAll(/(?<![\w/.-])((?:[\w.-]+\/)*[\w.-]+\.md)\b/g)) {
      const ref = m[1]!;
      const candidates = [join(dirname(f), ref), ref];
      if (!candidates.some((c) => tracked.includes(normalize(c))) && !(ref === basename(ref) && names.has(ref))) missing.push(`${f}: ${ref}`);
    }
  }
  t.same(missing, [], "no reference to a document that is not in the repository");
});

void t.test("relative Markdown links resolve", async (t) => {
  const missing: string[] = [];
  for (const f of files.filter((x) => x.endsWith(".md"))) {
    const text = readFileSync(join(ROOT, f), "utf8");
    for (const m of text.matchAll(/\]\(([^)\s]+)\)/g)) {
      const target = m[1]!.split("#")[0]!;
      if (target === "" || /^[a-z]+:/i.test(target)) continue;
      if (!existsSync(join(ROOT, dirname(f), target))) missing.push(`${f}: ${m[1]}`);
    }
  }
  t.same(missing, [], "every relative link points at a file");
});
