/**
 * The simulated controller's Symbol Object (class 0x6B) and Template Object (class
 * 0x6C), as Logix 5000 controllers serve them (1756-PM020, "Symbol Object" and
 * "Template Object"), derived from the flat tag table:
 *
 *   "Speed", "Recipe[3]", "Matrix[1,2]"  ─▶ controller-scope symbols (arrays with their dimensions)
 *   "Motor.Current"                      ─▶ symbol Motor, type 0x8000 | template id; template members
 *   "Program:Main.Speed"                 ─▶ symbol "Program:Main" (system bit) + program-scope symbol Speed
 *   STRING                               ─▶ type 0x8FCE, the predefined STRING template (LEN, DATA)
 *
 * Services: Get Instance Attribute List (0x55) on class 0x6B (attributes 1 name,
 * 2 type, 8 dimensions; reply cut at about 480 bytes with status 0x06 when more
 * instances follow), Get Attribute List (0x03) on a template instance (1 handle,
 * 2 member count, 4 definition size in words, 5 structure size) and Read Template
 * (0x4C on class 0x6C: offset UDINT, bytes UINT; 0x06 when the rest does not fit).
 */
import { CIP_TYPE, LOGIX_STRING_HANDLE, LOGIX_STRING_MAX, type CipTypeName, type TagTable } from "./tags.js";

export const SYMBOL_CLASS = 0x6b;
export const TEMPLATE_CLASS = 0x6c;
const STRUCT = 0x8000;
const STRING_TEMPLATE = LOGIX_STRING_HANDLE;
const FIRST_TEMPLATE = 0x100;
/** reply bytes the symbol listing fills before it says "partial transfer" */
const LIST_REPLY_BYTES = 480;
const PROGRAM_TYPE = 0x1068;

export interface SimSymbol { name: string; type: number; dims: [number, number, number] }
export interface SimMember { name: string; type: number; info: number; offset: number }
export interface SimTemplate { id: number; name: string; members: SimMember[]; size: number }

const SIZE: Record<CipTypeName, number> = {
  BOOL: 1, SINT: 1, USINT: 1, INT: 2, UINT: 2, DINT: 4, UDINT: 4, DWORD: 4, REAL: 4, LINT: 8, ULINT: 8, LREAL: 8, STRING: 88,
};

function typeWord(t: CipTypeName): number {
  return t === "STRING" ? STRUCT | STRING_TEMPLATE : CIP_TYPE[t];
}

export interface SymbolSpace {
  /** scope "" = controller, else the program name */
  scopes: Map<string, SimSymbol[]>;
  templates: Map<number, SimTemplate>;
}

