import t from "tap";
import { countPdus } from "../../../src/drivers/s7/connection.js";
import { fixErrorItems } from "../../../src/drivers/s7/harden.js";
import { statusForReturnCode, acceptsType, convert } from "../../../src/drivers/s7/values.js";
import { Status } from "../../../src/core/status.js";

/** A read reply frame: TPKT + COTP + S7 ack-data header + params + the given items. */
function reply(items: Buffer[]): Buffer {
  const data = Buffer.concat(items);
  const s7 = Buffer.alloc(12);
  s7[0] = 0x32; s7[1] = 0x03; s7.writeUInt16BE(2, 6); s7.writeUInt16BE(data.length, 8);
  const body = Buffer.concat([Buffer.from([0x02, 0xf0, 0x80]), s7, Buffer.from([0x04, items.length]), data]);
  const tpkt = Buffer.from([0x03, 0x00, 0x00, 0x00]);
  tpkt.writeUInt16BE(body.length + 4, 2);
  return Buffer.concat([tpkt, body]);
}

void t.test("error items lose their announced data length; data items are untouched", async (t) => {
  const ok = Buffer.from([0xff, 0x04, 0x00, 0x18, 1, 2, 3, 0x00]); // 3 bytes + fill byte
  const err = Buffer.from([0x0a, 0x00, 0x00, 0x04]); // snap7: object does not exist, "length 4"
  const last = Buffer.from([0xff, 0x04, 0x00, 0x10, 9, 9]);
  const f = reply([err, ok, Buffer.from([0x05, 0x00, 0x00, 0x04]), last]);
  const before = Buffer.from(f);
  fixErrorItems(f);
  const d = 7 + 12 + 2;
  t.equal(f.readUInt16BE(d + 2), 0, "first error item length zeroed");
  t.same(f.subarray(d + 4, d + 12), ok, "data item intact");
  t.equal(f.readUInt16BE(d + 12 + 2), 0, "second error item zeroed");
  t.same(f.subarray(d + 16), last);
  t.equal(f.length, before.length);
});

void t.test("frames that are not read replies are left alone", async (t) => {
  const f = reply([Buffer.from([0x0a, 0x00, 0x00, 0x04])]);
  f[8] = 0x01; // a job, not ack-data
  const copy = Buffer.from(f);
  fixErrorItems(f);
  t.same(f, copy);
  const short = Buffer.from([0x03, 0x00, 0x00, 0x07, 0x02, 0xf0, 0x00]);
  fixErrorItems(short);
  t.same(short, Buffer.from([0x03, 0x00, 0x00, 0x07, 0x02, 0xf0, 0x00]));
});

void t.test("PDU count comes from nodes7's own packer", async (t) => {
  t.equal(countPdus([], 240), 0);
  t.equal(countPdus(["DB1,REAL0", "DB1,REAL4", "DB1,INT8"], 240), 1, "neighbours share one block");
  const scattered = Array.from({ length: 40 }, (_, i) => `DB${i + 1},INT0`);
  t.equal(countPdus(scattered, 240), 3, "19 items per 240-byte PDU");
  t.equal(countPdus(scattered, 960), 1);
  const big = Array.from({ length: 100 }, (_, i) => `DB1,REAL${i * 4}`);
  t.equal(countPdus(big, 240), 2, "400 contiguous bytes split across 240-byte replies");
});

void t.test("status for S7 item return codes", async (t) => {
  t.equal(statusForReturnCode(0x0a), Status.BadConfigurationError);
  t.equal(statusForReturnCode(0x05), Status.BadConfigurationError);
  t.equal(statusForReturnCode(0x03), Status.BadNotReadable);
  t.equal(statusForReturnCode(0x01), Status.BadDeviceFailure);
  t.equal(statusForReturnCode(undefined), Status.BadDeviceFailure);
});

void t.test("declared types: implied one and lossless widenings only", async (t) => {
  t.ok(acceptsType("INT", "int16"));
  t.ok(acceptsType("INT", "float64"));
  t.notOk(acceptsType("DINT", "int16"));
  t.notOk(acceptsType("REAL", "int32"));
  t.notOk(acceptsType("X", "int16"));
  t.ok(acceptsType("DWORD", "uint64"));
  t.equal(convert(5, "int64"), 5n);
  t.equal(convert(true, "bool"), true);
  t.equal(convert("a", "int16"), undefined);
  t.equal(convert(1.5, "float64"), 1.5);
});
