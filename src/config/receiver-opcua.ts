/**
 * The `opcua:` section of the receiver config: the read-only OPC UA server.
 * Secure by default (SignAndEncrypt, Basic256Sha256 or stronger, no anonymous,
 * unknown client certificates rejected); anything weaker must be written out.
 * Owned by src/receiver/opcua.
 */
import { Type } from "@sinclair/typebox";
import { Name, StringEnum, Strict } from "./common.js";

export const SECURITY_MODES = ["SignAndEncrypt", "Sign", "None"] as const;
/** Only policies that are neither deprecated nor broken on Node 20 (Basic128Rsa15, Basic256 are left out). */
export const SECURITY_POLICIES = ["Basic256Sha256", "Aes128_Sha256_RsaOaep", "Aes256_Sha256_RsaPss"] as const;

/** scrypt$N$r$p$salt$hash, as written by `sluice hash-password`. */
export const PASSWORD_HASH_PATTERN = "^scrypt\\$\\d+\\$\\d+\\$\\d+\\$[A-Za-z0-9+/]+={0,2}\\$[A-Za-z0-9+/]+={0,2}$";

const User = Strict({
  name: Name("user name a client logs in with"),
  passwordHash: Type.String({
    pattern: PASSWORD_HASH_PATTERN,
    description: "scrypt hash of the password (scrypt$N$r$p$salt$hash), from `sluice hash-password`; never the password itself",
  }),
}, "a username/password identity");

export const ReceiverOpcua = Strict({
  port: Type.Integer({ minimum: 0, maximum: 65535, default: 4840, description: "TCP port (0 = any free port, for tests)" }),
  host: Type.Optional(Type.String({
    minLength: 1,
    description: "address to bind and, unless `hostname` is set, the host name advertised in endpoint URLs " +
      "and the generated certificate (default: all interfaces, advertised as this machine's FQDN)",
  })),
  hostname: Type.Optional(Type.String({
    minLength: 1,
    description: "host name advertised in endpoint URLs and put in the generated certificate (default: host, or the FQDN)",
  })),
  applicationUri: Type.Optional(Type.String({
    minLength: 1,
    description: "ApplicationUri of the server, also in its certificate (default urn:HOSTNAME:sluice:receiver)",
  })),
  security: Type.Object({
    modes: Type.Array(StringEnum(SECURITY_MODES, "a message security mode"), {
      minItems: 1, uniqueItems: true, default: ["SignAndEncrypt"],
      description: 'message security modes offered; "None" gives an unencrypted endpoint (labs and demos only; logged as a warning)',
    }),
    policies: Type.Array(StringEnum(SECURITY_POLICIES, "a security policy"), {
      minItems: 1, uniqueItems: true, default: [...SECURITY_POLICIES],
      description: "security policies offered with Sign and SignAndEncrypt",
    }),
  }, { additionalProperties: false, default: {}, description: "endpoint security" }),
  allowAnonymous: Type.Boolean({ default: false, description: "accept sessions without a user identity (labs and demos only; logged as a warning)" }),
  users: Type.Array(User, { default: [], description: "username/password identities; passwords are checked against scrypt hashes" }),
  pki: Type.String({
    minLength: 1, default: "./pki",
    description: "PKI folder (relative to this file): own/ (server key and certificate), trusted/certs/ (client certificates " +
      "allowed to connect), rejected/ (unknown client certificates land here: move one to trusted/certs/ to trust it), issuers/",
  }),
  certificate: Type.Optional(Type.String({ minLength: 1, description: "server certificate PEM (relative to this file); default: generated in pki/own/certs" })),
  privateKey: Type.Optional(Type.String({ minLength: 1, description: "private key PEM of `certificate` (relative to this file)" })),
  trustedClients: Type.Array(Type.String({ minLength: 1 }), {
    default: [],
    description: "client certificate files (PEM or DER, relative to this file) added to pki/trusted at start; unknown certificates are always rejected",
  }),
  maxSessions: Type.Integer({ minimum: 1, maximum: 1000, default: 20, description: "concurrent sessions" }),
  maxMonitoredItems: Type.Integer({ minimum: 1, maximum: 1_000_000, default: 100_000, description: "monitored items across all sessions" }),
  maxOperationsPerRequest: Type.Integer({
    minimum: 1, maximum: 1_000_000, default: 100_000,
    description: "nodes per Read, Browse, HistoryRead, RegisterNodes, TranslateBrowsePaths and monitored items per CreateMonitoredItems call",
  }),
  samplingInterval: Type.Integer({
    minimum: 0, maximum: 60_000, default: 0,
    description: "MinimumSamplingInterval of every tag, ms; 0 lets clients subscribe exception-based (every change, as it arrives)",
  }),
}, "read-only OPC UA server");
