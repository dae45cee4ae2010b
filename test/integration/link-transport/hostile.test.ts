/**
 * Hostile input against a real intake: >= 50,000 random and mutated datagrams
 * (bit flips, truncations, extensions, header fields rewritten). Nothing may
 * throw, no frame may come out, and every datagram is counted by reason.
 * Afterwards genuine traffic still flows (garbage never stops good data).
 */
import t, { type Test } from "tap";
import dgram from "node:dgram";
import { TransportIntake } from "../../../src/link/transport/intake.js";
import { TransportSender } from "../../../src/link/transport/sender.js";
import { KEY_A, KEY_B, drain, hostile, outbox } from "../../fixtures/link-transport.js";

/** A real intake, a client socket, and a send that waits until the intake has absorbed each batch. */
async function target(t: Test) {
  const intake = await TransportIntake.open({ host: "127.0.0.1", port: 0, keys: [KEY_A, KEY_B] });
  const client = dgram.createSocket("udp4");
  t.teardown(async () => {
    client.close();
    await intake.close();
  });
  let frames = 0;
  intake.on("frame", () => frames++);
  const port = intake.address().port;
  // batches small enough for the socket buffer, waiting (event-driven) until each is absorbed
  const send = async (msgs: Buffer[], deadline: number) => {
    const start = intake.stats().datagramsReceived;
    for (let i = 0; i < msgs.length && Date.now() < deadline; i += 500) {
      for (const m of msgs.slice(i, i + 500)) client.send(m, port, "127.0.0.1");
      const batchEnd = start + Math.min(msgs.length, i + 500);
      while (intake.stats().datagramsReceived < batchEnd && Date.now() < deadline) await new Promise((r) => setImmediate(r));
    }
  };
  return { intake, port, send, frames: () => frames };
}

void t.test(">= 50,000 hostile datagrams: no throw, no frame, every one counted", async (t) => {
  const { intake, port, send, frames } = await target(t);
  const N = 50_000;
  const deadline = Date.now() + 60_000;
  await send(hostile(N, 99), deadline);
  const st = intake.stats();
  const rejected = Object.values(st.rejected).reduce((a, b) => a + b, 0);
  t.equal(st.datagramsReceived, N, "all arrived");
  t.equal(rejected, N, `sum of rejected == sent (${JSON.stringify(st.rejected)})`);
  t.equal(frames(), 0, "no frame event");
  t.equal(st.sessions, 0, "no session was started by a forgery");
  t.equal(st.lastDatagramTime, null);
  for (const reason of ["auth", "malformed", "version", "oversize"] as const) t.ok(st.rejected[reason] > 0, `${reason} exercised`);

  // good data still flows afterwards
  const s = await TransportSender.open({ host: "127.0.0.1", port, key: KEY_A });
  t.teardown(() => s.close());
  for (let i = 0; i < 20; i++) s.send(Buffer.alloc(500, i));
  while (frames() < 20 && Date.now() < deadline + 10_000) await new Promise((r) => setTimeout(r, 10));
  t.equal(frames(), 20, "genuine frames accepted after the flood");
});

void t.test("hostile datagrams against an established session change nothing", async (t) => {
  const { intake, send, frames } = await target(t);
  const deadline = Date.now() + 60_000;
  // the genuine session the mutations are based on: same key, session and sequence space
  const o = outbox({ group: 8, repair: 0.5, lo: 77 });
  for (let i = 0; i < 5; i++) o.push(Buffer.alloc(100, i));
  const accepted = drain(o);
  await send(accepted, deadline);
  t.equal(frames(), 5);
  const before = intake.stats();
  const N = 20_000;
  await send(hostile(N, 7, accepted), deadline);
  const st = intake.stats();
  const rejected = (x: typeof st) => Object.values(x.rejected).reduce((a, b) => a + b, 0);
  t.equal(rejected(st) - rejected(before), N, `every one counted (${JSON.stringify(st.rejected)})`);
  t.ok(st.rejected.replay > 0 && st.rejected.session > 0, "replay and session exercised");
  t.equal(frames(), 5, "no frame event");
  t.equal(st.sessionId, before.sessionId, "the session is unchanged");
  t.equal(st.lastDatagramTime, before.lastDatagramTime, "no hostile datagram counted as link activity");
});
