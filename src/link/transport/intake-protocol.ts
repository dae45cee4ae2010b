/**
 * Messages between the intake (main thread, intake.ts) and its worker
 * (intake-worker.ts). Plain structured-clone data; frame payloads travel as
 * transferred ArrayBuffers (moved, never copied across the thread boundary).
 *
 *   main ──workerData: WorkerInit──────────────────────────────▶ worker
 *   main ──{ t: "keys" } / { t: "close" }──────────────────────▶ worker
 *   main ──handoffDone += batch bytes (shared memory, no message)──▶ worker
 *   main ◀──{ t: "ready" } / { t: "fail" }──────────────────────  worker (once)
 *   main ◀──{ t: "batch", events, stats } / { t: "stats" } ─────  worker
 *   main ◀──{ t: "log", level, obj, msg }──────────────────────   worker
 */
import type { FrameMeta } from "../../core/model.js";
import type { AuthAlg } from "./envelope.js";
import type { RejectReason } from "./receive.js";
import type { ReassemblyLimits } from "./reassembly.js";

export interface WorkerInit {
  host: string;
  port: number;
  recvBufferSize: number;
  /** the raw accepted keys (1 or 2) */
  keys: Uint8Array[];
  auth: AuthAlg;
  mtu: number;
  reassembly: ReassemblyLimits;
  fecGroups: number;
  sessionSkewMs: number;
  /** most frame bytes handed over and not yet acknowledged; beyond it frames are dropped and counted lost */
  handoffBytes: number;
  /**
   * BigInt64Array over it: [0] = frame bytes the main thread has processed (Atomics.add per
   * batch). Shared memory instead of an "ack" message per batch: a message costs the main
   * thread a postMessage and wakes the worker, every batch.
   */
  handoffDone: SharedArrayBuffer;
  /** Int32Array over it: [0] = the last keys message applied */
  keysAck: SharedArrayBuffer;
  /** a restarted worker resumes the session its predecessor held (no "session" event, replay floor kept) */
  resume: { hi: number; lo: number; keyId: number; top: number } | null;
}

export interface WorkerStats {
  datagramsReceived: number;
  framesReceived: number;
  framesLost: number;
  framesRecovered: number;
  sessions: number;
  sessionId: bigint | null;
  lastDatagramTime: number | null;
  rejected: Record<RejectReason, number>;
  inFlight: { frames: number; bytes: number; groups: number };
  /** for a restart: the session held and its highest sequence */
  resume: WorkerInit["resume"];
}

export type HandoffEvent =
  | { k: "frame"; payload: ArrayBuffer; meta: FrameMeta }
  | { k: "session"; id: bigint };

export type ToMain =
  | { t: "ready"; address: string; port: number; recvBuffer: number }
  | { t: "fail"; message: string }
  | { t: "batch"; events: HandoffEvent[]; bytes: number; stats: WorkerStats }
  | { t: "stats"; stats: WorkerStats }
  | { t: "log"; level: "info" | "warn" | "error"; obj: Record<string, unknown>; msg: string };

export type ToWorker =
  | { t: "keys"; keys: Uint8Array[]; seq: number }
  | { t: "close" };
