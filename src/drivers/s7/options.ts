/**
 * The `s7:` block of a reader source (protocol: s7, Siemens S7 over ISO-on-TCP
 * through nodes7). Defaults live here and nowhere else; the driver applies
 * them with `s7Options()` when the block is absent.
 *
 * Rack and slot select the CPU: S7-1200 and S7-1500 are rack 0 slot 1 (the
 * default), S7-300 is rack 0 slot 2, S7-400 depends on the chassis. LOGO! and
 * S7-200 need TSAPs instead (localTsap/remoteTsap, which override rack/slot).
 * S7-1200/1500 also need PUT/GET access enabled and DBs without "optimized
 * block access", otherwise every read fails.
 */
import { Type, type Static } from "@sinclair/typebox";
import { applyOptions, Strict } from "../../core/schema.js";
import { hostPortError, splitEndpoint } from "../../core/endpoint.js";
import { SluiceError } from "../../core/errors.js";

export const S7Options = Strict({
  rack: Type.Integer({ minimum: 0, maximum: 7, default: 0, description: "rack of the CPU (0 on S7-300/1200/1500)" }),
  slot: Type.Integer({
    minimum: 0, maximum: 31, default: 1,
    description: "slot of the CPU: 1 for S7-1200/1500 (default), 2 for S7-300, the CPU's slot on S7-400",
  }),
  port: Type.Integer({
    minimum: 1, maximum: 65535, default: 102,
    description: "ISO-on-TCP port, used when `endpoint` has no port (a port in `endpoint` wins)",
  }),
  maxPdu: Type.Optional(Type.Integer({
    minimum: 240, maximum: 960,
    description: "PDU size to ask for (default 960); the CPU may negotiate it down (S7-300/1200: 240, S7-1500: 960). Reads are packed into as few PDUs as the negotiated size allows",
  })),
  localTsap: Type.Optional(Type.Integer({
    minimum: 0, maximum: 0xffff,
    description: "local TSAP, e.g. 0x0100 (LOGO!, S7-200); needs remoteTsap; overrides rack/slot",
  })),
  remoteTsap: Type.Optional(Type.Integer({
    minimum: 0, maximum: 0xffff,
    description: "remote TSAP, e.g. 0x0200 (LOGO!, S7-200); needs localTsap; overrides rack/slot",
  })),
}, "Siemens S7 options of this source");

export type S7Options = Static<typeof S7Options>;

/** The block with every default filled in; throws SLUICE_ERR_CONFIG when it does not match the schema. */
export function s7Options(raw: unknown): S7Options {
  const value = applyOptions(S7Options, "s7", raw);
  const bad = s7OptionErrors(value)[0];
  if (bad) throw new SluiceError("SLUICE_ERR_CONFIG", `s7.${bad.path}: ${bad.reason}`);
  return value;
}

/** Rules between keys that the schema cannot say. */
export function s7OptionErrors(o: S7Options): { path: string; reason: string }[] {
  if ((o.localTsap === undefined) !== (o.remoteTsap === undefined)) {
    return [{ path: o.localTsap === undefined ? "localTsap" : "remoteTsap", reason: "localTsap and remoteTsap go together (give both, or neither to use rack/slot)" }];
  }
  return [];
}

/** Why an endpoint is unusable for S7 (host[:port], the port 1..65535), or undefined. */
export function s7EndpointError(endpoint: string): string | undefined {
  return hostPortError(endpoint, "s7");
}

/** "host[:port]" of an S7 source → host and port (the block's port when the endpoint has none). */
export function s7Endpoint(endpoint: string, opts: S7Options): { host: string; port: number } {
  const ep = s7EndpointError(endpoint) === undefined ? splitEndpoint(endpoint) : undefined;
  const port = ep?.port ?? opts.port;
  if (!ep) {
    throw new SluiceError("SLUICE_ERR_CONFIG", `s7 endpoint "${endpoint}": expected host[:port]`);
  }
  return { host: ep.host, port };
}
