/**
 * `sluice browse opcua URL` and `sluice browse enip HOST[:PORT]`: list what a device
 * offers as reader tags, printed as YAML to paste into a reader file (a `tags:`
 * block, or with --source NAME a whole `sources:` entry). Read-only services only
 * (see src/drivers/opcua/browse.ts and src/drivers/enip/browse.ts); no socket is
 * listened on. A password comes from a file or stdin, never from argv, and is never printed.
 */
import { readFileSync } from "node:fs";
import { format } from "node:util";
import { stringify } from "yaml";
import { SluiceError } from "../core/errors.js";
import type { BrowsedTag } from "../drivers/opcua/browse.js";

export interface BrowseOpcuaCli {
  root?: string;
  depth?: number;
  securityMode?: string;
  securityPolicy?: string;
  user?: string;
  passwordFile?: string;
  passwordStdin?: boolean;
  pki?: string;
  acceptUnknownCertificate?: boolean;
  timeout?: number;
  source?: string;
}

export interface BrowseEnipCli {
  slot?: number;
  timeout?: number;
  source?: string;
}

async function readPassword(o: BrowseOpcuaCli): Promise<string | undefined> {
  if (o.passwordFile !== undefined && o.passwordStdin) throw new SluiceError("SLUICE_ERR_USAGE", "give --password-file or --password-stdin, not both");
  if (o.passwordFile !== undefined) return readFileSync(o.passwordFile, "utf8").replace(/\r?\n$/, "");
  if (!o.passwordStdin) return undefined;
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString("utf8").replace(/\r?\n$/, "");
}

/** The YAML: comments for skipped variables, then the tags (or a whole source entry). */
export function formatBrowse(tags: readonly BrowsedTag[], head: string, source?: { name: string; protocol: string; endpoint: string; options?: Record<string, unknown> }): string {
  const ok = tags.filter((x) => !x.skipped).map(({ skipped: _s, ...tag }) => tag);
  const skipped = tags.filter((x) => x.skipped);
  const lines = [`# ${head}: ${ok.length} tags${skipped.length ? `, ${skipped.length} skipped` : ""}`];
  for (const s of skipped) lines.push(`# skipped ${s.name} (${s.address}): ${s.skipped!.replace(/\n/g, " ")}`);
  if (ok.length === 0) {
    lines.push("# nothing readable found");
    return `${lines.join("\n")}\n`;
  }
  if (source) {
    const entry = { name: source.name, protocol: source.protocol, endpoint: source.endpoint, interval: "1s", ...(source.options ? { [source.protocol]: source.options } : {}), tags: ok };
    const body = stringify([entry], { lineWidth: 0 }).replace(/^/gm, "  ").trimEnd();
    return `${lines.join("\n")}\n${body}\n`;
  }
  return `${lines.join("\n")}\n${stringify({ tags: ok }, { lineWidth: 0 })}`;
}

/** stdout carries only the YAML: library chatter (node-opcua prints to the console) goes to stderr. */
function keepStdoutClean(): void {
  const toErr = (...a: unknown[]): void => { process.stderr.write(`${format(...a)}\n`); };
  console.log = toErr; // eslint-disable-line no-console -- redirecting, not printing
  console.info = toErr; // eslint-disable-line no-console -- idem
}

export async function cmdBrowseOpcua(url: string, o: BrowseOpcuaCli): Promise<number> {
  keepStdoutClean();
  const { browseOpcua } = await import("../drivers/opcua/browse.js");
  const password = await readPassword(o);
  if (password !== undefined && o.user === undefined) throw new SluiceError("SLUICE_ERR_USAGE", "a password needs --user");
  const options: Record<string, unknown> = {};
  if (o.securityMode !== undefined) options.securityMode = o.securityMode;
  if (o.securityPolicy !== undefined) options.securityPolicy = o.securityPolicy;
  if (o.user !== undefined) options.user = o.user;
  if (o.pki !== undefined) options.pki = o.pki;
  if (o.acceptUnknownCertificate) options.acceptUnknownServerCertificate = true;
  const tags = await browseOpcua({
    endpoint: url, options: password === undefined ? options : { ...options, password },
    ...(o.root !== undefined ? { root: o.root } : {}), ...(o.depth !== undefined ? { depth: o.depth } : {}),
    ...(o.timeout !== undefined ? { timeoutMs: o.timeout * 1000 } : {}),
  });
  // the printed source entry never carries the password: the user adds it to the file
  const shown = Object.keys(options).length > 0 ? options : undefined;
  process.stdout.write(formatBrowse(tags, `sluice browse opcua ${url}${o.root ? ` --root ${o.root}` : ""}`,
    o.source !== undefined ? { name: o.source, protocol: "opcua", endpoint: url, ...(shown ? { options: shown } : {}) } : undefined));
  return 0;
}

export async function cmdBrowseEnip(host: string, o: BrowseEnipCli): Promise<number> {
  keepStdoutClean();
  const { browseEnip } = await import("../drivers/enip/browse.js");
  const tags = await browseEnip({ endpoint: host, ...(o.slot !== undefined ? { slot: o.slot } : {}), ...(o.timeout !== undefined ? { timeoutMs: o.timeout * 1000 } : {}) });
  process.stdout.write(formatBrowse(tags, `sluice browse enip ${host}`,
    o.source !== undefined ? { name: o.source, protocol: "enip", endpoint: host, ...(o.slot ? { options: { slot: o.slot } } : {}) } : undefined));
  return 0;
}
