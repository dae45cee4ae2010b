/**
 * A Sparkplug "write" from IT (DCMD to a device, NCMD with a tag metric) through the
 * broker changes nothing at the PLC: a real reader polls a Modbus simulator, the
 * receiver publishes into mosquitto, a host sends the writes, and the simulator's
 * register keeps its value while the receiver counts the command as ignored.
 */
import t from "tap";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { stringify } from "yaml";
import { silentLogger } from "../../../src/core/log.js";
import { keygen } from "../../../src/link/keys.js";
import { startReader } from "../../../src/reader/main.js";
import { startReceiver } from "../../../src/receiver/main.js";
import { startModbusSim } from "../../../src/demo/sim/modbus.js";
import { startMosquitto } from "../../fixtures/mosquitto.js";
import { encodeSparkplug, sparkplugHost } from "../../fixtures/sparkplug-host.js";
import { tempDir, until } from "../../fixtures/mqtt-rig.js";

void t.test("DCMD and NCMD writes change nothing at the PLC", async (t) => {
  const dir = tempDir(t);
  keygen(join(dir, "link.key"));
  const sim = await startModbusSim({ tickMs: 100 });
  t.teardown(() => sim.close());
  sim.holding[100] = 1234;
  const broker = await startMosquitto();
  t.teardown(() => broker.close());
  const host = await sparkplugHost(broker.url, ["spBv1.0/plant/#"]);
  t.teardown(() => host.close());

  writeFileSync(join(dir, "receiver.yaml"), stringify({
    link: { listen: "127.0.0.1:0", key: "./link.key" }, policy: "allow-all", rest: { listen: "127.0.0.1:0" }, opcua: { enabled: false },
    mqtt: { url: broker.url, sparkplug: { group: "plant", node: "dmz1" }, uns: { topic: "acme/{source}/{tag}" } },
  }));
  const rx = await startReceiver(join(dir, "receiver.yaml"), { logger: silentLogger });
  t.teardown(() => rx.close());
  writeFileSync(join(dir, "reader.yaml"), stringify({
    link: { to: `127.0.0.1:${rx.link.port}`, key: "./link.key", birth: "300ms", keyframe: "300ms", heartbeat: "100ms" },
    policy: "allow-all",
    sources: [{ name: "press1", protocol: "modbus", endpoint: `127.0.0.1:${sim.port}`, interval: "100ms", tags: [{ name: "setpoint", address: "hr:100:uint16" }] }],
  }));
  const reader = await startReader(join(dir, "reader.yaml"), { logger: silentLogger });
  t.teardown(() => reader.close());

  // In the DBIRTH, or (when the device was born before the first poll crossed, as happens under load) in a DDATA by its alias.
  const published = () => host.seen.some((b) => {
    const m = b.type === "DBIRTH" ? b.payload.metrics!.find((x) => x.name === "setpoint") : undefined;
    if (!m) return false;
    if (m.value === 1234) return true;
    const alias = String(m.alias);
    return host.seen.some((d) => d.type === "DDATA" && d.device === b.device && d.payload.metrics!.some((x) => String(x.alias) === alias && x.value === 1234));
  });
  t.ok(await host.until(published, 60_000), "the PLC's value is published");
  const requestsBefore = sim.stats.requests;
  const write = { timestamp: Date.now(), metrics: [{ name: "setpoint", type: "UInt16" as const, value: 9999 }] };
  await host.client.publishAsync("spBv1.0/plant/DCMD/dmz1/press1", encodeSparkplug(write), { qos: 1 });
  await host.client.publishAsync("spBv1.0/plant/NCMD/dmz1", encodeSparkplug(write), { qos: 1 });
  await host.client.publishAsync("acme/press1/setpoint", JSON.stringify({ value: 9999 }), { qos: 1 });
  t.ok(await until(async () => ((await (await fetch(`${rx.rest}/api/v1/mqtt`)).json()) as { commandsIgnored: number }).commandsIgnored >= 1, 15_000), "the NCMD write is counted as ignored");
  await new Promise((r) => setTimeout(r, 1000));
  t.equal(sim.holding[100], 1234, "the PLC register is unchanged");
  t.ok(sim.stats.requests > requestsBefore, "the reader kept polling (reads) meanwhile");
  const tag = (await (await fetch(`${rx.rest}/api/v1/tags/press1/setpoint`)).json()) as { value: number };
  t.equal(tag.value, 1234, "and the receiver still serves the PLC's value");
});
