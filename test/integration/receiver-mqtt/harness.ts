/**
 * A receiver with an `mqtt` block, fed by a real LinkSender over loopback UDP, for the
 * MQTT tests (the broker is a real mosquitto from test/fixtures/mosquitto.ts).
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { stringify } from "yaml";
import { ReaderLink } from "../../../src/config/link.js";
import { validate } from "../../../src/config/load.js";
import { silentLogger, type Logger } from "../../../src/core/log.js";
import type { ReaderHealth, Sample, TagDef } from "../../../src/core/model.js";
import { Status } from "../../../src/core/status.js";
import { LinkSender } from "../../../src/link/index.js";
import { keygen } from "../../../src/link/keys.js";
import { startReceiver, type ReceiverHandle } from "../../../src/receiver/main.js";

export interface Rig {
  dir: string;
  rx: ReceiverHandle;
  tx: LinkSender;
  tags: TagDef[];
  /** send values (alias → value) with a fresh source time */
  send(values: Record<number, Sample["value"]>, status?: number): number;
  health(sources: { name: string; state: ReaderHealth["sources"][number]["state"] }[]): void;
  rest<T>(path: string): Promise<T>;
  close(): Promise<void>;
}

export function tempDir(t: { teardown(fn: () => unknown): void }, prefix = "sluice-mqtt-"): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export async function rig(t: { teardown(fn: () => unknown): void }, opts: {
  mqtt: Record<string, unknown>; tags: TagDef[]; policy?: string; dir?: string; logger?: Logger; linkTimeout?: string;
}): Promise<Rig> {
  const dir = opts.dir ?? tempDir(t);
  keygen(join(dir, "link.key"));
  let policy = "allow-all";
  if (opts.policy) {
    writeFileSync(join(dir, "policy.yaml"), opts.policy);
    policy = "policy.yaml";
  }
  const cfg = {
    link: { listen: "127.0.0.1:0", key: "link.key", ...(opts.linkTimeout ? { timeout: opts.linkTimeout } : {}) },
    policy, rest: { listen: "127.0.0.1:0" }, opcua: { enabled: false }, mqtt: opts.mqtt,
  };
  writeFileSync(join(dir, "receiver.yaml"), stringify(cfg));
  const rx = await startReceiver(join(dir, "receiver.yaml"), { logger: opts.logger ?? silentLogger });
  const tx = await LinkSender.open(validate(ReaderLink, {
    to: `127.0.0.1:${rx.link.port}`, key: "link.key", keyframe: "500ms", birth: "500ms", heartbeat: "200ms", flush: "2ms", rate: 20_000_000,
  }, "reader.yaml"), { baseDir: dir });
  tx.setCatalog(opts.tags);
  let clock = Date.now();
  const r: Rig = {
    dir, rx, tx, tags: opts.tags,
    send(values, status = Status.Good) {
      clock = Math.max(clock + 1, Date.now());
      tx.update(Object.entries(values).map(([a, v]) => ({ alias: Number(a), value: v, status, sourceTime: clock })));
      return clock;
    },
    health(sources) {
      tx.setHealth({
        startedAt: Date.now(), policyHash: "allow-all", blocked: {},
        sources: sources.map((s) => ({ name: s.name, protocol: "modbus", state: s.state, lastPollTime: Date.now(), pollsOk: 1, pollsError: 0, overruns: 0 })),
      });
    },
    async rest<T>(path: string) {
      return (await (await fetch(`${rx.rest}${path}`)).json()) as T;
    },
    async close() {
      await tx.close();
      await rx.close();
    },
  };
  t.teardown(() => r.close());
  return r;
}

export async function until(cond: () => boolean | Promise<boolean>, ms: number): Promise<boolean> {
  const t0 = Date.now();
  while (!(await cond())) {
    if (Date.now() - t0 > ms) return false;
    await new Promise((r) => setTimeout(r, 20));
  }
  return true;
}
