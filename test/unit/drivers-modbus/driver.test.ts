import t from "tap";
import { modbusDriver, type ModbusAddress } from "../../../src/drivers/modbus/index.js";
import { exceptionStatus, parseEndpoint } from "../../../src/drivers/modbus/driver.js";
import { ModbusTcpTransport } from "../../../src/drivers/modbus/transport.js";
import { decodeValue, defaultOrder, registerWidth, type RegisterType } from "../../../src/drivers/modbus/codec.js";
import type { Driver, Point } from "../../../src/drivers/contract.js";
import { Status } from "../../../src/core/status.js";
import { exceptionReply, honest, reply, startFake, type FakeServer } from "../../fixtures/modbus-fake.js";

type Tap = Parameters<Parameters<typeof t.test>[0]>[0];

function points(addresses: string[]): Point<ModbusAddress>[] {
  return addresses.map((a, index) => ({ index, ...modbusDriver.parseAddress(a), type: modbusDriver.parseAddress(a).type! }));
}

async function setup(t: Tap, options: Record<string, unknown> = {}): Promise<{ fake: FakeServer; d: Driver; fcs: Set<number> }> {
  const fake = await startFake();
  const fcs = new Set<number>();
  const d = modbusDriver.create({ name: "fake", endpoint: fake.endpoint, timeoutMs: 1000, options });
  t.teardown(async () => { d.destroy(); await fake.close(); });
  fake.handler = (req, sock) => { fcs.add(req.fc); honest(req, sock); };
  await d.connect();
  return { fake, d, fcs };
}

void t.test("endpoints: host[:port], [v6]:port, default port 502", async (t) => {
  t.same(parseEndpoint("10.0.0.5"), { host: "10.0.0.5", port: 502 });
  t.same(parseEndpoint("plc-1.line.local:1502"), { host: "plc-1.line.local", port: 1502 });
  t.same(parseEndpoint("[::1]:5020"), { host: "::1", port: 5020 });
  t.same(parseEndpoint("[fe80::1]"), { host: "fe80::1", port: 502 });
  for (const bad of ["", "host:0", "host:65536", "host:port", "opc.tcp://x:4840", "a b:502", "::1:502"]) {
    t.throws(() => parseEndpoint(bad), { code: "SLUICE_ERR_CONFIG" }, JSON.stringify(bad));
  }
  t.throws(() => modbusDriver.create({ name: "x", endpoint: "nope:", timeoutMs: 100, options: {} }), { code: "SLUICE_ERR_CONFIG" });
  t.throws(() => modbusDriver.create({ name: "x", endpoint: "h:502", timeoutMs: 100, options: { maxGap: -1 } }), { code: "SLUICE_ERR_CONFIG" });
});

void t.test("exception codes map to statuses", async (t) => {
  t.same([1, 2, 3, 4, 5, 6, 10, 11, 99].map(exceptionStatus), [
    Status.BadConfigurationError, Status.BadConfigurationError, Status.BadConfigurationError,
    Status.BadDeviceFailure, Status.BadDeviceFailure, Status.BadDeviceFailure,
    Status.BadNoCommunication, Status.BadNoCommunication, Status.BadCommunicationError,
  ]);
});

void t.test("a gateway exception for one unit marks that unit's points only", async (t) => {
  const { fake, d } = await setup(t);
  fake.handler = (req, sock) => sock.write(req.unit === 5 ? exceptionReply(req, 11) : reply(req));
  const pts = points(["hr:7", "hr:8", "coil:1"]);
  pts[1] = { ...pts[1]!, address: { ...pts[1]!.address, unitId: 5 } };
  const results = await d.read(d.plan(pts));
  t.same(results.map((r) => [r.value, r.status]), [[7, Status.Good], [null, Status.BadNoCommunication], [false, Status.Good]]);
});

void t.test("a point whose tag type disagrees with its address is BadConfigurationError; the others read", async (t) => {
  const { d } = await setup(t);
  const pts = points(["hr:3", "hr:4:uint16"]);
  pts[0] = { ...pts[0]!, type: "float32" };
  const plan = d.plan(pts);
  t.equal(plan.requests, 1);
  const results = await d.read(plan);
  t.same(results.map((r) => [r.value, r.status]), [[null, Status.BadConfigurationError], [4, Status.Good]]);
});

