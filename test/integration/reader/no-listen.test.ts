/**
 * Security invariant 1, reader half: a running reader (in its own process,
 * polling a real PLC simulator and sending on the link) owns no socket that
 * can receive unsolicited traffic: no TCP socket in LISTEN, no UDP socket
 * without a connected peer. Read from /proc, so the test sees what the kernel sees.
 */
import t from "tap";
import { fork } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { stringify } from "yaml";
import { validate } from "../../../src/config/load.js";
import { ReceiverLink } from "../../../src/config/link.js";
import { keygen } from "../../../src/link/keys.js";
import { LinkReceiver } from "../../../src/link/index.js";
import { startModbusSim } from "../../../src/demo/sim/modbus.js";
import { listening, socketsOf } from "../../fixtures/reader/sockets.js";

const CHILD = fileURLToPath(new URL("../../fixtures/reader/run-reader.ts", import.meta.url));
const hex = (port: number) => port.toString(16).toUpperCase().padStart(4, "0");

void t.test("the reader process listens on nothing", async (t) => {
  const dir = mkdtempSync(join(tmpdir(), "sluice-noisten-"));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  keygen(join(dir, "link.key"));
  const cfg = validate(ReceiverLink, { listen: "127.0.0.1:0", key: "./link.key" }, "test receiver");
  const link = await LinkReceiver.open(structuredClone(cfg) as typeof cfg, { baseDir: dir });
  t.teardown(() => link.close());
  let birth = false;
  let values = 0;
  link.on("catalog", () => { birth = true; });
  link.on("samples", (ss: unknown[]) => { values += ss.length; });
  const sim = await startModbusSim();
  t.teardown(() => sim.close());
  const linkPort = link.address().port;
  writeFileSync(join(dir, "reader.yaml"), stringify({
    link: { to: `127.0.0.1:${linkPort}`, key: "./link.key" },
    policy: "allow-all",
    sources: [{ name: "p", protocol: "modbus", endpoint: `127.0.0.1:${sim.port}`, interval: "100ms", tags: [{ name: "t", address: "hr:0" }] }],
  }));

  const child = fork(CHILD, [join(dir, "reader.yaml")], { stdio: ["ignore", "inherit", "inherit", "ipc"] });
  const exited = new Promise<number | null>((r) => child.once("exit", (code) => r(code)));
  t.teardown(() => { if (child.exitCode === null) child.kill("SIGKILL"); });
  await new Promise<void>((resolve, reject) => {
    child.once("message", () => resolve());
    child.once("exit", (code) => reject(new Error(`reader exited early with ${code}`)));
  });
  const end = Date.now() + 15_000;
  while (!(birth && values > 0)) {
    if (Date.now() > end) throw new Error("no data from the child reader");
    await new Promise((r) => setTimeout(r, 20));
  }

  const rows = socketsOf(child.pid!);
  t.comment(`reader sockets: ${rows.map((r) => `${r.proto} ${r.local} -> ${r.remote} st ${r.state}`).join("; ")}`);
  t.ok(rows.some((r) => r.proto.startsWith("udp") && r.remote.endsWith(`:${hex(linkPort)}`)), "the link socket is there, connected to the receiver");
  t.ok(rows.some((r) => r.proto.startsWith("tcp") && r.remote.endsWith(`:${hex(sim.port)}`) && r.state === "01"), "the PLC connection is there (established)");
  t.same(listening(rows), [], "no listening TCP socket, no unconnected UDP socket");

  child.send("stop");
  t.equal(await exited, 0, "clean exit on request");
});
