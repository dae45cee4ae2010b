/**
 * Report by exception (pure): has a value changed enough to be sent?
 *
 * The link's keyframes are the integrity refresh, so the reader only sends a
 * sample when its status changed or its value moved. With a deadband, a value
 * is sent when it differs from the last *sent* value by more than the deadband
 * (OPC UA DataChangeFilter semantics: "exceeds"), so slow drift still shows.
 * A percent deadband is turned into an absolute one at config load
 * (percent / 100 x the engineering range), so only one number reaches here.
 */
import type { Value } from "../../core/model.js";

function same(a: Value, b: Value): boolean {
  if (a === b) return true;
  return typeof a === "number" && typeof b === "number" && Number.isNaN(a) && Number.isNaN(b);
}

export function valueChanged(prev: Value, next: Value, deadband: number): boolean {
  if (same(prev, next)) return false;
  if (deadband <= 0 || prev === null || next === null) return true;
  let diff: number;
  if (typeof prev === "bigint" && typeof next === "bigint") diff = Math.abs(Number(next - prev));
  else if ((typeof prev === "number" || typeof prev === "bigint") && (typeof next === "number" || typeof next === "bigint")) {
    diff = Math.abs(Number(next) - Number(prev));
  } else return true;
  // NaN differences (a NaN on one side) always count as a change
  return !(diff <= deadband);
}

/** The last sample sent for one tag, and the decision for the next one. */
export interface Reported {
  value: Value;
  status: number;
  sent: boolean;
}

export function shouldReport(last: Reported, value: Value, status: number, deadband: number): boolean {
  if (!last.sent) return true;
  if (last.status !== status) return true;
  return valueChanged(last.value, value, deadband);
}
