/**
 * The history carousel end to end on real UDP: a reader-side Journal feeding a real
 * LinkSender, through the lossy proxy, into a real LinkReceiver. Every sample sent
 * during a 100 % cut reaches the "history" event within the bound written in the
 * README (1 s settle + 2 tier-0 sweeps, a sweep at least every 5 s at this size), each
 * with the value sent; and a receiver started after the reader gets the journal's past.
 * Into a real tag store, the parts it merged come back as repeats the link does not decode.
 */
import t from "tap";
import dgram from "node:dgram";
import type { ReaderHealth, Sample, TagDef } from "../../../src/core/model.js";
import { fillBound, LinkReceiver, LinkSender, type HistoryInfo } from "../../../src/link/index.js";
import { Journal } from "../../../src/reader/journal/index.js";
import { silentLogger } from "../../../src/core/log.js";
import { LossyProxy } from "../../fixtures/lossy-proxy.js";
import { makeTags } from "../../unit/link-frames/fixtures/pipe.js";
import { FakeGate } from "../../unit/receiver/fakes.js";
import { TagStore } from "../../../src/receiver/store.js";
import { keyDir, readerCfg, receiverCfg, until } from "./fixtures/link-pair.js";

const key = (path: string, time: number) => `${path}@${time}`;
/**
 * The README bound for this link (rate 5 MB/s, MTU 1400, FEC 0.3, share 0.1) and load
 * (300 tags changing 5 times a second, at most 10 history bytes a sample), 3 s cut.
 */
const HISTORY_RATE = 0.1 * (5_000_000 * (1328 / 1428)) / 1.3;
const BOUND = Math.round(fillBound({ historyRate: HISTORY_RATE, bytesPerSecond: 300 * 5 * 10, cutMs: 3000, retainMs: 600_000 }) as number);
const SLACK = 3000; // a loaded 2-core machine

class HistoryLog {
  tags: readonly TagDef[] = [];
  readonly got = new Map<string, Sample>();
  /** Samples seen twice within one part: never allowed. */
  dupInPart = 0;
  outside = 0;
  events = 0;
  constructor(rx: LinkReceiver) {
    rx.on("catalog", (tags: readonly TagDef[]) => { this.tags = tags; });
    rx.on("history", (samples: Sample[], info: HistoryInfo) => {
      this.events++;
      const seen = new Set<string>();
      for (const s of samples) {
        const path = this.tags[s.alias]?.path ?? "?";
        const k = key(path, s.sourceTime);
        if (seen.has(k)) this.dupInPart++;
        seen.add(k);
        if (s.sourceTime < info.from || s.sourceTime >= info.to) this.outside++;
        this.got.set(k, s);
      }
    });
  }
}

interface Reader {
  journal: Journal;
  tx: LinkSender;
  tags: TagDef[];
  sent: Map<string, Sample>;
  /** Sends a change of every tag (value k) to the journal and the link; returns the keys. */
  change(k: number): string[];
  close(): Promise<void>;
}

