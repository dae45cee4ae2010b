/**
 * HistoryRead (raw) served straight from the store's history rings, instead of
 * node-opcua's installHistoricalDataNode (19 KiB and 12 nodes per variable plus
 * 304 B per value: 3.3 GiB at 10k tags x 1,000 values, see STACK).
 *
 *   HistoryRead ─▶ engine ─▶ accessor.historyReadNode ─▶ (tag node?) ─▶ store.history(path, {from, to, limit})
 *                                                       └─ other nodes ─▶ node-opcua as before
 *
 * Raw reads only (ReadRawModifiedDetails, isReadModified false), both ends
 * inclusive, forward when start <= end and backward when start > end or only end
 * is given. A call returns at most min(numValuesPerNode, maxValuesPerCall)
 * values; when more remain it returns a continuation point. Continuation points
 * are stateless (the position itself, bound to the node), so an abandoned one
 * costs no memory; the ring may have moved on between calls, which only loses
 * what the ring already dropped. returnBounds is not supported (ignored).
 */
import {
  DataValue, HistoryData, type HistoryReadDetails, HistoryReadResult, type HistoryReadValueId, type OPCUAServer, ReadRawModifiedDetails,
  StatusCodes, TimestampsToReturn, coerceStatusCode, NodeIdType, type StatusCode,
} from "node-opcua";
import type { HistorySample, TagStoreView } from "../store-api.js";
import { toVariant } from "./variant.js";

const CP_VERSION = 1;
const CP_LENGTH = 1 + 1 + 4 + 8 + 4;

interface Position {
  /** timestamp to resume at (inclusive) */
  t: number;
  /** samples at exactly `t` already returned */
  skip: number;
}

