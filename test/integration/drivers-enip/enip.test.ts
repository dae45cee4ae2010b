/**
 * The EtherNet/IP driver against the simulated Logix controller. Each test
 * binds its own loopback address (port 44818 is fixed by the protocol), in
 * 127.0.77.10-29 so that other test files never collide with these.
 */
import t from "tap";
import { createServer, type Server, type Socket } from "node:net";
import { enipDriver } from "../../../src/drivers/enip/index.js";
import { ENIP_SIM_DEMO_TAGS, ENIP_SIM_MOVING, ENIP_SIM_TAGS, startEnipSim, type EnipSim } from "../../../src/demo/sim/enip/index.js";
import { Status } from "../../../src/core/status.js";
import { isSluiceError } from "../../../src/core/errors.js";
import type { TagType } from "../../../src/core/model.js";
import type { Driver, Point } from "../../../src/drivers/contract.js";
import { until, type TapTest } from "../drivers/conformance.js";

const TIMEOUT = 1000;
const DECLARED: Record<string, TagType> = {
  BOOL: "bool", SINT: "int16", INT: "int16", DINT: "int32", LINT: "int64", USINT: "uint16", UINT: "uint16",
  UDINT: "uint32", ULINT: "uint64", REAL: "float32", LREAL: "float64", DWORD: "uint32", STRING: "string",
};

const points = (defs: [string, TagType][]): Point[] =>
  defs.map(([a, type], index) => ({ index, address: enipDriver.parseAddress(a).address, type }));

async function sim(t: TapTest, host: string, opts: { slot?: number; forwardOpen?: "large" | "small" | "none" } = {}): Promise<EnipSim> {
  const s = await startEnipSim({ host, ...opts });
  t.teardown(() => s.close());
  return s;
}

function driver(t: TapTest, host: string, options: Record<string, unknown> = {}, timeoutMs = TIMEOUT): Driver {
  const d = enipDriver.create({ name: "logix", endpoint: host, timeoutMs, options });
  t.teardown(() => d.destroy());
  return d;
}

const rejectionOf = (p: Promise<unknown>) => p.then(() => undefined, (e: unknown) => e);

void t.test("every Logix type, program scope, arrays, UDT member and bits read the sim's values", async (t) => {
  const s = await sim(t, "127.0.77.20");
  const d = driver(t, "127.0.77.20");
  await d.connect();
  const defs: [string, TagType][] = [
    ...ENIP_SIM_TAGS.map((x): [string, TagType] => [x.name, DECLARED[x.type]!]),
    ["Flags.1", "bool"], ["Flags.2", "bool"], ["flags.3", "bool"], ["Program:MAIN.SPEED", "float32"],
  ];
  const plan = d.plan(points(defs));
  const before = s.stats.requests;
  const res = await d.read(plan);
  t.equal(s.stats.requests - before, plan.requests, `plan.requests (${plan.requests}) = round trips the controller saw`);
  t.equal(plan.requests, 1, "34 points, 30 distinct tags: one Multiple Service Packet");
  ENIP_SIM_TAGS.forEach((x, i) => {
    t.equal(res[i]!.status, Status.Good, `${x.name} Good`);
    t.same(res[i]!.value, x.value, `${x.name} (${x.type}) = ${String(x.value)}`);
  });
  const n = ENIP_SIM_TAGS.length;
  t.same(res.slice(n).map((r) => r.value), [true, false, true, 12.5], "bits of Flags; names are case-insensitive");
  t.ok(res.every((r) => Math.abs(r.sourceTime - Date.now()) < 5000));
});

void t.test("unknown tag and wrong type are Bad for that point only", async (t) => {
  const s = await sim(t, "127.0.77.21");
  const d = driver(t, "127.0.77.21");
  await d.connect();
  const res = await d.read(d.plan(points([
    ["Dint1", "int32"], ["NoSuchTag", "int32"], ["Recipe[42]", "int32"], ["Real1", "int32"], ["Int1", "float32"],
    ["Real1", "float64"], ["Dint1", "int64"], ["Name1", "string"], ["Real1", "bool"], ["Program:Other.Speed", "float32"],
  ])));
  t.same(res.map((r) => r.status), [
    Status.Good, Status.BadConfigurationError, Status.BadConfigurationError, Status.BadTypeMismatch, Status.BadTypeMismatch,
    Status.Good, Status.Good, Status.Good, Status.BadTypeMismatch, Status.BadConfigurationError,
  ]);
  t.same(res.map((r) => r.value), [-123456789, null, null, null, null, 3.5, -123456789n, "sluice", null, null]);
  s.deleteTag("Dint1");
  t.equal((await d.read(d.plan(points([["Dint1", "int32"], ["Int1", "int16"]]))))[0]!.status, Status.BadConfigurationError,
    "a tag deleted on the controller turns Bad, the session stays up");
});

