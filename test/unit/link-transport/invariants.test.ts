import t from "tap";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const root = new URL("../../../src/link/transport/", import.meta.url).pathname;
const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? files(join(dir, f)) : [join(dir, f)]));
const code = (file: string) => readFileSync(file, "utf8").replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, ""); // without comments

void t.test("invariant 1 (source): the receive path has no send or connect", async (t) => {
  for (const file of ["intake.ts", "intake-worker.ts"]) {
    const src = code(join(root, file));
    t.notMatch(src, /\.send\s*\(/, `${file} never calls send`);
    t.notMatch(src, /\.connect\s*\(/, `${file} never calls connect`);
    t.notMatch(src, /sendto|setBroadcast|addMembership|setMulticast/, "nor anything that could emit");
  }
  const socketUsers = files(root).filter((f) => /node:dgram|node:net"|from "dgram"/.test(code(f)));
  t.same(socketUsers.map((f) => f.slice(root.length)).sort(), ["intake-worker.ts", "sender.ts"], "only the two ends touch sockets");
  for (const f of files(root).filter((f) => !f.endsWith("sender.ts") && !f.endsWith("index.ts"))) {
    t.notMatch(code(f), /from "\.\/sender\.js"|from "\.\/outbox\.js"|from "\.\/pacer\.js"/, `${f.slice(root.length)} does not import the sending side`);
  }
});

void t.test("invariant 1 (runtime): the intake socket never sends or connects", async (t) => {
  // The intake's socket lives in its worker thread: spy on every thread of a child process.
  const dir = mkdtempSync(join(tmpdir(), "sluice-spy-"));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const log = join(dir, "calls");
  const spy = new URL("../../fixtures/dgram-spy.mjs", import.meta.url).href;
  const child = new URL("../../fixtures/intake-one-way-child.ts", import.meta.url).pathname;
  const out = execFileSync(process.execPath, [...process.execArgv, `--import=${spy}`, child], {
    env: { ...process.env, SLUICE_DGRAM_SPY: log }, encoding: "utf8", timeout: 60_000,
  });
  t.same(JSON.parse(out), { got: 50 }, "50 frames crossed");
  const calls = readFileSync(log, "utf8").trim().split("\n").map((l) => l.split(" ") as [string, string]);
  const worker = calls.filter(([thread]) => thread !== "0");
  const main = calls.filter(([thread]) => thread === "0");
  t.ok(worker.some(([, op]) => op === "bind"), "the spy ran in the worker (it saw the intake socket bind)");
  t.ok(main.filter(([, op]) => op === "send").length >= 50, "the spy saw the sender's datagrams");
  t.same(worker.filter(([, op]) => op !== "bind"), [], "no send, connect or multicast call in the intake's worker");
});
