/** Sizes in config are strings such as "512MiB", "10GiB", "1GB", or a plain number of bytes. */
const RE = /^(\d+(?:\.\d+)?)\s*(B|KiB|MiB|GiB|TiB|kB|KB|MB|GB|TB)?$/;
const UNIT = { B: 1, KiB: 2 ** 10, MiB: 2 ** 20, GiB: 2 ** 30, TiB: 2 ** 40, kB: 1e3, KB: 1e3, MB: 1e6, GB: 1e9, TB: 1e12 } as const;

export const BYTES_PATTERN = "^\\d+(\\.\\d+)?\\s*(B|KiB|MiB|GiB|TiB|kB|KB|MB|GB|TB)?$";

/** Bytes for a size string; throws RangeError when malformed. */
export function parseBytes(text: string): number {
  const m = RE.exec(text);
  if (!m) throw new RangeError(`not a size: ${JSON.stringify(text)} (expected e.g. 512MiB, 10GiB)`);
  return Math.floor(Number(m[1]) * UNIT[(m[2] ?? "B") as keyof typeof UNIT]);
}
