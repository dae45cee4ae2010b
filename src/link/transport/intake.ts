/**
 * The receiving end of the link (receiver side). The UDP socket and the whole
 * receive pipeline run in a worker thread (intake-worker.ts), so a datagram
 * flood is absorbed there and the main thread, which serves OPC UA, REST and
 * /metrics, only ever sees complete, authenticated frame payloads. Security
 * invariant 1: the worker's socket only receives (no send, no connect; a unit
 * test greps both files), and this file opens no socket at all.
 *
 *   worker: UDP (SO_RCVBUF >= 4 MiB) ─▶ LinkReceiver (receive.ts) ─▶ batches
 *   main:   batch ─▶ "session" / "frame" events, in the order they happened
 *           counters mirrored from the worker ─▶ stats(), channels.linkReject
 *
 * The worker is restarted when it fails (logged as an error), resuming the
 * session it held (same id, every sequence it saw counts as seen). More than
 * MAX_RESTARTS failures within RESTART_WINDOW_MS, or a worker that cannot bind
 * again, emit "error": unhandled, that ends the process, so the receiver never
 * silently stops receiving.
 */
import { EventEmitter } from "node:events";
import { readdirSync, statSync } from "node:fs";
import { relative, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { SluiceError } from "../../core/errors.js";
import { channels } from "../../core/events.js";
import { silentLogger, type Logger } from "../../core/log.js";
import type { LinkKey } from "../keys.js";
import type { ToMain, ToWorker, WorkerInit, WorkerStats } from "./intake-protocol.js";
import { INTAKE_DEFAULTS, type TransportIntakeOptions } from "./options.js";
import { REJECT_REASONS, SESSION_SKEW_MS, type RejectReason } from "./receive.js";

export { intakeOptionsFrom, type TransportIntakeOptions } from "./options.js";
export type { RejectReason } from "./receive.js";

const MAX_RESTARTS = 5;
const RESTART_WINDOW_MS = 60_000;
const KEYS_WAIT_MS = 2000;
/** frame bytes handed to the main thread and not yet processed */
const HANDOFF_BYTES = 64 * 1024 * 1024;
/** the worker's own heap: reassembly and FEC are bounded far below it */
const WORKER_HEAP_MB = 256;
const WORKER_URL = workerUrl();
/** A compiled worker needs neither the TypeScript loader nor the test runner's preloads (other preloads stay). */
const WORKER_ARGV = WORKER_URL.href.endsWith(".js") && import.meta.url.endsWith(".ts") ? withoutTsPreloads(process.execArgv) : undefined;

/** execArgv without the TypeScript/test preloads, in both forms: `--import=X` and `--import X`. */
export function withoutTsPreloads(argv: readonly string[]): string[] {
  const ts = /typescript|ts-node|@tapjs\//;
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (ts.test(a)) continue;
    const next = argv[i + 1];
    if (/^(--import|--loader|--experimental-loader|--require|-r)$/.test(a) && next !== undefined && ts.test(next)) { i++; continue; }
    out.push(a);
  }
  return out;
}

/**
 * The worker's module. Run from the compiled JavaScript, it sits next to this
 * file. Run from the TypeScript sources (tests, benches), a worker would load
 * the TypeScript compiler all over again (seconds on a busy machine), so the
 * compiled worker is used when it is at least as new as every source it is
 * built from; otherwise the TypeScript one.
 */
function workerUrl(): URL {
  const here = import.meta.url;
  if (!here.endsWith(".ts")) return new URL("./intake-worker.js", here);
  const source = new URL("./intake-worker.ts", here);
  try {
    const dir = fileURLToPath(new URL(".", here));
    const root = resolve(dir, "../../..");
    const compiled = resolve(root, "dist", relative(resolve(root, "src"), dir), "intake-worker.js");
    const built = statSync(compiled).mtimeMs;
    const sources = [dir, resolve(dir, "fec"), resolve(dir, ".."), resolve(root, "src/core")]
      .flatMap((d) => readdirSync(d).filter((f) => f.endsWith(".ts")).map((f) => resolve(d, f)));
    return sources.every((f) => statSync(f).mtimeMs <= built) ? pathToFileURL(compiled) : source;
  } catch {
    return source;
  }
}

