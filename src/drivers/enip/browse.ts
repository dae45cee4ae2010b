/**
 * `sluice browse enip`: a Logix controller's tags through the CIP Symbol Object
 * (class 0x6B) and Template Object (class 0x6C), 1756-PM020. Read services only:
 * Get Instance Attribute List (0x55), Get Attribute List (0x03) and Read Template
 * (0x4C on class 0x6C), unconnected, over the driver's own EtherNet/IP session.
 *
 *   controller scope ──0x55 from instance 0 (0x06 partial: go on after the last)──▶ symbols (name, type, dims)
 *     "Program:X" symbols ──0x55 in that program's scope──▶ program symbols (Program:X.Name)
 *   structure types ──0x03 (definition size) + 0x4C (definition)──▶ members (recursively)
 *   ─▶ readable leaves: atomic tags, array elements (Name[i], Name[i,j]), UDT members (Name.Member),
 *      Logix STRING as string; system and hidden symbols and BOOL arrays skipped with the reason
 */
import { SluiceError, errorMessage } from "../../core/errors.js";
import type { TagType } from "../../core/model.js";
import { enipHost } from "./options.js";
import type { BrowsedTag } from "../opcua/browse.js";
import { EnipSession } from "./session.js";

export type { BrowsedTag } from "../opcua/browse.js";

export interface EnipBrowseRequest {
  endpoint: string;
  slot?: number;
  timeoutMs?: number;
  /** most elements listed per array (default 1000; the rest is a comment) */
  maxElements?: number;
}

const SYMBOL_CLASS = 0x6b;
const TEMPLATE_CLASS = 0x6c;
const SVC = { GET_ATTRIBUTE_LIST: 0x03, READ_TEMPLATE: 0x4c, GET_INSTANCE_ATTRIBUTE_LIST: 0x55 } as const;
const PARTIAL = 0x06;
const STRUCT = 0x8000;
const SYSTEM = 0x1000;

/** Logix atomic type code -> [Logix name, sluice tag type]. */
const ATOMIC: Record<number, [string, TagType]> = {
  0xc1: ["BOOL", "bool"], 0xc2: ["SINT", "int16"], 0xc3: ["INT", "int16"], 0xc4: ["DINT", "int32"], 0xc5: ["LINT", "int64"],
  0xc6: ["USINT", "uint16"], 0xc7: ["UINT", "uint16"], 0xc8: ["UDINT", "uint32"], 0xc9: ["ULINT", "uint64"],
  0xca: ["REAL", "float32"], 0xcb: ["LREAL", "float64"], 0xd3: ["DWORD", "uint32"],
};

interface Symbol { name: string; type: number; dims: number[] }
interface Member { name: string; type: number; info: number }
interface Template { name: string; members: Member[] }

function u16(v: number): Buffer { const b = Buffer.alloc(2); b.writeUInt16LE(v); return b; }
function u32(v: number): Buffer { const b = Buffer.alloc(4); b.writeUInt32LE(v); return b; }

function symbolic(name: string): Buffer {
  const n = Buffer.from(name, "latin1");
  return Buffer.concat([Buffer.from([0x91, n.length]), n, n.length % 2 ? Buffer.alloc(1) : Buffer.alloc(0)]);
}

function logical(cls: number, instance: number): Buffer {
  return Buffer.concat([Buffer.from([0x20, cls, 0x25, 0x00]), u16(instance)]);
}

function request(service: number, path: Buffer, data: Buffer): Buffer {
  return Buffer.concat([Buffer.from([service, path.length / 2]), path, data]);
}

/** A tag name the reader accepts, from a Logix address. */
function tagName(address: string): string {
  return address.replace(/[^A-Za-z0-9_.-]/g, "_").replace(/_+$/, "").slice(0, 128);
}

class Browser {
  private readonly templates = new Map<number, Template>();
  readonly out: BrowsedTag[] = [];

  constructor(private readonly s: EnipSession, private readonly timeoutMs: number, private readonly maxElements: number) {}

  private async call(service: number, path: Buffer, data: Buffer, what: string): Promise<{ status: number; data: Buffer }> {
    const r = await this.s.request(request(service, path, data), this.timeoutMs);
    if (r.generalStatusCode !== 0 && r.generalStatusCode !== PARTIAL) {
      throw new SluiceError("SLUICE_ERR_DRIVER", `enip browse: ${what}: CIP status 0x${r.generalStatusCode.toString(16)}`);
    }
    return { status: r.generalStatusCode, data: r.data };
  }

  /** Every symbol of a scope (program name, or "" for the controller). */
  async symbols(scope: string): Promise<Symbol[]> {
    const out: Symbol[] = [];
    const attrs = Buffer.concat([u16(3), u16(1), u16(2), u16(8)]);
    for (let start = 0; ;) {
      const path = Buffer.concat([scope ? symbolic(`Program:${scope}`) : Buffer.alloc(0), logical(SYMBOL_CLASS, start)]);
      const r = await this.call(SVC.GET_INSTANCE_ATTRIBUTE_LIST, path, attrs, `symbols of ${scope || "the controller"}`);
      let o = 0;
      let last = start;
      const d = r.data;
      while (o + 8 <= d.length) {
        last = d.readUInt32LE(o);
        const len = d.readUInt16LE(o + 4);
        const name = d.toString("latin1", o + 6, o + 6 + len);
        o += 6 + len;
        const type = d.readUInt16LE(o);
        const dims = [d.readUInt32LE(o + 2), d.readUInt32LE(o + 6), d.readUInt32LE(o + 10)];
        o += 14;
        out.push({ name, type, dims });
      }
      if (r.status !== PARTIAL || last + 1 <= start) break;
      start = last + 1;
    }
    return out;
  }