async function reader(dir: string, to: { host: string; port: number }, n: number): Promise<Reader> {
  const journal = Journal.open({ retainMs: 600_000, maxBytes: 64 << 20, logger: silentLogger });
  const tx = await LinkSender.open(readerCfg(to), { baseDir: dir, history: journal });
  const tags = makeTags(n, ["float64", "int32", "float32"]);
  journal.setCatalog(tags);
  tx.setCatalog(tags);
  const sent = new Map<string, Sample>();
  return {
    journal, tx, tags, sent,
    change(k) {
      const now = Date.now();
      const batch = tags.map((tag) => ({ alias: tag.alias, value: tag.type === "int32" ? k * 1000 + tag.alias : k + tag.alias / 1000, status: 0, sourceTime: now }));
      journal.append(batch);
      tx.update(batch);
      return batch.map((s) => { const kk = key((tags[s.alias] as TagDef).path, s.sourceTime); sent.set(kk, s); return kk; });
    },
    async close() { await tx.close(); journal.close(); },
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

void t.test("every sample sent during a 100 % cut reaches the history event within the bound", async (t) => {
  const dir = keyDir();
  const rx = await LinkReceiver.open(receiverCfg(), { baseDir: dir });
  const log = new HistoryLog(rx);
  let journal: ReaderHealth["journal"];
  rx.on("health", (h: ReaderHealth) => { journal = h.journal; });
  const proxy = await LossyProxy.open({ host: "127.0.0.1", port: rx.address().port }, {}, 11);
  const r = await reader(dir, proxy.address(), 300);
  t.teardown(async () => { await r.close(); await proxy.close(); await rx.close(); });
  const health = setInterval(() => r.tx.setHealth({ startedAt: 0, policyHash: "x", sources: [], blocked: {}, journal: r.journal.health() }), 100);
  t.teardown(() => clearInterval(health));

  for (let k = 0; k < 5; k++) { r.change(k); await sleep(200); }
  proxy.set({ blackout: true });
  const cut: string[] = [];
  for (let k = 5; k < 20; k++) { cut.push(...r.change(k)); await sleep(200); }
  proxy.set({ blackout: false });
  const restored = Date.now();
  t.ok(proxy.stats.blackedOut > 0, `the cut dropped ${proxy.stats.blackedOut} datagrams`);
  for (let k = 20; k < 25; k++) { r.change(k); await sleep(100); }

  const took = await until(() => cut.every((k) => log.got.has(k)), BOUND + SLACK + 5000);
  const missing = cut.filter((k) => !log.got.has(k));
  t.equal(missing.length, 0, `every one of ${cut.length} samples of the 3 s cut arrived as history (${missing.length} missing)`);
  const elapsed = Date.now() - restored;
  t.ok(took >= 0 && elapsed <= BOUND + SLACK, `filled ${elapsed} ms after the cut ended (bound ${BOUND} ms + ${SLACK} ms slack)`);
  let wrong = 0;
  for (const k of cut) {
    const a = log.got.get(k), b = r.sent.get(k);
    if (!a || !b || a.value !== (r.tags[b.alias]?.type === "float32" ? Math.fround(b.value as number) : b.value) || a.status !== b.status) wrong++;
  }
  t.equal(wrong, 0, "each with the value and status sent");
  t.equal(log.dupInPart, 0, "no sample twice within one history part");
  t.equal(log.outside, 0, "every sample inside its segment's window");
  const st = r.tx.stats();
  t.ok((st.historyFrames ?? 0) > 0 && (st.deltaFrames ?? 0) > 0, `history frames (${st.historyFrames}) and deltas (${st.deltaFrames}) both went out`);
  t.equal(rx.stats().rejected.malformed, 0, "no history frame was refused");
  const held = r.journal.health();
  t.ok(journal && journal.samples > 0 && journal.samples <= held.samples && journal.bytes > 0 && journal.degraded === false, `heartbeats carry the journal (${journal?.samples} samples, ${journal?.bytes} bytes)`);
  t.ok(journal?.from !== null && (journal?.from ?? Infinity) <= Math.min(...[...r.sent.values()].map((s) => s.sourceTime)), "from: the journal reaches back to the first sample sent");
});

void t.test("a receiver started after the reader gets the journal's past", async (t) => {
  const dir = keyDir();
  const probe = dgram.createSocket("udp4");
  await new Promise<void>((r) => probe.bind(0, "127.0.0.1", r));
  const port = probe.address().port;
  await new Promise<void>((r) => probe.close(() => r()));
  const r = await reader(dir, { host: "127.0.0.1", port }, 200);
  t.teardown(() => r.close());
  const before: string[] = [];
  for (let k = 0; k < 10; k++) { before.push(...r.change(k)); await sleep(200); } // nobody listens yet
  const rx = await LinkReceiver.open(receiverCfg({ listen: `127.0.0.1:${port}` }), { baseDir: dir });
  t.teardown(() => rx.close());
  const log = new HistoryLog(rx);
  const started = Date.now();
  const took = await until(() => before.every((k) => log.got.has(k)), BOUND + SLACK + 5000);
  t.ok(took >= 0, `all ${before.length} samples sent before the receiver existed arrived as history in ${Date.now() - started} ms`);
  t.ok(Date.now() - started <= BOUND + SLACK, `within the bound (${BOUND} ms + ${SLACK} ms slack)`);
  t.equal(log.dupInPart, 0);
});

void t.test("a store that merged a part is spared its re-sends: they are not decoded, and its history is whole", async (t) => {
  const dir = keyDir();
  const rx = await LinkReceiver.open(receiverCfg(), { baseDir: dir });
  const store = new TagStore({ link: rx, gate: new FakeGate(), logger: silentLogger, historyDepth: 100, maxTags: 1000, timeoutMs: 3000, staleMs: 10_000 });
  t.teardown(async () => { store.close(); await rx.close(); });
  const r = await reader(dir, { host: "127.0.0.1", port: rx.address().port }, 200);
  t.teardown(() => r.close());
  const sent: string[] = [];
  for (let k = 0; k < 10; k++) { sent.push(...r.change(k)); await sleep(200); }
  // the journal stops growing: once a sweep has carried all of it, every later sweep re-sends the same parts
  t.ok(await until(() => (rx.replicaStats().historySamples ?? 0) >= sent.length, 30_000) >= 0, "a first sweep carried the journal");
  const first = rx.replicaStats().histories ?? 0;
  await until(() => (rx.replicaStats().histories ?? 0) >= first + 30, 20_000);
  const a = rx.replicaStats();
  let decoded = 0, empty = 0;
  rx.on("history", (samples: Sample[], info: HistoryInfo) => { if (!info.repeat) { if (samples.length > 0) decoded++; else empty++; } });
  t.ok(await until(() => (rx.replicaStats().histories ?? 0) >= (a.histories ?? 0) + 50, 20_000) >= 0, "50 more history parts arrived");
  const b = rx.replicaStats();
  const repeats = (b.historyRepeats ?? 0) - (a.historyRepeats ?? 0), parts = (b.histories ?? 0) - (a.histories ?? 0);
  t.equal(decoded, 0, `no part with samples was decoded again: ${repeats} of ${parts} came as repeats, ${empty} were empty windows at the journal's head`);
  t.equal(repeats + empty, parts);
  t.ok(repeats > empty, "most were repeats");
  t.equal(b.historySamples, a.historySamples, `none of their samples was decoded (${a.historySamples} decoded before)`);
  t.equal(store.backfillStats().repeats, b.historyRepeats, "the store counted each repeat");
  const missing = sent.filter((k) => {
    const [path, time] = k.split("@") as [string, string];
    return !store.history(path, {})?.some((h) => h.sourceTime === Number(time));
  });
  t.equal(missing.length, 0, `every one of the ${sent.length} samples sent is in the store's history`);
});
