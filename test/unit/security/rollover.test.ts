/**
 * Key rollover as SECURITY.md describes it, on a real receiver (startReceiver, the code
 * behind `sluice receiver` and its SIGHUP): reload() re-reads the key FILES named in the
 * receiver file at start; it does not re-read the receiver file. So `link.nextKey` must
 * be configured from the start (pointing at a copy of the current key); a rollover then
 * replaces file contents only:
 *
 *   1. new key -> receiver's nextKey file, SIGHUP       (receiver accepts old and new)
 *   2. new key -> reader's key file, SIGHUP             (reader seals with the new key)
 *   3. new key -> receiver's key file, SIGHUP           (the old key is refused)
 *
 * Adding `nextKey:` to the receiver file later has no effect until a restart.
 */
import t from "tap";
import { copyFileSync, mkdtempSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { silentLogger } from "../../../src/core/log.js";
import { keygen, type LinkKey } from "../../../src/link/keys.js";
import { TransportSender } from "../../../src/link/transport/sender.js";
import { startReceiver, type ReceiverHandle } from "../../../src/receiver/main.js";

type T = Parameters<Parameters<typeof t.test>[0]>[0];

interface LinkJson { framesReceived: number; rejected: { auth: number } }

async function link(rx: ReceiverHandle): Promise<LinkJson> {
  return (await (await fetch(`${rx.rest}/api/v1/link`)).json()) as LinkJson;
}

/** Send a few frames sealed with `key`; resolves how many were accepted and how many refused as auth. */
async function probe(t: T, rx: ReceiverHandle, key: LinkKey): Promise<{ accepted: number; auth: number }> {
  const before = await link(rx);
  const tx = await TransportSender.open({ host: "127.0.0.1", port: rx.link.port, key, fec: { repair: 0 } });
  t.teardown(() => tx.close());
  for (let i = 0; i < 5; i++) tx.send(Buffer.from(`probe ${i}`));
  await tx.close();
  for (const end = Date.now() + 10_000; Date.now() < end;) {
    const l = await link(rx);
    const accepted = l.framesReceived - before.framesReceived;
    const auth = l.rejected.auth - before.rejected.auth;
    if (accepted + auth >= 5) return { accepted, auth };
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error("the probe's datagrams never arrived");
}

function setup(t: T): { dir: string; old: LinkKey; fresh: LinkKey; install: (from: string, to: string) => void } {
  const dir = mkdtempSync(join(tmpdir(), "sluice-rollover-"));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const old = keygen(join(dir, "link.key"));
  const fresh = keygen(join(dir, "new.key"));
  // replace a key file whole (copy, then rename over it), as an operator's tooling should
  const install = (from: string, to: string) => { copyFileSync(join(dir, from), join(dir, `${to}.tmp`)); renameSync(join(dir, `${to}.tmp`), join(dir, to)); };
  return { dir, old, fresh, install };
}

const receiverFile = (nextKey: boolean) =>
  `link: { listen: 127.0.0.1:0, key: link.key${nextKey ? ", nextKey: next.key" : ""} }\npolicy: allow-all\nrest: { listen: 127.0.0.1:0 }\nopcua: { enabled: false }\n`;

void t.test("rollover with nextKey configured from the start: old and new accepted, then only the new", async (t) => {
  const { dir, old, fresh, install } = setup(t);
  install("link.key", "next.key"); // the nextKey slot starts as a copy of the current key
  writeFileSync(join(dir, "receiver.yaml"), receiverFile(true));
  const rx = await startReceiver(join(dir, "receiver.yaml"), { logger: silentLogger });
  t.teardown(() => rx.close());
  t.same(await probe(t, rx, old), { accepted: 5, auth: 0 }, "before: the current key is accepted");
  t.same(await probe(t, rx, fresh), { accepted: 0, auth: 5 }, "before: the new key is not");
  install("new.key", "next.key");
  rx.reload();
  t.same(await probe(t, rx, old), { accepted: 5, auth: 0 }, "step 1: the old key still works (readers not yet switched)");
  t.same(await probe(t, rx, fresh), { accepted: 5, auth: 0 }, "step 1: the new key works too");
  install("new.key", "link.key");
  rx.reload();
  t.same(await probe(t, rx, fresh), { accepted: 5, auth: 0 }, "step 3: the new key works");
  t.same(await probe(t, rx, old), { accepted: 0, auth: 5 }, "step 3: the retired key is refused");
});

void t.test("adding nextKey to the receiver file and reloading (SIGHUP) accepts the new key without a restart", async (t) => {
  const { dir, fresh, old, install } = setup(t);
  writeFileSync(join(dir, "receiver.yaml"), receiverFile(false));
  const rx = await startReceiver(join(dir, "receiver.yaml"), { logger: silentLogger });
  t.teardown(() => rx.close());
  t.same(await probe(t, rx, fresh), { accepted: 0, auth: 5 }, "before: the new key is refused");
  install("new.key", "next.key");
  writeFileSync(join(dir, "receiver.yaml"), receiverFile(true));
  rx.reload();
  t.same(await probe(t, rx, fresh), { accepted: 5, auth: 0 }, "after reload: the new key is accepted");
  t.same(await probe(t, rx, old), { accepted: 5, auth: 0 }, "and the current key still is");
  writeFileSync(join(dir, "receiver.yaml"), "link: { listen: nonsense }\n");
  rx.reload();
  t.same(await probe(t, rx, fresh), { accepted: 5, auth: 0 }, "a broken file on reload keeps the keys in force");
});
