/**
 * Crossing-policy acceptance (DESIGN invariant 4, "fail closed"), at the process level:
 *
 *   Modbus sim ──▶ startReader (policy: deny press1/secret) ──UDP──▶ LinkTap (test's socket; decodes everything)
 *                                                                     ├──▶ receiver A: the same policy
 *                                                                     └──▶ receiver B: stricter (also denies press1/count)
 *
 * - every datagram authenticates; no birth, keyframe, delta or plaintext byte carries
 *   press1/secret, its description or its value 4711 (hr:10 in the sim);
 * - A never serves press1/secret; B never serves press1/count, counts the dropped
 *   samples and reports the policy-hash mismatch in /metrics, /api/v1/link and the log;
 * - reload() (what SIGHUP calls) on B, then on the reader, swaps the policy while the
 *   link stays up in the same session; an invalid file keeps the policy in force;
 * - without `policy:` neither side starts (exit-2 class); `policy: allow-all` starts
 *   with a warning.
 */
import t from "tap";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { stringify } from "yaml";
import { isSluiceError } from "../../../src/core/errors.js";
import { keygen, loadKey } from "../../../src/link/keys.js";
import { startReader } from "../../../src/reader/main.js";
import { startReceiver, type ReceiverHandle } from "../../../src/receiver/main.js";
import { startModbusSim } from "../../../src/demo/sim/modbus.js";
import { LinkTap, type TapReport } from "../../fixtures/policy/link-tap.js";
import {
  ERROR, WARN, captureLogger, freeUdpPort, getJson, link, metric, pollLink, tagPaths, tagStatus, udpPortFree, until, type TagJson,
} from "../../fixtures/policy/harness.js";

const SECRET = "press1/secret";
const SECRET_NOTE = "recipe code: denied by the policy, never crosses";
const READER_RULES = [{ label: "press1-secret", deny: SECRET }, { label: "press1-all", allow: "press1/*" }];
const STRICT_RULES = [{ label: "press1-secret-count", deny: [SECRET, "press1/count"] }, { label: "press1-all", allow: "press1/*" }];
const REJECTED_POLICY = 'sluice_receiver_samples_dropped_total{reason="policy"}';

interface Teardown { teardown(fn: () => unknown): void }

function tmp(t: Teardown): string {
  const dir = mkdtempSync(join(tmpdir(), "sluice-policy-it-"));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  keygen(join(dir, "link.key"));
  return dir;
}

const writePolicy = (file: string, rules: unknown[]) => writeFileSync(file, stringify({ version: 1, rules }));

function readerYaml(dir: string, name: string, to: number, simPort: number, policy: string | undefined): string {
  const file = join(dir, name);
  writeFileSync(file, stringify({
    link: { to: `127.0.0.1:${to}`, key: "./link.key", birth: "300ms", keyframe: "200ms", heartbeat: "100ms" },
    ...(policy === undefined ? {} : { policy }),
    sources: [{
      name: "press1", protocol: "modbus", endpoint: `127.0.0.1:${simPort}`, interval: "100ms",
      tags: [
        { name: "temperature", address: "hr:0:int16", scale: 0.1, unit: "degC" },
        { name: "count", address: "hr:4:uint32" },
        { name: "secret", address: "hr:10:uint16", description: SECRET_NOTE },
      ],
    }],
  }));
  return file;
}

function receiverYaml(dir: string, name: string, policy: string | undefined, listen = "127.0.0.1:0"): string {
  const file = join(dir, name);
  writeFileSync(file, stringify({
    link: { listen, key: "./link.key" },
    ...(policy === undefined ? {} : { policy }),
    rest: { listen: "127.0.0.1:0" },
    opcua: { enabled: false },
    history: { samples: 100 },
  }));
  return file;
}

