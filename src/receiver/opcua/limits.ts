/**
 * A memory bound node-opcua does not enforce (security invariant 5): it clamps a
 * monitored item's queue at 5,000 notifications whatever MaxMonitoredItemsQueueSize
 * says, so 100k items of a client that stops publishing could hold 500 million.
 *
 *   message ──▶ read-only gate ──▶ clamp queueSize (CreateMonitoredItems / ModifyMonitoredItems) ──▶ node-opcua
 *
 * The requested queue size is lowered before node-opcua sees the request, so the
 * client is told the revised size as the specification says.
 */
import { CreateMonitoredItemsRequest, ModifyMonitoredItemsRequest, type OPCUAServer } from "node-opcua";

/** Notifications the server may hold queued across all monitored items (~1 GiB at ~200 B each). */
export const QUEUED_NOTIFICATION_BUDGET = 5_000_000;

/** Per-item queue cap: the budget spread over the configured monitored items, between 1 and 1,000. */
export function queueCap(maxMonitoredItems: number): number {
  return Math.max(1, Math.min(1000, Math.floor(QUEUED_NOTIFICATION_BUDGET / maxMonitoredItems)));
}

export function clampQueueSizes(server: OPCUAServer, cap: number): void {
  const next = server.on_request.bind(server);
  server.on_request = (message, channel) => {
    const req = message.request;
    const items = req instanceof CreateMonitoredItemsRequest ? req.itemsToCreate
      : req instanceof ModifyMonitoredItemsRequest ? req.itemsToModify : null;
    for (const it of items ?? []) {
      const p = it.requestedParameters;
      if (p.queueSize > cap) p.queueSize = cap;
    }
    next(message, channel);
  };
}
