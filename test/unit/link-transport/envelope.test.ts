import t from "tap";
import { HEADER_BYTES, TAG_BYTES, parseHeader, writeHeader, type Header } from "../../../src/link/transport/envelope.js";

const base: Header = {
  repair: false, auth: 0, keyId: 0xdeadbeef, sessionHi: 1_700_000_000, sessionLo: 0x12345678, seq: 2 ** 40 + 5,
  frameId: 2 ** 33 + 9, fragIndex: 3, fragCount: 7, group: 0xfffffffe, fecIndex: 5, fecK: 16, fecM: 5,
};
const dgram = (h: Header, body = 10) => {
  const b = Buffer.alloc(HEADER_BYTES + body + TAG_BYTES);
  writeHeader(b, h);
  return b;
};

void t.test("header round trip, data and repair", async (t) => {
  t.same(parseHeader(dgram(base), 1400), base);
  const rep: Header = { ...base, repair: true, auth: 1, frameId: 0, fragIndex: 0, fragCount: 0, fecIndex: 20 };
  t.same(parseHeader(dgram(rep), 1400), rep);
  t.equal(dgram(base)[0], 0x51, "magic 5, version 1 in the first byte");
});

void t.test("strict limits before anything else", async (t) => {
  t.equal(parseHeader(Buffer.alloc(0), 1400), "malformed");
  t.equal(parseHeader(dgram(base, 1400), 1400), "oversize");
  const good = dgram(base);
  t.equal(parseHeader(good.subarray(0, HEADER_BYTES + TAG_BYTES - 1), 1400), "malformed", "shorter than header + tag");
  t.equal(parseHeader(dgram(base, 0), 1400), "malformed", "empty fragment");
  const v = Buffer.from(good); v[0] = 0x52;
  t.equal(parseHeader(v, 1400), "version");
  const m = Buffer.from(good); m[0] = 0x41;
  t.equal(parseHeader(m, 1400), "malformed", "wrong magic");
  const f = Buffer.from(good); f[1] = 0x80;
  t.equal(parseHeader(f, 1400), "malformed", "reserved flag");
  const a = Buffer.from(good); a[1] = 0x04;
  t.equal(parseHeader(a, 1400), "malformed", "unknown auth algorithm");
  const r = Buffer.from(good); r[41] = 1;
  t.equal(parseHeader(r, 1400), "malformed", "reserved byte");
  const s = Buffer.from(good); s[14] = 0x01;
  t.equal(parseHeader(s, 1400), "malformed", "sequence >= 2^53");
});

void t.test("field consistency", async (t) => {
  const bad: Partial<Header>[] = [
    { fragCount: 0 }, { fragIndex: 7 }, { fragCount: 5000, fragIndex: 0 }, { fecK: 0 }, { fecK: 129 },
    { fecM: 129 }, { fecIndex: 16 }, { repair: true }, { repair: true, frameId: 0, fragIndex: 0, fragCount: 0, fecIndex: 3 },
    { repair: true, frameId: 0, fragIndex: 0, fragCount: 0, fecIndex: 21 },
  ];
  for (const b of bad) t.equal(parseHeader(dgram({ ...base, ...b }), 1400), "malformed", JSON.stringify(b));
});
