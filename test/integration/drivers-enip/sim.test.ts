/**
 * The EtherNet/IP simulator on the wire, driven by raw packets (built with
 * ethernet-ip's encoders where they exist): stream framing, session rules,
 * the services a Logix controller answers, and refusal of writes and junk.
 * Loopback addresses 127.0.77.30-39 belong to this file.
 */
import t from "tap";
import { connect, type Socket } from "node:net";
import ethernetIp from "ethernet-ip";
import { startEnipSim, type EnipSim } from "../../../src/demo/sim/enip/index.js";
import type { TapTest } from "../drivers/conformance.js";

const { EthernetIP, Tag } = ethernetIp;
const { encapsulation, CIP } = EthernetIP;

interface Reply { command: number; length: number; session: number; status: number; context: Buffer; data: Buffer }

/** A raw client that frames replies itself. */
async function raw(t: TapTest, host: string): Promise<{ sock: Socket; send(b: Buffer): void; next(): Promise<Reply>; closed: Promise<void> }> {
  const sock = connect(44818, host);
  sock.on("error", () => undefined);
  t.teardown(() => { sock.destroy(); });
  await new Promise<void>((resolve) => sock.once("connect", () => resolve()));
  let buf = Buffer.alloc(0);
  const queue: Reply[] = [];
  const waiters: ((r: Reply) => void)[] = [];
  sock.on("data", (c: Buffer) => {
    buf = Buffer.concat([buf, c]);
    while (buf.length >= 24 && buf.length >= 24 + buf.readUInt16LE(2)) {
      const len = buf.readUInt16LE(2);
      const r: Reply = {
        command: buf.readUInt16LE(0), length: len, session: buf.readUInt32LE(4), status: buf.readUInt32LE(8),
        context: Buffer.from(buf.subarray(12, 20)), data: Buffer.from(buf.subarray(24, 24 + len)),
      };
      buf = buf.subarray(24 + len);
      const w = waiters.shift();
      if (w) w(r); else queue.push(r);
    }
  });
  const closed = new Promise<void>((resolve) => sock.once("close", () => resolve()));
  return {
    sock,
    send: (b) => sock.write(b),
    next: () => new Promise<Reply>((resolve) => { const r = queue.shift(); if (r) resolve(r); else waiters.push(resolve); }),
    closed,
  };
}

async function sim(t: TapTest, host: string): Promise<EnipSim> {
  const s = await startEnipSim({ host, moving: false });
  t.teardown(() => s.close());
  return s;
}

/** SendRRData of a message router request wrapped in Unconnected Send to backplane slot 0; returns the CIP reply. */
function rr(session: number, mr: Buffer): Buffer {
  const ucmm = CIP.UnconnectedSend.build(mr, CIP.EPATH.segments.PORT.build(1, 0), 2000);
  return encapsulation.sendRRData(session, ucmm, 10);
}
function cipOf(r: Reply): Buffer {
  const items = encapsulation.CPF.parse(r.data.subarray(6));
  return items[1]!.data;
}

void t.test("framing: joined packets, a packet split into single bytes, and the context echoed", async (t) => {
  await sim(t, "127.0.77.30");
  const c = await raw(t, "127.0.77.30");
  const reg = encapsulation.registerSession();
  reg.write("ctx-0001", 12, "latin1");
  const list = encapsulation.header.build(0x63, 0, Buffer.alloc(0));
  c.send(Buffer.concat([reg, list]));
  const r1 = await c.next();
  const r2 = await c.next();
  t.equal(r1.command, 0x65);
  t.equal(r1.status, 0);
  t.not(r1.session, 0, "session handle assigned");
  t.equal(r1.context.toString("latin1"), "ctx-0001", "sender context echoed");
  t.equal(r2.command, 0x63);
  const id = encapsulation.CPF.parse(r2.data);
  t.equal(id[0]!.TypeID, 0x0c, "ListIdentity item");
  t.match(id[0]!.data.toString("latin1"), /sluice-sim/);

  const req = rr(r1.session, new Tag("Dint1").generateReadMessageRequest(1));
  for (const byte of req) c.send(Buffer.from([byte]));
  const r3 = await c.next();
  const cip = cipOf(r3);
  t.same([...cip.subarray(0, 4)], [0xcc, 0, 0, 0], "Read Tag reply, success");
  t.equal(cip.readUInt16LE(4), 0xc4, "DINT");
  t.equal(cip.readInt32LE(6), -123456789);
});

void t.test("session rules and encapsulation errors", async (t) => {
  const s = await sim(t, "127.0.77.31");
  const c = await raw(t, "127.0.77.31");
  c.send(rr(0x1234, new Tag("Dint1").generateReadMessageRequest(1)));
  t.equal((await c.next()).status, 0x64, "SendRRData before RegisterSession: invalid session handle");
  const bad = encapsulation.registerSession();
  bad.writeUInt16LE(2, 24);
  c.send(bad);
  t.equal((await c.next()).status, 0x69, "protocol version 2: unsupported revision");
  c.send(encapsulation.header.build(0x04, 0, Buffer.alloc(0)));
  const services = await c.next();
  t.equal(services.status, 0, "ListServices");
  t.match(services.data.toString("latin1"), /Communications/);
  c.send(encapsulation.header.build(0x70, 0, Buffer.alloc(0)));
  t.equal((await c.next()).status, 0x64, "SendUnitData without a session: invalid session handle");
  const unknown = Buffer.alloc(24);
  unknown.writeUInt16LE(0x6a, 0);
  c.send(unknown);
  t.equal((await c.next()).status, 0x01, "an unknown command: unsupported");
  c.send(encapsulation.registerSession());
  const reg = await c.next();
  c.send(encapsulation.unregisterSession(reg.session));
  await c.closed;
  t.ok(c.sock.destroyed, "UnRegisterSession closes the connection");
  t.equal(s.stats.sessions, 1);
});

