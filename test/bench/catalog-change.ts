/**
 * Receiver cost of a catalogue change at 100,000 tags: the birth's decoding (Replica,
 * all parts) and the application to the store and the OPC UA address space, when one
 * tag changes (goal: <= 5 ms for store + OPC UA) and when every tag changes one field.
 * Prints figures, asserts nothing.
 *
 * Run:
 *   TS_NODE_TRANSPILE_ONLY=1 node --no-warnings --max-old-space-size=1536 --import @tapjs/typescript/import \
 *     test/bench/catalog-change.ts [tags=100000] [rounds=5]
 *
 *   birth frames ──Replica.ingest (decode, verify hash)──▶ "catalog" ──▶ TagStore.onCatalog ──▶ TagSpace (node-opcua)
 */
import { EventEmitter } from "node:events";
import { mkdtempSync, rmSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import type { TagDef } from "../../src/core/model.js";
import type { LinkSink } from "../../src/link/index.js";

const { validate } = await import("../../src/config/load.js");
const { ReceiverOpcua } = await import("../../src/config/receiver-opcua.js");
const { silentLogger } = await import("../../src/core/log.js");
const { UaServer } = await import("../../src/receiver/opcua/index.js");
const { TagStore } = await import("../../src/receiver/store.js");
const { PolicyGate } = await import("../../src/policy/index.js");
const { Replica } = await import("../../src/link/replica.js");
const { attachSink } = await import("../../src/link/index.js");
const { CatalogIndex } = await import("../../src/link/catalog.js");
const { encodeFrame, planBirthParts } = await import("../../src/link/codec/index.js");

const TAGS = Number(process.argv[2] ?? 100_000);
const ROUNDS = Number(process.argv[3] ?? 5);
const SOURCES = 100;
const per = Math.ceil(TAGS / SOURCES);
const cpuMs = (f: () => void): number => {
  const c0 = process.cpuUsage();
  f();
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1000;
};
const wallMs = (f: () => void): number => {
  const t0 = process.hrtime.bigint();
  f();
  return Number(process.hrtime.bigint() - t0) / 1e6;
};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function defs(version: (i: number) => string | undefined): TagDef[] {
  return Array.from({ length: TAGS }, (_, i): TagDef => {
    const d: TagDef = { alias: i, path: `src${Math.floor(i / per)}/t${i % per}`, type: "float64" };
    const desc = version(i);
    if (desc !== undefined) d.description = desc;
    return d;
  });
}

/** The link side the store listens to: events in, no socket. */
class Feed extends EventEmitter {
  stats() {
    return { datagramsReceived: 0, framesReceived: 0, framesLost: 0, framesRecovered: 0, sessions: 1, sessionId: 1n, lastFrameTime: null, birth: true, rejected: {} };
  }
  /** The store's typed sink, fed from this emitter's events as LinkReceiver feeds it. */
  attach(sink: LinkSink): () => void {
    return attachSink(this, sink);
  }
}

const feed = new Feed();
const gate = PolicyGate.load("allow-all", ".", silentLogger);
const store = new TagStore({ link: feed, gate, logger: silentLogger, historyDepth: 0, maxTags: 1_000_000, timeoutMs: 5000, staleMs: 30000 });
const dir = mkdtempSync(join(tmpdir(), "sluice-catalog-bench-"));
const cfg = validate(ReceiverOpcua, { port: 0, host: "127.0.0.1", security: { modes: ["None"] }, allowAnonymous: true, pki: join(dir, "pki") }, "bench");

// Birth: frames as the reader sends them, decoded by a Replica
let meta = { sessionId: 1n, seq: 0n, keyId: 1, receivedAt: Date.now() };
function birthFrames(tags: TagDef[]): Uint8Array[] {
  const cat = CatalogIndex.of(tags);
  const plan = planBirthParts(cat.tags, 1200);
  return plan.map(([s, e], part) => encodeFrame({ timeMs: Date.now(), catalogHash: cat.hash, body: { kind: "birth", part, parts: plan.length, tagCount: cat.size, tags: cat.tags.slice(s, e) } }, undefined));
}
let delivered: TagDef[] | null = null;
const replica = new Replica({
  catalog: (tags) => { delivered = [...tags]; },
  samples: () => undefined, health: () => undefined, frame: () => undefined,
});
replica.newSession(1n);
function decode(frames: Uint8Array[]): { ms: number; tags: TagDef[] } {
  delivered = null;
  // each birth arrives after the catalogue change interval (limits.catalogue.interval, 1 s) has passed
  meta = { ...meta, receivedAt: meta.receivedAt + 2000 };
  const ms = wallMs(() => { for (const f of frames) { meta = { ...meta, seq: meta.seq + 1n }; replica.ingest(f, meta); } });
  if (!delivered) throw new Error("birth did not complete");
  return { ms, tags: delivered };
}

const base = defs(() => undefined);
const first = decode(birthFrames(base));
feed.emit("catalog", first.tags);
const ua = await UaServer.start(cfg, store, { baseDir: dir, logger: silentLogger });
console.log(`catalogue: ${TAGS} tags in ${SOURCES} sources; first birth ${birthFrames(base).length} frames, decoded in ${first.ms.toFixed(1)} ms`);

let version = 0;
const one: { decode: number; wall: number; cpu: number }[] = [];
for (let r = 0; r < ROUNDS; r++) {
  version++;
  const v = version;
  const next = defs((i) => (i === 12345 % TAGS ? `v${v}` : undefined));
  const frames = birthFrames(next);
  const d = decode(frames);
  let cpu = 0;
  const wall = wallMs(() => { cpu = cpuMs(() => feed.emit("catalog", d.tags)); });
  one.push({ decode: d.ms, wall, cpu });
}
{
  // the store alone (a second store, no OPC UA on it)
  const f2 = new Feed();
  const s2 = new TagStore({ link: f2, gate, logger: silentLogger, historyDepth: 0, maxTags: 1_000_000, timeoutMs: 5000, staleMs: 30000 });
  f2.emit("catalog", base);
  const xs: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const v = `w${r}`;
    const next = defs((i) => (i === 12345 % TAGS ? v : undefined));
    xs.push(cpuMs(() => f2.emit("catalog", next)));
  }
  console.log(`  of which the store alone: ${median(xs).toFixed(2)} ms cpu`);
  s2.close();
}
console.log(`one tag of ${TAGS} changes (description): store + OPC UA ${median(one.map((x) => x.wall)).toFixed(2)} ms wall (cpu ${median(one.map((x) => x.cpu)).toFixed(2)} ms), birth decode ${median(one.map((x) => x.decode)).toFixed(1)} ms; median of ${ROUNDS}`);

