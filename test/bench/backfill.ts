/**
 * Backfill: how fast the history carousel fills a cut, and what the journal costs.
 * Prints figures; exits 1 when a fill exceeds the README bound (also asserted on real sockets
 * in test/integration/link/history.test.ts).
 *
 * Run:
 *   TS_NODE_TRANSPILE_ONLY=1 node --no-warnings --import @tapjs/typescript/import test/bench/backfill.ts [tags=10000] [share=0.1]
 *
 *   simulated clock ─▶ 10 poll groups (tags/10 each, 100 ms apart), every tag changes once a second
 *                   ─▶ Journal.append (memory) ─▶ Publisher + history carousel (real codec, real
 *                      credit at share x the payload rate of the default link: 12.5 MB/s, MTU 1400,
 *                      FEC 0.3) ─▶ frame bytes ─▶ Replica.ingest ─▶ "history" ─▶ bitmap of the cut
 *
 * The clock is simulated (the carousel's credit, the journal's retention and the cut all
 * follow it) so a 10 min cut does not take 10 min; the CPU time the run took is printed
 * beside it, to show one core keeps up. The receiver drops every frame during the cut
 * (a 100 % loss) and counts the first sample of each (tag, second) of the cut that
 * arrives as history afterwards. Figures:
 *   1. backfill rate: history samples sent per simulated second during the fill, per 1 % of share;
 *   2. time to fill a 60 s and a 10 min cut (all samples, and 99 %), after a 2 min warm-up;
 *   3. journal bytes per sample, in memory and on disk (the same 60 s of samples).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FrameMeta, Sample, TagDef, TagType } from "../../src/core/model.js";
import { silentLogger } from "../../src/core/log.js";
import { fillBound, Publisher, Replica } from "../../src/link/index.js";
import { HEADER_BYTES, IP_UDP_OVERHEAD, TAG_BYTES } from "../../src/link/transport/envelope.js";
import { SYMBOL_HEADER } from "../../src/link/transport/fec/symbol.js";
import { Journal } from "../../src/reader/journal/index.js";

const N = Number(process.argv[2] ?? 10_000);
const SHARE = Number(process.argv[3] ?? 0.1);
const MTU = 1400, RATE = 12_500_000, REPAIR = 0.3;
const MAX_PAYLOAD = MTU - HEADER_BYTES - TAG_BYTES - SYMBOL_HEADER;
const PAYLOAD_RATE = (RATE * (MAX_PAYLOAD / (MTU + IP_UDP_OVERHEAD))) / (1 + REPAIR);
const TYPES: TagType[] = ["float32", "float32", "float32", "float32", "float64", "int32", "int32", "int16", "bool", "uint16"];
const GROUPS = 10;
const T0 = Date.UTC(2026, 0, 1);
const TICK = 20;

const tags: TagDef[] = Array.from({ length: N }, (_, alias) => ({ alias, path: `plc${Math.floor(alias / 1000)}/tag${alias}`, type: TYPES[alias % 10]! }));

/** A plausible process value: slow drift plus noise for analogs, counters, rare flips for bools. */
function value(t: TagDef, sec: number): Sample["value"] {
  switch (t.type) {
    case "bool": return Math.floor(sec / 30 + t.alias) % 2 === 0;
    case "int32": return sec * 3 + t.alias;
    case "int16": case "uint16": return (sec + t.alias) % 1000;
    default: return 20 + 5 * Math.sin(sec / 60 + t.alias) + Math.random() * 0.01;
  }
}

/** The samples of poll group g at second `sec` (source time T0 + sec s + g x 100 ms). */
function poll(g: number, sec: number): Sample[] {
  const per = Math.ceil(N / GROUPS), out: Sample[] = [];
  const time = T0 + sec * 1000 + g * 100;
  for (let a = g * per; a < Math.min(N, (g + 1) * per); a++) out.push({ alias: a, value: value(tags[a]!, sec), status: 0, sourceTime: time });
  return out;
}

interface Run { fillAll: number; fill99: number; cutSamples: number; rate: number; cpu: number; bound: number; bytesPerSample: number; perSample: number }

