/**
 * The whole reader (startReader) against real Modbus simulators and a real
 * LinkReceiver on loopback: the catalogue crossing is the policy's, values
 * arrive scaled and exact, a killed PLC goes Uncertain then Bad and back to
 * Good while the other stays Good, health arrives in heartbeats, and 1,000
 * registers at 100 ms cost ceil(1000/125) requests per poll.
 */
import t from "tap";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { stringify } from "yaml";
import type { ReaderHealth, Sample, TagDef } from "../../../src/core/model.js";
import { silentLogger } from "../../../src/core/log.js";
import { Status, statusName } from "../../../src/core/status.js";
import { validate } from "../../../src/config/load.js";
import { ReceiverLink } from "../../../src/config/link.js";
import { keygen } from "../../../src/link/keys.js";
import { LinkReceiver } from "../../../src/link/index.js";
import { startModbusSim, type ModbusSim } from "../../../src/demo/sim/modbus.js";
import { runReader, startReader } from "../../../src/reader/main.js";

interface Teardown { teardown(fn: () => unknown): void }

async function until(what: string, cond: () => boolean, ms = 15_000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** A receiver on an ephemeral loopback port, recording what crosses. */
async function receiver(t: Teardown, dir: string) {
  keygen(join(dir, "link.key"));
  const cfg = validate(ReceiverLink, { listen: "127.0.0.1:0", key: "./link.key" }, "test receiver");
  const link = await LinkReceiver.open(structuredClone(cfg) as typeof cfg, { baseDir: dir });
  t.teardown(() => link.close());
  const rec = { link, port: link.address().port, catalog: [] as readonly TagDef[], samples: [] as (Sample & { at: number })[], health: [] as ReaderHealth[] };
  link.on("catalog", (tags: readonly TagDef[]) => { rec.catalog = tags; });
  link.on("samples", (ss: Sample[]) => { const at = Date.now(); for (const s of ss) rec.samples.push({ ...s, at }); });
  link.on("health", (h: ReaderHealth) => { rec.health.push(h); });
  return rec;
}

function tmp(t: Teardown): string {
  const dir = mkdtempSync(join(tmpdir(), "sluice-reader-it-"));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

void t.test("policy-filtered catalogue, values, kill and restart, heartbeats", async (t) => {
  const dir = tmp(t);
  const rec = await receiver(t, dir);
  let simA: ModbusSim = await startModbusSim();
  const simB = await startModbusSim();
  const portA = simA.port;
  t.teardown(async () => { await simA.close(); await simB.close(); });
  simA.holding[600] = 1234; // x0.1 -> 123.4
  simA.holding[601] = 2000; // map 0..4000 -> 0..100 -> 50
  simA.holding[602] = 7; // denied by the policy
  simB.holding[600] = 42;
  writeFileSync(join(dir, "policy.yaml"), stringify({
    version: 1,
    rules: [{ deny: "plcA/secret" }, { allow: ["plcA/*", "plcB/*"] }],
  }));
  const interval = 200;
  writeFileSync(join(dir, "reader.yaml"), stringify({
    link: { to: `127.0.0.1:${rec.port}`, key: "./link.key", heartbeat: "200ms" },
    policy: "./policy.yaml",
    sources: [
      {
        name: "plcA", protocol: "modbus", endpoint: `127.0.0.1:${portA}`, interval: `${interval}ms`, timeout: "300ms",
        backoff: { min: "100ms", max: "800ms" },
        tags: [
          { name: "temp", address: "hr:600:uint16", scale: 0.1, unit: "degC" },
          { name: "level", address: "hr:601:uint16", map: { raw: [0, 4000], eng: [0, 100] }, unit: "%" },
          { name: "secret", address: "hr:602:uint16" },
        ],
      },
      { name: "plcB", protocol: "modbus", endpoint: `127.0.0.1:${simB.port}`, interval: `${interval}ms`, tags: [{ name: "count", address: "hr:600:uint16" }] },
    ],
  }));
  const reader = await startReader(join(dir, "reader.yaml"), { logger: silentLogger });
  t.teardown(() => reader.close());

  await until("birth", () => rec.catalog.length > 0);
  t.same(rec.catalog.map((d) => [d.alias, d.path, d.type, d.unit ?? null, d.range ?? null]), [
    [0, "plcA/temp", "float64", "degC", null],
    [1, "plcA/level", "float64", "%", [0, 100]],
    [2, "plcB/count", "uint16", null, null],
  ], "the denied tag is not in the catalogue");
  const last = (alias: number) => rec.samples.filter((s) => s.alias === alias).at(-1);
  await until("values", () => [0, 1, 2].every((a) => last(a)?.status === Status.Good));
  t.equal(last(0)!.value, 123.4);
  t.equal(last(1)!.value, 50);
  t.equal(last(2)!.value, 42);
  t.notOk(rec.samples.some((s) => s.alias > 2), "nothing else crossed");

  await until("heartbeat with both sources up and polled", () => rec.health.at(-1)?.sources.filter((s) => s.state === "up" && s.pollsOk > 0).length === 2);
  const h = rec.health.at(-1)!;
  t.equal(h.policyHash, reader.health().policyHash);
  t.not(h.policyHash, "allow-all");
  t.same(h.sources.map((s) => [s.name, s.protocol]), [["plcA", "modbus"], ["plcB", "modbus"]]);
  t.ok(h.sources[0]!.pollsOk > 0 && h.sources[0]!.lastPollTime! > 0);

  await simA.close();
  await until("plcA Bad", () => last(0)?.status === Status.BadNoCommunication, 10_000);
  const seqA = rec.samples.filter((s) => s.alias === 0 && s.status !== Status.Good);
  const unc = seqA.find((s) => s.status === Status.UncertainNoCommunicationLastUsableValue);
  const bad = seqA.find((s) => s.status === Status.BadNoCommunication)!;
  t.ok(unc, `Uncertain first (${seqA.map((s) => statusName(s.status)).join(" -> ")})`);
  t.ok(bad.sourceTime - unc!.sourceTime <= 2 * interval + 100, `Bad ${bad.sourceTime - unc!.sourceTime} ms after Uncertain`);
  t.equal(bad.value, 123.4, "last value kept");
  await until("down in a heartbeat", () => rec.health.at(-1)?.sources[0]?.state === "down");
  t.match(rec.health.at(-1)!.sources[0]!.lastError, /./);
  t.equal(last(2)!.status, Status.Good, "plcB still Good");

  simA = await startModbusSim({ port: portA });
  simA.holding[600] = 1000;
  await until("plcA Good again", () => last(0)?.status === Status.Good && last(0)?.value === 100, 10_000);
  const b = rec.samples.filter((s) => s.alias === 2);
  const firstGood = b.findIndex((s) => s.status === Status.Good);
  t.ok(firstGood >= 0 && b.slice(firstGood).every((s) => s.status === Status.Good), "plcB never left Good once up");
});

void t.test("1,000 holding registers at 100 ms: 8 requests per poll at the server, exact values at the receiver", async (t) => {
  const dir = tmp(t);
  const rec = await receiver(t, dir);
  const sim = await startModbusSim({ size: 2000 });
  t.teardown(() => sim.close());
  const N = 1000;
  const expected = (i: number) => (i * 7919 + 3) & 0xffff;
  for (let i = 0; i < N; i++) sim.holding[1000 + i] = expected(i);
  writeFileSync(join(dir, "reader.yaml"), stringify({
    link: { to: `127.0.0.1:${rec.port}`, key: "./link.key" },
    policy: "allow-all",
    sources: [{
      name: "big", protocol: "modbus", endpoint: `127.0.0.1:${sim.port}`, interval: "100ms",
      tags: Array.from({ length: N }, (_, i) => ({ name: `r${i}`, address: `hr:${1000 + i}:uint16` })),
    }],
  }));
  const reader = await startReader(join(dir, "reader.yaml"), { logger: silentLogger });
  t.teardown(() => reader.close());
  await until("every value", () => new Set(rec.samples.filter((s) => s.status === Status.Good).map((s) => s.alias)).size === N);
  await until("ten polls", () => (reader.health().sources[0]?.pollsOk ?? 0) >= 10);
  const polls = reader.health().sources[0]!.pollsOk;
  const requests = sim.stats.requests;
  t.comment(`runReader modbus: ${N} registers at 100 ms: ${requests} requests for ${polls} completed polls (${Math.ceil(N / 125)} per poll expected)`);
  t.ok(requests >= 8 * polls && requests <= 8 * polls + 8, `${requests} requests within one poll of 8 x ${polls}`);
  const byPath = new Map(rec.catalog.map((d) => [d.alias, d.path]));
  const exact = new Set<number>();
  let wrong = 0;
  for (const s of rec.samples) {
    if (s.status !== Status.Good) continue;
    const i = Number(byPath.get(s.alias)!.slice("big/r".length));
    if (s.value === expected(i)) exact.add(i);
    else wrong++;
  }
  t.equal(exact.size, N, "every value arrived exact");
  t.equal(wrong, 0, "no other value arrived");
});

void t.test("a bad configuration is refused before anything starts", async (t) => {
  const dir = tmp(t);
  writeFileSync(join(dir, "reader.yaml"), stringify({
    link: { to: "127.0.0.1:9", key: "./missing.key" },
    policy: "allow-all",
    sources: [{ name: "a", protocol: "modbus", endpoint: "127.0.0.1:1", interval: "1s", tags: [{ name: "t", address: "hr:zz" }] }],
  }));
  await t.rejects(startReader(join(dir, "reader.yaml"), { logger: silentLogger }), { code: "SLUICE_ERR_CONFIG", message: /sources\[0\]\.tags\[0\]\.address: / });
  writeFileSync(join(dir, "reader2.yaml"), stringify({
    link: { to: "127.0.0.1:9", key: "./missing.key" },
    policy: "./no-such-policy.yaml",
    sources: [{ name: "a", protocol: "modbus", endpoint: "127.0.0.1:1", interval: "1s", tags: [{ name: "t", address: "hr:0" }] }],
  }));
  await t.rejects(startReader(join(dir, "reader2.yaml"), { logger: silentLogger }), { code: "SLUICE_ERR_POLICY" });
});

void t.test("reload: a policy that now denies a tag takes it out of the catalogue and stops its values", async (t) => {
  const dir = tmp(t);
  const rec = await receiver(t, dir);
  const sim = await startModbusSim();
  t.teardown(() => sim.close());
  const policy = (rules: unknown[]) => writeFileSync(join(dir, "policy.yaml"), stringify({ version: 1, rules }));
  policy([{ allow: "p/*" }]);
  writeFileSync(join(dir, "reader.yaml"), stringify({
    link: { to: `127.0.0.1:${rec.port}`, key: "./link.key", heartbeat: "100ms" },
    policy: "policy.yaml",
    sources: [{ name: "p", protocol: "modbus", endpoint: `127.0.0.1:${sim.port}`, interval: "100ms",
      tags: [{ name: "a", address: "hr:700" }, { name: "b", address: "hr:701" }] }],
  }));
  const reader = await startReader(join(dir, "reader.yaml"), { logger: silentLogger });
  t.teardown(() => reader.close());
  await until("birth with both", () => rec.catalog.length === 2 && rec.health.length > 0);
  const hash0 = rec.health.at(-1)!.policyHash;
  policy([{ allow: "p/a" }]);
  reader.reload();
  await until("birth without p/b", () => rec.catalog.length === 1);
  t.same(rec.catalog.map((d) => d.path), ["p/a"]);
  t.same(reader.catalog().map((d) => d.path), ["p/a"]);
  await until("new policy hash in a heartbeat", () => rec.health.at(-1)!.policyHash !== hash0);
  sim.holding[700] = 5;
  sim.holding[701] = 6;
  await until("p/a's new value", () => rec.samples.some((s) => s.value === 5));
  t.notOk(rec.samples.some((s) => s.value === 6), "p/b's new value never crossed");
  const hash1 = reader.health().policyHash;
  policy([{ allow: "p/*", bogus: true }]);
  reader.reload(); // an invalid policy keeps the one in force (reload is synchronous up to the policy)
  t.equal(reader.health().policyHash, hash1, "invalid policy not taken");
  t.same(reader.catalog().map((d) => d.path), ["p/a"]);
});

void t.test("runReader resolves when its signal aborts", async (t) => {
  const dir = tmp(t);
  const rec = await receiver(t, dir);
  const sim = await startModbusSim();
  t.teardown(() => sim.close());
  writeFileSync(join(dir, "reader.yaml"), stringify({
    link: { to: `127.0.0.1:${rec.port}`, key: "./link.key" },
    policy: "allow-all",
    sources: [{ name: "p", protocol: "modbus", endpoint: `127.0.0.1:${sim.port}`, interval: "100ms", tags: [{ name: "a", address: "hr:700" }] }],
  }));
  const ac = new AbortController();
  let ended = false;
  const running = runReader(join(dir, "reader.yaml"), { logger: silentLogger, signal: ac.signal }).then(() => { ended = true; });
  await until("values", () => rec.samples.some((s) => s.status === Status.Good));
  t.equal(ended, false, "still running");
  ac.abort();
  await running;
  t.equal(ended, true);
});