const all: { decode: number; wall: number; cpu: number }[] = [];
for (let r = 0; r < Math.min(ROUNDS, 3); r++) {
  version++;
  const v = version;
  const next = defs(() => `v${v}`);
  const d = decode(birthFrames(next));
  let cpu = 0;
  const wall = wallMs(() => { cpu = cpuMs(() => feed.emit("catalog", d.tags)); });
  all.push({ decode: d.ms, wall, cpu });
}
console.log(`every tag changes (description): store + OPC UA ${median(all.map((x) => x.wall)).toFixed(0)} ms wall (cpu ${median(all.map((x) => x.cpu)).toFixed(0)} ms), birth decode ${median(all.map((x) => x.decode)).toFixed(0)} ms`);

const last = `v${version}`;
const added = defs(() => last).concat([{ alias: TAGS, path: "new/tag", type: "float64" }]);
const d = decode(birthFrames(added));
let addCpu = 0;
const addWall = wallMs(() => { addCpu = cpuMs(() => feed.emit("catalog", d.tags)); });
console.log(`one tag added (new source folder): store + OPC UA ${addWall.toFixed(2)} ms wall (cpu ${addCpu.toFixed(2)} ms); nodes ${store.size}`);
console.log(`load average ${loadavg().map((x) => x.toFixed(1)).join(" ")} on ${cpus().length} cores (wall times inflate under load; cpu is this process's)`);

await ua.close();
store.close();
rmSync(dir, { recursive: true, force: true });
