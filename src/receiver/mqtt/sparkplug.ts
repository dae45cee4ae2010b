/**
 * Sparkplug B 3.0 payloads and topics (encoding only; the session rules live in edge.ts).
 *
 *   tag type ──datatypeOf──▶ Sparkplug datatype ──setValue──▶ Metric.int_value | long_value | float_value | ...
 *   births: name + alias + datatype (+ engUnit/engLow/engHigh properties); data: alias only
 *
 * Encoded with the static code generated from proto/sparkplug_b.proto (pinned protobufjs).
 * 32-bit and smaller integers go in int_value as two's complement, 64-bit ones in long_value
 * (specification 6.4.16); a null value is `is_null` with no value field.
 */
import type { TagType, Value } from "../../core/model.js";
import { quality } from "../../core/status.js";
import { org } from "./generated/sparkplug_b.js";

const P = org.eclipse.tahu.protobuf.Payload;
export type Metric = org.eclipse.tahu.protobuf.Payload.Metric.$Properties;
export type PayloadProps = org.eclipse.tahu.protobuf.Payload.$Properties;
type PropertySet = org.eclipse.tahu.protobuf.Payload.PropertySet.$Properties;
type Long64 = NonNullable<Metric["longValue"]>;

export const NAMESPACE = "spBv1.0";

export const DataType = {
  Int8: 1, Int16: 2, Int32: 3, Int64: 4, UInt8: 5, UInt16: 6, UInt32: 7, UInt64: 8,
  Float: 9, Double: 10, Boolean: 11, String: 12, DateTime: 13,
} as const;

const BY_TAG: Record<TagType, number> = {
  bool: DataType.Boolean, int16: DataType.Int16, uint16: DataType.UInt16, int32: DataType.Int32, uint32: DataType.UInt32,
  int64: DataType.Int64, uint64: DataType.UInt64, float32: DataType.Float, float64: DataType.Double, string: DataType.String,
};

export function datatypeOf(t: TagType): number {
  return BY_TAG[t];
}

/** Node-level message types (spBv1.0/GROUP/TYPE/NODE) and device-level ones (…/NODE/DEVICE). */
export type NodeMessage = "NBIRTH" | "NDEATH" | "NDATA" | "NCMD";
export type DeviceMessage = "DBIRTH" | "DDEATH" | "DDATA" | "DCMD";

export function nodeTopic(group: string, type: NodeMessage, node: string): string {
  return `${NAMESPACE}/${group}/${type}/${node}`;
}

export function deviceTopic(group: string, type: DeviceMessage, node: string, device: string): string {
  return `${NAMESPACE}/${group}/${type}/${node}/${device}`;
}

export function stateTopic(host: string): string {
  return `${NAMESPACE}/STATE/${host}`;
}

/** A 64-bit value as the low/high words protobufjs writes (two's complement). */
export function long64(v: bigint | number): Long64 {
  const u = BigInt.asUintN(64, typeof v === "bigint" ? v : BigInt(Math.trunc(v)));
  return { low: Number(u & 0xffff_ffffn) | 0, high: Number(u >> 32n) | 0, unsigned: true } as unknown as Long64;
}

/** Set the value field of `m` for a tag of `type` (is_null when there is no value). */
export function setValue(m: Metric, type: TagType, v: Value): void {
  if (v === null) {
    m.isNull = true;
    return;
  }
  switch (type) {
    case "bool": m.booleanValue = v === true; return;
    case "string": m.stringValue = String(v); return;
    case "float32": m.floatValue = Number(v); return;
    case "float64": m.doubleValue = Number(v); return;
    case "int64": case "uint64": m.longValue = long64(typeof v === "bigint" ? v : BigInt(Math.trunc(Number(v)))); return;
    default: m.intValue = Number(v) >>> 0; // int16/int32 as two's complement in a uint32
  }
}

/**
 * The Sparkplug quality property (Ignition's convention, carried by most hosts):
 * 192 good, 64 uncertain, 0 bad; only sent when the value is not good.
 */
export function qualityProps(status: number): PropertySet | undefined {
  if (status === 0) return undefined; // Good: the common case, no property
  const q = quality(status);
  if (q === "good") return undefined;
  return { keys: ["Quality"], values: [{ type: DataType.Int32, intValue: q === "uncertain" ? 64 : 0 }] };
}

export interface BirthTag {
  name: string;
  alias: number;
  type: TagType;
  unit?: string | undefined;
  range?: readonly [number, number] | undefined;
  description?: string | undefined;
  value: Value;
  status: number;
  sourceTime: number | null;
}

/** A DBIRTH metric: name, alias, datatype, value, and the engineering metadata as properties. */
export function birthMetric(t: BirthTag, now: number): Metric {
  const m: Metric = { name: t.name, alias: t.alias, timestamp: t.sourceTime ?? now, datatype: datatypeOf(t.type) };
  setValue(m, t.type, t.value);
  const keys: string[] = [];
  const values: NonNullable<PropertySet["values"]> = [];
  if (t.unit !== undefined) { keys.push("engUnit"); values.push({ type: DataType.String, stringValue: t.unit }); }
  if (t.range) {
    keys.push("engLow", "engHigh");
    values.push({ type: DataType.Double, doubleValue: t.range[0] }, { type: DataType.Double, doubleValue: t.range[1] });
  }
  if (t.description !== undefined) { keys.push("Documentation"); values.push({ type: DataType.String, stringValue: t.description }); }
  const q = qualityProps(t.status);
  if (q) { keys.push(...(q.keys ?? [])); values.push(...(q.values ?? [])); }
  if (keys.length > 0) m.properties = { keys, values };
  return m;
}

/** A DDATA metric: alias only (no name, no datatype), per specification 6.4.4 for data messages. */
export function dataMetric(alias: number, type: TagType, v: Value, status: number, time: number, historical: boolean): Metric {
  const m: Metric = { alias, timestamp: time };
  if (historical) m.isHistorical = true;
  setValue(m, type, v);
  const q = qualityProps(status);
  if (q) m.properties = q;
  return m;
}

/** A node metric (NBIRTH/NDATA/NDEATH): by name in births and deaths. */
export function nodeMetric(name: string, datatype: number, v: boolean | number | bigint, time: number, alias?: number): Metric {
  const m: Metric = alias === undefined ? { name, timestamp: time, datatype } : { alias, timestamp: time };
  if (typeof v === "boolean") m.booleanValue = v;
  else if (datatype === DataType.Double) m.doubleValue = Number(v);
  else if (datatype === DataType.Int64 || datatype === DataType.UInt64) m.longValue = long64(v);
  else m.intValue = Number(v) >>> 0;
  return m;
}

export function encode(p: PayloadProps): Uint8Array {
  return P.encode(p).finish();
}

export function decode(bytes: Uint8Array): org.eclipse.tahu.protobuf.Payload {
  return P.decode(bytes);
}
