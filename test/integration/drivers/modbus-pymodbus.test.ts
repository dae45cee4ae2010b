/**
 * The Modbus driver against an independent server (pymodbus): every type in
 * every byte order, bits and strings from known register contents; request
 * coalescing counted at the server; per-block exceptions; unit ids.
 */
import t from "tap";
import { modbusDriver, type ModbusAddress } from "../../../src/drivers/modbus/index.js";
import type { Driver, Point } from "../../../src/drivers/contract.js";
import { Status } from "../../../src/core/status.js";
import { startPymodbus, type PymodbusServer, type ServedRead } from "../../fixtures/pymodbus.js";
import { everyTypeEveryOrder, layoutOf, TYPE_VALUES, type KnownValue } from "../../fixtures/modbus-values.js";

function points(addresses: string[], unitIds: (number | undefined)[] = []): Point<ModbusAddress>[] {
  return addresses.map((a, index) => {
    const { address, type } = modbusDriver.parseAddress(a);
    const unitId = unitIds[index];
    return { index, address: unitId === undefined ? address : { ...address, unitId }, type: type! };
  });
}

async function connect(t: Tap, server: PymodbusServer, options: Record<string, unknown> = {}): Promise<Driver> {
  const d = modbusDriver.create({ name: "py", endpoint: server.endpoint, timeoutMs: 2000, options });
  t.teardown(() => d.destroy());
  await d.connect();
  return d;
}
type Tap = Parameters<Parameters<typeof t.test>[0]>[0];

/** The server prints its request log asynchronously: wait until n entries are in. */
/** The server logs each read on its stdout after serving it: under load a line can lag the reply. Wait until the log is quiet. */
async function settled(server: PymodbusServer): Promise<number> {
  let n = -1;
  for (const end = Date.now() + 5000; n !== server.served.length && Date.now() < end; ) {
    n = server.served.length;
    await new Promise((r) => setTimeout(r, 200));
  }
  return server.served.length;
}

async function served(server: PymodbusServer, from: number, n: number): Promise<ServedRead[]> {
  const end = Date.now() + 5000;
  while (server.served.length < from + n && Date.now() < end) await new Promise((r) => setTimeout(r, 10));
  await new Promise((r) => setTimeout(r, 50)); // and not more than n
  return server.served.slice(from);
}

// Unit 1: every type in every order in hr and ir; defaults for CDAB tests at hr:300; 1,000 registers at hr:1000.
const HR = everyTypeEveryOrder("hr", 0);
const IR = everyTypeEveryOrder("ir", 100);
const CDAB_DEFAULT: KnownValue[] = [
  { address: "hr:300:float32:CDAB", value: TYPE_VALUES.float32 },
  { address: "hr:302:int64:GHEFCDAB", value: TYPE_VALUES.int64 },
  { address: "hr:306:int16", value: TYPE_VALUES.int16 },
];
const BITS: KnownValue[] = [
  { address: "hr:400.0", value: true }, { address: "hr:400.1", value: false }, { address: "hr:400.7", value: true },
  { address: "hr:400.15", value: true }, { address: "ir:400.2", value: true }, { address: "ir:400.3", value: false },
  ...Array.from({ length: 20 }, (_, i) => ({ address: `coil:${i}`, value: i % 3 === 0 })),
  ...Array.from({ length: 20 }, (_, i) => ({ address: `di:${100 + i}`, value: i % 5 === 1 })),
];
const STRINGS: KnownValue[] = [
  { address: "hr:500:string(16)", value: "Batch 2024-0042" },
  { address: "hr:510:string(4)", value: "AB" }, // trailing NULs trimmed
  { address: "ir:500:string(6):BA", value: "swap!" },
];
const LINEAR = Array.from({ length: 1000 }, (_, i) => ({ address: `hr:${1000 + i}:uint16`, value: (i * 7) & 0xffff }));
const UNIT1 = [...HR, ...IR, ...CDAB_DEFAULT, ...BITS, ...STRINGS, ...LINEAR];
// Unit 2: a different value at hr:0, and a sparse map with a hole at hr:4..9.
const UNIT2: KnownValue[] = [
  { address: "hr:0:uint16", value: 2222 }, { address: "hr:3:uint16", value: 2333 },
  { address: "hr:10:uint16", value: 2010 }, { address: "hr:13:uint16", value: 2013 },
];

