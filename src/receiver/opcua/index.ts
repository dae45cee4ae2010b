/**
 * The receiver's read-only OPC UA server: the one adapter that hides node-opcua.
 *
 *   TagStoreView ──catalog/update──▶ TagSpace (Objects/SOURCE/TAG, urn:sluice:tags)
 *                ──link()/health()─▶ HealthSpace (Objects/Sluice, urn:sluice:diagnostics), ~1 s
 *                ──history()───────▶ historian (HistoryRead raw)
 *   client ──▶ secure channel ──▶ read-only gate ──▶ queue clamp ──▶ node-opcua services
 *   subscriptions collect only the monitored items that queued something (harvest.ts)
 *
 * Start order: PKI and certificate, server.initialize(), gate, address space
 * built from the store, then listen, so no client ever sees a partial space or
 * an ungated server. It reads the store only through TagStoreView and never
 * writes to it.
 */
import type { Static } from "@sinclair/typebox";
import { OPCUAServer, extractFullyQualifiedDomainName, getFullyQualifiedDomainName } from "node-opcua";
import { hostname as osHostname } from "node:os";
import type { ReceiverOpcua } from "../../config/receiver-opcua.js";
import { errorMessage } from "../../core/errors.js";
import type { Logger } from "../../core/log.js";
import type { TagState, TagStoreView } from "../store-api.js";
import { HealthSpace, DIAGNOSTICS_NAMESPACE } from "./health.js";
import { advertiseHistory, serveHistory } from "./historian.js";
import { preparePki } from "./pki.js";
import { routeLibraryLogs } from "./library-log.js";
import { HARVEST_FOR, harvestQueuedOnly } from "./harvest.js";
import { DIRECT_FOR, directValues } from "./value-path.js";
import { clampQueueSizes, queueCap } from "./limits.js";
import { installReadOnlyGate } from "./readonly-gate.js";
import { MAX_HISTORY_VALUES_PER_CALL, serverOptions } from "./server-options.js";
import { TAGS_NAMESPACE, TagSpace } from "./tags.js";
import { millisecondReads } from "./timestamps.js";

export { hashPassword, verifyPassword } from "./password.js";
export { routeLibraryLogs } from "./library-log.js";
export { TAGS_NAMESPACE } from "./tags.js";
export { DIAGNOSTICS_NAMESPACE } from "./health.js";

const HEALTH_REFRESH_MS = 1000;
const WILDCARDS = new Set(["0.0.0.0", "::", "[::]"]);

/** Warnings about a configuration weaker than the secure default; said once, at start. */
function warnInsecure(cfg: Static<typeof ReceiverOpcua>, log: Logger): void {
  if (cfg.security.modes.includes("None")) log.warn("OPC UA security mode None is enabled: traffic is neither signed nor encrypted (labs and demos only)");
  if (cfg.allowAnonymous) log.warn("OPC UA anonymous access is allowed: any client that reaches the port can read every tag (labs and demos only)");
  if (!cfg.allowAnonymous && cfg.users.length === 0) log.warn("OPC UA: no users configured and anonymous access is off: no client can open a session");
}

/** Refused services are logged at most every 10 s, with a count, so a flood cannot flood the log. */
function refusalLogger(log: Logger): (service: string) => void {
  let pending = 0;
  let last = 0;
  return (service) => {
    pending++;
    const now = Date.now();
    if (now - last < 10_000) return;
    log.warn({ service, refused: pending }, "refused a mutating OPC UA service: this server is read-only");
    pending = 0;
    last = now;
  };
}

/** What serve() leaves running: the undo, and the tag space (for its update counters). */
interface Served {
  detach(): void;
  tags: TagSpace;
}

/** Value updates as the OPC UA adapter applies them (overload shows as superseded updates and lag). */
export interface UaUpdateStats {
  /** updates replaced by a newer value of the same tag before the address space took them */
  superseded: number;
  /** age of the oldest update still waiting, ms (0 when idle) */
  lagMs: number;
}

export class UaServer {
  private closing: Promise<void> | null = null;

  private constructor(
    private readonly server: OPCUAServer,
    private readonly served: Served,
    readonly endpointUrl: string,
    private readonly log: Logger,
  ) {}

  updateStats(): UaUpdateStats {
    const u = this.served.tags.updates;
    return { superseded: u.superseded, lagMs: u.lagMs() };
  }