  async template(id: number): Promise<Template> {
    const known = this.templates.get(id);
    if (known) return known;
    const attrs = await this.call(SVC.GET_ATTRIBUTE_LIST, logical(TEMPLATE_CLASS, id), Buffer.concat([u16(2), u16(4), u16(2)]), `template 0x${id.toString(16)}`);
    // count, then per attribute: id, status, value (4: UDINT definition words, 2: UINT members)
    const words = attrs.data.readUInt32LE(6);
    const count = attrs.data.readUInt16LE(14);
    const total = words * 4 - 23;
    const parts: Buffer[] = [];
    for (let offset = 0; offset < total;) {
      const r = await this.call(SVC.READ_TEMPLATE, logical(TEMPLATE_CLASS, id), Buffer.concat([u32(offset), u16(total - offset)]), `template 0x${id.toString(16)} definition`);
      parts.push(r.data);
      offset += r.data.length;
      if (r.status !== PARTIAL || r.data.length === 0) break;
    }
    const def = Buffer.concat(parts);
    const members: Member[] = [];
    for (let i = 0; i < count && 8 * i + 8 <= def.length; i++) members.push({ info: def.readUInt16LE(8 * i), type: def.readUInt16LE(8 * i + 2), name: "" });
    const strings = def.subarray(8 * count).toString("latin1").split("\0");
    const t: Template = { name: (strings[0] ?? "").split(";")[0] ?? "", members };
    members.forEach((m, i) => { m.name = strings[i + 1] ?? ""; });
    this.templates.set(id, t);
    return t;
  }

  private skip(address: string, why: string): void {
    this.out.push({ name: tagName(address), address, skipped: why });
  }

  /** List the readable leaves of one symbol or member of `type` at `address`. */
  async leaves(address: string, type: number, dims: number[], depth = 0): Promise<void> {
    const ndims = (type >> 13) & 3;
    if (ndims > 0) {
      const d = dims.slice(0, ndims);
      const atomic = ATOMIC[type & 0xfff];
      if (!(type & STRUCT) && atomic?.[0] === "BOOL") return this.skip(address, "BOOL array (read its DWORDs)");
      const total = d.reduce((a, b) => a * b, 1);
      if (total === 0) return this.skip(address, "array of unknown size");
      const n = Math.min(total, this.maxElements);
      for (let k = 0; k < n; k++) {
        const idx: number[] = [];
        let rest = k;
        for (let j = d.length - 1; j >= 0; j--) { idx.unshift(rest % d[j]!); rest = Math.floor(rest / d[j]!); }
        await this.leaves(`${address}[${idx.join(",")}]`, type & ~0x6000, [], depth);
      }
      if (n < total) this.skip(`${address}[${n}..]`, `${total - n} more elements not listed`);
      return;
    }
    if (type & STRUCT) {
      if (depth > 8) return this.skip(address, "structure nested too deep");
      const t = await this.template(type & 0xfff);
      if (t.name === "STRING" || (t.members.length === 2 && t.members[0]?.name === "LEN" && t.members[1]?.name === "DATA")) {
        this.out.push({ name: tagName(address), address, type: "string", description: "Logix STRING" });
        return;
      }
      for (const m of t.members) {
        if (!m.name || m.name.startsWith("ZZZZZZZZZZ") || m.name.startsWith("__")) continue; // hidden members (BOOL hosts)
        const mdims = (m.type >> 13) & 3 ? [m.info, 0, 0] : [];
        await this.leaves(`${address}.${m.name}`, m.type, mdims, depth + 1);
      }
      return;
    }
    const a = ATOMIC[type & 0xff];
    if (!a) return this.skip(address, `type 0x${type.toString(16)} has no sluice tag type`);
    this.out.push({ name: tagName(address), address, type: a[1], description: `Logix ${a[0]}` });
  }
}

export async function browseEnip(req: EnipBrowseRequest): Promise<BrowsedTag[]> {
  const host = enipHost(req.endpoint);
  const timeoutMs = req.timeoutMs ?? 5000;
  const s = new EnipSession(host, req.slot ?? 0);
  try {
    await s.connect(timeoutMs, false);
    const b = new Browser(s, timeoutMs, req.maxElements ?? 1000);
    const scopes: [string, Symbol[]][] = [["", await b.symbols("")]];
    for (const sym of scopes[0]![1]) {
      const prog = /^Program:(.+)$/.exec(sym.name);
      if (prog) scopes.push([prog[1]!, await b.symbols(prog[1]!)]);
    }
    for (const [scope, symbols] of scopes) {
      for (const sym of symbols) {
        if (sym.name.startsWith("Program:") || sym.name.startsWith("Routine:")) continue;
        const address = scope ? `Program:${scope}.${sym.name}` : sym.name;
        if (sym.type & SYSTEM || sym.name.startsWith("__")) { b.out.push({ name: tagName(address), address, skipped: "system symbol" }); continue; }
        await b.leaves(address, sym.type, sym.dims);
      }
    }
    // unique names (two addresses may map to one name)
    const seen = new Set<string>();
    for (const t of b.out) {
      if (t.skipped) continue;
      let n = t.name;
      for (let k = 2; seen.has(n); k++) n = `${t.name.slice(0, 120)}_${k}`;
      t.name = n;
      seen.add(n);
    }
    return b.out;
  } catch (e) {
    if (e instanceof SluiceError) throw e;
    throw new SluiceError("SLUICE_ERR_DISCONNECTED", `enip browse ${req.endpoint}: ${errorMessage(e)}`, { cause: e });
  } finally {
    await s.close().catch(() => undefined);
  }
}
