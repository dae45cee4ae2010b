/**
 * One poll group of a source: the tags that share an interval, their read plan
 * on the current driver, and the flags that keep at most one poll of the group
 * queued or running (a tick that finds one is an overrun and is skipped:
 * polls are never queued behind themselves).
 *
 * Planning happens after every (re)connect, because a restarted device may
 * resolve addresses differently (OPC UA namespace indexes). When the driver
 * refuses the group, each point is planned alone so that one address this
 * device cannot serve marks only its own tag BadConfigurationError.
 */
import type { Sample } from "../core/model.js";
import type { Driver, Point, ReadPlan } from "../drivers/contract.js";
import { errorMessage } from "../core/errors.js";
import type { Logger } from "../core/log.js";
import type { NormSpec } from "./normalise/scale.js";
import { TagTrack } from "./normalise/track.js";
import type { FixedRateTicker } from "./ticker.js";

/** A tag as the scheduler receives it: alias assigned, address parsed. */
export interface SchedTag {
  alias: number;
  /** SOURCE/TAG, for logs */
  path: string;
  address: unknown;
  /** the raw type the driver converts to */
  type: Point["type"];
  spec: NormSpec;
}

export class PollGroup {
  readonly tracks: TagTrack[];
  plan: ReadPlan | null = null;
  /** plan point j -> tracks[map[j]] */
  map: number[] = [];
  queued = false;
  running = false;
  ticker: FixedRateTicker | undefined;

  constructor(readonly intervalMs: number, readonly tags: readonly SchedTag[]) {
    this.tracks = tags.map((t) => new TagTrack(t.alias, t.spec));
  }

  /** (Re)build the plan on `driver`; returns the samples of tags found misconfigured. */
  replan(driver: Driver, now: number, logger: Logger): Sample[] {
    const out: Sample[] = [];
    const points = (idx: number[]): Point[] => idx.map((ti, j) => ({ index: j, address: this.tags[ti]!.address, type: this.tags[ti]!.type }));
    const all = this.tags.map((_, i) => i);
    try {
      this.plan = driver.plan(points(all));
      this.map = all;
    } catch (e) {
      logger.debug({ err: errorMessage(e) }, "group plan refused; planning tags one by one");
      const ok: number[] = [];
      for (const i of all) {
        try {
          driver.plan(points([i]));
          ok.push(i);
        } catch (pe) {
          logger.warn({ tag: this.tags[i]!.path, err: errorMessage(pe) }, "device cannot serve this tag's address: BadConfigurationError");
          const s = this.tracks[i]!.misconfigured(now);
          if (s) out.push(s);
        }
      }
      this.map = ok;
      this.plan = ok.length > 0 ? driver.plan(points(ok)) : null;
    }
    for (const i of this.map) this.tracks[i]!.configured();
    return out;
  }

  reset(): void {
    this.queued = false;
    this.running = false;
  }
}
