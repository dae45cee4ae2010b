/**
 * Plant scale, end to end: simulated Modbus PLCs (each in its own process) ─▶
 * `sluice reader` ─▶ one-way link ─▶ `sluice receiver` (production CLI, separate
 * processes) ─▶ one OPC UA client subscribed to every tag. Prints one table row per
 * scenario: CPU (CPU-seconds per second, from /proc utime+stime), RSS and event-loop
 * delay p99 of each process; changes produced by the PLCs, OPC UA notifications,
 * delivered share (notifications carrying the values of the ticks measured, over the
 * changes those ticks made: exact, whatever the window edges), latency from the reader's PLC read (SourceTimestamp) to the
 * notification; polls the reader skipped (overruns: a poll still running when the next
 * fell due, so two PLC ticks fell between its reads and the changes of the first are
 * invisible to it, which shows as "delivered" below 100 % without any loss in sluice);
 * link frames lost. Asserts nothing: figures for the README.
 *
 *   npm run -s build && TS_NODE_TRANSPILE_ONLY=1 node --no-warnings --import @tapjs/typescript/import \
 *     test/bench/plant.ts [a|b|c|p|d|all] [seconds=30]
 *
 * Scenarios (issue "Plant scale, end to end"):
 *   a  100,000 tags at 1 s, 10 % changing per poll, 1 s publishing
 *   b  100,000 tags at 1 s, all changing
 *   c   50,000 tags at 100 ms, all changing (500,000 updates/s), 100 ms publishing
 *   p   50,000 tags at 100 ms, 1 % changing, 1 s publishing: the polling cost
 *        (500,000 register values/s read, 5,000 changes/s sent)
 *   d    1,000 tags at 100 ms, all changing, 100 ms publishing; then a second window
 *        with a Read loop (plant/probe.ts, its own process) that brackets, by the server's
 *        serve times, how long a new value takes to become current (sluice's own share)
 * The first window measures CPU, delivery and end-to-end latency without the Read
 * loop, so the receiver's CPU is its own; the Read loop's cost shows in the second
 * window's receiver CPU.
 * Reader and receiver run with the node flags of their systemd units (deploy/systemd), as deployed;
 * SLUICE_BENCH_HEAP then sets the receiver's --max-old-space-size (default 1536, sized for 100k tags);
 * SLUICE_BENCH_READER_ARGS / SLUICE_BENCH_RECEIVER_ARGS add node flags (e.g. --heapsnapshot-signal=SIGUSR2);
 * SLUICE_BENCH_STDOUT=reader|receiver shows that process's stdout (e.g. with --trace-gc-nvp);
 * SLUICE_BENCH_INFLIGHT=N sets the sources' modbus.maxInFlight (default 1: one request at a time);
 * SLUICE_BENCH_BACKFILL=SHARE sets the reader's link.backfill.share (default 0.1; 0 = no history carousel);
 * SLUICE_BENCH_READLOOP=0 leaves the Read loop window out (a profile of the first window only);
 * SLUICE_BENCH_PROF=DIR writes CPU profiles of the reader and receiver there
 * (--cpu-prof, whole run; open them in Chrome DevTools or summarise the .cpuprofile JSON).
 */
import { type ChildProcess, fork, spawn } from "node:child_process";
import { createSocket } from "node:dgram";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { loadavg, tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { stringify } from "yaml";
import { BASE, ProcWatch, pct } from "./plant/proc.js";

interface Scenario { name: string; tags: number; intervalMs: number; changePct: number; publishMs: number; plcs: number; readers: number }
const SCENARIOS: Record<string, Scenario> = {
  a: { name: "a: 100k tags at 1 s, 10 % changing", tags: 100_000, intervalMs: 1000, changePct: 10, publishMs: 1000, plcs: 10, readers: 0 },
  b: { name: "b: 100k tags at 1 s, all changing", tags: 100_000, intervalMs: 1000, changePct: 100, publishMs: 1000, plcs: 10, readers: 0 },
  c: { name: "c: 50k tags at 100 ms, all changing", tags: 50_000, intervalMs: 100, changePct: 100, publishMs: 100, plcs: 10, readers: 0 },
  p: { name: "p: 50k tags at 100 ms, 1 % changing (polling cost)", tags: 50_000, intervalMs: 100, changePct: 1, publishMs: 1000, plcs: 10, readers: 0 },
  d: { name: "d: 1k tags at 100 ms, all changing", tags: 1_000, intervalMs: 100, changePct: 100, publishMs: 100, plcs: 1, readers: 10 },
};

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "../..");
const sluice = join(root, "bin/sluice.js");
const tsExec = ["--no-warnings", "--import", "@tapjs/typescript/import"];
const tsEnv = { ...process.env, TS_NODE_TRANSPILE_ONLY: "1" };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const [which = "d", secondsArg] = process.argv.slice(2);
const SECONDS = Number(secondsArg ?? 30);
const list = which === "all" ? ["a", "b", "c", "d"] : which.split(",");
const rows: string[] = [];
for (const k of list) {
  const s = SCENARIOS[k];
  if (!s) throw new Error(`unknown scenario ${k} (a, b, c, p, d or all)`);
  rows.push(await run(s));
}
console.log("\n| scenario | reader CPU / RSS / ELD p99 | receiver CPU (per 10k notified changes/s) / RSS (peak) / ELD p99 | PLC changes | notified | delivered | PLC read to notification p50 / p99 / max | PLC read to value current p50 / p99, at most and at least (Read loop, 2nd window) | final values | polls skipped | link lost |");
console.log("|---|---|---|---|---|---|---|---|---|---|---|");
for (const r of rows) console.log(r);
process.exit(0);

