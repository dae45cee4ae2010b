/**
 * The receive pipeline runs off the main thread (SECURITY.md 4.5, the flood limit):
 * while the main thread is busy (here: blocked outright, the extreme of a slow REST
 * answer, a scrape or an OPC UA burst), the intake's worker keeps reading its socket,
 * so datagrams do not pile up in the kernel's buffer and get dropped. With the
 * pipeline on the main thread, everything beyond the socket buffer was lost.
 */
import t from "tap";
import { fork } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import type { Worker } from "node:worker_threads";
import { createLogger } from "../../../src/core/log.js";
import { TransportIntake } from "../../../src/link/transport/intake.js";
import { TransportSender } from "../../../src/link/transport/sender.js";
import { KEY_A, frameBytes } from "../../fixtures/link-transport.js";

void t.test("a blocked main thread loses no frames: the worker reads the socket meanwhile", async (t) => {
  const dir = mkdtempSync(join(tmpdir(), "sluice-worker-"));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const intake = await TransportIntake.open({ host: "127.0.0.1", port: 0, keys: [KEY_A] }); // 4 MiB socket buffer
  t.teardown(() => intake.close());
  const N = 8000; // 10 MB: about twice what the socket buffer holds
  const done = join(dir, "done");
  const child = fork(new URL("../../fixtures/send-frames-child.ts", import.meta.url).pathname,
    [String(intake.address().port), String(N), "1200", "20000000", done], { execArgv: process.execArgv });
  t.teardown(() => { child.kill(); });
  await new Promise((r) => child.once("message", r)); // the sender is open
  // block this thread until every datagram has been sent (at most 60 s)
  const end = Date.now() + 60_000;
  while (!existsSync(done) && Date.now() < end) { /* busy: no event loop turn */ }
  const blockedFor = 60_000 - (end - Date.now());
  const sent = await new Promise<{ framesSent: number }>((r) => child.once("message", (m) => r(m as { framesSent: number })));
  t.equal(sent.framesSent, N);
  for (const stop = Date.now() + 20_000; intake.stats().framesReceived < N && Date.now() < stop;) await new Promise((r) => setTimeout(r, 20));
  const st = intake.stats();
  t.ok(st.framesReceived >= N * 0.99, `>= 99 % delivered though the main thread was blocked for ${blockedFor} ms (${st.framesReceived}/${N})`);
});

void t.test("a failed worker is logged and restarted on the same port, resuming its session; repeated failures end in an error", async (t) => {
  const lines: string[] = [];
  const sink = new Writable({ write(chunk: Buffer, _e, cb) { lines.push(chunk.toString()); cb(); } });
  const intake = await TransportIntake.open({ host: "127.0.0.1", port: 0, keys: [KEY_A] }, createLogger({ destination: sink, level: "info" }));
  t.teardown(() => intake.close());
  const port = intake.address().port;
  const sender = await TransportSender.open({ host: "127.0.0.1", port, key: KEY_A, fec: { repair: 0 } });
  t.teardown(() => sender.close());
  const sessions: bigint[] = [];
  let frames = 0;
  intake.on("session", (id: bigint) => sessions.push(id));
  intake.on("frame", () => frames++);
  const until = async (cond: () => boolean) => { for (const end = Date.now() + 20_000; !cond() && Date.now() < end;) await new Promise((r) => setTimeout(r, 20)); return cond(); };
  for (let i = 0; i < 10; i++) sender.send(frameBytes(i, 100));
  t.ok(await until(() => frames === 10));
  const worker = (intake as unknown as { worker: Worker }).worker;
  await worker.terminate(); // the worker dies (as on an uncaught error or running out of its heap)
  t.ok(await until(() => lines.some((l) => /intake worker restarted/.test(l))), "restarted, and logged");
  t.match(lines.join(""), /the intake worker failed/);
  t.equal(intake.address().port, port, "same port");
  for (let i = 10; i < 20; i++) sender.send(frameBytes(i, 100));
  t.ok(await until(() => frames === 20), "frames flow again");
  t.same(sessions, [sender.sessionId], "the same session, resumed: no second session event");
  t.equal(intake.stats().framesReceived, 20, "counters carry over the restart");
  const errors: Error[] = [];
  intake.on("error", (e: Error) => errors.push(e));
  for (let i = 0; i < 6 && errors.length === 0; i++) {
    const w = (intake as unknown as { worker: Worker }).worker;
    await w.terminate();
    await until(() => errors.length > 0 || (intake as unknown as { worker: Worker }).worker !== w);
  }
  t.match(errors, [{ code: "SLUICE_ERR_LINK", message: /failed 6 times/ }], "the sixth failure within a minute is an error, never silence");
});
