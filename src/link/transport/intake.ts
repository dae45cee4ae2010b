/**
 * The receiving end of the link (receiver side): a bound UDP socket feeding
 * the receive pipeline (receive.ts). Security invariant 1: this socket only
 * receives. There is no call on it that could emit a packet (no send, no
 * connect); a unit test greps this file to keep it so.
 *
 *   UDP (SO_RCVBUF >= 4 MiB) ─▶ LinkReceiver.handle ─▶ "frame" / "session" events
 *                                      └─▶ rejected: counted by reason + channels.linkReject
 */
import dgram from "node:dgram";
import { EventEmitter } from "node:events";
import { isIPv6 } from "node:net";
import { SluiceError, errorMessage } from "../../core/errors.js";
import { channels } from "../../core/events.js";
import { silentLogger, type Logger } from "../../core/log.js";
import type { LinkKey } from "../keys.js";
import { INTAKE_DEFAULTS, type TransportIntakeOptions } from "./options.js";
import { LinkReceiver, REJECT_REASONS, type RejectReason } from "./receive.js";

export { intakeOptionsFrom, type TransportIntakeOptions } from "./options.js";
export type { RejectReason } from "./receive.js";

const SWEEP_MS = 100;

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

export class TransportIntake extends EventEmitter {
  private readonly receiver: LinkReceiver;
  private readonly rejected = Object.fromEntries(REJECT_REASONS.map((r) => [r, 0])) as Record<RejectReason, number>;
  private readonly sweepTimer: NodeJS.Timeout;
  private closing: Promise<void> | null = null;

  private constructor(private readonly socket: dgram.Socket, opts: TransportIntakeOptions, private readonly log: Logger) {
    super();
    const r = opts.reassembly ?? {};
    this.receiver = new LinkReceiver({
      keys: checkKeys(opts.keys),
      auth: opts.auth ?? INTAKE_DEFAULTS.auth,
      mtu: opts.mtu ?? INTAKE_DEFAULTS.mtu,
      reassembly: {
        frames: r.frames ?? INTAKE_DEFAULTS.frames,
        bytes: r.bytes ?? INTAKE_DEFAULTS.bytes,
        timeoutMs: r.timeoutMs ?? INTAKE_DEFAULTS.timeoutMs,
      },
      fecGroups: 64,
    }, {
      frame: (payload, meta) => this.emit("frame", payload, meta),
      session: (id) => this.emit("session", id),
      reject: (reason) => this.reject(reason),
    }, log);
    socket.on("message", (msg) => this.receiver.handle(msg, Date.now()));
    this.sweepTimer = setInterval(() => this.receiver.sweep(Date.now()), SWEEP_MS);
    this.sweepTimer.unref();
  }

  static async open(opts: TransportIntakeOptions, logger: Logger = silentLogger): Promise<TransportIntake> {
    const want = opts.recvBufferSize ?? INTAKE_DEFAULTS.recvBufferSize;
    checkKeys(opts.keys);
    const socket = dgram.createSocket({ type: isIPv6(opts.host) ? "udp6" : "udp4", recvBufferSize: want });
    socket.on("error", (e) => logger.warn({ err: e }, "link: socket error"));
    await new Promise<void>((res, rej) => {
      socket.once("error", rej);
      socket.bind(opts.port, opts.host, () => { socket.off("error", rej); res(); });
    }).catch((e: unknown) => {
      socket.close();
      throw new SluiceError("SLUICE_ERR_LINK", `cannot listen on ${opts.host}:${opts.port}: ${errorMessage(e)}`);
    });
    // Linux reports twice what was granted; it silently caps at net.core.rmem_max.
    const got = socket.getRecvBufferSize() / (process.platform === "linux" ? 2 : 1);
    if (got < want) {
      logger.warn({ wanted: want, got }, "link: receive buffer smaller than configured (raise net.core.rmem_max); expect loss in bursts");
    }
    const intake = new TransportIntake(socket, opts, logger);
    logger.info({ listen: intake.address(), keyIds: opts.keys.map((k) => k.id) }, "link: intake listening");
    return intake;
  }

  address(): { address: string; port: number } {
    const a = this.socket.address();
    return { address: a.address, port: a.port };
  }

  /** Count rejected units by reason; upper layers add "malformed"/"policy" here. */
  reject(reason: RejectReason, n = 1): void {
    if (!(reason in this.rejected) || !(n > 0)) return;
    this.rejected[reason] += n;
    if (channels.linkReject.hasSubscribers) for (let i = 0; i < n; i++) channels.linkReject.publish({ reason });
  }

  /** Keys accepted from now on (at most 2, for rollover). */
  setKeys(keys: LinkKey[]): void {
    this.receiver.setKeys(checkKeys(keys));
    this.log.info({ keyIds: keys.map((k) => k.id) }, "link: intake keys changed");
  }

  stats(): IntakeStats {
    const r = this.receiver;
    return {
      datagramsReceived: r.datagramsReceived, framesReceived: r.framesReceived, framesLost: r.framesLost,
      framesRecovered: r.framesRecovered, sessions: r.sessions, sessionId: r.sessionId,
      lastDatagramTime: r.lastDatagramTime, rejected: { ...this.rejected },
    };
  }

  /** Memory held by reassembly and FEC (tests, diagnostics). */
  inFlight(): { frames: number; bytes: number; groups: number } {
    return this.receiver.inFlight();
  }

  close(): Promise<void> {
    this.closing ??= new Promise<void>((res) => {
      clearInterval(this.sweepTimer);
      this.socket.removeAllListeners("message");
      this.socket.close(() => res());
    });
    return this.closing;
  }
}

function checkKeys(keys: LinkKey[]): LinkKey[] {
  if (keys.length < 1 || keys.length > 2) throw new SluiceError("SLUICE_ERR_KEY", `the link intake takes 1 or 2 keys, got ${keys.length}`);
  return keys;
}
