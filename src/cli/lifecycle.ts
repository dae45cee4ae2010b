/**
 * Runs a long-lived component until SIGINT/SIGTERM (clean close, exit 0) and
 * turns SIGHUP into reload(). Shared by `sluice reader`, `receiver` and `demo`.
 */
import type { Logger } from "../core/log.js";
import { errorMessage } from "../core/errors.js";

export interface Running {
  reload?(): void;
  close(): Promise<void>;
}

export function runUntilStopped(component: Running, logger: Logger, opts: { durationMs?: number } = {}): Promise<number> {
  return new Promise((resolve) => {
    let closing = false;
    const stop = (why: string) => {
      if (closing) return;
      closing = true;
      logger.info({ why }, "shutting down");
      cleanup();
      component.close().then(
        () => resolve(0),
        (e: unknown) => { logger.error({ err: errorMessage(e) }, "error while closing"); resolve(1); },
      );
    };
    const onInt = () => stop("SIGINT");
    const onTerm = () => stop("SIGTERM");
    const onHup = () => {
      if (!component.reload) return;
      logger.info("SIGHUP: reloading");
      try { component.reload(); } catch (e) { logger.error({ err: errorMessage(e) }, "reload failed; previous settings stay in force"); }
    };
    const timer = opts.durationMs !== undefined ? setTimeout(() => stop("duration elapsed"), opts.durationMs) : undefined;
    function cleanup() {
      process.off("SIGINT", onInt);
      process.off("SIGTERM", onTerm);
      process.off("SIGHUP", onHup);
      if (timer) clearTimeout(timer);
    }
    process.on("SIGINT", onInt);
    process.on("SIGTERM", onTerm);
    process.on("SIGHUP", onHup);
  });
}
