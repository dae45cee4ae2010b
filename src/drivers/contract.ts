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
import type { TSchema } from "@sinclair/typebox";
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

/** Results that arrived before the read finished: `results[at[i]]` for every i. */
export type PartialResults = (results: readonly (PointResult | undefined)[], at: Int32Array) => void;

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
  /**
   * Read a group. One call in flight per driver. Resolves one result per point, in order.
   * A driver that reads a group in several requests may hand each request's values to
   * `partial` as they arrive (positions into the results), so the first block of a long
   * poll need not wait for the last one; the resolved array still holds every result.
   * A driver may hand back the same array and result objects at every read of a plan
   * (the Modbus driver does: no allocation per point and poll), so a caller takes what
   * it needs before it reads that plan again.
   */
  read(plan: ReadPlan, partial?: PartialResults): Promise<PointResult[]>;
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

/** A rule broken inside an option block: `path` is under the block ("localTsap"), `reason` says why. */
export interface OptionIssue {
  path: string;
  reason: string;
}

/** What `sluice browse` asks of a protocol (read-only services only). */
export interface BrowseRequest {
  endpoint: string;
  /** the protocol's option block, defaults applied */
  options: Readonly<Record<string, unknown>>;
  timeoutMs: number;
  /** where to start (OPC UA: a NodeId; default the protocol's root) */
  root?: string;
  /** how deep to go below root */
  depth?: number;
}

/** One readable item found by browsing, in the shape of a `tags:` entry. */
export interface BrowsedTag {
  name: string;
  address: string;
  type?: TagType;
  unit?: string;
  range?: readonly [number, number];
  description?: string;
}

export type BrowseFunction = (request: BrowseRequest) => Promise<BrowsedTag[]>;

/**
 * One protocol module: everything sluice knows of a protocol, reached only
 * through src/drivers/registry.ts (config uses the grammar and rules, the
 * reader creates drivers, `sluice browse` browses). Nothing here but create()
 * and browse() does I/O.
 */
export interface DriverFactory<A = unknown> {
  readonly protocol: Protocol;
  /** JSON Schema of the source's option block (`sources[].<protocol>`), defaults in it; config validates it with the one engine (src/core/schema.ts). */
  readonly options: TSchema;
  /** Rules between option keys that the schema cannot say (options already defaulted). */
  optionErrors(options: Readonly<Record<string, unknown>>): OptionIssue[];
  /** Why an endpoint does not suit this protocol with these options (defaulted), or undefined when fine. */
  endpointError(endpoint: string, options: Readonly<Record<string, unknown>>): string | undefined;
  /** Parse one address at config-load time. Throws SluiceError SLUICE_ERR_ADDRESS with the reason. */
  parseAddress(address: string): ParsedAddress<A>;
  /**
   * For protocols whose sources can share one physical line (Modbus RTU: one serial port or
   * gateway, one request at a time): the line this source uses and the settings it needs.
   * Sources on one line must agree on its settings; undefined when the source owns its connection.
   */
  line?(endpoint: string, options: Readonly<Record<string, unknown>>): { key: string; settings: string } | undefined;
  create(source: DriverSource): Driver;
  /** List what a device offers as `tags:` entries, with read-only services only; absent when the protocol cannot browse. */
  browse?: BrowseFunction;
}

/** A protocol module is its driver factory: the names say the two roles of one object. */
export type ProtocolModule<A = unknown> = DriverFactory<A>;
