/**
 * Schema of a crossing-policy file (policies/*.yaml). The JSON Schema users and
 * editors see (policies/policy.schema.json) is generated from this one object.
 *
 * What the schema cannot say is checked in src/policy/compile.ts: exactly one of
 * allow/deny per rule, constraints only on allow rules, glob syntax, min <= max.
 */
import { Type, type Static } from "@sinclair/typebox";
import { TAG_TYPES, type TagType } from "../core/model.js";
import { Strict } from "./common.js";

/** Longest glob accepted (mirrors MAX_GLOB_LENGTH in src/policy/glob.ts). */
const GLOB_MAX = 256;
/** Rules per file and globs per rule: bounds evaluation cost (exact paths are a Set lookup, so long lists of them are cheap). */
export const MAX_RULES = 10_000;
export const MAX_GLOBS_PER_RULE = 10_000;

const Glob = Type.String({
  minLength: 1,
  maxLength: GLOB_MAX,
  description: 'tag path glob, anchored and case-sensitive: "*" within one segment, "**" across "/", "?" one character, [a-z] / [!a-z] classes',
});
const Globs = Type.Union([Glob, Type.Array(Glob, { minItems: 1, maxItems: MAX_GLOBS_PER_RULE })], {
  description: "one glob or a list of globs",
});

// An enum (not a union of literals) so a bad value reads "must be one of ...".
const TagTypeSchema = Type.Unsafe<TagType>({ type: "string", enum: [...TAG_TYPES], description: "a sluice tag type" });

export const RangeAction = Type.Unsafe<"drop" | "flag">({
  type: "string",
  enum: ["drop", "flag"],
  default: "drop",
  description: "out-of-range values: drop them (counted as range), or let them cross with status BadOutOfRange (counted as flagged)",
});

export const PolicyRange = Strict({
  min: Type.Optional(Type.Number({ description: "lowest value allowed (inclusive)" })),
  max: Type.Optional(Type.Number({ description: "highest value allowed (inclusive)" })),
  action: RangeAction,
}, "value range for numeric tags; at least one of min and max");

export const PolicyRule = Strict({
  allow: Type.Optional(Globs),
  deny: Type.Optional(Globs),
  label: Type.Optional(Type.String({
    minLength: 1, maxLength: 64, pattern: "^[A-Za-z0-9_.:-]+$",
    description: "a name for audits and logs, shown instead of rules[N] ([A-Za-z0-9_.:-]+)",
  })),
  type: Type.Optional(Type.Union([TagTypeSchema, Type.Array(TagTypeSchema, { minItems: 1, uniqueItems: true })], {
    description: "expected tag type(s); a tag of another type, or a value of the wrong kind, is blocked",
  })),
  range: Type.Optional(PolicyRange),
  maxRate: Type.Optional(Type.Number({
    exclusiveMinimum: 0, maximum: 10_000,
    description: "most updates per second per tag that cross; excess updates are held back (the newest one waits) and dropped when superseded",
  })),
}, "one rule: exactly one of allow or deny; constraints (type, range, maxRate) only on allow rules");

export const PolicyFile = Strict({
  version: Type.Unsafe<1>({ type: "integer", enum: [1], description: "policy format version (1)" }),
  description: Type.Optional(Type.String({ maxLength: 2000, description: "free text: what this policy is for, who owns it" })),
  rules: Type.Array(PolicyRule, {
    minItems: 1, maxItems: MAX_RULES,
    description: "deny rules win over allow rules regardless of order; among allow rules the first match decides; a tag no allow rule matches is denied",
  }),
}, "sluice crossing policy: which tags may leave the control network");

export type PolicyFile = Static<typeof PolicyFile>;
export type PolicyRule = Static<typeof PolicyRule>;
export type PolicyRange = Static<typeof PolicyRange>;

/** The JSON Schema document written to policies/policy.schema.json (kept in sync by a unit test). */
export function policyJsonSchema(): Record<string, unknown> {
  return {
    $schema: "http://json-schema.org/draft-07/schema#",
    title: "sluice crossing policy",
    ...(JSON.parse(JSON.stringify(PolicyFile)) as Record<string, unknown>),
  };
}
