/**
 * Loading any sluice config file: read, parse YAML, validate against the one
 * JSON Schema of its type (defaults applied in one place), then deep-freeze.
 * Errors name the file, the field path (sources[2].tags[0].address) and what
 * was expected, and carry code SLUICE_ERR_CONFIG (exit 2).
 */
import { readFileSync } from "node:fs";
import { Ajv, type ErrorObject, type ValidateFunction } from "ajv";
import { parseDocument } from "yaml";
import type { Static, TSchema } from "@sinclair/typebox";
import { SluiceError, errorMessage } from "../core/errors.js";

// verbose keeps parentSchema on errors, so a pattern error can quote the field's description instead of a regex.
const ajv = new Ajv({ allErrors: false, useDefaults: true, strict: true, allowUnionTypes: true, verbose: true });
const compiled = new WeakMap<TSchema, ValidateFunction>();

function validator(schema: TSchema): ValidateFunction {
  let v = compiled.get(schema);
  if (!v) {
    v = ajv.compile(schema);
    compiled.set(schema, v);
  }
  return v;
}

/** "/sources/2/tags/0/address" → "sources[2].tags[0].address" */
export function fieldPath(pointer: string, extra?: string): string {
  const parts = pointer.split("/").slice(1).map((p) => p.replace(/~1/g, "/").replace(/~0/g, "~"));
  if (extra !== undefined) parts.push(extra);
  let out = "";
  for (const p of parts) out += /^\d+$/.test(p) ? `[${p}]` : out ? `.${p}` : p;
  return out || "(top level)";
}

function describe(e: ErrorObject): { path: string; reason: string } {
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case "additionalProperties":
      return { path: fieldPath(e.instancePath, String(p.additionalProperty)), reason: "unknown key" };
    case "required":
      return { path: fieldPath(e.instancePath, String(p.missingProperty)), reason: "is required" };
    case "pattern": {
      const desc = (e.parentSchema as { description?: string } | undefined)?.description;
      // Never echo what was given for a secret-looking field: a password pasted where its hash belongs must not reach a log.
      const secret = /pass|secret|key|token/i.test(e.instancePath.split("/").pop() ?? "");
      const got = secret ? "the value" : JSON.stringify(e.data);
      return { path: fieldPath(e.instancePath), reason: desc ? `${got} is not valid: expected ${desc}` : `${got} must match ${String(p.pattern)}` };
    }
    case "enum":
      return { path: fieldPath(e.instancePath), reason: `must be one of ${(p.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(", ")}` };
    default:
      return { path: fieldPath(e.instancePath), reason: e.message ?? e.keyword };
  }
}

export function configError(file: string, path: string, reason: string, cause?: unknown): SluiceError {
  return new SluiceError("SLUICE_ERR_CONFIG", `${file}: ${path}: ${reason}`, cause === undefined ? undefined : { cause });
}

/** Validate a plain object (already parsed) and return it frozen and typed. */
export function validate<S extends TSchema>(schema: S, data: unknown, file: string): Readonly<Static<S>> {
  if (data === null || data === undefined) throw configError(file, "(top level)", "file is empty");
  const v = validator(schema);
  if (!v(data)) {
    const first = v.errors?.[0];
    const { path, reason } = first ? describe(first) : { path: "(top level)", reason: "invalid" };
    throw configError(file, path, reason);
  }
  return deepFreeze(data as Static<S>);
}

export function readYaml(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (e) {
    throw new SluiceError("SLUICE_ERR_CONFIG_READ", `${file}: cannot read: ${errorMessage(e)}`, { cause: e });
  }
  const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: true });
  if (doc.errors.length > 0) {
    const err = doc.errors[0]!;
    const line = err.linePos?.[0];
    throw configError(file, line ? `line ${line.line}, column ${line.col}` : "(yaml)", err.message.split("\n")[0] ?? "YAML syntax error");
  }
  return doc.toJS({ maxAliasCount: 100 });
}

export function loadFile<S extends TSchema>(schema: S, file: string): Readonly<Static<S>> {
  return validate(schema, readYaml(file), file);
}

export function deepFreeze<T>(o: T): T {
  if (o && typeof o === "object" && !Object.isFrozen(o)) {
    Object.freeze(o);
    for (const v of Object.values(o)) deepFreeze(v);
  }
  return o;
}
