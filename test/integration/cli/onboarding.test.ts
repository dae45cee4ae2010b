/**
 * README "Onboarding a plant", word for word: the two shell blocks are taken out of
 * README.md and run with bash in a temp dir (with `sluice` on PATH), against the
 * project's OPC UA and Logix simulators and a real receiver; only the values of PLC,
 * LOGIX and DMZ in the first lines are replaced. Block one browses, writes and checks
 * a reader file and starts the reader; block two adds the Logix source and sends SIGHUP.
 * Needs dist/ (npm test builds it first; by hand: npm run build).
 */
import t from "tap";
import { spawn, spawnSync } from "node:child_process";
import { createSocket } from "node:dgram";
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { stringify } from "yaml";
import { silentLogger } from "../../../src/core/log.js";
import { startReceiver } from "../../../src/receiver/main.js";
import { ENIP_SIM_TAGS, startEnipSim } from "../../../src/demo/sim/enip/index.js";
import { startOpcuaSim } from "../../../src/demo/sim/opcua.js";
import { pollUntil, restTags, type RestTag } from "../../fixtures/pipeline/wait.js";
// several node-opcua clients and servers start here: on a loaded 2-core machine this file can outlast the default 120 s
t.setTimeout(300_000);

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
if (!existsSync(join(ROOT, "dist", "cli", "main.js"))) throw new Error("dist/ is not built: run `npm run build` first");
const LOGIX_HOST = "127.0.78.20";

function block(name: string): string {
  const readme = readFileSync(join(ROOT, "README.md"), "utf8");
  const m = new RegExp(`<!-- onboarding:${name} -->\\s*\`\`\`sh\\n([\\s\\S]*?)\`\`\``).exec(readme);
  if (!m) throw new Error(`README.md has no onboarding:${name} block`);
  return m[1]!;
}

const dir = mkdtempSync(join(tmpdir(), "sluice-onboarding-"));
const bin = join(dir, "bin");
spawnSync("mkdir", [bin]);
writeFileSync(join(bin, "sluice"), `#!/bin/sh\nexec ${process.execPath} ${join(ROOT, "bin", "sluice.js")} "$@"\n`);
chmodSync(join(bin, "sluice"), 0o755);
const work = join(dir, "plant");
spawnSync("mkdir", [work]);
let readerPid: number | null = null;
const killReader = () => {
  if (readerPid !== null) try { process.kill(readerPid, "SIGTERM"); } catch { /* gone */ }
  readerPid = null;
};
// the reader is bash's background job, not our child: stop it even if tap ends this file early
process.once("exit", killReader);
process.once("SIGTERM", () => { killReader(); process.exit(1); });
t.teardown(() => {
  killReader();
  rmSync(dir, { recursive: true, force: true });
});

const ua = await startOpcuaSim({ pki: join(dir, "sim-pki") });
t.teardown(() => ua.close());
const logix = await startEnipSim({ host: LOGIX_HOST });
t.teardown(() => logix.close());
const linkPort = await new Promise<number>((resolve) => {
  const s = createSocket("udp4");
  s.bind(0, "127.0.0.1", () => { const p = s.address().port; s.close(() => resolve(p)); });
});

