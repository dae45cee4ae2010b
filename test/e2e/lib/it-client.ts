/**
 * The IT-side clients of the e2e suite, in one process inside the it namespace:
 * a REST client and a node-opcua client of the receiver, driven over stdin.
 *
 *   argv: REST_BASE OPCUA_URL PKI_DIR
 *   stdin  {"id":1,"op":"rest","path":"/api/v1/tags"}          stdout {"id":1,"ok":true,"status":200,"body":{...}}
 *   stdin  {"id":2,"op":"ua","paths":["plc1/counter",...]}     stdout {"id":2,"ok":true,"values":[{"value","status"}]}
 *   stdin  {"id":3,"op":"hist","paths":[...],"from":MS,"to":MS} stdout {"id":3,"ok":true,"history":[[{"value","status","sourceTime"}...]...]}
 *          (HistoryRead ReadRaw over every path in one call, the way a historian asks; continuation points followed)
 *   errors {"id":N,"ok":false,"error":"..."}  (a refused connection while the receiver restarts, ...)
 *
 * The OPC UA session is opened on first use and reopened after any failure;
 * nodes are read as nsu=urn:sluice:tags;s=PATH (the namespace index is looked up).
 */
import { createInterface } from "node:readline";
import {
  AttributeIds, type ClientSession, type HistoryData, HistoryReadRequest, MessageSecurityMode, OPCUACertificateManager, OPCUAClient,
  ReadRawModifiedDetails, SecurityPolicy, TimestampsToReturn,
} from "node-opcua";

const [restBase, uaUrl, pkiDir] = process.argv.slice(2);
if (!restBase || !uaUrl || !pkiDir) throw new Error("usage: it-client.ts REST_BASE OPCUA_URL PKI_DIR");

interface Request { id: number; op: "rest" | "ua" | "hist"; path?: string; paths?: string[]; from?: number; to?: number }

const say = (o: object) => process.stdout.write(`${JSON.stringify(o, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v))}\n`);

async function rest(path: string): Promise<object> {
  const res = await fetch(restBase + path, { signal: AbortSignal.timeout(3000) });
  const text = await res.text();
  let body: unknown = text;
  try { body = JSON.parse(text); } catch { /* not JSON: keep the text */ }
  return { status: res.status, body };
}

let client: OPCUAClient | null = null;
let session: ClientSession | null = null;
let ns = -1;

async function dropUa(): Promise<void> {
  const c = client;
  const s = session;
  client = null;
  session = null;
  await s?.close().catch(() => undefined);
  await c?.disconnect().catch(() => undefined);
}

async function uaSession(): Promise<ClientSession> {
  if (session) return session;
  const c = OPCUAClient.create({
    applicationName: "sluice-e2e-it-client",
    endpointMustExist: false,
    connectionStrategy: { maxRetry: 0, initialDelay: 100, maxDelay: 200 },
    securityMode: MessageSecurityMode.None,
    securityPolicy: SecurityPolicy.None,
    clientCertificateManager: new OPCUACertificateManager({ rootFolder: pkiDir!, automaticallyAcceptUnknownCertificate: false }),
    requestedSessionTimeout: 60_000,
  });
  client = c;
  await c.connect(uaUrl!);
  const s = await c.createSession();
  session = s;
  const nsArray = await s.read({ nodeId: "ns=0;i=2255", attributeId: AttributeIds.Value });
  ns = (nsArray.value.value as string[]).indexOf("urn:sluice:tags");
  if (ns < 0) throw new Error("the server has no namespace urn:sluice:tags");
  return s;
}

async function uaRead(paths: string[]): Promise<object> {
  const s = await uaSession();
  const dvs = await s.read(paths.map((p) => ({ nodeId: `ns=${ns};s=${p}`, attributeId: AttributeIds.Value })));
  return {
    values: dvs.map((dv) => ({
      value: (dv.value?.value as unknown) ?? null,
      status: dv.statusCode.name,
      sourceTime: dv.sourceTimestamp?.toISOString() ?? null,
    })),
  };
}

interface HistSample { value: unknown; status: string; sourceTime: string | null }

/**
 * ReadRaw [from, to) over every path in one HistoryRead; a node's continuation point is
 * followed until the server has given everything. A bad status for a node throws.
 */
async function uaHistory(paths: string[], from: number, to: number): Promise<object> {
  const s = await uaSession();
  const details = new ReadRawModifiedDetails({ isReadModified: false, startTime: new Date(from), endTime: new Date(to), numValuesPerNode: 0, returnBounds: false });
  const out: HistSample[][] = paths.map(() => []);
  let todo = paths.map((p, i) => ({ i, nodeId: `ns=${ns};s=${p}`, cp: null as Buffer | null }));
  while (todo.length > 0) {
    const res = await s.historyRead(new HistoryReadRequest({
      historyReadDetails: details, timestampsToReturn: TimestampsToReturn.Source,
      nodesToRead: todo.map((n) => ({ nodeId: n.nodeId, ...(n.cp ? { continuationPoint: n.cp } : {}) })),
    }));
    const next: typeof todo = [];
    todo.forEach((n, k) => {
      const r = res.results?.[k];
      if (!r || r.statusCode.isNotGood()) throw new Error(`HistoryRead ${paths[n.i]}: ${r?.statusCode.name ?? "no result"}`);
      for (const dv of (r.historyData as HistoryData | null)?.dataValues ?? []) {
        out[n.i]!.push({ value: (dv.value?.value as unknown) ?? null, status: dv.statusCode.name, sourceTime: dv.sourceTimestamp?.toISOString() ?? null });
      }
      if (r.continuationPoint && r.continuationPoint.length > 0) next.push({ ...n, cp: r.continuationPoint });
    });
    todo = next;
  }
  return { history: out };
}

/** A read; a session that died with a receiver restart is reopened once. */
async function ua(fn: () => Promise<object>): Promise<object> {
  try {
    return await fn();
  } catch {
    await dropUa();
    try {
      return await fn();
    } catch (e) {
      await dropUa();
      throw e;
    }
  }
}

// Requests are answered in order, one at a time.
let chain = Promise.resolve();
createInterface({ input: process.stdin }).on("line", (line) => {
  let req: Request;
  try { req = JSON.parse(line) as Request; } catch { return say({ id: -1, ok: false, error: "bad request" }); }
  chain = chain.then(async () => {
    try {
      const paths = req.paths ?? [];
      const out = req.op === "rest" ? await rest(req.path ?? "/")
        : req.op === "hist" ? await ua(() => uaHistory(paths, req.from ?? 0, req.to ?? Date.now()))
        : await ua(() => uaRead(paths));
      say({ id: req.id, ok: true, ...out });
    } catch (e) {
      const err = e as { cause?: { code?: string }; message?: string };
      say({ id: req.id, ok: false, error: err.cause?.code ?? err.message ?? String(e) });
    }
  });
}).on("close", () => { void dropUa().finally(() => process.exit(0)); });
process.on("SIGTERM", () => { void dropUa().finally(() => process.exit(0)); });
say({ ready: true });
