import t from "tap";
import {
  buildMsp, decodeValue, pack, readRequest, splitMspReply, statusForCip, toPointValue, type ReadRequest,
} from "../../../src/drivers/enip/cip.js";
import { Status } from "../../../src/core/status.js";
import { encodeValue, type CipTypeName } from "../../../src/demo/sim/enip/tags.js";

/** an MSP reply as a controller builds it */
function mspReply(services: Buffer[], status = 0): { service: number; generalStatusCode: number; data: Buffer } {
  const head = Buffer.alloc(2 + 2 * services.length);
  head.writeUInt16LE(services.length, 0);
  let off = head.length;
  services.forEach((s, i) => { head.writeUInt16LE(off, 2 + 2 * i); off += s.length; });
  return { service: 0x8a, generalStatusCode: status, data: Buffer.concat([head, ...services]) };
}
const ok = (body: Buffer) => Buffer.concat([Buffer.from([0xcc, 0, 0, 0]), body]);
const err = (status: number, ext: number[] = []) => {
  const b = Buffer.alloc(4 + 2 * ext.length);
  b[0] = 0xcc; b[2] = status; b[3] = ext.length;
  ext.forEach((e, i) => b.writeUInt16LE(e, 4 + 2 * i));
  return b;
};

void t.test("packing respects maxPacket for requests and replies", async (t) => {
  const reqs: ReadRequest[] = Array.from({ length: 1000 }, (_, i) => readRequest(`Tag${String(i).padStart(4, "0")}`, ["int32"]));
  for (const max of [128, 300, 500, 504]) {
    const packets = pack(reqs, max);
    t.same(packets.flatMap((p) => p.members), reqs.map((_, i) => i), `${max}: every request once, in order`);
    for (const p of packets) {
      t.ok(p.mr.length <= max, `${max}: request ${p.mr.length} bytes fits`);
      const reply = 6 + p.members.reduce((n, i) => n + 2 + reqs[i]!.replyBytes, 0);
      t.ok(reply <= max, `${max}: reply estimate ${reply} fits`);
    }
    if (max === 500) t.equal(packets.length, 34, "1,000 short tags at 500 bytes: 34 round trips");
  }
  const strings = Array.from({ length: 10 }, (_, i) => readRequest(`S${i}`, ["string"]));
  t.equal(pack(strings, 500).length, 2, "STRING replies are large: 5 per packet");
  t.equal(pack([], 500).length, 0);
});

void t.test("an MSP request is the message router 2/1 with offsets", async (t) => {
  const a = readRequest("A", ["int16"]).mr;
  const b = readRequest("Program:Main.Speed", ["float32"]).mr;
  const m = buildMsp([a, b]);
  t.same([...m.subarray(0, 6)], [0x0a, 0x02, 0x20, 0x02, 0x24, 0x01]);
  t.equal(m.readUInt16LE(6), 2);
  t.equal(m.readUInt16LE(8), 6);
  t.equal(m.readUInt16LE(10), 6 + a.length);
  t.same(m.subarray(6 + 6), Buffer.concat([a, b]));
  t.same([...a.subarray(0, 5)], [0x4c, 0x02, 0x91, 0x01, 0x41], "Read Tag, 2-word path, ANSI symbolic segment padded");
  t.same([...readRequest("Recipe[3]", ["int32"]).mr], [0x4c, 0x05, 0x91, 0x06, ...Buffer.from("Recipe"), 0x28, 0x03, 0x01, 0x00]);
});

