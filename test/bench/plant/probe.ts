/**
 * The plant bench's latency probe, in its own process (so the subscriber's
 * notification handling does not delay it): times how long a new value takes to
 * become current in the server, from the reader's PLC read (SourceTimestamp):
 * sluice's own share of the latency.
 *
 * The moment is bracketed by the server's own clock. A Read with MaxAge 0 comes back
 * with ServerTimestamp = when the server served it (same machine as the reader, so
 * the same clock as SourceTimestamp). For each new value of a tag:
 *   upper = ServerTimestamp of the first Read that shows it − SourceTimestamp
 *   lower = ServerTimestamp of the last Read before it that showed the old value − SourceTimestamp
 * The value became current in between. LOOPS Reads are kept in flight, staggered, so
 * serves are a millisecond or two apart and the bracket is narrow; what the probe's
 * own process does with a response afterwards no longer counts.
 *
 *   parent ──fork(url, paths file, count, pki)──▶ this ──{ready}──▶ parent
 *   parent ──"stop"──▶ this ──{readLat: upper ms[], lowLat: lower ms[], reads}──▶ parent
 */
import { readFileSync } from "node:fs";
import { AttributeIds, MessageSecurityMode, OPCUACertificateManager, OPCUAClient, SecurityPolicy, type ReadValueIdOptions } from "node-opcua";

/** Reads in flight at once; each loop pauses GAP_MS between its Reads. */
const LOOPS = 2;
const GAP_MS = 2;

const [url = "", pathsFile = "", countArg, pki = ""] = process.argv.slice(2);
const paths = (JSON.parse(readFileSync(pathsFile, "utf8")) as string[]).slice(0, Number(countArg));

const c = OPCUAClient.create({
  endpointMustExist: false, securityMode: MessageSecurityMode.None, securityPolicy: SecurityPolicy.None,
  connectionStrategy: { maxRetry: 0 }, requestedSessionTimeout: 600_000,
  clientCertificateManager: new OPCUACertificateManager({ rootFolder: pki }),
});
await c.connect(url);
const session = await c.createSession();
const ns = (await session.readNamespaceArray()).indexOf("urn:sluice:tags");
const ids: ReadValueIdOptions[] = paths.map((p) => ({ nodeId: `ns=${ns};s=${p}`, attributeId: AttributeIds.Value }));

/** Per tag: what each Read showed, as [served at, source time] (a new source time is a new value). */
const seen: Array<Array<[number, number]>> = ids.map(() => []);
let reads = 0;
let reading = true;
const loop = async (delay: number): Promise<void> => {
  await new Promise((r) => setTimeout(r, delay));
  while (reading) {
    const dvs = await session.read(ids, 0);
    reads++;
    dvs.forEach((dv, i) => {
      const served = dv.serverTimestamp?.getTime();
      const source = dv.sourceTimestamp?.getTime();
      if (served !== undefined && source !== undefined) seen[i]!.push([served, source]);
    });
    await new Promise((r) => setTimeout(r, GAP_MS));
  }
};
const looping = Promise.all(Array.from({ length: LOOPS }, (_, k) => loop(k)));
process.send?.({ ready: true });

function brackets(): { readLat: number[]; lowLat: number[] } {
  const readLat: number[] = [];
  const lowLat: number[] = [];
  for (const obs of seen) {
    obs.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    let lastOld = Number.NaN; // served-at of the latest Read showing the value before
    let current = -Infinity; // source time of the value current so far
    for (const [served, source] of obs) {
      if (source > current) {
        // the first new value after one already seen: bracket it (not the first value of the window)
        if (current !== -Infinity) {
          readLat.push(served - source);
          lowLat.push(Math.max(0, lastOld - source));
        }
        current = source;
      }
      if (source === current) lastOld = served;
    }
  }
  return { readLat, lowLat };
}

process.on("message", (m: unknown) => {
  if (m !== "stop") return;
  reading = false;
  void looping.then(() => process.send?.({ ...brackets(), reads }, () => {
    void session.close().then(() => c.disconnect()).finally(() => process.exit(0));
  }));
});
