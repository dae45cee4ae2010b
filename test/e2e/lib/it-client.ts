/**
 * The IT-side clients of the e2e suite, in one process inside the it namespace:
 * a REST client and a node-opcua client of the receiver, driven over stdin.
 *
 *   argv: REST_BASE OPCUA_URL PKI_DIR
 *   stdin  {"id":1,"op":"rest","path":"/api/v1/tags"}          stdout {"id":1,"ok":true,"status":200,"body":{...}}
 *   stdin  {"id":2,"op":"ua","paths":["plc1/counter",...]}     stdout {"id":2,"ok":true,"values":[{"value","status"}]}
 *   errors {"id":N,"ok":false,"error":"..."}  (a refused connection while the receiver restarts, ...)
 *
 * The OPC UA session is opened on first use and reopened after any failure;
 * nodes are read as nsu=urn:sluice:tags;s=PATH (the namespace index is looked up).
 */
import { createInterface } from "node:readline";
import {
  AttributeIds, type ClientSession, MessageSecurityMode, OPCUACertificateManager, OPCUAClient, SecurityPolicy,
} from "node-opcua";

const [restBase, uaUrl, pkiDir] = process.argv.slice(2);
if (!restBase || !uaUrl || !pkiDir) throw new Error("usage: it-client.ts REST_BASE OPCUA_URL PKI_DIR");

interface Request { id: number; op: "rest" | "ua"; path?: string; paths?: string[] }

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

/** A read; a session that died with a receiver restart is reopened once. */
async function ua(paths: string[]): Promise<object> {
  try {
    return await uaRead(paths);
  } catch {
    await dropUa();
    try {
      return await uaRead(paths);
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
      const out = req.op === "rest" ? await rest(req.path ?? "/") : await ua(req.paths ?? []);
      say({ id: req.id, ok: true, ...out });
    } catch (e) {
      const err = e as { cause?: { code?: string }; message?: string };
      say({ id: req.id, ok: false, error: err.cause?.code ?? err.message ?? String(e) });
    }
  });
}).on("close", () => { void dropUa().finally(() => process.exit(0)); });
process.on("SIGTERM", () => { void dropUa().finally(() => process.exit(0)); });
say({ ready: true });
