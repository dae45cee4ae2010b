/**
 * OPC UA tag addresses: a NodeId with a namespace URI or index.
 *
 *   nsu=urn:acme;s=Line1.Temp     resolved to an index at every (re)connect
 *   ns=2;i=1001                   index taken as is
 *   i=2258                        namespace 0
 *
 * Identifier types: i (UInt32), s (string), g (GUID), b (base64 ByteString).
 * A namespace URI ends at the first ';' (OPC 10000-6 5.3.1.10 escapes ';' in
 * URIs as %3B); a string identifier may hold anything, ';' and '=' included.
 * Pure: no node-opcua here, so config checks stay fast.
 */
import { SluiceError } from "../../core/errors.js";
import type { ParsedAddress } from "../contract.js";

export interface OpcuaAddress {
  /** nsu= form: resolved against the server's NamespaceArray at each connect */
  readonly namespaceUri?: string;
  /** ns= form (0 when neither is given) */
  readonly namespaceIndex?: number;
  readonly identifierType: "i" | "s" | "g" | "b";
  readonly identifier: string;
}

const GUID = /^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$/;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

function fail(address: string, reason: string): never {
  throw new SluiceError("SLUICE_ERR_ADDRESS", `opcua address ${JSON.stringify(address)}: ${reason}`);
}

function identifier(address: string, text: string): Pick<OpcuaAddress, "identifierType" | "identifier"> {
  const m = /^([isgb])=([\s\S]*)$/.exec(text);
  if (!m) fail(address, "expected a NodeId such as nsu=URI;s=Name, ns=2;i=1001 or i=2258 (identifier types i, s, g, b)");
  const type = m[1] as OpcuaAddress["identifierType"];
  const id = m[2]!;
  if (id === "") fail(address, `empty ${type}= identifier`);
  if (type === "i" && (!/^\d+$/.test(id) || Number(id) > 0xffffffff)) fail(address, `numeric identifier ${JSON.stringify(id)} is not 0..4294967295`);
  if (type === "g" && !GUID.test(id)) fail(address, `${JSON.stringify(id)} is not a GUID (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx)`);
  if (type === "b" && !BASE64.test(id)) fail(address, `${JSON.stringify(id)} is not base64`);
  if (type === "s" && id.length > 4096) fail(address, "string identifier longer than 4096 characters");
  return { identifierType: type, identifier: type === "i" ? String(Number(id)) : id };
}

export function parseOpcuaAddress(address: string): ParsedAddress<OpcuaAddress> {
  let out: OpcuaAddress;
  if (address.startsWith("nsu=")) {
    const semi = address.indexOf(";");
    if (semi < 0) fail(address, "nsu=URI must be followed by ;TYPE=ID");
    const uri = address.slice(4, semi);
    if (uri === "") fail(address, "empty namespace URI");
    out = { namespaceUri: decodeURIComponentSafe(address, uri), ...identifier(address, address.slice(semi + 1)) };
  } else if (address.startsWith("ns=")) {
    const m = /^ns=(\d+);([\s\S]*)$/.exec(address);
    if (!m) fail(address, "ns= needs a namespace index 0..65535 and ;TYPE=ID");
    const ns = Number(m[1]);
    if (ns > 65535) fail(address, `namespace index ${ns} out of range 0..65535`);
    out = { namespaceIndex: ns, ...identifier(address, m[2]!) };
  } else {
    out = { namespaceIndex: 0, ...identifier(address, address) };
  }
  // The server decides the value's type: the tag config must say which type to deliver.
  return { address: out, type: undefined };
}

function decodeURIComponentSafe(address: string, uri: string): string {
  try {
    return uri.includes("%") ? decodeURIComponent(uri) : uri;
  } catch {
    return fail(address, `namespace URI ${JSON.stringify(uri)} has a malformed %-escape`);
  }
}

/** The address as a NodeId string for a given namespace index. */
export function nodeIdString(a: OpcuaAddress, namespaceIndex: number): string {
  return `ns=${namespaceIndex};${a.identifierType}=${a.identifier}`;
}

/** The address as written (for logs and errors). */
export function formatOpcuaAddress(a: OpcuaAddress): string {
  return a.namespaceUri !== undefined
    ? `nsu=${a.namespaceUri};${a.identifierType}=${a.identifier}`
    : nodeIdString(a, a.namespaceIndex ?? 0);
}
