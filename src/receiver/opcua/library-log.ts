/**
 * node-opcua writes its warnings and errors (rejected certificates, refused
 * sessions, protocol trouble) straight to the console. In the receiver they go
 * through our logger instead, as structured lines without terminal colours, at
 * most MAX_PER_SITE per source line so a misbehaving client cannot flood the log.
 * Process-wide (node-opcua has one logger); the receiver is the only user.
 */
import { setErrorLogger, setWarningLogger } from "node-opcua";
import { format, stripVTControlCharacters } from "node:util";
import type { Logger } from "../../core/log.js";

const MAX_PER_SITE = 100;
const MAX_SITES = 10_000;
const MAX_TEXT = 2000;

export function routeLibraryLogs(log: Logger): void {
  const counts = new Map<string, number>();
  const sink = (level: "warn" | "error") => (ctx?: unknown, ...args: unknown[]): void => {
    const site = stripVTControlCharacters(String(ctx ?? "")).trim();
    const n = (counts.get(site) ?? 0) + 1;
    if (counts.has(site) || counts.size < MAX_SITES) counts.set(site, n);
    if (n > MAX_PER_SITE) return;
    const text = stripVTControlCharacters(format(...args)).trim().slice(0, MAX_TEXT);
    log[level]({ lib: "node-opcua", site }, text);
  };
  setWarningLogger(sink("warn"));
  setErrorLogger(sink("error"));
}
