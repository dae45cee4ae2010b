import t from "tap";
import ethernetIp from "ethernet-ip";
import {
  forwardCloseRequest, forwardOpenReply, forwardOpenRequest, newConnectionParams, sendUnitData, unitDataReply,
} from "../../../src/drivers/enip/connection.js";
import { connectionManager, type CmContext, type Connection } from "../../../src/demo/sim/enip/cm.js";

const { MessageRouter } = ethernetIp.EthernetIP.CIP;

function cm(slot = 0, forwardOpen: CmContext["forwardOpen"] = "large"): CmContext {
  let id = 100;
  return { slot, forwardOpen, conns: new Map<number, Connection>(), nextId: () => ++id, stats: { forwardOpens: 0 } };
}
/** run a client request through the simulator's Connection Manager */
function call(mr: Buffer, ctx: CmContext) {
  const req = mr.subarray(2 + mr[1]! * 2);
  return MessageRouter.parse(connectionManager(mr[0]!, req, ctx));
}

void t.test("Large Forward Open: the request the client builds is the one the controller grants", async (t) => {
  const p = newConnectionParams(true);
  const mr = forwardOpenRequest(p, 0);
  t.same([...mr.subarray(0, 6)], [0x5b, 0x02, 0x20, 0x06, 0x24, 0x01], "Large Forward Open @ Connection Manager 6/1");
  const data = mr.subarray(6);
  t.equal(data.readUInt32LE(6), p.toId, "T→O id chosen by us");
  t.equal(data.readUInt32LE(26), 0x42000fa2, "O→T: point-to-point, variable, 4002 bytes");
  t.equal(data[38], 0xa3, "server, application trigger, class 3");
  t.same([...data.subarray(40)], [0x01, 0x00, 0x20, 0x02, 0x24, 0x01], "route: backplane slot 0, message router");
  const ctx = cm();
  const r = call(mr, ctx);
  t.equal(r.generalStatusCode, 0);
  const otId = forwardOpenReply(r.data, p);
  t.equal(otId, 101, "O→T id from the controller");
  t.equal(ctx.conns.get(101)?.otSize, 4002);
  t.equal(forwardOpenReply(r.data, { ...p, toId: p.toId + 1 }), undefined, "a reply for another connection is not ours");

  const dup = call(mr, ctx);
  t.same([dup.generalStatusCode, dup.extendedStatus], [0x01, [0x0100]], "same triad again: connection in use");
  const closed = call(forwardCloseRequest(p, 0), ctx);
  t.equal(closed.generalStatusCode, 0, "Forward Close");
  t.equal(ctx.conns.size, 0);
  t.same(call(forwardCloseRequest(p, 0), ctx).extendedStatus, [0x0107], "closing twice: connection not found");
});

void t.test("refusals the client falls back on", async (t) => {
  t.equal(call(forwardOpenRequest(newConnectionParams(true), 0), cm(0, "small")).generalStatusCode, 0x08, "no Large Forward Open");
  const small = newConnectionParams(false);
  const r = call(forwardOpenRequest(small, 0), cm(0, "small"));
  t.equal(r.generalStatusCode, 0, "classic Forward Open, 504 bytes");
  t.ok(forwardOpenReply(r.data, small) !== undefined);
  t.equal(call(forwardOpenRequest(small, 0), cm(0, "none")).generalStatusCode, 0x08, "no connections at all");
  const wrongSlot = call(forwardOpenRequest(newConnectionParams(true), 3), cm(0));
  t.same([wrongSlot.generalStatusCode, wrongSlot.extendedStatus], [0x01, [0x0312]], "wrong slot: link address not valid");
  const tooBig = call(forwardOpenRequest({ ...newConnectionParams(false), size: 510 }, 0), cm(0));
  t.same([tooBig.generalStatusCode, tooBig.extendedStatus], [0x01, [0x0109]], "a classic connection above 504 bytes: invalid size");
});

void t.test("SendUnitData framing: sequence count and connection ids", async (t) => {
  const c = { ...newConnectionParams(true), otId: 0x1234, seq: 0 };
  const pkt = sendUnitData(0x99, c, 7, Buffer.from([0x0a, 0x02, 0x20, 0x02, 0x24, 0x01]));
  t.equal(pkt.readUInt16LE(0), 0x70);
  t.equal(pkt.readUInt32LE(4), 0x99, "session");
  const items = ethernetIp.EthernetIP.encapsulation.CPF.parse(pkt.subarray(30));
  t.same(items.map((i) => i.TypeID), [0xa1, 0xb1]);
  t.equal(items[0]!.data.readUInt32LE(0), 0x1234, "O→T id");
  t.equal(items[1]!.data.readUInt16LE(0), 7, "sequence count");
  // the controller answers on the T→O id with the same sequence count
  const answer = (toId: number, seq: number) => {
    const id = Buffer.alloc(4); id.writeUInt32LE(toId, 0);
    const data = Buffer.concat([Buffer.from([seq, 0]), Buffer.from([0x8a, 0, 0, 0])]);
    const cpf = ethernetIp.EthernetIP.encapsulation.CPF.build([{ TypeID: 0xa1, data: id }, { TypeID: 0xb1, data }]);
    return ethernetIp.EthernetIP.encapsulation.header.build(0x70, 0x99, Buffer.concat([Buffer.alloc(6), cpf]));
  };
  t.same([...unitDataReply(answer(c.toId, 7), c, 7)!], [0x8a, 0, 0, 0]);
  t.equal(unitDataReply(answer(c.toId, 6), c, 7), undefined, "a late reply to an older request");
  t.equal(unitDataReply(answer(c.toId + 1, 7), c, 7), undefined, "another connection");
});
