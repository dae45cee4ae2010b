/**
 * Datagram authentication: AES-256-GCM (default; confidentiality + integrity)
 * or HMAC-SHA-256 truncated to 128 bits (integrity only, body in clear). The
 * clear header is always the associated data, so no header field can be
 * changed without the tag failing.
 *
 *   sender:   header ─┐
 *             frag ───┴▶ seal ─▶ [header | body | tag]
 *   receiver: [header | body | tag] ─▶ open ─▶ plaintext | null (counted "auth")
 *
 * Keys and nonces. Each sender start picks a fresh session id (unix seconds
 * and 32 random bits, see session.ts), and all datagram keys are derived per
 * session: subkey = HKDF-SHA256(link key, salt = session id (8 bytes BE),
 * info = "sluice link v1 " + algorithm, 32 bytes) (proto/README.md has vectors).
 * The GCM nonce is then 0x00000000 || sequence, where the sequence counts up
 * from 1 within the session and never wraps (< 2^53). So a (subkey, nonce)
 * pair never repeats: within a session the sequence is strictly increasing,
 * and a restarted sender, which starts its sequence again at 1, uses a new
 * session id and therefore a new subkey. Putting the session into the key
 * rather than the 96-bit nonce keeps all 64 bits of both fields; truncating
 * a random session id into a 32-bit nonce prefix would collide after about
 * 2^16 restarts (birthday bound), and one GCM nonce reuse leaks the
 * authentication key. Key rollover changes the link key, hence the subkey.
 * node:crypto only.
 */
import { createCipheriv, createDecipheriv, createHmac, createSecretKey, hkdfSync, timingSafeEqual, type KeyObject } from "node:crypto";
import { AUTH_ALGS, HEADER_BYTES, TAG_BYTES, type AuthAlg, type Header } from "./envelope.js";
import type { LinkKey } from "../keys.js";

export const authIndex = (alg: AuthAlg): number => AUTH_ALGS.indexOf(alg);

function sessionSalt(hi: number, lo: number): Buffer {
  const salt = Buffer.allocUnsafe(8);
  salt.writeUInt32BE(hi >>> 0, 0);
  salt.writeUInt32BE(lo >>> 0, 4);
  return salt;
}

/** The link key as a KeyObject, made once per key: hkdfSync would otherwise make one per derivation (a flood of made-up sessions derives per datagram). */
const keyObjects = new WeakMap<LinkKey, KeyObject>();
const INFO = new Map<AuthAlg, Buffer>();

export function deriveSubkey(key: LinkKey, alg: AuthAlg, hi: number, lo: number): Buffer {
  let ikm = keyObjects.get(key);
  if (!ikm) keyObjects.set(key, ikm = createSecretKey(key.bytes));
  let info = INFO.get(alg);
  if (!info) INFO.set(alg, info = Buffer.from(`sluice link v1 ${alg}`));
  return Buffer.from(hkdfSync("sha256", ikm, sessionSalt(hi, lo), info, 32));
}

function gcmNonce(seq: number): Buffer {
  const iv = Buffer.alloc(12);
  iv.writeUInt32BE(Math.floor(seq / 2 ** 32), 4);
  iv.writeUInt32BE(seq % 2 ** 32, 8);
  return iv;
}

/** Seal one datagram's body under a session subkey; returns [body, tag]. */
export function seal(alg: AuthAlg, subkey: Buffer, header: Buffer, seq: number, plaintext: Uint8Array): [Buffer, Buffer] {
  if (alg === "aes-256-gcm") {
    const c = createCipheriv("aes-256-gcm", subkey, gcmNonce(seq), { authTagLength: TAG_BYTES });
    c.setAAD(header);
    const body = c.update(plaintext);
    c.final();
    return [body, c.getAuthTag()];
  }
  const tag = createHmac("sha256", subkey).update(header).update(plaintext).digest().subarray(0, TAG_BYTES);
  return [Buffer.from(plaintext.buffer, plaintext.byteOffset, plaintext.length), tag];
}