function runCut(cutS: number, warmS: number, retainMs: number): Run {
  let now = T0;
  const journal = Journal.open({ retainMs, maxBytes: 4 * 2 ** 30, logger: silentLogger, now: () => now });
  let cutFrom = Infinity, cutTo = -Infinity, receiving = true, decoding = false;
  const seen = new Uint8Array(cutS * N);
  let got = 0, sentSamples = 0, sentBytes = 0;
  const meta: FrameMeta = { sessionId: 1n, seq: 0n, keyId: 1, receivedAt: 0 };
  const replica = new Replica({
    catalog: () => undefined, samples: () => undefined, health: () => undefined, frame: () => undefined,
    history: (samples) => {
      for (const s of samples) {
        if (s.sourceTime < cutFrom || s.sourceTime >= cutTo) continue;
        const i = Math.floor((s.sourceTime - cutFrom) / 1000) * N + s.alias;
        if (seen[i] === 0) { seen[i] = 1; got++; }
      }
    },
  });
  const pub = new Publisher({
    maxPayload: MAX_PAYLOAD, carouselRate: PAYLOAD_RATE * 0.25, keyframeMs: 2000, birthMs: 10_000, heartbeatMs: 1000, flushMs: 5,
    now: () => now, history: { source: journal, rate: PAYLOAD_RATE * SHARE },
    send: (b, kind) => {
      if (kind === "history" && decoding) { sentBytes += b.length; }
      if (!receiving) return true;
      if (kind === "birth" || (decoding && kind === "history")) { meta.receivedAt = now; replica.ingest(b, meta); }
      return true;
    },
  });
  journal.setCatalog(tags);
  pub.setCatalog(tags);
  const cpu0 = process.cpuUsage();
  let sec = 0;
  const advance = (untilMs: number, onSecond?: () => void) => {
    while (now < untilMs) {
      now += TICK;
      const s = Math.floor((now - T0) / 1000), ms = (now - T0) % 1000;
      if (ms % 100 === 0 && ms / 100 < GROUPS) {
        if (s !== sec) { sec = s; onSecond?.(); }
        journal.append(poll(ms / 100, s));
      }
      pub.tick();
      journal.tick();
    }
  };
  advance(T0 + warmS * 1000);
  receiving = false;
  cutFrom = T0 + Math.ceil((now - T0) / 1000) * 1000;
  cutTo = cutFrom + cutS * 1000;
  advance(cutTo);
  const need = cutS * N;
  receiving = true;
  decoding = true;
  const cutEnd = now;
  let fill99 = -1, fillAll = -1;
  const sentAt0 = pub.stats().historySamples ?? 0;
  while (fillAll < 0 && now - cutEnd < 3_600_000) {
    advance(now + 1000);
    sentSamples = (pub.stats().historySamples ?? 0) - sentAt0;
    if (fill99 < 0 && got >= 0.99 * need) fill99 = (now - cutEnd) / 1000;
    if (got >= need) fillAll = (now - cutEnd) / 1000;
  }
  const cpu = process.cpuUsage(cpu0);
  const h = journal.health();
  journal.close();
  // The bound of README "History and backfill", with C measured as bytes per history sample.
  const perSample = sentBytes / Math.max(1, sentSamples);
  const bound = fillBound({ historyRate: PAYLOAD_RATE * SHARE, bytesPerSecond: N * perSample, cutMs: cutS * 1000, retainMs });
  return {
    fillAll, fill99, cutSamples: need, rate: sentSamples / Math.max(1e-9, fillAll), cpu: (cpu.user + cpu.system) / 1e6,
    bound: bound === null ? NaN : bound / 1000, bytesPerSample: h.bytes / Math.max(1, h.samples), perSample,
  };
}

function diskBytesPerSample(seconds: number): { mem: number; disk: number } {
  const dir = mkdtempSync(join(tmpdir(), "sluice-bench-journal-"));
  let now = T0;
  const mem = Journal.open({ retainMs: 3_600_000, maxBytes: 2 ** 30, logger: silentLogger, now: () => now });
  const disk = Journal.open({ retainMs: 3_600_000, maxBytes: 2 ** 30, path: dir, logger: silentLogger, now: () => now });
  mem.setCatalog(tags);
  disk.setCatalog(tags);
  for (let s = 0; s < seconds; s++) {
    for (let g = 0; g < GROUPS; g++) { now = T0 + s * 1000 + g * 100; const p = poll(g, s); mem.append(p); disk.append(p); }
  }
  now += 2000;
  mem.tick(); disk.tick();
  mem.close(); disk.close();
  const d = Journal.open({ retainMs: 3_600_000, maxBytes: 2 ** 30, path: dir, logger: silentLogger, now: () => now });
  const hd = d.health();
  d.close();
  const hm = mem.health();
  rmSync(dir, { recursive: true, force: true });
  return { mem: hm.bytes / hm.samples, disk: hd.bytes / hd.samples };
}

const fmt = (n: number, d = 1) => n.toLocaleString("en-US", { maximumFractionDigits: d, minimumFractionDigits: d });
console.log(`backfill: ${N.toLocaleString("en-US")} tags changing once a second, share ${SHARE} of the default link (${fmt(PAYLOAD_RATE / 1e6, 2)} MB/s of frame bytes: ${fmt(PAYLOAD_RATE * SHARE / 1e3, 0)} kB/s for history)`);
const bytes = diskBytesPerSample(60);
console.log(`journal bytes per sample: memory ${fmt(bytes.mem, 2)}, disk ${fmt(bytes.disk, 2)} (60 s of samples, record framing included)`);
for (const [cut, retain] of [[60, 600_000], [600, 1_800_000]] as const) {
  const r = runCut(cut, 120, retain);
  console.log(`cut ${cut} s (journal.retain ${retain / 60_000} min): ${r.cutSamples.toLocaleString("en-US")} samples filled in ${fmt(r.fillAll)} s (99 % in ${fmt(r.fill99)} s); `
    + `${fmt(r.perSample, 2)} history bytes/sample; backfill ${fmt(r.rate, 0)} samples/s = ${fmt(r.rate / (SHARE * 100), 0)} per 1 % share; README bound ${fmt(r.bound)} s; `
    + `${fmt(r.cpu)} s CPU for ${fmt(120 + cut + r.fillAll, 0)} simulated s`);
  // The one check a benchmark makes: the written bound holds (exit 1 otherwise).
  if (!(r.fillAll >= 0 && r.fillAll <= r.bound)) { console.log(`  FILL EXCEEDS THE BOUND`); process.exitCode = 1; }
}
