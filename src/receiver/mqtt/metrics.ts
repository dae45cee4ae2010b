/**
 * sluice_mqtt_* series, read from the publisher's counters at scrape time (mirrored, so
 * they restart from 0 with the process, which rate() reads as a counter reset).
 */
import { Counter, Gauge, type Registry } from "prom-client";
import type { MqttStats } from "./stats.js";

export function mqttMetrics(registry: Registry, stats: () => MqttStats): void {
  const registers = [registry];
  const mirror = (c: Counter, v: number) => { c.reset(); c.inc(v); };
  new Gauge({ name: "sluice_mqtt_connected", help: "1 while connected to the MQTT broker", registers, collect() { this.set(stats().connected ? 1 : 0); } });
  new Gauge({
    name: "sluice_mqtt_live", help: "1 while values go straight to the broker (births sent, buffer replayed, primary host online)", registers,
    collect() { this.set(stats().live ? 1 : 0); },
  });
  new Counter({ name: "sluice_mqtt_connects_total", help: "successful connections to the broker", registers, collect() { mirror(this, stats().connects); } });
  new Counter({ name: "sluice_mqtt_published_messages_total", help: "MQTT messages published", registers, collect() { mirror(this, stats().published.messages); } });
  new Counter({ name: "sluice_mqtt_published_values_total", help: "tag values published (Sparkplug metrics and UNS messages)", registers, collect() { mirror(this, stats().published.values); } });
  new Counter({ name: "sluice_mqtt_published_bytes_total", help: "MQTT payload bytes published", registers, collect() { mirror(this, stats().published.bytes); } });
  new Gauge({ name: "sluice_mqtt_buffered_values", help: "tag values waiting in the store-and-forward buffer", registers, collect() { this.set(stats().buffered.values); } });
  new Gauge({ name: "sluice_mqtt_buffered_bytes", help: "bytes of the store-and-forward buffer", registers, collect() { this.set(stats().buffered.bytes); } });
  new Counter({ name: "sluice_mqtt_replayed_values_total", help: "buffered values published after the broker returned (flagged historical)", registers, collect() { mirror(this, stats().replayed); } });
  new Counter({
    name: "sluice_mqtt_dropped_values_total", labelNames: ["reason"] as const, registers,
    help: "tag values not published, by reason: buffer_full (oldest dropped), coalesced (slow broker), no_device (no born Sparkplug device)",
    collect() {
      this.reset();
      for (const [reason, n] of Object.entries(stats().dropped)) this.inc({ reason }, n);
    },
  });
  new Counter({ name: "sluice_mqtt_commands_ignored_total", help: "inbound commands (NCMD writes) and other messages ignored: nothing flows back", registers, collect() { mirror(this, stats().commandsIgnored); } });
  new Counter({ name: "sluice_mqtt_rebirths_total", help: "Sparkplug rebirth requests answered", registers, collect() { mirror(this, stats().rebirths); } });
  new Gauge({
    name: "sluice_mqtt_last_publish_timestamp_seconds", help: "Unix time of the last publish (0 before any)", registers,
    collect() { this.set((stats().lastPublishTime ?? 0) / 1000); },
  });
}