void t.test("services: unknown tag 0x05, writes refused 0x0F, MSP with an embedded failure 0x1E, wrong route 0x01", async (t) => {
  const s = await sim(t, "127.0.77.32");
  const c = await raw(t, "127.0.77.32");
  c.send(encapsulation.registerSession());
  const session = (await c.next()).session;
  const call = async (mr: Buffer) => { c.send(rr(session, mr)); return cipOf(await c.next()); };

  t.same([...(await call(new Tag("NoSuchTag").generateReadMessageRequest(1))).subarray(0, 4)], [0xcc, 0, 0x05, 0]);
  const write = CIP.MessageRouter.build(0x4d, new Tag("Dint1").path, Buffer.from([0xc4, 0x00, 0x01, 0x00, 5, 0, 0, 0]));
  t.same([...(await call(write)).subarray(0, 4)], [0xcd, 0, 0x0f, 0], "Write Tag: privilege violation");
  const check = await call(new Tag("Dint1").generateReadMessageRequest(1));
  t.equal(check.readInt32LE(6), -123456789, "value unchanged");
  t.equal((await call(CIP.MessageRouter.build(0x4e, new Tag("Dint1").path, Buffer.alloc(10))))[2], 0x0f, "Read-Modify-Write refused");
  t.equal((await call(CIP.MessageRouter.build(0x33, new Tag("Dint1").path, Buffer.alloc(0))))[2], 0x08, "unknown service");
  t.equal((await call(new Tag("Dint1").generateReadMessageRequest(2)))[2], 0xff, "two elements of a scalar: beyond the end");

  const mspData = (reqs: Buffer[]) => {
    const head = Buffer.alloc(2 + 2 * reqs.length);
    head.writeUInt16LE(reqs.length, 0);
    let off = head.length;
    reqs.forEach((r, i) => { head.writeUInt16LE(off, 2 + 2 * i); off += r.length; });
    return Buffer.concat([head, ...reqs]);
  };
  const routerPath = Buffer.from([0x20, 0x02, 0x24, 0x01]);
  const msp = await call(CIP.MessageRouter.build(0x0a, routerPath, mspData([
    new Tag("Int1").generateReadMessageRequest(1), new Tag("Nope").generateReadMessageRequest(1), write,
  ])));
  t.same([...msp.subarray(0, 4)], [0x8a, 0, 0x1e, 0], "embedded service error");
  t.equal(msp.readUInt16LE(4), 3);
  const at = (i: number) => 4 + msp.readUInt16LE(6 + 2 * i);
  t.same([msp[at(0)], msp[at(0) + 2], msp.readInt16LE(at(0) + 6)], [0xcc, 0, -1234]);
  t.same([msp[at(1)], msp[at(1) + 2]], [0xcc, 0x05]);
  t.same([msp[at(2)], msp[at(2) + 2]], [0xcd, 0x0f]);
  const broken = mspData([new Tag("Int1").generateReadMessageRequest(1)]);
  broken.writeUInt16LE(999, 2);
  t.equal((await call(CIP.MessageRouter.build(0x0a, routerPath, broken)))[2], 0x13, "offset beyond the data: not enough data");

  const ucmm = CIP.UnconnectedSend.build(new Tag("Dint1").generateReadMessageRequest(1), CIP.EPATH.segments.PORT.build(1, 5), 2000);
  c.send(encapsulation.sendRRData(session, ucmm, 10));
  const routed = cipOf(await c.next());
  t.same([...routed.subarray(0, 4)], [0xd2, 0, 0x01, 1], "slot 5 does not exist: connection failure");
  t.equal(routed.readUInt16LE(4), 0x0312, "link address not valid");
  t.equal(s.stats.malformed, 0, "well-formed requests, even refused ones, are not malformed");
});

void t.test("junk: an impossible length closes that connection only; bad CPF is refused", async (t) => {
  const s = await sim(t, "127.0.77.33");
  const c = await raw(t, "127.0.77.33");
  c.send(encapsulation.registerSession());
  const session = (await c.next()).session;
  const noItems = encapsulation.header.build(0x6f, session, Buffer.alloc(8));
  c.send(noItems);
  t.equal((await c.next()).status, 0x03, "SendRRData without CPF items: incorrect data");
  const junk = Buffer.alloc(24, 0xff);
  c.send(junk);
  await c.closed;
  t.ok(s.stats.malformed >= 2, `counted (${s.stats.malformed})`);
  const c2 = await raw(t, "127.0.77.33");
  c2.send(encapsulation.registerSession());
  t.equal((await c2.next()).status, 0, "the server still serves new connections");
});
