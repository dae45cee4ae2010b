/**
 * The OPC UA driver against one simulator that refuses anonymous sessions:
 * user names and passwords, SignAndEncrypt with certificate trust, subscribe
 * mode, batched reads, server status codes and source timestamps, type
 * mismatches and configuration errors.
 */
import t from "tap";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { opcuaDriver } from "../../../src/drivers/opcua/index.js";
import { OPCUA_SIM_NAMESPACE, OPCUA_SIM_STATIC, OPCUA_SIM_STATIC_TIME, startOpcuaSim, type OpcuaSim } from "../../../src/demo/sim/opcua.js";
import { Status } from "../../../src/core/status.js";
import type { TagType } from "../../../src/core/model.js";
import type { Driver, Point } from "../../../src/drivers/contract.js";

type Tap = Parameters<Parameters<typeof t.test>[0]>[0];
const USER = { user: "operator", password: "pw-Ö-never-logged-7f3a" };
const acme = (id: string) => `nsu=${OPCUA_SIM_NAMESPACE};s=${id}`;

function points(list: [string, TagType][]): Point[] {
  return list.map(([a, type], index) => ({ index, address: opcuaDriver.parseAddress(a).address, type }));
}

async function until(cond: () => Promise<boolean>, what: string, ms = 15_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

void t.test("opcua driver", async (t) => {
  const dir = mkdtempSync(join(tmpdir(), "sluice-opcua-drv-"));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  let sim: OpcuaSim = await startOpcuaSim({ allowAnonymous: false, users: [USER], pki: join(dir, "server-pki") });
  t.teardown(() => sim.close());
  const driver = (t: Tap, options: Record<string, unknown>, name = "line1"): Driver => {
    const d = opcuaDriver.create({ name, endpoint: sim.endpointUrl, timeoutMs: 2000, options: { pki: join(dir, "client-pki"), ...options } });
    t.teardown(() => d.destroy());
    return d;
  };
  const insecure = { securityMode: "None", ...USER };

  await t.test("user and password: anonymous and wrong passwords refused, the password never in the error", async (t) => {
    await t.rejects(driver(t, { securityMode: "None" }).connect(), { code: "SLUICE_ERR_DISCONNECTED" }, "anonymous");
    try {
      await driver(t, { securityMode: "None", user: USER.user, password: "wrong-pw-9c1d" }).connect();
      t.fail("a wrong password connected");
    } catch (e) {
      t.match(e, { code: "SLUICE_ERR_DISCONNECTED" });
      t.notMatch(String((e as Error).message), /wrong-pw-9c1d/, "no password in the message");
      t.notMatch(JSON.stringify(e), /wrong-pw-9c1d/, "no password in the serialised error");
    }
    const d = driver(t, insecure);
    await d.connect();
    const [r] = await d.read(d.plan(points([[acme("Static.Double"), "float64"]])));
    t.same(r, { value: -1234.5, status: Status.Good, sourceTime: OPCUA_SIM_STATIC_TIME }, "value, status and the server's SourceTimestamp");
    await d.close();
  });

  await t.test("SignAndEncrypt: an unknown server certificate is refused until it is moved to trusted/certs", async (t) => {
    const pki = join(dir, "strict-pki");
    const strict = (t: Tap) => driver(t, { pki, ...USER }); // SignAndEncrypt + Basic256Sha256 by default
    const e = await strict(t).connect().then(() => undefined, (err: unknown) => err as Error);
    t.match(e, { code: "SLUICE_ERR_DISCONNECTED" });
    t.match(e?.message ?? "", /not trusted; move it from .*rejected to .*trusted/);
    const rejected = readdirSync(join(pki, "rejected")).filter((f) => f.endsWith(".pem") || f.endsWith(".der"));
    t.equal(rejected.length, 1, "the server's certificate waits in rejected/");
    mkdirSync(join(pki, "trusted", "certs"), { recursive: true });
    renameSync(join(pki, "rejected", rejected[0]!), join(pki, "trusted", "certs", rejected[0]!));
    const d = strict(t);
    await d.connect();
    const [r] = await d.read(d.plan(points([[acme("Static.String"), "string"]])));
    t.same(r?.value, "SLUICE1", "reads over the encrypted channel");
    await d.close();
    t.ok(existsSync(join(pki, "own", "certs")), "the client made its own certificate in its own PKI");
  });

  await t.test("statuses: server codes pass through, misfits are BadTypeMismatch, unknown namespaces BadNodeIdUnknown", async (t) => {
    const d = driver(t, insecure);
    await d.connect();
    const results = await d.read(d.plan(points([
      [acme("Static.Uncertain"), "float64"], [acme("Static.Bad"), "float64"], [acme("Static.String"), "int16"],
      [acme("Static.Array"), "float64"], ["nsu=urn:nowhere;s=X", "float64"], [acme("Missing"), "bool"], ["ns=0;i=2258", "string"],
    ])));
    t.same(results.slice(0, 6).map((r) => [r.value, r.status]), [
      [42.5, Status.UncertainLastUsableValue], [null, 0x808c0000], [null, Status.BadTypeMismatch],
      [null, Status.BadTypeMismatch], [null, Status.BadNodeIdUnknown], [null, Status.BadNodeIdUnknown],
    ]);
    t.match(results[6]!.value, /^\d{4}-\d\d-\d\dT/, "CurrentTime as an ISO string");
    t.equal(results[0]!.sourceTime, OPCUA_SIM_STATIC_TIME);
    await d.close();
  });

  await t.test("reads are batched by maxNodesPerRead", async (t) => {
    const list = OPCUA_SIM_STATIC.map((v): [string, TagType] => [v.address, v.type]);
    const d = driver(t, { ...insecure, maxNodesPerRead: 4 });
    await d.connect();
    const plan = d.plan(points(list));
    t.equal(plan.requests, Math.ceil(list.length / 4));
    const results = await d.read(plan);
    t.same(results.map((r) => [r.value, r.status]), OPCUA_SIM_STATIC.map((v) => [v.value, v.status]));
    await d.close();
  });

  await t.test("subscribe mode: monitored items keep the latest values; reconnect after a restart resubscribes", async (t) => {
    const d = driver(t, { ...insecure, mode: "subscribe", samplingInterval: "200ms" });
    await d.connect();
    const plan = d.plan(points([[acme("Line1.Count"), "uint32"], [acme("Static.Int64"), "int64"], [acme("Line1.Temp"), "float64"], ["nsu=urn:nowhere;s=X", "bool"]]));
    t.equal(plan.requests, 0, "a poll costs no request");
    const first = await d.read(plan);
    t.same(first.slice(1).map((r) => [r.value === null ? null : typeof r.value, r.status]),
      [["bigint", Status.Good], ["number", Status.Good], [null, Status.BadNodeIdUnknown]]);
    t.equal(first[1]!.value, -9007199254740993n);
    const count0 = first[0]!.value as number;
    await until(async () => ((await d.read(plan))[0]!.value as number) > count0, "the counter to move through the subscription");

    const port = sim.port;
    await sim.close();
    await until(async () => d.read(plan).then(() => false, (e: { code?: string }) => e.code === "SLUICE_ERR_DISCONNECTED" || e.code === "SLUICE_ERR_TIMEOUT"),
      "reads to reject once the server is gone");
    sim = await startOpcuaSim({ port, allowAnonymous: false, users: [USER], pki: join(dir, "server-pki"), namespaces: ["urn:shift"] });
    await d.connect();
    const after = await d.read(plan);
    t.same(after.slice(1, 3).map((r) => r.status), [Status.Good, Status.Good], "resubscribed, nsu= re-resolved");
    t.equal(after[1]!.value, -9007199254740993n);
    await d.close();
  });

  await t.test("configuration errors are SLUICE_ERR_CONFIG at create time", async (t) => {
    const create = (endpoint: string, options: Record<string, unknown>) => () => opcuaDriver.create({ name: "x", endpoint, timeoutMs: 1000, options });
    t.throws(create("127.0.0.1:4840", {}), { code: "SLUICE_ERR_CONFIG" }, "not an opc.tcp URL");
    t.throws(create("opc.tcp://h:4840", { password: "p" }), { code: "SLUICE_ERR_CONFIG" }, "password without user");
    t.throws(create("opc.tcp://h:4840", { securityMode: "Secure" }), { code: "SLUICE_ERR_CONFIG" });
    t.throws(create("opc.tcp://h:4840", { securityPolicy: "Basic128Rsa15" }), { code: "SLUICE_ERR_CONFIG" }, "deprecated policy refused");
    t.throws(create("opc.tcp://h:4840", { usr: "x" }), { code: "SLUICE_ERR_CONFIG" }, "unknown key");
    try {
      create("opc.tcp://h:4840", { user: "u", password: 12345678 })();
      t.fail("accepted a numeric password");
    } catch (e) {
      t.notMatch((e as Error).message, /12345678/, "the bad password is not echoed");
    }
  });
});