  static async start(cfg: Static<typeof ReceiverOpcua>, store: TagStoreView, opts: { baseDir: string; logger: Logger }): Promise<UaServer> {
    const log = opts.logger.child({ component: "opcua" });
    routeLibraryLogs(log);
    warnInsecure(cfg, log);
    const harvest = harvestQueuedOnly();
    if (!harvest.applied) log.warn({ why: harvest.why }, `OPC UA publishing walks every monitored item at each interval (collecting only what changed is written for node-opcua ${HARVEST_FOR})`);
    const direct = directValues();
    if (!direct.applied) log.warn({ why: direct.why }, `OPC UA tag values go through node-opcua's general setter, with its copies (the direct path is written for node-opcua ${DIRECT_FOR})`);
    await extractFullyQualifiedDomainName();
    const hostname = cfg.hostname ?? (cfg.host !== undefined && !WILDCARDS.has(cfg.host) ? cfg.host : getFullyQualifiedDomainName());
    const applicationUri = cfg.applicationUri ?? `urn:${osHostname()}:sluice:receiver`;
    const pki = await preparePki({
      baseDir: opts.baseDir, pki: cfg.pki, certificate: cfg.certificate, privateKey: cfg.privateKey,
      trustedClients: cfg.trustedClients, applicationUri, hostname, logger: log,
    });
    let server: OPCUAServer | null = null;
    let served: Served | null = null;
    try {
      server = new OPCUAServer(serverOptions(cfg, pki, { hostname, applicationUri }, log));
      await server.initialize();
      served = UaServer.serve(server, cfg, store, log);
    } catch (e) {
      served?.detach();
      // shutdown also disposes the certificate managers (their folder watchers would keep the process alive)
      if (server) await server.shutdown().catch(() => undefined);
      else await Promise.all([pki.server.dispose(), pki.user.dispose()]).catch(() => undefined);
      throw e;
    }
    try {
      await server.start();
    } catch (e) {
      served.detach();
      await server.shutdown().catch(() => undefined);
      // a runtime failure (port taken, address gone), not a configuration error: exit 1
      throw new Error(`OPC UA server cannot listen on ${cfg.host ?? "*"}:${cfg.port}: ${errorMessage(e)}`, { cause: e });
    }
    const endpointUrl = server.getEndpointUrl();
    log.info({ endpointUrl, modes: cfg.security.modes, anonymous: cfg.allowAnonymous, users: cfg.users.length }, "OPC UA server listening");
    return new UaServer(server, served, endpointUrl, log);
  }

  /** Gate the services, build the address space from the store and follow its events; returns the undo. */
  private static serve(server: OPCUAServer, cfg: Static<typeof ReceiverOpcua>, store: TagStoreView, log: Logger): Served {
    clampQueueSizes(server, queueCap(cfg.maxMonitoredItems));
    installReadOnlyGate(server, refusalLogger(log)); // outermost: refused requests reach nothing else
    millisecondReads(server);

    const addressSpace = server.engine.addressSpace;
    if (!addressSpace) throw new Error("OPC UA address space missing after initialize");
    const t0 = Date.now();
    const cpu0 = process.cpuUsage();
    const tags = new TagSpace(addressSpace.registerNamespace(TAGS_NAMESPACE), store, { samplingInterval: cfg.samplingInterval, logger: log });
    tags.build();
    serveHistory(server, addressSpace.getNamespaceIndex(TAGS_NAMESPACE), store, MAX_HISTORY_VALUES_PER_CALL);
    advertiseHistory(server, store.historyDepth > 0, MAX_HISTORY_VALUES_PER_CALL);
    const health = new HealthSpace(addressSpace.registerNamespace(DIAGNOSTICS_NAMESPACE), store);
    health.refresh();
    const cpu = process.cpuUsage(cpu0);
    log.info({ tags: tags.size, ms: Date.now() - t0, cpuMs: Math.round((cpu.user + cpu.system) / 1000) }, "OPC UA address space built");

    // Store events must never throw back into the store.
    const guard = <A extends unknown[]>(what: string, f: (...a: A) => void) => (...a: A): void => {
      try {
        f(...a);
      } catch (e) {
        log.error({ err: errorMessage(e) }, `OPC UA ${what} failed`);
      }
    };
    const onCatalog = guard("catalogue change", (added: TagState[], removed: string[], changed: TagState[]) => tags.onCatalog(added, removed, changed));
    const onUpdate = guard("value update", (states: TagState[]) => tags.onUpdate(states));
    const timer = setInterval(guard("health refresh", () => health.refresh()), HEALTH_REFRESH_MS);
    timer.unref();
    store.on("catalog", onCatalog);
    store.on("update", onUpdate);
    const detach = (): void => {
      clearInterval(timer);
      store.off("catalog", onCatalog);
      store.off("update", onUpdate);
      tags.stop();
    };
    return { detach, tags };
  }

  /** Stop listening and end every session; safe to call more than once. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      this.served.detach();
      await this.server.shutdown();
      this.log.info("OPC UA server stopped");
    })();
    return this.closing;
  }
}
