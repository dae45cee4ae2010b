/**
 * Schema pieces and the one validation engine (ajv) every part of sluice uses:
 * config files, and each protocol module's option block (src/drivers/<p>/options.ts),
 * which a driver applies again when a test or tool creates it without a file.
 * TypeBox builds the JSON Schema; ajv checks it and fills defaults.
 */
import { Ajv, type ValidateFunction } from "ajv";
import { Type, type Static, type TSchema } from "@sinclair/typebox";
import { DURATION_PATTERN } from "./duration.js";
import { SluiceError } from "./errors.js";

// verbose keeps parentSchema on errors, so a report can quote the field's description and its known keys.
const ajv = new Ajv({ allErrors: true, useDefaults: true, strict: true, allowUnionTypes: true, verbose: true });
const compiled = new WeakMap<TSchema, ValidateFunction>();

/** The compiled validator of a schema (compiled once). It fills defaults into the data it checks. */
export function validator(schema: TSchema): ValidateFunction {
  let v = compiled.get(schema);
  if (!v) {
    v = ajv.compile(schema);
    compiled.set(schema, v);
  }
  return v;
}

/**
 * A protocol option block with its defaults filled in (a copy), for drivers created
 * without a config file; throws SLUICE_ERR_CONFIG naming the first bad field
 * ("modbus.unitId: must be <= 255"). Config files report every error instead.
 */
export function applyOptions<S extends TSchema>(schema: S, protocol: string, raw: unknown): Static<S> {
  const value = structuredClone(raw ?? {}) as unknown;
  const v = validator(schema);
  if (!v(value)) {
    const e = v.errors?.[0];
    const extra = e?.keyword === "additionalProperties" ? `.${String((e.params as { additionalProperty?: string }).additionalProperty)}` : "";
    throw new SluiceError("SLUICE_ERR_CONFIG", `${protocol}${(e?.instancePath ?? "").replace(/\//g, ".")}${extra}: ${e?.keyword === "additionalProperties" ? "unknown key" : (e?.message ?? "invalid")}`);
  }
  return value as Static<S>;
}

export const Duration = (description: string, def?: string) =>
  Type.String({ pattern: DURATION_PATTERN, description: `${description} (e.g. 250ms, 5s, 1m)`, ...(def ? { default: def } : {}) });

/** Objects reject unknown keys everywhere: a typo is an error, never a silent default. */
export const Strict = <T extends Parameters<typeof Type.Object>[0]>(props: T, description?: string) =>
  Type.Object(props, { additionalProperties: false, ...(description ? { description } : {}) });

/** A string enum as JSON Schema `enum` (ajv then reports "must be one of ..."), typed as the union. */
export const StringEnum = <T extends string>(values: readonly T[], description: string, def?: T) =>
  Type.Unsafe<T>({ type: "string", enum: [...values], description, ...(def === undefined ? {} : { default: def }) });
