/**
 * The link as the reader and the receiver use it: two facades over the frame layer
 * (publisher / replica, codec) and the transport (auth, fragments, FEC, pacing, UDP).
 *
 *   reader:   LinkSender.update / setCatalog / setHealth ─▶ Publisher ─▶ frame bytes
 *             journal (HistorySource) ─▶ history carousel ─┘
 *               ─▶ TransportSender (seal, fragment, FEC, pace) ─▶ UDP ───────────┐
 *                                                                                │ one way
 *   receiver: UDP ─▶ TransportIntake (verify, replay, reassemble, FEC) ─▶ payload ◀┘
 *               ─▶ Replica ─▶ events "catalog" / "samples" / "history" / "health" / "frame" / "session"
 *
 * Byte layout of a frame payload: proto/sluice.proto and src/link/codec/frame.ts; of a
 * datagram: src/link/transport/envelope.ts. The sender never listens; the receiver's
 * socket never sends (DESIGN invariant 1): both are properties of the transport.
 */
import { EventEmitter } from "node:events";
import { resolve } from "node:path";
import type { Static } from "@sinclair/typebox";
import type { ReaderLink, ReceiverLink } from "../config/link.js";
import { parseDuration } from "../core/duration.js";
import { errorMessage } from "../core/errors.js";
import { silentLogger, type Logger } from "../core/log.js";
import type { FrameKind, FrameMeta, ReaderHealth, Sample, TagDef } from "../core/model.js";
import { FrameError } from "./codec/index.js";
import { loadKey } from "./keys.js";
import { Publisher } from "./publisher.js";
import type { HistorySource } from "./history.js";
import { Replica } from "./replica.js";
import { Drops, type DropReason } from "./drops.js";
import type { LinkLimits } from "./limits.js";
import { attachSink, type LinkSink } from "./sink.js";
import { TransportIntake, TransportSender, intakeOptionsFrom, senderOptionsFrom, type IntakeStats } from "./transport/index.js";
import { IP_UDP_OVERHEAD } from "./transport/envelope.js";
import { loadIntakeKeys } from "./transport/options.js";

export type { RejectReason } from "./transport/index.js";
export { REJECT_REASONS } from "./transport/receive.js";
export { catalogHash, CatalogIndex, MAX_TAGS } from "./catalog.js";
export { encodeFrame, encodeSamplesFrame, decodeFrame, peekFrame, FrameError, coerceValue, MISMATCH, MAX_SAMPLES } from "./codec/index.js";
export { Publisher, type PublisherOptions } from "./publisher.js";
export { fillBound, HistoryCarousel, SETTLE_MS, TIERS, type HistorySource, type Tier } from "./history.js";
export { Replica, type HistoryInfo, type ReplicaOptions, type ReplicaSink } from "./replica.js";
export { DROP_REASONS, type DropReason } from "./drops.js";
export { defaultLinkLimits, linkLimitsFrom, type LinkLimits } from "./limits.js";
export { attachSink, type LinkSink, type SampleInfo } from "./sink.js";

/** Carousel and heartbeat timer resolution (ms). */
const TICK_MS = 10;
/** Share of the link's payload rate the first birth + keyframe may use after setCatalog. */
const STARTUP_SHARE = 0.8;

export class LinkSender {
  private readonly pub: Publisher;
  private readonly tickTimer: NodeJS.Timeout;
  private flushTimer: NodeJS.Timeout | null = null;
  private readonly flushMs: number;
  private closing: Promise<void> | null = null;
  private lastWarn = 0;

  private constructor(
    private readonly cfg: Static<typeof ReaderLink>, private readonly baseDir: string,
    private readonly transport: TransportSender, private readonly log: Logger, history: HistorySource | undefined,
  ) {
    // What the pacing rate (wire bytes/s, all overhead) leaves for frame bytes.
    const mtu = cfg.mtu;
    const payloadRate = (cfg.rate * (transport.maxPayload / (mtu + IP_UDP_OVERHEAD))) / (1 + cfg.fec.repair);
    this.flushMs = parseDuration(cfg.flush);
    this.pub = new Publisher({
      maxPayload: transport.maxPayload,
      carouselRate: payloadRate * cfg.carouselShare,
      startupRate: payloadRate * STARTUP_SHARE,
      keyframeMs: parseDuration(cfg.keyframe),
      birthMs: parseDuration(cfg.birth),
      heartbeatMs: parseDuration(cfg.heartbeat),
      flushMs: this.flushMs,
      send: (frame) => transport.send(frame),
      backlog: () => transport.stats().queueBytes,
      onError: (message) => this.warn(message),
      ...(history ? { history: { source: history, rate: payloadRate * cfg.backfill.share } } : {}),
    });
    this.tickTimer = setInterval(() => this.pub.tick(), TICK_MS);
    this.tickTimer.unref();
  }

