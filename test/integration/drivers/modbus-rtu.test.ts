/**
 * Modbus RTU against a real peer: pymodbus serving RTU on one end of a socat
 * pty pair, the driver on the other end (transport rtu), or on a TCP bridge
 * to it (transport rtu-over-tcp, as through a serial gateway). Every type in
 * every byte order through the conformance suite; many unit ids on one line
 * with one request in flight; a silent unit and a damaged reply give their
 * statuses without taking the other units down.
 */
import t from "tap";
import { modbusDriver } from "../../../src/drivers/modbus/index.js";
import type { Point } from "../../../src/drivers/contract.js";
import type { ModbusAddress } from "../../../src/drivers/modbus/index.js";
import { Status } from "../../../src/core/status.js";
import { startPymodbus, type PymodbusServer } from "../../fixtures/pymodbus.js";
import { ptyPair, tcpBridge, type Bridge, type PtyPair } from "../../fixtures/rtu.js";
import { everyTypeEveryOrder, layoutOf, type KnownValue } from "../../fixtures/modbus-values.js";
import { runConformance, type ConformancePoint } from "./conformance.js";

const TIMEOUT_MS = 1000;
const KNOWN: KnownValue[] = [
  ...everyTypeEveryOrder("hr", 0),
  { address: "hr:200.0", value: true }, { address: "hr:200.5", value: false }, { address: "hr:200.15", value: true },
  ...everyTypeEveryOrder("ir", 10),
  { address: "coil:0", value: true }, { address: "coil:1", value: false }, { address: "coil:17", value: true },
  { address: "di:3", value: true }, { address: "di:4", value: false },
];
const UNIT2: KnownValue[] = [{ address: "hr:0:uint16", value: 2222 }, { address: "hr:1:uint16", value: 2333 }];
const UNITS = { "1": layoutOf(KNOWN), "2": layoutOf(UNIT2), "13": layoutOf(UNIT2) };

/** Start the pair and the server; a failed start leaves no socat behind. */
async function startLine(serial: { corruptUnit?: number } = {}): Promise<{ pair: PtyPair; server: PymodbusServer }> {
  const pair = await ptyPair();
  try {
    return { pair, server: await startPymodbus({ units: UNITS }, { serial: { path: pair.b, parity: "N", ...serial } }) };
  } catch (e) {
    await pair.close();
    throw e;
  }
}

function points(addresses: string[], unitIds: (number | undefined)[] = []): Point<ModbusAddress>[] {
  return addresses.map((a, index) => {
    const { address, type } = modbusDriver.parseAddress(a);
    const unitId = unitIds[index];
    return { index, address: unitId === undefined ? address : { ...address, unitId }, type: type! };
  });
}

void t.test("modbus rtu on a serial line (socat pty) vs pymodbus", async (t) => {
  let pair: PtyPair | undefined;
  let server: PymodbusServer | undefined;
  await runConformance(t, {
    name: "modbus rtu vs pymodbus",
    factory: modbusDriver,
    async start() {
      ({ pair, server } = await startLine());
    },
    source: () => ({ name: "rtu", endpoint: pair!.a, timeoutMs: TIMEOUT_MS, options: { transport: "rtu", parity: "none" } }),
    points: KNOWN.map((k): ConformancePoint => ({ address: k.address, value: k.value })),
    requests: 5, // hr:0..81, hr:200, ir, coil, di
    async kill() { await server!.kill(); await pair!.kill(); },
    async restart() { await pair!.restart(); await server!.restart(); },
    async stop() { await server?.close(); await pair?.close(); },
  });
});