/** Build the symbol and template tables from the tag table as it is now. */
export function symbolSpace(tags: TagTable): SymbolSpace {
  const scopes = new Map<string, Map<string, SimSymbol>>([["", new Map()]]);
  const structs = new Map<string, Map<string, CipTypeName>>(); // scope/base -> member -> type
  const templates = new Map<number, SimTemplate>();
  templates.set(STRING_TEMPLATE, {
    id: STRING_TEMPLATE, name: "STRING", size: 4 + LOGIX_STRING_MAX,
    members: [{ name: "LEN", type: CIP_TYPE.DINT, info: 0, offset: 0 }, { name: "DATA", type: CIP_TYPE.SINT | 0x2000, info: LOGIX_STRING_MAX, offset: 4 }],
  });
  for (const tag of tags.all()) {
    let name = tag.name;
    let scope = "";
    const prog = /^Program:([^.]+)\.(.+)$/.exec(name);
    if (prog) {
      scope = prog[1]!;
      name = prog[2]!;
      scopes.get("")!.set(`program:${scope}`.toLowerCase(), { name: `Program:${scope}`, type: PROGRAM_TYPE, dims: [0, 0, 0] });
    }
    let table = scopes.get(scope);
    if (!table) { table = new Map(); scopes.set(scope, table); }
    const arr = /^([^.[]+)\[(\d+)(?:,(\d+))?(?:,(\d+))?\]$/.exec(name);
    const dot = name.indexOf(".");
    if (arr) {
      const base = arr[1]!;
      const idx = [arr[2], arr[3], arr[4]].filter((x) => x !== undefined).map(Number);
      const s = table.get(base.toLowerCase()) ?? { name: base, type: typeWord(tag.type) | (idx.length << 13), dims: [0, 0, 0] as [number, number, number] };
      idx.forEach((v, i) => { s.dims[i] = Math.max(s.dims[i]!, v + 1); });
      table.set(base.toLowerCase(), s);
    } else if (dot > 0) {
      const base = name.slice(0, dot);
      const key = `${scope}/${base}`;
      const m = structs.get(key) ?? new Map<string, CipTypeName>();
      m.set(name.slice(dot + 1), tag.type);
      structs.set(key, m);
    } else {
      table.set(name.toLowerCase(), { name, type: typeWord(tag.type), dims: [0, 0, 0] });
    }
  }
  let next = FIRST_TEMPLATE;
  for (const [key, members] of structs) {
    const [scope, base] = key.split("/") as [string, string];
    const id = next++;
    let offset = 0;
    const list: SimMember[] = [];
    for (const [m, t] of members) {
      list.push({ name: m, type: typeWord(t), info: 0, offset });
      offset += SIZE[t];
    }
    templates.set(id, { id, name: `${base.toUpperCase()}_UDT`, members: list, size: offset });
    scopes.get(scope)!.set(base.toLowerCase(), { name: base, type: STRUCT | id, dims: [0, 0, 0] });
  }
  return { scopes: new Map([...scopes].map(([k, v]) => [k, [...v.values()]])), templates };
}

/** Get Instance Attribute List reply data from instance `start` on; `partial` when more follow. */
export function listSymbols(symbols: readonly SimSymbol[], start: number, attrs: readonly number[]): { data: Buffer; partial: boolean } | undefined {
  if (attrs.some((a) => a !== 1 && a !== 2 && a !== 8)) return undefined;
  const parts: Buffer[] = [];
  let bytes = 0;
  for (let i = Math.max(start, 1); i <= symbols.length; i++) {
    const s = symbols[i - 1]!;
    const fields: Buffer[] = [u32(i)];
    for (const a of attrs) {
      if (a === 1) {
        const n = Buffer.from(s.name, "latin1");
        fields.push(u16(n.length), n);
      } else if (a === 2) fields.push(u16(s.type));
      else fields.push(u32(s.dims[0]), u32(s.dims[1]), u32(s.dims[2]));
    }
    const one = Buffer.concat(fields);
    if (bytes + one.length > LIST_REPLY_BYTES && parts.length > 0) return { data: Buffer.concat(parts), partial: true };
    parts.push(one);
    bytes += one.length;
  }
  return { data: Buffer.concat(parts), partial: false };
}

/** The template definition as Read Template returns it: member infos, "NAME;n...", member names. */
export function templateDefinition(t: SimTemplate): Buffer {
  const infos = t.members.map((m) => {
    const b = Buffer.alloc(8);
    b.writeUInt16LE(m.info, 0);
    b.writeUInt16LE(m.type, 2);
    b.writeUInt32LE(m.offset, 4);
    return b;
  });
  const names = [`${t.name};n`, ...t.members.map((m) => m.name)].map((n) => Buffer.from(`${n}\0`, "latin1"));
  return Buffer.concat([...infos, ...names]);
}

/** Template attribute values: 1 handle (UINT), 2 member count (UINT), 4 definition size in 32-bit words (UDINT), 5 structure size (UDINT). */
export function templateAttributes(t: SimTemplate, attrs: readonly number[]): Buffer | undefined {
  const defWords = Math.ceil((templateDefinition(t).length + 23) / 4);
  const out: Buffer[] = [u16(attrs.length)];
  for (const a of attrs) {
    out.push(u16(a), u16(0));
    if (a === 1) out.push(u16(t.id & 0xffff));
    else if (a === 2) out.push(u16(t.members.length));
    else if (a === 4) out.push(u32(defWords));
    else if (a === 5) out.push(u32(t.size));
    else return undefined;
  }
  return Buffer.concat(out);
}

function u16(v: number): Buffer { const b = Buffer.alloc(2); b.writeUInt16LE(v); return b; }
function u32(v: number): Buffer { const b = Buffer.alloc(4); b.writeUInt32LE(v); return b; }
