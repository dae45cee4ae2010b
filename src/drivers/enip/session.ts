/**
 * One EtherNet/IP explicit-messaging session to a Logix controller: our own
 * TCP socket, framed and matched here, with ethernet-ip 1.2.5 building and
 * parsing every protocol unit (encapsulation, CPF, Unconnected Send, message
 * router). The library's Controller socket is not used because of its traps:
 * - a refused or reset connection is an 'error' event, and its 'close'
 *   handler throws ("Socket Transmission Failure"): both kill the process;
 * - it parses each TCP chunk as exactly one packet (a split reply throws in
 *   the data handler, cmseaton42/node-ethernet-ip#46; joined replies are lost);
 * - replies are matched to requests by service only, so a late reply after a
 *   timeout answers the next request; its 10 s timers outlive every request.
 *
 *   connect: TCP 44818 ─▶ RegisterSession ─▶ Get Attribute All (Identity 1/1 via Unconnected Send to slot)
 *   request: SendRRData [null address, UCMM: Unconnected Send(request, backplane/slot)] ─ context n ─▶
 *            ◀─ reply with context n (others are stale: counted, dropped) ─ frame reader ◀─ socket
 *
 * Any failure marks the session dead and destroys the socket: the driver
 * rejects (SLUICE_ERR_DISCONNECTED / SLUICE_ERR_TIMEOUT) and the next
 * connect() builds a new session. There is no write service here.
 */
import { Socket } from "node:net";
import ethernetIp from "ethernet-ip";
import { SluiceError, errorMessage } from "../../core/errors.js";

const { encapsulation, CIP } = ethernetIp.EthernetIP;
const { MessageRouter, UnconnectedSend, EPATH } = CIP;
const { LOGICAL, PORT } = EPATH.segments;

export const ENIP_TCP_PORT = 44818;
const HEADER = 24;
const CMD_REGISTER = 0x65;
const CMD_SEND_RR_DATA = 0x6f;
const ITEM_UCMM = 0xb2;
/** the backplane port of a Logix chassis */
const BACKPLANE = 1;
const MAX_BUFFERED = 1 << 17;

export interface ControllerIdentity { vendor: number; productCode: number; revision: string; serial: number; name: string }
export interface CipReply { service: number; generalStatusCode: number; extendedStatus: number[]; data: Buffer }

interface Waiter { context: number; resolve(b: Buffer): void; reject(e: SluiceError): void; timer: NodeJS.Timeout }

export class EnipSession {
  private sock: Socket | undefined;
  private buf: Buffer = Buffer.alloc(0);
  private session = 0;
  private context = 0;
  private waiter: Waiter | undefined;
  private dead: string | undefined;
  private readonly route: Buffer;
  /** replies that matched no request (late replies after a timeout) */
  stale = 0;
  identity: ControllerIdentity | undefined;

  constructor(private readonly host: string, slot: number) {
    this.route = PORT.build(BACKPLANE, slot);
  }

  get connected(): boolean {
    return this.sock !== undefined && this.dead === undefined && this.session !== 0;
  }