void t.test("pymodbus", async (t) => {
  const server = await startPymodbus({
    units: { "1": layoutOf(UNIT1, { size: 2000 }), "2": layoutOf(UNIT2, { sparse: ["hr"] }) },
  });
  t.teardown(() => server.close());

  void t.test("every type in every byte order, from holding and input registers", async (t) => {
    const d = await connect(t, server);
    const known = [...HR, ...IR];
    const plan = d.plan(points(known.map((k) => k.address)));
    t.equal(plan.requests, 2);
    const results = await d.read(plan);
    known.forEach((k, i) => {
      t.same(results[i]!.value, k.value, k.address);
      t.equal(results[i]!.status, Status.Good, `${k.address} Good`);
    });
  });

  void t.test("the source's byteOrder applies to addresses that name no order", async (t) => {
    const d = await connect(t, server, { byteOrder: "CDAB" });
    const results = await d.read(d.plan(points(["hr:300:float32", "hr:302:int64", "hr:306:int16"])));
    t.same(results.map((r) => r.value), CDAB_DEFAULT.map((k) => k.value));
    const plain = await connect(t, server);
    const wrong = await plain.read(plain.plan(points(["hr:300:float32"])));
    t.not(wrong[0]!.value, TYPE_VALUES.float32, "the same words read ABCD give another number");
  });

  void t.test("bits, coils, discrete inputs and strings", async (t) => {
    const d = await connect(t, server);
    const known = [...BITS, ...STRINGS];
    const plan = d.plan(points(known.map((k) => k.address)));
    t.equal(plan.requests, 6, "hr:400, ir:400, coils, inputs, hr strings (500..511 within the gap), ir string");
    const results = await d.read(plan);
    known.forEach((k, i) => t.same(results[i]!.value, k.value, k.address));
  });

  void t.test("1,000 holding registers cost 8 requests, counted at the server", async (t) => {
    const d = await connect(t, server);
    const plan = d.plan(points(LINEAR.map((k) => k.address)));
    t.equal(plan.requests, 8);
    const from = await settled(server);
    const results = await d.read(plan);
    t.same(results.map((r) => r.value), LINEAR.map((k) => k.value));
    const log = await served(server, from, 8);
    t.equal(log.length, 8, "8 requests at the server");
    t.same(log.map((r) => [r.fc, r.address, r.count]), Array.from({ length: 8 }, (_, i) => [3, 1000 + i * 125, 125]));

    const small = await connect(t, server, { maxRegisters: 100 });
    const from2 = await settled(server);
    await small.read(small.plan(points(LINEAR.map((k) => k.address))));
    t.equal((await served(server, from2, 10)).length, 10, "maxRegisters 100: 10 requests");
  });

  void t.test("maxGap decides whether two tags share a request, counted at the server", async (t) => {
    for (const [maxGap, expected] of [[8, 2], [9, 1]] as const) {
      const d = await connect(t, server, { maxGap });
      const plan = d.plan(points(["hr:1000:uint16", "hr:1010:uint16"])); // 9 registers apart
      t.equal(plan.requests, expected, `maxGap ${maxGap}: plan`);
      const from = await settled(server);
      const results = await d.read(plan);
      t.same(results.map((r) => r.value), [LINEAR[0]!.value, LINEAR[10]!.value]);
      t.equal((await served(server, from, expected)).length, expected, `maxGap ${maxGap}: at the server`);
    }
  });

  void t.test("an exception for one block marks only its points; the others stay Good", async (t) => {
    const d = await connect(t, server);
    const plan = d.plan(points(["hr:0:int16:AB", "hr:1990:uint16", "hr:1999:uint32", "ir:100:int16:AB"]));
    t.equal(plan.requests, 3);
    const results = await d.read(plan);
    // hr:1990..2000 runs past the 2000 registers: illegal data address. The block is split into
    // its runs: hr:1990 alone reads fine, hr:1999:uint32 alone is refused again.
    t.same(results.map((r) => r.status), [Status.Good, Status.Good, Status.BadConfigurationError, Status.Good]);
    t.same(results.map((r) => r.value), [TYPE_VALUES.int16, LINEAR[990]!.value, null, TYPE_VALUES.int16]);
    t.equal(plan.requests, 4);
    const again = await d.read(plan);
    t.equal(again[0]!.status, Status.Good, "the connection survived");
  });

  void t.test("a unit that never answers times out the read and drops the connection", async (t) => {
    // pymodbus ignores requests for units it does not have, as many gateways do.
    const d = modbusDriver.create({ name: "py", endpoint: server.endpoint, timeoutMs: 300, options: { unitId: 9 } });
    t.teardown(() => d.destroy());
    await d.connect();
    await t.rejects(d.read(d.plan(points(["hr:0"]))), { code: "SLUICE_ERR_TIMEOUT" });
    await t.rejects(d.read(d.plan(points(["hr:0"]))), { code: "SLUICE_ERR_DISCONNECTED" }, "until the scheduler reconnects");
  });

  void t.test("unit ids: the same address on two units gives each unit's value", async (t) => {
    const d = await connect(t, server);
    const results = await d.read(d.plan(points(["hr:0:uint16:AB", "hr:0:uint16", "hr:3:uint16"], [undefined, 2, 2])));
    t.same(results.map((r) => r.value), [0xcfc7, 2222, 2333], "unit 1 hr:0 holds int16 -12345 = 0xCFC7");
    const unit2 = await connect(t, server, { unitId: 2 });
    t.same((await unit2.read(unit2.plan(points(["hr:13:uint16"])))).map((r) => r.value), [2013], "source-level unitId");
  });

  void t.test("a hole inside a gap-filled block: the block is split into its tight runs for good", async (t) => {
    const d = await connect(t, server, { unitId: 2 });
    const plan = d.plan(points(["hr:0:uint16", "hr:3:uint16", "hr:10:uint16", "hr:13:uint16"]));
    t.equal(plan.requests, 1, "planned as one block hr:0..13 (gap 6 <= 8)");
    const results = await d.read(plan);
    t.same(results.map((r) => [r.value, r.status]), UNIT2.map((k) => [k.value, Status.Good]));
    t.equal(plan.requests, 4, "split into its tight runs: hr:0, hr:3, hr:10, hr:13 (none adjacent)");
    const from = await settled(server);
    const again = await d.read(plan);
    t.same(again.map((r) => r.value), UNIT2.map((k) => k.value));
    const log = await served(server, from, 4);
    t.same(log.map((r) => [r.unit, r.address, r.count]), [[2, 0, 1], [2, 3, 1], [2, 10, 1], [2, 13, 1]], "later reads go straight to the runs");
  });
});