void t.test("a plan's results are rewritten in place at each read, and nothing of the last read survives a failed block", async (t) => {
  const { fake, d } = await setup(t);
  const pts = points(["hr:7", "hr:8", "hr:300"]);
  const plan = d.plan(pts);
  t.equal(plan.requests, 2);
  const first = await d.read(plan);
  t.same(first.map((r) => [r.value, r.status]), [[7, Status.Good], [8, Status.Good], [300, Status.Good]]);
  const objects = [...first];
  // the second read: the block at 300 answers with an exception, the other shifts its values
  fake.handler = (req, sock) => {
    if (req.start === 300) { sock.write(exceptionReply(req, 4)); return; }
    const r = reply(req);
    for (let i = 0; i < req.count; i++) r.writeUInt16BE(1000 + req.start + i, 9 + i * 2);
    sock.write(r);
  };
  const second = await d.read(plan);
  t.equal(second, first, "the same array");
  t.ok(second.every((r, i) => r === objects[i]), "the same result objects: no allocation per point and poll");
  t.same(second.map((r) => [r.value, r.status]), [[1007, Status.Good], [1008, Status.Good], [null, Status.BadDeviceFailure]],
    "new values, and the refused block's last Good value is gone");
  t.equal((await d.read(d.plan(pts))) === second, false, "another plan has results of its own");
});

void t.test("results follow the plan's point order, whatever the indexes", async (t) => {
  const { d } = await setup(t);
  const pts = points(["hr:30", "hr:10", "hr:20"]).map((p, i) => ({ ...p, index: [7, 3, 5][i]! }));
  t.same((await d.read(d.plan(pts))).map((r) => r.value), [30, 10, 20]);
});

void t.test("every type and order decodes as the reference codec does, and each request's values are handed on as they arrive", async (t) => {
  const { d } = await setup(t);
  const addrs = ["hr:40:int32", "hr:42:uint32", "hr:44:float32", "hr:46:int16", "hr:47:uint16", "hr:48:int64", "hr:52:uint64", "hr:56:float64",
    "hr:60:int32:CDAB", "hr:62:uint16:BA", "hr:64:string(4)", "hr:5.0", "hr:5.1", "coil:0", "coil:1", "ir:900:float32"];
  const pts = points(addrs);
  const plan = d.plan(pts);
  const seen: number[][] = [];
  const results = await d.read(plan, (rs, at) => {
    t.ok([...at].every((j) => rs[j] !== undefined), "a partial result is set at every position it names");
    seen.push([...at]);
  });
  t.equal(seen.length, plan.requests, "one hand-on per request");
  t.same(seen.flat().sort((a, b) => a - b), pts.map((_, i) => i), "every point handed on exactly once");
  // the fake answers each register with its own address, and bits of a read alternately 0 and 1 from its start
  const wire = (start: number, words: number) => Buffer.concat(Array.from({ length: words }, (_, i) => Buffer.from([((start + i) >> 8) & 0xff, (start + i) & 0xff])));
  pts.forEach((p, i) => {
    const a = p.address;
    let want: unknown;
    if (a.area === "coil") want = a.offset % 2 === 1;
    else if (a.bit !== undefined) want = ((a.offset >> a.bit) & 1) === 1;
    else {
      const type = a.type as RegisterType;
      const order = a.order ?? defaultOrder(type, "ABCD");
      want = decodeValue(wire(a.offset, registerWidth(type, a.length)), type, order, a.length);
    }
    t.same(results[i]!.value, want, addrs[i]!);
    t.equal(results[i]!.status, Status.Good, addrs[i]!);
  });
});

void t.test("one read at a time; reads before connect or after destroy reject", async (t) => {
  const { fake, d } = await setup(t);
  fake.handler = (req, sock) => setTimeout(() => sock.write(reply(req)), 30);
  const plan = d.plan(points(["hr:1"]));
  const first = d.read(plan);
  await t.rejects(d.read(plan), { code: "SLUICE_ERR_DRIVER" });
  t.same((await first).map((r) => r.value), [1]);
  await t.rejects(d.read({ points: [], requests: 0 }), { code: "SLUICE_ERR_DRIVER" }, "a plan from elsewhere");
  d.destroy();
  await t.rejects(d.read(plan), { code: "SLUICE_ERR_DISCONNECTED" });
  const never = modbusDriver.create({ name: "x", endpoint: fake.endpoint, timeoutMs: 100, options: {} });
  await t.rejects(never.read(plan), { code: "SLUICE_ERR_DISCONNECTED" });
});

void t.test("only read function codes ever reach the device", async (t) => {
  const { d, fcs } = await setup(t);
  await d.read(d.plan(points(["coil:0", "di:0", "ir:0", "hr:0", "hr:9.1", "ir:4:float64"])));
  t.same([...fcs].sort(), [1, 2, 3, 4]);
  const tr = new ModbusTcpTransport("127.0.0.1", 1, 100);
  for (const fc of [5, 6, 15, 16]) await t.rejects(tr.request(1, fc as 3, 0, 1), { code: "SLUICE_ERR_DRIVER" }, `function ${fc}`);
});
