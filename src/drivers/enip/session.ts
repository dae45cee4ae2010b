/**
 * One EtherNet/IP explicit-messaging session to a Logix controller: our own
 * TCP socket, framed and matched here, with ethernet-ip 1.2.5 building and
 * parsing the protocol units it knows (encapsulation, CPF, Unconnected Send,
 * message router) and connection.ts the class-3 connection it lacks. The
 * library's Controller socket is not used because of its traps:
 * - a refused or reset connection is an 'error' event, and its 'close'
 *   handler throws ("Socket Transmission Failure"): both kill the process;
 * - it parses each TCP chunk as exactly one packet (a split reply throws in
 *   the data handler, cmseaton42/node-ethernet-ip#46; joined replies are lost);
 * - replies are matched to requests by service only, so a late reply after a
 *   timeout answers the next request; its 10 s timers outlive every request.
 *
 *   connect: TCP 44818 ─▶ RegisterSession ─▶ Get Attribute All (Identity, Unconnected Send to the slot)
 *            ─▶ Large Forward Open ─(refused)─▶ Forward Open ─(refused)─▶ unconnected
 *   request: connected   SendUnitData [O→T id][seq + request]      ◀─ reply with T→O id and seq
 *            unconnected SendRRData [UCMM: Unconnected Send(request)] ─ context n ◀─ reply with context n
 *   (anything else is stale: counted and dropped)
 *
 * Any failure marks the session dead and destroys the socket: the driver
 * rejects (SLUICE_ERR_DISCONNECTED / SLUICE_ERR_TIMEOUT) and the next
 * connect() builds a new session. There is no write service here.
 */
import { Socket } from "node:net";
import ethernetIp from "ethernet-ip";
import { SluiceError, errorMessage } from "../../core/errors.js";
import {
  forwardCloseRequest, forwardOpenReply, forwardOpenRequest, newConnectionParams, sendUnitData, unitDataReply,
  type OpenConnection,
} from "./connection.js";

const { encapsulation, CIP } = ethernetIp.EthernetIP;
const { MessageRouter, UnconnectedSend, EPATH } = CIP;
const { LOGICAL, PORT } = EPATH.segments;

export const ENIP_TCP_PORT = 44818;
const HEADER = 24;
const CMD_REGISTER = 0x65;
const CMD_SEND_RR_DATA = 0x6f;
const ITEM_UCMM = 0xb2;
const CONTEXT_MARK = 0x736c6963; // "slic" in the second half of the sender context
/** the backplane port of a Logix chassis */
const BACKPLANE = 1;
const MAX_BUFFERED = 1 << 17;
/** bytes of one unconnected Multiple Service Packet (ControlLogix accepts 504) */
export const UNCONNECTED_PACKET = 500;

export type SessionMode = "large" | "small" | "unconnected";
export interface ControllerIdentity { vendor: number; productCode: number; revision: string; serial: number; name: string }
export interface CipReply { service: number; generalStatusCode: number; extendedStatus: number[]; data: Buffer }

interface Waiter { match(p: Buffer): Buffer | undefined; resolve(b: Buffer): void; reject(e: SluiceError): void }

export class EnipSession {
  private sock: Socket | undefined;
  private buf: Buffer = Buffer.alloc(0);
  private session = 0;
  private context = 0;
  private waiter: Waiter | undefined;
  private dead: string | undefined;
  private conn: OpenConnection | undefined;
  private readonly route: Buffer;
  /** replies that matched no request (late replies after a timeout) */
  stale = 0;
  identity: ControllerIdentity | undefined;
  mode: SessionMode = "unconnected";
  /** the Forward Open step timed out (some devices never answer it): the driver stops asking */
  forwardOpenTimedOut = false;

  constructor(private readonly host: string, private readonly slot: number) {
    this.route = PORT.build(BACKPLANE, slot);
  }

  get connected(): boolean {
    return this.sock !== undefined && this.dead === undefined && this.session !== 0;
  }

  /** Bytes one Multiple Service Packet request or reply may have in this session. */
  get packetBytes(): number {
    return this.conn ? this.conn.size - 2 : UNCONNECTED_PACKET;
  }

