/**
 * The last hour of link health for the status page's chart, kept on the server in a
 * bounded ring (POINTS points of STEP_MS each), so the chart is full on the first load.
 *
 *   every STEP_MS: store.link() counters ──delta──▶ point { t, frames, lost, recovered, rejected, latencyMs }
 *   link "frame" events ──receivedAt - frameTime──▶ mean latency of the step
 */
import type { EventEmitter } from "node:events";
import type { LinkView } from "../store-api.js";

export const STEP_MS = 10_000;
export const POINTS = 360;

export interface LinkPoint {
  /** end of the step, ms since epoch */
  t: number;
  /** frames accepted, lost after FEC, rebuilt by FEC, datagrams rejected (all reasons) in the step */
  frames: number;
  lost: number;
  recovered: number;
  rejected: number;
  /** mean reader-to-receiver latency of the step's frames, ms; null without frames */
  latencyMs: number | null;
  up: boolean;
}

interface FrameInfo { frameTime?: number; meta?: { receivedAt?: number } }

const sum = (r: Record<string, number>): number => Object.values(r).reduce((a, b) => a + b, 0);

export class LinkRing {
  private readonly points: LinkPoint[] = [];
  private last: { frames: number; lost: number; recovered: number; rejected: number } | null = null;
  private latSum = 0;
  private latN = 0;
  private readonly timer: NodeJS.Timeout;
  private readonly detach: () => void;

  constructor(private readonly view: () => LinkView, link?: EventEmitter, private readonly stepMs = STEP_MS) {
    const onFrame = (info: FrameInfo) => {
      const at = info?.meta?.receivedAt;
      if (typeof at === "number" && typeof info.frameTime === "number") {
        this.latSum += Math.max(0, at - info.frameTime);
        this.latN++;
      }
    };
    link?.on("frame", onFrame);
    this.detach = () => { link?.off("frame", onFrame); };
    this.sample(Date.now());
    this.timer = setInterval(() => this.sample(Date.now()), stepMs);
    this.timer.unref();
  }

  /** Close the current step at time `now` (called by the timer; public for tests). */
  sample(now: number): void {
    const l = this.view();
    const cur = { frames: l.framesReceived, lost: l.framesLost, recovered: l.framesRecovered, rejected: sum(l.rejected) };
    const prev = this.last;
    this.last = cur;
    const latencyMs = this.latN > 0 ? this.latSum / this.latN : null;
    this.latSum = 0;
    this.latN = 0;
    if (prev === null) return;
    // Counters restart with the process or the reader: a drop counts from zero.
    const d = (k: keyof typeof cur) => (cur[k] >= prev[k] ? cur[k] - prev[k] : cur[k]);
    this.points.push({ t: now, frames: d("frames"), lost: d("lost"), recovered: d("recovered"), rejected: d("rejected"), latencyMs, up: l.up });
    if (this.points.length > POINTS) this.points.shift();
  }

  /** Mean latency of the step in progress, else of the last step, ms (null without frames). */
  latencyMs(): number | null {
    return this.latN > 0 ? this.latSum / this.latN : this.points.at(-1)?.latencyMs ?? null;
  }

  /** Points oldest first (at most POINTS). */
  series(): readonly LinkPoint[] {
    return this.points;
  }

  get step(): number {
    return this.stepMs;
  }

  close(): void {
    clearInterval(this.timer);
    this.detach();
  }
}