export interface IntakeStats {
  /** every datagram that reached the socket, accepted or not */
  datagramsReceived: number;
  framesReceived: number;
  framesLost: number;
  framesRecovered: number;
  sessions: number;
  sessionId: bigint | null;
  /** ms since epoch of the last authenticated datagram */
  lastDatagramTime: number | null;
  rejected: Record<RejectReason, number>;
}

const zeroRejects = () => Object.fromEntries(REJECT_REASONS.map((r) => [r, 0])) as Record<RejectReason, number>;
const EMPTY: WorkerStats = {
  datagramsReceived: 0, framesReceived: 0, framesLost: 0, framesRecovered: 0, sessions: 0, sessionId: null,
  lastDatagramTime: null, rejected: zeroRejects(), inFlight: { frames: 0, bytes: 0, groups: 0 }, resume: null,
};

export class TransportIntake extends EventEmitter {
  /** rejects counted above the link ("malformed", "policy") */
  private readonly own = zeroRejects();
  /** counters of the workers that ended, plus the live one's latest */
  private base: WorkerStats = EMPTY;
  private live: WorkerStats = EMPTY;
  private keys: LinkKey[];
  private keysSeq = 0;
  private restarts: number[] = [];
  private closing: Promise<void> | null = null;
  private worker!: Worker;
  /** [0]: frame bytes processed here, read by the worker (its hand-off bound) */
  private handoffDone!: BigInt64Array;
  private alive = false;

  private constructor(private readonly opts: TransportIntakeOptions, private readonly addr: { address: string; port: number },
    worker: Worker, init: WorkerInit, private readonly log: Logger) {
    super();
    this.keys = opts.keys;
    this.adoptWorker(worker, init);
  }

  static async open(opts: TransportIntakeOptions, logger: Logger = silentLogger): Promise<TransportIntake> {
    checkKeys(opts.keys);
    const want = opts.recvBufferSize ?? INTAKE_DEFAULTS.recvBufferSize;
    const init = workerInit(opts, opts.port, opts.keys, new SharedArrayBuffer(4), null);
    const { worker, ready } = await startWorker(init, logger)
      .catch((e: unknown) => { throw new SluiceError("SLUICE_ERR_LINK", `cannot listen on ${opts.host}:${opts.port}: ${(e as Error).message}`); });
    if (ready.recvBuffer < want) {
      logger.warn({ wanted: want, got: ready.recvBuffer }, "link: receive buffer smaller than configured (raise net.core.rmem_max); expect loss in bursts");
    }
    const intake = new TransportIntake(opts, { address: ready.address, port: ready.port }, worker, init, logger);
    logger.info({ listen: intake.address(), keyIds: opts.keys.map((k) => k.id) }, "link: intake listening");
    return intake;
  }

  address(): { address: string; port: number } {
    return { ...this.addr };
  }

  /** Count rejected units by reason; the frame layer adds "malformed" (a payload that does not decode). */
  reject(reason: RejectReason, n = 1): void {
    if (!(reason in this.own) || !(n > 0)) return;
    this.own[reason] += n;
    publishRejects(reason, n);
  }

  /**
   * Keys accepted from now on (at most 2, for rollover). Returns once the
   * worker applies them (bounded wait), so a datagram sent afterwards meets
   * the new keys.
   */
  setKeys(keys: LinkKey[]): void {
    this.keys = checkKeys(keys);
    const seq = ++this.keysSeq;
    const ack = new Int32Array(this.workerInit.keysAck);
    this.tell({ t: "keys", keys: keys.map((k) => new Uint8Array(k.bytes)), seq });
    const end = Date.now() + KEYS_WAIT_MS;
    while (Atomics.load(ack, 0) < seq && Date.now() < end) Atomics.wait(ack, 0, Atomics.load(ack, 0), end - Date.now());
    this.log.info({ keyIds: keys.map((k) => k.id) }, "link: intake keys changed");
  }

