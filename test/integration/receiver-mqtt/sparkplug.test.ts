/**
 * The receiver as a Sparkplug B 3.0 edge node and UNS publisher into a real mosquitto,
 * checked by an independent decoder (sparkplug-payload): NBIRTH/DBIRTH/DDATA order,
 * bdSeq and seq, values equal to REST, UNS retained JSON, rebirth, ignored writes, the
 * crossing policy, DDEATH on a source down and on link silence.
 */
import t from "tap";
import { spawnSync } from "node:child_process";
import type { TagDef } from "../../../src/core/model.js";
import { Status } from "../../../src/core/status.js";
import { startMosquitto } from "../../fixtures/mosquitto.js";
import { encodeSparkplug, sparkplugHost, type SeenMessage } from "../../fixtures/sparkplug-host.js";
import { rig, until } from "../../fixtures/mqtt-rig.js";

const TAGS: TagDef[] = [
  { alias: 0, path: "press1/temperature", type: "float32", unit: "degC", range: [0, 100] },
  { alias: 1, path: "press1/count", type: "uint64" },
  { alias: 2, path: "press1/running", type: "bool" },
  { alias: 3, path: "line1/speed", type: "float64", unit: "m/min" },
  { alias: 4, path: "line1/delta", type: "int32" },
  { alias: 5, path: "press1/secret", type: "uint16" },
];
const POLICY = "version: 1\nrules:\n  - { deny: press1/secret }\n  - { allow: \"*/*\" }\n";

const num = (v: unknown) => (typeof v === "object" && v !== null && "toNumber" in v ? (v as { toNumber(): number }).toNumber() : Number(v));
const metric = (m: SeenMessage, name: string) => m.payload.metrics?.find((x) => x.name === name);

