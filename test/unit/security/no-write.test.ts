/**
 * Security invariant 3, driver half: no write path to a PLC. Three layers of proof:
 *
 *   1. the API: the driver contract, every factory, every driver instance and every
 *      class and function the driver modules export offer nothing that writes;
 *   2. the source: no driver file calls a write API of the protocol libraries, and the
 *      Modbus plan only knows read function codes;
 *   3. the wire: each driver reads a real server through a TCP tap, and the tap sees
 *      only read operations (Modbus 1-4; S7 Setup Communication and Read Var; CIP
 *      Read Tag, Multiple Service Packet, connection management; OPC UA session,
 *      browse, read and subscription services). The Modbus transport's runtime guard
 *      refuses write function codes without a byte reaching the wire.
 */
import t from "tap";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { isSluiceError } from "../../../src/core/errors.js";
import type { TagType } from "../../../src/core/model.js";
import type { Driver, DriverFactory, Point } from "../../../src/drivers/contract.js";
import { drivers } from "../../../src/drivers/registry.js";
import { buildMsp } from "../../../src/drivers/enip/cip.js";
import { FUNCTION_CODES } from "../../../src/drivers/modbus/plan.js";
import { ModbusTcpTransport } from "../../../src/drivers/modbus/transport.js";
import { MODBUS_SIM_STATIC, startModbusSim } from "../../../src/demo/sim/modbus.js";
import { S7_SIM_VALUES, startS7Sim } from "../../../src/demo/sim/s7.js";
import { ENIP_SIM_TAGS, startEnipSim } from "../../../src/demo/sim/enip/index.js";
import { OPCUA_SIM_STATIC, startOpcuaSim } from "../../../src/demo/sim/opcua.js";
import { cipServices, modbusFunctions, opcuaRequests, rtuFunctions, s7Functions, startTap, type Tap } from "./wiretap.js";
import { RtuLine } from "../../../src/drivers/modbus/rtu-line.js";
import { crc16 } from "../../../src/drivers/modbus/rtu-frame.js";
import { startPymodbus } from "../../fixtures/pymodbus.js";
import { layoutOf } from "../../fixtures/modbus-values.js";
import { ptyPair, tcpBridge } from "../../fixtures/rtu.js";

// several node-opcua clients and servers start here: on a loaded 2-core machine this file can outlast the default 120 s
t.setTimeout(300_000);

type T = Parameters<Parameters<typeof t.test>[0]>[0];

const root = fileURLToPath(new URL("../../../src/drivers/", import.meta.url));
const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? files(join(dir, f)) : f.endsWith(".ts") ? [join(dir, f)] : []));
const code = (file: string) => readFileSync(file, "utf8").replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, ""); // without comments

/** Names that would mean a mutating operation. */
const WRITE_LIKE = /write|^put|^set|call|update|delete|insert|remove|modify|download|force|mask/i;
const CONTRACT = ["connect", "plan", "read", "close", "destroy"];

function methodNames(o: object): string[] {
  const out = new Set<string>();
  for (let p: object | null = o; p && p !== Object.prototype && p !== Function.prototype; p = Object.getPrototypeOf(p) as object | null) {
    for (const k of Object.getOwnPropertyNames(p)) {
      const d = Object.getOwnPropertyDescriptor(p, k);
      if (k !== "constructor" && typeof d?.value === "function") out.add(k);
    }
  }
  return [...out].sort();
}

