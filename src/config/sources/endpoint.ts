/**
 * The "host[:port]" endpoint of a PLC source (modbus, s7, enip): an IPv4
 * address, a hostname, or [IPv6], with an optional port. Each protocol then
 * applies its own port rule (a default, a range, or a fixed port).
 */

/** host (brackets removed) and the port written, if any; undefined when the text is not host[:port]. */
export function splitEndpoint(endpoint: string): { host: string; port: number | undefined } | undefined {
  const m = /^(?:\[([0-9A-Fa-f:.]+)\]|([A-Za-z0-9_.-]+))(?::(\d{1,5}))?$/.exec(endpoint);
  if (!m) return undefined;
  return { host: (m[1] ?? m[2])!, port: m[3] === undefined ? undefined : Number(m[3]) };
}
