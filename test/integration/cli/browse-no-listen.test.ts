/**
 * `sluice browse opcua` and `sluice browse enip`, run as the CLI in their own
 * process, own no socket that could receive unsolicited traffic (no TCP LISTEN, no
 * unconnected UDP) at any moment of their run: their sockets are sampled from /proc
 * every 10 ms while they browse the simulators. Needs dist/ (npm run build).
 */
import t from "tap";
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { startEnipSim } from "../../../src/demo/sim/enip/index.js";
import { startOpcuaSim } from "../../../src/demo/sim/opcua.js";
import { listening, socketsOf, type SocketRow } from "../../fixtures/reader/sockets.js";
// several node-opcua clients and servers start here: on a loaded 2-core machine this file can outlast the default 120 s
t.setTimeout(300_000);

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
if (!existsSync(join(ROOT, "dist", "cli", "main.js"))) throw new Error("dist/ is not built: run `npm run build` first");
const dir = mkdtempSync(join(tmpdir(), "sluice-browse-nolisten-"));
t.teardown(() => rmSync(dir, { recursive: true, force: true }));

async function watch(args: string[]): Promise<{ code: number | null; out: string; seen: number; bad: SocketRow[] }> {
  const child = spawn(process.execPath, [join(ROOT, "bin", "sluice.js"), "browse", ...args], { cwd: dir, stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  child.stdout.on("data", (d: Buffer) => { out += d.toString(); });
  let seen = 0;
  const bad: SocketRow[] = [];
  const timer = setInterval(() => {
    try {
      const rows = socketsOf(child.pid!);
      seen = Math.max(seen, rows.length);
      bad.push(...listening(rows));
    } catch { /* exited */ }
  }, 10);
  const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
  clearInterval(timer);
  return { code, out, seen, bad };
}

void t.test("browse opcua listens on nothing", async (t) => {
  const sim = await startOpcuaSim({ pki: join(dir, "sim-pki") });
  t.teardown(() => sim.close());
  const r = await watch(["opcua", sim.endpointUrl, "--security-mode", "None", "--accept-unknown-certificate", "--pki", join(dir, "pki")]);
  t.equal(r.code, 0);
  t.match(r.out, /Line1\.Temp/, "it browsed");
  t.ok(r.seen > 0, `its sockets were seen (${r.seen})`);
  t.same(r.bad, [], "no listening or unconnected socket");
});

void t.test("browse enip listens on nothing", async (t) => {
  const sim = await startEnipSim({ host: "127.0.78.21" });
  t.teardown(() => sim.close());
  const r = await watch(["enip", "127.0.78.21"]);
  t.equal(r.code, 0);
  t.match(r.out, /Program:Main\.Speed/, "it browsed");
  t.ok(r.seen > 0, `its sockets were seen (${r.seen})`);
  t.same(r.bad, [], "no listening or unconnected socket");
});
