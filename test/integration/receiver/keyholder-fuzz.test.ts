/**
 * The key-holder fuzzer in CI: 50,000 authenticated mutated frames (every kind,
 * protobuf- and byte-level mutations, hostile catalogues with correct hashes; see
 * test/fixtures/keyholder-fuzz.ts) against a real receiver. It survives, RSS grows
 * by less than RSS_GROWTH, every REST route answers 200, OPC UA serves a Read, and a
 * genuine reader started afterwards is accepted and its values served.
 * test/bench/keyholder-fuzz.ts runs the same with 1,000,000 frames.
 */
import t from "tap";
import { fuzzReceiver, genuineReader, hostileReceiver, restSweep, uaRead, uaSession } from "../../fixtures/keyholder.js";

/** The bound SECURITY.md states: RSS growth during the run, whatever the frames. */
const RSS_GROWTH = 512 * 2 ** 20;
const FRAMES = Number(process.env.SLUICE_FUZZ_FRAMES ?? 50_000);

t.setTimeout(900_000); // a loaded 2-core machine runs this at ~1,000 frames/s

void t.test(`${FRAMES} mutated authenticated frames: the receiver survives and stays bounded`, async (t) => {
  const h = await hostileReceiver(t);
  const r = await fuzzReceiver(h, FRAMES, 11);
  t.comment(JSON.stringify({ ...r, rate: Math.round(r.frames / r.seconds), growthMiB: Math.round((r.rssMax - r.rssStart) / 2 ** 20) }));
  t.ok(r.accepted >= FRAMES * 0.95, `the receiver took them all in (${r.accepted} of ${FRAMES} frames accepted)`);
  t.ok(r.made.protobuf! > FRAMES * 0.7 && r.made.catalogue! > 100 && r.made.bytes! > 1000, "mostly protobuf-level mutations, with new catalogues and byte-level ones");
  t.ok(r.rssMax - r.rssStart < RSS_GROWTH, `RSS grew by ${Math.round((r.rssMax - r.rssStart) / 2 ** 20)} MiB (bound ${RSS_GROWTH / 2 ** 20} MiB)`);
  t.same((await restSweep(h.rx.rest)).filter((x) => x.status !== 200), [], "every REST route answers 200");
  const g = await genuineReader(t, h);
  t.ok(g.rest, "a genuine reader started afterwards is accepted and its values are served");
  const session = await uaSession(t, h);
  const [ua] = await uaRead(session, [g.path]);
  t.same(ua, { value: g.value, status: 0 }, "OPC UA serves a Read of it");
});
