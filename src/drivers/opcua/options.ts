/**
 * The `opcua:` block of a reader source (protocol: opcua; endpoint is an
 * opc.tcp:// URL). Secure by default: SignAndEncrypt with Basic256Sha256, and
 * an unknown server certificate is rejected (it lands in PKI/rejected; move it
 * to PKI/trusted/certs to trust it). `securityMode: None` must be asked for.
 * The password is never logged (the logger redacts `password`) nor put in errors.
 */
import { Type, type Static } from "@sinclair/typebox";
import { applyOptions, Duration, StringEnum, Strict } from "../../core/schema.js";
import { opcUrlError } from "../../core/endpoint.js";

export const OPCUA_SECURITY_MODES = ["None", "Sign", "SignAndEncrypt"] as const;
export const OPCUA_SECURITY_POLICIES = ["Basic256Sha256", "Aes128_Sha256_RsaOaep", "Aes256_Sha256_RsaPss"] as const;

export const OpcuaOptions = Strict({
  securityMode: StringEnum(OPCUA_SECURITY_MODES,
    "message security: SignAndEncrypt (default), Sign, or None (no security at all: labs and demos only)", "SignAndEncrypt"),
  securityPolicy: StringEnum(OPCUA_SECURITY_POLICIES,
    "security policy when securityMode is Sign or SignAndEncrypt (ignored under None)", "Basic256Sha256"),
  user: Type.Optional(Type.String({ minLength: 1, description: "user name for a UserName identity token; without it the session is anonymous" })),
  password: Type.Optional(Type.String({ description: "password for `user` (never logged)" })),
  pki: Type.String({
    minLength: 1, default: "./pki/opcua-client",
    description: "this client's own PKI folder (relative to this file): own/ (client key and certificate, made on first connect), trusted/certs/ (server certificates to trust), rejected/ (unknown server certificates land here: move one to trusted/certs/ to trust it)",
  }),
  acceptUnknownServerCertificate: Type.Boolean({
    default: false,
    description: "trust any server certificate on first use (labs only); otherwise put the server's certificate in PKI/trusted/certs",
  }),
  mode: StringEnum(["read", "subscribe"] as const,
    "read: one batched Read per poll; subscribe: monitored items keep the latest values and a poll returns them", "read"),
  samplingInterval: Duration("subscribe mode: sampling and publishing interval asked of the server", "1s"),
  sessionTimeout: Duration("session timeout asked of the server", "60s"),
  maxNodesPerRead: Type.Integer({
    minimum: 1, maximum: 10000, default: 1000,
    description: "nodes per Read request; larger groups are split (servers refuse reads above their MaxNodesPerRead)",
  }),
}, "OPC UA client options of this source");

export type OpcuaOptions = Static<typeof OpcuaOptions>;

/** The block with every default filled in; throws SLUICE_ERR_CONFIG when it does not match the schema. */
export function opcuaOptions(raw: unknown): OpcuaOptions {
  return applyOptions(OpcuaOptions, "opcua", raw);
}

/** Rules between keys that the schema cannot say. */
export function opcuaOptionErrors(o: OpcuaOptions): { path: string; reason: string }[] {
  return o.password !== undefined && o.user === undefined ? [{ path: "password", reason: "password given without user" }] : [];
}

/** Why an endpoint is not an opc.tcp:// URL, or undefined. */
export function opcuaEndpointError(endpoint: string): string | undefined {
  return opcUrlError(endpoint);
}
