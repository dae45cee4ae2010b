/**
 * The intake's worker thread: its own receive-only UDP socket and the whole
 * receive pipeline (receive.ts: header, session, replay, authentication, FEC,
 * reassembly), so a garbage flood costs this thread, never the main thread
 * that serves OPC UA, REST and /metrics.
 *
 *   UDP (SO_RCVBUF) ─▶ LinkReceiver.handle ─▶ frame / session events ─┐
 *                          └─▶ rejects: counted here                  │ one batch per
 *   main ◀── { batch: events in order, payloads transferred, stats } ◀┘ event-loop turn
 *
 * Security invariant 1: this socket only receives. There is no call on it that
 * could emit a packet (no send, no connect); a unit test greps this file.
 *
 * Each frame payload is copied once, here, into an ArrayBuffer of its own
 * (the decrypted fragment is still held by its FEC group) and that buffer is
 * transferred, not copied, to the main thread. Frame bytes handed over and not
 * yet acknowledged by the main thread are bounded (handoffBytes): a key holder
 * sending valid frames faster than the main thread decodes them loses frames
 * (counted lost), it does not grow a queue.
 */
import dgram from "node:dgram";
import { isIPv6 } from "node:net";
import { parentPort, workerData } from "node:worker_threads";
import type { Logger } from "../../core/log.js";
import { makeKey } from "../keys.js";
import type { HandoffEvent, ToMain, ToWorker, WorkerInit, WorkerStats } from "./intake-protocol.js";
import { LinkReceiver, REJECT_REASONS, type RejectReason } from "./receive.js";

const SWEEP_MS = 100;
const STATS_MS = 50;

const init = workerData as WorkerInit;
const port = parentPort!;
const post = (m: ToMain, transfer?: ArrayBuffer[]) => port.postMessage(m, transfer);

/** Log lines go to the main thread's logger (one log stream, its redaction). */
const log = Object.fromEntries((["info", "warn", "error"] as const).map((level) => [level, (obj: unknown, msg?: string) => {
  const fields = typeof obj === "object" && obj !== null ? { ...(obj as Record<string, unknown>) } : {};
  if (fields.err instanceof Error) fields.err = { message: fields.err.message, stack: fields.err.stack };
  post({ t: "log", level, obj: fields, msg: typeof obj === "string" ? obj : msg ?? "" });
}])) as unknown as Logger;

const rejected = Object.fromEntries(REJECT_REASONS.map((r) => [r, 0])) as Record<RejectReason, number>;
let events: HandoffEvent[] = [];
let transfer: ArrayBuffer[] = [];
let batchBytes = 0;
/** frame bytes posted to the main thread; those it has not processed yet are posted - done[0] */
let posted = 0;
const done = new BigInt64Array(init.handoffDone);
const unacked = () => posted - Number(Atomics.load(done, 0));
let handoffLost = 0;
let flushQueued = false;
let lastPosted = "";
/** what the stats timer compares: counters that move without any frame (garbage, expiry, loss) */
const signature = () => {
  const f = rx.inFlight();
  return `${rx.datagramsReceived} ${rx.framesLost} ${f.frames} ${f.groups} ${f.bytes}`;
};

const rx = new LinkReceiver({
  keys: init.keys.map((k) => makeKey(Buffer.from(k))),
  auth: init.auth, mtu: init.mtu, reassembly: init.reassembly, fecGroups: init.fecGroups, sessionSkewMs: init.sessionSkewMs,
}, {
  frame: (payload, meta) => {
    if (unacked() + batchBytes + payload.length > init.handoffBytes) {
      handoffLost++;
      return;
    }
    const own = new Uint8Array(payload).buffer; // one copy into a buffer of its own, transferred below
    events.push({ k: "frame", payload: own, meta });
    transfer.push(own);
    batchBytes += own.byteLength;
    queueFlush();
  },
  session: (id) => {
    events.push({ k: "session", id });
    queueFlush();
  },
  reject: (reason) => { rejected[reason]++; },
}, log);
if (init.resume) rx.resume(init.resume);

function stats(): WorkerStats {
  return {
    datagramsReceived: rx.datagramsReceived, framesReceived: rx.framesReceived - handoffLost, framesLost: rx.framesLost + handoffLost,
    framesRecovered: rx.framesRecovered, sessions: rx.sessions, sessionId: rx.sessionId, lastDatagramTime: rx.lastDatagramTime,
    rejected: { ...rejected }, inFlight: rx.inFlight(), resume: rx.resumeState(),
  };
}

function queueFlush(): void {
  if (flushQueued) return;
  flushQueued = true;
  setImmediate(flush);
}

function flush(): void {
  flushQueued = false;
  if (events.length === 0) return;
  const batch = events;
  const moved = transfer;
  posted += batchBytes;
  const bytes = batchBytes;
  events = [];
  transfer = [];
  batchBytes = 0;
  lastPosted = signature();
  post({ t: "batch", events: batch, bytes, stats: stats() }, moved);
}

const socket = dgram.createSocket({ type: isIPv6(init.host) ? "udp6" : "udp4", recvBufferSize: init.recvBufferSize });
socket.on("message", (msg) => rx.handle(msg, Date.now()));
socket.once("error", (e) => post({ t: "fail", message: e.message }));
socket.bind(init.port, init.host, () => {
  socket.removeAllListeners("error");
  socket.on("error", (e) => log.warn({ err: e }, "link: socket error"));
  const a = socket.address();
  // Linux reports twice what was granted; it silently caps at net.core.rmem_max.
  const got = socket.getRecvBufferSize() / (process.platform === "linux" ? 2 : 1);
  post({ t: "ready", address: a.address, port: a.port, recvBuffer: got });
});

const sweep = setInterval(() => rx.sweep(Date.now()), SWEEP_MS);
// Counters change without any frame (garbage is only counted): mirror them while they move.
const statsTimer = setInterval(() => {
  const now = signature();
  if (now === lastPosted) return;
  lastPosted = now;
  post({ t: "stats", stats: stats() });
}, STATS_MS);

const keysAck = new Int32Array(init.keysAck);
port.on("message", (m: ToWorker) => {
  if (m.t === "keys") {
    try {
      rx.setKeys(m.keys.map((k) => makeKey(Buffer.from(k))));
    } finally {
      Atomics.store(keysAck, 0, m.seq);
      Atomics.notify(keysAck, 0);
    }
    post({ t: "stats", stats: stats() });
  } else if (m.t === "close") {
    clearInterval(sweep);
    clearInterval(statsTimer);
    socket.removeAllListeners("message");
    socket.close(() => {
      flush();
      post({ t: "stats", stats: stats() });
      port.close();
    });
  }
});
