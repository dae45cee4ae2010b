/**
 * The receiver process end to end on loopback: a real LinkSender (what the reader
 * uses) -> UDP -> startReceiver (link, policy, store, REST, metrics, OPC UA) -> REST.
 * Values reach REST; a denied tag never appears; a receiver restarted mid-stream
 * converges within one birth/keyframe cycle; a silent link moves statuses Uncertain ->
 * Bad and back. Keyframe and birth every 500 ms; link timeout 400 ms, stale 400 ms more.
 */
import t from "tap";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ReaderLink } from "../../../src/config/link.js";
import { validate } from "../../../src/config/load.js";
import { silentLogger } from "../../../src/core/log.js";
import type { ReaderHealth, Sample, TagDef } from "../../../src/core/model.js";
import { Status } from "../../../src/core/status.js";
import { LinkSender } from "../../../src/link/index.js";
import { keygen } from "../../../src/link/keys.js";
import { startReceiver, type ReceiverHandle } from "../../../src/receiver/main.js";

const CYCLE = 500;

interface Tag { path: string; quality: string; status: string; value: unknown; sourceTime: string | null }

function setupDir(t: { teardown(fn: () => unknown): void }): string {
  const dir = mkdtempSync(join(tmpdir(), "sluice-rx-"));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  keygen(join(dir, "link.key"));
  writeFileSync(join(dir, "policy.yaml"), "version: 1\nrules:\n  - { deny: press1/secret }\n  - { allow: [\"press1/*\", \"line1/*\"] }\n");
  return dir;
}

function writeConfig(dir: string, name: string, linkPort: number, extra = "opcua: { enabled: false }\n"): string {
  const f = join(dir, name);
  writeFileSync(f, [
    `link: { listen: 127.0.0.1:${linkPort}, key: link.key, timeout: 400ms, stale: 400ms }`,
    "policy: policy.yaml",
    "rest: { listen: 127.0.0.1:0 }",
    "history: { samples: 50 }",
    extra,
  ].join("\n"));
  return f;
}

async function sender(dir: string, port: number): Promise<LinkSender> {
  const cfg = validate(ReaderLink, {
    to: `127.0.0.1:${port}`, key: "link.key", keyframe: `${CYCLE}ms`, birth: `${CYCLE}ms`, heartbeat: "100ms", flush: "2ms", rate: 5_000_000,
  }, "reader.yaml");
  return LinkSender.open(cfg, { baseDir: dir });
}

const TAGS: TagDef[] = [
  ...Array.from({ length: 40 }, (_, i): TagDef => ({ alias: i, path: `press1/t${i}`, type: "float64", unit: "degC" })),
  { alias: 40, path: "press1/secret", type: "int32" },
  { alias: 41, path: "line1/big", type: "uint64" },
  { alias: 42, path: "line1/counter", type: "int32" },
];

function health(): ReaderHealth {
  return {
    startedAt: Date.now(), policyHash: "reader-policy", blocked: {},
    sources: [{ name: "press1", protocol: "modbus", state: "up", lastPollTime: Date.now(), pollsOk: 3, pollsError: 1, overruns: 0 }],
  };
}

function initial(at: number): Sample[] {
  return [
    ...Array.from({ length: 40 }, (_, i): Sample => ({ alias: i, value: i + 0.25, status: Status.Good, sourceTime: at })),
    { alias: 40, value: 1234, status: Status.Good, sourceTime: at },
    { alias: 41, value: 2n ** 64n - 2n, status: Status.Good, sourceTime: at },
  ];
}

async function get(base: string, path: string): Promise<{ status: number; body: any }> { // eslint-disable-line @typescript-eslint/no-explicit-any
  const r = await fetch(`${base}${path}`);
  const text = await r.text();
  return { status: r.status, body: text.startsWith("{") ? JSON.parse(text) : text };
}

async function tags(rx: ReceiverHandle): Promise<Map<string, Tag>> {
  const r = await get(rx.rest, "/api/v1/tags");
  return new Map((r.body.tags as Tag[]).map((x) => [x.path, x]));
}

