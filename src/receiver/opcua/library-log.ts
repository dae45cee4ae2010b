/**
 * node-opcua writes its warnings and errors (rejected certificates, refused
 * sessions, protocol trouble) straight to the console. In the receiver they go
 * through our logger instead, as structured lines without terminal colours, at
 * most MAX_PER_SITE per source line so a misbehaving client cannot flood the log.
 * Process-wide (node-opcua has one logger): the first caller's logger gets the
 * lines. In the receiver that is the receiver; the demo, whose process also runs
 * an OPC UA simulator and the reader's OPC UA client, routes them first under its
 * own label, since a line cannot be told apart by which of them wrote it.
 */
import { setErrorLogger, setWarningLogger } from "node-opcua";
import { format, stripVTControlCharacters } from "node:util";
import type { Logger } from "../../core/log.js";

const MAX_PER_SITE = 100;
const MAX_SITES = 10_000;
const MAX_TEXT = 2000;

let routed = false;

export function routeLibraryLogs(log: Logger): void {
  if (routed) return;
  routed = true;
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