/** Async: the simulators live in this process and must keep answering while bash runs. */
function run(script: string): Promise<{ code: number | null; out: string }> {
  const vars = script
    .replace(/^PLC=\S+/m, `PLC=${ua.endpointUrl}`)
    .replace(/^LOGIX=\S+/m, `LOGIX=${LOGIX_HOST}`)
    .replace(/^DMZ=\S+/m, `DMZ=127.0.0.1:${linkPort}`);
  const child = spawn("bash", ["-e", "-c", vars], { cwd: work, env: { ...process.env, PATH: `${bin}:${process.env.PATH ?? ""}` }, stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  child.stdout.on("data", (d: Buffer) => { out += d.toString(); });
  child.stderr.on("data", (d: Buffer) => { out += d.toString(); });
  const timer = setTimeout(() => child.kill("SIGKILL"), 120_000);
  return new Promise((resolve) => child.on("exit", (code) => { clearTimeout(timer); resolve({ code, out }); }));
}

const isGood = (x: RestTag) => x.status === "Good";

void t.test("browse -> edit -> check -> run, then reload with a second device", async (t) => {
  const first = await run(block("run"));
  t.equal(first.code, 0, `the first block runs (exit ${first.code}): ${first.out.slice(-400)}`);
  t.match(first.out, /reader\.yaml: valid reader file/, "sluice check passes");
  if (first.code !== 0) t.comment(readFileSync(join(work, "reader.yaml"), "utf8").slice(0, 1500));
  readerPid = Number(readFileSync(join(work, "reader.pid"), "utf8"));
  writeFileSync(join(dir, "receiver.yaml"), stringify({
    link: { listen: `127.0.0.1:${linkPort}`, key: join(work, "link.key"), timeout: "3s", stale: "6s" },
    policy: "allow-all", rest: { listen: "127.0.0.1:0" }, opcua: { port: 0, host: "127.0.0.1", security: { modes: ["None"] }, allowAnonymous: true, pki: join(dir, "rx-pki") },
  }));
  const receiver = await startReceiver(join(dir, "receiver.yaml"), { logger: silentLogger });
  t.teardown(() => receiver.close());

  const line1 = readFileSync(join(work, "line1.yaml"), "utf8");
  const want1 = [...line1.matchAll(/^\s+- name: (\S+)$/gm)].map((m) => `line1/${m[1]}`).filter((p) => p !== "line1/line1");
  t.ok(want1.some((p) => p.endsWith("Line1.Temp")), `the OPC UA listing has Line1.Temp (${want1.length} tags)`);
  let tags: RestTag[] = [];
  const up = await pollUntil(async () => {
    tags = await restTags(receiver.rest);
    const moving = tags.filter((x) => /Line1\./.test(x.path));
    return tags.length === want1.length && moving.length >= 4 && moving.every(isGood);
  }, 60_000, 250);
  t.ok(up, `line 1 served: ${tags.length}/${want1.length} tags, Line1.* Good (${tags.filter((x) => /Line1\./.test(x.path) && !isGood(x)).map((x) => `${x.path}=${x.status}`).join(", ") || "all Good"})`);

  const second = await run(block("reload"));
  t.equal(second.code, 0, `the reload block runs: ${second.out.slice(-400)}`);
  const want2 = ENIP_SIM_TAGS.map((x) => x.name.replace(/[^A-Za-z0-9_.-]/g, "_").replace(/_+$/, ""));
  const both = await pollUntil(async () => {
    tags = await restTags(receiver.rest);
    const l2 = new Map(tags.filter((x) => x.source === "line2").map((x) => [x.name, x]));
    return want2.every((n) => l2.get(n)?.status === "Good") ? l2 : null;
  }, 60_000, 250);
  t.ok(both, `every Logix tag of the simulator's list Good after the reload; missing or not Good: ${want2.filter((n) => !tags.some((x) => x.path === `line2/${n}` && isGood(x))).join(", ") || "none"}`);
  t.ok(tags.filter((x) => /line1\/.*Line1\./.test(x.path)).every(isGood), "line 1 still Good");
  const log = readFileSync(join(work, "reader.log"), "utf8");
  t.match(log, /sources reloaded.*|"started":\["line2"\]/, "the reader logged the reload");
  t.match(log, /"started":\["line2"\]/, "line 2 started");
  t.match(log, /"kept":\["line1"\]/, "line 1 kept its runner");
  t.notMatch(readFileSync(join(work, "line1.yaml"), "utf8"), /Creating default certificate|NODE-OPCUA/, "the listing holds only YAML (library chatter went to stderr)");
});