function summary(r: TapReport): string {
  return `${r.datagrams} datagrams (${r.dataDatagrams} data, ${r.repairDatagrams} FEC repair; ${r.authenticated} authenticated), `
    + `${r.frames} frames (${r.kinds.birth} birth, ${r.kinds.keyframe} keyframe, ${r.kinds.delta} delta, ${r.kinds.heartbeat} heartbeat), `
    + `${r.samples} samples decoded`;
}

void t.test("a denied tag never crosses; a stricter receiver drops more; reload keeps the link", async (t) => {
  const dir = tmp(t);
  const sim = await startModbusSim({ tickMs: 100 });
  t.teardown(() => sim.close());
  t.equal(sim.holding[10], 4711, "the sim holds the secret's value at hr:10");

  const tap = await LinkTap.open(loadKey(join(dir, "link.key")), { paths: [SECRET], strings: ["secret", SECRET_NOTE], values: [4711] });
  t.teardown(() => tap.close());

  const readerPolicy = join(dir, "reader-policy.yaml");
  const policyA = join(dir, "a-policy.yaml");
  const policyB = join(dir, "b-policy.yaml");
  writePolicy(readerPolicy, READER_RULES);
  writePolicy(policyA, READER_RULES);
  writePolicy(policyB, STRICT_RULES);

  const logA = captureLogger();
  const logB = captureLogger();
  const logR = captureLogger();
  const rxA = await startReceiver(receiverYaml(dir, "a.yaml", "./a-policy.yaml"), { logger: logA.logger });
  t.teardown(() => rxA.close());
  const rxB = await startReceiver(receiverYaml(dir, "b.yaml", "./b-policy.yaml"), { logger: logB.logger });
  t.teardown(() => rxB.close());
  tap.forwardTo(rxA.link.port);
  tap.forwardTo(rxB.link.port);

  const reader = await startReader(readerYaml(dir, "reader.yaml", tap.port, sim.port, "./reader-policy.yaml"), { logger: logR.logger });
  t.teardown(() => reader.close());
  const session = reader.sessionId.toString(16).padStart(16, "0");
  const readerHash = reader.health().policyHash;
  t.same(reader.catalog().map((d) => d.path), ["press1/temperature", "press1/count"], "the reader's catalogue leaves the secret out");

  await t.test("captured datagrams: all authenticated, the secret in none", async (t) => {
    await until("3 birth, 3 keyframe, 3 heartbeat cycles and deltas", () =>
      tap.kinds.birth >= 3 && tap.kinds.keyframe >= 3 && tap.kinds.heartbeat >= 3 && tap.kinds.delta >= 2, 15_000);
    const r = tap.analyse();
    t.comment(`phase 1 checked: ${summary(r)}`);
    t.same(r.findings, [], "no finding in any datagram or frame");
    t.equal(r.authenticated, r.datagrams, "every datagram authenticated");
    t.ok(r.datagrams >= 10 && r.samples > 0, "enough was captured to mean something");
    t.same(Object.values(r.rejected).reduce((a, b) => a + b, 0), 0, "the receive pipeline rejected nothing");
    t.same(r.sessions, [session], "one session: the reader's");
    const cats = Object.values(r.catalogues);
    t.equal(cats.length, 1, "one catalogue");
    t.same(cats[0], ["press1/temperature", "press1/count"], "the birth catalogue: temperature and count, no secret");
    t.same(r.policyHashes, [readerHash], "heartbeats carry the reader's policy hash");
  });

  await t.test("receiver A (same policy): the secret is not served, the rest is Good", async (t) => {
    const temp = await until("press1/temperature Good on A", async () => {
      const r = await getJson<TagJson>(rxA.rest, "/api/v1/tags/press1/temperature");
      return r.status === 200 && r.body.status === "Good" ? r.body : null;
    });
    t.equal(typeof temp.value, "number");
    t.equal(await tagStatus(rxA.rest, SECRET), 404, "/api/v1/tags/press1/secret is 404");
    t.same(await tagPaths(rxA.rest), ["press1/count", "press1/temperature"], "/api/v1/tags: no secret");
    const l = await link(rxA.rest);
    t.match(l.policy, { local: readerHash, remote: readerHash, mismatch: false }, "hashes agree");
    t.equal(await metric(rxA.rest, "sluice_policy_mismatch"), 0);
    t.equal(await metric(rxA.rest, REJECTED_POLICY), 0, "nothing for A's policy to drop");
    t.equal(logA.find(/crossing policy differs/).length, 0, "no mismatch logged on A");
  });

  const strictHash = (await link(rxB.rest)).policy.local;
  /** Let two more birth cycles (and their keyframes and heartbeats) cross while `poll` watches the link. */
  const cycles = async (poll: { readonly reads: number }) => {
    const births = tap.kinds.birth;
    const reads = poll.reads;
    await until("two more birth cycles", () => tap.kinds.birth >= births + 2 && poll.reads >= reads + 10);
  };
  await t.test("receiver B (stricter): count is dropped and counted, the mismatch shows everywhere", async (t) => {
    t.not(strictHash, readerHash, "the strict policy has its own hash");
    await until("press1/temperature Good on B", async () =>
      (await getJson<TagJson>(rxB.rest, "/api/v1/tags/press1/temperature")).body.status === "Good");
    t.equal(await tagStatus(rxB.rest, "press1/count"), 404, "/api/v1/tags/press1/count is 404");
    t.equal(await tagStatus(rxB.rest, SECRET), 404);
    t.same(await tagPaths(rxB.rest), ["press1/temperature"]);
    const dropped = await until("policy drops in /metrics", async () => {
      const n = await metric(rxB.rest, REJECTED_POLICY);
      return n !== undefined && n > 0 ? n : 0;
    });
    t.ok(dropped > 0, `${REJECTED_POLICY} = ${dropped}`);
    await until("more drops as keyframes repeat", async () => ((await metric(rxB.rest, REJECTED_POLICY)) ?? 0) > dropped);
    t.equal(await metric(rxB.rest, "sluice_policy_mismatch"), 1, "sluice_policy_mismatch 1");
    const l = await link(rxB.rest);
    t.match(l.policy, { local: strictHash, remote: readerHash, mismatch: true }, "/api/v1/link shows both hashes and the mismatch");
    t.equal(l.rejected.policy, undefined, "the link's datagram rejects do not count store drops");
    t.equal(await metric(rxB.rest, 'sluice_link_datagrams_rejected_total{reason="policy"}'), undefined, "nor does its metric");
    const warned = logB.find(/crossing policy differs between reader and receiver/, WARN);
    t.equal(warned.length, 1, "one warning, not one per heartbeat");
    t.match(warned[0], { reader: readerHash, receiver: strictHash });
    const sources = await getJson<{ reader: { policyHash: string } | null }>(rxB.rest, "/api/v1/sources");
    t.equal(sources.body.reader?.policyHash, readerHash, "/api/v1/sources relays the reader's hash");
    t.ok((l.policy.blocked as Record<string, number>).denied! > 0, "the receiver's own policy counter counts the denied tag's samples");
    t.ok((await metric(rxB.rest, 'sluice_receiver_policy_blocked_total{reason="denied"}'))! > 0, "and so does its metric");
    t.comment(`B: ${dropped}+ samples dropped; receiver policy counter: ${JSON.stringify(l.policy.blocked)}`);
  });

  await t.test("reload on the receiver: the mismatch clears, count appears, the link never drops", async (t) => {
    const poll = pollLink(rxB.rest);
    writePolicy(policyB, READER_RULES);
    rxB.reload();
    t.equal((await link(rxB.rest)).policy.local, readerHash, "the new policy is in force at once");
    const count = await until("press1/count Good on B", async () => {
      const r = await getJson<TagJson>(rxB.rest, "/api/v1/tags/press1/count");
      return r.status === 200 && r.body.status === "Good" ? r.body : null;
    });
    t.equal(typeof count.value, "number");
    t.equal(await metric(rxB.rest, "sluice_policy_mismatch"), 0, "sluice_policy_mismatch back to 0");
    t.match((await link(rxB.rest)).policy, { local: readerHash, remote: readerHash, mismatch: false });
    t.match(logB.find(/^crossing policy reloaded$/)[0], { hash: readerHash, previousHash: strictHash }, "the reload is logged with both hashes");
    t.equal(logB.find(/crossing policy now matches the reader's/).length, 1, "a receiver-side reload that clears the mismatch is logged once");

    const tagsBefore = await tagPaths(rxB.rest);
    writeFileSync(policyB, "version: 1\nrules:\n  - { allow: \"press1/*\", bogus: 1 }\n");
    rxB.reload();
    t.same(await tagPaths(rxB.rest), tagsBefore, "an invalid file changes nothing");
    t.equal((await link(rxB.rest)).policy.local, readerHash, "the previous policy stays in force");
    t.match(logB.find(/reload rejected/, ERROR)[0], { hash: readerHash, err: /bogus/ }, "the rejection is logged as an error");
    await cycles(poll);
    t.same(await tagPaths(rxB.rest), tagsBefore, "still the same tags after two more birth cycles");

    const seen = await poll.stop();
    t.ok(seen.length >= 10, `${seen.length} reads of /api/v1/link during the reloads`);
    t.ok(seen.every((s) => s.up), "up stayed true throughout");
    t.ok(seen.every((s) => s.sessionId === session), "sessionId unchanged throughout");
  });

  await t.test("reload on the reader: same session, a new catalogue, A now reports the mismatch", async (t) => {
    const poll = pollLink(rxA.rest);
    writePolicy(readerPolicy, STRICT_RULES);
    reader.reload();
    t.equal(reader.health().policyHash, strictHash, "the reader holds the stricter policy");
    await until("press1/count gone from A", async () => (await tagStatus(rxA.rest, "press1/count")) === 404);
    t.same(await tagPaths(rxA.rest), ["press1/temperature"]);
    await until("the mismatch on A", async () => (await metric(rxA.rest, "sluice_policy_mismatch")) === 1);
    t.match((await link(rxA.rest)).policy, { local: readerHash, remote: strictHash, mismatch: true });
    t.match(logA.find(/crossing policy differs/, WARN)[0], { reader: strictHash, receiver: readerHash });
    t.equal(reader.sessionId.toString(16).padStart(16, "0"), session, "the reader kept its link session");

    writeFileSync(readerPolicy, "version: 1\nrules:\n  - { deny: \"press1/[secret\" }\n");
    reader.reload();
    t.equal(reader.health().policyHash, strictHash, "an invalid reader policy is not taken");
    t.match(logR.find(/reload rejected/, ERROR)[0], { hash: strictHash }, "the reader logs the rejection");
    await cycles(poll);
    t.same(reader.catalog().map((d) => d.path), ["press1/temperature"], "the reader's catalogue is unchanged");
    t.same(await tagPaths(rxA.rest), ["press1/temperature"], "so is A's");
    t.equal((await link(rxA.rest)).policy.remote, strictHash, "heartbeats still carry the policy in force");

    const seen = await poll.stop();
    t.ok(seen.length >= 10 && seen.every((s) => s.up && s.sessionId === session), `A: up in session ${session} in all ${seen.length} reads`);
    t.equal((await link(rxA.rest)).sessions, 1, "A saw one reader session");
  });

  await t.test("the whole run, decoded: nothing of the secret, ever", async (t) => {
    await reader.close();
    const r = tap.analyse();
    t.comment(`whole run checked: ${summary(r)}`);
    t.same(r.findings, [], "no finding in any datagram or frame");
    t.equal(r.authenticated, r.datagrams);
    t.same(r.sessions, [session]);
    t.same(Object.values(r.catalogues).sort((a, b) => a.length - b.length), [["press1/temperature"], ["press1/temperature", "press1/count"]],
      "two catalogues, before and after the reader's reload");
    t.same(r.policyHashes, [readerHash, strictHash]);
  });
});

void t.test("no policy, no start; allow-all starts with a warning", async (t) => {
  const dir = tmp(t);
  const sim = await startModbusSim();
  t.teardown(() => sim.close());
  const port = await freeUdpPort();

  const refused = async (start: () => Promise<{ close(): Promise<void> }>) => {
    try {
      const h = await start();
      await h.close();
      return null;
    } catch (e) {
      return e;
    }
  };
  for (const [side, start] of [
    ["reader", () => startReader(readerYaml(dir, "r-none.yaml", port, sim.port, undefined), { logger: captureLogger().logger })],
    ["receiver", () => startReceiver(receiverYaml(dir, "rx-none.yaml", undefined, `127.0.0.1:${port}`), { logger: captureLogger().logger })],
  ] as const) {
    const err = await refused(start);
    t.ok(isSluiceError(err) && (err.code === "SLUICE_ERR_CONFIG" || err.code === "SLUICE_ERR_POLICY"), `${side}: refused (${String(err)})`);
    t.equal(isSluiceError(err) && err.exitCode, 2, `${side}: exit code 2`);
    t.match(String(err), /\bpolicy\b.*(required|no crossing policy)/, `${side}: the message names the policy field`);
    t.ok(await udpPortFree(port), `${side}: nothing bound the link port`);
  }

  const logR = captureLogger();
  const logX = captureLogger();
  const rx: ReceiverHandle = await startReceiver(receiverYaml(dir, "rx-all.yaml", "allow-all"), { logger: logX.logger });
  t.teardown(() => rx.close());
  // The same tap as above, as a control: with allow-all it must see the secret everywhere.
  const tap = await LinkTap.open(loadKey(join(dir, "link.key")), { paths: [SECRET], strings: ["secret", SECRET_NOTE], values: [4711] });
  t.teardown(() => tap.close());
  tap.forwardTo(rx.link.port);
  const reader = await startReader(readerYaml(dir, "r-all.yaml", tap.port, sim.port, "allow-all"), { logger: logR.logger });
  t.teardown(() => reader.close());
  for (const [side, log] of [["reader", logR], ["receiver", logX]] as const) {
    t.match(log.find(/allow-all/, WARN)[0], { policy: "allow-all" }, `${side}: allow-all is logged as a warning`);
  }
  t.equal(reader.health().policyHash, "allow-all");
  t.same(reader.catalog().map((d) => d.path), ["press1/temperature", "press1/count", SECRET], "allow-all lets everything cross");
  await until("the secret on an allow-all receiver (the control case)", async () => (await tagStatus(rx.rest, SECRET)) === 200);
  // the tag is served from its catalogue entry on; its first value follows with the next frame
  await until("the secret's first value (the control case)", async () => (await getJson<TagJson>(rx.rest, `/api/v1/tags/${SECRET}`)).body.value !== null);
  const secret = await getJson<TagJson>(rx.rest, `/api/v1/tags/${SECRET}`);
  t.equal(secret.body.value, 4711, "with allow-all the secret's value crosses");
  await until("a keyframe with the secret", () => tap.kinds.keyframe >= 1 && tap.kinds.birth >= 1);
  const f = tap.analyse().findings;
  t.comment(`control tap: ${f.length} findings`);
  for (const [what, re] of [
    ["the birth", /birth frame \d+: birth names press1\/secret/],
    ["a sample", /keyframe frame \d+: a sample of press1\/secret/],
    ["the decoded value", /carries the forbidden value 4711/],
    ["the raw value column", /raw value column holds 4711/],
    ["the name in a datagram's plaintext", /datagram seq \d+: plaintext contains "secret"/],
    ["the description in a datagram's plaintext", /plaintext contains "recipe code/],
  ] as const) t.ok(f.some((x) => re.test(x)), `the control tap detects the secret in ${what}`);
});