  async connect(timeoutMs: number): Promise<ControllerIdentity> {
    const where = `${this.host}:${ENIP_TCP_PORT}`;
    const sock = new Socket();
    this.sock = sock;
    // listeners first: a refused connection must never be an unhandled 'error'
    sock.on("error", (e: NodeJS.ErrnoException) => this.fail(`enip ${where}: ${e.code ?? e.message}`));
    sock.on("close", () => this.fail(`enip ${where}: connection closed by the controller`));
    sock.on("data", (chunk: Buffer) => this.onData(chunk));
    sock.setNoDelay(true);
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => { this.fail(`enip ${where}: no TCP connection within ${timeoutMs} ms`, "SLUICE_ERR_TIMEOUT"); }, timeoutMs);
      this.waiter = {
        context: -1, timer,
        resolve: () => { clearTimeout(timer); resolve(); },
        reject: (e) => { clearTimeout(timer); reject(e); },
      };
      sock.connect(ENIP_TCP_PORT, this.host, () => {
        const w = this.waiter;
        this.waiter = undefined;
        w?.resolve(Buffer.alloc(0));
      });
    });
    const reg = await this.exchange(encapsulation.registerSession(), 0, timeoutMs, "RegisterSession");
    this.session = reg.readUInt32LE(4);
    if (this.session === 0) throw this.failWith("enip: controller returned session handle 0");

    const idPath = Buffer.concat([LOGICAL.build(LOGICAL.types.ClassID!, 0x01), LOGICAL.build(LOGICAL.types.InstanceID!, 0x01)]);
    const id = await this.request(MessageRouter.build(0x01, idPath, []), timeoutMs);
    if (id.generalStatusCode !== 0) {
      const ext = id.extendedStatus.map((x) => `0x${x.toString(16)}`).join(",");
      throw this.failWith(`enip ${where}: controller refused the identity request (CIP status 0x${id.generalStatusCode.toString(16)}${ext ? ` ext ${ext}` : ""}); check enip.slot`);
    }
    this.identity = parseIdentity(id.data);
    return this.identity;
  }

  /** Send one message router request to the controller (Unconnected Send to the slot) and await its reply. */
  async request(mr: Buffer, timeoutMs: number): Promise<CipReply> {
    const ucmm = UnconnectedSend.build(mr, this.route, Math.max(100, timeoutMs));
    const packet = encapsulation.sendRRData(this.session, ucmm, Math.max(1, Math.ceil(timeoutMs / 1000)));
    const raw = await this.exchange(packet, this.session, timeoutMs, "request");
    try {
      const h = encapsulation.header.parse(raw);
      const items = encapsulation.CPF.parse(h.data.subarray(6));
      const item = items.find((i) => i.TypeID === ITEM_UCMM);
      if (!item || item.data.length < 4) throw new Error("no unconnected data item");
      const r = MessageRouter.parse(item.data);
      return { service: r.service, generalStatusCode: r.generalStatusCode, extendedStatus: r.extendedStatus, data: r.data };
    } catch (e) {
      throw this.failWith(`enip: malformed reply from the controller (${errorMessage(e)})`);
    }
  }

  /** Graceful: UnRegisterSession, then end the socket (bounded wait). */
  async close(): Promise<void> {
    const sock = this.sock;
    if (!sock) return;
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

  /** Write one encapsulation packet with a fresh sender context; resolve with the matching reply packet. */
  private exchange(packet: Buffer, session: number, timeoutMs: number, what: string): Promise<Buffer> {
    if (this.dead !== undefined || !this.sock) return Promise.reject(new SluiceError("SLUICE_ERR_DISCONNECTED", this.dead ?? "enip: not connected"));
    if (this.waiter) return Promise.reject(new SluiceError("SLUICE_ERR_DRIVER", "enip: a request is already in flight"));
    const context = (this.context = (this.context + 1) >>> 0);
    packet.writeUInt32LE(context, 12);
    packet.writeUInt32LE(0x736c6963, 16); // "slic": our requests
    if (session !== 0) packet.writeUInt32LE(session, 4);
    return new Promise<Buffer>((resolve, reject) => {
      const timer = setTimeout(() => this.fail(`enip: no reply to ${what} within ${timeoutMs} ms`, "SLUICE_ERR_TIMEOUT"), timeoutMs);
      this.waiter = {
        context, timer,
        resolve: (b) => { clearTimeout(timer); resolve(b); },
        reject: (e) => { clearTimeout(timer); reject(e); },
      };
      this.sock!.write(packet);
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
    const command = p.readUInt16LE(0);
    const status = p.readUInt32LE(8);
    const context = p.readUInt32LE(12);
    const w = this.waiter;
    if (!w || context !== w.context || p.readUInt32LE(16) !== 0x736c6963) { this.stale++; return; }
    if (command !== CMD_REGISTER && command !== CMD_SEND_RR_DATA) { this.stale++; return; }
    if (status !== 0) {
      this.fail(`enip: controller rejected the ${command === CMD_REGISTER ? "session" : "request"} (encapsulation status 0x${status.toString(16)})`);
      return;
    }
    this.waiter = undefined;
    w.resolve(p);
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
