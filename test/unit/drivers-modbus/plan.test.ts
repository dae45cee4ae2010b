import t from "tap";
import { modbusDriver, type ModbusAddress } from "../../../src/drivers/modbus/index.js";
import { coalesce, planModbus, tightRuns } from "../../../src/drivers/modbus/plan.js";
import { modbusOptions } from "../../../src/drivers/modbus/options.js";
import { Status } from "../../../src/core/status.js";
import type { Point } from "../../../src/drivers/contract.js";

const opts = (o: Record<string, unknown> = {}) => modbusOptions(o);
function points(addresses: string[], unitIds: (number | undefined)[] = []): Point<ModbusAddress>[] {
  return addresses.map((a, index) => {
    const { address, type } = modbusDriver.parseAddress(a);
    const unitId = unitIds[index];
    return { index, address: unitId === undefined ? address : { ...address, unitId }, type: type! };
  });
}
const spans = (p: ReturnType<typeof planModbus>) => p.blocks.map((b) => `${b.unitId}/${b.area}:${b.start}+${b.count}`);

void t.test("options: defaults from the schema, bad values rejected", async (t) => {
  t.same(opts(), { transport: "tcp", unitId: 1, maxRegisters: 125, maxBits: 2000, maxGap: 8, maxInFlight: 1, byteOrder: "ABCD", baudRate: 19200, parity: "even", dataBits: 8, stopBits: 1 });
  t.same(modbusOptions(undefined), opts());
  t.throws(() => opts({ maxRegisters: 126 }), { code: "SLUICE_ERR_CONFIG" });
  t.throws(() => opts({ unitId: 256 }), { code: "SLUICE_ERR_CONFIG" });
  t.throws(() => opts({ byteOrder: "little" }), { code: "SLUICE_ERR_CONFIG" });
  t.throws(() => opts({ unitid: 2 }), { code: "SLUICE_ERR_CONFIG" }, "unknown key");
});

void t.test("coalesce merges within the gap and splits at the size limit", async (t) => {
  const s = (start: number, width = 1) => ({ start, width });
  t.same(coalesce([s(0), s(1), s(2)], 0, 125).map((g) => g.length), [3]);
  t.same(coalesce([s(0), s(2)], 0, 125).map((g) => g.length), [1, 1], "gap 1 > maxGap 0");
  t.same(coalesce([s(0), s(2)], 1, 125).map((g) => g.length), [2]);
  t.same(coalesce([s(10, 2), s(0, 2), s(5)], 3, 125).map((g) => g.map((x) => x.start)), [[0, 5], [10]], "sorted first; gap 3 from 1 to 5, 4 from 5 to 10");
  t.same(coalesce([s(0, 4), s(1, 2)], 0, 125).map((g) => g.length), [2], "overlapping spans share a block");
  t.same(coalesce([s(0), s(124), s(125)], 200, 125).map((g) => g.length), [2, 1], "split at 125");
});

void t.test("1,000 contiguous holding registers cost ceil(1000/125) = 8 requests", async (t) => {
  const p = planModbus(points(Array.from({ length: 1000 }, (_, i) => `hr:${i}`)), opts());
  t.equal(p.requests, 8);
  t.same(p.blocks.map((b) => b.count), [125, 125, 125, 125, 125, 125, 125, 125]);
  const p100 = planModbus(points(Array.from({ length: 1000 }, (_, i) => `hr:${i}`)), opts({ maxRegisters: 100 }));
  t.equal(p100.requests, 10);
});

void t.test("gap fill follows maxGap; areas and unit ids never share a request", async (t) => {
  const addrs = ["hr:0", "hr:2:float32", "hr:12", "hr:30", "ir:0", "ir:1", "coil:0", "coil:100", "coil:200", "di:3"];
  t.same(spans(planModbus(points(addrs), opts())),
    ["1/hr:0+13", "1/hr:30+1", "1/ir:0+2", "1/coil:0+201", "1/di:3+1"], "gap 8: hr:4..11 filled, 13..29 not; bits fill 128");
  t.same(spans(planModbus(points(addrs), opts({ maxGap: 0 }))),
    ["1/hr:0+1", "1/hr:2+2", "1/hr:12+1", "1/hr:30+1", "1/ir:0+2", "1/coil:0+1", "1/coil:100+1", "1/coil:200+1", "1/di:3+1"]);
  const byUnit = planModbus(points(["hr:0", "hr:1", "hr:2", "hr:3"], [undefined, 7, 7, undefined]), opts({ unitId: 3 }));
  t.same(spans(byUnit), ["3/hr:0+4", "7/hr:1+2"], "per-tag unit id overrides the source's");
  t.same(spans(planModbus(points(["coil:0", "coil:1000", "coil:1999", "coil:2000"]), opts({ maxGap: 124 }))), ["1/coil:0+2000", "1/coil:2000+1"]);
});

void t.test("items carry their offset in the block and their resolved byte order", async (t) => {
  const p = planModbus(points(["hr:4:float32", "hr:0:int64", "hr:6.2", "hr:7:string(3)", "hr:9:int32:DCBA"]), opts({ byteOrder: "CDAB" }));
  t.equal(p.blocks.length, 1);
  const items = [...p.blocks[0]!.items].sort((a, b) => a.index - b.index);
  t.same(items.map((i) => [i.rel, i.width, i.order]), [[4, 2, "CDAB"], [0, 4, "GHEFCDAB"], [6, 1, undefined], [7, 2, "AB"], [9, 2, "DCBA"]]);
});

void t.test("points that can never be read are rejected at plan time, the rest still planned", async (t) => {
  const pts = points(["hr:0", "hr:1:string(250)", "hr:200"]);
  pts[2] = { ...pts[2]!, type: "float32" };
  const p = planModbus(pts, opts({ maxRegisters: 100 }));
  t.same([...p.rejected.keys()], [1, 2]);
  t.equal(p.rejected.get(1)!.status, Status.BadConfigurationError);
  t.match(p.rejected.get(1)!.reason, /125 registers, more than maxRegisters 100/);
  t.match(p.rejected.get(2)!.reason, /tag type float32 differs from the address type int16/);
  t.equal(p.requests, 1);
});

void t.test("tight runs split a gap-filled block and requests follows", async (t) => {
  const p = planModbus(points(["hr:0", "hr:1", "hr:5", "hr:7:int32"]), opts());
  t.equal(p.requests, 1);
  const runs = tightRuns(p.blocks[0]!, 125);
  t.same(runs.map((b) => [b.start, b.count, b.items.map((i) => i.rel)]), [[0, 2, [0, 1]], [5, 1, [0]], [7, 2, [0]]]);
  (p.blocks[0] as { runs?: unknown }).runs = runs;
  t.equal(p.requests, 3);
});
