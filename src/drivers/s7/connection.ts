/**
 * One hardened nodes7 connection. nodes7 0.3.18 does the S7 work (ISO-on-TCP,
 * PDU negotiation, packing items into PDUs, parallel jobs); this wrapper
 * closes its traps so that a PLC reset or a quirky peer costs one failed read,
 * never a hung reader or a crashed process:
 *
 *   socket ─▶ TPKT reassembly ─▶ error-item fix-up ─▶ nodes7 onResponse (guarded)
 *                                                            │
 *   read(items) ─▶ readAllItems ─▶ callback ─▶ per-item quality + S7 return code
 *        └─ watchdog: no callback in time ─▶ destroy ─▶ SLUICE_ERR_TIMEOUT
 *
 * - nodes7 parses each 'data' chunk as whole packets; TCP may split or join
 *   them, so complete TPKT frames are cut out first (harden.ts).
 * - A read reply whose error item announces a data length (snap7 sends 4 for
 *   "object does not exist") sends nodes7's parser to a fractional offset and
 *   it throws inside the socket handler, which kills the process; error items
 *   carry no data, so their length is set to 0 before nodes7 sees them, and
 *   every nodes7 entry point that parses network input runs in a try/catch.
 * - nodes7 reconnects on its own from timers and, after a PLC reset, can keep
 *   re-scheduling a read that never calls back (plcpeople/nodeS7#88, #132).
 *   The scheduler owns reconnects here: destroy() stops every nodes7 timer,
 *   disables its reconnect, and the next connect() builds a fresh client.
 * There is no write call anywhere (security invariant 3).
 */
import NodeS7 from "nodes7";
import { SluiceError, errorMessage } from "../../core/errors.js";
import { harden } from "./harden.js";

export interface S7ConnectParams {
  host: string;
  port: number;
  rack: number;
  slot: number;
  localTsap?: number | undefined;
  remoteTsap?: number | undefined;
  maxPdu?: number | undefined;
}

/** What one read returns for one nodes7 address. */
export interface S7ItemResult {
  ok: boolean;
  value: unknown;
  /** the S7 item return code when the PLC refused the item (0x0A object does not exist, 0x05 out of range, ...) */
  returnCode: number | undefined;
}

const noop = (): void => undefined;

/** nodes7's prepared read state for one item set, kept so alternating plans do not re-prepare every read. */
interface Prepared { polled: NodeS7.Item[]; blocks: NodeS7.Block[]; packets: NodeS7.Packet[] }
const MAX_PREPARED = 32;

export class S7Connection {
  private conn: NodeS7 | undefined;
  private items: readonly string[] | undefined;
  private readonly prepared = new Map<readonly string[], Prepared>();
  private pending: ((e: SluiceError) => void) | undefined;
  private connecting: ((e: SluiceError) => void) | undefined;
  private broken: string | undefined;

  /** PDU size negotiated with the PLC, or undefined before connect. */
  get pdu(): number | undefined {
    return this.conn?.isoConnectionState === 4 ? this.conn.maxPDU : undefined;
  }
  get parallel(): number {
    return this.conn?.maxParallel ?? 1;
  }
  get connected(): boolean {
    return this.conn !== undefined && this.broken === undefined && this.conn.isoConnectionState === 4;
  }

  connect(p: S7ConnectParams, timeoutMs: number): Promise<void> {
    this.destroy();
    const c = new NodeS7({ silent: true });
    harden(c, (why) => this.fail(why));
    if (p.maxPdu !== undefined) c.requestMaxPDU = p.maxPdu;
    this.conn = c;
    this.items = undefined;
    this.broken = undefined;
    const where = `${p.host}:${p.port}`;
    return new Promise<void>((resolve, reject) => {
      let done = false;
      const finish = (err?: SluiceError) => {
        if (done) return;
        done = true;
        this.connecting = undefined;
        clearTimeout(timer);
        if (err) {
          if (this.conn === c) this.destroy();
          reject(err);
        } else resolve();
      };
      // nodes7 never calls back when the ISO or PDU step times out: our own deadline
      const timer = setTimeout(() => finish(new SluiceError("SLUICE_ERR_TIMEOUT", `s7 ${where}: no connection within ${timeoutMs} ms`)), timeoutMs + 250);
      this.connecting = finish;
      try {
        c.initiateConnection({
          host: p.host, port: p.port, rack: p.rack, slot: p.slot, timeout: timeoutMs,
          ...(p.localTsap !== undefined && p.remoteTsap !== undefined ? { localTSAP: p.localTsap, remoteTSAP: p.remoteTsap } : {}),
        }, (err?: unknown) => {
          if (err !== undefined) {
            const code = typeof err === "object" && err !== null && "code" in err ? String((err as { code: unknown }).code) : errorMessage(err);
            finish(new SluiceError("SLUICE_ERR_DISCONNECTED", `s7 ${where}: cannot connect (${code})`, { cause: err }));
          } else if (this.conn !== c || c.isoConnectionState !== 4 || !c.isoclient) {
            finish(new SluiceError("SLUICE_ERR_DISCONNECTED", `s7 ${where}: connection refused during setup`));
          } else {
            c.isoclient.once("close", () => this.fail(`s7 ${where}: connection closed by the PLC`));
            finish();
          }
        });
        // from here on only the scheduler reconnects (nodes7 would retry from its own timers)
        c.connectNow = noop;
      } catch (e) {
        finish(new SluiceError("SLUICE_ERR_DISCONNECTED", `s7 ${where}: ${errorMessage(e)}`, { cause: e }));
      }
    });
  }

