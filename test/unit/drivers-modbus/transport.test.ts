import t from "tap";
import { ModbusException, ModbusTcpTransport } from "../../../src/drivers/modbus/transport.js";
import { adu, exceptionReply, honest, reply, startFake, type FakeServer } from "../../fixtures/modbus-fake.js";
import { isSluiceError } from "../../../src/core/errors.js";

type Tap = Parameters<Parameters<typeof t.test>[0]>[0];

async function setup(t: Tap, timeoutMs = 300): Promise<{ fake: FakeServer; tr: ModbusTcpTransport }> {
  const fake = await startFake();
  const tr = new ModbusTcpTransport("127.0.0.1", fake.port, timeoutMs);
  t.teardown(async () => { tr.destroy(); await fake.close(); });
  await tr.connect();
  return { fake, tr };
}

async function until(cond: () => boolean, what: string, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

async function rejection(p: Promise<unknown>): Promise<Error> {
  try {
    await p;
  } catch (e) {
    return e as Error;
  }
  throw new Error("expected a rejection");
}

void t.test("registers and bits come back as the raw data bytes", async (t) => {
  const { tr } = await setup(t);
  t.same([...(await tr.request(1, 3, 10, 2))], [0, 10, 0, 11]);
  t.same([...(await tr.request(1, 4, 0x1234, 1))], [0x12, 0x34]);
  t.same([...(await tr.request(1, 1, 0, 10))], [0b10101010, 0b10], "10 bits in 2 bytes");
  t.equal(tr.requests, 3);
});

void t.test("a reply split into single bytes is reassembled", async (t) => {
  const { fake, tr } = await setup(t);
  fake.handler = (req, sock) => {
    const r = reply(req);
    let i = 0;
    const next = () => { if (i < r.length) { sock.write(r.subarray(i, ++i)); setImmediate(next); } };
    next();
  };
  t.same([...(await tr.request(1, 3, 7, 3))], [0, 7, 0, 8, 0, 9]);
});

void t.test("an exception response rejects that request only; the connection stays up", async (t) => {
  const { fake, tr } = await setup(t);
  fake.handler = (req, sock) => sock.write(req.start === 99 ? exceptionReply(req, 2) : reply(req));
  const e = await rejection(tr.request(1, 3, 99, 1));
  t.ok(e instanceof ModbusException);
  t.equal((e as ModbusException).exceptionCode, 2);
  t.match(e.message, /illegal data address/);
  t.ok(tr.connected);
  t.same([...(await tr.request(1, 3, 1, 1))], [0, 1]);
  t.equal(fake.connections, 1);
});

void t.test("no reply within the timeout: SLUICE_ERR_TIMEOUT, socket dropped, a late reply is never read", async (t) => {
  const { fake, tr } = await setup(t, 200);
  let held: (() => void) | undefined;
  fake.handler = (req, sock) => {
    if (fake.connections === 1) held = () => sock.write(reply(req)); // first connection: answer only later
    else honest(req, sock);
  };
  const e = await rejection(tr.request(1, 3, 500, 1));
  t.ok(isSluiceError(e, "SLUICE_ERR_TIMEOUT"), e.message);
  t.notOk(tr.connected, "socket dropped");
  await until(() => fake.open.size === 0, "server sees the close");
  held?.(); // the late reply goes to a closed socket
  await tr.connect();
  t.same([...(await tr.request(1, 3, 42, 1))], [0, 42], "fresh connection, fresh answer");
  t.equal(fake.connections, 2);
});

const OUT_OF_STEP: [string, (req: Parameters<typeof reply>[0]) => Buffer, RegExp][] = [
  ["a reply to an older transaction", (req) => reply(req, { tid: (req.tid - 1) & 0xffff }), /transaction id \d+ does not match request \d+/],
  ["a reply from another unit", (req) => reply(req, { unit: req.unit + 1 }), /reply from unit 2 to a request for unit 1/],
  ["a reply to another function", (req) => reply(req, { fc: 4 }), /reply function 4 to request function 3/],
  ["a wrong byte count", (req) => reply(req, { byteCount: 4 }), /data bytes, expected 2/],
  ["a malformed header", () => Buffer.from([0, 1, 0, 9, 0, 5, 1, 3, 2, 0, 0]), /malformed MBAP header/],
  ["a length past the PDU limit", () => adu(1, 1, Buffer.alloc(300)), /malformed MBAP header/],
];

for (const [what, bad, reason] of OUT_OF_STEP) {
  void t.test(`${what}: the socket is dropped and the request rejected`, async (t) => {
    const { fake, tr } = await setup(t, 2000);
    fake.handler = (req, sock) => sock.write(bad(req));
    const e = await rejection(tr.request(1, 3, 0, 1));
    t.ok(isSluiceError(e, "SLUICE_ERR_DISCONNECTED"), e.message);
    t.match(e.message, reason);
    t.notOk(tr.connected);
    await until(() => fake.open.size === 0, "server sees the close");
  });
}

void t.test("two replies to one request: the extra one is unsolicited and drops the socket", async (t) => {
  const { fake, tr } = await setup(t, 2000);
  fake.handler = (req, sock) => sock.write(Buffer.concat([reply(req), reply(req)]));
  t.same([...(await tr.request(1, 3, 5, 1))], [0, 5], "the first reply answers");
  await until(() => !tr.connected, "socket dropped");
  const e = await rejection(tr.request(1, 3, 5, 1));
  t.ok(isSluiceError(e, "SLUICE_ERR_DISCONNECTED"));
});

void t.test("the device closing the connection rejects the request in flight and later ones", async (t) => {
  const { fake, tr } = await setup(t, 5000);
  fake.handler = (_req, sock) => sock.destroy();
  const e = await rejection(tr.request(1, 3, 0, 1));
  t.ok(isSluiceError(e, "SLUICE_ERR_DISCONNECTED"), e.message);
  t.match(e.message, /closed by the device/);
  t.ok(isSluiceError(await rejection(tr.request(1, 3, 0, 1)), "SLUICE_ERR_DISCONNECTED"));
});

void t.test("connect to a closed port rejects SLUICE_ERR_DISCONNECTED", async (t) => {
  const fake = await startFake();
  const port = fake.port;
  await fake.close();
  const tr = new ModbusTcpTransport("127.0.0.1", port, 1000);
  const e = await rejection(tr.connect());
  t.ok(isSluiceError(e, "SLUICE_ERR_DISCONNECTED"), e.message);
  t.match(e.message, /ECONNREFUSED/);
  t.notOk(tr.connected);
});

void t.test("close waits for the request in flight, then ends; close and destroy are idempotent", async (t) => {
  const { fake, tr } = await setup(t, 2000);
  fake.handler = (req, sock) => setTimeout(() => sock.write(reply(req)), 50);
  const inFlight = tr.request(1, 3, 3, 1);
  const closing = tr.close();
  t.same([...(await inFlight)], [0, 3], "the request in flight completes");
  await closing;
  t.notOk(tr.connected);
  await tr.close();
  tr.destroy();
  tr.destroy();
  await until(() => fake.open.size === 0, "server sees the close");
  t.ok(isSluiceError(await rejection(tr.request(1, 3, 0, 1)), "SLUICE_ERR_DISCONNECTED"));
});

void t.test("destroy rejects the request in flight at once", async (t) => {
  const { fake, tr } = await setup(t, 5000);
  fake.handler = () => undefined;
  const p = tr.request(1, 3, 0, 1);
  tr.destroy();
  t.ok(isSluiceError(await rejection(p), "SLUICE_ERR_CLOSED"));
});

void t.test("one request in flight at a time", async (t) => {
  const { fake, tr } = await setup(t, 2000);
  fake.handler = (req, sock) => setTimeout(() => sock.write(reply(req)), 20);
  const first = tr.request(1, 3, 0, 1);
  t.ok(isSluiceError(await rejection(tr.request(1, 3, 1, 1)), "SLUICE_ERR_DRIVER"));
  await first;
});

async function pipelined(t: Tap, maxInFlight: number, timeoutMs = 2000): Promise<{ fake: FakeServer; tr: ModbusTcpTransport }> {
  const fake = await startFake();
  const tr = new ModbusTcpTransport("127.0.0.1", fake.port, timeoutMs, maxInFlight);
  t.teardown(async () => { tr.destroy(); await fake.close(); });
  await tr.connect();
  return { fake, tr };
}

void t.test("maxInFlight 4: requests made together leave in one write; replies pair by transaction id, in any order", async (t) => {
  const { fake, tr } = await pipelined(t, 4);
  const held: (() => void)[] = [];
  fake.handler = (req, sock) => {
    held.push(() => sock.write(reply(req)));
    if (held.length === 4) for (const send of held.splice(0).reverse()) send(); // newest first
  };
  const chunks = fake.chunks;
  const got = await Promise.all([0, 10, 20, 30].map((start) => tr.request(1, 3, start, 2)));
  t.same(got.map((b) => [...b]), [[0, 0, 0, 1], [0, 10, 0, 11], [0, 20, 0, 21], [0, 30, 0, 31]], "each request gets its own reply");
  t.equal(fake.chunks - chunks, 1, "four requests, one write");
  t.equal(tr.requests, 4);

  fake.handler = honest;
  const five = [0, 1, 2, 3, 4].map((start) => tr.request(1, 3, start, 1));
  const fifth = await rejection(five[4]!);
  t.ok(isSluiceError(fifth, "SLUICE_ERR_DRIVER"), fifth.message);
  t.match(fifth.message, /4 requests are already in flight/);
  t.same((await Promise.all(five.slice(0, 4))).map((b) => b.readUInt16BE(0)), [0, 1, 2, 3], "the four in flight are answered");
});

void t.test("maxInFlight: a reply that answers none in flight, or a timeout, rejects every request in flight", async (t) => {
  const { fake, tr } = await pipelined(t, 3, 300);
  let n = 0;
  fake.handler = (req, sock) => { if (++n === 3) sock.write(reply(req, { tid: (req.tid + 100) & 0xffff })); };
  const errs = await Promise.all([0, 1, 2].map((s) => rejection(tr.request(1, 3, s, 1))));
  for (const e of errs) t.ok(isSluiceError(e, "SLUICE_ERR_DISCONNECTED"), e.message);
  t.match(errs[0]!.message, /does not match request \d+, \d+, \d+/);
  t.notOk(tr.connected);

  await tr.connect();
  fake.handler = () => undefined; // silence
  const late = await Promise.all([0, 1].map((s) => rejection(tr.request(1, 3, s, 1))));
  for (const e of late) t.ok(isSluiceError(e, "SLUICE_ERR_TIMEOUT"), e.message);
});
