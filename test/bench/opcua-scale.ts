/**
 * OPC UA server at scale: address-space build time and memory for N tags, then
 * a client subscribing to M of them at a 1 s publishing interval while every
 * monitored tag changes once per second; prints figures, asserts nothing.
 *
 * Run (the heap cap is part of the figure: 768 MiB holds 100k plain tags plus 50k
 * monitored items; 100k AnalogItemType tags need about 1536 MiB; STACK saw 512 MiB fail):
 *   TS_NODE_TRANSPILE_ONLY=1 node --no-warnings --expose-gc --max-old-space-size=768 --import @tapjs/typescript/import \
 *     test/bench/opcua-scale.ts [tags=100000] [items=50000] [rounds=10] [samplingMs=0] [analogPercent=0]
 *
 *   this process: UaTestStore ─update─▶ UaServer (node-opcua)  ◀──opc.tcp──  child process: client, M monitored items
 *
 * The client runs in its own process (the machine has 2 cores: one each). Tags
 * are 100 sources x (tags/100) float64 variables; analogPercent of them get a
 * unit and range (AnalogItemType, about 5x the cost of a plain variable).
 * samplingMs 0 asks for exception-based monitoring (every change as it is set);
 * 1000 makes the server sample each item every second.
 */
import { fork } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { fileURLToPath } from "node:url";
import {
  AttributeIds, ClientMonitoredItemGroup, type ClientSubscription, MessageSecurityMode, OPCUACertificateManager, OPCUAClient,
  SecurityPolicy, TimestampsToReturn, type DataValue, type ReadValueIdOptions,
} from "node-opcua";

const MiB = 1024 * 1024;
const rss = (): number => Math.round(process.memoryUsage().rss / MiB);
const heap = (): number => Math.round(process.memoryUsage().heapUsed / MiB);

if (process.argv[2] === "--client") await client();
else await server();

async function server(): Promise<void> {
  const { validate } = await import("../../src/config/load.js");
  const { ReceiverOpcua } = await import("../../src/config/receiver-opcua.js");
  const { createLogger } = await import("../../src/core/log.js");
  const { UaServer } = await import("../../src/receiver/opcua/index.js");
  const { UaTestStore } = await import("../fixtures/ua-store.js");
  const [tagsArg, itemsArg, roundsArg, samplingArg, analogArg] = process.argv.slice(2);
  const TAGS = Number(tagsArg ?? 100_000);
  const ITEMS = Math.min(TAGS, Number(itemsArg ?? 50_000));
  const ROUNDS = Number(roundsArg ?? 10);
  const SAMPLING = Number(samplingArg ?? 0);
  const ANALOG = Number(analogArg ?? 0) / 100;
  const SOURCES = 100;
  const per = Math.ceil(TAGS / SOURCES);

  const dir = mkdtempSync(join(tmpdir(), "sluice-ua-bench-"));
  const store = new UaTestStore(0);
  const defs = [];
  for (let i = 0; i < TAGS; i++) {
    const analog = i % 100 < ANALOG * 100;
    defs.push({ alias: i, path: `src${Math.floor(i / per)}/t${i % per}`, type: "float64" as const, ...(analog ? { unit: "degC", range: [0, 100] as [number, number] } : {}) });
  }
  store.define(defs, true);
  store.set(defs.map((d) => ({ path: d.path, value: 0 })), true);
  const paths = defs.map((d) => d.path);
  global.gc?.();
  const rss0 = rss();

  // capture the adapter's own "address space built" figure from its log
  let buildMs = NaN;
  let buildCpuMs = NaN;
  const sink = new Writable({
    write(chunk: Buffer, _enc, cb) {
      for (const line of chunk.toString().split("\n")) {
        if (!line.includes("address space built")) continue;
        ({ ms: buildMs, cpuMs: buildCpuMs } = JSON.parse(line) as { ms: number; cpuMs: number });
      }
      cb();
    },
  });
  const cfg = validate(ReceiverOpcua, { port: 0, host: "127.0.0.1", security: { modes: ["None"] }, allowAnonymous: true, samplingInterval: SAMPLING }, "bench.yaml");
  const t0 = Date.now();
  const cpu0 = process.cpuUsage();
  const ua = await UaServer.start(cfg, store, { baseDir: dir, logger: createLogger({ level: "info", destination: sink }) });
  const startMs = Date.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  global.gc?.();
  // CPU seconds next to wall seconds: on a shared machine the wall figure includes waiting for a core
  console.log(`tags=${TAGS} (analog ${Math.round(ANALOG * 100)} %)  build=${(buildMs / 1000).toFixed(2)} s wall, ${(buildCpuMs / 1000).toFixed(2)} s CPU  ` +
    `start incl. PKI=${(startMs / 1000).toFixed(2)} s wall, ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s CPU  load=${loadavg()[0]?.toFixed(1)}  ` +
    `rss=${rss()} MiB (store alone ${rss0} MiB)  heapUsed=${heap()} MiB`);

  // the client, in its own process
  const child = fork(fileURLToPath(import.meta.url), ["--client", ua.endpointUrl, String(ITEMS), String(per), String(SAMPLING), join(dir, "client-pki")], {
    execArgv: process.execArgv.filter((a) => !a.startsWith("--max-old-space-size")),
  });
  const ready = new Promise<{ createMs: number }>((resolve) => child.once("message", (m) => resolve(m as { createMs: number })));
  const { createMs } = await ready;
  console.log(`client: ${ITEMS} monitored items (sampling ${SAMPLING} ms, publishing 1000 ms) created in ${(createMs / 1000).toFixed(2)} s; server rss=${rss()} MiB`);

  let peak = rss();
  const watched = paths.slice(0, ITEMS);
  for (let r = 1; r <= ROUNDS; r++) {
    const t = Date.now();
    store.set(watched.map((p) => ({ path: p, value: r, sourceTime: t })));
    const setMs = Date.now() - t;
    peak = Math.max(peak, rss());
    if (r === 1) console.log(`one round of ${ITEMS} updates applied in ${setMs} ms`);
    await new Promise((res) => setTimeout(res, 1000));
  }
  child.send({ done: ROUNDS });
  const result = await new Promise<{ received: number; missing: number; lastOk: number; maxLagMs: number }>((resolve) => child.once("message", (m) => resolve(m as never)));
  const expected = ITEMS * ROUNDS;
  console.log(`changes: expected ${expected}, received ${result.received}, missing ${result.missing} (${((100 * result.missing) / expected).toFixed(2)} %), ` +
    `items whose last value is the last round: ${result.lastOk}/${ITEMS}, max source-to-client lag ${result.maxLagMs} ms`);
  console.log(`server peak rss=${peak} MiB heapUsed=${heap()} MiB`);
  await ua.close();
  rmSync(dir, { recursive: true, force: true });
  process.exit(0);
}

