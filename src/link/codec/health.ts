/**
 * Heartbeat body: ReaderHealth <-> the Heartbeat message. Error texts are truncated so
 * that a heartbeat stays a few datagrams even with many failing sources.
 */
import { PROTOCOLS, type Protocol, type ReaderHealth, type SourceHealth, type SourceState } from "../../core/model.js";
import type { sluice } from "./generated/sluice.js";
import { malformed, ubitsToSafeNumber, type Bits64 } from "./wire.js";

/** Longest last-error text carried (characters). */
export const MAX_ERROR_TEXT = 200;

const STATES: readonly SourceState[] = ["connecting", "up", "degraded", "backoff", "down"];

type HeartbeatProps = sluice.v1.Heartbeat.$Properties;
type SourceProps = sluice.v1.Source.$Properties;
type Long64 = NonNullable<SourceProps["pollsOk"]>;

function count(n: number): number {
  return Number.isFinite(n) && n > 0 ? Math.floor(n) : 0;
}

export function encodeHealth(h: ReaderHealth): HeartbeatProps {
  const sources: SourceProps[] = h.sources.map((s) => {
    const e: SourceProps = {
      name: s.name,
      protocol: PROTOCOLS.indexOf(s.protocol) + 1,
      state: STATES.indexOf(s.state) + 1,
      pollsOk: count(s.pollsOk),
      pollsError: count(s.pollsError),
      overruns: count(s.overruns),
    };
    if (s.lastPollTime !== null) e.lastPollTime = count(s.lastPollTime);
    if (s.lastError) e.lastError = s.lastError.length > MAX_ERROR_TEXT ? s.lastError.slice(0, MAX_ERROR_TEXT - 1) + "…" : s.lastError;
    return e;
  });
  const blocked: Record<string, Long64> = {};
  for (const [k, v] of Object.entries(h.blocked)) blocked[k] = count(v);
  const out: HeartbeatProps = { startedAt: count(h.startedAt), policyHash: h.policyHash, sources, blocked };
  if (h.journal) {
    const j = h.journal;
    out.journal = { samples: count(j.samples), bytes: count(j.bytes), degraded: j.degraded };
    if (j.from !== null) out.journal.fromMs = count(j.from);
  }
  return out;
}

export function decodeHealth(m: sluice.v1.Heartbeat): ReaderHealth {
  const sources: SourceHealth[] = ((m.sources ?? []) as sluice.v1.Source[]).map((e) => {
    const protocol: Protocol | undefined = PROTOCOLS[e.protocol - 1];
    const state = STATES[e.state - 1];
    if (!protocol) throw malformed(`source protocol ${e.protocol}`);
    if (!state) throw malformed(`source state ${e.state}`);
    const s: SourceHealth = {
      name: e.name,
      protocol,
      state,
      lastPollTime: e.lastPollTime == null ? null : ubitsToSafeNumber(e.lastPollTime as Bits64 | number, "lastPollTime"),
      pollsOk: ubitsToSafeNumber(e.pollsOk as Bits64 | number, "pollsOk"),
      pollsError: ubitsToSafeNumber(e.pollsError as Bits64 | number, "pollsError"),
      overruns: ubitsToSafeNumber(e.overruns as Bits64 | number, "overruns"),
    };
    if (e.lastError) s.lastError = e.lastError;
    return s;
  });
  const blocked: Record<string, number> = {};
  for (const [k, v] of Object.entries(m.blocked ?? {})) {
    if (k === "__proto__") continue;
    blocked[k] = ubitsToSafeNumber(v as Bits64 | number, "blocked count");
  }
  const h: ReaderHealth = { startedAt: ubitsToSafeNumber(m.startedAt as Bits64 | number, "startedAt"), policyHash: m.policyHash, sources, blocked };
  const j = m.journal;
  if (j) {
    h.journal = {
      from: j.fromMs == null ? null : ubitsToSafeNumber(j.fromMs as Bits64 | number, "journal from"),
      samples: ubitsToSafeNumber(j.samples as Bits64 | number, "journal samples"),
      bytes: ubitsToSafeNumber(j.bytes as Bits64 | number, "journal bytes"),
      degraded: j.degraded === true,
    };
  }
  return h;
}
