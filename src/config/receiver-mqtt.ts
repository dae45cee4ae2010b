/**
 * The receiver's `mqtt` section: publishing into the plant's broker (Sparkplug B 3.0
 * and/or UNS JSON), with store-and-forward while the broker is away. Absent: no MQTT.
 *
 *   mqtt: { url, username, passwordFile, ca, cert, key, qos, sparkplug {group, node, primaryHost},
 *           uns {topic}, buffer {path, maxBytes} }
 *
 * Cross-field rules (at least one of sparkplug/uns, TLS files only with mqtts://, a
 * template that names {tag}, sizes) are checked by checkMqtt, which names the field.
 */
import { Type, type Static } from "@sinclair/typebox";
import { SIZE_PATTERN, parseSize } from "../core/size.js";
import { Duration, Strict } from "./common.js";
import { configError } from "./load.js";

/** Sparkplug topic tokens: no "/", "+", "#" (MQTT), and printable. */
const SpToken = (description: string) =>
  Type.String({ pattern: "^[A-Za-z0-9_.-]+$", minLength: 1, maxLength: 128, description: `${description} (letters, digits, "_", "." and "-")` });

const Size = (description: string, def: string) =>
  Type.Union([Type.Integer({ minimum: 0 }), Type.String({ pattern: SIZE_PATTERN })], { default: def, description: `${description} (bytes, or e.g. 64MiB, 1GiB)` });

const File = (description: string) => Type.String({ minLength: 1, description: `${description}, relative to this file` });

export const ReceiverMqtt = Strict({
  url: Type.String({
    pattern: "^mqtts?://[^\\s/]+(:\\d{1,5})?/?$",
    description: "broker address, mqtt://host:1883 or mqtts://host:8883 (TLS)",
  }),
  protocolVersion: Type.Union([Type.Literal(4), Type.Literal(5)], { default: 5, description: "MQTT protocol: 4 (3.1.1) or 5" }),
  clientId: Type.Optional(Type.String({ minLength: 1, maxLength: 128, description: "MQTT client id (default: sluice-NODE, or sluice-receiver-<pid>)" })),
  username: Type.Optional(Type.String({ minLength: 1, description: "broker username" })),
  passwordFile: Type.Optional(File("file holding the broker password (first line; never logged)")),
  ca: Type.Optional(File("PEM CA bundle that must have signed the broker's certificate (mqtts://)")),
  cert: Type.Optional(File("PEM client certificate for mutual TLS (mqtts://, with key)")),
  key: Type.Optional(File("PEM private key of the client certificate (mqtts://, with cert)")),
  qos: Type.Union([Type.Literal(0), Type.Literal(1), Type.Literal(2)], {
    default: 1, description: "QoS of UNS messages (Sparkplug messages use the QoS the specification sets: 0, and 1 for the NDEATH will)",
  }),
  keepalive: Duration("MQTT keepalive", "30s"),
  reconnect: Type.Object({
    min: Duration("first reconnect delay after the broker goes away", "500ms"),
    max: Duration("longest reconnect delay (the delay doubles up to it)", "30s"),
  }, { additionalProperties: false, default: {}, description: "reconnect with capped exponential backoff" }),
  sparkplug: Type.Optional(Strict({
    group: SpToken("Sparkplug group id"),
    node: SpToken("Sparkplug edge node id (this receiver); one device per source under it"),
    primaryHost: Type.Optional(SpToken("primary host id: publish only while spBv1.0/STATE/<id> says online, buffer otherwise")),
  }, "Sparkplug B 3.0 edge node: NBIRTH/NDEATH, one device per source (DBIRTH/DDATA/DDEATH)")),
  uns: Type.Optional(Strict({
    topic: Type.String({
      minLength: 1, maxLength: 1024,
      description: "topic template of one retained JSON message per tag: {source} and {tag} are replaced, anything else is literal (e.g. acme/plant1/area2/{source}/{tag})",
    }),
  }, "unified-namespace JSON: one retained topic per tag")),
  buffer: Type.Object({
    path: Type.Optional(File("directory of the store-and-forward buffer (kept across restarts); absent: the buffer is in memory")),
    maxBytes: Size("largest buffer; when full, the oldest buffered messages are dropped and counted", "256MiB"),
  }, { additionalProperties: false, default: {}, description: "store-and-forward while the broker (or the primary host) is away" }),
  batch: Type.Object({
    maxMetrics: Type.Integer({ minimum: 1, maximum: 100_000, default: 5000, description: "most metrics in one Sparkplug DDATA message" }),
    flush: Duration("longest a changed value waits before it is published", "20ms"),
    maxPending: Type.Integer({
      minimum: 1000, default: 1_000_000,
      description: "most changed values waiting for a slow broker; beyond it only the latest value per tag is kept (coalesced and counted)",
    }),
  }, { additionalProperties: false, default: {}, description: "publish batching" }),
}, "publish into an MQTT broker (Sparkplug B 3.0 and/or UNS JSON); nothing is ever read back toward the plant");

export type ReceiverMqtt = Static<typeof ReceiverMqtt>;

/** The rules a schema cannot say; throws SLUICE_ERR_CONFIG naming the field. */
export function checkMqtt(file: string, m: ReceiverMqtt): void {
  if (!m.sparkplug && !m.uns) throw configError(file, "mqtt", "needs sparkplug, uns or both (what to publish)");
  const tls = m.url.startsWith("mqtts://");
  for (const k of ["ca", "cert", "key"] as const) {
    if (m[k] !== undefined && !tls) throw configError(file, `mqtt.${k}`, "TLS files need an mqtts:// url");
  }
  if ((m.cert === undefined) !== (m.key === undefined)) throw configError(file, m.cert === undefined ? "mqtt.cert" : "mqtt.key", "cert and key go together");
  if (m.passwordFile !== undefined && m.username === undefined) throw configError(file, "mqtt.username", "is required with passwordFile");
  const port = /:(\d+)\/?$/.exec(m.url.replace(/^mqtts?:\/\//, ""));
  if (port && Number(port[1]) > 65535) throw configError(file, "mqtt.url", "port must be 0-65535");
  if (m.uns) {
    const t = m.uns.topic;
    if (!t.includes("{tag}")) throw configError(file, "mqtt.uns.topic", "must contain {tag} (one topic per tag)");
    if (/[+#]/.test(t) || t.startsWith("/") || t.endsWith("/") || t.includes("//")) {
      throw configError(file, "mqtt.uns.topic", "must be a plain topic: no +, #, or empty levels");
    }
    const unknown = /\{(?!source\}|tag\})[^}]*\}/.exec(t);
    if (unknown) throw configError(file, "mqtt.uns.topic", `unknown placeholder ${unknown[0]} (only {source} and {tag})`);
    if (t.startsWith("spBv1.0/")) throw configError(file, "mqtt.uns.topic", "must not be under spBv1.0/ (the Sparkplug namespace)");
  }
  const max = parseSize(m.buffer.maxBytes);
  if (max < 65_536) throw configError(file, "mqtt.buffer.maxBytes", "must be at least 64KiB");
}
