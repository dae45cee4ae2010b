/**
 * Filtering, sorting and paging of the tag list on the server, so a client (the status
 * page) can show one screen of 100,000 tags without fetching them all:
 *
 *   store.all() ──q, source, quality──▶ matches ──sort (stable, on TagState)──▶ slice(offset, limit) ──▶ tagJson
 *
 * Only the returned page is rendered to JSON. Sorting by path is catalogue order
 * sorted once per call; at 100k tags one query costs tens of milliseconds.
 */
import { quality as qualityOf, statusName } from "../../core/status.js";
import type { Value } from "../../core/model.js";
import type { TagState } from "../store-api.js";

export const SORT_KEYS = ["path", "value", "quality", "status", "sourceTime"] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export const MAX_PAGE = 1000;

export interface TagQuery {
  /** case-insensitive substring of the path (SOURCE/TAG) or the unit */
  q?: string;
  source?: string;
  quality?: "good" | "uncertain" | "bad";
  sort?: SortKey;
  order?: "asc" | "desc";
  offset?: number;
  limit?: number;
}

const QUALITY_RANK = { bad: 0, uncertain: 1, good: 2 } as const;

function valueKey(v: Value): number | string {
  if (typeof v === "number") return v;
  if (typeof v === "bigint") return Number(v);
  if (typeof v === "boolean") return v ? 1 : 0;
  return v === null ? Number.NEGATIVE_INFINITY : String(v);
}

function compareBy(key: SortKey): (a: TagState, b: TagState) => number {
  const cmp = (x: number | string, y: number | string): number =>
    typeof x === typeof y ? (x < y ? -1 : x > y ? 1 : 0) : typeof x === "number" ? -1 : 1;
  switch (key) {
    case "path": return (a, b) => cmp(a.def.path, b.def.path);
    case "value": return (a, b) => cmp(valueKey(a.value), valueKey(b.value));
    case "quality": return (a, b) => QUALITY_RANK[qualityOf(a.status)] - QUALITY_RANK[qualityOf(b.status)];
    case "status": return (a, b) => cmp(statusName(a.status), statusName(b.status));
    case "sourceTime": return (a, b) => cmp(a.sourceTime ?? -1, b.sourceTime ?? -1);
  }
}

/** One page of matching tags and how many matched in all. */
export function queryTags(all: Iterable<TagState>, query: TagQuery): { total: number; tags: TagState[] } {
  const needle = query.q?.trim().toLowerCase() ?? "";
  const matches: TagState[] = [];
  for (const s of all) {
    if (query.source !== undefined && s.source !== query.source) continue;
    if (query.quality !== undefined && qualityOf(s.status) !== query.quality) continue;
    if (needle && !s.def.path.toLowerCase().includes(needle) && !(s.def.unit ?? "").toLowerCase().includes(needle)) continue;
    matches.push(s);
  }
  if (query.sort !== undefined) {
    const c = compareBy(query.sort);
    const byPath = compareBy("path");
    const dir = query.order === "desc" ? -1 : 1;
    matches.sort((a, b) => dir * c(a, b) || byPath(a, b));
  } else if (query.order === "desc") {
    matches.reverse();
  }
  const offset = query.offset ?? 0;
  const limit = Math.min(query.limit ?? MAX_PAGE, MAX_PAGE);
  return { total: matches.length, tags: matches.slice(offset, offset + limit) };
}
