/**
 * Node processes of the e2e suite, each started inside a namespace:
 *
 *   ip netns exec NS node ARGS ──stdout/stderr──▶ LOG file + line waiters
 *
 * The reader and the receiver are the shipped command (`node bin/sluice.js`,
 * compiled dist/, kept fresh by build.ts): what a deployment runs, and half
 * the start-up cost of the TypeScript loader. The test's own helpers (PLC
 * simulators, IT clients) run from .ts through tap's loader (transpile only).
 * `ip netns exec` execs in place, so the child's pid is node's own pid (what
 * `ss -p` reports for the reader).
 */
import { createWriteStream, type WriteStream } from "node:fs";
import { fileURLToPath } from "node:url";
import { createInterface } from "node:readline";
import type { ChildProcess } from "node:child_process";
import type { Topology } from "./netns.js";

export const REPO = fileURLToPath(new URL("../../../", import.meta.url));
export const LIB = fileURLToPath(new URL("./", import.meta.url));

export interface Proc {
  readonly name: string;
  readonly child: ChildProcess;
  readonly pid: number;
  /** when it was spawned (Date.now()) */
  readonly startedAt: number;
  /** the last lines of its output (for failure messages) */
  tail(n?: number): string;
  /** resolves with the first output line (from now or already seen since `since`) matching re */
  waitLine(re: RegExp, ms: number, since?: number): Promise<string>;
  /** resolves with the exit code (or signal name) */
  readonly exited: Promise<number | string>;
  alive(): boolean;
  /** signal, then wait for the exit (SIGKILL after ms) */
  stop(signal?: NodeJS.Signals, ms?: number): Promise<number | string>;
  send(line: string): void;
  /** call fn for every output line from now on */
  onLine(fn: (line: string) => void): void;
}

interface Line { at: number; text: string }

/**
 * The test's environment without tap's hooks: the processes under test are not
 * part of this file's coverage (NODE_V8_COVERAGE) or process tracking (NODE_OPTIONS).
 */
function childEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (k !== "NODE_V8_COVERAGE" && k !== "NODE_OPTIONS" && !k.startsWith("_TAPJS")) env[k] = v;
  }
  return env;
}

/** node arguments that run a .ts helper of test/e2e/lib through tap's TypeScript loader */
export const tsScript = (script: string, ...args: string[]) => ["--import=@tapjs/typescript/import", LIB + script, ...args];
/** node arguments that run the sluice command (bin/sluice.js, from dist/) */
export const sluiceCli = (...args: string[]) => [`${REPO}bin/sluice.js`, ...args];

/** Run node with `nodeArgs` in namespace `ns`, its output going to logFile. */
export function startNode(topo: Topology, ns: string, name: string, nodeArgs: string[], logFile: string): Proc {
  const child = topo.spawn(ns, process.execPath, nodeArgs, {
    cwd: REPO,
    stdio: ["pipe", "pipe", "pipe"],
    env: { ...childEnv(), TS_NODE_TRANSPILE_ONLY: "1" },
  });
  const startedAt = Date.now();
  const log: WriteStream = createWriteStream(logFile, { flags: "a" });
  const lines: Line[] = [];
  const waiters = new Set<{ re: RegExp; since: number; done: (l: string) => void }>();
  const listeners: ((line: string) => void)[] = [];
  const onLine = (text: string) => {
    const l = { at: Date.now(), text };
    for (const fn of listeners) fn(text);
    log.write(`${text}\n`);
    lines.push(l);
    if (lines.length > 2000) lines.splice(0, 1000);
    for (const w of waiters) {
      if (w.re.test(text)) { waiters.delete(w); w.done(text); }
    }
  };
  createInterface({ input: child.stdout! }).on("line", onLine);
  createInterface({ input: child.stderr! }).on("line", onLine);
  child.stdin?.on("error", () => undefined); // writing to a process that just died
  const exited = new Promise<number | string>((resolve) => {
    child.once("exit", (code, signal) => { log.end(); resolve(code ?? signal ?? -1); });
  });
  const alive = () => child.exitCode === null && child.signalCode === null;
  return {
    name, child, pid: child.pid ?? -1, startedAt, exited, alive,
    tail: (n = 25) => lines.slice(-n).map((l) => `  ${name}| ${l.text.slice(0, 400)}`).join("\n"),
    waitLine(re, ms, since = Number.POSITIVE_INFINITY) {
      const seen = lines.find((l) => l.at >= since && re.test(l.text));
      if (seen) return Promise.resolve(seen.text);
      return new Promise((resolve, reject) => {
        const w = {
          re, since,
          done: (l: string) => { clearTimeout(timer); resolve(l); },
        };
        const timer = setTimeout(() => {
          waiters.delete(w);
          reject(new Error(`${name}: no output line matching ${re} within ${ms} ms\n${this.tail()}`));
        }, ms);
        waiters.add(w);
        void exited.then((code) => {
          if (!waiters.has(w)) return;
          waiters.delete(w);
          clearTimeout(timer);
          reject(new Error(`${name} exited (${code}) before printing ${re}\n${this.tail()}`));
        });
      });
    },
    async stop(signal = "SIGTERM", ms = 10_000) {
      if (!alive()) return exited;
      child.kill(signal);
      const timer = setTimeout(() => { if (alive()) child.kill("SIGKILL"); }, ms);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
    send(line) {
      child.stdin?.write(`${line}\n`);
    },
    onLine(fn) {
      listeners.push(fn);
    },
  };
}