void t.test("Sparkplug: births, data by exception, seq, bdSeq, REST agreement, UNS, rebirth, ignored writes", async (t) => {
  const broker = await startMosquitto();
  t.teardown(() => broker.close());
  const host = await sparkplugHost(broker.url, ["spBv1.0/plant/#", "acme/#"]);
  t.teardown(() => host.close());
  // The host is the primary host and comes online once the first values are in the store: the
  // births below then carry them (without it, a broker connection made before the first frame
  // arrives births with null values, which Sparkplug allows but this test cannot compare).
  const r = await rig(t, {
    tags: TAGS, policy: POLICY,
    mqtt: { url: broker.url, sparkplug: { group: "plant", node: "dmz1", primaryHost: "scada" }, uns: { topic: "acme/site/{source}/{tag}" }, qos: 1 },
  });
  r.send({ 0: 21.5, 1: 2n ** 60n, 2: true, 3: 1.25, 4: -7, 5: 1234 });
  r.health([{ name: "press1", state: "up" }, { name: "line1", state: "up" }]);
  t.ok(await until(async () => (await r.rest<{ value: unknown }>("/api/v1/tags/press1/temperature")).value === 21.5
    && (await r.rest<{ value: unknown }>("/api/v1/tags/line1/speed")).value === 1.25, 15_000), "values in the store");
  t.notOk(host.seen.some((m) => m.type === "NBIRTH"), "nothing published while the primary host is offline");
  await host.client.publishAsync("spBv1.0/STATE/scada", JSON.stringify({ online: true, timestamp: Date.now() }), { qos: 1, retain: true });

  t.ok(await host.until(() => host.seen.some((m) => m.type === "DBIRTH" && m.device === "press1") && host.seen.some((m) => m.type === "DBIRTH" && m.device === "line1"), 30_000), "NBIRTH and both DBIRTHs");
  const nb = host.seen.find((m) => m.type === "NBIRTH")!;
  t.equal(host.seen[0]!.type, "NBIRTH", "NBIRTH comes first");
  t.equal(num(nb.payload.seq), 0, "NBIRTH seq 0");
  t.equal(nb.retain, false, "NBIRTH not retained");
  const bdSeq = num(metric(nb, "bdSeq")?.value);
  t.ok(Number.isInteger(bdSeq), `bdSeq ${bdSeq} in NBIRTH`);
  t.equal(metric(nb, "Node Control/Rebirth")?.value, false, "rebirth control metric");
  t.ok(metric(nb, "Link/Up"), "link health metrics in NBIRTH");

  const press = host.seen.find((m) => m.type === "DBIRTH" && m.device === "press1")!;
  const names = press.payload.metrics!.map((m) => m.name).sort();
  t.same(names, ["count", "running", "temperature"], "every allowed tag of press1, and never the denied one");
  const temp = metric(press, "temperature")!;
  t.equal(temp.type, "Float", "float32 is Sparkplug Float");
  t.equal(temp.value, 21.5);
  const props = temp.properties as Record<string, { value: unknown }>;
  t.equal(props.engUnit?.value, "degC", "engineering unit as a property");
  t.equal(props.engLow?.value, 0);
  t.equal(props.engHigh?.value, 100);
  t.ok(typeof num(temp.alias) === "number" && num(temp.alias) > 0, "alias in the birth");
  t.equal(metric(press, "count")!.type, "UInt64");
  t.equal(BigInt(String(metric(press, "count")!.value)), 2n ** 60n, "uint64 exact");

  // Data by exception, compared with REST within one poll.
  for (let i = 0; i < 5; i++) {
    r.send({ 0: 30 + i, 4: -100 - i });
    await new Promise((res) => setTimeout(res, 50));
  }
  // Both devices' last values (separate DDATA messages: one may arrive before the other under load).
  const lastOf = (device: string, value: number) => host.seen.some((m) => m.type === "DDATA" && m.device === device && m.payload.metrics!.some((x) => x.value === value));
  t.ok(await host.until(() => lastOf("line1", -104) && lastOf("press1", 34), 15_000), "DDATA arrives");
  const ddata = host.seen.filter((m) => m.type === "DDATA");
  t.ok(ddata.every((m) => m.payload.metrics!.every((x) => x.name === undefined || x.name === null || x.name === "") || true), "data by alias");
  t.ok(ddata.every((m) => m.payload.metrics!.every((x) => !x.name)), "DDATA metrics carry no name (alias only)");
  const rest = await r.rest<{ value: number }>("/api/v1/tags/press1/temperature");
  const lastTemp = ddata.filter((m) => m.device === "press1").flatMap((m) => m.payload.metrics!).filter((x) => num(x.alias) === num(temp.alias)).pop();
  t.equal(lastTemp?.value, rest.value, "last DDATA value equals REST");
  const secret = await fetch(`${r.rx.rest}/api/v1/tags/press1/secret`);
  t.equal(secret.status, 404, "denied tag not served either");

  // seq: 0 at NBIRTH, +1 mod 256 on every later message of the node.
  const fromBirth = host.seen.slice(host.seen.indexOf(nb));
  for (let i = 1; i < fromBirth.length; i++) {
    if (num(fromBirth[i]!.payload.seq) !== (num(fromBirth[i - 1]!.payload.seq) + 1) % 256) {
      t.fail(`seq gap at ${fromBirth[i]!.topic}: ${num(fromBirth[i - 1]!.payload.seq)} -> ${num(fromBirth[i]!.payload.seq)}`);
      break;
    }
  }
  t.ok(fromBirth.length > 4, `${fromBirth.length} messages in one continuous seq run`);

  // UNS: retained JSON per tag; a new subscriber gets it.
  const late = await sparkplugHost(broker.url, ["acme/#"]);
  t.teardown(() => late.close());
  t.ok(await late.until(() => late.json.some((m) => m.topic === "acme/site/line1/speed"), 15_000), "UNS retained message for a late subscriber");
  const speed = late.json.find((m) => m.topic === "acme/site/line1/speed")!;
  t.equal(speed.retain, true);
  t.same(Object.keys(speed.body).sort(), ["quality", "status", "timestamp", "unit", "value"]);
  t.equal(speed.body.value, 1.25);
  t.equal(speed.body.unit, "m/min");
  t.equal(speed.body.quality, "good");
  t.match(speed.body.timestamp, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  const count = late.json.find((m) => m.topic === "acme/site/press1/count");
  t.equal(count?.body.value, (2n ** 60n).toString(), "64-bit integers beyond 2^53 as strings, as in REST");
  t.notOk(late.json.some((m) => m.topic.includes("secret")) || host.json.some((m) => m.topic.includes("secret")), "the denied tag never reaches the broker");

  // Rebirth: NBIRTH (seq 0, same bdSeq) and DBIRTHs again.
  const before = host.seen.length;
  await host.client.publishAsync("spBv1.0/plant/NCMD/dmz1", encodeSparkplug({ timestamp: Date.now(), metrics: [{ name: "Node Control/Rebirth", type: "Boolean", value: true }] }));
  t.ok(await host.until(() => host.seen.slice(before).some((m) => m.type === "DBIRTH" && m.device === "line1"), 15_000), "rebirth answered");
  const nb2 = host.seen.slice(before).find((m) => m.type === "NBIRTH")!;
  t.equal(num(metric(nb2, "bdSeq")?.value), bdSeq, "same bdSeq on rebirth (same connection)");
  t.equal(num(nb2.payload.seq), 0);

  // A write (NCMD with a tag metric, DCMD) changes nothing and is counted.
  const beforeWrite = await r.rest<{ value: number }>("/api/v1/tags/line1/delta");
  await host.client.publishAsync("spBv1.0/plant/NCMD/dmz1", encodeSparkplug({ timestamp: Date.now(), metrics: [{ name: "delta", type: "Int32", value: 99 }] }));
  await host.client.publishAsync("spBv1.0/plant/DCMD/dmz1/line1", encodeSparkplug({ timestamp: Date.now(), metrics: [{ name: "delta", type: "Int32", value: 99 }] }));
  t.ok(await until(async () => (await r.rest<{ commandsIgnored: number }>("/api/v1/mqtt")).commandsIgnored >= 1, 15_000), "the NCMD write is counted as ignored");
  t.equal((await r.rest<{ value: number }>("/api/v1/tags/line1/delta")).value, beforeWrite.value, "and changes nothing");

  // A source down is a DDEATH; back up, a DBIRTH.
  r.health([{ name: "press1", state: "down" }, { name: "line1", state: "up" }]);
  t.ok(await host.until(() => host.seen.some((m) => m.type === "DDEATH" && m.device === "press1"), 15_000), "DDEATH when the reader reports the source down");
  const nDeath = host.seen.length;
  r.health([{ name: "press1", state: "up" }, { name: "line1", state: "up" }]);
  t.ok(await host.until(() => host.seen.slice(nDeath).some((m) => m.type === "DBIRTH" && m.device === "press1"), 15_000), "DBIRTH when it returns");

  const api = await r.rest<{ connected: boolean; published: { values: number }; sparkplug: { bdSeq: number } }>("/api/v1/mqtt");
  t.equal(api.connected, true);
  t.equal(api.sparkplug.bdSeq, bdSeq);
  t.ok(api.published.values > 0);
  const metrics = await (await fetch(`${r.rx.rest}/metrics`)).text();
  t.match(metrics, /sluice_mqtt_connected 1/);
  t.match(metrics, /sluice_mqtt_published_values_total \d+/);
  t.match(metrics, /sluice_mqtt_commands_ignored_total [1-9]/);
  const lint = spawnSync("promtool", ["check", "metrics"], { input: metrics, encoding: "utf8" });
  t.equal(lint.status, 0, `promtool check metrics passes with sluice_mqtt_* (${(lint.stdout + lint.stderr).trim() || "clean"})`);
});

void t.test("link silence: DDEATH for every device, DBIRTH when frames flow again", async (t) => {
  const broker = await startMosquitto();
  t.teardown(() => broker.close());
  const host = await sparkplugHost(broker.url, ["spBv1.0/g/#"]);
  t.teardown(() => host.close());
  const r = await rig(t, { tags: TAGS.slice(3, 5).map((d, i) => ({ ...d, alias: i })), linkTimeout: "1s", mqtt: { url: broker.url, sparkplug: { group: "g", node: "n" } } });
  r.send({ 0: 1, 1: 2 });
  t.ok(await host.until(() => host.seen.some((m) => m.type === "DBIRTH"), 30_000), "born");
  await r.tx.close();
  t.ok(await host.until(() => host.seen.some((m) => m.type === "DDEATH" && m.device === "line1"), 30_000), "DDEATH after link.timeout of silence");
  t.ok(await host.until(() => host.seen.some((m) => m.type === "NDATA" && m.payload.metrics!.some((x) => x.name === "Link/Up" && x.value === false)), 15_000), "NDATA says the link is down");
  t.equal(Status.Good, 0);
});

void t.test("scale-out: two receivers under one group, one broker: both nodes, every tag once", async (t) => {
  const broker = await startMosquitto();
  t.teardown(() => broker.close());
  const host = await sparkplugHost(broker.url, ["spBv1.0/plant/#"]);
  t.teardown(() => host.close());
  const a = await rig(t, {
    tags: [{ alias: 0, path: "press1/t", type: "float64" }, { alias: 1, path: "press2/t", type: "float64" }],
    mqtt: { url: broker.url, sparkplug: { group: "plant", node: "dmz-a" } },
  });
  const b = await rig(t, {
    tags: [{ alias: 0, path: "line1/speed", type: "float64" }, { alias: 1, path: "line2/speed", type: "float64" }],
    mqtt: { url: broker.url, sparkplug: { group: "plant", node: "dmz-b" } },
  });
  a.send({ 0: 1, 1: 2 });
  b.send({ 0: 3, 1: 4 });
  t.ok(await host.until(() => host.seen.filter((m) => m.type === "DBIRTH").length >= 4, 30_000), "four devices born");
  t.same([...new Set(host.seen.filter((m) => m.type === "NBIRTH").map((m) => m.node))].sort(), ["dmz-a", "dmz-b"], "both nodes");
  const tags = host.seen.filter((m) => m.type === "DBIRTH").flatMap((m) => m.payload.metrics!.map((x) => `${m.node}/${m.device}/${x.name}`));
  t.same(tags.sort(), ["dmz-a/press1/t", "dmz-a/press2/t", "dmz-b/line1/speed", "dmz-b/line2/speed"], "every tag exactly once");
});

void t.test("primary host STATE: publish only while it is online, buffer otherwise", async (t) => {
  const broker = await startMosquitto();
  t.teardown(() => broker.close());
  const host = await sparkplugHost(broker.url, ["spBv1.0/g/#"]);
  t.teardown(() => host.close());
  const state = (online: boolean) => host.client.publishAsync("spBv1.0/STATE/scada", JSON.stringify({ online, timestamp: Date.now() }), { qos: 1, retain: true });
  await state(false);
  const r = await rig(t, {
    tags: [{ alias: 0, path: "p/v", type: "int32" }],
    mqtt: { url: broker.url, reconnect: { min: "100ms", max: "500ms" }, sparkplug: { group: "g", node: "n", primaryHost: "scada" } },
  });
  for (let i = 1; i <= 5; i++) { r.send({ 0: i }); await new Promise((res) => setTimeout(res, 100)); }
  type Api = { connected: boolean; live: boolean; buffered: { values: number }; sparkplug: { primaryHostOnline: boolean } };
  // Connected (and so subscribed to STATE, retained offline) and all five values buffered: conditions, not a fixed wait.
  t.ok(await until(async () => { const a = await r.rest<Api>("/api/v1/mqtt"); return a.connected && a.buffered.values >= 5; }, 30_000), "connected, values buffered");
  await new Promise((res) => setTimeout(res, 300));
  t.equal(host.seen.filter((m) => m.type === "NBIRTH").length, 0, "nothing published while the primary host is offline");
  const api = await r.rest<Api>("/api/v1/mqtt");
  t.equal(api.live, false);
  t.equal(api.sparkplug.primaryHostOnline, false);
  t.ok(api.buffered.values >= 5, `${api.buffered.values} values buffered`);

  await state(true);
  // the buffered values may come in several DDATA messages: wait for all five, not the first message
  const historical = () => host.seen.filter((m) => m.type === "DDATA").flatMap((m) => m.payload.metrics!).filter((x) => x.isHistorical && x.value !== null).map((x) => x.value);
  t.ok(await host.until(() => historical().length >= 5, 30_000), "online: births, then the buffered values");
  t.same(host.seen.slice(0, 2).map((m) => m.type), ["NBIRTH", "DBIRTH"]);
  t.same(historical().slice(0, 5), [1, 2, 3, 4, 5], "historical, in order");
  const born = host.seen.find((m) => m.type === "NBIRTH")!;

  const before = host.seen.length;
  await state(false);
  t.ok(await host.until(() => host.seen.slice(before).some((m) => m.type === "NDEATH"), 30_000), "offline: the receiver sends NDEATH");
  const death = host.seen.slice(before).find((m) => m.type === "NDEATH")!;
  t.equal(num(metric(death, "bdSeq")?.value), num(metric(born, "bdSeq")?.value), "with the bdSeq of its NBIRTH");
  await new Promise((res) => setTimeout(res, 1000));
  t.notOk(host.seen.slice(before).some((m) => m.type === "NBIRTH"), "and waits for the host (reconnected, not publishing)");
  await state(true);
  t.ok(await host.until(() => host.seen.slice(before).some((m) => m.type === "NBIRTH"), 30_000), "online again: a new NBIRTH");
});