void t.test("MSP replies split per service; status 0x1E keeps the good ones", async (t) => {
  const r = mspReply([ok(encodeValue("DINT", 7)), err(0x05), ok(encodeValue("REAL", 1.5))], 0x1e);
  const s = splitMspReply(r, 3)!;
  t.equal(s.length, 3);
  t.same(decodeValue(s[0]!.data), { type: "DINT", value: 7 });
  t.equal(s[1]!.status, 5);
  t.same(decodeValue(s[2]!.data), { type: "REAL", value: 1.5 });
  t.equal(splitMspReply(r, 2), undefined, "count mismatch");
  t.equal(splitMspReply({ ...r, service: 0xcc }, 3), undefined, "not an MSP reply");
  t.equal(splitMspReply({ service: 0x8a, generalStatusCode: 0x08, data: Buffer.alloc(0) }, 3), undefined, "MSP refused");
  const broken = mspReply([ok(encodeValue("DINT", 7))]);
  broken.data.writeUInt16LE(400, 2);
  t.equal(splitMspReply(broken, 1), undefined, "offset outside the reply");
  const ext = splitMspReply(mspReply([err(0xff, [0x2105])], 0x1e), 1)!;
  t.same(ext[0]!.ext, [0x2105]);
});

void t.test("every Logix type decodes; widening is lossless, narrowing refused", async (t) => {
  const cases: [CipTypeName, boolean | number | bigint | string][] = [
    ["BOOL", true], ["SINT", -5], ["INT", -1234], ["DINT", -123456789], ["LINT", -9007199254740993n],
    ["USINT", 200], ["UINT", 60000], ["UDINT", 4000000000], ["ULINT", 18446744073709551615n],
    ["REAL", 3.5], ["LREAL", 2.718281828459045], ["DWORD", 0xdeadbeef], ["STRING", "sluice"],
  ];
  for (const [type, value] of cases) t.same(decodeValue(encodeValue(type, value)), { type, value }, type);
  t.equal(decodeValue(Buffer.from([0xa0, 0x02, 0x34, 0x12, 0, 0, 0, 0])), undefined, "a UDT other than STRING");
  t.equal(decodeValue(Buffer.from([0xc4, 0x00, 1])), undefined, "short value");
  const d = (type: CipTypeName, v: number | bigint | boolean | string) => decodeValue(encodeValue(type, v))!;
  t.equal(toPointValue(d("SINT", -5), "int16", null), -5);
  t.equal(toPointValue(d("INT", -5), "int32", null), -5);
  t.equal(toPointValue(d("DINT", -5), "int64", null), -5n);
  t.equal(toPointValue(d("REAL", 1.5), "float64", null), 1.5);
  t.equal(toPointValue(d("DINT", 5), "int16", null), undefined, "narrowing");
  t.equal(toPointValue(d("REAL", 1.5), "int32", null), undefined);
  t.equal(toPointValue(d("UDINT", 5), "int32", null), undefined, "sign change");
  t.equal(toPointValue(d("DINT", 0b1010), "bool", 3), true);
  t.equal(toPointValue(d("DINT", 0b1010), "bool", 2), false);
  t.equal(toPointValue(d("DINT", -1), "bool", 31), true, "sign bit");
  t.equal(toPointValue(d("LINT", 1n << 40n), "bool", 40), true, "bits of a LINT reach 63");
  t.equal(toPointValue(d("SINT", 1), "bool", 9), undefined, "beyond the width");
  t.equal(toPointValue(d("REAL", 1), "bool", 0), undefined, "bits of a REAL");
  t.equal(toPointValue(d("DINT", 1), "int32", 0), undefined, "a bit must be declared bool");
});

void t.test("CIP status to OPC UA status", async (t) => {
  t.equal(statusForCip(0x05), Status.BadConfigurationError, "unknown tag");
  t.equal(statusForCip(0x04), Status.BadConfigurationError);
  t.equal(statusForCip(0xff, [0x2105]), Status.BadConfigurationError, "index beyond the end");
  t.equal(statusForCip(0xff, [0x1234]), Status.BadDeviceFailure);
  t.equal(statusForCip(0x06), Status.BadTypeMismatch);
  t.equal(statusForCip(0x08), Status.BadNotReadable);
  t.equal(statusForCip(0x0f), Status.BadUserAccessDenied);
  t.equal(statusForCip(0x1e), Status.BadDeviceFailure);
});
