/**
 * The running e2e world: the three namespaces, the capture, and every process.
 *
 *   [ot]  plc.ts (plc1 :1502, plc2 :1503) ◀─Modbus─ sluice reader ──UDP :47100──▶ [dmz] sluice receiver
 *         tcpdump on the ot-dmz veth                                                   │ REST :8080, OPC UA :4840
 *   [it]  it-client.ts (REST + OPC UA) ◀───────────────────────────────────────────────┘ (bound to the it side only)
 *   [dmz] mosquitto on the it side :1883 ◀── the receiver's MQTT publisher (Sparkplug B + UNS JSON)
 *
 * All four start at once: the reader needs no receiver (it never hears from one)
 * and the receiver converges whenever frames arrive. destroy() is synchronous and
 * kills everything inside the namespaces, so it also works from a signal handler.
 */
import type { ChildProcess } from "node:child_process";
import { createWriteStream, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startCapture, type Capture } from "./capture.js";
import { createTopology, type Topology } from "./netns.js";
import { ItClient, Observer } from "./observe.js";
import { OPCUA_PORT, PATHS, PLC_PORTS, REST_PORT, writePlant, type PlantFiles, type PlantOptions } from "./plant.js";
import { sluiceCli, startNode, tsScript, type Proc } from "./procs.js";

export interface World {
  topo: Topology;
  files: PlantFiles;
  dir: string;
  /** the PLCs' counter epoch (counterAt) */
  epoch: number;
  /** when the processes were spawned */
  startedAt: number;
  plc: Proc;
  receiver: Proc;
  reader: Proc;
  it: Proc;
  /** mosquitto in dmz (started first; not a node process); null with mqtt: false */
  broker: ChildProcess | null;
  client: ItClient;
  obs: Observer;
  /** tcpdump on the ot-dmz link; null with capture: false */
  capture: Capture | null;
  startReceiver(): Proc;
  startReader(): Proc;
  /** the last output lines of every current process */
  tails(): string;
  /** stop everything gracefully (SIGTERM), then destroy(); resolves with each process's exit code */
  close(): Promise<Record<string, number | string>>;
  /** kill everything in the namespaces, delete them and the run directory; synchronous, idempotent */
  destroy(): void;
}

export interface WorldOptions extends PlantOptions {
  /** default true: tcpdump on the ot-dmz link (the one-way suite's proof) */
  capture?: boolean;
  /** the PLC simulators print every read of the counter ({"read":PORT,"at","value"}, lib/plc.ts) */
  plcReads?: boolean;
  /** run with the run directory before anything is written or started (mount a file system there, ...) */
  prepare?: (dir: string) => void;
  /** run first in destroy(), before the run directory is removed (unmount, ...); must not throw */
  cleanup?: (dir: string) => void;
}

export async function createWorld(opts: WorldOptions = {}): Promise<World> {
  const dir = mkdtempSync(join(tmpdir(), "sluice-e2e-"));
  let topo: Topology;
  try {
    topo = createTopology();
  } catch (e) {
    rmSync(dir, { recursive: true, force: true });
    throw e;
  }
  const { ns, addr } = topo;
  const all: Proc[] = [];
  let capture: Capture | null = null;
  let broker: ChildProcess | null = null;
  let destroyed = false;
  const destroy = () => {
    if (destroyed) return;
    destroyed = true;
    capture?.kill();
    for (const p of all) if (p.alive()) p.child.kill("SIGKILL");
    if (broker && broker.exitCode === null) broker.kill("SIGKILL");
    topo.teardown();
    opts.cleanup?.(dir);
    if (!process.env.SLUICE_E2E_KEEP) rmSync(dir, { recursive: true, force: true });
  };
  try {
    opts.prepare?.(dir);
    const files = writePlant(dir, addr, opts);
    if (opts.capture !== false) capture = await startCapture(topo, join(dir, "ot-dmz.pcap"));
    const log = (name: string) => join(dir, `${name}.log`);
    const track = (p: Proc) => { all.push(p); return p; };
    if (opts.mqtt !== false) {
      broker = topo.spawn(ns.dmz, "/usr/sbin/mosquitto", ["-c", files.broker]);
      const brokerLog = createWriteStream(log("mosquitto"), { flags: "a" });
      broker.stdout?.pipe(brokerLog);
      broker.stderr?.pipe(brokerLog);
    }
    const epoch = Date.now();
    const startedAt = Date.now();
    const w: World = {
      topo, files, dir, epoch, startedAt, capture, broker,
      plc: track(startNode(topo, ns.ot, "plc", tsScript("plc.ts", ...(opts.plcReads ? ["--reads"] : []), String(epoch), ...Object.values(PLC_PORTS).map((p) => `${addr.ot}:${p}`)), log("plc"))),
      receiver: null as unknown as Proc,
      reader: null as unknown as Proc,
      it: track(startNode(topo, ns.it, "it", tsScript("it-client.ts", `http://${addr.dmzIt}:${REST_PORT}`, `opc.tcp://${addr.dmzIt}:${OPCUA_PORT}`, files.itPki), log("it"))),
      client: null as unknown as ItClient,
      obs: null as unknown as Observer,
      startReceiver: () => (w.receiver = track(startNode(topo, ns.dmz, "receiver", sluiceCli("receiver", "-c", files.receiver), log("receiver")))),
      startReader: () => (w.reader = track(startNode(topo, ns.ot, "reader", sluiceCli("reader", "-c", files.reader), log("reader")))),
      tails: () => [w.plc, w.reader, w.receiver, w.it].filter(Boolean).map((p) => p.tail()).join("\n"),
      async close() {
        await w.obs.stop();
        const codes: Record<string, number | string> = {};
        // the it clients first (they talk to the receiver), then the reader before the PLCs it polls
        for (const p of [w.it, w.reader, w.receiver, w.plc]) codes[p.name] = await p.stop("SIGTERM", 15_000);
        const b = w.broker;
        if (b && b.exitCode === null) await new Promise((r) => { b.once("exit", r); b.kill("SIGTERM"); });
        return codes;
      },
      destroy,
    };
    w.startReceiver();
    w.startReader();
    w.client = new ItClient(w.it);
    w.obs = new Observer(w.client, PATHS);
    await Promise.all([w.plc.waitLine(/"ready"/, 120_000, 0), w.it.waitLine(/"ready"/, 120_000, 0)]);
    w.obs.start();
    return w;
  } catch (e) {
    destroy();
    throw e;
  }
}
