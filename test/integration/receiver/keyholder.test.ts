/**
 * A key holder against the whole receiver (startReceiver on loopback, frames sealed
 * by the real TransportSender): the acceptance rules for values hold the same way
 * in REST and OPC UA, an out-of-range time neither breaks REST nor freezes a tag,
 * hostile heartbeats do not reach /metrics, and every drop is counted by reason.
 */
import t from "tap";
import { CatalogIndex } from "../../../src/link/catalog.js";
import { encodeFrame } from "../../../src/link/codec/index.js";
import { sluice } from "../../../src/link/codec/generated/sluice.js";
import type { TagDef } from "../../../src/core/model.js";
import { statusName } from "../../../src/core/status.js";
import { getJson, hostileReceiver, restSweep, sendAll, uaRead, uaSession } from "../../fixtures/keyholder.js";
import { waitFor } from "../../fixtures/ua-client.js";

const TAGS: TagDef[] = [
  { alias: 0, path: "plc/i16", type: "int16" },
  { alias: 1, path: "plc/u16", type: "uint16" },
  { alias: 2, path: "plc/nan", type: "float64" },
  { alias: 3, path: "plc/inf", type: "float32" },
  { alias: 4, path: "plc/eu", type: "float64", range: [0, 100], unit: "degC" },
  { alias: 5, path: "plc/late", type: "int32" },
  { alias: 6, path: "plc/ok", type: "int16" },
];
const cat = CatalogIndex.of(TAGS);

function delta(values: sluice.v1.Values.$Properties, timeMs = Date.now()): Uint8Array {
  return sluice.v1.Frame.encode({ timeMs, catalogHash: cat.hash, delta: { values } }).finish();
}

void t.test("REST and OPC UA serve the same acceptance rules for values and times", async (t) => {
  const h = await hostileReceiver(t);
  const s = await h.sender();
  const now = Date.now();
  const birth = encodeFrame({ timeMs: now, catalogHash: cat.hash, body: { kind: "birth", part: 0, parts: 1, tagCount: TAGS.length, tags: TAGS } }, undefined);
  await sendAll(s, [birth]);
  await waitFor(async () => (await getJson(h.rx.rest, "/api/v1/tags")).body.tags?.length === TAGS.length);
  // A genuine sample for plc/late, then one from year ~287,000, beyond what a Date holds, then a genuine later one.
  const Y287000 = 9_000_000_000_000_000;
  await sendAll(s, [
    delta({ firstAlias: 5, count: 1, ints: [1] }, now),
    delta({ firstAlias: 5, count: 1, ints: [2], timeAt: [0], times: [Y287000 - now] }, now),
    delta({ firstAlias: 0, count: 7, ints: [1_000_000_000, -5, 3, 7], doubles: [Number.NaN, 150], floats: [Number.POSITIVE_INFINITY] }, now + 1),
  ]);
  await waitFor(async () => (await getJson(h.rx.rest, "/api/v1/tags/plc/ok")).body.value === 7);

  const rest = (await getJson(h.rx.rest, "/api/v1/tags")).body.tags as { path: string; value: unknown; status: string }[];
  const by = new Map(rest.map((x) => [x.path, x]));
  t.same(by.get("plc/i16"), { ...by.get("plc/i16"), value: null, status: "BadTypeMismatch" }, "int16 of 1e9");
  t.same(by.get("plc/u16"), { ...by.get("plc/u16"), value: null, status: "BadTypeMismatch" }, "uint16 of -5");
  t.same(by.get("plc/nan"), { ...by.get("plc/nan"), value: null, status: "BadOutOfRange" }, "NaN is not served as \"NaN\" Good");
  t.same(by.get("plc/inf"), { ...by.get("plc/inf"), value: null, status: "BadOutOfRange" }, "Infinity");
  t.same(by.get("plc/eu"), { ...by.get("plc/eu"), value: 150, status: "UncertainEngineeringUnitsExceeded" }, "outside the EURange");
  t.same(by.get("plc/late"), { ...by.get("plc/late"), value: 3, status: "Good" }, "the year-287,000 sample was dropped; later genuine ones apply");

  const session = await uaSession(t, h);
  const ua = await uaRead(session, TAGS.map((x) => x.path));
  for (const [i, tag] of TAGS.entries()) {
    const r = by.get(tag.path)!;
    t.equal(statusName(ua[i]!.status), r.status, `${tag.path}: OPC UA status = REST status`);
    if (r.value === null) t.equal(ua[i]!.value, null, `${tag.path}: no value over OPC UA either`);
    else t.equal(Number(ua[i]!.value), r.value, `${tag.path}: same value`);
  }

  const routes = await restSweep(h.rx.rest);
  t.same(routes.filter((r) => r.status !== 200), [], "every REST route answers 200");
  const metrics = (await getJson(h.rx.rest, "/metrics")).body as string;
  t.match(metrics, /sluice_receiver_dropped_total\{reason="type_range"\} 2\n/);
  t.match(metrics, /sluice_receiver_dropped_total\{reason="nonfinite"\} 2\n/);
  t.match(metrics, /sluice_receiver_dropped_total\{reason="time_future"\} 1\n/);
});

void t.test("hostile heartbeats never reach /metrics; a genuine one does", async (t) => {
  const h = await hostileReceiver(t);
  const s = await h.sender();
  const src = (name: string, lastError?: string): sluice.v1.Source.$Properties =>
    ({ name, protocol: 1, state: 2, pollsOk: 5, pollsError: 0, overruns: 0, lastPollTime: Date.now(), ...(lastError ? { lastError } : {}) });
  const hb = (sources: sluice.v1.Source.$Properties[], policyHash = "p"): Uint8Array =>
    sluice.v1.Frame.encode({ timeMs: Date.now(), catalogHash: 0, heartbeat: { startedAt: Date.now(), policyHash, sources } }).finish();
  await sendAll(s, [
    hb(Array.from({ length: 5000 }, (_, i) => src(`s${i}`))),
    hb([src("x", "e".repeat(1 << 20))]),
    hb([src("evil\"} 1\nsluice_link_up 0 #")]),
  ]);
  await sendAll(s, [hb([src("plc1")], "genuine")]);
  await waitFor(async () => ((await getJson(h.rx.rest, "/api/v1/sources")).body.sources?.length ?? 0) > 0);
  const metrics = (await getJson(h.rx.rest, "/metrics")).body as string;
  t.equal(metrics.match(/^sluice_source_up\{/gm)?.length, 1, "only the genuine source is a label");
  t.match(metrics, /sluice_source_up\{source="plc1"\} 1/);
  t.match(metrics, /sluice_receiver_dropped_total\{reason="heartbeat"\} 3\n/);
  t.ok(metrics.length < 100_000, `/metrics stays small (${metrics.length} bytes)`);
});
