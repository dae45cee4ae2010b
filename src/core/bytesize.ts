/** Byte sizes in config are strings such as "64MiB", "10GiB", "500MB", or a plain number of bytes. */
const RE = /^(\d+(?:\.\d+)?)(B|KiB|MiB|GiB|TiB|kB|MB|GB|TB)?$/;
const UNIT = { B: 1, KiB: 2 ** 10, MiB: 2 ** 20, GiB: 2 ** 30, TiB: 2 ** 40, kB: 1e3, MB: 1e6, GB: 1e9, TB: 1e12 } as const;

export const BYTESIZE_PATTERN = "^\\d+(\\.\\d+)?(B|KiB|MiB|GiB|TiB|kB|MB|GB|TB)?$";

/** Bytes for a size string; throws RangeError when malformed. */
export function parseByteSize(text: string): number {
  const m = RE.exec(text);
  if (!m) throw new RangeError(`not a byte size: ${JSON.stringify(text)} (expected e.g. 64MiB, 10GiB)`);
  return Math.round(Number(m[1]) * UNIT[(m[2] ?? "B") as keyof typeof UNIT]);
}
