/**
 * The driver conformance suite (MQTT.js style: one abstract suite, run
 * against every driver and every server it must talk to). A harness starts a
 * real server holding known values and can kill and restart it; the suite
 * checks what the scheduler relies on:
 *
 *   addresses parse ─▶ connect ─▶ plan (request count) ─▶ read (values, statuses, times)
 *   ─▶ close/destroy idempotent ─▶ server killed: read and connect reject
 *   (DISCONNECTED / TIMEOUT) ─▶ server restarted: the same driver reconnects and reads right
 *
 * Usage, in a *.test.ts file:
 *   import t from "tap";
 *   await runConformance(t, harness);
 */
import type tap from "tap";
import { isSluiceError } from "../../../src/core/errors.js";
import type { TagType, Value } from "../../../src/core/model.js";
import { Status, statusName } from "../../../src/core/status.js";
import type { Driver, DriverFactory, DriverSource, Point, PointResult } from "../../../src/drivers/contract.js";

/** The test object tap hands to a subtest callback. */
export type TapTest = Parameters<Parameters<typeof tap.test>[0]>[0];

/** Poll until cond holds (a rejection counts as "not yet") or the deadline passes: event-driven waits, no fixed sleeps as assertions. */
export async function until(cond: () => Promise<boolean>, ms = 8000): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await cond().catch(() => false)) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return false;
}

export interface ConformancePoint {
  address: string;
  /** The tag's configured type; required when the address implies none (opcua, enip). */
  type?: TagType;
  /** Expected value: compared with t.same, or a predicate for values that move. */
  value: Value | ((v: Value) => boolean);
  /** Expected status (default Good). */
  status?: number;
}

export interface ConformanceHarness {
  /** e.g. "modbus vs pymodbus" */
  name: string;
  factory: DriverFactory;
  /** Start the server with its known values (once, before the suite). */
  start(): Promise<void>;
  /** The source to create drivers with; valid after start() and restart(). */
  source(): DriverSource;
  points: readonly ConformancePoint[];
  /** Protocol requests one read of all the points must cost (plan().requests). */
  requests: number;
  /** Kill the server abruptly, as a crash or a pulled cable would. */
  kill(): Promise<void>;
  /** Start it again at the same endpoint (it may change incidental things, e.g. OPC UA namespace order). */
  restart(): Promise<void>;
  /** Final cleanup; idempotent. */
  stop(): Promise<void>;
  /** Longest a read may take to notice a dead server (default 3 × timeoutMs + 2 s). */
  deadMs?: number;
}

const CONNECTION_LOST = ["SLUICE_ERR_DISCONNECTED", "SLUICE_ERR_TIMEOUT"] as const;

function lostConnection(e: unknown): boolean {
  return CONNECTION_LOST.some((code) => isSluiceError(e, code));
}

/** Settle a promise or fail after ms: a hung driver must fail the suite, not stall it. */
async function within<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error(`${what}: not settled within ${ms} ms`)), ms); });
  try {
    return await Promise.race([p, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

async function rejection(p: Promise<unknown>, ms: number, what: string): Promise<unknown> {
  try {
    await within(p, ms, what);
  } catch (e) {
    return e;
  }
  return new Error(`${what}: resolved, expected a rejection`);
}

function buildPoints(h: ConformanceHarness): Point[] {
  return h.points.map((p, index) => {
    const parsed = h.factory.parseAddress(p.address);
    const type = p.type ?? parsed.type;
    if (!type) throw new Error(`${p.address}: the address implies no type; give the point a type`);
    return { index, address: parsed.address, type };
  });
}

function checkResults(t: TapTest, h: ConformanceHarness, results: PointResult[], before: number): void {
  t.equal(results.length, h.points.length, "one result per point");
  h.points.forEach((p, i) => {
    const r = results[i];
    if (!r) return;
    const want = p.status ?? Status.Good;
    t.equal(statusName(r.status), statusName(want), `${p.address}: status`);
    if (typeof p.value === "function") t.ok(p.value(r.value), `${p.address}: value ${String(r.value)} passes its check`);
    else t.same(r.value, p.value, `${p.address}: value`);
    t.ok(Number.isFinite(r.sourceTime) && r.sourceTime > Date.UTC(2020, 0, 1) && r.sourceTime <= Date.now() + 60_000,
      `${p.address}: sourceTime ${new Date(r.sourceTime).toISOString()} is plausible (read started ${new Date(before).toISOString()})`);
  });
}

export async function runConformance(t: TapTest, h: ConformanceHarness): Promise<void> {
  await h.start();
  t.teardown(() => h.stop());
  const timeoutMs = h.source().timeoutMs;
  const deadMs = h.deadMs ?? timeoutMs * 3 + 2000;
  const drivers: Driver[] = [];
  const create = (): Driver => {
    const d = h.factory.create(h.source());
    drivers.push(d);
    return d;
  };
  t.teardown(() => { for (const d of drivers) d.destroy(); });

  await t.test(`${h.name}: every address parses`, async (t) => {
    const points = buildPoints(h);
    t.equal(points.length, h.points.length);
    t.equal(create().protocol, h.factory.protocol, "driver protocol matches its factory");
  });

  await t.test(`${h.name}: connect, plan, read every point`, async (t) => {
    const d = create();
    await within(d.connect(), deadMs, "connect");
    const plan = d.plan(buildPoints(h));
    t.equal(plan.requests, h.requests, "requests one read costs");
    t.equal(plan.points.length, h.points.length);
    const before = Date.now();
    checkResults(t, h, await within(d.read(plan), deadMs, "read"), before);
    checkResults(t, h, await within(d.read(plan), deadMs, "second read of the same plan"), Date.now());
    await within(d.close(), deadMs, "close");
  });

  await t.test(`${h.name}: close and destroy are idempotent`, async (t) => {
    const d = create();
    await within(d.connect(), deadMs, "connect");
    const plan = d.plan(buildPoints(h));
    await within(d.close(), deadMs, "close");
    await within(d.close(), deadMs, "second close");
    d.destroy();
    d.destroy();
    await within(d.close(), deadMs, "close after destroy");
    const e = await rejection(d.read(plan), deadMs, "read after close");
    t.ok(lostConnection(e) || isSluiceError(e, "SLUICE_ERR_CLOSED"), `read after close rejects with a SluiceError (${String(e)})`);

    const never = create();
    never.destroy();
    await within(never.close(), deadMs, "close of a driver never connected");
    t.ok(true, "destroy and close of a never-connected driver do not throw");
  });

  await t.test(`${h.name}: server killed, then restarted`, async (t) => {
    const d = create();
    await within(d.connect(), deadMs, "connect");
    const plan = d.plan(buildPoints(h));
    checkResults(t, h, await within(d.read(plan), deadMs, "read before the kill"), Date.now());

    await h.kill();
    const e = await rejection(d.read(plan), deadMs, "read after kill");
    t.ok(lostConnection(e), `read after kill rejects DISCONNECTED or TIMEOUT (${String(e)})`);
    const ec = await rejection(d.connect(), deadMs, "connect while down");
    t.ok(lostConnection(ec), `connect while the server is down rejects DISCONNECTED or TIMEOUT (${String(ec)})`);

    await h.restart();
    await within(d.connect(), deadMs, "reconnect after restart");
    checkResults(t, h, await within(d.read(plan), deadMs, "read after restart"), Date.now());
    await within(d.close(), deadMs, "close");
  });
}
