/**
 * One tag's running state in the reader: its last usable value and the last
 * sample sent. Turns driver results and source communication states into the
 * samples the link must carry, per the quality model (README "Quality"):
 *
 *   PointResult ──normaliseValue──▶ {value,status} ──shouldReport?──▶ Sample | null
 *   comm state  ──────────────────▶ {last,status}  ──shouldReport?──▶ Sample | null
 *
 * | comm state                        | value | status                                   |
 * |-----------------------------------|-------|------------------------------------------|
 * | a read of this tag's group failed | last  | UncertainLastUsableValue                 |
 * | device unreachable, backing off   | last  | UncertainNoCommunicationLastUsableValue  |
 * | source demoted to down            | last  | BadNoCommunication                       |
 * A tag with no usable value yet keeps BadWaitingForInitialData (or its own
 * point-level Bad status) until the source is down. Status-only changes carry
 * the time the reader noticed them as sourceTime.
 *
 * A tag's samples leave in source-time order: the receiver drops a sample older than
 * the one it holds (a late frame must not roll a value back). A sample stamped before
 * the last one sent leaves stamped with the time the reader took it, and always after
 * that last one (history keeps one sample per time). That happens to an OPC UA value
 * unchanged since before the reader started or the device came back (older than the
 * placeholder or communication status the reader stamped itself), to a device clock
 * that stepped back or lags the reader's by more than the tag's time between changes,
 * and to a communication status after a device clock that runs ahead. Otherwise the
 * receiver would drop it and keep showing the stale value or status.
 */
import type { Sample, Value } from "../../core/model.js";
import type { PointResult } from "../../drivers/contract.js";
import { Status, quality } from "../../core/status.js";
import { normaliseValue, type NormSpec } from "./scale.js";
import { shouldReport, type Reported } from "./deadband.js";

export type CommState = "degraded" | "nocomm" | "down";

export class TagTrack {
  /** last usable engineering value (from the latest read that was not Bad) */
  private last: Value = null;
  private readonly rep: Reported = { value: null, status: Status.BadWaitingForInitialData, sent: false };
  /** source time of the last sample sent */
  private sentTime = -Infinity;
  /** set when the device cannot serve this tag's address: nothing else changes it */
  private fixed = false;

  constructor(readonly alias: number, readonly spec: NormSpec) {}

  /** A tag carried over a reload: its last sample, sent by the track it replaces, was stamped `time`. */
  carry(time: number): void {
    this.sentTime = time;
  }

  /** The sample every tag starts from (sent once, before any read). */
  initial(now: number): Sample {
    return this.emit(null, Status.BadWaitingForInitialData, now);
  }

  /** Bad configuration for this device (found when planning): permanent until rebuilt. */
  misconfigured(now: number): Sample | null {
    this.fixed = true;
    this.last = null;
    return this.offer(null, Status.BadConfigurationError, now, 0);
  }

  /** Planning succeeded again after a rebuild: the tag is readable. */
  configured(): void {
    this.fixed = false;
  }

  /** `now`: when the reader took the result (the time a reading stamped before the last sample sent gets). */
  fromRead(r: PointResult, now: number): Sample | null {
    if (this.fixed) return null;
    let value: Value;
    let status: number;
    if (this.spec.scaling.kind === "none" && this.spec.range === undefined) {
      // read as is, most tags of a plant: what normaliseValue does then, without its result object per read
      status = r.status;
      value = r.value === null || quality(status) === "bad" ? null : r.value;
    } else ({ value, status } = normaliseValue(this.spec, r.value, r.status));
    this.last = quality(status) === "bad" ? null : value;
    return this.offer(value, status, r.sourceTime, this.spec.deadband, now);
  }

  fromComm(state: CommState, now: number): Sample | null {
    if (this.fixed) return null;
    if (state === "down") return this.offer(this.last, Status.BadNoCommunication, now, 0);
    if (this.last === null) return null;
    const status = state === "degraded" ? Status.UncertainLastUsableValue : Status.UncertainNoCommunicationLastUsableValue;
    return this.offer(this.last, status, now, 0);
  }

  /** `now`: when the reader took it; the time it gets if `time` is before the last sample sent. */
  private offer(value: Value, status: number, time: number, deadband: number, now = time): Sample | null {
    if (!shouldReport(this.rep, value, status, deadband)) return null;
    return this.emit(value, status, time < this.sentTime ? Math.max(now, this.sentTime + 1) : time);
  }

  private emit(value: Value, status: number, time: number): Sample {
    this.rep.value = value;
    this.rep.status = status;
    this.rep.sent = true;
    this.sentTime = time;
    return { alias: this.alias, value, status, sourceTime: time };
  }
}
