/** Byte sizes in config: an integer, or a string such as "512KiB", "64MiB", "1GiB", "500MB". */
const RE = /^(\d+(?:\.\d+)?)\s*(B|KB|MB|GB|KiB|MiB|GiB)?$/;
const UNIT = { B: 1, KB: 1e3, MB: 1e6, GB: 1e9, KiB: 2 ** 10, MiB: 2 ** 20, GiB: 2 ** 30 } as const;

export const SIZE_PATTERN = "^\\d+(\\.\\d+)?\\s*(B|KB|MB|GB|KiB|MiB|GiB)?$";

/** Bytes for a size (integer or string); throws RangeError when malformed. */
export function parseSize(size: number | string): number {
  if (typeof size === "number") {
    if (!Number.isSafeInteger(size) || size < 0) throw new RangeError(`not a size: ${size}`);
    return size;
  }
  const m = RE.exec(size.trim());
  if (!m) throw new RangeError(`not a size: ${JSON.stringify(size)} (expected e.g. 64MiB, 1GiB)`);
  return Math.floor(Number(m[1]) * UNIT[(m[2] ?? "B") as keyof typeof UNIT]);
}
