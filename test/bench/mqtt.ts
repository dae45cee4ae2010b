/**
 * MQTT publishing into a real mosquitto on loopback: tag updates/s through Sparkplug
 * DDATA batches, UNS messages/s, receiver CPU per 100k updates/s, and the
 * store-and-forward replay rate.
 *
 * Prints wall-clock rates and rates per CPU-second of this process (on a shared,
 * loaded machine the second is the publisher's own cost; the first is what the
 * scheduler left it). Run (prints figures, asserts nothing):
 *   TS_NODE_TRANSPILE_ONLY=1 node --no-warnings --import @tapjs/typescript/import test/bench/mqtt.ts [tags=20000] [seconds=5] [only=label part, e.g. UNS]
 *
 *   FakeLink ──samples as fast as the publisher keeps up──▶ TagStore ──"update"──▶ MqttPublisher ──▶ mosquitto
 *
 * The feed offers one batch of `tags` changed values per event-loop turn and waits
 * while the publisher has more than one batch pending, so the figure is what the
 * publisher sustains, not what it queues. "broker" is the broker's own count: mosquitto's
 * $SYS/broker/messages/received (every packet it read, every second), read by a separate client; the
 * rate is its growth over the run, and a run ends only when the broker has counted every
 * message the publisher handed over (so nothing is counted that sits in a socket buffer).
 * Runs shorter than ~10 s are dominated by warm-up (JIT, and the broker creating its
 * retained topics on the first pass).
 */
import mqtt from "mqtt";
import { validate } from "../../src/config/load.js";
import { ReceiverMqtt } from "../../src/config/receiver-mqtt.js";
import { silentLogger } from "../../src/core/log.js";
import type { Sample, TagDef } from "../../src/core/model.js";
import { MqttPublisher } from "../../src/receiver/mqtt/index.js";
import { startMosquitto, type Mosquitto } from "../fixtures/mosquitto.js";
import { makeStore } from "../unit/receiver/fakes.js";

const [tagsArg, secArg, onlyArg] = process.argv.slice(2);
const TAGS = Number(tagsArg ?? 20_000);
const SECONDS = Number(secArg ?? 5);
/** Third argument: run only the runs whose label contains it (e.g. "UNS"). */
const ONLY = onlyArg ?? "";

function setup(mqtt: Record<string, unknown>) {
  const { link, store } = makeStore({ maxTags: TAGS + 10, historyDepth: 0, now: Date.now, timeoutMs: 60_000, staleMs: 120_000 });
  const defs: TagDef[] = Array.from({ length: TAGS }, (_, i) => ({ alias: i, path: `src${i % 4}/tag${i}`, type: "float64" }));
  link.catalog(defs);
  const cfg = validate(ReceiverMqtt, mqtt, "bench.yaml");
  const pub = new MqttPublisher(cfg, store, { baseDir: "/tmp", logger: silentLogger });
  return { link, store, pub };
}

async function waitFor(cond: () => boolean, ms: number): Promise<boolean> {
  const t0 = Date.now();
  while (!cond()) {
    if (Date.now() - t0 > ms) return false;
    await new Promise((r) => setTimeout(r, 10));
  }
  return true;
}

/** The broker's count of packets received (every client's), sampled from $SYS once a second. */
class BrokerCount {
  samples: { at: number; n: number }[] = [];
  private readonly client;
  constructor(url: string) {
    this.client = mqtt.connect(url, { clientId: "bench-sys", reconnectPeriod: 0 });
    this.client.on("connect", () => this.client.subscribe("$SYS/broker/messages/received"));
    this.client.on("message", (_t, p) => this.samples.push({ at: Date.now(), n: Number(p.toString()) }));
  }
  get last(): number { return this.samples.at(-1)?.n ?? 0; }
  /** Messages per second the broker counted between two instants (the samples just inside them). */
  rate(from: number, to: number): number {
    const inside = this.samples.filter((s) => s.at >= from && s.at <= to);
    const a = inside[0];
    const b = inside.at(-1);
    return a && b && b.at > a.at ? ((b.n - a.n) * 1000) / (b.at - a.at) : NaN;
  }
  close(): Promise<void> { return this.client.endAsync(); }
}