  async connect(timeoutMs: number, tryConnected: boolean): Promise<ControllerIdentity> {
    const where = `${this.host}:${ENIP_TCP_PORT}`;
    const sock = new Socket();
    this.sock = sock;
    // listeners first: a refused connection must never be an unhandled 'error'
    sock.on("error", (e: NodeJS.ErrnoException) => this.fail(`enip ${where}: ${e.code ?? e.message}`));
    sock.on("close", () => this.fail(`enip ${where}: connection closed by the controller`));
    sock.on("data", (chunk: Buffer) => this.onData(chunk));
    sock.setNoDelay(true);
    await this.wait(timeoutMs, `TCP connection to ${where}`, { match: () => undefined }, () => {
      sock.connect(ENIP_TCP_PORT, this.host, () => { const w = this.waiter; this.waiter = undefined; w?.resolve(Buffer.alloc(0)); });
    });
    const reg = await this.exchange(encapsulation.registerSession(), timeoutMs, "RegisterSession");
    this.session = reg.readUInt32LE(4);
    if (this.session === 0) throw this.failWith("enip: controller returned session handle 0");

    const idPath = Buffer.concat([LOGICAL.build(LOGICAL.types.ClassID!, 0x01), LOGICAL.build(LOGICAL.types.InstanceID!, 0x01)]);
    const id = await this.request(MessageRouter.build(0x01, idPath, []), timeoutMs);
    if (id.generalStatusCode !== 0) {
      const ext = id.extendedStatus.map((x) => `0x${x.toString(16)}`).join(",");
      throw this.failWith(`enip ${where}: controller refused the identity request (CIP status 0x${id.generalStatusCode.toString(16)}${ext ? ` ext ${ext}` : ""}); check enip.slot`);
    }
    this.identity = parseIdentity(id.data);
    if (tryConnected) await this.openConnection(timeoutMs);
    return this.identity;
  }

  /** Large Forward Open, else the classic one, else stay unconnected (a refusal is an answer, not an error). */
  private async openConnection(timeoutMs: number): Promise<void> {
    for (const large of [true, false]) {
      const params = newConnectionParams(large);
      let r: CipReply;
      try {
        r = await this.unconnected(forwardOpenRequest(params, this.slot), timeoutMs, false);
      } catch (e) {
        if (this.dead !== undefined && /no reply/.test(this.dead)) this.forwardOpenTimedOut = true;
        throw e;
      }
      const otId = r.generalStatusCode === 0 ? forwardOpenReply(r.data, params) : undefined;
      if (otId !== undefined) {
        this.conn = { ...params, otId, seq: params.serial };
        this.mode = large ? "large" : "small";
        return;
      }
    }
  }

  /** Send one message router request to the controller and await its reply. */
  request(mr: Buffer, timeoutMs: number): Promise<CipReply> {
    const c = this.conn;
    if (!c) return this.unconnected(mr, timeoutMs, true);
    const seq = (c.seq = (c.seq + 1) & 0xffff);
    return this.parse(this.wait(timeoutMs, "request", { match: (p) => unitDataReply(p, c, seq) }, () => {
      this.sock!.write(sendUnitData(this.session, c, seq, mr));
    }));
  }

