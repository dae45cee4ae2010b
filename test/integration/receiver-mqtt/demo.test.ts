/** `sluice demo` (npm start) publishes into its embedded broker: UNS JSON and Sparkplug births arrive. */
import t from "tap";
import { silentLogger } from "../../../src/core/log.js";
import { startDemo } from "../../../src/demo/index.js";
import { sparkplugHost } from "../../fixtures/sparkplug-host.js";

void t.test("the demo's broker carries the tags", async (t) => {
  const lines: string[] = [];
  const demo = await startDemo({ logger: silentLogger, say: (s) => lines.push(s) });
  t.teardown(() => demo.close());
  t.match(lines.join("\n"), /mosquitto_sub -h 127\.0\.0\.1 -p \d+ -t 'demo\/plant1\/#' -v/, "prints how to watch it");
  const host = await sparkplugHost(demo.mqtt, ["demo/plant1/#", "spBv1.0/demo/#"], 4);
  t.teardown(() => host.close());
  t.ok(await host.until(() => host.json.some((m) => m.topic === "demo/plant1/press1/temperature" && m.body.quality === "good"), 30_000), "UNS value of press1/temperature");
  t.ok(await host.until(() => host.seen.some((m) => m.type === "DBIRTH" && m.device === "press1"), 30_000), "Sparkplug DBIRTH of press1");
  t.notOk(host.json.some((m) => m.topic.endsWith("/secret")), "the policy-denied tag is not published");
});
