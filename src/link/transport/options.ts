/**
 * Options of the transport's two ends, as plain objects, and their
 * derivation from the validated config sections (src/config/link.ts),
 * loading the key files relative to the config file's folder.
 */
import { resolve } from "node:path";
import type { Static } from "@sinclair/typebox";
import { splitHostPort } from "../../config/common.js";
import type { ReaderLink, ReceiverLink } from "../../config/link.js";
import { parseDuration } from "../../core/duration.js";
import { loadKey, type LinkKey } from "../keys.js";
import type { AuthAlg } from "./envelope.js";

export interface TransportSenderOptions {
  /** receiver host (IPv4/IPv6 literal or name) and UDP port */
  host: string;
  port: number;
  key: LinkKey;
  /** default "aes-256-gcm" */
  auth?: AuthAlg;
  /** largest UDP payload in bytes, default 1400 */
  mtu?: number;
  /** pacing in bytes/s counting all overhead; 0 = unlimited; default 12,500,000 */
  rate?: number;
  fec?: {
    /** repair datagrams per data datagram, 0..1; default 0.3 */
    repair?: number;
    /** data datagrams per group, 1..128; default 16 */
    group?: number;
    /** ms a group stays open at most; default 10 */
    timeoutMs?: number;
  };
  /** most queued frame bytes; default 8 MiB */
  queueBytes?: number;
  /** longest close() waits for the queue to drain, ms; default 2000 */
  closeTimeoutMs?: number;
}

export interface TransportIntakeOptions {
  /** address to bind (IPv4/IPv6 literal) and UDP port (0 = any free port) */
  host: string;
  port: number;
  /** accepted keys, at most 2 (rollover) */
  keys: LinkKey[];
  auth?: AuthAlg;
  /** largest datagram accepted; default 1400 */
  mtu?: number;
  /** SO_RCVBUF in bytes; default 4 MiB */
  recvBufferSize?: number;
  /** how far (ms) a session's start time may be ahead of this host's clock; default 5 min */
  sessionSkewMs?: number;
  reassembly?: {
    /** incomplete frames held at once; default 256 */
    frames?: number;
    /** bytes held by incomplete frames; default 32 MiB */
    bytes?: number;
    /** ms before an incomplete frame or FEC group is dropped; default 2000 */
    timeoutMs?: number;
  };
}

export const SENDER_DEFAULTS = {
  auth: "aes-256-gcm" as AuthAlg, mtu: 1400, rate: 12_500_000, repair: 0.3, group: 16, fecTimeoutMs: 10,
  queueBytes: 8 * 1024 * 1024, closeTimeoutMs: 2000,
};
export const INTAKE_DEFAULTS = {
  auth: "aes-256-gcm" as AuthAlg, mtu: 1400, recvBufferSize: 4 * 1024 * 1024, frames: 256,
  bytes: 32 * 1024 * 1024, timeoutMs: 2000,
};

/** "host:port" or "[v6]:port" → parts (the config schema checked the shape). */
export function senderOptionsFrom(cfg: Static<typeof ReaderLink>, baseDir: string): TransportSenderOptions {
  const { host, port } = splitHostPort(cfg.to);
  return {
    host, port,
    key: loadKey(resolve(baseDir, cfg.key)),
    auth: cfg.auth,
    mtu: cfg.mtu,
    rate: cfg.rate,
    fec: { repair: cfg.fec.repair, group: cfg.fec.group, timeoutMs: parseDuration(cfg.fec.timeout) },
    queueBytes: cfg.queue,
  };
}

export function intakeOptionsFrom(cfg: Static<typeof ReceiverLink>, baseDir: string): TransportIntakeOptions {
  const { host, port } = splitHostPort(cfg.listen);
  return {
    host, port, keys: loadIntakeKeys(baseDir, cfg),
    auth: cfg.auth,
    mtu: cfg.mtu,
    recvBufferSize: cfg.recvBuffer,
    sessionSkewMs: parseDuration(cfg.sessionSkew),
    reassembly: { frames: cfg.reassembly.frames, timeoutMs: parseDuration(cfg.reassembly.timeout) },
  };
}

/** The intake's accepted keys: `key`, then `nextKey` when named (paths relative to baseDir). */
export function loadIntakeKeys(baseDir: string, paths: { key: string; nextKey?: string | undefined }): LinkKey[] {
  const keys = [loadKey(resolve(baseDir, paths.key))];
  if (paths.nextKey !== undefined) keys.push(loadKey(resolve(baseDir, paths.nextKey)));
  return keys;
}
