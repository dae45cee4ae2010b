/**
 * The historian of the plant bench, in its own process: one node-opcua client
 * subscribed to every tag (exception-based, queue 1 so a slow server shows as
 * coalescing rather than a backlog), counting notifications and the latency from
 * the reader's PLC read (SourceTimestamp) to the notification's arrival. With
 * `readers` > 0 it also Reads a few tags every 5 ms and times how long a new
 * value takes to become current in the server (sluice's own share of latency).
 *
 *   parent ──fork(url, paths file, publishMs, readers)──▶ this ──{ready}──▶ parent
 *   parent ──"mark"──▶ counters reset (measurement starts)
 *   parent ──"stop"──▶ this ──{notified, latencies, readLatencies, last}──▶ parent
 */
import { readFileSync } from "node:fs";
import {
  AttributeIds, ClientMonitoredItemGroup, MessageSecurityMode, OPCUACertificateManager, OPCUAClient, SecurityPolicy,
  TimestampsToReturn, type DataValue, type ReadValueIdOptions,
} from "node-opcua";

const [url = "", pathsFile = "", publishArg, readersArg, pki = ""] = process.argv.slice(2);
const paths = JSON.parse(readFileSync(pathsFile, "utf8")) as string[];
const publishMs = Number(publishArg);
const readers = Number(readersArg);

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
let measuring = false;
let notified = 0;
let overflow = 0;
let lastAt = 0;
const lat: number[] = [];
const group = ClientMonitoredItemGroup.create(sub, items, { samplingInterval: 0, queueSize: 1, discardOldest: true }, TimestampsToReturn.Both);
group.on("changed", (_item: unknown, dv: DataValue, index: number) => {
  const v = dv.value.value as number | null;
  if (typeof v !== "number") return;
  last[index] = v;
  lastAt = Date.now();
  if (!measuring) return;
  notified++;
  if ((dv.statusCode.value & 0x480) === 0x480) overflow++; // InfoType DataValue + Overflow bit
  if (dv.sourceTimestamp) lat.push(Date.now() - dv.sourceTimestamp.getTime());
});
await new Promise<void>((resolve) => group.once("initialized", () => resolve()));

// Read loop: the first `readers` tags, back to back; a changed value's age on arrival
const readLat: number[] = [];
let reading = readers > 0;
const readIds = items.slice(0, readers);
const prev = new Map<number, number>();
const readLoop = async (): Promise<void> => {
  while (reading) {
    const dvs = await session.read(readIds);
    const now = Date.now();
    dvs.forEach((dv, i) => {
      const v = dv.value.value as number;
      if (measuring && prev.has(i) && prev.get(i) !== v && dv.sourceTimestamp) readLat.push(now - dv.sourceTimestamp.getTime());
      prev.set(i, v);
    });
    await new Promise((r) => setTimeout(r, 5)); // 5 ms resolution without hammering the server
  }
};
const looping = readLoop();

process.send?.({ ready: true });
process.on("message", (m: unknown) => {
  if (m === "mark") {
    measuring = true;
    return;
  }
  if (m !== "stop") return;
  reading = false;
  void looping.then(async () => {
    // the last values: until notifications stop for a while (a loaded machine lags), at most 20 s
    const quiet = Math.max(1500, 3 * publishMs);
    for (const end = Date.now() + 20_000; Date.now() < end && Date.now() - lastAt < quiet;) await new Promise((r) => setTimeout(r, 100));
    process.send?.({ notified, overflow, lat, readLat, last: Array.from(last) }, () => {
      void session.close().then(() => c.disconnect()).finally(() => process.exit(0));
    });
  });
});