  stats(): IntakeStats {
    const b = this.base;
    const l = this.live;
    const rejected = zeroRejects();
    for (const r of REJECT_REASONS) rejected[r] = b.rejected[r] + l.rejected[r] + this.own[r];
    return {
      datagramsReceived: b.datagramsReceived + l.datagramsReceived, framesReceived: b.framesReceived + l.framesReceived,
      framesLost: b.framesLost + l.framesLost, framesRecovered: b.framesRecovered + l.framesRecovered,
      sessions: b.sessions + l.sessions, sessionId: l === EMPTY ? b.sessionId : l.sessionId,
      lastDatagramTime: l.lastDatagramTime ?? b.lastDatagramTime, rejected,
    };
  }

  /** Memory held by reassembly and FEC in the worker (tests, diagnostics; as of its last report). */
  inFlight(): { frames: number; bytes: number; groups: number } {
    return { ...this.live.inFlight };
  }

  /** Stops the worker and its socket; idempotent. */
  close(): Promise<void> {
    this.closing ??= new Promise<void>((res) => {
      const w = this.worker;
      if (!this.alive) { res(); return; } // it failed for good (or is being restarted: restart() sees closing)
      const timer = setTimeout(() => void w.terminate().then(() => res()), KEYS_WAIT_MS);
      w.once("exit", () => { clearTimeout(timer); res(); });
      this.tell({ t: "close" });
    });
    return this.closing;
  }

  // ------------------------------------------------------------------ worker
  private workerInit!: WorkerInit;

  private adoptWorker(w: Worker, init: WorkerInit): void {
    this.worker = w;
    this.live = EMPTY;
    this.workerInit = init;
    this.handoffDone = new BigInt64Array(init.handoffDone);
    let failure: unknown = null;
    w.on("message", (m: ToMain) => this.onMessage(m));
    w.on("error", (e) => { failure = e; });
    this.alive = true;
    w.on("exit", (code) => {
      this.alive = false;
      if (this.closing && failure === null) return;
      this.restart(failure ?? new Error(`the intake worker exited with code ${code}`));
    });
  }

  private onMessage(m: ToMain): void {
    if (m.t === "batch") {
      this.mirror(m.stats);
      for (const e of m.events) {
        if (e.k === "session") this.safeEmit("session", e.id);
        else this.safeEmit("frame", new Uint8Array(e.payload), e.meta);
      }
      Atomics.add(this.handoffDone, 0, BigInt(m.bytes));
    } else if (m.t === "stats") this.mirror(m.stats);
    else if (m.t === "log") this.log[m.level](m.obj, m.msg);
  }

  private mirror(s: WorkerStats): void {
    if (channels.linkReject.hasSubscribers) for (const r of REJECT_REASONS) publishRejects(r, s.rejected[r] - this.live.rejected[r]);
    this.live = s;
  }

  private safeEmit(event: "frame" | "session", ...args: unknown[]): void {
    try {
      this.emit(event, ...args);
    } catch (e) {
      this.log.error({ err: e }, `link: a ${event} listener threw`);
    }
  }

  private restart(reason: unknown): void {
    if (this.closing) return;
    const now = Date.now();
    this.restarts = this.restarts.filter((t) => now - t < RESTART_WINDOW_MS);
    this.log.error({ err: reason }, "link: the intake worker failed");
    const dead = this.live;
    this.base = addStats(this.base, dead);
    this.live = EMPTY;
    if (this.restarts.length >= MAX_RESTARTS) {
      this.fail(new SluiceError("SLUICE_ERR_LINK", `the link intake worker failed ${MAX_RESTARTS + 1} times within ${RESTART_WINDOW_MS / 1000} s; not receiving`));
      return;
    }
    this.restarts.push(now);
    const init = workerInit(this.opts, this.addr.port, this.keys, this.workerInit.keysAck, dead.resume);
    startWorker(init, this.log).then(({ worker }) => {
      if (this.closing) { void worker.terminate(); return; }
      this.log.warn({ listen: this.address() }, "link: intake worker restarted");
      this.adoptWorker(worker, init);
    }, (e: unknown) => this.fail(new SluiceError("SLUICE_ERR_LINK", `the link intake worker cannot listen again on port ${this.addr.port}: ${(e as Error).message}`)));
  }