void t.test("the driver API has no write operation: contract, factories, instances, every export of src/drivers", async (t) => {
  const endpoints: Record<string, string> = { modbus: "127.0.0.1:1", s7: "127.0.0.1:1", enip: "127.0.0.1:44818", opcua: "opc.tcp://127.0.0.1:1" };
  const pki = mkdtempSync(join(tmpdir(), "sluice-nowrite-"));
  t.teardown(() => rmSync(pki, { recursive: true, force: true }));
  t.same(Object.keys(drivers).sort(), ["enip", "modbus", "opcua", "s7"], "four drivers, all checked here");
  for (const [protocol, factory] of Object.entries(drivers) as [string, DriverFactory][]) {
    // browse: read-only services, covered by its own wire tests; line: names a shared line, no I/O
    const own = methodNames(factory).filter((m) => m !== "browse" && m !== "line");
    t.same(own, ["create", "endpointError", "optionErrors", "parseAddress"], `${protocol} factory: create, and grammar and rules that do no I/O`);
    t.same(methodNames(factory).filter((m) => WRITE_LIKE.test(m)), [], `${protocol} factory: nothing write-like`);
    const d = factory.create({ name: "x", endpoint: endpoints[protocol]!, timeoutMs: 500, options: protocol === "opcua" ? { pki } : {} });
    const extra = methodNames(d).filter((m) => !CONTRACT.includes(m));
    t.same(methodNames(d).filter((m) => CONTRACT.includes(m)), [...CONTRACT].sort(), `${protocol} driver implements the contract`);
    t.same(extra.filter((m) => WRITE_LIKE.test(m)), [], `${protocol} driver: no write-like method (others: ${extra.join(", ") || "none"})`);
    d.destroy();
  }
  const found: string[] = [];
  for (const f of files(root)) {
    const mod = (await import(pathToFileURL(f).href)) as Record<string, unknown>;
    for (const [name, v] of Object.entries(mod)) {
      found.push(name);
      if (WRITE_LIKE.test(name)) t.fail(`${f.slice(root.length)} exports ${name}`);
      if (typeof v === "function") for (const m of methodNames((v as { prototype?: object }).prototype ?? {})) {
        found.push(`${name}.${m}`);
        if (WRITE_LIKE.test(m)) t.fail(`${f.slice(root.length)}: ${name}.${m}`);
      }
      if (v && typeof v === "object" && !ArrayBuffer.isView(v)) for (const m of methodNames(v)) if (WRITE_LIKE.test(m)) t.fail(`${f.slice(root.length)}: ${name}.${m}`);
    }
  }
  t.ok(found.includes("ModbusTcpTransport.request") && found.includes("RtuLine.request") && found.includes("EnipSession.request") && found.includes("S7Connection.read"),
    `the scan saw the protocol layers (${found.length} exports and methods)`);
});

