/**
 * When things go away: the receiver process killed with SIGKILL (the broker publishes
 * the NDEATH Will, with the bdSeq of the NBIRTH), and the broker down for 30 s while
 * values change (they come back in order, flagged historical, without a gap, from the
 * disk buffer; the link loses nothing meanwhile).
 */
import t from "tap";
import { spawn } from "node:child_process";
import { readdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { stringify } from "yaml";
import { keygen } from "../../../src/link/keys.js";
import { startMosquitto } from "../../fixtures/mosquitto.js";
import { sparkplugHost, type SeenMessage } from "../../fixtures/sparkplug-host.js";
import { rig, tempDir, until } from "../../fixtures/mqtt-rig.js";

const ROOT = resolve(fileURLToPath(new URL("../../..", import.meta.url)));
const BIN = join(ROOT, "bin", "sluice.js");
const OUTAGE_S = Number(process.env.SLUICE_MQTT_OUTAGE_S ?? 30);
const num = (v: unknown) => (typeof v === "object" && v !== null && "toNumber" in v ? (v as { toNumber(): number }).toNumber() : Number(v));
const bdSeqOf = (m: SeenMessage) => num(m.payload.metrics?.find((x) => x.name === "bdSeq")?.value);

void t.test("kill -9 of the receiver: the broker publishes NDEATH with the NBIRTH's bdSeq", async (t) => {
  const broker = await startMosquitto();
  t.teardown(() => broker.close());
  const host = await sparkplugHost(broker.url, ["spBv1.0/g/#"]);
  t.teardown(() => host.close());
  const dir = tempDir(t);
  keygen(join(dir, "link.key"));
  writeFileSync(join(dir, "r.yaml"), stringify({
    link: { listen: "127.0.0.1:0", key: "link.key" }, policy: "allow-all", rest: { listen: "127.0.0.1:0" }, opcua: { enabled: false },
    mqtt: { url: broker.url, keepalive: "2s", sparkplug: { group: "g", node: "killed" } },
  }));
  const child = spawn(process.execPath, [BIN, "receiver", "-c", join(dir, "r.yaml")], { stdio: "ignore" });
  t.teardown(() => { if (child.exitCode === null) child.kill("SIGKILL"); });
  t.ok(await host.until(() => host.seen.some((m) => m.type === "NBIRTH"), 90_000), "NBIRTH from the receiver process");
  const birth = host.seen.find((m) => m.type === "NBIRTH")!;
  const gone = new Promise((r) => child.once("exit", r));
  child.kill("SIGKILL");
  await gone;
  t.ok(await host.until(() => host.seen.some((m) => m.type === "NDEATH"), 30_000), "NDEATH published by the broker (the Will)");
  const death = host.seen.find((m) => m.type === "NDEATH")!;
  t.equal(bdSeqOf(death), bdSeqOf(birth), `NDEATH bdSeq ${bdSeqOf(death)} matches the NBIRTH's`);
  t.equal(death.retain, false, "the Will is not retained");
});

void t.test(`broker down ${OUTAGE_S} s while values change: replayed in order, historical, no gap`, async (t) => {
  const broker = await startMosquitto();
  t.teardown(() => broker.close());
  // The host is the primary host: after the outage the receiver births only once the host is
  // back and subscribed (its STATE), so "NBIRTH first" is what the host must see, not a race
  // between two reconnecting clients.
  const host = await sparkplugHost(broker.url, ["spBv1.0/g/#"], 5, "scada");
  t.teardown(() => host.close());
  const dir = tempDir(t);
  const r = await rig(t, {
    dir, tags: [{ alias: 0, path: "plc/counter", type: "int32" }],
    mqtt: { url: broker.url, reconnect: { min: "200ms", max: "1s" }, sparkplug: { group: "g", node: "n", primaryHost: "scada" }, buffer: { path: "buf", maxBytes: "16MiB" } },
  });
  let n = 0;
  const sent: number[] = [];
  const step = () => { n++; r.send({ 0: n }); sent.push(n); };
  step();
  t.ok(await host.until(() => host.seen.some((m) => m.type === "DBIRTH"), 30_000), "born");
  const ticker = setInterval(step, 100);
  t.teardown(() => clearInterval(ticker));
  await new Promise((res) => setTimeout(res, 1000));

  await broker.kill();
  await new Promise((res) => setTimeout(res, 1500));
  const mid = await r.rest<{ connected: boolean; buffered: { values: number; bytes: number } }>("/api/v1/mqtt");
  t.equal(mid.connected, false, "the receiver sees the broker gone");
  await new Promise((res) => setTimeout(res, OUTAGE_S * 1000 - 1500));
  const during = await r.rest<{ buffered: { values: number; bytes: number } }>("/api/v1/mqtt");
  t.ok(during.buffered.values >= OUTAGE_S * 5, `${during.buffered.values} values buffered (${during.buffered.bytes} bytes)`);
  t.ok(readdirSync(join(dir, "buf")).some((f) => f.endsWith(".seg")), "on disk under mqtt.buffer.path");
  const link = await r.rest<{ framesLost: number }>("/api/v1/link");
  t.equal(link.framesLost, 0, "the link lost nothing meanwhile");

  const before = host.seen.length;
  await broker.restart();
  await new Promise((res) => setTimeout(res, 1500));
  clearInterval(ticker);
  const last = n;
  t.ok(await host.until(() => host.seen.slice(before).some((m) => m.type === "DDATA" && m.payload.metrics!.some((x) => x.value === last)), 20_000), "live again after the replay");
  const after = host.seen.slice(before);
  t.equal(after[0]?.type, "NBIRTH", "a new NBIRTH first");
  t.not(bdSeqOf(after[0]!), bdSeqOf(host.seen.find((m) => m.type === "NBIRTH")!), "with the next bdSeq");
  const hist = after.filter((m) => m.type === "DDATA").flatMap((m) => m.payload.metrics!).filter((x) => x.isHistorical === true).map((x) => num(x.value));
  t.ok(hist.length >= OUTAGE_S * 5, `${hist.length} historical values replayed`);
  t.ok(hist.every((v, i) => i === 0 || v >= hist[i - 1]!), "in order");
  const got = new Set(host.seen.filter((m) => m.type === "DDATA" || m.type === "DBIRTH").flatMap((m) => m.payload.metrics!).map((x) => num(x.value)));
  const missing = sent.filter((v) => !got.has(v));
  t.same(missing, [], `every one of ${sent.length} values reached the host`);
  const end = await r.rest<{ buffered: { values: number }; replayed: number }>("/api/v1/mqtt");
  t.equal(end.buffered.values, 0, "buffer empty again");
  t.ok(await until(() => readdirSync(join(dir, "buf")).length === 0, 15_000), "and its files gone");
});
