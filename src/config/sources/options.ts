/**
 * Applying a protocol's option block schema outside the file loader (the
 * driver and reader-tags' extra checks call it): defaults filled in, and the
 * first error as "s7.rack: reason", which reader-tags turns into
 * "sources[i].s7.rack: reason".
 */
import type { Static, TSchema } from "@sinclair/typebox";
import { Value } from "@sinclair/typebox/value";
import { SluiceError } from "../../core/errors.js";

export function optionBlock<S extends TSchema>(schema: S, protocol: string, raw: unknown): Static<S> {
  const value = Value.Default(schema, structuredClone(raw ?? {}));
  if (!Value.Check(schema, value)) {
    const first = Value.Errors(schema, value).First();
    throw new SluiceError("SLUICE_ERR_CONFIG", `${protocol}${first?.path.replace(/\//g, ".") ?? ""}: ${first?.message ?? "invalid"}`);
  }
  return value;
}
