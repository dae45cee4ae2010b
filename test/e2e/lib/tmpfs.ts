/**
 * A small tmpfs inside the run directory, for the receiver's history.path: a disk the
 * test can fill to the last byte (a full disk at start, and one that fills at run time).
 *
 *   mountTmpfs(dir, "24m") ─▶ mount -t tmpfs ─▶ fillUp(dir) writes FILLER until ENOSPC ─▶ unmount(dir) (lazy)
 *
 * The receiver runs in the dmz namespace: `ip netns exec` copies the mount table when it
 * starts a process, so the file system is mounted before the receiver starts.
 */
import { closeSync, mkdirSync, openSync, statfsSync, writeSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { join } from "node:path";

export const FILLER = "filler.bin";

export function mountTmpfs(dir: string, size: string): void {
  mkdirSync(dir, { recursive: true });
  const r = spawnSync("mount", ["-t", "tmpfs", "-o", `size=${size},mode=0750`, "tmpfs", dir], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`mount -t tmpfs -o size=${size} on ${dir} failed: ${r.stderr || r.error?.message}`);
}

/** Unmount (lazily: a process still holding a file there does not block it); never throws. */
export function unmount(dir: string): void {
  spawnSync("umount", ["-l", dir], { encoding: "utf8" });
}

export function freeBytes(dir: string): number {
  const s = statfsSync(dir);
  return s.bavail * s.bsize;
}

/** Write FILLER until the file system says ENOSPC; returns the bytes written. */
export function fillUp(dir: string): number {
  const fd = openSync(join(dir, FILLER), "a");
  const buf = Buffer.alloc(64 * 1024, 0x5a);
  let n = 0;
  try {
    for (;;) {
      try {
        n += writeSync(fd, buf, 0, buf.length);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === "ENOSPC") break;
        throw e;
      }
    }
    // the last partial block: smaller writes until nothing fits
    for (let size = 32 * 1024; size >= 512; size /= 2) {
      try { for (;;) n += writeSync(fd, buf, 0, size); } catch (e) { if ((e as NodeJS.ErrnoException).code !== "ENOSPC") throw e; }
    }
  } finally {
    closeSync(fd);
  }
  return n;
}
