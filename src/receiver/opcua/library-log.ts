/**
 * node-opcua writes its warnings and errors (rejected certificates, refused
 * sessions, protocol trouble) straight to the console. In the receiver they go
 * through our logger instead, as structured lines without terminal colours, at
 * most MAX_PER_SITE per source line so a misbehaving client cannot flood the log;
 * known start-up notices go to debug. Process-wide (node-opcua has one logger): the
 * first caller's logger gets the lines. In the receiver that is the receiver; the
 * demo, whose process also runs an OPC UA simulator and the reader's OPC UA client,
 * routes them first under its own label, since a line cannot be told apart by which
 * of them wrote it.
 */
import { setErrorLogger, setWarningLogger } from "node-opcua";
import { format, stripVTControlCharacters } from "node:util";
import type { Logger } from "../../core/log.js";

const MAX_PER_SITE = 100;
/**
 * Start-up notices, not problems: the Node 20 PKCS#1 v1.5 self-test (our policies do not
 * use PKCS#1 v1.5 padding) and the one-time certificate generation. They go to debug.
 */
const NOTICES = [/NODE-OPCUA-W27/, /security-revert=CVE-2023-46809/, /Creating default certificate/];
const MAX_SITES = 10_000;
const MAX_TEXT = 2000;

let routed = false;

export function routeLibraryLogs(log: Logger): void {
  if (routed) return;
  routed = true;
  const counts = new Map<string, number>();
  const sink = (level: "warn" | "error") => (ctx?: unknown, ...args: unknown[]): void => {
    const c = ctx as { filename?: unknown; callerline?: unknown } | undefined;
    const site = c && typeof c === "object" ? `${String(c.filename)}:${String(c.callerline)}` : stripVTControlCharacters(String(ctx ?? "")).trim();
    const n = (counts.get(site) ?? 0) + 1;
    if (counts.has(site) || counts.size < MAX_SITES) counts.set(site, n);
    if (n > MAX_PER_SITE) return;
    const text = stripVTControlCharacters(format(...args)).trim().slice(0, MAX_TEXT);
    log[NOTICES.some((r) => r.test(text)) ? "debug" : level]({ lib: "node-opcua", site }, text);
  };
  setWarningLogger(sink("warn"));
  setErrorLogger(sink("error"));
}
