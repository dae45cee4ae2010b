// Counts tests in TAP output from `tap --reporter=tap` and prints "PASSED FAILED".
// tap 21 wraps each test file in a top-level subtest; a "test" here is one
// t.test() directly inside a file (4-space indent). A file that fails with no
// failing test inside it (a crash, a timeout, a syntax error) counts as one failure.
import { readFileSync } from "node:fs";

const lines = readFileSync(process.argv[2], "utf8").split("\n");
let passed = 0;
let failed = 0;
let innerFailures = 0;
for (const line of lines) {
  if (/# SKIP|# TODO/.test(line)) continue;
  let m = /^ {4}(not ok|ok) \d+/.exec(line);
  if (m) {
    if (m[1] === "ok") passed++;
    else { failed++; innerFailures++; }
    continue;
  }
  m = /^(not ok|ok) \d+/.exec(line);
  if (m) {
    if (m[1] === "not ok" && innerFailures === 0) failed++;
    innerFailures = 0;
  }
}
process.stdout.write(`${passed} ${failed}\n`);
