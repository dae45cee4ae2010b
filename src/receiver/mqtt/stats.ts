/** What the MQTT publisher counts: read by /metrics (sluice_mqtt_*) and GET /api/v1/mqtt. */
export interface MqttStats {
  /** broker URL without credentials */
  broker: string;
  connected: boolean;
  /** true while values go straight to the broker (connected, births sent, buffer replayed) */
  live: boolean;
  connects: number;
  lastError: string | null;
  /** MQTT messages and tag values handed to the broker connection */
  published: { messages: number; values: number; bytes: number };
  /** ms since epoch of the last publish, or null */
  lastPublishTime: number | null;
  /** store-and-forward buffer now */
  buffered: { values: number; bytes: number };
  replayed: number;
  /** values not published, by reason: buffer_full (oldest dropped), coalesced (slow broker), no_device (no born Sparkplug device) */
  dropped: { buffer_full: number; coalesced: number; no_device: number };
  /** NCMD/DCMD and other inbound messages ignored (nothing is ever written toward the plant) */
  commandsIgnored: number;
  rebirths: number;
  sparkplug: { group: string; node: string; bdSeq: number; devices: number; primaryHost: string | null; primaryHostOnline: boolean | null } | null;
  uns: { topic: string } | null;
}
