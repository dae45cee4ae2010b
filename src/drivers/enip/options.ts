/**
 * The `enip:` block of a reader source (protocol: enip, Allen-Bradley Logix
 * over EtherNet/IP explicit messaging). Defaults live here and nowhere else;
 * the driver applies them with `enipOptions()` when the block is absent.
 *
 * Reads go over a CIP class-3 connection when the controller grants one, so
 * that 1,000 tags cost a handful of round trips rather than dozens.
 *
 * The endpoint is `host` or `host:44818`: the ethernet-ip library (and the
 * EtherNet/IP spec for explicit messaging) fixes the TCP port, so any other
 * port is a configuration error rather than a setting silently ignored.
 */
import { Type, type Static } from "@sinclair/typebox";
import { applyOptions, Strict } from "../../core/schema.js";
import { hostPortError, splitEndpoint } from "../../core/endpoint.js";
import { SluiceError } from "../../core/errors.js";

export const ENIP_PORT = 44818;

export const EnipOptions = Strict({
  slot: Type.Integer({
    minimum: 0, maximum: 255, default: 0,
    description: "backplane slot of the controller (0 for CompactLogix; the CPU's slot in a ControlLogix chassis)",
  }),
  connected: Type.Boolean({
    default: true,
    description: "read over one CIP class-3 connection (Forward Open): packets of up to 4000 bytes with Large Forward Open (Logix v20 and later), 502 with the classic one. false, or a controller that refuses both, uses unconnected messages of up to 500 bytes",
  }),
  maxPacket: Type.Optional(Type.Integer({
    minimum: 128, maximum: 4000,
    description: "cap on the bytes of one Multiple Service Packet request or reply (default: what the connection allows). Tags are packed into as few packets as this allows",
  })),
}, "Allen-Bradley EtherNet/IP options of this source");

export type EnipOptions = Static<typeof EnipOptions>;

/** The block with every default filled in; throws SLUICE_ERR_CONFIG when it does not match the schema. */
export function enipOptions(raw: unknown): EnipOptions {
  return applyOptions(EnipOptions, "enip", raw);
}

/** Why an enip endpoint is unusable, or undefined when it is fine (for config checks that name the field). */
export function enipEndpointError(endpoint: string): string | undefined {
  const ep = hostPortError(endpoint, "enip") === undefined ? splitEndpoint(endpoint) : undefined;
  if (!ep) return `expected host or host:${ENIP_PORT}`;
  if (ep.port !== undefined && ep.port !== ENIP_PORT) {
    return `EtherNet/IP uses TCP port ${ENIP_PORT} (fixed by the client library); got port ${ep.port}`;
  }
  return undefined;
}

/** The host of an enip endpoint; throws SLUICE_ERR_CONFIG for any port other than 44818. */
export function enipHost(endpoint: string): string {
  const err = enipEndpointError(endpoint);
  if (err) throw new SluiceError("SLUICE_ERR_CONFIG", `enip endpoint "${endpoint}": ${err}`);
  return splitEndpoint(endpoint)!.host;
}
