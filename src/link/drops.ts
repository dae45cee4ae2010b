/**
 * What the receiver dropped (or served as null with a Bad status) out of
 * authenticated frames, by reason: the counters behind
 * sluice_receiver_dropped_total{reason}, and one log line per reason at most every
 * LOG_EVERY_MS (with the count since the last one), so a key holder sending nothing
 * but over-limit frames cannot flood the log.
 */
import type { Logger } from "../core/log.js";

export const DROP_REASONS = [
  "catalogue_field", // a birth part with a path, unit or description over its limit (dropped)
  "catalogue_text", // a catalogue whose text exceeds limits.catalogue.text (dropped while it assembles)
  "catalogue_evicted", // an unfinished catalogue pushed out by others (limits.catalogue.assembling, 2 at once)
  "catalogue_expired", // an unfinished catalogue with no new part within limits.catalogue.lifetime
  "catalogue_rate", // a completed catalogue replaced by a newer one before limits.catalogue.interval let it in
  "time_future", // a sample or heartbeat time beyond the receiver's clock + limits.time.skew (dropped)
  "time_past", // a sample or heartbeat time before the receiver's clock - limits.time.maxAge (dropped)
  "type_range", // a value that does not fit its declared type (served as null, BadTypeMismatch)
  "nonfinite", // a float NaN or +-Infinity (served as null, BadOutOfRange)
  "string_length", // a string value over limits.string (served as null, BadOutOfRange)
  "heartbeat", // a heartbeat over limits.heartbeat (size, sources, text, names) (dropped)
] as const;
export type DropReason = (typeof DROP_REASONS)[number];

export const LOG_EVERY_MS = 60_000;

export class Drops {
  private readonly counts = Object.fromEntries(DROP_REASONS.map((r) => [r, 0])) as Record<DropReason, number>;
  private readonly logged = new Map<DropReason, { at: number; count: number }>();

  constructor(private readonly log: Logger, private readonly now: () => number = Date.now) {}

  /** Count n drops of one reason; `detail` goes into the (rate-limited) log line. */
  add(reason: DropReason, n = 1, detail?: string): void {
    this.counts[reason] += n;
    const t = this.now();
    const l = this.logged.get(reason);
    if (l && t - l.at < LOG_EVERY_MS) return;
    const since = l ? this.counts[reason] - l.count : n;
    this.logged.set(reason, { at: t, count: this.counts[reason] });
    this.log.warn({ reason, dropped: since, total: this.counts[reason], ...(detail ? { detail } : {}) },
      "link: authenticated input over a receiver limit dropped (logged at most once a minute per reason)");
  }

  snapshot(): Record<DropReason, number> {
    return { ...this.counts };
  }
}