/** 32-bit FNV-1a, to bind a continuation point to one node. */
function pathHash(path: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < path.length; i++) h = Math.imul(h ^ path.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

export function encodePosition(path: string, reverse: boolean, p: Position): Buffer {
  const b = Buffer.alloc(CP_LENGTH);
  b.writeUInt8(CP_VERSION, 0);
  b.writeUInt8(reverse ? 1 : 0, 1);
  b.writeUInt32BE(pathHash(path), 2);
  b.writeDoubleBE(p.t, 6);
  b.writeUInt32BE(p.skip, 14);
  return b;
}

export function decodePosition(path: string, reverse: boolean, b: Buffer): Position | null {
  if (b.length !== CP_LENGTH || b.readUInt8(0) !== CP_VERSION || b.readUInt8(1) !== (reverse ? 1 : 0)) return null;
  if (b.readUInt32BE(2) !== pathHash(path)) return null;
  const t = b.readDoubleBE(6);
  return Number.isFinite(t) ? { t, skip: b.readUInt32BE(14) } : null;
}

const fail = (statusCode: StatusCode): HistoryReadResult => new HistoryReadResult({ statusCode });

function msOrNull(d: Date | null | undefined): number | null {
  if (!d) return null;
  const t = d.getTime();
  // DateTime MinValue (1601) and null both mean "not specified"
  return Number.isFinite(t) && t > Date.UTC(1601, 0, 2) ? t : null;
}

export interface RawQuery {
  start: number | null;
  end: number | null;
  numValuesPerNode: number;
  continuationPoint: Buffer | null;
}

/** One node's raw history read against the store; exported for unit tests. */
export function readRaw(store: TagStoreView, path: string, q: RawQuery, maxValuesPerCall: number, ttr: TimestampsToReturn): HistoryReadResult {
  const state = store.get(path);
  if (!state) return fail(StatusCodes.BadNodeIdUnknown);
  if (store.historyDepth <= 0) return fail(StatusCodes.BadHistoryOperationUnsupported);
  const { start, end } = q;
  if (start === null && end === null) return fail(StatusCodes.BadHistoryOperationInvalid);
  if ((start === null || end === null) && q.numValuesPerNode === 0) return fail(StatusCodes.BadHistoryOperationInvalid);
  const reverse = start === null || (end !== null && start > end);
  let pos: Position = { t: reverse ? (start ?? end ?? 0) : (start ?? 0), skip: 0 };
  if (q.continuationPoint && q.continuationPoint.length > 0) {
    const p = decodePosition(path, reverse, q.continuationPoint);
    if (!p) return fail(StatusCodes.BadContinuationPointInvalid);
    pos = p;
  }
  const perCall = Math.min(q.numValuesPerNode > 0 ? q.numValuesPerNode : Infinity, maxValuesPerCall);
  const want = pos.skip + perCall + 1;
  let seq: HistorySample[];
  if (reverse) {
    const bottom = start === null ? undefined : (end ?? undefined);
    seq = (store.history(path, bottom === undefined ? { to: pos.t } : { from: bottom, to: pos.t }) ?? []).reverse();
  } else {
    seq = store.history(path, end === null ? { from: pos.t, limit: want } : { from: pos.t, to: end, limit: want }) ?? [];
  }
  const page = seq.slice(pos.skip, pos.skip + perCall);
  let continuationPoint: Buffer | null = null;
  const last = page[page.length - 1];
  if (last && seq.length > pos.skip + perCall) {
    let skip = 0;
    for (let i = 0; i < pos.skip + perCall; i++) if (seq[i]?.sourceTime === last.sourceTime) skip++;
    continuationPoint = encodePosition(path, reverse, { t: last.sourceTime, skip });
  }
  const dataValues = page.map((s) => sampleToDataValue(state.def.type, s, ttr));
  return new HistoryReadResult({
    statusCode: dataValues.length === 0 ? StatusCodes.GoodNoData : StatusCodes.Good,
    ...(continuationPoint ? { continuationPoint } : {}),
    historyData: new HistoryData({ dataValues }),
  });
}

function sampleToDataValue(type: Parameters<typeof toVariant>[0], s: HistorySample, ttr: TimestampsToReturn): DataValue {
  const when = new Date(s.sourceTime);
  const source = ttr === TimestampsToReturn.Source || ttr === TimestampsToReturn.Both;
  const server = ttr === TimestampsToReturn.Server || ttr === TimestampsToReturn.Both;
  let value;
  try {
    value = toVariant(type, s.value);
  } catch {
    return new DataValue({ statusCode: StatusCodes.BadTypeMismatch, ...(source ? { sourceTimestamp: when } : {}) });
  }
  return new DataValue({
    value,
    statusCode: coerceStatusCode(s.status),
    ...(source ? { sourceTimestamp: when } : {}),
    ...(server ? { serverTimestamp: when } : {}),
  });
}

/**
 * The part of node-opcua's AddressSpaceAccessor used here: historyRead() calls
 * this.historyReadNode per node (the engine types the accessor as an interface
 * that omits it, hence the narrow cast).
 */
interface HistoryNodeReader {
  historyReadNode(
    context: unknown, nodeToRead: HistoryReadValueId, details: HistoryReadDetails, ttr: TimestampsToReturn,
    continuation: { continuationPoint?: Buffer | null; releaseContinuationPoints?: boolean },
  ): Promise<HistoryReadResult>;
}

/** Route HistoryRead of tag nodes (string NodeIds in `namespaceIndex`) to the store. */
export function serveHistory(server: OPCUAServer, namespaceIndex: number, store: TagStoreView, maxValuesPerCall: number): void {
  const accessor = server.engine.addressSpaceAccessor as unknown as HistoryNodeReader | null;
  if (!accessor || typeof accessor.historyReadNode !== "function") throw new Error("node-opcua AddressSpaceAccessor.historyReadNode not found");
  const original = accessor.historyReadNode.bind(accessor);
  accessor.historyReadNode = async (context, nodeToRead, details, ttr, continuation) => {
    const nodeId = nodeToRead.nodeId;
    if (nodeId.namespace !== namespaceIndex || nodeId.identifierType !== NodeIdType.STRING) {
      return original(context, nodeToRead, details, ttr, continuation);
    }
    const path = String(nodeId.value);
    if (ttr === TimestampsToReturn.Neither || ttr === TimestampsToReturn.Invalid) return fail(StatusCodes.BadTimestampsToReturnInvalid);
    if (continuation.releaseContinuationPoints) return fail(StatusCodes.Good);
    if (!(details instanceof ReadRawModifiedDetails) || details.isReadModified) return fail(StatusCodes.BadHistoryOperationUnsupported);
    if (!path.includes("/")) return fail(StatusCodes.BadHistoryOperationUnsupported); // a source folder
    const cp = continuation.continuationPoint;
    return readRaw(store, path, {
      start: msOrNull(details.startTime),
      end: msOrNull(details.endTime),
      numValuesPerNode: details.numValuesPerNode,
      continuationPoint: cp ? Buffer.from(cp) : null,
    }, maxValuesPerCall, ttr);
  };
}

/** Publish what HistoryRead offers under Server/ServerCapabilities/HistoryServerCapabilities (read-only: no insert, replace, update or delete). */
export function advertiseHistory(server: OPCUAServer, enabled: boolean, maxValuesPerCall: number): void {
  const c = server.engine.historyServerCapabilities;
  c.accessHistoryDataCapability = enabled;
  c.accessHistoryEventsCapability = false;
  c.maxReturnDataValues = enabled ? maxValuesPerCall : 0;
  c.maxReturnEventValues = 0;
  c.insertDataCapability = c.replaceDataCapability = c.updateDataCapability = false;
  c.deleteRawCapability = c.deleteAtTimeCapability = false;
  c.insertEventCapability = c.replaceEventCapability = c.updateEventCapability = c.deleteEventCapability = false;
  c.insertAnnotationCapability = false;
}
