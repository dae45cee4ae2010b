/**
 * The OPC UA source driver never piles up sessions on the server across reconnects.
 * A real node-opcua server (src/demo/sim/opcua.ts) behind a TCP relay the test can cut; the
 * server's own CurrentSessionCount (ns=0;i=2277, read through the driver) is the
 * measure. Real PLCs allow a handful of sessions (an S7-1500 a few), and a session
 * whose connection broke stays open on the server until its timeout (60 s by default):
 * without care, every cut would hold one more slot.
 */
import t from "tap";
import net from "node:net";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { opcuaDriver } from "../../../src/drivers/opcua/index.js";
import { startOpcuaSim } from "../../../src/demo/sim/opcua.js";

void t.test("reconnects, planned or after a cut connection, leave one session on the server", async (t) => {
  const dir = mkdtempSync(join(tmpdir(), "sluice-opcua-sessions-"));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const sim = await startOpcuaSim({ allowAnonymous: true });
  t.teardown(() => sim.close());
  // a TCP relay whose connections the test can cut (a network fault between reader and PLC)
  const live = new Set<net.Socket>();
  const relay = net.createServer((c) => {
    const u = net.connect(sim.port, "127.0.0.1");
    for (const s of [c, u]) { live.add(s); s.on("error", () => undefined); s.on("close", () => live.delete(s)); }
    c.pipe(u);
    u.pipe(c);
  });
  await new Promise<void>((r) => relay.listen(0, "127.0.0.1", () => r()));
  t.teardown(() => new Promise<void>((r) => relay.close(() => r())));
  const port = (relay.address() as net.AddressInfo).port;
  const d = opcuaDriver.create({ name: "plc", endpoint: `opc.tcp://127.0.0.1:${port}`, timeoutMs: 2000, options: { pki: join(dir, "pki"), securityMode: "None" } });
  t.teardown(() => d.close());
  const plan = d.plan([{ index: 0, address: opcuaDriver.parseAddress("ns=0;i=2277").address, type: "uint32" }]);
  const sessions = async () => (await d.read(plan))[0]!.value;

  await d.connect();
  t.equal(await sessions(), 1, "one session after connecting");
  for (let i = 0; i < 3; i++) await d.connect();
  t.equal(await sessions(), 1, "planned reconnects close the old session first");
  for (let i = 0; i < 4; i++) {
    for (const s of live) s.destroy(); // the connection breaks; the server keeps the session
    await t.rejects(async () => { for (let k = 0; k < 50; k++) { await d.read(plan); await new Promise((r) => setTimeout(r, 20)); } },
      { code: "SLUICE_ERR_DISCONNECTED" }, `cut ${i + 1}: the driver notices`);
    await d.connect();
  }
  t.equal(await sessions(), 1, "after 4 cut connections: still one session (the orphans were taken over and closed)");
});
