/**
 * The plant of the e2e suite: two Modbus PLCs in ot, their tags, the values the
 * test knows, and the reader/receiver/policy files written for the run.
 *
 *   RUN/ot/  reader.yaml  link.key  policy.yaml           (the reader's side)
 *   RUN/dmz/ receiver.yaml link.key next.key policy.yaml  (the receiver's side, pki/)
 *   RUN/it/  pki/                                          (the OPC UA client)
 *
 * Timers are shortened so that faults play out in seconds: polls every 200 ms,
 * keyframe 1 s, birth 2 s, heartbeat 500 ms; the receiver calls the link down
 * after 1 s of silence (Uncertain) and Bad 2 s later.
 */
import { copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { stringify } from "yaml";
import { keygen } from "../../../src/link/keys.js";

export const COUNTER_REGISTER = 200;
export const COUNTER_PERIOD_MS = 100;
export const POLL_MS = 200;
export const PLC_PORTS = { plc1: 1502, plc2: 1503 } as const;
export const LINK_PORT = 47100;
export const REST_PORT = 8080;
export const OPCUA_PORT = 4840;
export const LINK = { keyframeMs: 1000, birthMs: 2000, heartbeatMs: 500, timeoutMs: 1000, staleMs: 2000 };

/** The counter a PLC holds at wall-clock time `ms` (it rises by 1 every 100 ms). */
export function counterAt(epochMs: number, ms: number): number {
  return Math.floor((ms - epochMs) / COUNTER_PERIOD_MS) % 2 ** 32;
}

/** Tags polled from each PLC; `recipe` is denied by the crossing policy and must never reach dmz. */
export const TAGS = [
  { name: "counter", address: `hr:${COUNTER_REGISTER}:uint32`, description: "moving: +1 every 100 ms" },
  { name: "temperature", address: "hr:0:int16", scale: 0.1, unit: "degC" },
  { name: "i16", address: "hr:100:int16" },
  { name: "f32", address: "hr:106:float32:BADC" },
  { name: "label", address: "hr:120:string(7)" },
  { name: "recipe", address: "hr:10:uint16", description: "denied by the policy" },
] as const;

/** Static registers of src/demo/sim/modbus.ts and the values they must show in IT. */
export const STATIC: Readonly<Record<string, number | string>> = { i16: -1234, f32: 3.25, label: "SLUICE1" };
export const DENIED = "recipe";
export const SOURCES = Object.keys(PLC_PORTS) as (keyof typeof PLC_PORTS)[];
/** Every tag path that must reach IT. */
export const PATHS = SOURCES.flatMap((s) => TAGS.filter((t) => t.name !== DENIED).map((t) => `${s}/${t.name}`));

const POLICY = {
  version: 1,
  description: "e2e: every PLC tag except the recipe code",
  rules: [
    { label: "recipe", deny: `*/${DENIED}` },
    { label: "plcs", allow: SOURCES.map((s) => `${s}/*`) },
  ],
};

export interface PlantFiles {
  dir: string;
  reader: string;
  receiver: string;
  readerKey: string;
  receiverKey: string;
  receiverNextKey: string;
  itPki: string;
  /** mosquitto's config for the broker in dmz (the receiver publishes into it; it subscribes) */
  broker: string;
}

/** The broker in dmz, on the it side (where a plant's unified namespace lives). */
export const MQTT_PORT = 1883;

/** What a suite changes in the plant (the one-way suite uses the defaults). */
export interface PlantOptions {
  /** default true: the receiver publishes into mosquitto in dmz */
  mqtt?: boolean;
  /** the receiver's `history` section (default: 5,000 samples per tag in memory) */
  history?: Record<string, unknown>;
}

export function writePlant(dir: string, addr: { ot: string; dmzOt: string; dmzIt: string }, opts: PlantOptions = {}): PlantFiles {
  const ot = join(dir, "ot");
  const dmz = join(dir, "dmz");
  const it = join(dir, "it");
  for (const d of [ot, dmz, it]) mkdirSync(d, { recursive: true });
  const files: PlantFiles = {
    dir,
    reader: join(ot, "reader.yaml"),
    receiver: join(dmz, "receiver.yaml"),
    readerKey: join(ot, "link.key"),
    receiverKey: join(dmz, "link.key"),
    receiverNextKey: join(dmz, "next.key"),
    itPki: join(it, "pki"),
    broker: join(dmz, "mosquitto.conf"),
  };
  writeFileSync(files.broker, `user root\nallow_anonymous true\npersistence false\nlog_dest stderr\nlistener ${MQTT_PORT} ${addr.dmzIt}\n`);
  // One key, copied to both sides (mode kept); the receiver's nextKey slot starts as a copy
  // of it, and a rollover puts the new key there first.
  keygen(files.readerKey);
  copyFileSync(files.readerKey, files.receiverKey);
  copyFileSync(files.readerKey, files.receiverNextKey);
  for (const d of [ot, dmz]) writeFileSync(join(d, "policy.yaml"), stringify(POLICY));
  const s = (n: number) => `${n}ms`;
  writeFileSync(files.reader, stringify({
    link: {
      to: `${addr.dmzOt}:${LINK_PORT}`, key: "./link.key",
      keyframe: s(LINK.keyframeMs), birth: s(LINK.birthMs), heartbeat: s(LINK.heartbeatMs),
    },
    policy: "./policy.yaml",
    sources: SOURCES.map((name) => ({
      name, protocol: "modbus", endpoint: `${addr.ot}:${PLC_PORTS[name]}`,
      interval: s(POLL_MS), timeout: "500ms", backoff: { min: "200ms", max: "1s" }, failuresToDown: 5,
      tags: TAGS.map((t) => ({ ...t })),
    })),
  }));
  writeFileSync(files.receiver, stringify({
    link: {
      listen: `${addr.dmzOt}:${LINK_PORT}`, key: "./link.key", nextKey: "./next.key",
      timeout: s(LINK.timeoutMs), stale: s(LINK.staleMs),
    },
    policy: "./policy.yaml",
    // the IT namespace is the test's own network: plain HTTP without credentials is opted into,
    // as it must be beyond loopback (rest.insecure), like OPC UA's None mode below
    rest: { listen: `${addr.dmzIt}:${REST_PORT}`, insecure: true },
    opcua: { port: OPCUA_PORT, host: addr.dmzIt, security: { modes: ["None"] }, allowAnonymous: true, pki: "./pki" },
    history: opts.history ?? { samples: 5000 },
    ...(opts.mqtt === false ? {} : {
      mqtt: {
        url: `mqtt://${addr.dmzIt}:${MQTT_PORT}`, reconnect: { min: "200ms", max: "2s" },
        sparkplug: { group: "e2e", node: "dmz" }, uns: { topic: "e2e/{source}/{tag}" },
      },
    }),
  }));
  return files;
}