/** 1,000 tags through one driver; returns the round trips one read cost. */
async function thousand(t: TapTest, s: EnipSim, d: Driver): Promise<number> {
  for (let i = 0; i < 1000; i++) s.setTag(`Line${i % 10}_Tag${i}`, "DINT", i * 3);
  await d.connect();
  const plan = d.plan(points(Array.from({ length: 1000 }, (_, i): [string, TagType] => [`Line${i % 10}_Tag${i}`, "int32"])));
  const before = { r: s.stats.requests, m: s.stats.mspRequests };
  const res = await d.read(plan);
  t.equal(s.stats.requests - before.r, plan.requests, "one round trip per planned request");
  t.equal(s.stats.mspRequests - before.m, plan.requests, "each one a Multiple Service Packet");
  t.ok(res.every((r, i) => r.status === Status.Good && r.value === i * 3), "all 1,000 values Good and right");
  return plan.requests;
}

void t.test("1,000 tags over a Large Forward Open connection: a handful of round trips", async (t) => {
  const s = await sim(t, "127.0.77.22");
  const d = driver(t, "127.0.77.22");
  const trips = await thousand(t, s, d);
  t.ok(trips <= 6, `${trips} round trips`);
  t.equal(s.stats.forwardOpens, 1);
  t.equal(s.openConnections(), 1);
  await d.close();
  t.equal(s.openConnections(), 0, "close sends Forward Close");
});

void t.test("fallbacks: classic Forward Open only, no connections, connected: false", async (t) => {
  const small = await sim(t, "127.0.77.10", { forwardOpen: "small" });
  const trips504 = await thousand(t, small, driver(t, "127.0.77.10"));
  t.equal(small.stats.forwardOpens, 1, "Large Forward Open refused, classic one granted");
  const none = await sim(t, "127.0.77.11", { forwardOpen: "none" });
  const tripsUcmm = await thousand(t, none, driver(t, "127.0.77.11"));
  t.equal(none.stats.forwardOpens, 0, "no connection: unconnected messages");
  const off = await sim(t, "127.0.77.12");
  const tripsOff = await thousand(t, off, driver(t, "127.0.77.12", { connected: false }));
  t.equal(off.stats.forwardOpens, 0, "connected: false never opens one");
  t.ok(trips504 >= 30 && trips504 <= 45, `504-byte connection: ${trips504} round trips`);
  t.ok(tripsUcmm >= trips504 && tripsUcmm <= 46, `unconnected 500-byte packets: ${tripsUcmm} round trips`);
  t.equal(tripsOff, tripsUcmm);
  const capped = await sim(t, "127.0.77.13");
  t.ok(await thousand(t, capped, driver(t, "127.0.77.13", { maxPacket: 1000 })) >= 15, "maxPacket caps a connected packet");
});

void t.test("the controller forgets the connection: read rejects, reconnect opens a new one", async (t) => {
  const s = await sim(t, "127.0.77.14");
  const d = driver(t, "127.0.77.14");
  await d.connect();
  const plan = d.plan(points([["Int1", "int16"]]));
  t.equal((await d.read(plan))[0]!.value, -1234);
  s.forgetConnections();
  t.ok(isSluiceError(await rejectionOf(d.read(plan)), "SLUICE_ERR_DISCONNECTED"), "read on a dead connection rejects");
  await d.connect();
  t.equal((await d.read(plan))[0]!.value, -1234);
  t.equal(s.stats.forwardOpens, 2);
});

void t.test("moving values move", async (t) => {
  await sim(t, "127.0.77.23");
  const d = driver(t, "127.0.77.23");
  await d.connect();
  const plan = d.plan(points([[ENIP_SIM_MOVING.counter, "int32"], [ENIP_SIM_MOVING.temperature, "float32"], [ENIP_SIM_MOVING.running, "bool"]]));
  const first = await d.read(plan);
  t.ok(first.every((r) => r.status === Status.Good));
  t.ok(await until(async () => (await d.read(plan))[0]!.value !== first[0]!.value), "Counter changes");
});

