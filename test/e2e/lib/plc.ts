/**
 * PLC simulators for the e2e suite, in one process that runs inside the ot
 * namespace (src/demo/sim/modbus.ts through the TypeScript loader):
 *
 *   argv: [--reads] EPOCH_MS HOST:PORT [HOST:PORT...]      stdin: "down PORT" | "up PORT"
 *   stdout: one JSON line per event: {"ready":[ports]}, {"down":PORT}, {"up":PORT}
 *           with --reads also {"read":PORT,"at":MS,"value":N} for every read that served the counter
 *           (what the poller saw, and when: the history tests check the receiver against it)
 *
 * Besides the sim's static block (hr:100.., known values), every PLC holds a
 * moving counter at hr:200 (uint32) = floor((now - EPOCH_MS) / 100): it rises by
 * 10 a second and keeps rising across a PLC restart, like a retained counter, so
 * the test can tell from any value and its source time whether it is the PLC's.
 */
import { createInterface } from "node:readline";
import { putRegisters, startModbusSim, type ModbusSim } from "../../../src/demo/sim/modbus.js";
import { COUNTER_REGISTER, counterAt } from "./plant.js";

async function run(): Promise<void> {
  const args = process.argv.slice(2);
  const reads = args[0] === "--reads";
  const [epochArg, ...endpoints] = reads ? args.slice(1) : args;
  const epoch = Number(epochArg);
  if (!Number.isFinite(epoch) || endpoints.length === 0) throw new Error("usage: plc.ts EPOCH_MS HOST:PORT...");
  const sims = new Map<number, { host: string; sim: ModbusSim | null }>();
  const say = (o: object): void => { process.stdout.write(`${JSON.stringify(o)}\n`); };

  const tick = () => {
    for (const { sim } of sims.values()) if (sim) putRegisters(sim.holding, COUNTER_REGISTER, counterAt(epoch, Date.now()), "uint32", "ABCD");
  };
  const up = async (host: string, port: number) => {
    const onHoldingRead = (addr: number, values: readonly number[]) => {
      const i = COUNTER_REGISTER - addr;
      if (i >= 0 && i + 1 < values.length) say({ read: port, at: Date.now(), value: ((values[i]! << 16) | values[i + 1]!) >>> 0 });
    };
    const sim = await startModbusSim({ host, port, tickMs: 250, ...(reads ? { onHoldingRead } : {}) });
    sims.set(port, { host, sim });
    tick();
  };
  for (const ep of endpoints) {
    const i = ep.lastIndexOf(":");
    await up(ep.slice(0, i), Number(ep.slice(i + 1)));
  }
  setInterval(tick, 10);
  say({ ready: [...sims.keys()] });

  // One command at a time, in order: a "down" then "up" never race each other.
  let chain = Promise.resolve();
  const stop = () => {
    void Promise.all([...sims.values()].map((s) => s.sim?.close() ?? Promise.resolve())).finally(() => process.exit(0));
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
  // stdin closes when the test process dies: never outlive it.
  createInterface({ input: process.stdin }).on("close", stop).on("line", (line) => {
    const [cmd, portText] = line.trim().split(/\s+/);
    const port = Number(portText);
    const entry = sims.get(port);
    chain = chain.then(async () => {
      if (!entry) return say({ error: `no PLC on port ${portText}` });
      if (cmd === "down" && entry.sim) {
        await entry.sim.close();
        entry.sim = null;
        say({ down: port });
      } else if (cmd === "up" && !entry.sim) {
        await up(entry.host, port);
        say({ up: port });
      } else {
        say({ error: `cannot ${cmd} ${port}` });
      }
    }).catch((e: unknown) => say({ error: String(e) }));
  });
}

await run();
