/**
 * The historian of the plant bench, in its own process: one node-opcua client
 * subscribed to every tag (exception-based, queue 1 so a slow server shows as
 * coalescing rather than a backlog), counting notifications and the latency from
 * the reader's PLC read (SourceTimestamp) to the notification's arrival.
 * (sluice's own share is timed by probe.ts, in a process of its own.)
 *
 *   parent ──fork(url, paths file, publishMs, pki)──▶ this ──{ready} (every item's first value in)──▶ parent
 *   parent ──"mark"──▶ counters reset (measurement starts)
 *   parent ──"pause"──▶ counting stops (the last values are still kept)
 *   parent ──"stop"──▶ this ──{notified, overflow, lat, last, byTick}──▶ parent
 */
import { readFileSync } from "node:fs";
import {
  AttributeIds, ClientMonitoredItemGroup, MessageSecurityMode, OPCUACertificateManager, OPCUAClient, SecurityPolicy,
  TimestampsToReturn, type DataValue, type ReadValueIdOptions,
} from "node-opcua";

const [url = "", pathsFile = "", publishArg, pki = ""] = process.argv.slice(2);
const paths = JSON.parse(readFileSync(pathsFile, "utf8")) as string[];
const publishMs = Number(publishArg);

const c = OPCUAClient.create({
  endpointMustExist: false, securityMode: MessageSecurityMode.None, securityPolicy: SecurityPolicy.None,
  connectionStrategy: { maxRetry: 0 }, requestedSessionTimeout: 600_000,
  clientCertificateManager: new OPCUACertificateManager({ rootFolder: pki }),
});
await c.connect(url);
const session = await c.createSession();
const ns = (await session.readNamespaceArray()).indexOf("urn:sluice:tags");
const sub = await session.createSubscription2({
  requestedPublishingInterval: publishMs, requestedMaxKeepAliveCount: 10, requestedLifetimeCount: 600,
  maxNotificationsPerPublish: 0, publishingEnabled: true,
});
const items: ReadValueIdOptions[] = paths.map((p) => ({ nodeId: `ns=${ns};s=${p}`, attributeId: AttributeIds.Value }));
const last = new Int32Array(paths.length).fill(-1);
// notifications per PLC and value: a PLC's value is its tick number (mod 65536), so the parent can
// count exactly the notifications of the ticks it measured, wherever the window edges fall
const plcOf = paths.map((p) => Number(p.slice(3, p.indexOf("/"))));
const byTick: Map<number, number>[] = [];
let measuring = false;
let notified = 0;
let overflow = 0;
let lastAt = 0;
const lat: number[] = [];
// ready once every item has had its first value: a big subscription's initial values take
// seconds to arrive, and counted in the window they would show as old, repeated notifications
let unseen = paths.length;
let allSeen: () => void = () => {};
const seen = new Promise<void>((resolve) => { allSeen = resolve; });
const group = ClientMonitoredItemGroup.create(sub, items, { samplingInterval: 0, queueSize: 1, discardOldest: true }, TimestampsToReturn.Both);
group.on("changed", (_item: unknown, dv: DataValue, index: number) => {
  const v = dv.value.value as number | null;
  if (typeof v !== "number") return;
  if (last[index] === -1 && --unseen === 0) allSeen();
  last[index] = v;
  lastAt = Date.now();
  const m = (byTick[plcOf[index]!] ??= new Map());
  m.set(v, (m.get(v) ?? 0) + 1);
  if (!measuring) return;
  notified++;
  if ((dv.statusCode.value & 0x480) === 0x480) overflow++; // InfoType DataValue + Overflow bit
  if (dv.sourceTimestamp) lat.push(Date.now() - dv.sourceTimestamp.getTime());
});
await new Promise<void>((resolve) => group.once("initialized", () => resolve()));
await seen;

process.send?.({ ready: true });
process.on("message", (m: unknown) => {
  if (m === "mark" || m === "pause") {
    measuring = m === "mark";
    return;
  }
  if (m !== "stop") return;
  void (async () => {
    // the last values: until notifications stop for a while (a loaded machine lags), at most 20 s
    const quiet = Math.max(1500, 3 * publishMs);
    for (const end = Date.now() + 20_000; Date.now() < end && Date.now() - lastAt < quiet;) await new Promise((r) => setTimeout(r, 100));
    process.send?.({ notified, overflow, lat, last: Array.from(last), byTick: byTick.map((m) => [...m]) }, () => {
      void session.close().then(() => c.disconnect()).finally(() => process.exit(0));
    });
  })();
});