void t.test("modbus.maxInFlight against pymodbus: several requests in flight read what one at a time reads", async (t) => {
  const server = await startPymodbus({ units: { "1": layoutOf(UNIT1) } });
  t.teardown(() => server.close());
  // every 10th register of the 1,000: 100 tags 10 apart, one request each (maxGap 8)
  const sparse = LINEAR.filter((_, i) => i % 10 === 0);
  const addresses = [...HR, ...sparse].map((k) => k.address);
  const one = await connect(t, server);
  const eight = await connect(t, server, { maxInFlight: 8 });
  const plan1 = one.plan(points(addresses));
  const plan8 = eight.plan(points(addresses));
  t.ok(plan8.requests >= 100, `${plan8.requests} requests per poll`);
  const from = await settled(server);
  const [a, b] = [await one.read(plan1), await eight.read(plan8)];
  t.same(b.map((r) => [r.value, r.status]), a.map((r) => [r.value, r.status]), "the same values and statuses");
  t.same(b.map((r) => r.value), [...HR, ...sparse].map((k) => k.value));
  t.ok(b.every((r) => r.status === Status.Good));
  t.equal((await served(server, from, 2 * plan8.requests)).length, 2 * plan8.requests, "each request served once");

  // a unit that never answers: every lane's request times out together, the read fails once
  const mute = modbusDriver.create({ name: "py", endpoint: server.endpoint, timeoutMs: 300, options: { unitId: 9, maxInFlight: 4 } });
  t.teardown(() => mute.destroy());
  await mute.connect();
  const t0 = Date.now();
  await t.rejects(mute.read(mute.plan(points(sparse.map((k) => k.address)))), { code: "SLUICE_ERR_TIMEOUT" });
  t.ok(Date.now() - t0 < 1500, `one timeout for the requests in flight, not one per request (${Date.now() - t0} ms)`);
  await t.rejects(mute.read(mute.plan(points(["hr:0"]))), { code: "SLUICE_ERR_DISCONNECTED" }, "until the scheduler reconnects");
});

void t.test("modbus.maxInFlight is for transport tcp only: RTU has no transaction id", async (t) => {
  t.throws(() => modbusDriver.create({ name: "rtu", endpoint: "/dev/ttyUSB0", timeoutMs: 1000, options: { transport: "rtu", maxInFlight: 4 } }),
    { code: "SLUICE_ERR_CONFIG", message: /modbus\.maxInFlight: RTU carries one request at a time/ });
});
