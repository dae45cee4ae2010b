/**
 * The socket-free half of the sender: turns queued frames into sealed
 * datagrams, one at a time, so the sender can pace each one (and tests can
 * produce exactly what goes on the wire without a socket).
 *
 *   push(frame) ─▶ FIFO ─▶ fragment ─▶ data datagram ─▶ take()
 *                               └─▶ FEC group ─(full | closeGroup())─▶ repair datagrams (sent first)
 */
import type { LinkKey } from "../keys.js";
import { authIndex, deriveSubkey, seal } from "./auth.js";
import { HEADER_BYTES, MAX_SEQ, TAG_BYTES, writeHeader, type AuthAlg, type Header } from "./envelope.js";
import { GroupEncoder } from "./fec/encoder.js";
import { SYMBOL_HEADER, type Fragment } from "./fec/symbol.js";
import { fragmentAt, fragmentLength, fragmentSizes } from "./fragment.js";

export interface OutboxOptions {
  key: LinkKey;
  auth: AuthAlg;
  mtu: number;
  group: number;
  repair: number;
  /** session id halves (see session.ts) */
  hi: number;
  lo: number;
  /** called when a FEC group gets its first data datagram (to arm its timer) */
  onGroupOpen?: () => void;
}

interface Current { frame: Uint8Array; frameId: number; count: number; size: number; index: number }
interface Repair { group: number; k: number; m: number; index: number; body: Uint8Array }

export class Outbox {
  readonly maxPayload: number;
  private subkey: Buffer;
  private keyId: number;
  private readonly alg: number;
  private readonly encoder: GroupEncoder;
  private readonly queue: Uint8Array[] = [];
  private qHead = 0;
  private current: Current | null = null;
  private readonly repairs: Repair[] = [];
  private seq = 0;
  private frameId = 0;
  /** frame bytes queued or partly sent */
  queuedBytes = 0;
  framesSent = 0;

  constructor(private readonly opts: OutboxOptions) {
    this.maxPayload = opts.mtu - HEADER_BYTES - TAG_BYTES - SYMBOL_HEADER;
    this.alg = authIndex(opts.auth);
    this.encoder = new GroupEncoder(opts.group, opts.repair, opts.mtu - HEADER_BYTES - TAG_BYTES);
    this.keyId = opts.key.id;
    this.subkey = deriveSubkey(opts.key, opts.auth, opts.hi, opts.lo);
  }

  setKey(key: LinkKey): void {
    this.subkey = deriveSubkey(key, this.opts.auth, this.opts.hi, this.opts.lo);
    this.keyId = key.id;
  }

  push(frame: Uint8Array): void {
    this.queue.push(frame);
    this.queuedBytes += frame.length;
  }

  get groupOpen(): boolean {
    return this.encoder.open;
  }

  /** UDP payload bytes of the next datagram; 0 when there is nothing to send. */
  nextSize(): number {
    const r = this.repairs[0];
    if (r) return HEADER_BYTES + r.body.length + TAG_BYTES;
    const c = this.current ?? this.startFrame();
    return c ? HEADER_BYTES + fragmentLength(c.frame.length, c.index, c.size) + TAG_BYTES : 0;
  }

  /** The next datagram as [header, body, tag], or null (nothing left, or sequence exhausted). */
  take(): Buffer[] | null {
    const r = this.repairs.shift();
    if (r) return this.seal({ repair: true, frameId: 0, fragIndex: 0, fragCount: 0, group: r.group, fecIndex: r.index, fecK: r.k, fecM: r.m }, r.body);
    const c = this.current ?? this.startFrame();
    if (!c) return null;
    const f: Fragment = { frameId: c.frameId, fragIndex: c.index, fragCount: c.count, bytes: fragmentAt(c.frame, c.index, c.size) };
    const { group, index } = this.encoder.next();
    const out = this.seal({ repair: false, ...f, group, fecIndex: index, fecK: this.encoder.kNominal, fecM: this.encoder.mNominal }, f.bytes);
    if (!out) return null;
    if (index === 0) this.opts.onGroupOpen?.();
    if (this.encoder.add(f)) this.closeGroup();
    if (++c.index === c.count) {
      this.current = null;
      this.queuedBytes -= c.frame.length;
      this.framesSent++;
    }
    return out;
  }

  /** Close the open FEC group now; its repair datagrams go out next. */
  closeGroup(): void {
    const g = this.encoder.close();
    if (g) g.parities.forEach((body, i) => this.repairs.push({ group: g.group, k: g.k, m: g.m, index: g.k + i, body }));
  }

  private startFrame(): Current | null {
    const frame = this.queue[this.qHead];
    if (!frame) return null;
    this.queue[this.qHead++] = undefined as never;
    if (this.qHead > 1024 && this.qHead * 2 > this.queue.length) {
      this.queue.splice(0, this.qHead); // compact the FIFO now and then
      this.qHead = 0;
    }
    const { count, size } = fragmentSizes(frame.length, this.maxPayload);
    this.current = { frame, frameId: ++this.frameId, count, size, index: 0 };
    return this.current;
  }

  private seal(fields: Omit<Header, "auth" | "keyId" | "sessionHi" | "sessionLo" | "seq">, plaintext: Uint8Array): Buffer[] | null {
    if (this.seq >= MAX_SEQ) return null; // 2^53 datagrams: centuries at any rate, but never reuse a nonce
    const seq = ++this.seq;
    const header = Buffer.allocUnsafe(HEADER_BYTES); // fresh per datagram: the socket holds it until written
    writeHeader(header, { ...fields, auth: this.alg, keyId: this.keyId, sessionHi: this.opts.hi, sessionLo: this.opts.lo, seq });
    const [body, tag] = seal(this.opts.auth, this.subkey, header, seq, plaintext);
    return [header, body, tag];
  }
}
