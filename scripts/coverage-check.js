// tap 21 enforces 100 % coverage or nothing; we allow incomplete coverage in
// .taprc and enforce these explicit thresholds here instead, with a message.
import { readFileSync } from "node:fs";

// Set just under what the suite measured (97.7 % lines, 87 % branches on 2026-11-22): a drop fails CI.
const THRESHOLDS = { lines: 95, statements: 95, functions: 94, branches: 84 };
let summary;
try {
  summary = JSON.parse(readFileSync(".tap/report/coverage-summary.json", "utf8")).total;
} catch {
  try { summary = JSON.parse(readFileSync("coverage/coverage-summary.json", "utf8")).total; } catch { summary = undefined; }
}
if (!summary) {
  console.error("coverage-check: no coverage summary found (did `npm test` run?)");
  process.exit(1);
}
let ok = true;
for (const [k, min] of Object.entries(THRESHOLDS)) {
  const pct = summary[k]?.pct ?? 0;
  const mark = pct >= min ? "ok " : "LOW";
  console.log(`coverage ${mark} ${k.padEnd(10)} ${pct.toFixed(1)} % (threshold ${min} %)`);
  if (pct < min) ok = false;
}
process.exit(ok ? 0 : 1);
