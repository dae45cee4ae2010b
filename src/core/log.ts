/**
 * Structured logging (pino). One root logger; components take a child with
 * their name. Any field named like a secret is redacted before it is written.
 */
import { pino, type Logger } from "pino";

export type { Logger };

const REDACT = [
  "key", "*.key", "password", "*.password", "*.*.password", "secret", "*.secret",
  "passwordHash", "*.passwordHash", "users[*].password", "*.users[*].password",
];

export function createLogger(opts: { level?: string; name?: string; destination?: NodeJS.WritableStream } = {}): Logger {
  const level = opts.level ?? process.env.SLUICE_LOG_LEVEL ?? "info";
  const options = { level, name: opts.name ?? "sluice", redact: { paths: REDACT, censor: "[redacted]" } };
  return opts.destination ? pino(options, opts.destination as never) : pino(options);
}

/** A logger that drops everything: for tests and library use. */
export const silentLogger: Logger = pino({ level: "silent" });