async function run(label: string, broker: Mosquitto, counter: BrokerCount, mqtt: Record<string, unknown>, count: "values" | "messages"): Promise<void> {
  if (!label.includes(ONLY)) return;
  const { link, pub } = setup({ url: broker.url, ...mqtt });
  pub.start();
  await waitFor(() => pub.stats().live, 10_000);
  let v = 0;
  const batch = (): Sample[] => {
    v++;
    const now = Date.now();
    return Array.from({ length: TAGS }, (_, alias) => ({ alias, value: v + alias, status: 0, sourceTime: now }));
  };
  const start = pub.stats().published;
  const brokerStart = counter.last;
  const cpu0 = process.cpuUsage();
  const t0 = Date.now();
  let offered = 0;
  while (Date.now() - t0 < SECONDS * 1000) {
    const s = pub.stats();
    if (s.published.values - start.values < offered - TAGS) { await new Promise((r) => setImmediate(r)); continue; }
    link.samples(batch());
    offered += TAGS;
    await new Promise((r) => setImmediate(r));
  }
  await waitFor(() => pub.stats().published.values - start.values >= offered, 20_000);
  const sent = pub.stats().published.messages - start.messages;
  // the broker's counter covers every publish of this connection (and the other clients' few): wait for ours
  const confirmed = await waitFor(() => counter.last - brokerStart >= sent, 20_000);
  const t1 = Date.now();
  const dt = (t1 - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const brokerRate = counter.rate(t0 + 1000, t1);
  const s = pub.stats();
  const values = s.published.values - start.values;
  const messages = s.published.messages - start.messages;
  const rate = (count === "values" ? values : messages) / dt;
  const cpuSec = (cpu.user + cpu.system) / 1e6;
  const cpuPer100k = (cpuSec / dt) / (values / dt / 100_000);
  // On a shared machine the wall-clock rate is what the scheduler left us; per CPU-second is the publisher's own cost
  // (it includes the store applying the samples and the bench building them).
  console.log(`${label.padEnd(28)} wall: ${Math.round(values / dt).toLocaleString("en").padStart(9)} values/s ${Math.round(messages / dt).toLocaleString("en").padStart(8)} msgs/s (${count}: ${Math.round(rate).toLocaleString("en")}/s) | `
    + `per CPU-second: ${Math.round((count === "values" ? values : messages) / cpuSec).toLocaleString("en")} ${count} | CPU ${(cpuPer100k * 100).toFixed(0)} % of a core per 100k values/s | coalesced ${s.dropped.coalesced}`
    + ` | broker: ${Math.round(brokerRate).toLocaleString("en")} packets/s, ${confirmed ? "counted all" : `counted ${(counter.last - brokerStart).toLocaleString("en")} of ${sent.toLocaleString("en")}`}`);
  await pub.close();
}

async function replay(broker: Mosquitto): Promise<void> {
  await broker.kill();
  const { link, pub } = setup({ url: broker.url, reconnect: { min: "100ms", max: "200ms" }, sparkplug: { group: "bench", node: "replay" }, buffer: { maxBytes: "1GiB" } });
  pub.start();
  const N = 10;
  for (let k = 0; k < N; k++) {
    const now = Date.now();
    link.samples(Array.from({ length: TAGS }, (_, alias) => ({ alias, value: k * 1e6 + alias, status: 0, sourceTime: now })));
    await new Promise((r) => setTimeout(r, 30));
  }
  await waitFor(() => pub.stats().buffered.values >= N * TAGS, 10_000);
  const buffered = pub.stats().buffered;
  const t0 = Date.now();
  const c0 = process.cpuUsage();
  await broker.restart();
  await waitFor(() => pub.stats().live, 120_000);
  const dt = (Date.now() - t0) / 1000;
  const c = process.cpuUsage(c0);
  console.log(`per CPU-second: ${Math.round(buffered.values / ((c.user + c.system) / 1e6)).toLocaleString("en")} values; ${"store-and-forward replay".padEnd(28)} ${buffered.values.toLocaleString("en")} values (${(buffered.bytes / 2 ** 20).toFixed(1)} MiB) replayed in ${dt.toFixed(2)} s `
    + `= ${Math.round(buffered.values / dt).toLocaleString("en")} values/s (from broker start, reconnect included)`);
  await pub.close();
}

const broker = await startMosquitto({ extra: "sys_interval 1" });
const counter = new BrokerCount(broker.url);
try {
  console.log(`MQTT into mosquitto on loopback, ${TAGS} tags, ${SECONDS} s per run, Node ${process.version}`);
  await run("Sparkplug DDATA (5000/msg)", broker, counter, { sparkplug: { group: "bench", node: "n" } }, "values");
  await run("UNS JSON QoS 0", broker, counter, { qos: 0, uns: { topic: "bench/{source}/{tag}" } }, "messages");
  await run("UNS JSON QoS 0, MQTT 3.1.1", broker, counter, { qos: 0, protocolVersion: 4, uns: { topic: "bench/{source}/{tag}" } }, "messages");
  await run("UNS JSON QoS 1", broker, counter, { qos: 1, uns: { topic: "bench/{source}/{tag}" } }, "messages");
  if ("store-and-forward replay".includes(ONLY)) await replay(broker);
} finally {
  await counter.close();
  await broker.close();
}
