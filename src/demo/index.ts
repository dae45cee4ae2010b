/**
 * `sluice demo`: simulated PLCs, a reader and a receiver on loopback, in one
 * process, with a generated key and the example crossing policy.
 *
 *   sims (modbus, opcua[, s7, enip]) ──▶ reader ──UDP 127.0.0.1──▶ receiver ──▶ REST / OPC UA / metrics
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
import { startModbusSim } from "../sim/modbus.js";
import { startOpcuaSim } from "../sim/opcua.js";
import { startReader } from "../reader/main.js";
import { startReceiver } from "../receiver/main.js";
import { demoSources, writeDemoConfigs, type DemoSource } from "./configs.js";
import { extraSims } from "./extra.js";
import { tcpPort, udpPort } from "./ports.js";
import { watchTags } from "./watch.js";

export interface Demo {
  rest: string;
  opcua: string | null;
  metrics: string;
  dir: string;
  sources: string[];
  close(): Promise<void>;
}

const POLICY = resolve(fileURLToPath(new URL("../../policies/example.yaml", import.meta.url)));

export async function startDemo(opts: { logger: Logger; say: (s: string) => void; watchMs?: number }): Promise<Demo> {
  const { logger, say } = opts;
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

    const [linkPort, restPort, opcuaPort] = [await udpPort(47100), await tcpPort(8080), await tcpPort(4840)];
    const endpoints = { dir, policy: POLICY, linkPort, restPort, opcuaPort, modbus: `127.0.0.1:${modbus.port}`, opcua: opcua.endpointUrl };
    const sources = demoSources(endpoints, extra);
    const files = writeDemoConfigs(endpoints, sources);

    const receiver = await startReceiver(files.receiver, { logger: logger.child({ part: "receiver" }) });
    closers.push(() => receiver.close());
    const reader = await startReader(files.reader, { logger: logger.child({ part: "reader" }) });
    closers.push(() => reader.close());

    say([
      "",
      "sluice demo: simulated PLCs -> reader -> one-way UDP link -> receiver, all on loopback",
      `  sources : ${sources.map((s) => `${s.name} (${s.protocol})`).join(", ")}`,
      `  REST    : ${receiver.rest}/api/v1/tags`,
      `  OPC UA  : ${receiver.opcua ?? "(disabled)"}   (DEMO MODE: security None, anonymous; never deploy like this)`,
      `  metrics : ${receiver.rest}/metrics`,
      `  configs : ${files.reader}  ${files.receiver}`,
      `  policy  : ${POLICY}  (press1/secret is denied and never crosses)`,
      "Ctrl-C to stop.",
      "",
    ].join("\n"));
    const stopWatch = opts.watchMs ? watchTags(receiver.rest, opts.watchMs, say) : () => undefined;
    closers.push(stopWatch);
    return {
      rest: receiver.rest, opcua: receiver.opcua, metrics: `${receiver.rest}/metrics`, dir,
      sources: sources.map((s) => s.name),
      close: closeAll,
    };
  } catch (e) {
    await closeAll();
    throw e;
  }
}
