/**
 * Config (ReceiverOpcua) -> node-opcua OPCUAServerOptions. Everything security-
 * relevant is set explicitly, because node-opcua's defaults are permissive
 * (anonymous, None, Basic128Rsa15): endpoints offer exactly the configured modes
 * and policies, users are checked against scrypt hashes off the main thread,
 * limits bound sessions, subscriptions, monitored items and request sizes, and
 * the server never tries to register with a discovery server (HIDDEN) while still
 * answering GetEndpoints/FindServers itself (discovery stays enabled: STACK).
 */
import type { Static } from "@sinclair/typebox";
import {
  MessageSecurityMode, type OPCUAServerOptions, RegisterServerMethod, SecurityPolicy, WellKnownRoles, resolveNodeId,
} from "node-opcua";
import type { ReceiverOpcua } from "../../config/receiver-opcua.js";
import type { Logger } from "../../core/log.js";
import { DUMMY_HASH, verifyPasswordAsync } from "./password.js";
import { queueCap } from "./limits.js";
import type { Pki } from "./pki.js";
import { BUILD_DATE, PRODUCT_URI, VERSION } from "../../core/version.js";

type Config = Static<typeof ReceiverOpcua>;

const MODES: Record<Config["security"]["modes"][number], MessageSecurityMode> = {
  SignAndEncrypt: MessageSecurityMode.SignAndEncrypt,
  Sign: MessageSecurityMode.Sign,
  None: MessageSecurityMode.None,
};
const POLICIES: Record<Config["security"]["policies"][number], SecurityPolicy> = {
  Basic256Sha256: SecurityPolicy.Basic256Sha256,
  Aes128_Sha256_RsaOaep: SecurityPolicy.Aes128_Sha256_RsaOaep,
  Aes256_Sha256_RsaPss: SecurityPolicy.Aes256_Sha256_RsaPss,
};

/** Values per node in one HistoryRead call before a continuation point. */
export const MAX_HISTORY_VALUES_PER_CALL = 10_000;
/** Nodes in one HistoryRead call (each may return up to MAX_HISTORY_VALUES_PER_CALL values). */
const MAX_NODES_PER_HISTORY_READ = 1_000;

export interface Identity {
  hostname: string;
  applicationUri: string;
}

/** Username/password check: a constant-time scrypt comparison, equally slow for unknown names. */
export function userManager(users: Config["users"], logger: Logger): NonNullable<OPCUAServerOptions["userManager"]> {
  const byName = new Map(users.map((u) => [u.name, u.passwordHash]));
  const authenticated = [resolveNodeId(WellKnownRoles.AuthenticatedUser)];
  return {
    isValidUserAsync(username, password, callback) {
      const stored = byName.get(username);
      verifyPasswordAsync(password, stored ?? DUMMY_HASH).then((ok) => {
        const valid = ok && stored !== undefined;
        if (!valid) logger.warn({ user: username }, "OPC UA login refused (unknown user or wrong password)");
        callback(null, valid);
      }, () => callback(null, false));
    },
    getUserRoles: () => authenticated,
  };
}

export function serverOptions(cfg: Config, pki: Pki, id: Identity, logger: Logger): OPCUAServerOptions {
  const modes = cfg.security.modes.map((m) => MODES[m]);
  const policies = cfg.security.policies.map((p) => POLICIES[p]);
  if (modes.includes(MessageSecurityMode.None)) policies.push(SecurityPolicy.None);
  const ops = cfg.maxOperationsPerRequest;
  return {
    port: cfg.port,
    ...(cfg.host !== undefined ? { host: cfg.host } : {}),
    hostname: id.hostname,
    securityModes: modes,
    securityPolicies: policies,
    allowAnonymous: cfg.allowAnonymous,
    serverCertificateManager: pki.server,
    userCertificateManager: pki.user,
    certificateFile: pki.certificateFile,
    privateKeyFile: pki.privateKeyFile,
    userManager: userManager(cfg.users, logger),
    serverInfo: {
      applicationUri: id.applicationUri,
      productUri: PRODUCT_URI,
      applicationName: { text: "sluice receiver", locale: "en" },
    },
    // sluice's own version and build date (node-opcua would report its own)
    buildInfo: {
      productName: "sluice receiver", productUri: PRODUCT_URI, manufacturerName: "sluice",
      softwareVersion: VERSION, buildNumber: VERSION, buildDate: BUILD_DATE,
    },
    registerServerMethod: RegisterServerMethod.HIDDEN,
    disableDiscovery: false,
    isAuditing: false,
    // channels beyond sessions: discovery connections (GetEndpoints) come and go
    maxConnectionsPerEndpoint: cfg.maxSessions + 10,
    serverCapabilities: {
      maxSessions: cfg.maxSessions,
      maxSubscriptions: cfg.maxSessions * 10,
      maxSubscriptionsPerSession: 10,
      maxMonitoredItems: cfg.maxMonitoredItems,
      maxMonitoredItemsPerSubscription: cfg.maxMonitoredItems,
      maxHistoryContinuationPoints: 100,
      // The floor of a revised sampling interval. node-opcua's default (100 ms) turns an
      // exception-based item (0 requested on a tag whose MinimumSamplingInterval is 0) into
      // one that folds changes into a 100 ms window per item, with a timer each: changes
      // lost to a historian and up to a window of added latency. samplingInterval 0 means
      // every change as it arrives; overload is handled before the address space (coalesce.ts).
      minSupportedSampleRate: cfg.samplingInterval,
      // advertised only; limits.ts enforces it
      maxMonitoredItemsQueueSize: queueCap(cfg.maxMonitoredItems),
      operationLimits: {
        maxNodesPerRead: ops,
        maxNodesPerBrowse: ops,
        maxNodesPerRegisterNodes: ops,
        maxNodesPerTranslateBrowsePathsToNodeIds: ops,
        maxMonitoredItemsPerCall: ops,
        maxNodesPerHistoryReadData: Math.min(ops, MAX_NODES_PER_HISTORY_READ),
        // node-opcua 2.182 checks the *events* limit against every HistoryRead, data reads
        // included: at 1, any read of two nodes failed with BadTooManyOperations. This
        // server has no event history (reads of it answer BadHistoryOperationUnsupported
        // per node), so the same limit is safe here.
        maxNodesPerHistoryReadEvents: Math.min(ops, MAX_NODES_PER_HISTORY_READ),
        // refused by the read-only gate anyway; advertised as 1 (0 would mean "no limit")
        maxNodesPerWrite: 1,
        maxNodesPerMethodCall: 1,
        maxNodesPerNodeManagement: 1,
        maxNodesPerHistoryUpdateData: 1,
        maxNodesPerHistoryUpdateEvents: 1,
      },
    },
  };
}
