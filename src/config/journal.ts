/** The reader's `journal` section: the bounded journal of samples sent, which the history carousel re-sends. */
import { Type } from "@sinclair/typebox";
import { SIZE_PATTERN } from "../core/size.js";
import { Duration } from "./common.js";

/** Default byte cap of a memory journal (also the cap after a disk journal fell back to memory). */
export const JOURNAL_MEMORY_BYTES = 64 * 2 ** 20;
/** Default byte cap of a disk journal. */
export const JOURNAL_DISK_BYTES = 2 ** 30;

export const ReaderJournal = Type.Object({
  retain: Duration("how far back the journal keeps samples sent (source time); the history carousel can re-send only what it keeps", "10m"),
  maxBytes: Type.Optional(Type.String({
    pattern: SIZE_PATTERN,
    description: "most bytes the journal holds, oldest dropped first (e.g. 64MiB, 2GiB); default 64MiB in memory, 1GiB on disk",
  })),
  path: Type.Optional(Type.String({
    minLength: 1,
    description: "directory for a disk journal (hours, kept across restarts), relative to this file; without it the journal is in memory. An unwritable or full directory stops the reader at start; a write failure later falls back to memory (logged, `degraded` in heartbeats)",
  })),
}, { additionalProperties: false, default: {}, description: "journal of every sample sent, re-sent by the history carousel (link.backfill) so a receiver fills what it missed" });
