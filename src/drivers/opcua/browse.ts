/**
 * `sluice browse opcua`: what an OPC UA server offers, as reader tags. Read-only
 * services only (after the session: Browse, BrowseNext, Read, TranslateBrowsePaths);
 * the security mode/policy, PKI and user identity are the reader's source options.
 *
 *   root (default Objects) ──Browse/BrowseNext (hierarchical, forward, depth-bounded)──▶ variables
 *   variables ──Read DataType, ValueRank, Description──▶ DataType ─(HasSubtype up to a built-in)─▶ tag type
 *             ──TranslateBrowsePaths EngineeringUnits / EURange ──Read──▶ unit, range
 *   ─▶ BrowsedTag { name (browse path), address nsu=URI;TYPE=ID, type, unit, range } or a skip reason
 *
 * Arrays and types sluice cannot deliver are listed as skipped (with the reason),
 * never guessed. The Server object (diagnostics) is not descended into.
 */
import type * as UA from "node-opcua";
import { resolve } from "node:path";
import { SluiceError, errorMessage } from "../../core/errors.js";
import type { TagType } from "../../core/model.js";
import { opcuaOptions } from "./options.js";
import { loadOpcua } from "./driver.js";
import { DataTypeId } from "./coerce.js";
import { nodeIdString, parseOpcuaAddress } from "./address.js";

export interface BrowsedTag {
  name: string;
  address: string;
  type?: TagType;
  unit?: string;
  range?: [number, number];
  description?: string;
  /** why this variable is not offered as a tag (array, unsupported type, ...) */
  skipped?: string;
}

export interface OpcuaBrowseRequest {
  endpoint: string;
  /** NodeId to start from (default i=85, Objects) */
  root?: string;
  /** levels below the root (default 10) */
  depth?: number;
  /** the reader's `opcua:` source block (security, user, password, pki) */
  options?: Record<string, unknown>;
  timeoutMs?: number;
  /** stop after this many nodes (default 100,000) */
  maxNodes?: number;
}

const BUILTIN: Partial<Record<number, TagType>> = {
  [DataTypeId.Boolean]: "bool", [DataTypeId.SByte]: "int16", [DataTypeId.Byte]: "uint16",
  [DataTypeId.Int16]: "int16", [DataTypeId.UInt16]: "uint16", [DataTypeId.Int32]: "int32", [DataTypeId.UInt32]: "uint32",
  [DataTypeId.Int64]: "int64", [DataTypeId.UInt64]: "uint64", [DataTypeId.Float]: "float32", [DataTypeId.Double]: "float64",
  [DataTypeId.String]: "string", [DataTypeId.LocalizedText]: "string",
};
const ENUMERATION = 29;
const SERVER_OBJECT = 2253;
const HAS_PROPERTY = 46;
const HAS_SUBTYPE = 45;

/** A name a reader file accepts: the browse path, other characters as "_". */
function tagName(path: string[]): string {
  return path.join(".").replace(/[^A-Za-z0-9_.-]/g, "_").slice(0, 128) || "_";
}

/** nsu= form of a NodeId (a ';' in the URI escaped as %3B, as the address grammar reads it). */
function nsuAddress(ua: typeof UA, id: UA.NodeId, namespaces: readonly string[]): string {
  const t = id.identifierType;
  const kind = t === ua.NodeIdType.NUMERIC ? "i" : t === ua.NodeIdType.STRING ? "s" : t === ua.NodeIdType.GUID ? "g" : "b";
  const ident = kind === "b" ? Buffer.from(id.value as Buffer).toString("base64") : String(id.value);
  if (id.namespace === 0) return `${kind}=${ident}`;
  const uri = namespaces[id.namespace];
  return uri === undefined ? `ns=${id.namespace};${kind}=${ident}` : `nsu=${uri.replace(/;/g, "%3B")};${kind}=${ident}`;
}

interface Found { id: UA.NodeId; path: string[] }

