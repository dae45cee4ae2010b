/**
 * Millisecond timestamps on the wire, never picoseconds (STACK: asyncua reads
 * the optional picosecond fields of a DataValue in the wrong order and shows
 * every ServerTimestamp as 9999-12-31).
 *
 * Tag values are set with millisecond Dates (picoseconds 0), so subscriptions
 * carry none. What remains is the Read service: with a MaxAge older than the
 * cached value, node-opcua stamps ServerTimestamp with its high-resolution
 * clock (request time + picoseconds) and writes that back into the cache. This
 * wrapper gives that path a millisecond clock and clears both picosecond fields
 * of every DataValue a Read returns.
 */
import type { DataValue, OPCUAServer, ReadValueIdOptions, TimestampsToReturn } from "node-opcua";

/**
 * The part of node-opcua's AddressSpaceAccessor used here. The engine types its
 * accessor as an interface without readNode; the class has it, and read() calls
 * this.readNode per node, so wrapping it on the instance covers every Read.
 */
interface NodeReader {
  readNode(context: { currentTime?: { timestamp: Date; picoseconds: number } }, nodeToRead: ReadValueIdOptions, maxAge: number, timestampsToReturn?: TimestampsToReturn): Promise<DataValue>;
}

export function millisecondReads(server: OPCUAServer): void {
  const accessor = server.engine.addressSpaceAccessor as unknown as NodeReader | null;
  if (!accessor || typeof accessor.readNode !== "function") throw new Error("node-opcua AddressSpaceAccessor.readNode not found");
  const readNode = accessor.readNode.bind(accessor);
  accessor.readNode = async (context, nodeToRead, maxAge, timestampsToReturn) => {
    const clock = context.currentTime;
    if (clock && clock.picoseconds) context.currentTime = { timestamp: clock.timestamp, picoseconds: 0 };
    const dv = await readNode(context, nodeToRead, maxAge, timestampsToReturn);
    dv.serverPicoseconds = 0;
    dv.sourcePicoseconds = 0;
    return dv;
  };
}