/** The node flags in deploy/systemd/sluice-ROLE.service's ExecStart: each side runs as deployed. */
function unitFlags(role: "reader" | "receiver"): string[] {
  const unit = readFileSync(join(root, `deploy/systemd/sluice-${role}.service`), "utf8");
  const args = /^ExecStart=\S+\s+(.*)$/m.exec(unit)?.[1]?.split(/\s+/) ?? [];
  const script = args.findIndex((a) => a.endsWith("/sluice.js"));
  if (script < 0) throw new Error(`sluice-${role}.service: no ExecStart running sluice.js`);
  return args.slice(0, script);
}

async function freeTcp(): Promise<number> {
  return new Promise((res, rej) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const a = s.address();
      s.close(() => (typeof a === "object" && a ? res(a.port) : rej(new Error("no port"))));
    });
  });
}
async function freeUdp(): Promise<number> {
  return new Promise((res) => {
    const s = createSocket("udp4").bind(0, "127.0.0.1", () => { const p = s.address().port; s.close(() => res(p)); });
  });
}
function once<T>(child: ChildProcess, pick: (m: Record<string, unknown>) => T | undefined): Promise<T> {
  return new Promise((res, rej) => {
    const on = (m: unknown) => { const v = pick(m as Record<string, unknown>); if (v !== undefined) { child.off("message", on); res(v); } };
    child.on("message", on);
    child.once("exit", (code) => rej(new Error(`child exited (${code}) before answering`)));
  });
}
async function until(what: string, ms: number, ok: () => Promise<boolean>): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    try { if (await ok()) return; } catch { /* not yet */ }
    await sleep(250);
  }
  throw new Error(`timed out waiting for ${what}`);
}
async function metric(rest: string, name: string): Promise<number> {
  const text = await (await fetch(`${rest}/metrics`)).text();
  let sum = 0;
  for (const line of text.split("\n")) if (line.startsWith(name) && (line[name.length] === " " || line[name.length] === "{")) sum += Number(line.slice(line.lastIndexOf(" ") + 1));
  return sum;
}
function eld(file: string, from: number): number {
  try {
    const p99 = readFileSync(file, "utf8").trim().split("\n").map((l) => l.split(" ").map(Number))
      .filter(([t]) => (t ?? 0) >= from).map(([, p]) => p ?? 0).sort((x, y) => x - y);
    return pct(p99, 50); // the median second's p99
  } catch {
    return Number.NaN;
  }
}

