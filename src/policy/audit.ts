/**
 * The audit view behind `sluice check --policy POLICY READER_CONFIG`: for every
 * configured tag, whether it crosses and which rule decided, in aligned columns.
 *
 *   CROSSES  press1/temperature  (rule: press1-temperature)
 *   BLOCKED  press1/secret       (rule: secrets)
 *   BLOCKED  press1/running      (rule: analog-only; type bool is not float32|float64)
 */
import type { TagType } from "../core/model.js";
import type { PolicyGate } from "./index.js";

export function auditLines(gate: PolicyGate, tags: { path: string; type: TagType }[]): string[] {
  const width = tags.reduce((w, t) => Math.max(w, t.path.length), 0);
  return tags.map((t) => {
    const d = gate.decide(t.path, t.type);
    const why = d.detail === undefined ? d.rule : `${d.rule}; ${d.detail}`;
    return `${d.allowed ? "CROSSES" : "BLOCKED"}  ${t.path.padEnd(width)}  (rule: ${why})`;
  });
}
