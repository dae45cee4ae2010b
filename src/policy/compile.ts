/**
 * From a policy file to the compiled form the gate evaluates, once per load:
 *
 *   YAML ──readYaml──▶ object ──ajv (PolicyFile)──▶ frozen ──checks + globs──▶ CompiledPolicy
 *
 * Every failure is SLUICE_ERR_POLICY "FILE:LINE: field.path: reason" (exit 2), whether it
 * is unreadable, empty, not YAML, an unknown key or a glob that cannot match; every
 * mistake in the file is named in the one error (one line each).
 * The hash covers the canonical rules (what decides), not comments or description.
 */
import { createHash } from "node:crypto";
import { checkSchema, deepFreeze, Issues, readYamlFile } from "../config/load.js";
import { PolicyFile, type PolicyRule } from "../config/policy.js";
import { SluiceError, errorMessage, isSluiceError } from "../core/errors.js";
import type { TagType } from "../core/model.js";
import { GlobError, compileGlobs, parseGlob, type GlobMatcher } from "./glob.js";

export interface CompiledRule {
  /** Position in the file (rules[index]). */
  index: number;
  /** The label, else "rules[N]": what audits and decisions name. */
  name: string;
  kind: "allow" | "deny";
  globs: readonly string[];
  /** All globs of the rule as one matcher (any glob matching = the rule matches). */
  match: GlobMatcher;
  types?: ReadonlySet<TagType>;
  range?: { min: number; max: number; action: "drop" | "flag" };
  /** Minimum spacing between crossing updates of one tag, from maxRate. */
  minIntervalMs?: number;
}

export interface CompiledPolicy {
  file: string;
  /** Deny rules in file order (any match blocks). */
  deny: readonly CompiledRule[];
  /** Allow rules in file order (the first match decides). */
  allow: readonly CompiledRule[];
  /** First 16 hex chars of sha256 over the canonical rules. */
  hash: string;
  description?: string;
}

type Report = (path: string, reason: string) => void;

const list = <T>(v: T | readonly T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? [...(v as T[])] : [v as T]);

/** Compile one rule, reporting every rule it breaks; undefined when it broke any. */
function compileRule(rule: PolicyRule, index: number, report: Report): CompiledRule | undefined {
  const at = `rules[${index}]`;
  let bad = false;
  const fail: Report = (path, reason) => { bad = true; report(path, reason); };
  if ((rule.allow === undefined) === (rule.deny === undefined)) {
    fail(at, "needs exactly one of allow or deny");
    return undefined;
  }
  const kind = rule.allow !== undefined ? "allow" : "deny";
  if (kind === "deny") {
    for (const k of ["type", "range", "maxRate"] as const) {
      if (rule[k] !== undefined) fail(`${at}.${k}`, "constraints apply to allow rules only (a deny rule blocks outright)");
    }
  }
  const globs = list(kind === "allow" ? rule.allow : rule.deny);
  globs.forEach((g, i) => {
    try {
      parseGlob(g);
    } catch (e) {
      const field = Array.isArray(rule[kind]) ? `${at}.${kind}[${i}]` : `${at}.${kind}`;
      if (e instanceof GlobError) fail(field, `bad glob ${JSON.stringify(g)}: ${e.message}`);
      else throw e;
    }
  });
  if (bad) return undefined;
  const out: CompiledRule = { index, name: rule.label ?? at, kind, globs, match: compileGlobs(globs) };
  if (rule.type !== undefined) out.types = new Set(list(rule.type));
  if (rule.range !== undefined) {
    const { min, max, action } = rule.range;
    if (min === undefined && max === undefined) fail(`${at}.range`, "needs min, max or both");
    if (min !== undefined && max !== undefined && min > max) fail(`${at}.range`, `min (${min}) is greater than max (${max})`);
    if (bad) return undefined;
    out.range = { min: min ?? -Infinity, max: max ?? Infinity, action };
  }
  if (rule.maxRate !== undefined) out.minIntervalMs = 1000 / rule.maxRate;
  return out;
}

/** The canonical form that is hashed: decision-relevant fields, fixed key order, sorted sets. */
function canonical(policy: PolicyFile): string {
  const rules = policy.rules.map((r) => ({
    kind: r.allow !== undefined ? "allow" : "deny",
    globs: list(r.allow ?? r.deny).sort(),
    label: r.label ?? null,
    type: r.type === undefined ? null : list(r.type).sort(),
    range: r.range === undefined ? null : { min: r.range.min ?? null, max: r.range.max ?? null, action: r.range.action },
    maxRate: r.maxRate ?? null,
  }));
  return JSON.stringify({ version: policy.version, rules });
}

export function policyHash(policy: PolicyFile): string {
  return createHash("sha256").update(canonical(policy)).digest("hex").slice(0, 16);
}

/** Compile an already schema-valid policy; throws SLUICE_ERR_POLICY on semantic errors. */
export function compilePolicy(policy: PolicyFile, file: string, issues: Issues = new Issues(file)): CompiledPolicy {
  const rules = policy.rules.map((r, i) => compileRule(r, i, (path, reason) => issues.add(path, reason)));
  issues.throwIfAny("SLUICE_ERR_POLICY");
  const out: CompiledPolicy = {
    file,
    deny: rules.filter((r): r is CompiledRule => r?.kind === "deny"),
    allow: rules.filter((r): r is CompiledRule => r?.kind === "allow"),
    hash: policyHash(policy),
  };
  if (policy.description !== undefined) out.description = policy.description;
  return out;
}

/** Read, validate and compile a policy file (absolute or cwd-relative path). */
export function loadPolicyFile(file: string): CompiledPolicy {
  let yaml: ReturnType<typeof readYamlFile>;
  try {
    yaml = readYamlFile(file);
  } catch (e) {
    if (isSluiceError(e, "SLUICE_ERR_CONFIG")) throw new SluiceError("SLUICE_ERR_POLICY", e.message, { cause: e });
    if (isSluiceError(e, "SLUICE_ERR_CONFIG_READ")) {
      throw new SluiceError("SLUICE_ERR_POLICY", `${file}: (file): cannot read: ${errorMessage(e.cause)}`, { cause: e });
    }
    throw e;
  }
  const issues = new Issues(file, yaml.locate);
  if (!checkSchema(PolicyFile, yaml.data, issues)) issues.throwIfAny("SLUICE_ERR_POLICY");
  return compilePolicy(deepFreeze(yaml.data as PolicyFile), file, issues);
}
