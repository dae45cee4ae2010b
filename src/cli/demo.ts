/**
 * `sluice demo [--duration S] [--verbose]`: the screen is for people (URLs, then the tag
 * table); the components' JSON logs go to a file the demo names, or with --verbose to
 * stderr.
 */
import { createWriteStream } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createLogger } from "../core/log.js";
import { startDemo } from "../demo/index.js";
import { runUntilStopped } from "./lifecycle.js";

export async function cmdDemo(durationS?: number, verbose = false): Promise<number> {
  const level = process.env.SLUICE_LOG_LEVEL ?? "info";
  const logs = verbose ? null : join(tmpdir(), `sluice-demo-${new Date().toISOString().replace(/[:.]/g, "-")}.log`);
  const destination = logs === null ? process.stderr : createWriteStream(logs, { flags: "a", mode: 0o600 });
  const logger = createLogger({ name: "sluice-demo", level, destination });
  const demo = await startDemo({ logger, say: (s) => process.stdout.write(`${s}\n`), watchMs: 5000, logs: logs ?? "(stderr, --verbose)" });
  const code = await runUntilStopped(demo, logger, durationS !== undefined ? { durationMs: durationS * 1000 } : {});
  if (logs !== null) process.stdout.write(`logs were written to ${logs}\n`);
  return code;
}
