/** `sluice demo [--duration S]` */
import { createLogger } from "../core/log.js";
import { startDemo } from "../demo/index.js";
import { runUntilStopped } from "./lifecycle.js";

export async function cmdDemo(durationS?: number): Promise<number> {
  // The demo's screen is for people: component logs go to stderr at warn level.
  const logger = createLogger({ name: "sluice-demo", level: process.env.SLUICE_LOG_LEVEL ?? "warn", destination: process.stderr });
  const demo = await startDemo({ logger, say: (s) => process.stdout.write(`${s}\n`), watchMs: 5000 });
  return runUntilStopped(demo, logger, durationS !== undefined ? { durationMs: durationS * 1000 } : {});
}
