import t from "tap";
import diagnostics_channel from "node:diagnostics_channel";
import dgram from "node:dgram";
import { channels } from "../../../src/core/events.js";
import { TransportIntake } from "../../../src/link/transport/intake.js";
import { TransportSender } from "../../../src/link/transport/sender.js";
import { KEY_A, KEY_B } from "../../fixtures/link-transport.js";

async function until(cond: () => boolean, ms = 10_000): Promise<boolean> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) return false;
    await new Promise((r) => setTimeout(r, 5));
  }
  return true;
}

void t.test("rejects are counted by reason and published on channels.linkReject", async (t) => {
  const intake = await TransportIntake.open({ host: "127.0.0.1", port: 0, keys: [KEY_A] });
  t.teardown(() => intake.close());
  const seen: string[] = [];
  const sub = (m: unknown) => seen.push((m as { reason: string }).reason);
  diagnostics_channel.subscribe(channels.linkReject.name, sub);
  t.teardown(() => diagnostics_channel.unsubscribe(channels.linkReject.name, sub));
  intake.reject("version", 3);
  intake.reject("malformed");
  intake.reject("nonsense" as never);
  const client = dgram.createSocket("udp4");
  t.teardown(() => client.close());
  client.send(Buffer.from("garbage"), intake.address().port, "127.0.0.1");
  t.ok(await until(() => intake.stats().datagramsReceived === 1));
  t.same(seen, ["version", "version", "version", "malformed", "malformed"]);
  t.match(intake.stats(), {
    datagramsReceived: 1, framesReceived: 0, framesLost: 0, framesRecovered: 0, sessions: 0, sessionId: null, lastDatagramTime: null,
    rejected: { auth: 0, replay: 0, malformed: 2, version: 3, oversize: 0, session: 0 },
  });
});

void t.test("a throwing listener neither crashes the intake nor loses the next frame", async (t) => {
  const intake = await TransportIntake.open({ host: "127.0.0.1", port: 0, keys: [KEY_A] });
  const sender = await TransportSender.open({ host: "127.0.0.1", port: intake.address().port, key: KEY_A });
  t.teardown(async () => { await sender.close(); await intake.close(); });
  let n = 0;
  intake.on("frame", () => { n++; throw new Error("listener bug"); });
  intake.on("session", () => { throw new Error("listener bug"); });
  sender.send(Buffer.alloc(10, 1));
  sender.send(Buffer.alloc(10, 2));
  t.ok(await until(() => n === 2));
  const st = intake.stats();
  t.equal(st.framesReceived, 2);
  t.equal(st.sessions, 1);
  t.equal(st.sessionId, sender.sessionId);
  t.equal(Object.values(st.rejected).reduce((a, b) => a + b, 0), 0, "nothing counted as rejected");
  t.ok(st.lastDatagramTime !== null && Math.abs(st.lastDatagramTime - Date.now()) < 10_000);
});

void t.test("options are checked; close is idempotent", async (t) => {
  await t.rejects(TransportIntake.open({ host: "127.0.0.1", port: 0, keys: [] }), { code: "SLUICE_ERR_KEY" });
  await t.rejects(TransportIntake.open({ host: "127.0.0.1", port: 0, keys: [KEY_A, KEY_B, KEY_A] }), { code: "SLUICE_ERR_KEY" });
  const a = await TransportIntake.open({ host: "127.0.0.1", port: 0, keys: [KEY_A] });
  await t.rejects(TransportIntake.open({ host: "127.0.0.1", port: a.address().port, keys: [KEY_A] }), { code: "SLUICE_ERR_LINK" }, "port in use");
  await t.rejects(TransportSender.open({ host: "no-such-host.invalid", port: 1, key: KEY_A }), { code: "SLUICE_ERR_LINK" });
  await t.rejects(TransportSender.open({ host: "127.0.0.1", port: 1, key: KEY_A, mtu: 100 }), { code: "SLUICE_ERR_CONFIG" });
  const s = await TransportSender.open({ host: "127.0.0.1", port: a.address().port, key: KEY_A });
  t.equal(s.maxPayload, 1400 - 42 - 16 - 14);
  await Promise.all([s.close(), s.close()]);
  t.notOk(s.send(Buffer.alloc(1)), "closed: refused");
  await a.close();
  await a.close();
});

void t.test("the compiled worker drops TypeScript and test preloads in both flag forms, and keeps the rest", async (t) => {
  const { withoutTsPreloads } = await import("../../../src/link/transport/intake.js");
  t.same(withoutTsPreloads([
    "--no-warnings", "--import", "@tapjs/typescript/import", "--import=file:///x/node_modules/@tapjs/mock/dist/esm/import.mjs",
    "--loader", "ts-node/esm", "--import", "./eld.mjs", "--max-old-space-size=512", "-r", "ts-node/register",
  ]), ["--no-warnings", "--import", "./eld.mjs", "--max-old-space-size=512"]);
});
