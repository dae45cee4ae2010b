/** `sluice reader -c FILE` and `sluice receiver -c FILE`: start, then run until a signal. */
import { createLogger } from "../core/log.js";
import { startReader } from "../reader/main.js";
import { startReceiver } from "../receiver/main.js";
import { runUntilStopped } from "./lifecycle.js";

export async function cmdReader(file: string): Promise<number> {
  const logger = createLogger({ name: "sluice-reader" });
  const handle = await startReader(file, { logger });
  return runUntilStopped(handle, logger);
}

export async function cmdReceiver(file: string): Promise<number> {
  const logger = createLogger({ name: "sluice-receiver" });
  const handle = await startReceiver(file, { logger });
  logger.info({ rest: handle.rest, opcua: handle.opcua, link: handle.link }, "receiver serving");
  return runUntilStopped(handle, logger);
}
