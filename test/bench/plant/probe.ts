/**
 * The plant bench's latency probe, in its own process (so the subscriber's
 * notification handling does not delay it): Reads a few tags back to back and
 * times how long a new value takes to become current in the server, from the
 * reader's PLC read (SourceTimestamp) to the arrival of the Read response that
 * first shows it: sluice's own share of the latency, an upper bound (the value
 * became current after the previous Read was sent and before this response came).
 *
 *   parent ──fork(url, paths file, count, pki)──▶ this ──{ready}──▶ parent
 *   parent ──"stop"──▶ this ──{readLat: ms[], reads}──▶ parent
 */
import { readFileSync } from "node:fs";
import { AttributeIds, MessageSecurityMode, OPCUACertificateManager, OPCUAClient, SecurityPolicy, type ReadValueIdOptions } from "node-opcua";

/** Pause between Reads: a resolution of a few ms without hammering the server. */
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

const readLat: number[] = [];
let reads = 0;
let reading = true;
const prev: unknown[] = [];
const loop = async (): Promise<void> => {
  while (reading) {
    const dvs = await session.read(ids);
    const now = Date.now();
    reads++;
    dvs.forEach((dv, i) => {
      const v = dv.value.value as unknown;
      if (prev[i] !== undefined && prev[i] !== v && dv.sourceTimestamp) readLat.push(now - dv.sourceTimestamp.getTime());
      prev[i] = v;
    });
    await new Promise((r) => setTimeout(r, GAP_MS));
  }
};
const looping = loop();
process.send?.({ ready: true });
process.on("message", (m: unknown) => {
  if (m !== "stop") return;
  reading = false;
  void looping.then(() => process.send?.({ readLat, reads }, () => {
    void session.close().then(() => c.disconnect()).finally(() => process.exit(0));
  }));
});
