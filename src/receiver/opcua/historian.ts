/**
 * HistoryRead served from the store (not node-opcua's installHistoricalDataNode: 19 KiB
 * and 12 nodes per variable plus 304 B per value, 3.3 GiB at 10k tags x 1,000 values).
 *
 *   HistoryRead ─▶ engine (one call per node, same tick) ─▶ accessor.historyReadNode
 *     ─▶ tag node? ─┬─ ReadRawModifiedDetails (raw)  ─▶ history-raw.ts (bounds, paging)
 *                   ├─ ReadProcessedDetails          ─▶ history-processed.ts (Part 13 aggregates)
 *                   ├─ ReadAtTimeDetails             ─▶ history-processed.ts (interpolated)
 *                   └─ other details                 ─▶ BadHistoryOperationUnsupported
 *     └─ other nodes ─▶ node-opcua as before
 *
 * Bounded work (security invariant 5): at most maxValuesPerCall values (or intervals,
 * or times) per node per call, and REQUEST_BUDGET values for the whole request, shared
 * by its nodes in order: a node past the budget answers Good with no values and a
 * continuation point, as Part 11 allows, so a 1,000-node read is never 1,000 x 10,000
 * values. Continuation points are stateless (history-raw.ts): nothing to release, and
 * ReleaseContinuationPoints answers Good with no data per node. Per-operation status
 * codes follow Part 11 (GoodNoData, BadNoData per interval, BadBoundNotFound bounds,
 * BadContinuationPointInvalid, BadAggregateNotSupported, BadTimestampsToReturnInvalid).
 */
import {
  AggregateFunction, DataType, DataValue, HistoryData, type HistoryReadDetails, HistoryReadResult, type HistoryReadValueId, NodeIdType,
  type OPCUAServer, ReadAtTimeDetails, ReadProcessedDetails, ReadRawModifiedDetails, StatusCodes, TimestampsToReturn, Variant,
  addAggregateSupport, coerceStatusCode, type StatusCode,
} from "node-opcua";
import type { TagType } from "../../core/model.js";
import type { HistorySample, TagStoreView } from "../store-api.js";
import type { AggResult } from "./aggregates.js";
import { readRaw as rawRead, type RawQuery as RawQueryBase } from "./history-raw.js";
import { AGGREGATE_IDS, readAtTime, readProcessed } from "./history-processed.js";
import { toVariant } from "./variant.js";

export { decodePosition, encodePosition } from "./history-raw.js";

/** Values all nodes of one HistoryRead may return together; the rest get continuation points. */
export const REQUEST_BUDGET = 200_000;

const fail = (statusCode: StatusCode): HistoryReadResult => new HistoryReadResult({ statusCode });

function msOrNull(d: Date | null | undefined): number | null {
  if (!d) return null;
  const t = d.getTime();
  // DateTime MinValue (1601) and null both mean "not specified"
  return Number.isFinite(t) && t > Date.UTC(1601, 0, 2) ? t : null;
}

function dataValue(type: TagType, s: HistorySample, ttr: TimestampsToReturn): DataValue {
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
    value, statusCode: coerceStatusCode(s.status),
    ...(source ? { sourceTimestamp: when } : {}), ...(server ? { serverTimestamp: when } : {}),
  });
}

/** A processed or at-time result: the raw sample's value in the tag's type, or a computed Double (Count: UInt32). */
function resultValue(type: TagType, r: AggResult, ttr: TimestampsToReturn, countType: boolean): DataValue {
  if (r.sample) return dataValue(type, { value: r.sample.value, status: r.status, sourceTime: r.time }, ttr);
  const value = r.value === null ? new Variant({ dataType: DataType.Null })
    : new Variant({ dataType: countType ? DataType.UInt32 : DataType.Double, value: r.value });
  const when = new Date(r.time);
  return new DataValue({
    value, statusCode: coerceStatusCode(r.status),
    ...(ttr === TimestampsToReturn.Source || ttr === TimestampsToReturn.Both ? { sourceTimestamp: when } : {}),
    ...(ttr === TimestampsToReturn.Server || ttr === TimestampsToReturn.Both ? { serverTimestamp: when } : {}),
  });
}

const historyResult = (dataValues: DataValue[], cp: Buffer | null, empty: StatusCode = StatusCodes.GoodNoData): HistoryReadResult =>
  new HistoryReadResult({
    statusCode: dataValues.length === 0 && !cp ? empty : StatusCodes.Good,
    ...(cp ? { continuationPoint: cp } : {}),
    historyData: new HistoryData({ dataValues }),
  });

export type RawQuery = Omit<RawQueryBase, "returnBounds"> & { returnBounds?: boolean };

