/**
 * The receiver's disk history under a link cut's pattern: live samples stop, resume,
 * then the cut's samples arrive late as backfill merges, all between rolling flushes.
 * A crash right after any commit (the files copied as they are) loses nothing committed.
 */
import t from "tap";
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { silentLogger } from "../../../src/core/log.js";
import { DiskHistory } from "../../../src/receiver/history/disk.js";

const T0 = 1_700_000_000_000;

function dir(t: { teardown(fn: () => unknown): void }): string {
  const d = mkdtempSync(join(tmpdir(), "sluice-hist-"));
  t.teardown(() => rmSync(d, { recursive: true, force: true }));
  return d;
}

void t.test("a cut's samples merged late survive a crash after any later commit", async (t) => {
  const d = dir(t);
  let now = T0;
  const h = new DiskHistory({ path: d, retainMs: 30 * 86_400_000, maxBytes: 1 << 30, logger: silentLogger, now: () => now });
  const keys = Array.from({ length: 10 }, (_, k) => ({ path: `p/t${k}`, type: (k % 2 ? "int32" : "float64") as "int32" | "float64" }));
  const want = new Map<string, number[]>(keys.map((k) => [k.path, []]));
  const add = (k: (typeof keys)[number], ts: number) => { want.get(k.path)!.push(ts); };
  const cutFrom = 20_000, cutTo = 80_000, end = 100_000;
  const backlog: number[] = [];
  let crashes = 0;
  for (let ms = 0; ms <= end; ms += 100) {
    now = T0 + ms + 1_000; // the receiver's clock runs a little ahead of source times
    if (ms % 200 === 0) {
      if (ms < cutFrom || ms >= cutTo) for (const k of keys) { h.append(k, ms, 0, T0 + ms); add(k, T0 + ms); }
      else {
        backlog.push(ms);
        // the receiver's own statuses while the link is silent: Uncertain, then Bad with no value
        if (ms === cutFrom + 1_000) for (const k of keys) { h.append(k, cutFrom - 200, 0x408f0000, T0 + ms + 50); add(k, T0 + ms + 50); }
        if (ms === cutFrom + 3_000) for (const k of keys) { h.append(k, null, 0x80310000, T0 + ms + 50); add(k, T0 + ms + 50); }
      }
    }
    // after the restore, the backfill carousel re-sends the cut in windows, newest first
    if (ms >= cutTo + 1_000 && ms % 1_000 === 0 && backlog.length > 0) {
      const win = backlog.splice(Math.max(0, backlog.length - 25), 25);
      for (const k of keys) {
        h.merge(k, win.map((x) => ({ value: x, status: 0, sourceTime: T0 + x })));
        for (const x of win) add(k, T0 + x);
      }
    }
    if (ms % 500 === 0) {
      h.flush();
      if (ms >= cutTo && ms % 5_000 === 0) {
        // a crash right after this commit
        const copy = dir(t);
        for (const f of ["history.sqlite", "history.sqlite-wal"]) if (existsSync(join(d, f))) writeFileSync(join(copy, f), readFileSync(join(d, f)));
        const h2 = new DiskHistory({ path: copy, retainMs: 30 * 86_400_000, maxBytes: 1 << 30, logger: silentLogger, now: () => now });
        for (const k of keys) {
          const got = new Set(h2.query(k, {}).map((x) => x.sourceTime));
          const missing = want.get(k.path)!.filter((x) => !got.has(x));
          if (missing.length > 0) { t.fail(`crash at ${ms} ms: ${k.path} lost ${missing.length} samples, first at ${missing[0]! - T0} ms`); h2.close(); h.close(); return; }
        }
        h2.close();
        crashes++;
      }
    }
  }
  t.ok(crashes > 0, `${crashes} crashes after the cut, every committed sample kept each time`);
  h.close();
});
