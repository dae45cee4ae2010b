/**
 * The receiver's `history` section: memory rings by default, a crash-safe store on disk
 * when `path` is set (bounded by `retain` and `maxBytes`, oldest first).
 */
import { Type } from "@sinclair/typebox";
import { SIZE_PATTERN } from "../core/size.js";
import { Duration } from "./common.js";

/** Most history samples per tag in memory: 100k tags x 100k samples would still be bounded, just large. */
export const MAX_HISTORY_SAMPLES = 100_000;

export const ReceiverHistory = Type.Object({
  samples: Type.Integer({
    minimum: 0, maximum: MAX_HISTORY_SAMPLES, default: 1000,
    description: "samples kept per tag in memory when path is unset (0 = history off); about 24 bytes each for numeric tags",
  }),
  path: Type.Optional(Type.String({
    minLength: 1,
    description: "directory of the crash-safe history store (relative to this file); unset: history lives in memory and is lost on restart",
  })),
  retain: Duration("with path: samples older than this are evicted, oldest first", "30d"),
  maxBytes: Type.String({
    pattern: SIZE_PATTERN, default: "10GiB",
    description: "with path: the store is kept below this size, evicting the oldest samples first (e.g. 512MiB, 10GiB)",
  }),
}, {
  additionalProperties: false, default: {},
  description: "history per tag (REST history, OPC UA HistoryRead): in memory, or on disk with path",
});