void t.test("controller killed: read and connect reject, no unhandled error; restarted: Good again", async (t) => {
  let s = await startEnipSim({ host: "127.0.77.24" });
  t.teardown(() => s.close());
  const d = driver(t, "127.0.77.24");
  await d.connect();
  const plan = d.plan(points([["Dint1", "int32"], ["Program:Main.Speed", "float32"]]));
  t.equal((await d.read(plan))[0]!.status, Status.Good);
  await s.close();
  const e = await rejectionOf(d.read(plan));
  t.ok(isSluiceError(e, "SLUICE_ERR_DISCONNECTED"), `read rejects DISCONNECTED (${String(e)})`);
  const refused = await rejectionOf(d.connect());
  t.ok(isSluiceError(refused, "SLUICE_ERR_DISCONNECTED"), `refused connection rejects, process alive (${String(refused)})`);
  t.match(String(refused), /ECONNREFUSED/);
  s = await startEnipSim({ host: "127.0.77.24" });
  await d.connect();
  t.same((await d.read(plan)).map((r) => r.value), [-123456789, 12.5]);
});

void t.test("controller drops the connection (reset): read rejects, reconnect recovers", async (t) => {
  const s = await sim(t, "127.0.77.25");
  const d = driver(t, "127.0.77.25");
  await d.connect();
  const plan = d.plan(points([["Int1", "int16"]]));
  t.equal((await d.read(plan))[0]!.value, -1234);
  s.dropConnections();
  t.ok(await until(async () => isSluiceError(await rejectionOf(d.read(plan)), "SLUICE_ERR_DISCONNECTED")), "read rejects DISCONNECTED");
  await d.connect();
  t.equal((await d.read(plan))[0]!.value, -1234);
  t.equal(s.stats.sessions, 2, "a new session was registered");
});

void t.test("a controller that stops answering: read times out, the session is rebuilt", async (t) => {
  const s = await sim(t, "127.0.77.26");
  const d = driver(t, "127.0.77.26", {}, 300);
  await d.connect();
  const plan = d.plan(points([["Int1", "int16"]]));
  s.freeze(true);
  const e = await rejectionOf(d.read(plan));
  t.ok(isSluiceError(e, "SLUICE_ERR_TIMEOUT"), `read rejects TIMEOUT (${String(e)})`);
  const e2 = await rejectionOf(d.read(plan));
  t.ok(isSluiceError(e2, "SLUICE_ERR_DISCONNECTED"), "the timed-out session is not reused");
  s.freeze(false);
  await d.connect();
  t.equal((await d.read(plan))[0]!.value, -1234, "late replies of the old session cannot answer the new one");
});

void t.test("a TCP peer that never speaks EtherNet/IP: connect times out", async (t) => {
  const silent: Server = createServer(() => undefined);
  await new Promise<void>((resolve) => silent.listen(44818, "127.0.77.27", resolve));
  t.teardown(() => new Promise<void>((resolve) => { silent.close(() => resolve()); }));
  t.teardown(() => { for (const c of conns) c.destroy(); });
  const conns: Socket[] = [];
  silent.on("connection", (c) => conns.push(c));
  const d = driver(t, "127.0.77.27", {}, 300);
  const e = await rejectionOf(d.connect());
  t.ok(isSluiceError(e, "SLUICE_ERR_TIMEOUT"), `connect rejects TIMEOUT (${String(e)})`);
});

void t.test("wrong slot: connect rejects and says to check enip.slot", async (t) => {
  await sim(t, "127.0.77.28", { slot: 2 });
  const d = driver(t, "127.0.77.28", { slot: 0 });
  const e = await rejectionOf(d.connect());
  t.ok(isSluiceError(e, "SLUICE_ERR_DISCONNECTED"));
  t.match(String(e), /CIP status 0x1 ext 0x312.*check enip\.slot/);
  const ok = driver(t, "127.0.77.28", { slot: 2 });
  await ok.connect();
  t.equal((await ok.read(ok.plan(points([["Sint1", "int16"]]))))[0]!.value, -5);
});

void t.test("nothing listening at all: every call rejects cleanly", async (t) => {
  const d = driver(t, "127.0.77.29");
  t.ok(isSluiceError(await rejectionOf(d.connect()), "SLUICE_ERR_DISCONNECTED"));
  t.ok(isSluiceError(await rejectionOf(d.read(d.plan(points([["X", "int32"]])))), "SLUICE_ERR_DISCONNECTED"));
  await d.close();
  d.destroy();
  d.destroy();
  await d.close();
});

void t.test("the demo tag list reads Good from the sim", async (t) => {
  await sim(t, "127.0.77.15");
  const d = driver(t, "127.0.77.15");
  await d.connect();
  const res = await d.read(d.plan(points(ENIP_SIM_DEMO_TAGS.map((x): [string, TagType] => [x.address, x.type]))));
  t.same(res.map((r) => r.status), ENIP_SIM_DEMO_TAGS.map(() => Status.Good));
});
