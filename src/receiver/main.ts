/**
 * `startReceiver`: the DMZ receiver process, assembled.
 *
 *   config + policy (fail before anything starts)
 *   LinkReceiver (UDP, receive only) ──▶ TagStore ──▶ UaServer (OPC UA, read-only)
 *                                          │   ├────▶ REST + /metrics (fastify, GET/HEAD)
 *                                          │   └────▶ MqttPublisher (Sparkplug B / UNS JSON, publish-only; optional)
 *                                          └ sweep timer: policy-held values, link-silence quality
 *
 * The receiver never sends on the link socket: nothing here, in the store or in the
 * adapters holds a reference to it; only LinkReceiver owns it, and it only receives.
 */
import { readFileSync } from "node:fs";
import { dirname, isAbsolute, resolve } from "node:path";
import { splitHostPort } from "../config/common.js";
import { linkTimes, loadReceiverConfig, type ReceiverConfig } from "../config/receiver.js";
import { checkRest } from "../config/receiver-rest.js";
import { configError } from "../config/load.js";
import { parseSize } from "../core/size.js";
import { parseDuration } from "../core/duration.js";
import { errorMessage } from "../core/errors.js";
import type { Logger } from "../core/log.js";
import { LinkReceiver, linkLimitsFrom } from "../link/index.js";
import { PolicyGate } from "../policy/index.js";
import type { HistoryStore } from "./history/api.js";
import { DiskHistory } from "./history/disk.js";
import { ReceiverMetrics } from "./metrics.js";
import { MqttPublisher } from "./mqtt/index.js";
import { UaServer } from "./opcua/index.js";
import { startRestServer, type RestTls } from "./rest/server.js";
import { readTokens } from "./rest/security.js";
import { registerPage } from "./page/index.js";
import { TagStore } from "./store.js";

export interface ReceiverHandle {
  /** REST base URL, e.g. http://127.0.0.1:8080 ("" when rest.enabled is false) */
  rest: string;
  /** OPC UA endpoint URL, or null when opcua.enabled is false */
  opcua: string | null;
  /** where the link socket listens */
  link: { address: string; port: number };
  /** SIGHUP: re-read the policy (re-filtering the catalogue) and the link keys; a bad file keeps the old one */
  reload(): void;
  /** stop everything; safe to call twice */
  close(): Promise<void>;
}

/** The PEM files of rest.tls, read before anything listens; errors name the field. */
function readTls(file: string, baseDir: string, rest: ReceiverConfig["rest"]): RestTls | undefined {
  if (!rest.tls) return undefined;
  const read = (field: "cert" | "key" | "clientCa", p: string): Buffer => {
    try {
      return readFileSync(isAbsolute(p) ? p : resolve(baseDir, p));
    } catch (e) {
      throw configError(file, `rest.tls.${field}`, `cannot read ${p}: ${(e as NodeJS.ErrnoException).code ?? "error"}`);
    }
  };
  const { cert, key, clientCa } = rest.tls;
  return { cert: read("cert", cert), key: read("key", key), ...(clientCa !== undefined ? { ca: read("clientCa", clientCa) } : {}) };
}

/** Bytes per history sample of a numeric tag in memory (time, status, null flag, value). */
const SAMPLE_BYTES = 21;
/** How often the disk history store commits what arrived (the most kill -9 can lose). */
const HISTORY_FLUSH_MS = 500;

/** The disk store when history.path is set (an unusable path throws SLUICE_ERR_HISTORY), else null: memory rings. */
function openHistory(h: ReceiverConfig["history"], baseDir: string, logger: Logger): HistoryStore | null {
  if (h.path === undefined) return null;
  return new DiskHistory({
    path: resolve(baseDir, h.path), retainMs: parseDuration(h.retain), maxBytes: parseSize(h.maxBytes), logger,
  });
}

