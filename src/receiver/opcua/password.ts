/**
 * Password hashes for OPC UA users: scrypt from node:crypto, stored as
 * scrypt$N$r$p$salt$hash (base64), compared in constant time. Config files hold
 * only hashes; the clear password never reaches a log or an error.
 */
import { randomBytes, scrypt, scryptSync, timingSafeEqual } from "node:crypto";

const N = 16384;
const R = 8;
const P = 1;
const KEY_LEN = 32;
/** Bounds on parameters read from a config file, so a crafted hash cannot make a login cost seconds or gigabytes. */
const MAX_N = 1 << 20;
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

function parse(stored: string): Parsed | null {
  const parts = stored.split("$");
  if (parts.length !== 6 || parts[0] !== "scrypt") return null;
  const [n, r, p] = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
  const ok = (x: number, max: number): boolean => Number.isInteger(x) && x >= 1 && x <= max;
  // scrypt requires N to be a power of two above 1
  if (!ok(n, MAX_N) || n < 2 || (n & (n - 1)) !== 0 || !ok(r, MAX_R) || !ok(p, MAX_P)) return null;
  const salt = Buffer.from(parts[4] ?? "", "base64");
  const hash = Buffer.from(parts[5] ?? "", "base64");
  if (salt.length < 8 || hash.length < 16) return null;
  return { n, r, p, salt, hash };
}

/** True when `plain` matches `stored`; false for any mismatch or malformed hash. Synchronous (blocks ~50 ms). */
export function verifyPassword(plain: string, stored: string): boolean {
  const h = parse(stored);
  if (!h) return false;
  const got = scryptSync(plain.normalize("NFC"), h.salt, h.hash.length, { N: h.n, r: h.r, p: h.p, maxmem: maxmem(h.n, h.r) });
  return timingSafeEqual(got, h.hash);
}

/** verifyPassword on the libuv thread pool, so a login does not stall publishing. */
export function verifyPasswordAsync(plain: string, stored: string): Promise<boolean> {
  const h = parse(stored);
  if (!h) return Promise.resolve(false);
  return new Promise((resolve) => {
    scrypt(plain.normalize("NFC"), h.salt, h.hash.length, { N: h.n, r: h.r, p: h.p, maxmem: maxmem(h.n, h.r) }, (err, got) => {
      resolve(!err && timingSafeEqual(got, h.hash));
    });
  });
}

/** A hash no password matches, to spend the same time on unknown user names as on known ones. */
export const DUMMY_HASH = `scrypt$${N}$${R}$${P}$${Buffer.alloc(16).toString("base64")}$${Buffer.alloc(KEY_LEN).toString("base64")}`;