  private fail(e: SluiceError): void {
    this.log.fatal({ err: e }, "link: intake stopped");
    this.emit("error", e);
  }

  private tell(m: ToWorker): void {
    try {
      this.worker.postMessage(m);
    } catch { /* the worker is gone; a restart follows */ }
  }
}

function workerInit(opts: TransportIntakeOptions, port: number, keys: LinkKey[], keysAck: SharedArrayBuffer, resume: WorkerInit["resume"]): WorkerInit {
  const r = opts.reassembly ?? {};
  return {
    host: opts.host, port, recvBufferSize: opts.recvBufferSize ?? INTAKE_DEFAULTS.recvBufferSize,
    keys: keys.map((k) => new Uint8Array(k.bytes)),
    auth: opts.auth ?? INTAKE_DEFAULTS.auth,
    mtu: opts.mtu ?? INTAKE_DEFAULTS.mtu,
    reassembly: { frames: r.frames ?? INTAKE_DEFAULTS.frames, bytes: r.bytes ?? INTAKE_DEFAULTS.bytes, timeoutMs: r.timeoutMs ?? INTAKE_DEFAULTS.timeoutMs },
    fecGroups: 64,
    sessionSkewMs: opts.sessionSkewMs ?? SESSION_SKEW_MS,
    handoffBytes: HANDOFF_BYTES, handoffDone: new SharedArrayBuffer(8),
    keysAck, resume,
  };
}

/** Start a worker and wait until its socket is bound (or binding failed). */
function startWorker(init: WorkerInit, log: Logger): Promise<{ worker: Worker; ready: Extract<ToMain, { t: "ready" }> }> {
  return new Promise((res, rej) => {
    const worker = new Worker(WORKER_URL, {
      workerData: init, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB }, ...(WORKER_ARGV ? { execArgv: WORKER_ARGV } : {}),
    });
    const early = (m: ToMain) => {
      if (m.t === "log") log[m.level](m.obj, m.msg);
      else if (m.t === "ready") { cleanup(); res({ worker, ready: m }); }
      else if (m.t === "fail") { cleanup(); void worker.terminate(); rej(new Error(m.message)); }
    };
    const died = (e: unknown) => { cleanup(); rej(e instanceof Error ? e : new Error(String(e))); };
    const exited = (code: number) => { cleanup(); rej(new Error(`the intake worker exited with code ${code} before listening`)); };
    const cleanup = () => { worker.off("message", early); worker.off("error", died); worker.off("exit", exited); };
    worker.on("message", early);
    worker.on("error", died);
    worker.on("exit", exited);
  });
}

function addStats(a: WorkerStats, b: WorkerStats): WorkerStats {
  const rejected = zeroRejects();
  for (const r of REJECT_REASONS) rejected[r] = a.rejected[r] + b.rejected[r];
  return {
    datagramsReceived: a.datagramsReceived + b.datagramsReceived, framesReceived: a.framesReceived + b.framesReceived,
    framesLost: a.framesLost + b.framesLost, framesRecovered: a.framesRecovered + b.framesRecovered, sessions: a.sessions + b.sessions,
    sessionId: b.sessionId ?? a.sessionId, lastDatagramTime: b.lastDatagramTime ?? a.lastDatagramTime, rejected,
    inFlight: { frames: 0, bytes: 0, groups: 0 }, resume: b.resume,
  };
}

function publishRejects(reason: RejectReason, n: number): void {
  if (channels.linkReject.hasSubscribers) for (let i = 0; i < n; i++) channels.linkReject.publish({ reason });
}

function checkKeys(keys: LinkKey[]): LinkKey[] {
  if (keys.length < 1 || keys.length > 2) throw new SluiceError("SLUICE_ERR_KEY", `the link intake takes 1 or 2 keys, got ${keys.length}`);
  return keys;
}