export async function browseOpcua(req: OpcuaBrowseRequest): Promise<BrowsedTag[]> {
  const opts = opcuaOptions(req.options ?? {});
  if (!/^opc\.tcp:\/\/[^\s/]+(\/\S*)?$/.test(req.endpoint)) {
    throw new SluiceError("SLUICE_ERR_USAGE", `opcua endpoint ${JSON.stringify(req.endpoint)}: expected opc.tcp://host:port[/path]`);
  }
  const ua = await loadOpcua();
  const timeout = req.timeoutMs ?? 5000;
  const cm = new ua.OPCUACertificateManager({ rootFolder: resolve(opts.pki), automaticallyAcceptUnknownCertificate: opts.acceptUnknownServerCertificate });
  await cm.initialize();
  const secure = opts.securityMode !== "None";
  const client = ua.OPCUAClient.create({
    applicationName: "sluice-browse", clientName: "sluice", endpointMustExist: false,
    securityMode: ua.MessageSecurityMode[opts.securityMode],
    securityPolicy: secure ? ua.SecurityPolicy[opts.securityPolicy] : ua.SecurityPolicy.None,
    connectionStrategy: { maxRetry: 0, initialDelay: 100, maxDelay: 100 },
    clientCertificateManager: cm, defaultTransactionTimeout: timeout, transportTimeout: timeout,
  });
  try {
    await client.connect(req.endpoint);
    const identity: UA.UserIdentityInfo = opts.user === undefined
      ? { type: ua.UserTokenType.Anonymous }
      : { type: ua.UserTokenType.UserName, userName: opts.user, password: opts.password ?? "" };
    const session = await client.createSession(identity);
    try {
      return await walk(ua, session, req);
    } finally {
      await session.close().catch(() => undefined);
    }
  } catch (e) {
    if (e instanceof SluiceError) throw e;
    throw new SluiceError("SLUICE_ERR_DISCONNECTED", `opcua browse ${req.endpoint}: ${errorMessage(e).split("\n")[0]}`, { cause: e });
  } finally {
    await client.disconnect().catch(() => undefined);
    await cm.dispose().catch(() => undefined);
  }
}

async function walk(ua: typeof UA, session: UA.ClientSession, req: OpcuaBrowseRequest): Promise<BrowsedTag[]> {
  const namespaces = await session.readNamespaceArray();
  const depth = req.depth ?? 10;
  const maxNodes = req.maxNodes ?? 100_000;
  const root = rootNodeId(ua, req.root ?? "i=85", namespaces);
  const variables: Found[] = [];
  const seen = new Set<string>([root.toString()]);
  let level: Found[] = [{ id: root, path: [] }];
  for (let d = 0; d < depth && level.length > 0 && seen.size < maxNodes; d++) {
    const next: Found[] = [];
    for (let at = 0; at < level.length; at += 100) {
      const chunk = level.slice(at, at + 100);
      const results = await browseAll(ua, session, chunk.map((f) => f.id));
      results.forEach((refs, k) => {
        for (const r of refs) {
          if (r.referenceTypeId.namespace === 0 && r.referenceTypeId.value === HAS_PROPERTY) continue;
          const id = r.nodeId as unknown as UA.NodeId;
          if (id.namespace === 0 && id.value === SERVER_OBJECT) continue;
          const key = id.toString();
          if (seen.has(key) || seen.size >= maxNodes) continue;
          seen.add(key);
          const f: Found = { id, path: [...chunk[k]!.path, r.browseName.name ?? key] };
          if (r.nodeClass === ua.NodeClass.Variable) variables.push(f);
          next.push(f); // variables may have components (structures): browse below them too
        }
      });
    }
    level = next;
  }
  return describe(ua, session, variables, namespaces);
}

/** The root in the reader's address grammar (nsu=, ns= or plain), resolved against this server's namespaces. */
function rootNodeId(ua: typeof UA, root: string, namespaces: readonly string[]): UA.NodeId {
  let a;
  try {
    a = parseOpcuaAddress(root).address;
  } catch (e) {
    throw new SluiceError("SLUICE_ERR_USAGE", `--root: ${errorMessage(e)}`);
  }
  const ns = a.namespaceUri === undefined ? a.namespaceIndex ?? 0 : namespaces.indexOf(a.namespaceUri);
  if (ns < 0) throw new SluiceError("SLUICE_ERR_USAGE", `--root: namespace ${a.namespaceUri} is not in the server's NamespaceArray`);
  return ua.coerceNodeId(nodeIdString(a, ns));
}

async function browseAll(ua: typeof UA, session: UA.ClientSession, ids: UA.NodeId[]): Promise<UA.ReferenceDescription[][]> {
  const results = await session.browse(ids.map((nodeId) => ({
    nodeId, browseDirection: ua.BrowseDirection.Forward, referenceTypeId: "HierarchicalReferences", includeSubtypes: true,
    nodeClassMask: ua.NodeClassMask.Object | ua.NodeClassMask.Variable, resultMask: 63,
  })));
  const out: UA.ReferenceDescription[][] = [];
  for (const r of results) {
    const refs = [...(r.references ?? [])];
    let cp = r.continuationPoint;
    while (cp && cp.length > 0) {
      const more = await session.browseNext(cp, false);
      refs.push(...(more.references ?? []));
      cp = more.continuationPoint;
    }
    out.push(refs);
  }
  return out;
}

