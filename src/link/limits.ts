/**
 * Caps on what an authenticated frame can make the receiver hold or do (the key
 * holder of SECURITY.md): the receiver config's `limits` section in milliseconds and
 * characters, as the replica and the screens use them. Defaults are the config's.
 */
import { Value as SchemaValue } from "@sinclair/typebox/value";
import type { Static } from "@sinclair/typebox";
import { ReceiverLimits } from "../config/receiver-limits.js";
import { parseDuration } from "../core/duration.js";

export interface LinkLimits {
  catalogue: {
    /** longest path, unit, description (characters) */
    path: number;
    unit: number;
    description: number;
    /** characters of text in one catalogue, and in all unfinished ones together */
    text: number;
    assembling: number;
    /** an unfinished catalogue with no new part for this long is dropped (ms) */
    lifetimeMs: number;
    /** shortest time between two catalogue changes (ms) */
    intervalMs: number;
  };
  time: { skewMs: number; maxAgeMs: number };
  /** longest string value (characters) */
  string: number;
  heartbeat: { bytes: number; sources: number; text: number };
}

/** The limits of a validated `limits` config section. */
export function linkLimitsFrom(l: Static<typeof ReceiverLimits>): LinkLimits {
  const c = l.catalogue, t = l.time;
  return {
    catalogue: {
      path: c.path, unit: c.unit, description: c.description, text: c.text, assembling: c.assembling,
      lifetimeMs: parseDuration(c.lifetime), intervalMs: parseDuration(c.interval),
    },
    time: { skewMs: parseDuration(t.skew), maxAgeMs: parseDuration(t.maxAge) },
    heartbeat: { ...l.heartbeat },
    string: l.string,
  };
}

/** The config defaults. */
export function defaultLinkLimits(): LinkLimits {
  return linkLimitsFrom(SchemaValue.Default(ReceiverLimits, {}) as Static<typeof ReceiverLimits>);
}