  /** `history`: the reader's journal, re-sent by the history carousel within link.backfill.share. */
  static async open(cfg: Static<typeof ReaderLink>, opts: { baseDir: string; logger?: Logger; history?: HistorySource }): Promise<LinkSender> {
    const log = opts.logger ?? silentLogger;
    const transport = await TransportSender.open(senderOptionsFrom(cfg, opts.baseDir), log);
    return new LinkSender(cfg, opts.baseDir, transport, log, opts.history);
  }

  get sessionId(): bigint {
    return this.transport.sessionId;
  }

  /** The tag catalogue, aliases dense 0..n-1: sends the birth at once, then a keyframe. */
  setCatalog(tags: TagDef[]): void {
    this.pub.setCatalog(tags);
  }

  /** Changed values (deadband/RBE already applied by the caller). */
  update(samples: Sample[]): void {
    this.pub.update(samples);
    if (this.pub.hasPending && !this.flushTimer && !this.closing) {
      this.flushTimer = setTimeout(() => { this.flushTimer = null; this.pub.flush(); }, this.flushMs);
      this.flushTimer.unref();
    }
  }

  /** The latest sample held for an alias (what the next keyframe carries). */
  latest(alias: number): Sample | undefined {
    return this.pub.latest(alias);
  }

  /** Latest reader health; sent every heartbeat interval. */
  setHealth(health: ReaderHealth): void {
    this.pub.setHealth(health);
  }

  /**
   * Re-read the link key (SIGHUP). `keyPath` (relative to the config file) is
   * the key file the reloaded config names, when it changed; a bad file throws
   * SLUICE_ERR_KEY and the key in force stays.
   */
  reloadKey(keyPath?: string): void {
    const path = keyPath ?? this.keyPath ?? this.cfg.key;
    const key = loadKey(resolve(this.baseDir, path));
    this.transport.setKey(key);
    this.keyPath = path;
  }
  /** the key file in force when a reload named another one than the config at start */
  private keyPath: string | undefined;

  stats(): Record<string, number> {
    const t = this.transport.stats();
    return {
      ...this.pub.stats(),
      linkDatagramsSent: t.datagramsSent, linkBytesSent: t.bytesSent, linkFramesSent: t.framesSent,
      linkFramesDropped: t.framesDropped, linkQueueBytes: t.queueBytes, linkSendErrors: t.sendErrors,
    };
  }

  /** Sends what is pending, lets the transport drain (bounded), closes. Idempotent. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      clearInterval(this.tickTimer);
      if (this.flushTimer) clearTimeout(this.flushTimer);
      this.flushTimer = null;
      this.pub.flush();
      await this.transport.close();
    })();
    return this.closing;
  }

  private warn(message: string): void {
    const now = Date.now();
    if (now - this.lastWarn < 10_000) return; // at most one in 10 s: a stuck condition must not flood the log
    this.lastWarn = now;
    this.log.warn(message);
  }
}

/** The intake's counters, with frame-level liveness in place of datagram-level. */
export type LinkReceiverStats = Omit<IntakeStats, "lastDatagramTime"> & {
  /** Receiver time (ms since epoch) of the last accepted frame. */
  lastFrameTime: number | null;
  /** A complete catalogue matching the reader's current frames is held. */
  birth: boolean;
};

/**
 * Events:
 *  - "catalog" (tags: readonly TagDef[], hash: number, meta: FrameMeta)
 *  - "samples" (samples: Sample[], info: { kind: "keyframe" | "delta"; frameTime: number; meta: FrameMeta })
 *  - "history" (samples: Sample[], info: { from: number; to: number; part: number; parts: number; frameTime: number; meta: FrameMeta })
 *              part `part` of `parts` of a re-sent journal segment: the union of its parts holds
 *              every sample the reader sent with from <= sourceTime < to. Samples may be older
 *              than the live values and are never applied as such; the carousel sends the same
 *              segments again and again, so merge them idempotently. A part the attached
 *              sink says it merged before (LinkSink.historyKnown, by info.digest) comes as
 *              a repeat: info.repeat, no samples decoded.
 *  - "health"  (health: ReaderHealth, info: { frameTime: number; meta: FrameMeta })
 *  - "frame"   (info: { kind: FrameKind; frameTime: number; meta: FrameMeta })   every accepted frame
 *  - "session" (sessionId: bigint)
 *  - "history" (samples: Sample[], info: HistoryInfo)   journal samples re-sent by the reader, history only
 * Listeners run inside the socket handler: an exception there is logged, never thrown.
 */
export class LinkReceiver extends EventEmitter {
  private readonly replica: Replica;
  private lastFrameTime: number | null = null;
  private lastError = 0;
  /** the attached sink's answer to "merged this history part before?" (LinkSink.historyKnown) */
  private known: ((session: bigint, digest: string) => boolean) | undefined;

