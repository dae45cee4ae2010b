/**
 * Password hashes (OPC UA users, REST users): scrypt from node:crypto, stored
 * as scrypt$N$r$p$salt$hash (base64), compared in constant time. Config files
 * hold only hashes; the clear password never reaches a log or an error.
 *
 * A configured hash chooses its own cost, so its parameters are bounded as a
 * whole, not one by one: the bytes scrypt touches, 128·N·r·p (memory 128·N·r
 * per lane, p lanes one after the other), stay at most MAX_COST_BYTES (64 MiB,
 * four times the default hash's 16 MiB: about 4 × 50 ms of CPU per login), and
 * each of N, r, p stays in a sane range. checkPasswordHash says why a hash is
 * refused (for the config loader); verify never runs a refused hash.
 */
import { randomBytes, scrypt, scryptSync, timingSafeEqual } from "node:crypto";

const N = 16384;
const R = 8;
const P = 1;
const KEY_LEN = 32;
/** Bound on 128·N·r·p, the work (and with p = 1 the memory) of one verification. */
export const MAX_COST_BYTES = 64 * 1024 * 1024;
const MAX_R = 32;
const MAX_P = 16;

interface Parsed {
  n: number;
  r: number;
  p: number;
  salt: Buffer;
  hash: Buffer;
}

const maxmem = (n: number, r: number): number => 128 * n * r + 1024 * 1024;

export function hashPassword(plain: string): string {
  const salt = randomBytes(16);
  const hash = scryptSync(plain.normalize("NFC"), salt, KEY_LEN, { N, r: R, p: P, maxmem: maxmem(N, R) });
  return `scrypt$${N}$${R}$${P}$${salt.toString("base64")}$${hash.toString("base64")}`;
}

/** Why `stored` is not a usable hash (never quoting it), or null when it is. */
export function checkPasswordHash(stored: string): string | null {
  const h = parse(stored);
  return typeof h === "string" ? h : null;
}

function parse(stored: string): Parsed | string {
  const parts = stored.split("$");
  if (parts.length !== 6 || parts[0] !== "scrypt") return "not an scrypt hash (scrypt$N$r$p$salt$hash from `sluice hash-password`)";
  const [n, r, p] = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
  const ok = (x: number, max: number): boolean => Number.isInteger(x) && x >= 1 && x <= max;
  // scrypt requires N to be a power of two above 1
  if (!Number.isSafeInteger(n) || n < 2 || n > 2 ** 30 || (n & (n - 1)) !== 0) return "scrypt N must be a power of two";
  if (!ok(r, MAX_R)) return `scrypt r must be 1-${MAX_R}`;
  if (!ok(p, MAX_P)) return `scrypt p must be 1-${MAX_P}`;
  if (128 * n * r * p > MAX_COST_BYTES) {
    return `scrypt cost 128·N·r·p = ${(128 * n * r * p) / 2 ** 20} MiB is above the bound of ${MAX_COST_BYTES / 2 ** 20} MiB (hash it again with \`sluice hash-password\`)`;
  }
  const salt = Buffer.from(parts[4] ?? "", "base64");
  const hash = Buffer.from(parts[5] ?? "", "base64");
  if (salt.length < 8 || hash.length < 16 || hash.length > 64) return "scrypt salt or hash has the wrong length";
  return { n, r, p, salt, hash };
}

/** True when `plain` matches `stored`; false for any mismatch or refused hash. Synchronous (blocks ~50 ms). */
export function verifyPassword(plain: string, stored: string): boolean {
  const h = parse(stored);
  if (typeof h === "string") return false;
  const got = scryptSync(plain.normalize("NFC"), h.salt, h.hash.length, { N: h.n, r: h.r, p: h.p, maxmem: maxmem(h.n, h.r) });
  return timingSafeEqual(got, h.hash);
}

/** verifyPassword on the libuv thread pool, so a login does not stall the main thread. */
export function verifyPasswordAsync(plain: string, stored: string): Promise<boolean> {
  const h = parse(stored);
  if (typeof h === "string") return Promise.resolve(false);
  return new Promise((resolve) => {
    scrypt(plain.normalize("NFC"), h.salt, h.hash.length, { N: h.n, r: h.r, p: h.p, maxmem: maxmem(h.n, h.r) }, (err, got) => {
      resolve(!err && timingSafeEqual(got, h.hash));
    });
  });
}

/** A hash no password matches, to spend the same time on unknown user names as on known ones. */
export const DUMMY_HASH = `scrypt$${N}$${R}$${P}$${Buffer.alloc(16).toString("base64")}$${Buffer.alloc(KEY_LEN).toString("base64")}`;
