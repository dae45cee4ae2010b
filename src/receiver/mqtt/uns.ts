/**
 * Unified-namespace JSON: one retained topic per tag, from a template.
 *
 *   "acme/plant1/{source}/{tag}" + press1/temperature ──▶ acme/plant1/press1/temperature
 *   payload {"value","quality","status","timestamp","unit"} (REST's rendering: json.ts)
 *
 * One message per changed value is the hot path of UNS publishing, so what does not
 * change per value is built once per tag and catalogue (the topic and the unit's JSON
 * text, cleared by forget() when the catalogue changes) and the payload is spliced from
 * those parts and json.ts's jsonText/iso, not by JSON.stringify of an object. Same bytes
 * as JSON.stringify of {value, quality, status, timestamp, unit} (a unit test compares).
 *
 * Replayed (store-and-forward) values are published not retained and carry
 * "historical": true, then the current value is published retained again, so the
 * retained message is always the latest.
 */
import type { TagType, Value } from "../../core/model.js";
import { quality, statusName } from "../../core/status.js";
import { iso, jsonText } from "../json.js";

export interface UnsValue {
  type: TagType;
  unit?: string | undefined;
  value: Value;
  status: number;
  sourceTime: number | null;
}

interface TagParts {
  topic: string;
  /** `,"unit":"degC"}` or `,"unit":null}`: the payload's constant tail */
  tail: string;
}

/** Cached per tag; a catalogue of this many tags is far beyond maxTags, so this only bounds a leak. */
const CACHE_MAX = 1_000_000;

export class UnsTopics {
  private readonly cache = new Map<string, TagParts>();
  /** `,"quality":"good","status":"Good","timestamp":` per status code (a handful in practice) */
  private readonly statusText = new Map<number, string>();

  /** `unitOf` names the unit of a tag path (the store's catalogue); asked once per tag until forget(). */
  constructor(private readonly template: string, private readonly unitOf: (path: string) => string | undefined = () => undefined) {}

  /** The topic of tag path SOURCE/TAG (templates are applied once per tag). */
  topic(path: string): string {
    return this.parts(path).topic;
  }

  /** The catalogue changed (units, tags): build the per-tag parts again when next needed. */
  forget(): void {
    this.cache.clear();
  }

  /** The JSON payload of one value of tag `path`. */
  payload(path: string, type: TagType, value: Value, status: number, sourceTime: number | null, historical = false): string {
    const { tail } = this.parts(path);
    let st = this.statusText.get(status);
    if (st === undefined) {
      st = `,"quality":${JSON.stringify(quality(status))},"status":${JSON.stringify(statusName(status))},"timestamp":`;
      if (this.statusText.size < 1024) this.statusText.set(status, st);
    }
    const ts = iso(sourceTime);
    const head = `{"value":${jsonText(value, type)}${st}${ts === null ? "null" : `"${ts}"`}`;
    return historical ? `${head}${tail.slice(0, -1)},"historical":true}` : head + tail;
  }

  private parts(path: string): TagParts {
    let p = this.cache.get(path);
    if (p === undefined) {
      const slash = path.indexOf("/");
      const topic = this.template.replaceAll("{source}", path.slice(0, slash)).replaceAll("{tag}", path.slice(slash + 1));
      p = { topic, tail: `,"unit":${JSON.stringify(this.unitOf(path) ?? null)}}` };
      if (this.cache.size >= CACHE_MAX) this.cache.clear();
      this.cache.set(path, p);
    }
    return p;
  }
}

/** One payload on its own (tests, and anything outside the publishing loop). */
export function unsPayload(v: UnsValue, historical = false): string {
  return new UnsTopics("{source}/{tag}", () => v.unit).payload("x/x", v.type, v.value, v.status, v.sourceTime, historical);
}
