/**
 * `sluice demo`: simulated PLCs, a reader and a receiver on loopback, in one
 * process, with a generated key and the example crossing policy.
 *
 *   sims (modbus, opcua[, s7, enip]) ──▶ reader ──UDP 127.0.0.1──▶ receiver ──▶ REST / OPC UA / metrics
 *                                                                            └──▶ MQTT (aedes broker in process)
 *
 * OPC UA runs in an explicitly insecure mode (security None, anonymous) so a
 * newcomer can connect without certificates; the demo says so on screen.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { Logger } from "../core/log.js";
import { errorMessage } from "../core/errors.js";
import { keygen } from "../link/keys.js";
import { startModbusSim } from "./sim/modbus.js";
import { startOpcuaSim } from "./sim/opcua.js";
import { startReader } from "../reader/main.js";
import { startReceiver } from "../receiver/main.js";
import { routeLibraryLogs } from "../receiver/opcua/index.js";
import { demoSources, writeReaderConfig, writeReceiverConfig, type DemoEndpoints, type DemoSource } from "./configs.js";
import { startDemoBroker } from "./broker.js";
import { extraSims } from "./extra.js";
import { watchTags } from "./watch.js";

export interface Demo {
  rest: string;
  /** the demo broker, mqtt://127.0.0.1:PORT */
  mqtt: string;
  opcua: string | null;
  metrics: string;
  dir: string;
  sources: string[];
  close(): Promise<void>;
}

const POLICY = resolve(fileURLToPath(new URL("../../policies/example.yaml", import.meta.url)));

export async function startDemo(opts: { logger: Logger; say: (s: string) => void; watchMs?: number; logs?: string }): Promise<Demo> {
  const { logger, say } = opts;
  // node-opcua logs process-wide: the simulator's server, the reader's client and the
  // receiver's server all write through it, so route it first, under its own label.
  routeLibraryLogs(logger.child({ part: "node-opcua" }));
  const closers: (() => Promise<void> | void)[] = [];
  const closeAll = async () => {
    for (const c of closers.reverse()) {
      try { await c(); } catch (e) { logger.warn({ err: errorMessage(e) }, "demo: error while closing"); }
    }
  };
  try {
    const dir = mkdtempSync(join(tmpdir(), "sluice-demo-"));
    closers.push(() => rmSync(dir, { recursive: true, force: true }));
    keygen(join(dir, "demo.key"));

    const modbus = await startModbusSim({ host: "127.0.0.1", port: 0 });
    closers.push(() => modbus.close());
    const opcua = await startOpcuaSim({ port: 0 });
    closers.push(() => opcua.close());
    const extra: DemoSource[] = [];
    for (const sim of await extraSims(say)) {
      closers.push(() => sim.close());
      extra.push(sim.source);
    }

    // The well-known ports make the URLs easy to type; when one is taken (another
    // demo, a real OPC UA server), the receiver starts again on ephemeral ports.
    // Binding is the only race-free test of a free port, so nothing probes first.
    const broker = await startDemoBroker();
    closers.push(() => broker.close());
    const base = { dir, policy: POLICY, modbus: `127.0.0.1:${modbus.port}`, opcua: opcua.endpointUrl, mqttPort: broker.port };
    const rxLogger = logger.child({ part: "receiver" });
    let endpoints: DemoEndpoints = { ...base, linkPort: 47100, restPort: 8080, opcuaPort: 4840 };
    let receiverFile = writeReceiverConfig(endpoints);
    let receiver;
    try {
      receiver = await startReceiver(receiverFile, { logger: rxLogger });
    } catch (e) {
      if (!/EADDRINUSE/.test(errorMessage(e))) throw e;
      say("note: a demo port (47100/udp, 8080, 4840) is taken: using free ports instead");
      endpoints = { ...base, linkPort: 0, restPort: 0, opcuaPort: 0 };
      receiverFile = writeReceiverConfig(endpoints);
      receiver = await startReceiver(receiverFile, { logger: rxLogger });
    }
    const rx = receiver;
    closers.push(() => rx.close());
    endpoints = { ...endpoints, linkPort: receiver.link.port };
    const sources = demoSources(endpoints, extra);
    const files = { reader: writeReaderConfig(endpoints, sources), receiver: receiverFile };
    const reader = await startReader(files.reader, { logger: logger.child({ part: "reader" }) });
    closers.push(() => reader.close());

    say([
      "",
      "sluice demo: simulated PLCs -> reader -> one-way UDP link -> receiver, all on loopback",
      `  sources : ${sources.map((s) => `${s.name} (${s.protocol})`).join(", ")}`,
      `  status  : ${receiver.rest}/   (live status page)`,
      `  REST    : ${receiver.rest}/api/v1/tags`,
      `  OPC UA  : ${receiver.opcua ?? "(disabled)"}   (DEMO MODE: security None, anonymous; never deploy like this)`,
      `  metrics : ${receiver.rest}/metrics`,
      `  MQTT    : broker on 127.0.0.1:${broker.port} (demo only; UNS JSON and Sparkplug B)`,
      `            mosquitto_sub -h 127.0.0.1 -p ${broker.port} -t 'demo/plant1/#' -v`,
      `            mosquitto_sub -h 127.0.0.1 -p ${broker.port} -t 'spBv1.0/demo/#' -v   (Sparkplug payloads are protobuf)`,
      `  configs : ${files.reader}  ${files.receiver}`,
      `  policy  : ${POLICY}  (press1/secret is denied and never crosses)`,
      ...(opts.logs ? [`  logs    : ${opts.logs}`] : []),
      "Ctrl-C to stop.",
      "",
    ].join("\n"));
    const stopWatch = opts.watchMs ? watchTags(receiver.rest, opts.watchMs, say) : () => undefined;
    closers.push(stopWatch);
    return {
      rest: receiver.rest, opcua: receiver.opcua, metrics: `${receiver.rest}/metrics`, dir, mqtt: `mqtt://127.0.0.1:${broker.port}`,
      sources: sources.map((s) => s.name),
      close: closeAll,
    };
  } catch (e) {
    await closeAll();
    throw e;
  }
}
