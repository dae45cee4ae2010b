/**
 * Unified-namespace JSON: one retained topic per tag, from a template.
 *
 *   "acme/plant1/{source}/{tag}" + press1/temperature ──▶ acme/plant1/press1/temperature
 *   payload {"value","quality","status","timestamp","unit"} (REST's rendering: json.ts)
 *
 * Replayed (store-and-forward) values are published not retained and carry
 * "historical": true, then the current value is published retained again, so the
 * retained message is always the latest.
 */
import type { TagType, Value } from "../../core/model.js";
import { quality, statusName } from "../../core/status.js";
import { iso, jsonValue } from "../json.js";

export interface UnsValue {
  type: TagType;
  unit?: string | undefined;
  value: Value;
  status: number;
  sourceTime: number | null;
}

export class UnsTopics {
  private readonly cache = new Map<string, string>();
  constructor(private readonly template: string) {}

  /** The topic of tag path SOURCE/TAG (cached: templates are applied once per tag). */
  topic(path: string): string {
    let t = this.cache.get(path);
    if (t === undefined) {
      const slash = path.indexOf("/");
      const source = path.slice(0, slash);
      const tag = path.slice(slash + 1);
      t = this.template.replaceAll("{source}", source).replaceAll("{tag}", tag);
      if (this.cache.size > 1_000_000) this.cache.clear();
      this.cache.set(path, t);
    }
    return t;
  }
}

export function unsPayload(v: UnsValue, historical = false): string {
  return JSON.stringify({
    value: jsonValue(v.value, v.type),
    quality: quality(v.status),
    status: statusName(v.status),
    timestamp: iso(v.sourceTime),
    unit: v.unit ?? null,
    ...(historical ? { historical: true } : {}),
  });
}
