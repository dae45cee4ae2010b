/**
 * The reader configuration: a table of bad files, each with the exact message
 * the user sees (file, field path, reason), and what a good file resolves to.
 */
import t from "tap";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { isSluiceError } from "../../../src/core/errors.js";
import { checkReaderFile, loadReaderConfig } from "../../../src/config/reader.js";

const dir = mkdtempSync(join(tmpdir(), "sluice-reader-config-"));
t.teardown(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
function write(text: string): string {
  const f = join(dir, `case${++n}.yaml`);
  writeFileSync(f, text);
  return f;
}

const HEAD = `link: { to: "127.0.0.1:47100", key: ./test.key }
policy: allow-all
`;
/** a file with one source whose body (indented source keys) is given */
const src = (body: string) => `${HEAD}sources:
  - name: press1
${body.replace(/^/gm, "    ")}
`;
const modbus = (tags: string, extra = "") => src(`protocol: modbus
endpoint: 127.0.0.1:502
interval: 500ms
${extra}tags:
${tags.replace(/^/gm, "  ")}`);

const ONE_SOURCE = `sources: [{ name: a, protocol: modbus, endpoint: h, interval: 1s, tags: [{ name: t, address: "hr:0" }] }]\n`;

const cases: [string, string, string][] = [
  ["unknown top-level key", `${HEAD}extra: 1\n${ONE_SOURCE}`, "extra: unknown key"],
  ["unknown tag key", modbus(`- { name: t, address: "hr:0", scal: 2 }`), 'sources[0].tags[0].scal: unknown key; did you mean "scale"?'],
  ["unknown source key", modbus(`- { name: t, address: "hr:0" }`, "pollRate: 1s\n"), "sources[0].pollRate: unknown key"],
  ["bad duration", src(`protocol: modbus\nendpoint: 127.0.0.1\ninterval: 5 sec\ntags: [{ name: t, address: "hr:0" }]`),
    'sources[0].interval: "5 sec" is not valid: expected poll interval of the source\'s tags (e.g. 250ms, 5s, 1m)'],
  ["interval too short", src(`protocol: modbus\nendpoint: 127.0.0.1\ninterval: 5ms\ntags: [{ name: t, address: "hr:0" }]`),
    "sources[0].interval: must be at least 10ms"],
  ["tag interval too short", modbus(`- { name: t, address: "hr:0", interval: 1ms }`), "sources[0].tags[0].interval: must be at least 10ms"],
  ["backoff max under min", modbus(`- { name: t, address: "hr:0" }`, "backoff: { min: 2s, max: 1s }\n"),
    "sources[0].backoff.max: must not be shorter than backoff.min (2s)"],
  ["missing policy", `link: { to: "127.0.0.1:47100", key: ./k }\n${ONE_SOURCE}`,
    'policy: is required: a crossing-policy file (relative to this file), or "allow-all" (labs only); without one the reader does not start'],
  ["missing link", `policy: allow-all\n${ONE_SOURCE}`, "link: is required"],
  ["no sources", `${HEAD}sources: []\n`, "sources: must NOT have fewer than 1 items"],
  ["no tags", src(`protocol: modbus\nendpoint: 127.0.0.1\ninterval: 1s\ntags: []`), "sources[0].tags: must NOT have fewer than 1 items"],
  ["unknown protocol", src(`protocol: profinet\nendpoint: 127.0.0.1\ninterval: 1s\ntags: [{ name: t, address: "x" }]`),
    'sources[0].protocol: must be one of "modbus", "s7", "enip", "opcua"'],
  ["bad source name", `${HEAD}sources:\n  - { name: "press 1", protocol: modbus, endpoint: h, interval: 1s, tags: [{ name: t, address: "hr:0" }] }\n`,
    'sources[0].name: "press 1" is not valid: expected source name: the first part of every tag path (letters, digits, "_", "." and "-")'],
  ["bad address", modbus(`- { name: ok, address: "hr:0" }\n- { name: t, address: "hr:x" }`),
    'sources[0].tags[1].address: modbus address "hr:x": offset "x" is not a decimal number (0..65535, optionally .BIT)'],
  ["bad s7 address", src(`protocol: s7\nendpoint: 10.0.0.5\ninterval: 1s\ntags: [{ name: t, address: "DB1,FOO4" }]`),
    'sources[0].tags[0].address: s7 address "DB1,FOO4": unknown type FOO; use X, BYTE, CHAR, INT, WORD, DINT, DWORD, REAL, LREAL or S (STRING)'],
  ["option block of another protocol", modbus(`- { name: t, address: "hr:0" }`, "s7: { rack: 0 }\n"),
    "sources[0].s7: option block for protocol s7, but this source's protocol is modbus"],
  ["bad key inside the option block", modbus(`- { name: t, address: "hr:0" }`, "modbus: { unit: 3 }\n"), 'sources[0].modbus.unit: unknown key; did you mean "unitId"?'],
  ["option rule beyond the schema", src(`protocol: s7\nendpoint: 10.0.0.5\ninterval: 1s\ns7: { localTsap: 256 }\ntags: [{ name: t, address: "DB1,REAL4" }]`),
    "sources[0].s7.remoteTsap: localTsap and remoteTsap go together (give both, or neither to use rack/slot)"],
  ["duplicate source", `${HEAD}sources:\n  - { name: a, protocol: modbus, endpoint: h, interval: 1s, tags: [{ name: t, address: "hr:0" }] }\n  - { name: a, protocol: modbus, endpoint: h, interval: 1s, tags: [{ name: t, address: "hr:0" }] }\n`,
    'sources[1].name: duplicate source name "a" (also sources[0])'],
  ["duplicate tag", modbus(`- { name: t, address: "hr:0" }\n- { name: u, address: "hr:1" }\n- { name: t, address: "hr:2" }`),
    'sources[0].tags[2].name: duplicate tag name "t" in source press1 (also tags[0])'],
  ["type required", src(`protocol: opcua\nendpoint: opc.tcp://plc:4840\ninterval: 1s\ntags: [{ name: t, address: "ns=2;i=1001" }]`),
    'sources[0].tags[0].type: is required: the address "ns=2;i=1001" does not imply a type'],
  ["type conflicts with address", modbus(`- { name: t, address: "hr:0:int16", type: float32 }`),
    "sources[0].tags[0].type: float32 conflicts with the type the address implies (int16)"],
  ["unknown type", modbus(`- { name: t, address: "hr:0", type: real }`),
    'sources[0].tags[0].type: must be one of "bool", "int16", "uint16", "int32", "uint32", "int64", "uint64", "float32", "float64", "string"; did you mean "float32"?'],
  ["scale and map", modbus(`- { name: t, address: "hr:0", scale: 2, map: { raw: [0, 10], eng: [0, 1] } }`),
    "sources[0].tags[0].map: give either scale/offset or map, not both"],
  ["offset and map", modbus(`- { name: t, address: "hr:0", offset: 2, map: { raw: [0, 10], eng: [0, 1] } }`),
    "sources[0].tags[0].map: give either scale/offset or map, not both"],
  ["map raw ends equal", modbus(`- { name: t, address: "hr:0", map: { raw: [5, 5], eng: [0, 1] } }`), "sources[0].tags[0].map.raw: the two ends must differ"],
  ["map with three numbers", modbus(`- { name: t, address: "hr:0", map: { raw: [0, 5, 9], eng: [0, 1] } }`), "sources[0].tags[0].map.raw: must NOT have more than 2 items"],
  ["range inverted", modbus(`- { name: t, address: "hr:0", range: [10, 0] }`), "sources[0].tags[0].range: expected [lo, hi] with lo < hi"],
  ["scale on a bool", modbus(`- { name: t, address: "coil:0", scale: 2 }`), "sources[0].tags[0].scale: needs a numeric tag; this tag is bool"],
  ["deadband on a string", modbus(`- { name: t, address: "hr:0:string(4)", deadband: { absolute: 1 } }`), "sources[0].tags[0].deadband: needs a numeric tag; this tag is string"],
  ["deadband both", modbus(`- { name: t, address: "hr:0", range: [0, 1], deadband: { absolute: 1, percent: 1 } }`),
    "sources[0].tags[0].deadband: give absolute or percent, not both"],
  ["percent deadband without range", modbus(`- { name: t, address: "hr:0", deadband: { percent: 1 } }`),
    "sources[0].tags[0].deadband.percent: needs an engineering range (range, or map)"],
  ["negative deadband", modbus(`- { name: t, address: "hr:0", deadband: { absolute: -1 } }`), "sources[0].tags[0].deadband.absolute: must be >= 0"],
  ["infinite scale", modbus(`- { name: t, address: "hr:0", scale: .inf }`), "sources[0].tags[0].scale: must be number"],
  ["unitId on s7", src(`protocol: s7\nendpoint: 10.0.0.5\ninterval: 1s\ntags: [{ name: t, address: "DB1,REAL4", unitId: 2 }]`),
    "sources[0].tags[0].unitId: only modbus tags take a unitId (this source is s7)"],
  ["modbus endpoint as a URL", src(`protocol: modbus\nendpoint: "opc.tcp://x:502"\ninterval: 1s\ntags: [{ name: t, address: "hr:0" }]`),
    "sources[0].endpoint: expected host[:port] for modbus"],
  ["modbus port out of range", src(`protocol: modbus\nendpoint: "10.0.0.1:70000"\ninterval: 1s\ntags: [{ name: t, address: "hr:0" }]`),
    "sources[0].endpoint: port 70000 out of range 1..65535"],
  ["opcua endpoint not a URL", src(`protocol: opcua\nendpoint: "plc:4840"\ninterval: 1s\ntags: [{ name: t, address: "ns=2;i=1", type: float64 }]`),
    "sources[0].endpoint: expected an opc.tcp://host[:port][/path] URL"],
  ["enip on another port", src(`protocol: enip\nendpoint: "10.0.0.9:502"\ninterval: 1s\ntags: [{ name: t, address: "Counter", type: int32 }]`),
    "sources[0].endpoint: EtherNet/IP uses TCP port 44818 (fixed by the client library); got port 502"],
  ["serial device without transport rtu", src(`protocol: modbus\nendpoint: /dev/ttyUSB0\ninterval: 1s\ntags: [{ name: t, address: "hr:0" }]`),
    "sources[0].endpoint: /dev/ttyUSB0 is a serial device: set modbus.transport: rtu"],
  ["transport rtu on a host", src(`protocol: modbus\nendpoint: 10.0.0.5\ninterval: 1s\nmodbus: { transport: rtu }\ntags: [{ name: t, address: "hr:0" }]`),
    "sources[0].endpoint: transport rtu needs a serial device path, e.g. /dev/ttyUSB0 (or COM3)"],
  ["RTU broadcast unit id", src(`protocol: modbus\nendpoint: 10.0.0.5:4001\ninterval: 1s\nmodbus: { transport: rtu-over-tcp, unitId: 0 }\ntags: [{ name: t, address: "hr:0" }]`),
    "sources[0].modbus.unitId: 0 is not an RTU unit id (1..247; 0 is broadcast, which never answers)"],
  ["RTU with several requests in flight", src(`protocol: modbus\nendpoint: /dev/ttyS0\ninterval: 1s\nmodbus: { transport: rtu, maxInFlight: 4 }\ntags: [{ name: t, address: "hr:0" }]`),
    "sources[0].modbus.maxInFlight: RTU carries one request at a time (its frames have no transaction id to pair replies): only transport tcp can have several in flight"],
  ["RTU with 7 data bits", src(`protocol: modbus\nendpoint: /dev/ttyS0\ninterval: 1s\nmodbus: { transport: rtu, dataBits: 7 }\ntags: [{ name: t, address: "hr:0" }]`),
    "sources[0].modbus.dataBits: RTU frames carry 8 data bits; 7 data bits is Modbus ASCII, which sluice does not speak"],
  ["two sources on one serial port with different settings", `${HEAD}sources:
  - { name: a, protocol: modbus, endpoint: /dev/ttyUSB0, interval: 1s, modbus: { transport: rtu, unitId: 1 }, tags: [{ name: t, address: "hr:0" }] }
  - { name: b, protocol: modbus, endpoint: /dev/ttyUSB0, interval: 1s, modbus: { transport: rtu, unitId: 2, baudRate: 9600 }, tags: [{ name: t, address: "hr:0" }] }
`, "sources[1].modbus: shares the line /dev/ttyUSB0 with sources[0], which needs 19200 bit/s, parity even, 8 data bits, 1 stop bits; this source asks for 9600 bit/s, parity even, 8 data bits, 1 stop bits (one line, one set of settings)"],
  ["misspelt transport", src(`protocol: modbus\nendpoint: 10.0.0.5\ninterval: 1s\nmodbus: { transport: rtu-over-tpc }\ntags: [{ name: t, address: "hr:0" }]`),
    'sources[0].modbus.transport: must be one of "tcp", "rtu-over-tcp", "rtu"; did you mean "rtu-over-tcp"?'],
  ["failuresToDown zero", modbus(`- { name: t, address: "hr:0" }`, "failuresToDown: 0\n"), "sources[0].failuresToDown: must be >= 1"],
  ["bad log level", `${HEAD}log: { level: loud }\nsources: [{ name: a, protocol: modbus, endpoint: h, interval: 1s, tags: [{ name: t, address: "hr:0" }] }]\n`,
    'log.level: must be one of "fatal", "error", "warn", "info", "debug", "trace", "silent"'],
  ["empty file", "", "(top level): file is empty"],
  ["yaml syntax", "link: [\n", "line 2, column 1: Flow sequence in block collection must be sufficiently indented and end with a ] at line 2, column 1:"],
];

void t.test("bad reader files: exact messages", async (t) => {
  for (const [name, text, want] of cases) {
    const f = write(text);
    try {
      loadReaderConfig(f);
      t.fail(`${name}: accepted`);
    } catch (e) {
      t.ok(isSluiceError(e, "SLUICE_ERR_CONFIG"), `${name}: SLUICE_ERR_CONFIG`);
      const message = (e as Error).message;
      // every error names its YAML line ("FILE:LINE: path: reason"), except where there is no node to point at
      const noLine = want.startsWith("(top level)") || want.startsWith("line ");
      t.equal(message.replace(/^([^\n]*?\.yaml):\d+: /, "$1: "), `${f}: ${want}`, name);
      if (!noLine) t.match(message, new RegExp(`^${f.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}:\\d+: `), `${name}: with the line`);
      t.equal(isSluiceError(e) ? e.exitCode : 0, 2, `${name}: exit 2`);
    }
  }
});

void t.test("an unreadable file is SLUICE_ERR_CONFIG_READ", async (t) => {
  t.throws(() => loadReaderConfig(join(dir, "nope.yaml")), { code: "SLUICE_ERR_CONFIG_READ" });
});

void t.test("a good file resolves with every default and derived value", async (t) => {
  const f = write(`${HEAD}log: { level: debug }
sources:
  - name: press1
    protocol: modbus
    endpoint: 127.0.0.1:1502
    interval: 250ms
    modbus: { unitId: 7 }
    tags:
      - { name: temp, address: "hr:0:int16", scale: 0.1, offset: -40, unit: degC, deadband: { absolute: 0.5 } }
      - { name: level, address: "ir:3:uint16", map: { raw: [0, 4000], eng: [100, 0], clamp: true }, deadband: { percent: 1 } }
      - { name: big, address: "hr:10:uint64", unitId: 3, range: [0, 1000], interval: 2s, description: "a counter" }
      - { name: run, address: "coil:0" }
  - name: line1
    protocol: opcua
    endpoint: opc.tcp://plc.example:4840/UA
    interval: 1s
    timeout: 3s
    backoff: { min: 1s, max: 1m }
    failuresToDown: 2
    rebuildAfter: 9
    tags:
      - { name: speed, address: "nsu=urn:acme;s=Line1.Speed", type: float64 }
`);
  const c = loadReaderConfig(f);
  t.equal(checkReaderFile(f), "2 sources, 5 tags");
  t.equal(c.baseDir, dir);
  t.equal(c.config.policy, "allow-all");
  t.equal(c.config.log?.level, "debug");
  t.ok(Object.isFrozen(c.sources[0]!.tags[0]), "frozen");
  const [p, l] = c.sources;
  t.match(p, { name: "press1", protocol: "modbus", intervalMs: 250, timeoutMs: 1000, backoff: { minMs: 500, maxMs: 30_000 }, failuresToDown: 3, rebuildAfter: 5 });
  t.match(p!.options, { unitId: 7, maxRegisters: 125, maxGap: 8, byteOrder: "ABCD" }, "modbus defaults filled in");
  t.match(l, { intervalMs: 1000, timeoutMs: 3000, backoff: { minMs: 1000, maxMs: 60_000 }, failuresToDown: 2, rebuildAfter: 9 });
  const [temp, level, big, run] = p!.tags;
  t.match(temp, { path: "press1/temp", rawType: "int16", type: "float64", scaling: { kind: "linear", scale: 0.1, offset: -40 }, deadband: 0.5, unit: "degC", intervalMs: 250 });
  t.equal(temp!.range, undefined);
  t.match(level, { rawType: "uint16", type: "float64", scaling: { kind: "map", raw: [0, 4000], eng: [100, 0], clamp: true }, range: [0, 100], deadband: 1 });
  t.match(big, { rawType: "uint64", type: "uint64", scaling: { kind: "none" }, range: [0, 1000], intervalMs: 2000, description: "a counter" });
  t.match(big!.address, { area: "hr", offset: 10, unitId: 3 }, "per-tag unitId merged into the address");
  t.match(run, { rawType: "bool", type: "bool", deadband: 0 });
  t.match(l!.tags[0], { path: "line1/speed", type: "float64", rawType: "float64" });
  t.equal(l!.options.pki, join(dir, "pki/opcua-client"), "opcua.pki is relative to the reader file");
  t.equal(c.tags.length, 5);
});

void t.test("RTU sources: a serial port with its line settings, and a gateway", async (t) => {
  const f = write(`${HEAD}sources:
  - { name: bus, protocol: modbus, endpoint: /dev/ttyUSB0, interval: 1s, modbus: { transport: rtu, baudRate: 9600, parity: none, stopBits: 2 }, tags: [{ name: t, address: "hr:0", unitId: 7 }] }
  - { name: gw, protocol: modbus, endpoint: "10.0.0.9:4001", interval: 1s, modbus: { transport: rtu-over-tcp }, tags: [{ name: t, address: "hr:0" }] }
`);
  const c = loadReaderConfig(f);
  t.match(c.sources[0]!.options, { transport: "rtu", baudRate: 9600, parity: "none", dataBits: 8, stopBits: 2, unitId: 1 });
  t.match(c.sources[0]!.tags[0]!.address, { unitId: 7 });
  t.match(c.sources[1]!.options, { transport: "rtu-over-tcp", baudRate: 19200, parity: "even" });
});

void t.test("a source without its option block gets the block's defaults", async (t) => {
  const f = write(modbus(`- { name: t, address: "hr:0" }`));
  t.match(loadReaderConfig(f).sources[0]!.options, { unitId: 1, maxRegisters: 125 });
});

void t.test("the config check applies the EtherNet/IP driver's own endpoint rule", async (t) => {
  const { enipEndpointError } = await import("../../../src/drivers/enip/options.js");
  const { checkReaderFile } = await import("../../../src/config/reader.js");
  for (const endpoint of ["10.0.0.9", "10.0.0.9:44818", "[::1]:44818", "10.0.0.9:502", "10.0.0.9:044818", "bad host"]) {
    const dir = t.testdir({ "r.yaml": `link: { to: "127.0.0.1:9", key: k }\npolicy: allow-all\nsources:\n  - { name: p, protocol: enip, endpoint: "${endpoint}", interval: 1s, tags: [{ name: t, address: Counter, type: int32 }] }\n` });
    let configOk = true;
    try { checkReaderFile(`${dir}/r.yaml`); } catch { configOk = false; }
    t.equal(configOk, enipEndpointError(endpoint) === undefined, `${endpoint}: config and driver agree`);
  }
});

void t.test("log.level is optional, as in the receiver: without it SLUICE_LOG_LEVEL decides", async (t) => {
  const { loadReaderConfig } = await import("../../../src/config/reader.js");
  const dir = t.testdir({ "r.yaml": `link: { to: "127.0.0.1:9", key: k }\npolicy: allow-all\nlog: {}\nsources:\n  - { name: p, protocol: modbus, endpoint: "127.0.0.1:9", interval: 1s, tags: [{ name: t, address: "hr:0" }] }\n` });
  t.equal(loadReaderConfig(`${dir}/r.yaml`).config.log?.level, undefined);
});
