/**
 * Byte sizes in config, one grammar for every key that takes one (journal.maxBytes,
 * history.maxBytes, mqtt.buffer.maxBytes): a plain number of bytes, or a string such as
 * "512KiB", "64MiB", "10GiB", "500MB" (binary KiB..TiB, decimal kB/KB..TB, an optional
 * space before the unit).
 */
const RE = /^(\d+(?:\.\d+)?)\s*(B|KiB|MiB|GiB|TiB|kB|KB|MB|GB|TB)?$/;
const UNIT = { B: 1, KiB: 2 ** 10, MiB: 2 ** 20, GiB: 2 ** 30, TiB: 2 ** 40, kB: 1e3, KB: 1e3, MB: 1e6, GB: 1e9, TB: 1e12 } as const;

export const SIZE_PATTERN = "^\\d+(\\.\\d+)?\\s*(B|KiB|MiB|GiB|TiB|kB|KB|MB|GB|TB)?$";

/** Bytes for a size (integer or string); throws RangeError when malformed. */
export function parseSize(size: number | string): number {
  if (typeof size === "number") {
    if (!Number.isSafeInteger(size) || size < 0) throw new RangeError(`not a size: ${size}`);
    return size;
  }
  const m = RE.exec(size.trim());
  if (!m) throw new RangeError(`not a size: ${JSON.stringify(size)} (expected e.g. 64MiB, 10GiB)`);
  // rounded, not floored: 0.29 * 1e3 is 289.99999999999994
  return Math.round(Number(m[1]) * UNIT[(m[2] ?? "B") as keyof typeof UNIT]);
}