void t.test("modbus rtu-over-tcp through a TCP<->serial bridge vs pymodbus", async (t) => {
  let pair: PtyPair | undefined;
  let server: PymodbusServer | undefined;
  let bridge: Bridge | undefined;
  await runConformance(t, {
    name: "modbus rtu-over-tcp vs pymodbus",
    factory: modbusDriver,
    async start() {
      ({ pair, server } = await startLine());
      bridge = await tcpBridge(pair.a);
    },
    source: () => ({ name: "gw", endpoint: bridge!.endpoint, timeoutMs: TIMEOUT_MS, options: { transport: "rtu-over-tcp" } }),
    points: KNOWN.map((k): ConformancePoint => ({ address: k.address, value: k.value })),
    requests: 5,
    async kill() { await bridge!.kill(); await server!.kill(); await pair!.kill(); },
    async restart() { await pair!.restart(); await server!.restart(); await bridge!.restart(); },
    async stop() { await bridge?.close(); await server?.close(); await pair?.close(); },
  });
});

void t.test("one line, many units: sources share it, a silent unit and a damaged reply stay per unit", async (t) => {
  const { pair, server } = await startLine({ corruptUnit: 13 });
  t.teardown(() => pair.close());
  t.teardown(() => server.close());
  const create = (name: string, options: Record<string, unknown>, timeoutMs = 500) => {
    const d = modbusDriver.create({ name, endpoint: pair.a, timeoutMs, options: { transport: "rtu", parity: "none", ...options } });
    t.teardown(() => d.destroy());
    return d;
  };

  await t.test("two sources on the same port, reading at once, each get their own unit's values", async (t) => {
    const a = create("a", { unitId: 1 });
    const b = create("b", { unitId: 2 });
    await Promise.all([a.connect(), b.connect()]);
    const from = server.served.length;
    // each driver reads one at a time (the contract); the two drivers read at once, on one line
    const loop = async (d: typeof a, addresses: string[]) => {
      const plan = d.plan(points(addresses));
      const out = [];
      // copied: the driver rewrites a plan's results in place at its next read
      for (let i = 0; i < 5; i++) out.push((await d.read(plan)).map((x) => ({ ...x })));
      return out;
    };
    const [ra, rb] = await Promise.all([loop(a, ["hr:0:int16:AB", "coil:0"]), loop(b, ["hr:0:uint16", "hr:1:uint16"])]);
    for (const r of ra) t.same(r.map((x) => [x.value, x.status]), [[KNOWN[0]!.value, Status.Good], [true, Status.Good]]);
    for (const r of rb) t.same(r.map((x) => [x.value, x.status]), [[2222, Status.Good], [2333, Status.Good]]);
    t.ok(server.served.length - from >= 15, "every request reached the device");
    const slower = create("c", { unitId: 2, baudRate: 9600 });
    await t.rejects(slower.connect(), { code: "SLUICE_ERR_CONFIG", message: /the line is open at 19200 bit\/s/ }, "one line, one set of serial settings");
    a.destroy();
    const again = await b.read(b.plan(points(["hr:0:uint16"])));
    t.same(again.map((r) => r.value), [2222], "one source letting go of the line does not close it for the other");
  });

  await t.test("a silent unit: its points BadNoCommunication, the others Good; alone it times the read out", async (t) => {
    const d = create("mixed", {});
    await d.connect();
    const results = await d.read(d.plan(points(["hr:0:uint16", "hr:0:uint16", "hr:1:uint16"], [2, 9, 2])));
    t.same(results.map((r) => r.status), [Status.Good, Status.BadNoCommunication, Status.Good]);
    t.same(results.map((r) => r.value), [2222, null, 2333]);
    await t.rejects(d.read(d.plan(points(["hr:0:uint16"], [9]))), { code: "SLUICE_ERR_TIMEOUT" }, "no unit answered: the source is down");
    const after = await d.read(d.plan(points(["hr:0:uint16"], [2])));
    t.same(after.map((r) => [r.value, r.status]), [[2222, Status.Good]], "the line still works");
  });

  await t.test("a reply with a bad CRC: that unit's points BadCommunicationError, the others Good", async (t) => {
    const d = create("crc", {});
    await d.connect();
    const results = await d.read(d.plan(points(["hr:0:uint16", "hr:0:uint16"], [13, 2])));
    t.same(results.map((r) => r.status), [Status.BadCommunicationError, Status.Good]);
    t.same(results.map((r) => r.value), [null, 2222]);
  });
});
