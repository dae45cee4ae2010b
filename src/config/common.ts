/** Schema pieces shared by every config file type (TypeBox → JSON Schema). */
import { Type, type TSchema } from "@sinclair/typebox";
import { HOST_PORT_PATTERN } from "../core/endpoint.js";

export { Duration, Strict, StringEnum } from "../core/schema.js";
export { splitHostPort } from "../core/endpoint.js";

/** host:port, with an IPv4 address, a hostname, or [IPv6] (the one grammar of src/core/endpoint.ts). */
export const HostPort = (description: string) =>
  Type.String({ pattern: HOST_PORT_PATTERN, description: `${description} (host:port)` });

export const Name = (description: string) =>
  Type.String({ pattern: "^[A-Za-z0-9_.-]+$", minLength: 1, maxLength: 128, description: `${description} (letters, digits, "_", "." and "-")` });

/** `policy:` is a file path, or the explicit opt-out "allow-all". */
export const PolicyRef = Type.String({
  minLength: 1,
  description: 'crossing-policy file (relative to this file), or "allow-all" to let every tag cross (labs only)',
});

export type Schema = TSchema;

/** pino's levels, for every config file's `log.level`. */
export const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