  /** Graceful: Forward Close, UnRegisterSession, end the socket (each wait bounded). */
  async close(): Promise<void> {
    const sock = this.sock;
    if (!sock) return;
    if (this.connected && this.conn) {
      const c = this.conn;
      this.conn = undefined;
      await this.unconnected(forwardCloseRequest(c, this.slot), 500, false).catch(() => undefined);
    }
    if (this.connected) {
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, 500);
        sock.once("close", () => { clearTimeout(t); resolve(); });
        sock.end(encapsulation.unregisterSession(this.session));
      });
    }
    this.destroy();
  }

  /** Immediate and idempotent. */
  destroy(): void {
    this.fail("enip: session closed");
    this.sock?.destroy();
    this.sock = undefined;
    this.buf = Buffer.alloc(0);
  }

  /** An unconnected request: SendRRData, wrapped in Unconnected Send to the slot when `routed`. */
  private unconnected(mr: Buffer, timeoutMs: number, routed: boolean): Promise<CipReply> {
    const body = routed ? UnconnectedSend.build(mr, this.route, Math.max(100, timeoutMs)) : mr;
    return this.parse(this.exchange(encapsulation.sendRRData(this.session, body, Math.max(1, Math.ceil(timeoutMs / 1000))), timeoutMs, "request")
      .then((raw) => {
        const items = encapsulation.CPF.parse(raw.subarray(HEADER + 6));
        const item = items.find((i) => i.TypeID === ITEM_UCMM);
        if (!item) throw new Error("no unconnected data item");
        return item.data;
      }));
  }

  private async parse(p: Promise<Buffer>): Promise<CipReply> {
    let mr: Buffer;
    try {
      mr = await p;
    } catch (e) {
      if (e instanceof SluiceError) throw e;
      throw this.failWith(`enip: malformed reply from the controller (${errorMessage(e)})`);
    }
    try {
      if (mr.length < 4) throw new Error(`${mr.length}-byte reply`);
      const r = MessageRouter.parse(mr);
      return { service: r.service, generalStatusCode: r.generalStatusCode, extendedStatus: r.extendedStatus, data: r.data };
    } catch (e) {
      throw this.failWith(`enip: malformed reply from the controller (${errorMessage(e)})`);
    }
  }

  /** Write one encapsulation packet with a fresh sender context; resolve with the matching reply packet. */
  private exchange(packet: Buffer, timeoutMs: number, what: string): Promise<Buffer> {
    const context = (this.context = (this.context + 1) >>> 0);
    packet.writeUInt32LE(context, 12);
    packet.writeUInt32LE(CONTEXT_MARK, 16);
    if (this.session !== 0) packet.writeUInt32LE(this.session, 4);
    const match = (p: Buffer) => {
      const cmd = p.readUInt16LE(0);
      return (cmd === CMD_REGISTER || cmd === CMD_SEND_RR_DATA) && p.readUInt32LE(12) === context && p.readUInt32LE(16) === CONTEXT_MARK
        ? p : undefined;
    };
    return this.wait(timeoutMs, what, { match }, () => this.sock!.write(packet));
  }

  /** One request in flight: install the waiter, run `send`, reject on timeout (which also ends the session). */
  private wait(timeoutMs: number, what: string, w: { match(p: Buffer): Buffer | undefined }, send: () => void): Promise<Buffer> {
    if (this.dead !== undefined || !this.sock) return Promise.reject(new SluiceError("SLUICE_ERR_DISCONNECTED", this.dead ?? "enip: not connected"));
    if (this.waiter) return Promise.reject(new SluiceError("SLUICE_ERR_DRIVER", "enip: a request is already in flight"));
    return new Promise<Buffer>((resolve, reject) => {
      const timer = setTimeout(() => this.fail(`enip: no reply to ${what} within ${timeoutMs} ms`, "SLUICE_ERR_TIMEOUT"), timeoutMs);
      this.waiter = {
        match: w.match,
        resolve: (b) => { clearTimeout(timer); resolve(b); },
        reject: (e) => { clearTimeout(timer); reject(e); },
      };
      send();
    });
  }

  private onData(chunk: Buffer): void {
    this.buf = this.buf.length === 0 ? chunk : Buffer.concat([this.buf, chunk]);
    if (this.buf.length > MAX_BUFFERED) { this.fail("enip: reply stream out of step (too much unframed data)"); return; }
    while (this.buf.length >= HEADER) {
      const len = this.buf.readUInt16LE(2);
      if (this.buf.length < HEADER + len) return;
      const p = Buffer.from(this.buf.subarray(0, HEADER + len));
      this.buf = this.buf.subarray(HEADER + len);
      this.onPacket(p);
      if (this.dead !== undefined) return;
    }
  }

  private onPacket(p: Buffer): void {
    const status = p.readUInt32LE(8);
    if (status !== 0) {
      this.fail(`enip: controller rejected the ${p.readUInt16LE(0) === CMD_REGISTER ? "session" : "request"} (encapsulation status 0x${status.toString(16)})`);
      return;
    }
    const w = this.waiter;
    let m: Buffer | undefined;
    try {
      m = w?.match(p);
    } catch (e) {
      this.fail(`enip: malformed reply from the controller (${errorMessage(e)})`);
      return;
    }
    if (!w || m === undefined) { this.stale++; return; }
    this.waiter = undefined;
    w.resolve(m);
  }

  private failWith(why: string): SluiceError {
    this.fail(why);
    return new SluiceError("SLUICE_ERR_DISCONNECTED", why);
  }

  /** Mark the session dead, destroy the socket, reject whoever waits. */
  private fail(why: string, code: "SLUICE_ERR_DISCONNECTED" | "SLUICE_ERR_TIMEOUT" = "SLUICE_ERR_DISCONNECTED"): void {
    if (this.dead === undefined) this.dead = why;
    const w = this.waiter;
    this.waiter = undefined;
    this.sock?.destroy();
    w?.reject(new SluiceError(code, why));
  }
}

function parseIdentity(d: Buffer): ControllerIdentity {
  if (d.length < 15) return { vendor: 0, productCode: 0, revision: "?", serial: 0, name: "" };
  const nameLen = d[14]!;
  return {
    vendor: d.readUInt16LE(0), productCode: d.readUInt16LE(4), revision: `${d[6]}.${d[7]}`,
    serial: d.readUInt32LE(10), name: d.toString("latin1", 15, Math.min(d.length, 15 + nameLen)),
  };
}
