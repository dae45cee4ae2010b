/**
 * Receiver-side quality: what a tag's status becomes when the link falls silent.
 *
 *   silence < timeout          Live    status as the reader sent it
 *   timeout <= silence < stale Silent  Good/Uncertain -> UncertainNoCommunicationLastUsableValue
 *   silence >= stale           Stale   Good/Uncertain -> BadNoCommunication
 *
 * Bad statuses stay as they are (BadWaitingForInitialData still means "no value yet",
 * BadConfigurationError is still the reason). The value itself is kept ("last").
 * Pure functions: the store owns the clock, so tests drive time by hand.
 */
import { Status } from "../core/status.js";

export const Level = { Live: 0, Silent: 1, Stale: 2 } as const;
export type Level = (typeof Level)[keyof typeof Level];

/** The link level after `silenceMs` without any accepted frame. */
export function linkLevel(silenceMs: number, timeoutMs: number, staleMs: number): Level {
  if (silenceMs >= staleMs) return Level.Stale;
  if (silenceMs >= timeoutMs) return Level.Silent;
  return Level.Live;
}

/** The status clients see for a reader status `raw` at link level `level`. */
export function effectiveStatus(raw: number, level: Level): number {
  if (level === Level.Live) return raw;
  if (raw >>> 31 === 1) return raw; // Bad (severity 10 or 11) stays Bad
  return level === Level.Silent ? Status.UncertainNoCommunicationLastUsableValue : Status.BadNoCommunication;
}