  /** Read a set of nodes7 addresses in one readAllItems (nodes7 packs them into PDUs). */
  read(addrs: readonly string[], budgetMs: number): Promise<Map<string, S7ItemResult>> {
    const c = this.conn;
    if (!c || !this.connected) {
      return Promise.reject(new SluiceError("SLUICE_ERR_DISCONNECTED", this.broken ?? "s7: not connected"));
    }
    if (this.pending) return Promise.reject(new SluiceError("SLUICE_ERR_DRIVER", "s7: a read is already in flight"));
    if (this.items !== addrs) this.switchItems(c, addrs);
    return new Promise((resolve, reject) => {
      const settle = (e?: SluiceError, r?: Map<string, S7ItemResult>) => {
        clearTimeout(timer);
        this.pending = undefined;
        if (e) reject(e); else resolve(r!);
      };
      this.pending = (e) => settle(e);
      const timer = setTimeout(() => {
        this.destroy();
        settle(new SluiceError("SLUICE_ERR_TIMEOUT", `s7: no reply within ${budgetMs} ms; connection dropped`));
      }, budgetMs);
      try {
        c.readAllItems(() => {
          if (this.conn !== c || !this.pending) return;
          if (c.isoConnectionState !== 4 || this.broken) {
            const timedOut = blocks(c).some((b) => b.requestReference.some((r) => /timeout/i.test(r.errCode ?? "")));
            const why = this.broken ?? "s7: connection lost during read";
            this.destroy();
            settle(new SluiceError(timedOut ? "SLUICE_ERR_TIMEOUT" : "SLUICE_ERR_DISCONNECTED", why));
            return;
          }
          settle(undefined, collect(c));
        });
      } catch (e) {
        this.destroy();
        settle(new SluiceError("SLUICE_ERR_DISCONNECTED", `s7: ${errorMessage(e)}`, { cause: e }));
      }
    });
  }

  /**
   * Make `addrs` the item set nodes7 reads. nodes7 rebuilds its items and
   * packets whenever the set changes (32 KiB of buffers per item); the state
   * of each set is kept after its first read and swapped back in. Safe only
   * between complete reads, which is the only time this runs (one read in
   * flight, and an aborted read destroys the connection and this cache).
   */
  private switchItems(c: NodeS7, addrs: readonly string[]): void {
    if (this.items && c.readPacketValid && c.addRemoveArray.length === 0) {
      if (!this.prepared.has(this.items) && this.prepared.size >= MAX_PREPARED) {
        this.prepared.delete(this.prepared.keys().next().value!);
      }
      this.prepared.set(this.items, { polled: c.polledReadBlockList, blocks: c.globalReadBlockList, packets: c.readPacketArray });
    }
    const saved = this.prepared.get(addrs);
    if (saved && c.addRemoveArray.length === 0) {
      c.polledReadBlockList = saved.polled;
      c.globalReadBlockList = saved.blocks;
      c.readPacketArray = saved.packets;
      c.readPacketValid = true;
    } else {
      c.removeItems();
      c.addItems([...addrs]);
    }
    this.items = addrs;
  }

  /** Graceful: let nodes7 end the ISO connection, then tear everything down. */
  async close(): Promise<void> {
    const c = this.conn;
    if (!c) return;
    await new Promise<void>((resolve) => {
      const t = setTimeout(resolve, 1000);
      try { c.dropConnection(() => { clearTimeout(t); resolve(); }); } catch { clearTimeout(t); resolve(); }
    });
    this.destroy();
  }

  /** Immediate: socket destroyed, every nodes7 timer cleared, its reconnect disabled. Idempotent. */
  destroy(): void {
    const c = this.conn;
    this.conn = undefined;
    this.items = undefined;
    this.prepared.clear();
    const why = new SluiceError("SLUICE_ERR_DISCONNECTED", this.broken ?? "s7: connection closed");
    if (this.pending) this.pending(why);
    if (this.connecting) this.connecting(why);
    if (!c) return;
    c.connectNow = noop;
    c.readDoneCallback = noop;
    c.connectCallback = noop;
    for (const t of [c.reconnectTimer, c.rereadTimer, c.connectTimeout, c.PDUTimeout, c.resetTimeout, c.dropConnectionTimer]) clearTimeout(t);
    try { c.connectionCleanup(); } catch { /* socket already gone */ }
    c.resetTimeout = undefined;
  }

  /** The connection is unusable: remember why (the next read says it) and tear it down now. */
  private fail(why: string): void {
    if (this.broken === undefined) this.broken = why;
    this.destroy();
  }
}

/** Number of PDUs nodes7 will send for these addresses at this PDU size (its own packer, run on a scratch client). */
export function countPdus(addrs: readonly string[], pdu: number): number {
  if (addrs.length === 0) return 0;
  const scratch = new NodeS7({ silent: true });
  scratch.maxPDU = pdu;
  scratch.addItemsNow([...addrs]);
  scratch.prepareReadPacket();
  return scratch.readPacketArray.length;
}

function blocks(c: NodeS7): NodeS7.Block[] {
  return Array.isArray(c.globalReadBlockList) ? c.globalReadBlockList : [];
}

/** Per-address results from nodes7's blocks: quality per item, S7 return code per block. */
function collect(c: NodeS7): Map<string, S7ItemResult> {
  const out = new Map<string, S7ItemResult>();
  for (const b of blocks(c)) {
    let returnCode: number | undefined;
    for (const r of b.requestReference ?? []) {
      const m = /Invalid Response Code - (\d+)/.exec(r.errCode ?? "");
      if (m && r.valid === false) returnCode = Number(m[1]);
    }
    for (const it of b.itemReference ?? []) {
      const ok = it.quality === "OK";
      out.set(it.useraddr, { ok, value: ok ? it.value : null, returnCode: ok ? undefined : returnCode });
    }
  }
  return out;
}
