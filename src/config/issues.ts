/**
 * Every mistake in a config file, collected in one pass and reported at once:
 * file, YAML line, field path, reason, and a "did you mean" for a misspelt key
 * or enum value. Schema errors (ajv, allErrors) and the checks a schema cannot
 * express land in the same list; one SluiceError then names them all.
 *
 *   FILE:12: sources[0].protocl: unknown key; did you mean "protocol"?
 *   FILE:20: sources[0].tags[3].address: modbus address "hr:x": offset "x" is not a decimal number
 */
import type { ErrorObject } from "ajv";
import { SluiceError, type ErrorCode } from "../core/errors.js";
import { didYouMean } from "./suggest.js";

/** The 1-based line of a field path in the file (the key's line, else its nearest parent's), if known. */
export type Locate = (path: string) => number | undefined;

export interface ConfigIssue {
  path: string;
  reason: string;
  line?: number;
}

/** Most issues one message lists; the rest are counted. */
const MAX_LISTED = 100;

/** "/sources/2/tags/0/address" → "sources[2].tags[0].address" */
export function fieldPath(pointer: string, extra?: string): string {
  const parts = pointer.split("/").slice(1).map((p) => p.replace(/~1/g, "/").replace(/~0/g, "~"));
  if (extra !== undefined) parts.push(extra);
  let out = "";
  for (const p of parts) out += /^\d+$/.test(p) ? `[${p}]` : out ? `.${p}` : p;
  return out || "(top level)";
}

/** "sources[2].tags[0]" → ["sources", 2, "tags", 0] */
export function pathSegments(path: string): (string | number)[] {
  const out: (string | number)[] = [];
  for (const m of path.matchAll(/\[(\d+)\]|([^.[\]]+)/g)) out.push(m[1] !== undefined ? Number(m[1]) : m[2]!);
  return out;
}

function within(a: string, b: string): boolean {
  return a === b || a.startsWith(`${b}.`) || a.startsWith(`${b}[`);
}

function describe(e: ErrorObject): { path: string; reason: string } {
  const p = e.params as Record<string, unknown>;
  const parent = e.parentSchema as { description?: string; properties?: Record<string, unknown> } | undefined;
  switch (e.keyword) {
    case "additionalProperties": {
      const key = String(p.additionalProperty);
      return { path: fieldPath(e.instancePath, key), reason: `unknown key${didYouMean(key, Object.keys(parent?.properties ?? {}))}` };
    }
    case "required":
      return { path: fieldPath(e.instancePath, String(p.missingProperty)), reason: "is required" };
    case "pattern": {
      // Never echo what was given for a secret-looking field: a password pasted where its hash belongs must not reach a log.
      const secret = /pass|secret|key|token/i.test(e.instancePath.split("/").pop() ?? "");
      const got = secret ? "the value" : JSON.stringify(e.data);
      return { path: fieldPath(e.instancePath), reason: parent?.description ? `${got} is not valid: expected ${parent.description}` : `${got} must match ${String(p.pattern)}` };
    }
    case "enum": {
      const allowed = p.allowedValues as unknown[];
      const hint = typeof e.data === "string" ? didYouMean(e.data, allowed.filter((v): v is string => typeof v === "string")) : "";
      return { path: fieldPath(e.instancePath), reason: `must be one of ${allowed.map((v) => JSON.stringify(v)).join(", ")}${hint}` };
    }
    case "anyOf":
      return { path: fieldPath(e.instancePath), reason: parent?.description ? `is not valid: ${parent.description}` : "matches none of the allowed forms" };
    default:
      return { path: fieldPath(e.instancePath), reason: e.message ?? e.keyword };
  }
}

export class Issues {
  readonly list: ConfigIssue[] = [];

  constructor(readonly file: string, private readonly locate?: Locate) {}

  get size(): number {
    return this.list.length;
  }

  add(path: string, reason: string): void {
    const line = path === "(top level)" ? undefined : this.locate?.(path);
    this.list.push(line === undefined ? { path, reason } : { path, reason, line });
  }

  /** Is there an issue at this path, inside it, or at one of its parents? (A later check there would only repeat it.) */
  touches(path: string): boolean {
    return this.list.some((i) => within(path, i.path) || within(i.path, path));
  }

  /**
   * ajv's errors (allErrors) as issues, one per field. An anyOf (one glob or a list of
   * globs) reports the errors of the one alternative whose type the value has, else itself.
   */
  addSchemaErrors(errors: readonly ErrorObject[]): void {
    const drop = new Set<ErrorObject>();
    for (const any of errors.filter((e) => e.keyword === "anyOf")) {
      const prefix = `${any.schemaPath}/`;
      const branches = new Map<string, ErrorObject[]>();
      for (const e of errors) {
        if (!e.schemaPath.startsWith(prefix)) continue;
        const n = e.schemaPath.slice(prefix.length).split("/")[0]!;
        branches.set(n, [...(branches.get(n) ?? []), e]);
        drop.add(e);
      }
      const fitting = [...branches.values()].filter((errs) => !errs.some((e) => e.keyword === "type" && e.instancePath === any.instancePath));
      if (fitting.length === 1) {
        drop.add(any);
        for (const e of fitting[0]!) drop.delete(e);
      }
    }
    const seen = new Set<string>();
    for (const e of errors) {
      if (drop.has(e)) continue;
      const { path, reason } = describe(e);
      if (seen.has(`${path}\0${reason}`) || this.list.some((i) => i.path === path)) continue;
      seen.add(`${path}\0${reason}`);
      this.add(path, reason);
    }
  }

  /** One line per issue: "FILE:LINE: path: reason" (no :LINE when unknown). */
  lines(): string[] {
    // file order: by line, issues without a line (top level) first; stable within a line
    const sorted = [...this.list].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
    return sorted.map((i) => `${this.file}${i.line === undefined ? "" : `:${i.line}`}: ${i.path}: ${i.reason}`);
  }

  /** Throw one SluiceError naming every issue (none: return). */
  throwIfAny(code: ErrorCode = "SLUICE_ERR_CONFIG"): void {
    if (this.list.length === 0) return;
    const lines = this.lines();
    if (lines.length === 1) throw new SluiceError(code, lines[0]);
    const listed = lines.slice(0, MAX_LISTED);
    if (lines.length > MAX_LISTED) listed.push(`... and ${lines.length - MAX_LISTED} more`);
    throw new SluiceError(code, `${this.file}: ${lines.length} errors\n${listed.join("\n")}`);
  }
}
