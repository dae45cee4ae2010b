/**
 * Acceptance: `sluice demo` (what `npm start` runs), started as a child process
 * the way a newcomer starts it, serves changing Good values over REST and OPC
 * UA from all four protocols, keeps the denied tag out, and stops cleanly on
 * Ctrl-C (SIGINT, exit 0).
 *
 *   node bin/sluice.js demo ──stdout──▶ REST and OPC UA URLs ──▶ GET /api/v1/tags, /sources ──▶ OPC UA Read
 *                         ◀──SIGINT── exit 0
 *
 * The demo prefers fixed ports (47100, 8080, 4840, Logix on 127.0.0.77-79) and
 * falls back to free ones, so every address is taken from what it prints.
 * Needs dist/ (npm test builds it first; by hand: npm run build).
 */
import t from "tap";
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { pollUntil, restSources, restTags, since, type RestTag } from "../../fixtures/pipeline/wait.js";
import { uaConnect } from "../../fixtures/pipeline/ua.js";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const BIN = join(ROOT, "bin", "sluice.js");
const COUNTERS = ["press1/count", "s7plc/counter", "logix/counter", "line1/count"];
const SOURCES = { press1: "modbus", line1: "opcua", s7plc: "s7", logix: "enip" } as const;

if (!existsSync(join(ROOT, "dist", "cli", "main.js"))) throw new Error("dist/ is not built: run `npm run build` first");

const t0 = Date.now();
const child = spawn(process.execPath, [BIN, "demo", "--duration", "60"], {
  cwd: ROOT, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, SLUICE_LOG_LEVEL: "warn" },
});
let stdout = "";
let stderr = "";
child.stdout.setEncoding("utf8").on("data", (s: string) => { stdout += s; });
child.stderr.setEncoding("utf8").on("data", (s: string) => { stderr = (stderr + s).slice(-8000); });
const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
  child.once("exit", (code, signal) => resolve({ code, signal }));
});
let exitInfo: { code: number | null; signal: NodeJS.Signals | null } | null = null;
void exited.then((e) => { exitInfo = e; });
t.teardown(() => { if (exitInfo === null) child.kill("SIGKILL"); });

const why = () => `\n--- demo stdout ---\n${stdout.slice(0, 3000)}\n--- demo stderr (tail) ---\n${stderr.slice(-3000)}`;

// The URLs, as the demo prints them (src/demo/index.ts).
const urls = await pollUntil(async () => {
  const rest = /^\s*REST\s*:\s*(http:\/\/\S+?)\/api\/v1\/tags\s*$/m.exec(stdout)?.[1];
  const opcua = /^\s*OPC UA\s*:\s*(opc\.tcp:\/\/\S+)/m.exec(stdout)?.[1];
  if (rest && opcua) return { rest, opcua };
  return exitInfo === null ? null : { exited: exitInfo };
}, 60_000, 100);
if (urls === null || "exited" in urls) {
  throw new Error(`the demo printed no REST/OPC UA URLs within 60 s (${JSON.stringify(urls)})${why()}`);
}
t.comment(`demo URLs after ${since(t0)}: ${urls.rest}  ${urls.opcua}`);

void t.test("The demo, started as a child process, serves changing Good values over REST and OPC UA", async (t) => {
  const tStart = Date.now();
  let last: RestTag[] = [];
  const good = await pollUntil(async () => {
    last = await restTags(urls.rest);
    return last.length > 0 && last.every((x) => x.quality === "good" && x.status === "Good") ? last : null;
  }, 40_000, 200);
  t.ok(good, `every tag Good within 40 s (${since(tStart)}); last seen: ${last.filter((x) => x.status !== "Good").map((x) => `${x.path}=${x.status}`).join(", ") || "none"}`);
  if (!good) return;
  t.comment(`all ${good.length} tags Good ${since(t0)} after spawn`);
  const paths = good.map((x) => x.path);
  t.notOk(paths.includes("press1/secret"), "press1/secret is denied by the policy and never crosses");
  for (const p of COUNTERS) t.ok(paths.includes(p), `${p} is served`);

  // Values move: every counter rises (the press counter pauses 5 s a minute, hence a deadline, not a fixed gap).
  const first = new Map(good.map((x) => [x.path, x.value]));
  const risen = new Set<string>();
  const tMove = Date.now();
  await pollUntil(async () => {
    for (const x of await restTags(urls.rest)) {
      const a = first.get(x.path);
      if (COUNTERS.includes(x.path) && typeof a === "number" && typeof x.value === "number" && x.value > a && x.quality === "good") risen.add(x.path);
    }
    return risen.size === COUNTERS.length;
  }, 20_000, 500);
  for (const p of COUNTERS) t.ok(risen.has(p), `${p} increases (from ${String(first.get(p))})`);
  t.comment(`counters rose within ${since(tMove)}`);

  // The same data over OPC UA, through the printed endpoint.
  const ua = await uaConnect(urls.opcua);
  t.teardown(() => ua.close());
  const [a] = await ua.read(["press1/count"]);
  t.equal(a?.status, "Good", "OPC UA press1/count is Good");
  t.type(a?.value, "number", "OPC UA press1/count is a number");
  const changed = await pollUntil(async () => {
    const [b] = await ua.read(["press1/count"]);
    return b && b.status === "Good" && typeof b.value === "number" && b.value !== a?.value ? b : null;
  }, 20_000, 300);
  t.ok(changed, `OPC UA press1/count changes (${String(a?.value)} -> ${String(changed?.value)})`);
});

void t.test("`npm start` shows all four protocols at /api/v1/sources", async (t) => {
  let seen: string[] = [];
  const ok = await pollUntil(async () => {
    const sources = await restSources(urls.rest);
    seen = sources.map((s) => `${s.name}:${s.protocol}:${s.state}`);
    return Object.entries(SOURCES).every(([name, protocol]) => sources.some((s) => s.name === name && s.protocol === protocol && s.state === "up"));
  }, 20_000, 200);
  t.ok(ok, `press1 (modbus), line1 (opcua), s7plc (s7), logix (enip) all up; saw ${seen.join(", ")}`);
  t.equal(seen.length, 4, "exactly the four demo sources");
});

void t.test("Ctrl-C stops the demo cleanly: exit 0 within 15 s", async (t) => {
  t.equal(exitInfo, null, "the demo still runs before SIGINT");
  const tStop = Date.now();
  child.kill("SIGINT");
  const timer = new Promise<"timeout">((r) => setTimeout(() => r("timeout"), 15_000).unref());
  const r = await Promise.race([exited, timer]);
  t.not(r, "timeout", `the demo exits within 15 s of SIGINT${r === "timeout" ? why() : ""}`);
  if (r !== "timeout") {
    t.same(r, { code: 0, signal: null }, `exit code 0 (after ${since(tStop)})${r.code === 0 ? "" : why()}`);
    t.comment(`demo exited ${since(tStop)} after SIGINT`);
  }
});