async function client(): Promise<void> {
  const [, url = "", itemsArg, perArg, samplingArg, pki = ""] = process.argv.slice(2);
  const ITEMS = Number(itemsArg);
  const per = Number(perArg);
  const c = OPCUAClient.create({
    endpointMustExist: false, securityMode: MessageSecurityMode.None, securityPolicy: SecurityPolicy.None,
    connectionStrategy: { maxRetry: 0 }, requestedSessionTimeout: 600_000,
    clientCertificateManager: new OPCUACertificateManager({ rootFolder: pki }),
  });
  await c.connect(url);
  const session = await c.createSession();
  const ns = (await session.readNamespaceArray()).indexOf("urn:sluice:tags");
  const sub: ClientSubscription = await session.createSubscription2({
    requestedPublishingInterval: 1000, requestedMaxKeepAliveCount: 10, requestedLifetimeCount: 600, maxNotificationsPerPublish: 0, publishingEnabled: true,
  });
  const items: ReadValueIdOptions[] = [];
  for (let i = 0; i < ITEMS; i++) items.push({ nodeId: `ns=${ns};s=src${Math.floor(i / per)}/t${i % per}`, attributeId: AttributeIds.Value });
  const seen: Array<Set<number>> = Array.from({ length: ITEMS }, () => new Set<number>());
  const last = new Float64Array(ITEMS);
  let maxLag = 0;
  const t0 = Date.now();
  const group = ClientMonitoredItemGroup.create(sub, items, { samplingInterval: Number(samplingArg), queueSize: 10, discardOldest: true }, TimestampsToReturn.Both);
  group.on("changed", (_item: unknown, dv: DataValue, index: number) => {
    const v = dv.value.value as number;
    seen[index]?.add(v);
    last[index] = v;
    if (v > 0 && dv.sourceTimestamp) maxLag = Math.max(maxLag, Date.now() - dv.sourceTimestamp.getTime());
  });
  await new Promise<void>((resolve) => group.once("initialized", () => resolve()));
  process.send?.({ createMs: Date.now() - t0 });
  process.once("message", (m: { done: number }) => {
    // one more publishing interval for the last round to arrive
    setTimeout(() => {
      let received = 0;
      let missing = 0;
      let lastOk = 0;
      for (let i = 0; i < ITEMS; i++) {
        const s = seen[i] ?? new Set<number>();
        for (let r = 1; r <= m.done; r++) if (s.has(r)) received++; else missing++;
        if (last[i] === m.done) lastOk++;
      }
      process.send?.({ received, missing, lastOk, maxLagMs: maxLag }, () => process.exit(0));
    }, 2500);
  });
}
