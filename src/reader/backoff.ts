/**
 * Capped exponential backoff with jitter (pure), for reconnect attempts.
 *
 * attempt 0 waits `min`; each further attempt doubles the ceiling up to `max`.
 * The wait is drawn from [ceiling/2, ceiling] ("equal jitter"), never below
 * `min` and never above `max`, so many readers restarted together do not hit
 * a recovering PLC in lockstep.
 */
export interface BackoffSpec {
  minMs: number;
  maxMs: number;
}

export function backoffDelay(attempt: number, spec: BackoffSpec, random: () => number): number {
  const exp = Math.min(Math.max(0, attempt), 30);
  const ceiling = Math.min(spec.maxMs, spec.minMs * 2 ** exp);
  const r = Math.min(Math.max(random(), 0), 1);
  const d = ceiling / 2 + (ceiling / 2) * r;
  return Math.round(Math.min(spec.maxMs, Math.max(spec.minMs, d)));
}