void t.test("the driver sources call no write API of the protocol libraries; Modbus plans read function codes only", async (t) => {
  const banned: [RegExp, string][] = [
    [/\bwriteItems\b/, "nodes7 writeItems"],
    [/\bwriteTag\b|generateWriteMessageRequest|\bController\b/, "ethernet-ip Controller/writeTag"],
    [/\bsession[!?]?\.(write|call|writeSingleNode|historyUpdate|addNodes|deleteNodes|addReferences|deleteReferences)\b/, "node-opcua session write/call/node management"],
    [/\bcallMethod\b|\bwriteSingleNode\b|\bHistoryUpdate|\bWriteRequest\b|\bCallRequest\b/, "node-opcua write/call requests"],
    [/write(Registers?|Coils?|FC\d+)\b|maskWriteRegister|\bModbusRTU\b/, "modbus-serial client writes"],
    [/from "modbus-serial"|from "node-snap7"/, "a second protocol stack (modbus-serial, snap7) in a driver"],
  ];
  const scanned = files(root);
  t.ok(scanned.length >= 20, `${scanned.length} driver files scanned`);
  const texts = scanned.map((f) => [f.slice(root.length), code(f)] as const);
  for (const [re, what] of banned) t.same(texts.filter(([, text]) => re.test(text)).map(([f]) => f), [], `no driver file uses ${what}`);
  t.same([...new Set(Object.values(FUNCTION_CODES))].sort(), [1, 2, 3, 4], "the Modbus plan maps areas to function codes 1-4 only");
  const transport = code(join(root, "modbus/transport.ts"));
  t.match(transport, /if \(fc !== 1 && fc !== 2 && fc !== 3 && fc !== 4\) return Promise\.reject/, "the Modbus transport checks the function code at run time");
  t.match(code(join(root, "modbus/rtu-line.ts")), /if \(fc !== 1 && fc !== 2 && fc !== 3 && fc !== 4\) return Promise\.reject/, "so does the Modbus RTU line");
  t.match(code(join(root, "modbus/rtu-frame.ts")), /readRequestFrame\(unit: number, fc: 1 \| 2 \| 3 \| 4,/, "and the RTU framer builds read requests only");
});

void t.test("the tap's parsers recognise write operations (so the wire tests below can fail)", async (t) => {
  const { EthernetIP, Tag } = (await import("ethernet-ip")).default;
  const { encapsulation, CIP } = EthernetIP;
  const mb = Buffer.from([0, 1, 0, 0, 0, 9, 1, 0x10, 0, 0, 0, 1, 2, 0, 42]);
  t.same(modbusFunctions(Buffer.concat([mb, mb])), [16, 16], "Modbus Write Multiple Registers (16)");
  const rtu = Buffer.from([1, 0x10, 0, 0, 0, 1, 2, 0, 42, 0, 0]);
  rtu.writeUInt16LE(crc16(rtu, rtu.length - 2), rtu.length - 2);
  const coil = Buffer.from([1, 0x05, 0, 3, 0xff, 0, 0, 0]);
  coil.writeUInt16LE(crc16(coil, 6), 6);
  t.same(rtuFunctions(Buffer.concat([rtu, coil])), [16, 5], "Modbus RTU Write Multiple Registers (16) and Write Single Coil (5)");
  const s7Write = Buffer.from([3, 0, 0, 31, 2, 0xf0, 0x80, 0x32, 1, 0, 0, 0, 1, 0, 14, 0, 6, 5, 1, 0x12, 10, 0x10, 2, 0, 1, 0, 1, 0x84, 0, 0, 0, 0, 4, 0, 8, 42]);
  s7Write.writeUInt16BE(s7Write.length, 2);
  t.same(s7Functions(s7Write), ["01:05"], "S7 job Write Var (0x05)");
  const writeTag = CIP.MessageRouter.build(0x4d, new Tag("Speed").path, Buffer.from([0xc4, 0, 1, 0, 5, 0, 0, 0]));
  const rr = encapsulation.sendRRData(1, CIP.UnconnectedSend.build(buildMsp([writeTag]), Buffer.from([1, 0]), 1000), 2);
  t.same(cipServices(rr).requests.map((r) => [r.service, r.target]),
    [[0x52, "class 0x06"], [0x0a, "class 0x02"], [0x4d, "symbolic Speed"]], "CIP Write Tag (0x4D) inside a Multiple Service Packet inside an Unconnected Send");
  const msg = Buffer.alloc(40);
  msg.write("MSGF", 0, "latin1");
  msg.writeUInt32LE(msg.length, 4);
  msg.set([0x01, 0x00], 24);
  msg.writeUInt16LE(673, 26);
  t.same(opcuaRequests(msg), [673], "OPC UA WriteRequest (673)");
});

function points(factory: DriverFactory, specs: readonly { address: string; type?: TagType }[]): Point[] {
  return specs.map((s, index) => {
    const p = factory.parseAddress(s.address);
    return { index, address: p.address, type: s.type ?? p.type! };
  });
}

async function readThrough(t: T, d: Driver, pts: Point[], times: number): Promise<number> {
  t.teardown(() => d.destroy());
  await d.connect();
  const plan = d.plan(pts);
  let good = 0;
  for (let i = 0; i < times; i++) good += (await d.read(plan)).filter((r) => r.status === 0).length;
  await d.close();
  return good;
}

async function tap(t: T, target: { host: string; port: number }, listen?: { host: string; port: number }): Promise<Tap> {
  const x = await startTap(target, listen);
  t.teardown(() => x.close());
  return x;
}

void t.test("modbus: the wire carries function codes 1-4 only; write codes are refused before a byte is sent", async (t) => {
  const sim = await startModbusSim();
  t.teardown(() => sim.close());
  const wire = await tap(t, { host: "127.0.0.1", port: sim.port });
  const factory = drivers.modbus;
  const d = factory.create({ name: "plc", endpoint: `127.0.0.1:${wire.port}`, timeoutMs: 2000, options: {} });
  const good = await readThrough(t, d, points(factory, MODBUS_SIM_STATIC), 3);
  t.equal(good, 3 * MODBUS_SIM_STATIC.length, "every point read Good through the tap");
  const fcs = wire.streams().flatMap(modbusFunctions);
  t.same([...new Set(fcs)].sort(), [1, 2, 3, 4], `function codes on the wire: ${fcs.length} requests, all reads, every area`);

  const guard = await tap(t, { host: "127.0.0.1", port: sim.port });
  const tr = new ModbusTcpTransport("127.0.0.1", guard.port, 2000);
  t.teardown(() => tr.destroy());
  await tr.connect();
  for (const fc of [5, 6, 15, 16, 22, 23, 8, 43, 0, 0x83]) {
    const e = await tr.request(1, fc as never, 0, 1).then(() => null, (err: unknown) => err);
    t.ok(isSluiceError(e, "SLUICE_ERR_DRIVER") && /is not a read/.test((e as Error).message), `function ${fc} refused: ${String(e)}`);
  }
  t.equal(Buffer.concat(guard.streams()).length, 0, "not one byte reached the wire for the refused requests");
  await tr.request(1, 3, 100, 1);
  t.same(guard.streams().flatMap(modbusFunctions), [3], "a read on the same connection goes through (the tap sees it)");
});

void t.test("modbus rtu: the wire carries read function codes only; write codes are refused before a byte is sent", async (t) => {
  const pair = await ptyPair();
  t.teardown(() => pair.close());
  const server = await startPymodbus({ units: { "1": layoutOf([{ address: "hr:0:int16", value: 7 }, { address: "coil:0", value: true }]) } }, { serial: { path: pair.b, parity: "N" } });
  t.teardown(() => server.close());
  const bridge = await tcpBridge(pair.a);
  t.teardown(() => bridge.close());
  const [host, port] = bridge.endpoint.split(":") as [string, string];
  const wire = await tap(t, { host, port: Number(port) });
  const factory = drivers.modbus;
  const d = factory.create({ name: "gw", endpoint: `127.0.0.1:${wire.port}`, timeoutMs: 2000, options: { transport: "rtu-over-tcp" } });
  const specs = [{ address: "hr:0:int16" }, { address: "ir:0:uint16" }, { address: "coil:0" }, { address: "di:0" }];
  const good = await readThrough(t, d, points(factory, specs), 3);
  t.equal(good, 3 * specs.length, "every point read Good through the tap");
  const fcs = wire.streams().flatMap(rtuFunctions);
  t.same([...new Set(fcs)].sort(), [1, 2, 3, 4], `RTU frames on the wire: ${fcs.length} requests, all reads with a good CRC, every area`);

  const guard = await tap(t, { host, port: Number(port) });
  const line = new RtuLine("guard", async (onData) => {
    const net = await import("node:net");
    const socket = net.createConnection({ host: "127.0.0.1", port: guard.port });
    await new Promise((r) => socket.once("connect", r));
    socket.on("data", onData);
    return { write: (b: Buffer) => socket.write(b), destroy: () => socket.destroy() };
  }, 19200);
  t.teardown(() => line.destroy());
  await line.connect(2000);
  for (const fc of [5, 6, 15, 16, 22, 23, 8, 43, 0, 0x83]) {
    const e = await line.request(1, fc as never, 0, 1, 500).then(() => null, (err: unknown) => err);
    t.ok(isSluiceError(e, "SLUICE_ERR_DRIVER") && /is not a read/.test((e as Error).message), `function ${fc} refused: ${String(e)}`);
  }
  t.equal(Buffer.concat(guard.streams()).length, 0, "not one byte reached the wire for the refused requests");
  await line.request(1, 3, 0, 1, 2000);
  t.same(guard.streams().flatMap(rtuFunctions), [3], "a read on the same line goes through (the tap sees it)");
});

void t.test("s7: the wire carries Setup Communication and Read Var jobs only", async (t) => {
  const sim = await startS7Sim({ moving: false });
  t.teardown(() => sim.close());
  const wire = await tap(t, { host: sim.host, port: sim.port });
  const factory = drivers.s7;
  const specs = Object.keys(S7_SIM_VALUES).map((address) => ({ address }));
  const d = factory.create({ name: "plc", endpoint: `127.0.0.1:${wire.port}`, timeoutMs: 2000, options: { slot: 1 } });
  const good = await readThrough(t, d, points(factory, specs), 3);
  t.equal(good, 3 * specs.length, "every point read Good through the tap");
  const fns = wire.streams().flatMap(s7Functions);
  const kinds = [...new Set(fns)].sort();
  t.same(kinds, ["01:04", "01:f0", "cotp-cr"], `S7 PDUs on the wire (${fns.length}): COTP connect, job Setup Communication (0xF0), job Read Var (0x04); never Write Var (0x05), PLC control or userdata`);
});

void t.test("enip: the wire carries Read Tag, Multiple Service Packet, Identity and connection management only", async (t) => {
  // ethernet-ip dials port 44818 only: the tap listens there on its own loopback address
  const sim = await startEnipSim({ host: "127.0.99.12" });
  t.teardown(() => sim.close());
  const wire = await tap(t, { host: "127.0.99.12", port: 44818 }, { host: "127.0.99.11", port: 44818 });
  const factory = drivers.enip;
  const declared: Record<string, TagType> = {
    BOOL: "bool", SINT: "int16", INT: "int16", DINT: "int32", LINT: "int64", USINT: "uint16", UINT: "uint16",
    UDINT: "uint32", ULINT: "uint64", REAL: "float32", LREAL: "float64", DWORD: "uint32", STRING: "string",
  };
  const specs = ENIP_SIM_TAGS.map((x) => ({ address: x.name, type: declared[x.type]! }));
  for (const connected of [true, false]) {
    const d = factory.create({ name: "logix", endpoint: "127.0.99.11:44818", timeoutMs: 2000, options: { slot: 0, connected } });
    const good = await readThrough(t, d, points(factory, specs), 2);
    t.equal(good, 2 * specs.length, `${connected ? "connected" : "unconnected"}: every point read Good through the tap`);
  }
  const parsed = wire.streams().map(cipServices);
  const commands = new Set(parsed.flatMap((p) => p.commands));
  const requests = parsed.flatMap((p) => p.requests);
  const seen = [...new Set(requests.map((r) => `0x${r.service.toString(16)} ${r.target.startsWith("symbolic") ? "symbolic" : r.target}`))].sort();
  t.ok([...commands].every((c) => [0x65, 0x66, 0x6f, 0x70].includes(c)), `encapsulation commands: ${[...commands].map((c) => `0x${c.toString(16)}`).join(" ")}`);
  const allowed = new Set([
    "0x1 class 0x01", // Get Attribute All, Identity (at connect)
    "0xa class 0x02", // Multiple Service Packet, Message Router
    "0x4c symbolic", // Read Tag
    "0x52 class 0x06", // Unconnected Send, Connection Manager
    "0x54 class 0x06", "0x5b class 0x06", "0x4e class 0x06", // Forward Open, Large Forward Open, Forward Close
  ]);
  t.same(seen.filter((s) => !allowed.has(s)), [], `CIP requests on the wire (${requests.length}): ${seen.join(", ")}`);
  t.ok(seen.includes("0x4c symbolic") && seen.includes("0xa class 0x02"), "the tap saw the reads (the test can see a request)");
});

void t.test("opcua: the wire carries session, browse, read and subscription services; never Write, Call or node management", async (t) => {
  const ua = await import("node-opcua");
  const nameOf = new Map<number, string>();
  for (const [name, v] of Object.entries(ua)) {
    const enc = (v as { encodingDefaultBinary?: { value?: unknown; namespace?: number } } | undefined)?.encodingDefaultBinary;
    if (name.endsWith("Request") && enc && enc.namespace === 0 && typeof enc.value === "number") nameOf.set(enc.value, name);
  }
  const forbidden = ["WriteRequest", "CallRequest", "HistoryUpdateRequest", "AddNodesRequest", "AddReferencesRequest",
    "DeleteNodesRequest", "DeleteReferencesRequest"];
  t.ok(forbidden.every((n) => [...nameOf.values()].includes(n)), "the forbidden requests' wire ids are known");
  const dir = mkdtempSync(join(tmpdir(), "sluice-nowrite-ua-"));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const sim = await startOpcuaSim({ pki: join(dir, "server-pki"), tickMs: 100 });
  t.teardown(() => sim.close());
  const wire = await tap(t, { host: "127.0.0.1", port: sim.port });
  const factory = drivers.opcua;
  const specs = OPCUA_SIM_STATIC.filter((v) => v.status === 0).map((v) => ({ address: v.address, type: v.type }));
  const endpoint = sim.endpointUrl.replace(/:\d+(\/|$)/, `:${wire.port}$1`).replace(/\/\/[^:/]+:/, "//127.0.0.1:");
  for (const mode of ["read", "subscribe"]) {
    const d = factory.create({ name: "line1", endpoint, timeoutMs: 3000,
      options: { securityMode: "None", pki: join(dir, "client-pki"), mode, samplingInterval: "100ms" } });
    t.teardown(() => d.destroy());
    await d.connect();
    const plan = d.plan(points(factory, specs));
    let good = 0;
    for (const end = Date.now() + 15_000; good < specs.length && Date.now() < end;) {
      good = (await d.read(plan)).filter((r) => r.status === 0).length;
      if (good < specs.length) await new Promise((r) => setTimeout(r, 100)); // subscribe: wait for the first notifications
    }
    await d.close();
    t.equal(good, specs.length, `${mode} mode: every point read Good through the tap`);
  }
  const ids = wire.streams().flatMap(opcuaRequests);
  const names = [...new Set(ids.map((id) => nameOf.get(id) ?? `unknown id ${id}`))].sort();
  t.same(names.filter((n) => forbidden.includes(n) || n.startsWith("unknown")), [], `OPC UA requests on the wire (${ids.length}): ${names.join(", ")}`);
  t.ok(names.includes("ReadRequest") && names.includes("CreateMonitoredItemsRequest"), "the tap saw the reads and the subscription");
});

void t.test("browse enip: the wire carries Identity, Unconnected Send, Symbol and Template reads only", async (t) => {
  const { browseEnip } = await import("../../../src/drivers/enip/browse.js");
  const sim = await startEnipSim({ host: "127.0.99.14" });
  t.teardown(() => sim.close());
  const wire = await tap(t, { host: "127.0.99.14", port: 44818 }, { host: "127.0.99.13", port: 44818 });
  const tags = await browseEnip({ endpoint: "127.0.99.13" });
  t.ok(tags.length >= ENIP_SIM_TAGS.length, `browsed ${tags.length} tags through the tap`);
  const requests = wire.streams().map(cipServices).flatMap((p) => p.requests);
  const seen = [...new Set(requests.map((r) => `0x${r.service.toString(16)} ${r.target.startsWith("symbolic") ? "symbolic" : r.target}`))].sort();
  const allowed = new Set([
    "0x1 class 0x01", // Get Attribute All, Identity (at connect)
    "0x52 class 0x06", // Unconnected Send
    "0x55 class 0x6b", "0x55 symbolic", // Get Instance Attribute List, Symbol object (controller, program scope)
    "0x3 class 0x6c", "0x4c class 0x6c", // Get Attribute List and Read Template, Template object
  ]);
  t.same(seen.filter((s) => !allowed.has(s)), [], `CIP requests on the wire (${requests.length}): ${seen.join(", ")}`);
  t.ok(seen.includes("0x55 class 0x6b") && seen.includes("0x4c class 0x6c"), "the tap saw the symbol and template reads");
});

void t.test("browse opcua: only session, Browse, BrowseNext, Read and TranslateBrowsePaths requests", async (t) => {
  const ua = await import("node-opcua");
  const { browseOpcua } = await import("../../../src/drivers/opcua/browse.js");
  const nameOf = new Map<number, string>();
  for (const [name, v] of Object.entries(ua)) {
    const enc = (v as { encodingDefaultBinary?: { value?: unknown; namespace?: number } } | undefined)?.encodingDefaultBinary;
    if (name.endsWith("Request") && enc && enc.namespace === 0 && typeof enc.value === "number") nameOf.set(enc.value, name);
  }
  const dir = mkdtempSync(join(tmpdir(), "sluice-nowrite-browse-"));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const sim = await startOpcuaSim({ pki: join(dir, "server-pki"), tickMs: 100 });
  t.teardown(() => sim.close());
  const wire = await tap(t, { host: "127.0.0.1", port: sim.port });
  const endpoint = sim.endpointUrl.replace(/:\d+(\/|$)/, `:${wire.port}$1`).replace(/\/\/[^:/]+:/, "//127.0.0.1:");
  const tags = await browseOpcua({ endpoint, options: { securityMode: "None", pki: join(dir, "client-pki") } });
  t.ok(tags.filter((x) => !x.skipped).length >= OPCUA_SIM_STATIC.filter((v) => v.status === 0).length, `browsed ${tags.length} variables through the tap`);
  const ids = wire.streams().flatMap(opcuaRequests);
  const names = [...new Set(ids.map((id) => nameOf.get(id) ?? `unknown id ${id}`))].sort();
  const allowed = new Set(["OpenSecureChannelRequest", "CloseSecureChannelRequest", "GetEndpointsRequest", "CreateSessionRequest",
    "ActivateSessionRequest", "CloseSessionRequest", "BrowseRequest", "BrowseNextRequest", "ReadRequest", "TranslateBrowsePathsToNodeIdsRequest"]);
  t.same(names.filter((n) => !allowed.has(n)), [], `OPC UA requests on the wire (${ids.length}): ${names.join(", ")}`);
  t.ok(names.includes("BrowseRequest") && names.includes("ReadRequest"), "the tap saw the browse and the reads");
});
