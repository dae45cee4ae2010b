/**
 * `sluice check FILE`: tells a reader, receiver or policy file apart by its
 * keys, validates it with that type's schema, and exits 0 or 2 with the field
 * path. With --policy, audits which of the reader's tags would cross.
 */
import { basename, dirname } from "node:path";
import { SluiceError } from "../core/errors.js";
import { silentLogger } from "../core/log.js";
import { readYaml } from "../config/load.js";
import { checkReaderFile, loadReaderConfig } from "../config/reader.js";
import { checkReceiverFile } from "../config/receiver.js";
import { PolicyGate } from "../policy/index.js";
import { auditLines } from "../policy/audit.js";

export type FileKind = "reader" | "receiver" | "policy";

export function detectKind(file: string): FileKind {
  const data = readYaml(file);
  if (data && typeof data === "object" && !Array.isArray(data)) {
    const o = data as Record<string, unknown>;
    if ("rules" in o) return "policy";
    if ("sources" in o) return "reader";
    const link = o.link as Record<string, unknown> | undefined;
    if ((link && typeof link === "object" && "listen" in link) || "rest" in o || "opcua" in o || "history" in o) return "receiver";
  }
  throw new SluiceError("SLUICE_ERR_CONFIG", `${file}: (top level): cannot tell the kind of file: a reader file has "sources", a receiver file has "link.listen", a policy file has "rules"`);
}

function loadPolicy(file: string): PolicyGate {
  return PolicyGate.load(basename(file), dirname(file), silentLogger);
}

export function cmdCheck(file: string, policy?: string): number {
  if (policy !== undefined) {
    const gate = loadPolicy(policy);
    const { tags } = loadReaderConfig(file);
    for (const line of auditLines(gate, tags.map((t) => ({ path: t.path, type: t.type })))) process.stdout.write(`${line}\n`);
    return 0;
  }
  const kind = detectKind(file);
  if (kind === "policy") loadPolicy(file);
  else if (kind === "reader") checkReaderFile(file);
  else checkReceiverFile(file);
  process.stdout.write(`${file}: valid ${kind} file\n`);
  return 0;
}