async function run(s: Scenario): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), "sluice-plant-"));
  const kids: ChildProcess[] = [];
  try {
    console.log(`\n== ${s.name} (${SECONDS} s measured, load ${loadavg()[0]?.toFixed(1)}; node flags: reader ${unitFlags("reader").join(" ")}, receiver --max-old-space-size=${process.env.SLUICE_BENCH_HEAP ?? "1536"}; modbus.maxInFlight ${process.env.SLUICE_BENCH_INFLIGHT ?? "1"})`);
    const per = Math.ceil(s.tags / s.plcs);
    const plcs = [];
    for (let p = 0; p < s.plcs; p++) {
      const size = Math.min(per, s.tags - p * per);
      const child = fork(join(here, "plant/plc.ts"), [String(size), String(s.intervalMs), String(s.changePct)], { execArgv: tsExec, env: tsEnv });
      kids.push(child);
      plcs.push({ child, size, port: await once(child, (m) => m.port as number | undefined) });
    }
    const linkPort = await freeUdp();
    const restPort = await freeTcp();
    const uaPort = await freeTcp();
    await new Promise<void>((res, rej) => spawn(process.execPath, [sluice, "keygen", join(dir, "link.key")], { stdio: "ignore" })
      .once("exit", (c) => (c === 0 ? res() : rej(new Error("keygen failed")))));
    writeFileSync(join(dir, "receiver.yaml"), stringify({
      link: { listen: `127.0.0.1:${linkPort}`, key: "./link.key" }, policy: "allow-all",
      rest: { listen: `127.0.0.1:${restPort}` },
      opcua: { port: uaPort, host: "127.0.0.1", security: { modes: ["None"] }, allowAnonymous: true, maxMonitoredItems: 200_000 },
    }));
    const paths: string[] = [];
    const sources = plcs.map((p, i) => ({
      name: `plc${i}`, protocol: "modbus", endpoint: `127.0.0.1:${p.port}`, interval: `${s.intervalMs}ms`,
      ...(process.env.SLUICE_BENCH_INFLIGHT ? { modbus: { maxInFlight: Number(process.env.SLUICE_BENCH_INFLIGHT) } } : {}),
      tags: Array.from({ length: p.size }, (_, r) => { paths.push(`plc${i}/r${r}`); return { name: `r${r}`, address: `hr:${BASE + r}:uint16` }; }),
    }));
    const backfill = process.env.SLUICE_BENCH_BACKFILL;
    const link = { to: `127.0.0.1:${linkPort}`, key: "./link.key", ...(backfill !== undefined ? { backfill: { share: Number(backfill) } } : {}) };
    writeFileSync(join(dir, "reader.yaml"), stringify({ link, policy: "allow-all", sources }));
    writeFileSync(join(dir, "paths.json"), JSON.stringify(paths));

    const prof = process.env.SLUICE_BENCH_PROF;
    const start = (role: "reader" | "receiver", more: string[]) => {
      const extra = [...unitFlags(role), ...more];
      if (prof) extra.push("--cpu-prof", `--cpu-prof-dir=${resolve(prof)}`, `--cpu-prof-name=${role}.cpuprofile`);
      const child = spawn(process.execPath, [...extra, sluice, role, "-c", join(dir, `${role}.yaml`)], {
        stdio: ["ignore", process.env.SLUICE_BENCH_STDOUT === role ? "inherit" : "ignore", "inherit"],
        env: { ...process.env, SLUICE_LOG_LEVEL: "warn", NODE_OPTIONS: `--import=${join(here, "plant/eld.mjs")}`, SLUICE_BENCH_ELD: join(dir, `${role}.eld`) },
      });
      kids.push(child);
      return child;
    };
    // the unit's heap cap is for a smaller plant; README: set it to match the tag count
    const receiver = start("receiver", [`--max-old-space-size=${process.env.SLUICE_BENCH_HEAP ?? "1536"}`, ...(process.env.SLUICE_BENCH_RECEIVER_ARGS ?? "").split(" ").filter(Boolean)]);
    const rest = `http://127.0.0.1:${restPort}`;
    await until("receiver REST", 60_000, async () => (await fetch(`${rest}/healthz`)).ok);
    const reader = start("reader", (process.env.SLUICE_BENCH_READER_ARGS ?? "").split(" ").filter(Boolean));
    await until(`all ${s.tags} tags good`, 180_000, async () => {
      const text = await (await fetch(`${rest}/metrics`)).text();
      return new RegExp(`sluice_tags\\{quality="good"\\} ${s.tags}\\b`).test(text);
    });
    const t0 = Date.now();
    const url = `opc.tcp://127.0.0.1:${uaPort}`;
    const client = fork(join(here, "plant/client.ts"), [url, join(dir, "paths.json"), String(s.publishMs), join(dir, "client-pki")], { execArgv: tsExec, env: tsEnv });
    kids.push(client);
    await once(client, (m) => m.ready as boolean | undefined);
    console.log(`   ${s.tags} tags good, client subscribed and every first value in ${((Date.now() - t0) / 1000).toFixed(1)} s later; warming up 5 s`);
    await sleep(5000);

    const watches = [new ProcWatch("reader", reader.pid!), new ProcWatch("receiver", receiver.pid!)];
    let produced = 0;
    let measuring = false;
    const ticks: number[][] = plcs.map(() => []); // the ticks of each PLC inside the window
    plcs.forEach((p, i) => p.child.on("message", (m: { changed?: number; tick?: number }) => {
      if (!measuring || !m.changed) return;
      produced += m.changed;
      ticks[i]!.push(m.tick!);
    }));
    const lost0 = await metric(rest, "sluice_link_frames_lost_total");
    // polls the reader skipped because the previous one was still running (its heartbeat reports them)
    const over0 = await metric(rest, "sluice_source_poll_overruns_total");
    const markAt = Date.now();
    measuring = true;
    client.send("mark");
    for (const w of watches) w.start();
    for (let i = 0; i < SECONDS; i++) {
      await sleep(1000);
      for (const w of watches) w.sample();
    }
    const cores = watches.map((w) => w.cores());
    const windowS = (Date.now() - markAt) / 1000;
    measuring = false;
    client.send("pause");

    // second window: sluice's own share, timed by a Read loop in its own process
    let readLat = new Float64Array(0);
    let lowLat = new Float64Array(0);
    let probeCores = Number.NaN;
    if (s.readers > 0 && process.env.SLUICE_BENCH_READLOOP !== "0") {
      const probe = fork(join(here, "plant/probe.ts"), [url, join(dir, "paths.json"), String(s.readers), join(dir, "probe-pki")], { execArgv: tsExec, env: tsEnv });
      kids.push(probe);
      await once(probe, (m) => m.ready as boolean | undefined);
      await sleep(1000);
      const w = new ProcWatch("receiver", receiver.pid!);
      w.start();
      await sleep(SECONDS * 1000);
      probeCores = w.cores();
      probe.send("stop");
      const pr = await once(probe, (m) => (m.readLat ? m as unknown as { readLat: number[]; lowLat: number[]; reads: number } : undefined));
      readLat = Float64Array.from(pr.readLat).sort();
      lowLat = Float64Array.from(pr.lowLat).sort();
    }
    const finals = await Promise.all(plcs.map((p) => { p.child.send("stop"); return once(p.child, (m) => m.final as number[] | undefined); }));
    const lost = (await metric(rest, "sluice_link_frames_lost_total")) - lost0;
    const overruns = (await metric(rest, "sluice_source_poll_overruns_total")) - over0;
    client.send("stop");
    const res = await once(client, (m) => (m.lat ? m as unknown as { notified: number; overflow: number; lat: number[]; last: number[]; byTick: [number, number][][] } : undefined));
    // delivered: notifications carrying the values of the measured ticks (each tick's value is its number)
    let delivered = 0;
    ticks.forEach((ks, i) => { const got = new Map(res.byTick[i] ?? []); for (const k of ks) delivered += got.get(k & 0xffff) ?? 0; });
    const want = finals.flat();
    let same = 0;
    want.forEach((v, i) => { if (res.last[i] === v) same++; });
    const bad = want.findIndex((v, i) => res.last[i] !== v);
    if (bad >= 0) console.log(`   final values: ${paths[bad]} is ${res.last[bad]} at the client, ${want[bad]} at the PLC (first of ${want.length - same})`);
    const lat = Float64Array.from(res.lat).sort();
    const [rd, rc] = watches as [ProcWatch, ProcWatch];
    const f0 = (x: number) => (Number.isFinite(x) ? x.toFixed(0) : "-");
    const row = `| ${s.name} | ${cores[0]!.toFixed(2)} / ${f0(rd.lastRss)} MiB / ${eld(join(dir, "reader.eld"), markAt)} ms | ` +
      `${cores[1]!.toFixed(2)} (${res.notified ? ((cores[1]! * 10_000 * windowS) / res.notified).toFixed(2) : "-"}) / ${f0(rc.lastRss)} (${f0(rc.peakRss)}) MiB / ${eld(join(dir, "receiver.eld"), markAt)} ms | ` +
      `${produced} | ${res.notified}${res.overflow ? ` (${res.overflow} overflow)` : ""} | ${produced ? ((100 * delivered) / produced).toFixed(1) : "-"} % | ` +
      `${f0(pct(lat, 50))} / ${f0(pct(lat, 99))} / ${f0(lat[lat.length - 1] ?? Number.NaN)} ms | ${s.readers ? `${f0(pct(readLat, 50))} / ${f0(pct(readLat, 99))} ms, at least ${f0(pct(lowLat, 50))} / ${f0(pct(lowLat, 99))} (${readLat.length}; receiver ${probeCores.toFixed(2)} core with it)` : "-"} | ` +
      `${same}/${want.length} | ${overruns} | ${lost} |`;
    console.log(row);
    return row;
  } finally {
    for (const k of kids.reverse()) if (k.exitCode === null) k.kill("SIGTERM");
    // a clean exit writes the CPU profiles: give it longer then
    for (const end = Date.now() + (process.env.SLUICE_BENCH_PROF ? 15_000 : 1500); Date.now() < end && kids.some((k) => k.exitCode === null && k.signalCode === null);) await sleep(100);
    for (const k of kids) if (k.exitCode === null) k.kill("SIGKILL");
    rmSync(dir, { recursive: true, force: true });
  }
}
