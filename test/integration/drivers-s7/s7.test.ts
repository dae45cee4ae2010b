import t from "tap";
import { s7Driver } from "../../../src/drivers/s7/index.js";
import { S7_SIM_DEMO_TAGS, S7_SIM_MOVING, S7_SIM_VALUES, startS7Sim, type S7Sim } from "../../../src/demo/sim/s7.js";
import { Status } from "../../../src/core/status.js";
import { isSluiceError } from "../../../src/core/errors.js";
import type { Driver, Point } from "../../../src/drivers/contract.js";
import type { TagType } from "../../../src/core/model.js";
import { createServer, connect, type Socket } from "node:net";
import { until, type TapTest } from "../drivers/conformance.js";

const TIMEOUT = 1000;

/**
 * A TCP relay between the driver and the S7 simulator that counts the read
 * PDUs the client sends (S7 job, function 0x04), so tests can check
 * plan().requests against the wire, and can cut every connection at once.
 */
interface Relay { port: number; reads: number; cut(): void; close(): Promise<void> }

async function startRelay(target: { host: string; port: number }): Promise<Relay> {
  const sockets = new Set<Socket>();
  const relay: Relay = {
    port: 0,
    reads: 0,
    cut() { for (const s of sockets) s.destroy(); sockets.clear(); },
    close: () => new Promise<void>((resolve) => { relay.cut(); server.close(() => resolve()); }),
  };
  const server = createServer((client) => {
    const up = connect(target.port, target.host);
    sockets.add(client); sockets.add(up);
    let buf = Buffer.alloc(0);
    client.on("data", (chunk: Buffer) => {
      buf = Buffer.concat([buf, chunk]);
      while (buf.length >= 4 && buf.length >= buf.readUInt16BE(2)) {
        const f = buf.subarray(0, buf.readUInt16BE(2));
        buf = buf.subarray(f.length);
        if (f.length > 18 && f[7] === 0x32 && f[8] === 0x01 && f[17] === 0x04) relay.reads++;
      }
      up.write(chunk);
    });
    up.on("data", (d) => client.write(d));
    const end = () => { client.destroy(); up.destroy(); sockets.delete(client); sockets.delete(up); };
    client.on("error", end); up.on("error", end); client.on("close", end); up.on("close", end);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const a = server.address();
  relay.port = a && typeof a === "object" ? a.port : 0;
  return relay;
}

function points(addrs: string[], types: (TagType | undefined)[] = []): Point[] {
  return addrs.map((a, index) => {
    const p = s7Driver.parseAddress(a);
    return { index, address: p.address, type: types[index] ?? p.type! };
  });
}

function driver(t: TapTest, port: number, options: Record<string, unknown> = {}): Driver {
  const d = s7Driver.create({ name: "plc", endpoint: `127.0.0.1:${port}`, timeoutMs: TIMEOUT, options });
  t.teardown(() => d.destroy());
  return d;
}

async function sim(t: TapTest, port?: number): Promise<S7Sim> {
  const s = await startS7Sim(port ? { port } : {});
  t.teardown(() => s.close());
  return s;
}

void t.test("every type and area reads the value the snap7 server holds, in the PDUs the plan says", async (t) => {
  const s = await sim(t);
  const relay = await startRelay(s);
  t.teardown(() => relay.close());
  const d = driver(t, relay.port);
  await d.connect();
  const addrs = Object.keys(S7_SIM_VALUES);
  const plan = d.plan(points(addrs));
  const before = relay.reads;
  const res = await d.read(plan);
  t.equal(relay.reads - before, plan.requests, `plan.requests (${plan.requests}) = read PDUs on the wire`);
  t.equal(res.length, addrs.length);
  addrs.forEach((a, i) => {
    t.equal(res[i]!.status, Status.Good, `${a} Good`);
    t.equal(res[i]!.value, S7_SIM_VALUES[a], `${a} = ${String(S7_SIM_VALUES[a])}`);
  });
  t.ok(res.every((r) => Math.abs(r.sourceTime - Date.now()) < 5000), "sourceTime is the acquisition time");

  // 40 items in 40 DBs cannot share one 240-byte PDU: several PDUs, still one read()
  const many = points(Array.from({ length: 40 }, (_, i) => `DB${i + 1},INT0`));
  const p2 = d.plan(many);
  const b2 = relay.reads;
  const r2 = await d.read(p2);
  t.ok(p2.requests > 1, `40 scattered items need ${p2.requests} PDUs`);
  t.equal(relay.reads - b2, p2.requests, "and exactly those go on the wire");
  t.equal(r2[0]!.status, Status.Good, "DB1 exists");
  t.equal(r2[1]!.status, Status.Good, "DB2 exists");
  t.ok(r2.slice(2).every((r) => r.status === Status.BadConfigurationError && r.value === null), "DB3..DB40 do not: Bad each");
});

void t.test("alternating plans on one connection each read their own items", async (t) => {
  const s = await sim(t);
  const relay = await startRelay(s);
  t.teardown(() => relay.close());
  const d = driver(t, relay.port);
  await d.connect();
  const a = d.plan(points(["DB1,INT2", "MW2", "DB99,INT0"]));
  const b = d.plan(points(["DB1,REAL24", "QW2", "I0.3", "DB1,S36.16"]));
  for (let i = 0; i < 3; i++) {
    const before = relay.reads;
    t.same((await d.read(a)).map((r) => r.value), [-1234, 4242, null], `plan a, round ${i}`);
    t.same((await d.read(b)).map((r) => r.value), [3.5, 65535, true, "sluice"], `plan b, round ${i}`);
    t.equal(relay.reads - before, a.requests + b.requests, "one PDU set per read");
  }
});

void t.test("moving values move", async (t) => {
  const s = await sim(t);
  const d = driver(t, s.port);
  await d.connect();
  const plan = d.plan(points([S7_SIM_MOVING.counter, S7_SIM_MOVING.temperature, S7_SIM_MOVING.running]));
  const first = await d.read(plan);
  t.equal(first[1]!.status, Status.Good);
  t.type(first[1]!.value, "number");
  t.type(first[2]!.value, "boolean");
  t.ok(await until(async () => (await d.read(plan))[0]!.value !== first[0]!.value), "counter changes");
});

void t.test("a refused item is Bad for that point only; a wrong declared type is BadTypeMismatch", async (t) => {
  const s = await sim(t);
  const d = driver(t, s.port);
  await d.connect();
  const res = await d.read(d.plan(points(
    ["DB1,INT2", "DB99,INT0", "MW2", "DB1,REAL500", "DB1,REAL24", "DB1,DINT20", "DB1,INT2"],
    [undefined, undefined, undefined, undefined, "float64", "int16", "int64"],
  )));
  t.same(res.map((r) => r.status), [
    Status.Good, Status.BadConfigurationError, Status.Good, Status.BadConfigurationError,
    Status.Good, Status.BadTypeMismatch, Status.Good,
  ]);
  t.same(res.map((r) => r.value), [-1234, null, 4242, null, 3.5, null, -1234n], "widening is lossless, narrowing refused");
});

void t.test("server stopped: read rejects; restarted: reconnect and Good again", async (t) => {
  let s = await startS7Sim({});
  const port = s.port;
  t.teardown(() => s.close());
  const d = driver(t, port);
  await d.connect();
  const plan = d.plan(points(["DB1,INT2", "MW2"]));
  t.equal((await d.read(plan))[0]!.status, Status.Good);
  await s.close();
  const err = await d.read(plan).then(() => undefined, (e: unknown) => e);
  t.ok(isSluiceError(err, "SLUICE_ERR_DISCONNECTED") || isSluiceError(err, "SLUICE_ERR_TIMEOUT"), `read rejects: ${String(err)}`);
  const refused = await d.connect().then(() => undefined, (e: unknown) => e);
  t.ok(isSluiceError(refused, "SLUICE_ERR_DISCONNECTED") || isSluiceError(refused, "SLUICE_ERR_TIMEOUT"), "connect while down rejects");
  s = await startS7Sim({ port });
  t.ok(await until(async () => { await d.connect(); return (await d.read(plan)).every((r) => r.status === Status.Good); }),
    "reconnects and reads Good");
  t.same((await d.read(plan)).map((r) => r.value), [-1234, 4242]);
});

void t.test("connection cut under the driver: read rejects DISCONNECTED, reconnect works", async (t) => {
  const s = await sim(t);
  const relay = await startRelay(s);
  t.teardown(() => relay.close());
  const d = driver(t, relay.port);
  await d.connect();
  const plan = d.plan(points(["DB2,INT0"]));
  t.equal((await d.read(plan))[0]!.value, 42);
  relay.cut();
  t.ok(await until(async () => {
    const e = await d.read(plan).then(() => undefined, (x: unknown) => x);
    return isSluiceError(e, "SLUICE_ERR_DISCONNECTED");
  }), "read rejects with SLUICE_ERR_DISCONNECTED");
  await d.connect();
  t.equal((await d.read(plan))[0]!.value, 42);
});

void t.test("a CPU that stops answering: read times out, the client is rebuilt", async (t) => {
  const s = await sim(t);
  const d = driver(t, s.port);
  await d.connect();
  const plan = d.plan(points(["DB2,INT0"]));
  t.equal((await d.read(plan))[0]!.status, Status.Good);
  s.stall(2, true);
  const started = Date.now();
  const err = await d.read(plan).then(() => undefined, (e: unknown) => e);
  t.ok(isSluiceError(err, "SLUICE_ERR_TIMEOUT") || isSluiceError(err, "SLUICE_ERR_DISCONNECTED"), `read rejects: ${String(err)}`);
  t.ok(Date.now() - started < 20 * TIMEOUT, "within the read budget, not hanging");
  s.stall(2, false);
  t.ok(await until(async () => { await d.connect(); return (await d.read(plan))[0]!.value === 42; }), "fresh client reads again");
});

void t.test("nothing listening: connect rejects without an unhandled error", async (t) => {
  const s = await startS7Sim({});
  const port = s.port;
  await s.close();
  const d = driver(t, port);
  const err = await d.connect().then(() => undefined, (e: unknown) => e);
  t.ok(isSluiceError(err, "SLUICE_ERR_DISCONNECTED"), String(err));
  const plan = d.plan(points(["MW2"]));
  const e2 = await d.read(plan).then(() => undefined, (e: unknown) => e);
  t.ok(isSluiceError(e2, "SLUICE_ERR_DISCONNECTED"), "read before a connection rejects");
  await d.close();
  await d.close();
  d.destroy();
  d.destroy();
});

void t.test("options: endpoint port wins, bad options are config errors", async (t) => {
  t.throws(() => s7Driver.create({ name: "x", endpoint: "127.0.0.1", timeoutMs: 100, options: { slot: 99 } }), /s7\.slot/);
  t.throws(() => s7Driver.create({ name: "x", endpoint: "127.0.0.1", timeoutMs: 100, options: { localTsap: 256 } }), /localTsap and remoteTsap/);
  t.throws(() => s7Driver.create({ name: "x", endpoint: "127.0.0.1", timeoutMs: 100, options: { bogus: 1 } }), /SLUICE|s7/);
  const s = await sim(t);
  const d = driver(t, 1, {});
  t.ok(d, "created with defaults");
  const d2 = s7Driver.create({ name: "x", endpoint: "127.0.0.1", timeoutMs: TIMEOUT, options: { port: s.port, rack: 0, slot: 2, maxPdu: 480 } });
  t.teardown(() => d2.destroy());
  await d2.connect();
  t.equal((await d2.read(d2.plan(points(["MW2"]))))[0]!.value, 4242, "port from options when the endpoint has none");
});

void t.test("the demo tag list reads Good from the sim", async (t) => {
  const s = await sim(t);
  const d = driver(t, s.port);
  await d.connect();
  const res = await d.read(d.plan(points(S7_SIM_DEMO_TAGS.map((x) => x.address))));
  t.same(res.map((r) => r.status), S7_SIM_DEMO_TAGS.map(() => Status.Good));
});