  private readonly drops: Drops;

  private constructor(private readonly cfg: Static<typeof ReceiverLink>, private readonly baseDir: string,
    private readonly intake: TransportIntake, private readonly log: Logger, limits?: LinkLimits) {
    super();
    this.drops = new Drops(log);
    this.replica = new Replica({
      catalog: (tags, hash, meta) => {
        this.log.info({ tags: tags.length, hash: hash.toString(16), session: meta.sessionId.toString(16) }, "link: catalogue received");
        this.emit("catalog", tags, hash, meta);
      },
      samples: (samples, info) => this.emit("samples", samples, info),
      history: (samples, info) => this.emit("history", samples, info),
      historyKnown: (session, digest) => this.known?.(session, digest) ?? false,
      health: (health, info) => this.emit("health", health, info),
      frame: (info: { kind: FrameKind; frameTime: number; meta: FrameMeta }) => {
        this.lastFrameTime = info.meta.receivedAt;
        this.emit("frame", info);
      },
    }, { ...(limits ? { limits } : {}), drops: this.drops });
    intake.on("frame", (payload: Uint8Array, meta: FrameMeta) => this.onFrame(payload, meta));
    intake.on("session", (id: bigint) => {
      this.replica.newSession(id);
      this.log.info({ session: id.toString(16) }, "link: new reader session");
      this.emit("session", id);
    });
  }

  /** `limits`: the receiver config's `limits` section (linkLimitsFrom); default its defaults. */
  static async open(cfg: Static<typeof ReceiverLink>, opts: { baseDir: string; logger?: Logger; limits?: LinkLimits }): Promise<LinkReceiver> {
    const log = opts.logger ?? silentLogger;
    const intake = await TransportIntake.open(intakeOptionsFrom(cfg, opts.baseDir), log);
    return new LinkReceiver(cfg, opts.baseDir, intake, log, opts.limits);
  }

  /** Authenticated input dropped (or served null with a Bad status) over a receiver limit, by reason. */
  dropped(): Record<DropReason, number> {
    return this.drops.snapshot();
  }

  address(): { address: string; port: number } {
    return this.intake.address();
  }

  /**
   * Feed one downstream consumer through its typed methods (the events below, one
   * method each); returns the undo. Samples flow one way: the sink gets no handle
   * on the link, so it counts its own drops.
   */
  attach(sink: LinkSink): () => void {
    const undo = attachSink(this, sink);
    const known = sink.historyKnown?.bind(sink);
    if (known) this.known = known;
    return () => {
      undo();
      if (this.known === known) this.known = undefined;
    };
  }

  stats(): LinkReceiverStats {
    const s = this.intake.stats();
    return {
      datagramsReceived: s.datagramsReceived, framesReceived: s.framesReceived, framesLost: s.framesLost,
      framesRecovered: s.framesRecovered, sessions: s.sessions, sessionId: s.sessionId,
      lastFrameTime: this.lastFrameTime, birth: this.replica.birth, rejected: s.rejected,
    };
  }

  /** Frame-layer counters (catalogues, held frames, samples applied or too old). */
  replicaStats(): Record<string, number> {
    return this.replica.stats();
  }

  /**
   * Re-read the accepted keys (SIGHUP). `paths` are the key and nextKey the
   * reloaded config names (relative to it), so a nextKey added for a rollover
   * takes effect without a restart; without them the files named at start are
   * re-read. A bad file throws SLUICE_ERR_KEY and the keys in force stay.
   */
  reloadKeys(paths?: { key: string; nextKey?: string | undefined }): void {
    const p = paths ?? this.keyPaths ?? { key: this.cfg.key, nextKey: this.cfg.nextKey };
    this.intake.setKeys(loadIntakeKeys(this.baseDir, p));
    this.keyPaths = { key: p.key, nextKey: p.nextKey };
  }
  /** the key files in force when a reload named others than the config at start */
  private keyPaths: { key: string; nextKey?: string | undefined } | undefined;

  close(): Promise<void> {
    return this.intake.close();
  }

  private onFrame(payload: Uint8Array, meta: FrameMeta): void {
    try {
      this.replica.ingest(payload, meta);
    } catch (e) {
      if (e instanceof FrameError && e.reason === "malformed") {
        this.intake.reject("malformed");
        return;
      }
      const now = Date.now();
      if (now - this.lastError > 10_000) {
        this.lastError = now;
        this.log.error({ err: errorMessage(e) }, "link: error while applying a frame");
      }
    }
  }
}
