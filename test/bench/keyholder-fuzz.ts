/**
 * Key-holder fuzzing at volume: a real receiver (startReceiver on loopback: link,
 * store, REST, OPC UA, metrics) takes N authenticated mutated frames from one key
 * holder (test/fixtures/keyholder-fuzz.ts: every frame kind, protobuf- and byte-level
 * mutations, hostile catalogues with correct hashes), sealed by the real
 * TransportSender. Then every REST route must answer 200, OPC UA must serve a Read,
 * and a genuine reader started afterwards must be accepted and its values served.
 * Prints the rate and RSS; exits 1 if a check fails.
 *
 * Run:
 *   TS_NODE_TRANSPILE_ONLY=1 node --no-warnings --import @tapjs/typescript/import test/bench/keyholder-fuzz.ts [frames=1000000] [seed=1]
 */
import { fuzzReceiver, genuineReader, hostileReceiver, restSweep, uaRead, uaSession } from "../fixtures/keyholder.js";

const frames = Number(process.argv[2] ?? 1_000_000);
const seed = Number(process.argv[3] ?? 1);
const closers: (() => unknown)[] = [];
const t = { teardown: (fn: () => unknown) => { closers.push(fn); } };
let failed = false;
const check = (ok: boolean, what: string) => { if (!ok) failed = true; console.log(`${ok ? "ok  " : "FAIL"} ${what}`); };

try {
  const h = await hostileReceiver(t);
  const t0 = Date.now();
  const r = await fuzzReceiver(h, frames, seed, (i, rss) => {
    if (i % 65536 < 4096) console.log(`${i} frames, ${Math.round((i * 1000) / (Date.now() - t0))}/s, RSS max ${Math.round(rss / 2 ** 20)} MiB`);
  });
  console.log(JSON.stringify({ ...r, rate: Math.round(r.frames / r.seconds), rssStartMiB: Math.round(r.rssStart / 2 ** 20), rssMaxMiB: Math.round(r.rssMax / 2 ** 20) }));
  const bad = (await restSweep(h.rx.rest)).filter((x) => x.status !== 200);
  check(bad.length === 0, `every REST route answers 200 ${JSON.stringify(bad)}`);
  const g = await genuineReader(t, h);
  check(g.rest, "a genuine reader started afterwards is accepted and its values served over REST");
  const session = await uaSession(t, h);
  const ua = await uaRead(session, [g.path]);
  check(ua[0]?.status === 0 && ua[0]?.value === g.value, `OPC UA serves a Read of the genuine reader's tag (${JSON.stringify(ua[0])})`);
} catch (e) {
  failed = true;
  console.error(e);
} finally {
  for (const c of closers.reverse()) await c();
}
process.exit(failed ? 1 : 0);
