/**
 * Guards around nodes7 0.3.18's network input, applied to each client:
 *
 *   socket chunks ─▶ whole TPKT frames ─▶ fixErrorItems ─▶ nodes7 onResponse (try/catch)
 *   onISOConnectReply / onPDUReply / packetTimeout ─▶ (try/catch)
 *
 * nodes7 assumes one packet per 'data' chunk, and anything its parsers throw
 * inside a socket or timer callback would end the process. A throw here
 * means the stream can no longer be trusted: `fail` tears the connection down.
 */
import NodeS7 from "nodes7";
import { errorMessage } from "../../core/errors.js";

/**
 * Wrap the nodes7 methods that run on network input or timers so nothing they
 * throw escapes into the event loop, and feed onResponse whole TPKT frames.
 */
export function harden(c: NodeS7, fail: (why: string) => void): void {
  const proto = NodeS7.prototype;
  const guard = (name: "onISOConnectReply" | "onPDUReply" | "packetTimeout") => {
    const orig = proto[name] as (...a: unknown[]) => void;
    (c as unknown as Record<string, unknown>)[name] = function (this: NodeS7, ...args: unknown[]) {
      try { orig.apply(this, args); } catch (e) { fail(`s7: malformed reply from the PLC (${errorMessage(e)})`); }
    };
  };
  guard("onISOConnectReply");
  guard("onPDUReply");
  guard("packetTimeout");
  let buf: Buffer = Buffer.alloc(0);
  c.onResponse = function (this: NodeS7, chunk: Buffer) {
    buf = buf.length === 0 ? chunk : Buffer.concat([buf, chunk]);
    while (buf.length >= 4) {
      if (buf[0] !== 0x03) { buf = Buffer.alloc(0); fail("s7: reply is not ISO-on-TCP (TPKT)"); return; }
      const len = buf.readUInt16BE(2);
      if (len < 7) { buf = Buffer.alloc(0); fail("s7: malformed TPKT length"); return; }
      if (buf.length < len) return;
      const frame = Buffer.from(buf.subarray(0, len));
      buf = buf.subarray(len);
      try {
        fixErrorItems(frame);
        proto.onResponse.call(this, frame);
      } catch (e) {
        fail(`s7: malformed reply from the PLC (${errorMessage(e)})`);
        return;
      }
    }
  };
}

/**
 * In a read reply (ROSCTR 3, function 0x04), give every error item (return
 * code other than 0xFF) a data length of 0: error items carry no data, but
 * some servers (snap7) announce 4, which derails nodes7's item walk.
 */
export function fixErrorItems(f: Buffer): void {
  // TPKT(4) COTP(3: len 02, f0, 80) then S7 header (12 for ack-data)
  if (f.length < 4 + 3 + 12 + 2 || f[5] !== 0xf0 || f[7] !== 0x32 || f[8] !== 0x03) return;
  const s7 = 7;
  const paramLen = f.readUInt16BE(s7 + 6);
  const params = s7 + 12;
  if (paramLen < 2 || f[params] !== 0x04) return;
  const count = f[params + 1]!;
  let p = params + paramLen;
  for (let i = 0; i < count && p + 4 <= f.length; i++) {
    const ret = f[p]!;
    const ts = f[p + 1]!;
    if (ret !== 0xff) {
      f.writeUInt16BE(0, p + 2);
      p += 4;
      continue;
    }
    const raw = f.readUInt16BE(p + 2);
    const bytes = ts === 0x03 || ts === 0x04 || ts === 0x05 ? Math.ceil(raw / 8) : raw;
    p += 4 + bytes + (i < count - 1 && bytes % 2 === 1 ? 1 : 0);
  }
}
