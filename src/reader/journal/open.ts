/** The journal as the reader's config describes it (`journal:`). */
import { resolve } from "node:path";
import type { Static } from "@sinclair/typebox";
import type { Logger } from "../../core/log.js";
import { parseDuration } from "../../core/duration.js";
import { parseSize } from "../../core/size.js";
import { JOURNAL_DISK_BYTES, JOURNAL_MEMORY_BYTES, type ReaderJournal } from "../../config/journal.js";
import { Journal } from "./index.js";

export function openJournal(cfg: Static<typeof ReaderJournal>, baseDir: string, logger: Logger): Journal {
  const path = cfg.path === undefined ? undefined : resolve(baseDir, cfg.path);
  const maxBytes = cfg.maxBytes === undefined ? (path ? JOURNAL_DISK_BYTES : JOURNAL_MEMORY_BYTES) : parseSize(cfg.maxBytes);
  return Journal.open({ retainMs: parseDuration(cfg.retain), maxBytes, path, logger });
}