/** Verify (and decrypt) a whole datagram; null when it does not authenticate. */
export function open(alg: AuthAlg, subkey: Buffer, datagram: Buffer, seq: number): Buffer | null {
  const header = datagram.subarray(0, HEADER_BYTES);
  const body = datagram.subarray(HEADER_BYTES, datagram.length - TAG_BYTES);
  const tag = datagram.subarray(datagram.length - TAG_BYTES);
  if (alg === "aes-256-gcm") {
    // final() throws on a bad tag; a flood of forgeries would spend most of its
    // time capturing stack traces, so capture none while verifying.
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    try {
      const d = createDecipheriv("aes-256-gcm", subkey, gcmNonce(seq), { authTagLength: TAG_BYTES });
      d.setAAD(header);
      d.setAuthTag(tag);
      const out = d.update(body);
      d.final(); // throws when the tag does not match
      return out;
    } catch {
      return null;
    } finally {
      Error.stackTraceLimit = limit;
    }
  }
  const mac = createHmac("sha256", subkey).update(header).update(body).digest().subarray(0, TAG_BYTES);
  return timingSafeEqual(mac, tag) ? body : null;
}

/**
 * Receiver side: finds the key by id and keeps the subkeys of sessions that
 * have authenticated (a handful), so forged datagrams with made-up session
 * ids can never evict a good entry; the last few unauthenticated derivations
 * sit in a separate small cache, so forgeries that reuse a session id cost
 * one derivation in total rather than one each.
 */
export class Opener {
  private keys: LinkKey[] = [];
  private readonly good = new Map<string, Buffer>();
  private readonly tried = new Map<string, Buffer>();
  /** the subkey that last authenticated a datagram */
  private last: { keyId: number; hi: number; lo: number; subkey: Buffer } | null = null;
  constructor(private readonly alg: AuthAlg, keys: LinkKey[]) {
    this.setKeys(keys);
  }

  setKeys(keys: LinkKey[]): void {
    this.keys = keys.slice(0, 2);
    this.good.clear();
    this.tried.clear();
    this.last = null;
  }

  /**
   * Plaintext, or null (unknown key id, wrong algorithm, bad tag). With `cache`
   * false nothing is cached (a check of a datagram that is refused
   * anyway, for a log line).
   */
  open(datagram: Buffer, h: Header, cache = true): Buffer | null {
    if (h.auth !== authIndex(this.alg)) return null; // no downgrade to the other algorithm
    const key = h.keyId === this.keys[0]?.id ? this.keys[0] : h.keyId === this.keys[1]?.id ? this.keys[1] : undefined;
    if (!key) return null;
    const last = this.last;
    if (last && last.keyId === h.keyId && last.hi === h.sessionHi && last.lo === h.sessionLo) {
      return open(this.alg, last.subkey, datagram, h.seq); // the steady state: one session, one key
    }
    const id = `${h.keyId}:${h.sessionHi}:${h.sessionLo}`;
    if (!cache) return open(this.alg, this.good.get(id) ?? deriveSubkey(key, this.alg, h.sessionHi, h.sessionLo), datagram, h.seq);
    let subkey = this.good.get(id);
    const known = subkey !== undefined;
    if (!subkey) {
      subkey = this.tried.get(id) ?? deriveSubkey(key, this.alg, h.sessionHi, h.sessionLo);
      remember(this.tried, id, subkey, 4);
    }
    const out = open(this.alg, subkey, datagram, h.seq);
    if (out) {
      if (!known) remember(this.good, id, subkey, 8);
      this.last = { keyId: h.keyId, hi: h.sessionHi, lo: h.sessionLo, subkey };
    }
    return out;
  }
}

function remember(cache: Map<string, Buffer>, id: string, subkey: Buffer, max: number): void {
  cache.delete(id);
  if (cache.size >= max) cache.delete(cache.keys().next().value as string);
  cache.set(id, subkey);
}
