/**
 * Link keys: the pre-shared 256-bit secret that authenticates every datagram.
 *
 *   sluice keygen FILE  ─▶ FILE (mode 0600): 64 hex digits + "\n"
 *   loadKey(FILE)       ─▶ { id, bytes }   (refuses wrong size, group/world bits)
 *
 * File format: the 32 key bytes as 64 lowercase hex digits and one newline.
 * Text rather than raw bytes so an operator can copy it through a console or a
 * configuration-management tool without corrupting it; nothing else is allowed
 * in the file (no comments), so a truncated copy is always detected.
 *
 * The key id (uint32, sent in clear in every datagram) is the first 4 bytes of
 * sha256("sluice key id" || key): it selects the key during rollover and tells
 * an operator which key is in use, without revealing anything usable about it.
 *
 * The key bytes are a non-enumerable property with a redacting inspect(), so a
 * stray log call, JSON.stringify or error message cannot print them.
 */
import { createHash, randomBytes } from "node:crypto";
import { chmodSync, closeSync, openSync, readFileSync, statSync, writeSync } from "node:fs";
import { inspect } from "node:util";
import { SluiceError, errorMessage } from "../core/errors.js";

export const KEY_BYTES = 32;

export interface LinkKey {
  /** uint32 derived from the key: first 4 bytes of sha256("sluice key id" + key). */
  id: number;
  bytes: Buffer;
}

/** The key id of raw key bytes. */
export function keyIdOf(bytes: Buffer): number {
  return createHash("sha256").update("sluice key id").update(bytes).digest().readUInt32BE(0);
}

/** "0x1a2b3c4d": how key ids are shown to operators. */
export function formatKeyId(id: number): string {
  return `0x${(id >>> 0).toString(16).padStart(8, "0")}`;
}

/** Wrap raw bytes as a LinkKey whose bytes never show up in logs or JSON. */
export function makeKey(bytes: Buffer): LinkKey {
  if (bytes.length !== KEY_BYTES) throw new SluiceError("SLUICE_ERR_KEY", `a link key must be ${KEY_BYTES} bytes`);
  const key = { id: keyIdOf(bytes) } as LinkKey;
  Object.defineProperty(key, "bytes", { value: Buffer.from(bytes), enumerable: false });
  Object.defineProperty(key, inspect.custom, { value: () => `LinkKey(${formatKeyId(key.id)})`, enumerable: false });
  return key;
}

/** Write a new random key to `file` (mode 0600); refuses to overwrite anything. */
export function keygen(file: string): LinkKey {
  const bytes = randomBytes(KEY_BYTES);
  let fd: number;
  try {
    fd = openSync(file, "wx", 0o600); // "x": fail if the path exists (never clobber a key in use)
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === "EEXIST" ? "file already exists (refusing to overwrite a key)" : errorMessage(e);
    throw new SluiceError("SLUICE_ERR_KEY", `${file}: cannot write key: ${why}`);
  }
  try {
    writeSync(fd, `${bytes.toString("hex")}\n`);
  } finally {
    closeSync(fd);
  }
  chmodSync(file, 0o600); // the umask can only remove bits, but be explicit
  return makeKey(bytes);
}

/** Read a key file written by keygen; fails closed on anything unexpected. */
export function loadKey(file: string): LinkKey {
  let mode: number;
  let text: string;
  try {
    mode = statSync(file).mode;
    text = readFileSync(file, "latin1");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new SluiceError("SLUICE_ERR_KEY", `${file}: cannot read key file${code ? ` (${code})` : ""}`);
  }
  if (process.platform !== "win32" && (mode & 0o077) !== 0) {
    throw new SluiceError("SLUICE_ERR_KEY",
      `${file}: key file is accessible by group or others (mode ${(mode & 0o777).toString(8).padStart(4, "0")}); run chmod 600 on it`);
  }
  const hex = text.replace(/\r?\n$/, "");
  if (!/^[0-9a-fA-F]*$/.test(hex)) {
    throw new SluiceError("SLUICE_ERR_KEY", `${file}: not a sluice key file (expected ${KEY_BYTES * 2} hex digits from \`sluice keygen\`)`);
  }
  if (hex.length !== KEY_BYTES * 2) {
    throw new SluiceError("SLUICE_ERR_KEY",
      `${file}: wrong key size (${Math.floor(hex.length / 2)} bytes, expected ${KEY_BYTES}); write a new one with \`sluice keygen\``);
  }
  return makeKey(Buffer.from(hex, "hex"));
}
