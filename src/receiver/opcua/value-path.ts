/**
 * A tag's new value into its variable, without the copies a general setter makes.
 *
 * node-opcua 2.182.2's setValueFromSource serves any variable: per change it checks the
 * Variant against the DataType twice, clones the previous DataValue (its Variant too)
 * to compare with, and clones the new one again for the change event; each monitored
 * item then clones what it records. At 10,000 changes a second that path was a fifth
 * of the receiver's busy time (plant bench d, --cpu-prof). For a tag variable:
 *
 *   - the Variant is new for every change, built by toVariant (variant.ts) for the
 *     tag's type, which throws on a value that does not fit, and never changed after;
 *   - nothing but this setter writes the variable's value (every write service is
 *     refused, readonly-gate.ts), so the previous DataValue is never changed in place
 *     and can be compared with as it is;
 *   - the change event gets its own DataValue around the same Variant: a monitored item
 *     may set a status bit on what it is handed (a semantic change), and clones it
 *     before it keeps it.
 *
 *   setDirect(variable, variant, status, time)
 *     ──▶ new DataValue (source and server time as setValueFromSource sets them)
 *     ──▶ replaces the variable's value ──▶ unless sameDataValue(previous, new):
 *         "value_changed" with a DataValue of its own ──▶ monitored items, as before
 *
 * It writes node-opcua's internal field ($dataValue), so it is used only with the
 * release it was written against; otherwise the caller keeps setValueFromSource and is
 * told why.
 */
import { DataValue, type StatusCode, type UAVariable, type Variant, sameDataValue } from "node-opcua";
import { notPinned } from "./pinned.js";

/** The node-opcua release whose variable internals this was written against. */
export const DIRECT_FOR = "2.182.2";

/** The parts of node-opcua's UAVariableImpl used here (internal, not in its typings). */
interface Impl {
  $dataValue: DataValue;
  emit(event: "value_changed", dv: DataValue): boolean;
}

let state: { applied: true } | { applied: false; why: string } | null = null;

/** Whether setDirect may be used with the node-opcua loaded here, and why not. */
export function directValues(): { applied: true } | { applied: false; why: string } {
  if (!state) {
    const why = notPinned("node-opcua-address-space", DIRECT_FOR);
    state = why === null ? { applied: true } : { applied: false, why };
  }
  return state;
}

/** Whether a variable holds its value where setDirect writes it. */
export function ownsValue(v: UAVariable): boolean {
  const o = v as unknown as Partial<Impl>;
  return o.$dataValue instanceof DataValue && typeof o.emit === "function";
}

/** A DataValue stamped as setValueFromSource stamps it: the source time as server time too, no picoseconds. */
function stamped(value: Variant, status: StatusCode, when: Date): DataValue {
  const dv = new DataValue(null);
  dv.value = value;
  dv.statusCode = status;
  dv.sourceTimestamp = when;
  dv.sourcePicoseconds = 0;
  dv.serverTimestamp = when;
  dv.serverPicoseconds = 0;
  return dv;
}

/** Set a tag variable's value, status and source time, as setValueFromSource would. */
export function setDirect(v: UAVariable, value: Variant, status: StatusCode, when: Date): void {
  const o = v as unknown as Impl;
  const dv = stamped(value, status, when);
  const previous = o.$dataValue;
  o.$dataValue = dv;
  if (!sameDataValue(previous, dv)) o.emit("value_changed", stamped(value, status, when));
}
