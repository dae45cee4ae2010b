/**
 * One table of errors with stable codes (fastify style). Every error sluice
 * throws on purpose is a SluiceError whose `code` is a key of ERRORS, so logs,
 * tests and users can match on the code rather than the wording.
 */
export const ERRORS = {
  SLUICE_ERR_CONFIG: "invalid configuration",
  SLUICE_ERR_CONFIG_READ: "cannot read configuration file",
  SLUICE_ERR_KEY: "invalid link key",
  SLUICE_ERR_POLICY: "invalid or missing crossing policy",
  SLUICE_ERR_ADDRESS: "invalid tag address",
  SLUICE_ERR_USAGE: "bad usage",
  SLUICE_ERR_DRIVER: "driver failure",
  SLUICE_ERR_TIMEOUT: "request timed out",
  SLUICE_ERR_DISCONNECTED: "device not connected",
  SLUICE_ERR_LINK: "link failure",
  SLUICE_ERR_CLOSED: "already closed",
  SLUICE_ERR_JOURNAL: "journal directory unusable",
  SLUICE_ERR_HISTORY: "history store unusable",
} as const;

export type ErrorCode = keyof typeof ERRORS;

/** Exit code a CLI should use when this error ends the process. */
const EXIT_2: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  "SLUICE_ERR_CONFIG",
  "SLUICE_ERR_CONFIG_READ",
  "SLUICE_ERR_KEY",
  "SLUICE_ERR_POLICY",
  "SLUICE_ERR_ADDRESS",
  "SLUICE_ERR_USAGE",
  "SLUICE_ERR_JOURNAL",
  "SLUICE_ERR_HISTORY",
]);

export class SluiceError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message?: string, options?: { cause?: unknown }) {
    super(message ?? ERRORS[code], options);
    this.name = "SluiceError";
    this.code = code;
  }
  get exitCode(): 1 | 2 {
    return EXIT_2.has(this.code) ? 2 : 1;
  }
}

export function isSluiceError(e: unknown, code?: ErrorCode): e is SluiceError {
  return e instanceof SluiceError && (code === undefined || e.code === code);
}

/** A message for any thrown value, never including a stack. */
export function errorMessage(e: unknown): string {
  if (e instanceof Error) return e.message;
  if (e && typeof e === "object") {
    try { return JSON.stringify(e); } catch { /* fall through */ }
  }
  return String(e);
}
