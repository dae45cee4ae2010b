/** Schema pieces shared by every config file type (TypeBox → JSON Schema). */
import { Type, type TSchema } from "@sinclair/typebox";
import { DURATION_PATTERN } from "../core/duration.js";
import { SluiceError } from "../core/errors.js";

export const Duration = (description: string, def?: string) =>
  Type.String({ pattern: DURATION_PATTERN, description: `${description} (e.g. 250ms, 5s, 1m)`, ...(def ? { default: def } : {}) });

/** host:port, with an IPv4 address, a hostname, or [IPv6]. */
export const HostPort = (description: string) =>
  Type.String({ pattern: "^(\\[[0-9A-Fa-f:.]+\\]|[A-Za-z0-9_.-]+):\\d{1,5}$", description: `${description} (host:port)` });

/** Split a HostPort value ("host:port", "[v6]:port"); throws SLUICE_ERR_CONFIG when malformed or the port is over 65535. */
export function splitHostPort(text: string): { host: string; port: number } {
  const m = /^(?:\[([^\]]+)\]|([^:]+)):(\d{1,5})$/.exec(text);
  const port = m ? Number(m[3]) : NaN;
  if (!m || port > 65535) throw new SluiceError("SLUICE_ERR_CONFIG", `not a host:port address: ${JSON.stringify(text)}`);
  return { host: (m[1] ?? m[2])!, port };
}

export const Name = (description: string) =>
  Type.String({ pattern: "^[A-Za-z0-9_.-]+$", minLength: 1, maxLength: 128, description: `${description} (letters, digits, "_", "." and "-")` });

/** Objects reject unknown keys everywhere: a typo is an error, never a silent default. */
export const Strict = <T extends Parameters<typeof Type.Object>[0]>(props: T, description?: string) =>
  Type.Object(props, { additionalProperties: false, ...(description ? { description } : {}) });

/** `policy:` is a file path, or the explicit opt-out "allow-all". */
export const PolicyRef = Type.String({
  minLength: 1,
  description: 'crossing-policy file (relative to this file), or "allow-all" to let every tag cross (labs only)',
});

export type Schema = TSchema;

/** A string enum as JSON Schema `enum` (ajv then reports "must be one of ..."), typed as the union. */
export const StringEnum = <T extends string>(values: readonly T[], description: string, def?: T) =>
  Type.Unsafe<T>({ type: "string", enum: [...values], description, ...(def === undefined ? {} : { default: def }) });

/** pino's levels, for every config file's `log.level`. */
export const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
