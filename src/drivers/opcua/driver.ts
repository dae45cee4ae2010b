/**
 * The OPC UA client driver: one client, one session per connection; node-opcua
 * is loaded on the first connect, so config checks and reader processes
 * without OPC UA sources never pay for it.
 *
 *   connect ─▶ client (own PKI, no auto-reconnect) ─▶ session ─▶ NamespaceArray
 *   read(plan) ─▶ resolve nsu= against this connection's NamespaceArray
 *      mode read:      batched Read (maxNodesPerRead per request)
 *      mode subscribe: first read seeds and monitors; later reads return the latest values
 *   ─▶ server StatusCode and SourceTimestamp pass through; value coerced to the tag type
 *
 * node-opcua's own reconnection is off (maxRetry 0): the scheduler owns
 * retries, and every reconnect builds a fresh client and re-resolves namespace
 * URIs, so a server restart that reorders its namespaces cannot leave us
 * reading the wrong nodes. No Write, no Call.
 */
import type * as UA from "node-opcua";
import { resolve } from "node:path";
import { SluiceError, errorMessage } from "../../core/errors.js";
import { parseDuration } from "../../core/duration.js";
import type { Logger } from "../../core/log.js";
import { silentLogger } from "../../core/log.js";
import { Status } from "../../core/status.js";
import type { Driver, DriverSource, Point, PointResult, ReadPlan } from "../contract.js";
import { opcuaEndpointError, opcuaOptionErrors, opcuaOptions, type OpcuaOptions } from "./options.js";
import { formatOpcuaAddress, nodeIdString, type OpcuaAddress } from "./address.js";
import { toResult } from "./coerce.js";

type Opcua = typeof UA;
/** sessions of broken connections remembered for closing (more would have expired anyway) */
const MAX_ORPHANS = 8;
let loading: Promise<Opcua> | undefined;
/** node-opcua, loaded once on first use (about a second). */
export const loadOpcua = (): Promise<Opcua> => (loading ??= import("node-opcua"));

/** One live connection; replaced wholesale at every connect. */
interface Conn {
  readonly gen: number;
  readonly client: UA.OPCUAClient;
  session?: UA.ClientSession;
  subscription?: UA.ClientSubscription;
  namespaces: string[];
  /** why the connection is unusable, once it is */
  lost?: string;
  /** the client's channel to the server broke (its session could not be closed over it) */
  channelLost?: boolean;
}

/** Per plan, per connection: resolved NodeIds and (subscribe mode) the latest values. */
interface Bound {
  gen: number;
  nodeIds: (UA.NodeId | undefined)[];
  latest?: (UA.DataValue | undefined)[];
}

export interface OpcuaPlan extends ReadPlan {
  readonly addresses: readonly OpcuaAddress[];
  bound?: Bound;
}

