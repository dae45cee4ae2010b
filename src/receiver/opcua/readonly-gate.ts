/**
 * Read-only by construction, in one place (security invariant 3).
 *
 *   secure channel ──message──▶ server.on_request ──▶ GATE ──allowed──▶ node-opcua's _on_<Service> handler
 *                                                      └──anything else──▶ ServiceFault (Bad status), handler never runs
 *
 * node-opcua dispatches every decoded request through OPCUAServer.on_request,
 * which looks up a handler named `_on_${request.schema.name}`. The gate replaces
 * on_request on our server instance with an ALLOW-list of read and subscription
 * services: Write, Call, HistoryUpdate (BadUserAccessDenied), the NodeManagement
 * set AddNodes/DeleteNodes/AddReferences/DeleteReferences and anything unknown or
 * added by a later node-opcua release (BadServiceUnsupported) are refused before a
 * handler or the address space is reached. Fail closed: a new service is refused
 * until it is listed here. Variables are also CurrentRead-only (BadNotWritable)
 * as a second layer, but the gate is what the read-only test proves.
 */
import { type OPCUAServer, ServiceFault, StatusCodes, type StatusCode } from "node-opcua";

/** Services a read-only server answers: session, discovery, view, attribute read, history read, subscriptions. */
export const ALLOWED_SERVICES: ReadonlySet<string> = new Set([
  "GetEndpointsRequest", "FindServersRequest", "FindServersOnNetworkRequest",
  "CreateSessionRequest", "ActivateSessionRequest", "CloseSessionRequest", "CancelRequest",
  "BrowseRequest", "BrowseNextRequest", "TranslateBrowsePathsToNodeIdsRequest",
  "RegisterNodesRequest", "UnregisterNodesRequest",
  "ReadRequest", "HistoryReadRequest",
  "CreateSubscriptionRequest", "ModifySubscriptionRequest", "SetPublishingModeRequest",
  "DeleteSubscriptionsRequest", "TransferSubscriptionsRequest", "PublishRequest", "RepublishRequest",
  "CreateMonitoredItemsRequest", "ModifyMonitoredItemsRequest", "SetMonitoringModeRequest",
  "SetTriggeringRequest", "DeleteMonitoredItemsRequest",
]);

/** Services that exist but change state: the caller is told it may not, rather than that we cannot. */
const ACCESS_DENIED: ReadonlySet<string> = new Set(["WriteRequest", "CallRequest", "HistoryUpdateRequest"]);

export function refusalStatus(service: string): StatusCode {
  return ACCESS_DENIED.has(service) ? StatusCodes.BadUserAccessDenied : StatusCodes.BadServiceUnsupported;
}

type Dispatch = OPCUAServer["on_request"];

/** Install the gate on one server instance; `onRefused` is told the service name of every refused request. */
export function installReadOnlyGate(server: OPCUAServer, onRefused: (service: string) => void): void {
  const dispatch: Dispatch = server.on_request.bind(server);
  const gate: Dispatch = (message, channel) => {
    const service = message.request.schema.name;
    if (ALLOWED_SERVICES.has(service)) {
      dispatch(message, channel);
      return;
    }
    onRefused(service);
    const fault = new ServiceFault({ responseHeader: { serviceResult: refusalStatus(service) } });
    channel.send_response("MSG", fault, message, () => undefined);
  };
  server.on_request = gate;
}
