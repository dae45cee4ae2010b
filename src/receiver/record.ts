/**
 * One tag in the receiver's store (store.ts): the mutable record behind a TagState,
 * and the checks the store applies to what the link delivers for it.
 *
 *   sample ──normalise(type, value)──▶ record.{value, raw, sourceTime} ──▶ history store (history/)
 *   record.raw + record.level ──effectiveStatus (quality.ts)──▶ status adapters see
 */
import type { TagDef, TagType, Value } from "../core/model.js";
import { Status } from "../core/status.js";
import { Level, effectiveStatus } from "./quality.js";
import type { TagState } from "./store-api.js";
import type { HistoryKey } from "./history/api.js";

/** The store's mutable record; adapters see it as a readonly TagState; the history store keys the tag by it. */
export class TagRecord implements TagState, HistoryKey {
  value: Value = null;
  raw: number = Status.BadWaitingForInitialData;
  level: Level = Level.Live;
  sourceTime: number | null = null;
  receiveTime: number | null = null;
  epoch = 0;
  /** the history store's own (HistoryKey.slot) */
  slot: unknown = undefined;
  constructor(public def: TagDef, readonly source: string, readonly name: string) {}
  get path(): string {
    return this.def.path;
  }
  get type(): TagType {
    return this.def.type;
  }
  /** A new type makes the old value meaningless: back to "no value yet" (the store resets its history). */
  retype(def: TagDef): void {
    this.def = def;
    this.value = null;
    this.raw = Status.BadWaitingForInitialData;
    this.sourceTime = this.receiveTime = null;
  }
  get status(): number {
    return effectiveStatus(this.raw, this.level);
  }
}

/** Same type, unit, description and range: adapters need not rebuild the tag. */
export function sameShape(a: TagDef, b: TagDef): boolean {
  return a.type === b.type && a.unit === b.unit && a.description === b.description
    && a.range?.[0] === b.range?.[0] && a.range?.[1] === b.range?.[1];
}

const MIN_SAFE = BigInt(Number.MIN_SAFE_INTEGER);
const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/**
 * The value in the JS kind its tag type promises (64-bit ints as bigint, the rest as
 * number), or undefined when it cannot be (malformed). null fits every type (no value).
 */
export function normalise(t: TagType, v: Value): Value | undefined {
  if (v === null) return null;
  switch (t) {
    case "bool": return typeof v === "boolean" ? v : undefined;
    case "string": return typeof v === "string" ? v : undefined;
    case "int64": case "uint64":
      if (typeof v === "bigint") return v;
      return typeof v === "number" && Number.isInteger(v) ? BigInt(v) : undefined;
    default:
      if (typeof v === "number") return v;
      return typeof v === "bigint" && v >= MIN_SAFE && v <= MAX_SAFE ? Number(v) : undefined;
  }
}
