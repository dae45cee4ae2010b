/**
 * node-opcua has one process-wide logger. In the demo one process runs the OPC UA
 * simulator, the reader's OPC UA client and the receiver's server; the simulator's
 * "closing SESSION ... without a keep alive" lines came out labelled `part: receiver`.
 * Now the first route wins: the demo routes the library's lines under its own label
 * before the receiver starts, and the receiver's route does not take them over.
 */
import t from "tap";
import { Writable } from "node:stream";
import { make_errorLog } from "node-opcua-debug";
import { createLogger } from "../../../src/core/log.js";
import { routeLibraryLogs } from "../../../src/receiver/opcua/library-log.js";

function capture(part: string) {
  const lines: string[] = [];
  const sink = new Writable({ write(chunk: Buffer, _e, cb) { lines.push(chunk.toString()); cb(); } });
  return { lines, log: createLogger({ destination: sink, level: "info" }).child({ part }) };
}

void t.test("the first route of the library's lines wins; a later one (the receiver's) does not relabel them", async (t) => {
  const demo = capture("node-opcua");
  const receiver = capture("receiver");
  routeLibraryLogs(demo.log); // the demo, first
  routeLibraryLogs(receiver.log); // UaServer.start, later in the same process
  make_errorLog("server_engine")("Server: closing SESSION sluice1 has expired without a keep alive");
  t.equal(demo.lines.length, 1);
  t.match(JSON.parse(demo.lines[0]!), { part: "node-opcua", lib: "node-opcua", msg: /without a keep alive/ });
  t.same(receiver.lines, [], "nothing labelled part: receiver");
});