/** One node's raw read as a HistoryReadResult (unit tests and the router). */
export function readRaw(store: TagStoreView, path: string, q: RawQuery, maxValuesPerCall: number, ttr: TimestampsToReturn, budget = Infinity): HistoryReadResult {
  const state = store.get(path);
  if (!state) return fail(StatusCodes.BadNodeIdUnknown);
  if (store.historyDepth <= 0) return fail(StatusCodes.BadHistoryOperationUnsupported);
  const a = rawRead(store, path, { returnBounds: false, ...q }, maxValuesPerCall, budget);
  if (a.status !== "Good" && a.status !== "GoodNoData") return fail(StatusCodes[a.status]);
  return historyResult(a.items.map((s) => dataValue(state.def.type, s, ttr)), a.continuationPoint);
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

/** The request budget: node reads of one request run in the same tick, so it refills on the next. */
class Budget {
  private left = REQUEST_BUDGET;
  private armed = false;
  take(): number {
    if (!this.armed) {
      this.armed = true;
      setImmediate(() => { this.left = REQUEST_BUDGET; this.armed = false; });
    }
    return Math.max(1, this.left);
  }
  spend(n: number): void {
    this.left -= n;
  }
}

/** Route HistoryRead of tag nodes (string NodeIds in `namespaceIndex`) to the store. */
export function serveHistory(server: OPCUAServer, namespaceIndex: number, store: TagStoreView, maxValuesPerCall: number): void {
  const accessor = server.engine.addressSpaceAccessor as unknown as HistoryNodeReader | null;
  if (!accessor || typeof accessor.historyReadNode !== "function") throw new Error("node-opcua AddressSpaceAccessor.historyReadNode not found");
  const original = accessor.historyReadNode.bind(accessor);
  const budget = new Budget();
  accessor.historyReadNode = async (context, nodeToRead, details, ttr, continuation) => {
    const nodeId = nodeToRead.nodeId;
    if (nodeId.namespace !== namespaceIndex || nodeId.identifierType !== NodeIdType.STRING) {
      return original(context, nodeToRead, details, ttr, continuation);
    }
    const path = String(nodeId.value);
    if (ttr === TimestampsToReturn.Neither || ttr === TimestampsToReturn.Invalid) return fail(StatusCodes.BadTimestampsToReturnInvalid);
    const state = store.get(path);
    if (!state) return fail(path.includes("/") ? StatusCodes.BadNodeIdUnknown : StatusCodes.BadHistoryOperationUnsupported);
    if (store.historyDepth <= 0) return fail(StatusCodes.BadHistoryOperationUnsupported);
    if (continuation.releaseContinuationPoints) return fail(StatusCodes.Good); // stateless: nothing held
    const cp = continuation.continuationPoint ? Buffer.from(continuation.continuationPoint) : null;
    const type = state.def.type;
    const left = budget.take();
    if (details instanceof ReadRawModifiedDetails) {
      if (details.isReadModified) return fail(StatusCodes.BadHistoryOperationUnsupported); // no modifications are kept
      const r = readRaw(store, path, {
        start: msOrNull(details.startTime), end: msOrNull(details.endTime), numValuesPerNode: details.numValuesPerNode,
        returnBounds: details.returnBounds, continuationPoint: cp,
      }, maxValuesPerCall, ttr, left);
      budget.spend(r.historyData ? (r.historyData as HistoryData).dataValues?.length ?? 0 : 0);
      return r;
    }
    if (details instanceof ReadProcessedDetails) {
      const id = details.aggregateType?.[0];
      const aggregateId = id && id.namespace === 0 && typeof id.value === "number" ? id.value : -1;
      const a = readProcessed(store, path, {
        start: msOrNull(details.startTime), end: msOrNull(details.endTime), interval: details.processingInterval,
        aggregateId, continuationPoint: cp,
      }, maxValuesPerCall, left);
      if (a.status !== "Good") return fail(StatusCodes[a.status]);
      budget.spend(a.results.length);
      const isCount = AGGREGATE_IDS[aggregateId] === "Count";
      return historyResult(a.results.map((r) => resultValue(type, r, ttr, isCount)), a.continuationPoint, StatusCodes.Good);
    }
    if (details instanceof ReadAtTimeDetails) {
      const times = (details.reqTimes ?? []).map((d) => (d ? d.getTime() : NaN));
      if (times.length === 0 || times.some((x) => !Number.isFinite(x))) return fail(StatusCodes.BadHistoryOperationInvalid);
      const a = readAtTime(store, path, { times, useSimpleBounds: details.useSimpleBounds, continuationPoint: cp }, maxValuesPerCall, left);
      if (a.status !== "Good") return fail(StatusCodes[a.status]);
      budget.spend(a.results.length);
      return historyResult(a.results.map((r) => resultValue(type, r, ttr, false)), a.continuationPoint, StatusCodes.Good);
    }
    return fail(StatusCodes.BadHistoryOperationUnsupported);
  };
}

/** The aggregates this server computes, as node-opcua names them. */
const AGGREGATE_FUNCTIONS = [
  AggregateFunction.Interpolative, AggregateFunction.Average, AggregateFunction.TimeAverage, AggregateFunction.Count,
  AggregateFunction.Minimum, AggregateFunction.Maximum, AggregateFunction.Start, AggregateFunction.End,
  AggregateFunction.PercentGood, AggregateFunction.PercentBad,
];

/**
 * Publish what HistoryRead offers under Server/ServerCapabilities: HistoryServerCapabilities
 * (read-only: no insert, replace, update or delete; no events) and the AggregateFunctions
 * computed here (under ServerCapabilities and HistoryServerCapabilities).
 */
export function advertiseHistory(server: OPCUAServer, enabled: boolean, maxValuesPerCall: number): void {
  const addressSpace = server.engine.addressSpace;
  if (enabled && addressSpace) addAggregateSupport(addressSpace, AGGREGATE_FUNCTIONS);
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