async function describe(ua: typeof UA, session: UA.ClientSession, found: Found[], namespaces: string[]): Promise<BrowsedTag[]> {
  const out: BrowsedTag[] = [];
  const types = new Map<string, TagType | null>();
  const names = new Set<string>();
  for (let at = 0; at < found.length; at += 500) {
    const chunk = found.slice(at, at + 500);
    const attrs = await session.read(chunk.flatMap((f) => [
      { nodeId: f.id, attributeId: ua.AttributeIds.DataType },
      { nodeId: f.id, attributeId: ua.AttributeIds.ValueRank },
      { nodeId: f.id, attributeId: ua.AttributeIds.Description },
    ]));
    const props = await properties(ua, session, chunk.map((f) => f.id));
    for (let k = 0; k < chunk.length; k++) {
      const f = chunk[k]!;
      let name = tagName(f.path);
      for (let n = 2; names.has(name); n++) name = `${tagName(f.path).slice(0, 120)}_${n}`;
      const tag: BrowsedTag = { name, address: nsuAddress(ua, f.id, namespaces) };
      const dt = attrs[3 * k]!.value.value as UA.NodeId | null;
      const rank = attrs[3 * k + 1]!.value.value as number | null;
      const desc = (attrs[3 * k + 2]!.value.value as UA.LocalizedText | null)?.text;
      if (desc) tag.description = desc.slice(0, 1024);
      const type = dt ? await tagType(ua, session, dt, types) : null;
      if (rank !== null && rank !== -1) {
        tag.skipped = `array or matrix (ValueRank ${rank}): sluice reads scalars`;
      } else if (!type) {
        tag.skipped = `DataType ${dt?.toString() ?? "unknown"} has no sluice tag type`;
      } else {
        tag.type = type;
        const p = props[k]!;
        if (p.unit) tag.unit = p.unit.slice(0, 64);
        if (p.range) tag.range = p.range;
      }
      if (!tag.skipped) names.add(name);
      out.push(tag);
    }
  }
  return out;
}

/** The tag type of a DataType: a built-in one, or the built-in it is a subtype of (cached). */
async function tagType(ua: typeof UA, session: UA.ClientSession, dt: UA.NodeId, cache: Map<string, TagType | null>): Promise<TagType | null> {
  const key = dt.toString();
  if (cache.has(key)) return cache.get(key)!;
  let t: TagType | null = null;
  let cur: UA.NodeId | undefined = dt;
  for (let i = 0; i < 10 && cur; i++) {
    if (cur.namespace === 0 && typeof cur.value === "number") {
      if (cur.value === ENUMERATION) { t = "int32"; break; }
      const b = BUILTIN[cur.value];
      if (b) { t = b; break; }
      if (cur.value <= 25) break; // another built-in (DateTime, ByteString, ...): not a tag type
    }
    const r = await session.browse({ nodeId: cur, browseDirection: ua.BrowseDirection.Inverse, referenceTypeId: ua.resolveNodeId(`i=${HAS_SUBTYPE}`), includeSubtypes: false, resultMask: 1 });
    cur = r.references?.[0]?.nodeId as unknown as UA.NodeId | undefined;
  }
  cache.set(key, t);
  return t;
}

/** EngineeringUnits and EURange of each variable (TranslateBrowsePaths, then one Read). */
async function properties(ua: typeof UA, session: UA.ClientSession, ids: UA.NodeId[]): Promise<{ unit?: string; range?: [number, number] }[]> {
  const names = ["EngineeringUnits", "EURange"];
  const paths = ids.flatMap((id) => names.map((name) => ({
    startingNode: id,
    relativePath: { elements: [{ referenceTypeId: ua.resolveNodeId(`i=${HAS_PROPERTY}`), isInverse: false, includeSubtypes: true, targetName: { namespaceIndex: 0, name } }] },
  })));
  const found = await session.translateBrowsePath(paths);
  const reads: { i: number; which: number; nodeId: UA.NodeId }[] = [];
  found.forEach((r, i) => {
    const target = r.statusCode.isGood() ? r.targets?.[0]?.targetId : undefined;
    if (target) reads.push({ i: Math.floor(i / 2), which: i % 2, nodeId: target as unknown as UA.NodeId });
  });
  const out: { unit?: string; range?: [number, number] }[] = ids.map(() => ({}));
  if (reads.length === 0) return out;
  const values = await session.read(reads.map((r) => ({ nodeId: r.nodeId, attributeId: ua.AttributeIds.Value })));
  reads.forEach((r, k) => {
    const v = values[k]!.value.value as { displayName?: { text?: string }; low?: number; high?: number } | null;
    if (!v) return;
    if (r.which === 0 && v.displayName?.text) out[r.i]!.unit = v.displayName.text;
    if (r.which === 1 && Number.isFinite(v.low) && Number.isFinite(v.high)) out[r.i]!.range = [v.low!, v.high!];
  });
  return out;
}
