/**
 * Observability without coupling (undici style): components publish on named
 * diagnostics channels; only src/receiver/metrics turns them into Prometheus
 * series. Publishing with no subscriber costs almost nothing.
 */
import diagnostics_channel from "node:diagnostics_channel";

export const channels = {
  /** { reason: RejectReason } for each dropped datagram at the receiver intake */
  linkReject: diagnostics_channel.channel("sluice:link:reject"),
} as const;
