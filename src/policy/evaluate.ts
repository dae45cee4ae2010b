/**
 * The one decision function: may this tag cross, and which rule says so.
 *
 *   path ──any deny rule matches?──yes──▶ BLOCKED (that deny rule)
 *          │no
 *          └─first allow rule that matches──▶ its type constraint holds? ──▶ CROSSES (that rule)
 *                                             │no allow matches   │no
 *                                             ▼                   ▼
 *                                        BLOCKED "default deny"  BLOCKED (that rule, type)
 *
 * Deny beats allow regardless of order. Among allow rules the first match in file
 * order decides and only its constraints apply (later allows are not consulted, so a
 * broad allow placed after a narrow, constrained one cannot bypass its constraints).
 * The type constraint is checked whenever the tag's type is known.
 */
import { isNumericType, type TagType } from "../core/model.js";
import type { CompiledPolicy, CompiledRule } from "./compile.js";

export type VerdictReason = "denied" | "default" | "type";

export interface Verdict {
  allowed: boolean;
  /** The deciding rule's label, else "rules[N]", else "default deny". */
  rule: string;
  /** Why it is blocked (absent when allowed). */
  reason?: VerdictReason;
  /** Human explanation when a constraint blocked it. */
  detail?: string;
  /** The allow rule whose constraints apply to the tag's values. */
  by?: CompiledRule;
}

/** No tag path is this long (two segments of at most 128 characters); longer ones are denied unmatched. */
export const MAX_PATH_LENGTH = 512;

export function evaluate(policy: CompiledPolicy, path: string, type?: TagType): Verdict {
  if (path.length > MAX_PATH_LENGTH) {
    return { allowed: false, rule: "default deny", reason: "default", detail: `path longer than ${MAX_PATH_LENGTH} characters` };
  }
  for (const r of policy.deny) {
    if (r.match.test(path)) return { allowed: false, rule: r.name, reason: "denied" };
  }
  for (const r of policy.allow) {
    if (!r.match.test(path)) continue;
    if (type !== undefined && r.types !== undefined && !r.types.has(type)) {
      return { allowed: false, rule: r.name, reason: "type", detail: `type ${type} is not ${[...r.types].join("|")}` };
    }
    if (type !== undefined && r.range !== undefined && !isNumericType(type)) {
      return { allowed: false, rule: r.name, reason: "type", detail: `range applies to numeric tags, this one is ${type}` };
    }
    return { allowed: true, rule: r.name, by: r };
  }
  return { allowed: false, rule: "default deny", reason: "default" };
}
