/**
 * startReceiver's lifecycle: bad files fail before any socket opens, SIGHUP reload
 * re-filters the catalogue under a changed policy and survives a bad key file, the
 * servers can be switched off, close() is idempotent.
 */
import t from "tap";
import dgram from "node:dgram";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ReaderLink } from "../../../src/config/link.js";
import { validate } from "../../../src/config/load.js";
import { isSluiceError } from "../../../src/core/errors.js";
import { silentLogger } from "../../../src/core/log.js";
import type { TagDef } from "../../../src/core/model.js";
import { Status } from "../../../src/core/status.js";
import { LinkSender } from "../../../src/link/index.js";
import { keygen } from "../../../src/link/keys.js";
import { startReceiver } from "../../../src/receiver/main.js";

function dirWithKey(t: { teardown(fn: () => unknown): void }): string {
  const dir = mkdtempSync(join(tmpdir(), "sluice-rxmain-"));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  keygen(join(dir, "link.key"));
  return dir;
}

async function freeUdpPort(): Promise<number> {
  const s = dgram.createSocket("udp4");
  await new Promise<void>((r) => s.bind(0, "127.0.0.1", r));
  const port = s.address().port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

/** True when nothing holds the UDP port (so the receiver did not bind it). */
async function udpPortFree(port: number): Promise<boolean> {
  const s = dgram.createSocket("udp4");
  try {
    await new Promise<void>((resolve, reject) => { s.once("error", reject); s.bind(port, "127.0.0.1", () => resolve()); });
    return true;
  } catch {
    return false;
  } finally {
    s.close();
  }
}

async function until(cond: () => Promise<boolean>, ms: number): Promise<boolean> {
  const t0 = Date.now();
  while (!(await cond())) {
    if (Date.now() - t0 > ms) return false;
    await new Promise((r) => setTimeout(r, 20));
  }
  return true;
}

void t.test("a bad config or policy fails before any socket opens", async (t) => {
  const dir = dirWithKey(t);
  const port = await freeUdpPort();
  const cases: [string, string, string][] = [
    ["bad-history.yaml", `link: { listen: 127.0.0.1:${port}, key: link.key }\npolicy: allow-all\nhistory: { samples: -1 }\n`, "SLUICE_ERR_CONFIG"],
    ["no-policy.yaml", `link: { listen: 127.0.0.1:${port}, key: link.key }\npolicy: missing.yaml\n`, "SLUICE_ERR_POLICY"],
    ["bad-key.yaml", `link: { listen: 127.0.0.1:${port}, key: nokey.key }\npolicy: allow-all\nopcua: { enabled: false }\nrest: { listen: 127.0.0.1:0 }\n`, "SLUICE_ERR_KEY"],
  ];
  for (const [name, text, code] of cases) {
    writeFileSync(join(dir, name), text);
    let err: unknown;
    try {
      const h = await startReceiver(join(dir, name), { logger: silentLogger });
      await h.close();
    } catch (e) {
      err = e;
    }
    t.ok(isSluiceError(err) && err.code === code && err.exitCode === 2, `${name}: ${code} (${String(err)})`);
    t.ok(await udpPortFree(port), `${name}: link port not held`);
  }
});

void t.test("reload re-filters the catalogue under a changed policy; a bad key keeps the old one", async (t) => {
  const dir = dirWithKey(t);
  const policy = join(dir, "policy.yaml");
  writeFileSync(policy, "version: 1\nrules:\n  - { allow: \"p/*\" }\n");
  writeFileSync(join(dir, "r.yaml"), "link: { listen: 127.0.0.1:0, key: link.key }\npolicy: policy.yaml\nrest: { listen: 127.0.0.1:0 }\nopcua: { enabled: false }\n");
  const rx = await startReceiver(join(dir, "r.yaml"), { logger: silentLogger });
  t.teardown(() => rx.close());
  const tx = await LinkSender.open(validate(ReaderLink, {
    to: `127.0.0.1:${rx.link.port}`, key: "link.key", keyframe: "300ms", birth: "300ms", heartbeat: "100ms", flush: "2ms", rate: 5_000_000,
  }, "reader.yaml"), { baseDir: dir });
  t.teardown(() => tx.close());
  const tags: TagDef[] = [{ alias: 0, path: "p/a", type: "float64" }, { alias: 1, path: "p/b", type: "float64" }];
  tx.setCatalog(tags);
  tx.update([{ alias: 0, value: 1, status: Status.Good, sourceTime: Date.now() }, { alias: 1, value: 2, status: Status.Good, sourceTime: Date.now() }]);
  const status = async (path: string) => (await fetch(`${rx.rest}/api/v1/tags/${path}`)).status;
  t.ok(await until(async () => (await status("p/b")) === 200, 5000), "p/b served");

  writeFileSync(policy, "version: 1\nrules:\n  - { allow: p/a }\n");
  rx.reload();
  t.equal(await status("p/b"), 404, "p/b gone at once after reload");
  t.equal(await status("p/a"), 200);
  const policyDrops = async () => {
    const m = /^sluice_receiver_samples_dropped_total\{reason="policy"\} (\d+)$/m.exec(await (await fetch(`${rx.rest}/metrics`)).text());
    return Number(m?.[1] ?? -1);
  };
  const before = await policyDrops();
  t.ok(before >= 0, "the store's drop counter is exposed");
  tx.update([{ alias: 1, value: 3, status: Status.Good, sourceTime: Date.now() + 10 }]);
  t.ok(await until(async () => (await policyDrops()) > before, 5000), "its samples are now counted as the store's policy drops");

  writeFileSync(join(dir, "link.key"), "not a key");
  t.doesNotThrow(() => rx.reload(), "a bad key file is logged, not thrown");
  tx.update([{ alias: 0, value: 9, status: Status.Good, sourceTime: Date.now() + 20 }]);
  t.ok(await until(async () => ((await (await fetch(`${rx.rest}/api/v1/tags/p/a`)).json()) as { value: number }).value === 9, 5000),
    "the old key stays in force");
});

void t.test("REST and OPC UA can be off; close() twice is fine", async (t) => {
  const dir = dirWithKey(t);
  writeFileSync(join(dir, "r.yaml"), "link: { listen: 127.0.0.1:0, key: link.key }\npolicy: allow-all\nrest: { enabled: false }\nopcua: { enabled: false }\n");
  const rx = await startReceiver(join(dir, "r.yaml"), { logger: silentLogger });
  t.equal(rx.rest, "");
  t.equal(rx.opcua, null);
  t.ok(rx.link.port > 0);
  await rx.close();
  await rx.close();
  t.ok(await udpPortFree(rx.link.port), "link socket released");
});
