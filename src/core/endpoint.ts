/**
 * The one grammar of network addresses in sluice: a host is an IPv4 address, a
 * hostname, or a bracketed IPv6 address; a port is 0..65535 written in decimal.
 *
 *   host[:port]                 PLC sources (each protocol module decides the default port and the range)
 *   host:port                   listen/send addresses in config files (HOST_PORT_PATTERN)
 *   opc.tcp://host[:port][/path] OPC UA endpoints
 *
 * Everything here is pure parsing; the protocol modules (src/drivers/<p>/protocol.ts)
 * and the config schemas apply their own rules on top.
 */
import { SluiceError } from "./errors.js";

const HOST = String.raw`(?:\[([0-9A-Fa-f:.]+)\]|([A-Za-z0-9_.-]+))`;
const HOST_NOCAP = String.raw`(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9_.-]+)`;
const HOST_OPT_PORT = new RegExp(`^${HOST}(?::(\\d{1,5}))?$`);
const OPC_URL = new RegExp(`^opc\\.tcp://${HOST}(?::(\\d{1,5}))?(/\\S*)?$`);

/** JSON Schema pattern for "host:port" (the port is range-checked by splitHostPort). */
export const HOST_PORT_PATTERN = `^${HOST_NOCAP}:\\d{1,5}$`;

export interface HostPort {
  /** brackets removed from an IPv6 address */
  host: string;
  /** the port written, if any */
  port: number | undefined;
}

/** "host[:port]" → host and the port written; undefined when the text is not of that form or the port is over 65535. */
export function splitEndpoint(text: string): HostPort | undefined {
  const m = HOST_OPT_PORT.exec(text);
  if (!m) return undefined;
  const port = m[3] === undefined ? undefined : Number(m[3]);
  if (port !== undefined && port > 65535) return undefined;
  return { host: (m[1] ?? m[2])!, port };
}

/** "host:port" with the port required; throws SLUICE_ERR_CONFIG when malformed or the port is over 65535. */
export function splitHostPort(text: string): { host: string; port: number } {
  const ep = splitEndpoint(text);
  if (!ep || ep.port === undefined) throw new SluiceError("SLUICE_ERR_CONFIG", `not a host:port address: ${JSON.stringify(text)}`);
  return { host: ep.host, port: ep.port };
}

/** Why "host[:port]" is unusable for a PLC protocol (port 1..65535), or undefined when fine. */
export function hostPortError(text: string, protocol: string): string | undefined {
  const m = HOST_OPT_PORT.exec(text);
  if (!m) return `expected host[:port] for ${protocol}`;
  if (m[3] !== undefined && (Number(m[3]) < 1 || Number(m[3]) > 65535)) return `port ${m[3]} out of range 1..65535`;
  return undefined;
}

/** Why an opc.tcp:// URL is unusable, or undefined when fine. */
export function opcUrlError(text: string): string | undefined {
  const m = OPC_URL.exec(text);
  if (!m) return "expected an opc.tcp://host[:port][/path] URL";
  if (m[3] !== undefined && (Number(m[3]) < 1 || Number(m[3]) > 65535)) return `port ${m[3]} out of range 1..65535`;
  return undefined;
}
