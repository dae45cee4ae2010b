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
import { TransportIntake } from "../../../src/link/transport/intake.js";
import { KEY_A } from "../../fixtures/link-transport.js";

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
