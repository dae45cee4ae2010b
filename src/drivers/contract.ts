/**
 * The driver contract. A driver speaks one PLC protocol to one device and
 * nothing else: the reader's scheduler owns timers, retries and backoff; the
 * normaliser owns scaling and deadbands. Drivers have no write operation at
 * all: read-only is a property of this type (security invariant 3).
 *
 *   scheduler ──plan(points)──▶ driver      (once per poll group)
 *   scheduler ──read(plan)────▶ driver ──▶ PointResult[] (one per point)
 *
 * A point that fails on its own (bad address on this device, type mismatch)
 * is a result with a Bad status. A lost or unusable connection rejects the
 * read with SLUICE_ERR_DISCONNECTED or SLUICE_ERR_TIMEOUT; the scheduler then
 * backs off, reconnects, and rebuilds the driver after repeated failures.
 */
import type { Protocol, TagType, Value } from "../core/model.js";

/** One tag to read, its address already parsed by the factory. */
export interface Point<A = unknown> {
  /** Position of the point in its group; results come back in this order. */
  readonly index: number;
  readonly address: A;
  readonly type: TagType;
}

export interface PointResult {
  /** The device value converted to the point's type (bigint for 64-bit ints), or null. */
  value: Value;
  /** OPC UA StatusCode: Good, or the point's own failure (e.g. BadConfigurationError). */
  status: number;
  /** Acquisition time, ms since epoch: the device's own timestamp where the protocol has one. */
  sourceTime: number;
}

/** An opaque, precomputed plan for reading one group of points (e.g. coalesced requests). */
export interface ReadPlan {
  readonly points: readonly Point[];
  /** Number of protocol requests one read of this plan costs (for tests and benchmarks). */
  readonly requests: number;
}

export interface Driver {
  readonly protocol: Protocol;
  /** Open the connection. Rejects (SLUICE_ERR_DISCONNECTED / SLUICE_ERR_TIMEOUT) when the device cannot be reached. */
  connect(): Promise<void>;
  /** Build the read plan for a group once. Throws SLUICE_ERR_ADDRESS only for addresses the factory accepted but this device cannot serve. */
  plan(points: readonly Point[]): ReadPlan;
  /** Read a group. One call in flight per driver. Resolves one result per point, in order. */
  read(plan: ReadPlan): Promise<PointResult[]>;
  /** Graceful close; idempotent; safe after destroy(). */
  close(): Promise<void>;
  /** Immediate teardown of sockets and timers; idempotent. */
  destroy(): void;
}

export interface ParsedAddress<A = unknown> {
  address: A;
  /** The type the address implies (e.g. modbus hr:0:float32), or undefined when the tag config must say it. */
  type: TagType | undefined;
}

/** What a source config gives a driver (see src/config/reader.ts). */
export interface DriverSource {
  name: string;
  endpoint: string;
  /** per-request timeout in ms */
  timeoutMs: number;
  /** the protocol's own options block from the source config (e.g. `modbus: {unitId}`), validated by the schema */
  options: Readonly<Record<string, unknown>>;
}

export interface DriverFactory<A = unknown> {
  readonly protocol: Protocol;
  /** Parse one address at config-load time. Throws SluiceError SLUICE_ERR_ADDRESS with the reason. */
  parseAddress(address: string): ParsedAddress<A>;
  create(source: DriverSource): Driver;
}
