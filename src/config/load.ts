/**
 * Loading any sluice config file: read, parse YAML (keeping where each node
 * sits), validate against the one JSON Schema of its type (defaults applied in
 * one place, every error collected), then deep-freeze. Errors name the file,
 * the line, the field path (sources[2].tags[0].address) and what was expected,
 * and carry code SLUICE_ERR_CONFIG (exit 2). See issues.ts for the format.
 */
import { readFileSync } from "node:fs";
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from "yaml";
import type { Static, TSchema } from "@sinclair/typebox";
import { SluiceError, errorMessage } from "../core/errors.js";
import { validator } from "../core/schema.js";
import { Issues, pathSegments, type Locate } from "./issues.js";

export { fieldPath, Issues, type ConfigIssue, type Locate } from "./issues.js";

export function configError(file: string, path: string, reason: string, cause?: unknown): SluiceError {
  return new SluiceError("SLUICE_ERR_CONFIG", `${file}: ${path}: ${reason}`, cause === undefined ? undefined : { cause });
}

/** Check data against a schema (filling defaults), adding every error to `issues`; true when it passed. */
export function checkSchema(schema: TSchema, data: unknown, issues: Issues): boolean {
  if (data === null || data === undefined) {
    issues.add("(top level)", "file is empty");
    return false;
  }
  const v = validator(schema);
  if (v(data)) return true;
  issues.addSchemaErrors(v.errors ?? []);
  return false;
}

/** Validate a plain object (already parsed) and return it frozen and typed; throws naming every error. */
export function validate<S extends TSchema>(schema: S, data: unknown, file: string, locate?: Locate): Readonly<Static<S>> {
  const issues = new Issues(file, locate);
  checkSchema(schema, data, issues);
  issues.throwIfAny();
  return deepFreeze(data as Static<S>);
}

/** A parsed YAML file and where each of its fields sits. */
export interface YamlFile {
  data: unknown;
  locate: Locate;
}

export function readYamlFile(file: string): YamlFile {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (e) {
    throw new SluiceError("SLUICE_ERR_CONFIG_READ", `${file}: cannot read: ${errorMessage(e)}`, { cause: e });
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: true, lineCounter });
  if (doc.errors.length > 0) {
    const err = doc.errors[0]!;
    const line = err.linePos?.[0];
    throw configError(file, line ? `line ${line.line}, column ${line.col}` : "(yaml)", err.message.split("\n")[0] ?? "YAML syntax error");
  }
  const lineOf = (n: { range?: [number, number, number] | null } | null | undefined) => (n?.range ? lineCounter.linePos(n.range[0]).line : undefined);
  const locate: Locate = (path) => {
    let node = doc.contents as Node | null;
    let line = lineOf(node);
    for (const seg of pathSegments(path)) {
      if (isMap(node)) {
        const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(seg));
        if (!pair) break;
        line = lineOf(pair.key as Node) ?? line;
        node = pair.value as Node | null;
      } else if (isSeq(node) && typeof seg === "number") {
        const item = node.items[seg] as Node | undefined;
        if (!item) break;
        line = lineOf(item) ?? line;
        node = item;
      } else break;
    }
    return line;
  };
  return { data: detachStrings(doc.toJS({ maxAliasCount: 100 })), locate };
}

/**
 * Copy every string of parsed YAML out of the file's text. The parser's strings are
 * slices of that text (V8 shares the parent for slices of 13 characters and more), so one
 * endpoint or tag name kept for the life of the process kept the whole file: 5 MB for a
 * 100,000-tag reader. Containers are changed in place; shared (aliased) ones are visited once.
 */
function detachStrings(v: unknown, seen = new WeakSet<object>()): unknown {
  if (typeof v === "string") return v.length >= 13 ? Buffer.from(v, "utf16le").toString("utf16le") : v; // utf16le: lossless, lone surrogates too
  if (v === null || typeof v !== "object" || seen.has(v)) return v;
  seen.add(v);
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) v[i] = detachStrings(v[i], seen);
  } else {
    const o = v as Record<string, unknown>;
    for (const k of Object.keys(o)) o[k] = detachStrings(o[k], seen);
  }
  return v;
}

export function readYaml(file: string): unknown {
  return readYamlFile(file).data;
}

export function loadFile<S extends TSchema>(schema: S, file: string): Readonly<Static<S>> {
  const { data, locate } = readYamlFile(file);
  return validate(schema, data, file, locate);
}

export function deepFreeze<T>(o: T): T {
  if (o && typeof o === "object" && !Object.isFrozen(o)) {
    Object.freeze(o);
    for (const v of Object.values(o)) deepFreeze(v);
  }
  return o;
}
