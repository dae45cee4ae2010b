/**
 * Per-process figures from /proc, as the plant bench reports them: CPU seconds
 * (utime + stime) and resident memory. Linux only, like the product.
 */
import { readFileSync } from "node:fs";

/** First holding register of the bench tags (the simulator's own values sit below it). */
export const BASE = 200;

const CLK_TCK = 100; // USER_HZ on Linux x86-64

/** utime + stime of a process, in seconds; NaN once it has exited. */
export function cpuSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // the command name (field 2) may contain spaces: count fields after its closing parenthesis
    const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(f[11]) + Number(f[12])) / CLK_TCK;
  } catch {
    return Number.NaN;
  }
}

/** Resident set size in MiB; NaN once the process has exited. */
export function rssMiB(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) / 1024 : Number.NaN;
  } catch {
    return Number.NaN;
  }
}

/** Percentile of a numeric sample (nearest rank); NaN when empty. */
export function pct(sorted: Float64Array | number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i] as number;
}

/** Samples a process every second: CPU over the measured window and peak RSS. */
export class ProcWatch {
  private cpu0 = Number.NaN;
  private t0 = 0;
  peakRss = 0;
  lastRss = 0;
  constructor(readonly name: string, readonly pid: number) {}
  start(): void {
    this.cpu0 = cpuSeconds(this.pid);
    this.t0 = Date.now();
    this.peakRss = 0;
  }
  sample(): void {
    const r = rssMiB(this.pid);
    if (Number.isFinite(r)) {
      this.lastRss = r;
      this.peakRss = Math.max(this.peakRss, r);
    }
  }
  /** CPU cores used since start() (CPU seconds per wall second). */
  cores(): number {
    return (cpuSeconds(this.pid) - this.cpu0) / ((Date.now() - this.t0) / 1000);
  }
}