export async function startReceiver(file: string, opts: { logger: Logger }): Promise<ReceiverHandle> {
  // Everything that can be wrong with the files is found before any socket opens.
  const cfg = loadReceiverConfig(file);
  const baseDir = dirname(resolve(file));
  const logger = cfg.log.level !== undefined ? opts.logger.child({}, { level: cfg.log.level }) : opts.logger;
  const gate = PolicyGate.load(cfg.policy, baseDir, logger.child({ component: "policy" }));
  const { timeoutMs, staleMs } = linkTimes(cfg.link);
  const restAt = splitHostPort(cfg.rest.listen);
  const restTls = cfg.rest.enabled ? readTls(file, baseDir, cfg.rest) : undefined;
  const restTokens = cfg.rest.enabled ? readTokens(file, baseDir, cfg.rest.tokens) : [];
  const { exposed } = checkRest(file, cfg.rest, restAt.host);
  if (cfg.rest.enabled && exposed.length > 0) {
    logger.warn({ listen: cfg.rest.listen, exposed }, `REST listens beyond loopback with ${exposed.join(", ")} (rest.insecure: labs only)`);
  }

  const closers: (() => unknown)[] = [];
  let closed: Promise<void> | null = null;
  const close = (): Promise<void> => {
    closed ??= (async () => {
      for (const c of closers.reverse()) {
        try {
          await c();
        } catch (e) {
          logger.warn({ err: errorMessage(e) }, "receiver: error while closing");
        }
      }
    })();
    return closed;
  };

  try {
    // Before any socket opens: an unwritable or full history.path is an error at start.
    const history = openHistory(cfg.history, baseDir, logger);
    if (history) closers.push(() => history.close());
    const link = await LinkReceiver.open(cfg.link, { baseDir, logger, limits: linkLimitsFrom(cfg.limits) });
    closers.push(() => link.close());
    const store = new TagStore({
      link, gate, logger, timeoutMs, staleMs, historyDepth: cfg.history.samples, maxTags: cfg.limits.tags,
      ...(history ? { history, historyRetainMs: parseDuration(cfg.history.retain) } : {}),
    });
    closers.push(() => store.close());
    // The disk store batches: one transaction per flush, so kill -9 loses at most this much.
    const flush = setInterval(() => store.flushHistory(), HISTORY_FLUSH_MS);
    flush.unref();
    closers.push(() => clearInterval(flush));
    const sweep = setInterval(() => store.sweep(), Math.max(10, Math.min(250, timeoutMs / 4)));
    sweep.unref();
    closers.push(() => clearInterval(sweep));
    let mqtt: MqttPublisher | null = null;
    if (cfg.mqtt) {
      mqtt = new MqttPublisher(cfg.mqtt, store, { baseDir, logger }).start();
      const m = mqtt;
      closers.push(() => m.close());
    }
    const mqttStats = mqtt ? () => mqtt.stats() : undefined;
    let ua: UaServer | null = null;
    const metrics = new ReceiverMetrics({
      store, link, policyBlocked: () => store.policyBlocked(), dropped: () => link.dropped(),
      opcuaUpdates: () => ua?.updateStats() ?? null,
      drops: () => store.drops(),
      history: () => ({ store: store.historyStats(), backfill: store.backfillStats() }),
      ...(mqttStats ? { mqtt: mqttStats } : {}),
    });
    closers.push(() => metrics.close());

    let opcua: string | null = null;
    if (cfg.opcua.enabled) {
      const { enabled: _on, ...uaCfg } = cfg.opcua;
      const server = await UaServer.start(uaCfg, store, { baseDir, logger });
      ua = server;
      closers.push(() => server.close());
      opcua = server.endpointUrl;
    }

    let rest = "";
    if (cfg.rest.enabled) {
      const srv = await startRestServer({
        store, metrics, logger, host: restAt.host, port: restAt.port,
        observe: (route, code) => metrics.observeRest(route, code), policyBlocked: () => store.policyBlocked(),
        ...(restTls ? { tls: restTls } : {}),
        auth: {
          users: cfg.rest.users, tokens: restTokens, access: cfg.rest.access, loginAttempts: cfg.rest.loginAttempts,
          onFailure: (reason) => metrics.authFailed(reason),
        },
        extra: (app) => registerPage(app, { store, link, policyBlocked: () => store.policyBlocked() }),
        ...(mqttStats ? { mqtt: mqttStats } : {}),
      });
      closers.push(() => srv.app.close());
      rest = srv.url;
    }

    const addr = link.address();
    logger.info({
      link: addr, rest: rest || null, opcua, policy: gate.hash, timeoutMs, staleMs,
      history: cfg.history.path !== undefined
        ? { path: resolve(baseDir, cfg.history.path), retain: cfg.history.retain, maxBytes: cfg.history.maxBytes }
        : { samples: cfg.history.samples, worstCaseMiB: Math.round((cfg.history.samples * cfg.limits.tags * SAMPLE_BYTES) / 2 ** 20) },
      maxTags: cfg.limits.tags,
      mqtt: mqtt ? mqtt.stats().broker : null,
    }, "receiver started");

    return {
      rest,
      opcua,
      link: { address: addr.address, port: addr.port },
      reload() {
        if (gate.reload()) store.reapplyPolicy();
        try {
          // The key paths come from the file as it is now, so a rollover's nextKey
          // can be added without a restart; other changes still need one.
          const now = loadReceiverConfig(file).link;
          link.reloadKeys({ key: now.key, nextKey: now.nextKey });
          logger.info({ keys: now.nextKey === undefined ? 1 : 2 }, "link keys reloaded");
        } catch (e) {
          logger.error({ err: errorMessage(e) }, "link key reload failed; the keys in force stay");
        }
      },
      close,
    };
  } catch (e) {
    await close();
    throw e;
  }
}