export class OpcuaDriver implements Driver {
  readonly protocol = "opcua" as const;
  readonly #opts: OpcuaOptions;
  /** teardowns in flight; a new connection waits for them */
  readonly #closing = new Set<Promise<void>>();
  /** sessions left open by a broken connection, closed through the next one */
  readonly #orphans: UA.ClientSession[] = [];
  readonly #endpoint: string;
  readonly #timeoutMs: number;
  readonly #log: Logger;
  /** a device time outside the reader's window was replaced by the acquisition time (logged once) */
  #clockLogged = false;
  readonly #onClock = (deviceTime: number): void => {
    if (this.#clockLogged) return;
    this.#clockLogged = true;
    this.#log.warn({ deviceTime: Number.isFinite(deviceTime) ? new Date(deviceTime).toISOString() : String(deviceTime) },
      "device clock outside the reader's window: its source timestamps are replaced by the reader's acquisition time (logged once)");
  };
  #conn: Conn | undefined;
  #gen = 0;
  #cm: Promise<UA.OPCUACertificateManager> | undefined;
  #reading = false;

  constructor(source: DriverSource, logger: Logger = silentLogger) {
    this.#opts = opcuaOptions(source.options);
    const epErr = opcuaEndpointError(source.endpoint);
    if (epErr) {
      throw new SluiceError("SLUICE_ERR_CONFIG", `opcua endpoint ${JSON.stringify(source.endpoint)}: ${epErr}`);
    }
    const bad = opcuaOptionErrors(this.#opts)[0];
    if (bad) throw new SluiceError("SLUICE_ERR_CONFIG", `opcua.${bad.path}: ${bad.reason}`);
    this.#endpoint = source.endpoint;
    this.#timeoutMs = source.timeoutMs;
    this.#log = logger.child({ source: source.name, protocol: "opcua" });
  }

  #certificateManager(ua: Opcua): Promise<UA.OPCUACertificateManager> {
    this.#cm ??= (async () => {
      const cm = new ua.OPCUACertificateManager({
        rootFolder: resolve(this.#opts.pki),
        automaticallyAcceptUnknownCertificate: this.#opts.acceptUnknownServerCertificate,
      });
      await cm.initialize();
      return cm;
    })();
    return this.#cm;
  }

  /** Settle within ms or reject SLUICE_ERR_TIMEOUT (and drop the connection). */
  async #within<T>(conn: Conn, p: Promise<T>, ms: number, what: string): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        conn.lost ??= `${what} timed out`;
        reject(new SluiceError("SLUICE_ERR_TIMEOUT", `opcua ${this.#endpoint}: ${what} timed out after ${ms} ms`));
      }, ms);
    });
    try {
      return await Promise.race([p, deadline]);
    } finally {
      clearTimeout(timer);
    }
  }

  async connect(): Promise<void> {
    const old = this.#drop();
    if (old) void this.#disconnect(old);
    // Old sessions are closed (or parked as orphans) before a new one is created: a
    // PLC has a handful of sessions, and each abandoned one holds a slot until it times out.
    await Promise.all(this.#closing);
    const gen = ++this.#gen;
    const ua = await loadOpcua();
    const cm = await this.#certificateManager(ua);
    if (gen !== this.#gen) throw new SluiceError("SLUICE_ERR_CLOSED", "opcua: closed while connecting");
    const secure = this.#opts.securityMode !== "None";
    const client = ua.OPCUAClient.create({
      applicationName: "sluice-reader",
      clientName: "sluice",
      endpointMustExist: false,
      securityMode: ua.MessageSecurityMode[this.#opts.securityMode],
      securityPolicy: secure ? ua.SecurityPolicy[this.#opts.securityPolicy] : ua.SecurityPolicy.None,
      connectionStrategy: { maxRetry: 0, initialDelay: 100, maxDelay: 100 },
      clientCertificateManager: cm,
      requestedSessionTimeout: parseDuration(this.#opts.sessionTimeout),
      defaultTransactionTimeout: this.#timeoutMs,
      transportTimeout: this.#timeoutMs,
      keepSessionAlive: true,
    });
    const conn: Conn = { gen, client, namespaces: [] };
    this.#conn = conn;
    client.on("connection_lost", () => { conn.lost ??= "connection lost"; conn.channelLost = true; });
    client.on("close", () => { conn.lost ??= "connection closed"; conn.channelLost = true; });
    // Secure channels, key generation and discovery cost several round trips: allow more than one request's time.
    const budget = Math.max(this.#timeoutMs * 5, 10_000);
    try {
      await this.#within(conn, client.connect(this.#endpoint), budget, "connect");
      await this.#closeOrphans(client);
      const identity: UA.UserIdentityInfo = this.#opts.user === undefined
        ? { type: ua.UserTokenType.Anonymous }
        : { type: ua.UserTokenType.UserName, userName: this.#opts.user, password: this.#opts.password ?? "" };
      const session = await this.#within(conn, client.createSession(identity), budget, "create session");
      conn.session = session;
      session.on("session_closed", () => { conn.lost ??= "session closed"; });
      session.on("keepalive_failure", () => { conn.lost ??= "session keep-alive failed"; });
      conn.namespaces = await this.#within(conn, session.readNamespaceArray(), this.#timeoutMs, "read NamespaceArray");
      if (this.#opts.mode === "subscribe") {
        const ms = parseDuration(this.#opts.samplingInterval);
        const sub = await this.#within(conn, session.createSubscription2({
          requestedPublishingInterval: ms, requestedMaxKeepAliveCount: 10,
          requestedLifetimeCount: Math.max(30, Math.ceil((3 * parseDuration(this.#opts.sessionTimeout)) / ms)),
          maxNotificationsPerPublish: 0, publishingEnabled: true, priority: 1,
        }), budget, "create subscription");
        conn.subscription = sub;
        sub.on("terminated", () => { conn.lost ??= "subscription terminated"; });
      }
      if (conn.lost) throw new Error(conn.lost);
      if (gen !== this.#gen) throw new SluiceError("SLUICE_ERR_CLOSED", "opcua: closed while connecting");
      this.#log.debug({ namespaces: conn.namespaces.length, securityMode: this.#opts.securityMode }, "connected");
    } catch (e) {
      if (this.#conn === conn) this.#conn = undefined;
      void this.#disconnect(conn);
      throw this.#connectionError(e, "connect");
    }
  }

  #connectionError(e: unknown, what: string): SluiceError {
    if (e instanceof SluiceError) return e;
    let message = errorMessage(e).split("\n")[0] ?? "";
    if (/certificate/i.test(message) && /verif|trust|untrusted|reject/i.test(message)) {
      message += `: the server's certificate is not trusted; move it from ${resolve(this.#opts.pki, "rejected")} to ${resolve(this.#opts.pki, "trusted/certs")}`;
    }
    return new SluiceError("SLUICE_ERR_DISCONNECTED", `opcua ${this.#endpoint}: ${what}: ${message}`, { cause: e });
  }

  plan(points: readonly Point[]): ReadPlan {
    const addresses = points.map((p) => p.address as OpcuaAddress);
    const requests = this.#opts.mode === "subscribe" ? 0 : Math.ceil(points.length / this.#opts.maxNodesPerRead);
    const plan: OpcuaPlan = { points, requests, addresses };
    return plan;
  }

  /** NodeIds for this connection: nsu= through the NamespaceArray read at connect. */
  #bind(ua: Opcua, conn: Conn, plan: OpcuaPlan): Bound {
    if (plan.bound?.gen === conn.gen) return plan.bound;
    const nodeIds = plan.addresses.map((a) => {
      const ns = a.namespaceUri === undefined ? a.namespaceIndex ?? 0 : conn.namespaces.indexOf(a.namespaceUri);
      if (ns < 0) {
        this.#log.warn({ address: formatOpcuaAddress(a) }, "namespace URI not in the server's NamespaceArray");
        return undefined;
      }
      return ua.coerceNodeId(nodeIdString(a, ns));
    });
    plan.bound = { gen: conn.gen, nodeIds };
    return plan.bound;
  }

  async read(readPlan: ReadPlan): Promise<PointResult[]> {
    const plan = readPlan as OpcuaPlan;
    if (!Array.isArray(plan.addresses)) throw new SluiceError("SLUICE_ERR_DRIVER", "opcua: read() needs a plan from this driver's plan()");
    if (this.#reading) throw new SluiceError("SLUICE_ERR_DRIVER", "opcua: a read is already in flight");
    const conn = this.#conn;
    if (!conn?.session || conn.lost) {
      if (conn) void this.#disconnect(this.#drop()!); // free the dead client now, not at the next connect
      throw new SluiceError("SLUICE_ERR_DISCONNECTED", `opcua ${this.#endpoint}: not connected${conn?.lost ? ` (${conn.lost})` : ""}`);
    }
    this.#reading = true;
    try {
      const ua = await loadOpcua();
      const bound = this.#bind(ua, conn, plan);
      let values: (UA.DataValue | undefined)[];
      if (this.#opts.mode === "subscribe") {
        if (!bound.latest) await this.#monitor(ua, conn, plan, bound);
        values = bound.latest!;
      } else {
        values = await this.#readNodes(ua, conn, bound.nodeIds);
      }
      if (conn.lost) throw new Error(conn.lost);
      const now = Date.now();
      return plan.points.map((p, i) => {
        if (!bound.nodeIds[i]) return { value: null, status: Status.BadNodeIdUnknown, sourceTime: now };
        const dv = values[i];
        return dv ? toResult(dv, p.type, now, this.#onClock) : { value: null, status: Status.BadWaitingForInitialData, sourceTime: now };
      });
    } catch (e) {
      conn.lost ??= errorMessage(e);
      if (this.#conn === conn) this.#conn = undefined;
      void this.#disconnect(conn);
      throw this.#connectionError(e, "read");
    } finally {
      this.#reading = false;
    }
  }

  /** One Read per maxNodesPerRead nodes; unresolved nodes are skipped. */
  async #readNodes(ua: Opcua, conn: Conn, nodeIds: readonly (UA.NodeId | undefined)[]): Promise<(UA.DataValue | undefined)[]> {
    const out: (UA.DataValue | undefined)[] = new Array(nodeIds.length).fill(undefined);
    const wanted = nodeIds.flatMap((id, i) => (id ? [i] : []));
    for (let at = 0; at < wanted.length; at += this.#opts.maxNodesPerRead) {
      const chunk = wanted.slice(at, at + this.#opts.maxNodesPerRead);
      const dvs = await this.#within(conn, conn.session!.read(chunk.map((i) => ({ nodeId: nodeIds[i]!, attributeId: ua.AttributeIds.Value })), 0),
        this.#timeoutMs, "read");
      chunk.forEach((i, k) => { out[i] = dvs[k]; });
    }
    return out;
  }

  /** Subscribe mode: seed with one Read, then let monitored items keep the latest values. */
  async #monitor(ua: Opcua, conn: Conn, plan: OpcuaPlan, bound: Bound): Promise<void> {
    const latest = await this.#readNodes(ua, conn, bound.nodeIds);
    const wanted = bound.nodeIds.flatMap((id, i) => (id ? [i] : []));
    if (wanted.length > 0) {
      const group = await this.#within(conn, conn.subscription!.monitorItems(
        wanted.map((i) => ({ nodeId: bound.nodeIds[i]!, attributeId: ua.AttributeIds.Value })),
        { samplingInterval: parseDuration(this.#opts.samplingInterval), queueSize: 1, discardOldest: true },
        ua.TimestampsToReturn.Both,
      ), Math.max(this.#timeoutMs * 5, 10_000), "create monitored items");
      group.on("changed", (_item, dv, k) => { latest[wanted[k]!] = dv; });
    }
    this.#log.debug({ plan: plan.points.length, monitored: wanted.length }, "monitoring");
    bound.latest = latest;
  }

  #disconnect(conn: Conn): Promise<void> {
    const p = this.#teardown(conn).finally(() => this.#closing.delete(p));
    this.#closing.add(p);
    return p;
  }

  async #teardown(conn: Conn): Promise<void> {
    conn.lost ??= "closed";
    const timeout = () => new Promise<void>((r) => setTimeout(r, this.#timeoutMs).unref());
    if (conn.channelLost && conn.session) {
      // Its channel is gone, so the session cannot be closed over it: keep it, unclosed,
      // for the next connection to take over and close (#closeOrphans).
      (conn.client as unknown as { keepPendingSessionsOnDisconnect: boolean }).keepPendingSessionsOnDisconnect = true;
      this.#orphans.push(conn.session);
      while (this.#orphans.length > MAX_ORPHANS) this.#orphans.shift();
    } else {
      try {
        if (conn.subscription) await Promise.race([conn.subscription.terminate(), timeout()]);
      } catch { /* the server may be gone */ }
      try {
        if (conn.session) await Promise.race([conn.session.close(true), timeout()]);
      } catch { /* idem */ }
    }
    try {
      await Promise.race([conn.client.disconnect(), timeout()]);
    } catch { /* idem */ }
  }

  /**
   * Sessions whose connection broke are still open on the server until their
   * timeout: move each to the new channel (ActivateSession) and close it, so
   * reconnects never pile up sessions on the PLC. Each step is bounded by the
   * request timeout; a session the server already dropped is simply forgotten.
   */
  async #closeOrphans(client: UA.OPCUAClient): Promise<void> {
    const orphans = this.#orphans.splice(0);
    for (const s of orphans) {
      const timeout = new Promise<never>((_r, rej) => setTimeout(() => rej(new Error("timeout")), this.#timeoutMs).unref());
      try {
        await Promise.race([client.reactivateSession(s), timeout]);
        await Promise.race([s.close(true), timeout]);
        this.#log.debug("closed the session a lost connection left on the server");
      } catch { /* expired or refused: nothing left to close */ }
    }
  }

  /** Forget the current connection (tearing it down in the background). */
  #drop(): Conn | undefined {
    const conn = this.#conn;
    this.#conn = undefined;
    return conn;
  }

  async close(): Promise<void> {
    this.#gen++;
    const conn = this.#drop();
    if (conn) await this.#disconnect(conn);
    await Promise.all(this.#closing);
    this.#orphans.length = 0;
    await this.#disposeCm();
  }

  destroy(): void {
    this.#gen++;
    const conn = this.#drop();
    if (conn) {
      conn.lost ??= "destroyed";
      void conn.client.disconnect().catch(() => undefined);
    }
    void this.#disposeCm();
  }

  async #disposeCm(): Promise<void> {
    const cm = this.#cm;
    this.#cm = undefined;
    if (cm) await cm.then((c) => c.dispose()).catch(() => undefined);
  }
}