/** Polls an async condition until true or `ms` pass; the time it took, or -1. */
async function until(cond: () => Promise<boolean>, ms: number): Promise<number> {
  const t0 = Date.now();
  while (!(await cond())) {
    if (Date.now() - t0 > ms) return -1;
    await new Promise((r) => setTimeout(r, 20));
  }
  return Date.now() - t0;
}

const allStaticGood = async (rx: ReceiverHandle) => {
  const m = await tags(rx);
  for (let i = 0; i < 40; i++) {
    const x = m.get(`press1/t${i}`);
    if (!x || x.value !== i + 0.25 || x.status !== "Good") return false;
  }
  return m.get("line1/big")?.value === "18446744073709551614";
};

void t.test("values reach REST, metrics and OPC UA; the denied tag never does", async (t) => {
  const dir = setupDir(t);
  const rx = await startReceiver(writeConfig(dir, "receiver.yaml", 0,
    "opcua: { port: 0, host: 127.0.0.1, security: { modes: [None] }, allowAnonymous: true }\n"), { logger: silentLogger });
  t.teardown(() => rx.close());
  t.match(rx.rest, /^http:\/\/127\.0\.0\.1:\d+$/);
  t.match(rx.opcua, /^opc\.tcp:\/\//);
  t.equal(rx.link.address, "127.0.0.1");
  t.equal((await get(rx.rest, "/readyz")).status, 503, "not ready before any frame");

  const tx = await sender(dir, rx.link.port);
  t.teardown(() => tx.close());
  tx.setCatalog(TAGS);
  tx.setHealth(health());
  tx.update(initial(Date.now()));
  t.ok(await until(() => allStaticGood(rx), 10_000) >= 0, "every allowed value arrived");
  const m = await tags(rx);
  t.equal(m.size, 42, "40 + big + counter; the secret tag is denied");
  t.equal(m.get("press1/secret"), undefined);
  t.equal((await get(rx.rest, "/api/v1/tags/press1/secret")).status, 404);
  t.match(m.get("line1/counter"), { value: null, status: "BadWaitingForInitialData", quality: "bad" });
  t.match(m.get("press1/t3"), { value: 3.25, quality: "good", status: "Good" });

  t.ok(await until(async () => (await get(rx.rest, "/readyz")).status === 200, 5000) >= 0, "ready");
  for (let k = 1; k <= 5; k++) {
    tx.update([{ alias: 42, value: k, status: Status.Good, sourceTime: Date.now() + k }]);
    await new Promise((r) => setTimeout(r, 30));
  }
  t.ok(await until(async () => (await get(rx.rest, "/api/v1/tags/line1/counter")).body.value === 5, 5000) >= 0, "delta arrived");
  const h = await get(rx.rest, "/api/v1/tags/line1/counter/history");
  t.same(h.body.samples.map((s: { value: number }) => s.value), [1, 2, 3, 4, 5], "history of the deltas");
  const link = (await get(rx.rest, "/api/v1/link")).body;
  t.match(link, { up: true, birth: true, policy: { remote: "reader-policy", mismatch: true } });
  t.match(link.sessionId, /^[0-9a-f]{16}$/);
  t.equal(link.rejected.policy, undefined, "the link counts datagrams only, not the store's drops");
  t.equal(link.rejected.auth, 0);
  const src = (await get(rx.rest, "/api/v1/sources")).body;
  t.match(src.sources, [{ name: "press1", protocol: "modbus", state: "up", pollErrors: 1 }]);
  const metrics = (await get(rx.rest, "/metrics")).body as string;
  t.match(metrics, /^sluice_link_up 1$/m);
  t.match(metrics, /^sluice_tags\{quality="good"\} 42$/m);
  t.match(metrics, /^sluice_source_polls_total\{source="press1",result="error"\} 1$/m);
  t.match(metrics, /^sluice_link_latency_seconds_count [1-9]/m);
  t.match(metrics, /^sluice_receiver_samples_dropped_total\{reason="policy"\} [1-9]/m, "secret samples counted as the store's policy drops");
});

void t.test("a receiver restarted mid-stream converges within one cycle", async (t) => {
  const dir = setupDir(t);
  const first = await startReceiver(writeConfig(dir, "a.yaml", 0), { logger: silentLogger });
  const port = first.link.port;
  const tx = await sender(dir, port);
  let n = 0;
  const stream = setInterval(() => tx.update([{ alias: 42, value: ++n, status: Status.Good, sourceTime: Date.now() }]), 20);
  t.teardown(async () => { clearInterval(stream); await tx.close(); });
  tx.setCatalog(TAGS);
  tx.setHealth(health());
  tx.update(initial(Date.now()));
  t.ok(await until(() => allStaticGood(first), 10_000) >= 0, "first receiver converged");
  await first.close();
  await new Promise((r) => setTimeout(r, 300)); // frames go nowhere meanwhile

  const t0 = Date.now();
  const second = await startReceiver(writeConfig(dir, "b.yaml", port), { logger: silentLogger });
  t.teardown(() => second.close());
  t.equal(second.link.port, port);
  const took = await until(async () => (await allStaticGood(second)) && (await get(second.rest, "/readyz")).status === 200, 10_000);
  const since = Date.now() - t0;
  t.ok(took >= 0, `restarted receiver converged after ${since} ms (birth and keyframe every ${CYCLE} ms)`);
  t.ok(since <= 2 * CYCLE + 2000, `within one cycle plus start-up and scheduling slack (${since} ms)`);
  const counter = (await get(second.rest, "/api/v1/tags/line1/counter")).body;
  t.ok(typeof counter.value === "number" && counter.value > 0 && counter.status === "Good", `streaming tag live: ${counter.value}`);
});

void t.test("a silent link moves statuses Uncertain -> Bad and back", async (t) => {
  const dir = setupDir(t);
  const rx = await startReceiver(writeConfig(dir, "receiver.yaml", 0), { logger: silentLogger });
  t.teardown(() => rx.close());
  let tx = await sender(dir, rx.link.port);
  t.teardown(() => tx.close());
  tx.setCatalog(TAGS);
  tx.setHealth(health());
  tx.update(initial(Date.now()));
  t.ok(await until(() => allStaticGood(rx), 10_000) >= 0, "converged");
  const before = (await get(rx.rest, "/api/v1/tags/press1/t7")).body;

  await tx.close(); // the reader goes away: no more frames of any kind
  const statusOf = async () => (await get(rx.rest, "/api/v1/tags/press1/t7")).body as Tag;
  t.ok(await until(async () => (await statusOf()).status === "UncertainNoCommunicationLastUsableValue", 5000) >= 0, "Uncertain after link.timeout");
  const unc = await statusOf();
  t.equal(unc.quality, "uncertain");
  t.equal(unc.value, before.value, "last value kept");
  t.equal(unc.sourceTime, before.sourceTime, "source time unchanged");
  t.equal((await get(rx.rest, "/readyz")).status, 503, "not ready while silent");
  t.equal((await get(rx.rest, "/api/v1/link")).body.up, false);
  t.ok(await until(async () => (await statusOf()).status === "BadNoCommunication", 5000) >= 0, "Bad after link.stale more");
  t.equal((await statusOf()).value, before.value, "value still the last one");
  t.match((await get(rx.rest, "/metrics")).body, /^sluice_tags\{quality="bad"\} 42$/m);
  t.equal((await get(rx.rest, "/api/v1/tags/line1/counter")).body.status, "BadWaitingForInitialData", "no value stays waiting");

  tx = await sender(dir, rx.link.port); // the reader restarts (new session, same catalogue)
  tx.setCatalog(TAGS);
  tx.setHealth(health());
  tx.update(initial(Date.now()));
  t.ok(await until(async () => (await statusOf()).status === "Good", 5000) >= 0, "Good again once frames and values return");
  t.ok(await until(async () => (await get(rx.rest, "/readyz")).status === 200, 5000) >= 0, "ready again");
  t.ok(await until(() => allStaticGood(rx), 5000) >= 0, "every tag recovered");
  t.equal((await get(rx.rest, "/api/v1/link")).body.sessions, 2, "two reader sessions seen");
});
