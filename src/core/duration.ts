/** Durations in config are strings such as "250ms", "5s", "1m", "1h", "30d". */
const RE = /^(\d+(?:\.\d+)?)(ms|s|m|h|d)$/;
const MS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

export const DURATION_PATTERN = "^\\d+(\\.\\d+)?(ms|s|m|h|d)$";

/** Milliseconds for a duration string; throws RangeError when malformed. */
export function parseDuration(text: string): number {
  const m = RE.exec(text);
  if (!m) throw new RangeError(`not a duration: ${JSON.stringify(text)} (expected e.g. 250ms, 5s, 1m)`);
  return Math.round(Number(m[1]) * MS[m[2] as keyof typeof MS]);
}
