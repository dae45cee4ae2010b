/**
 * S7 tag addresses in nodes7 syntax, checked strictly at config-load time.
 * nodes7 itself parses leniently (parseInt on whatever is left), so a typo
 * would quietly read the wrong bytes; here every address either matches the
 * grammar below exactly or fails with the reason and an example.
 *
 *   DB<n>,<TYPE><byte>[.<bit>|.<len>]    DB1,REAL4  DB1,INT2  DB1,X0.1  DB10,S20.30  DB1,C40.8
 *   <AREA><TYPE><byte>[.<bit>]           M0.1  MW4  MR8  IW2  I0.3  QB0  PIW256
 *
 * One tag holds one value (TagType has no arrays): array forms (DB1,REAL0.4,
 * M0.0.8) are refused with the per-element spelling instead; the driver packs
 * neighbouring elements into the same PDU anyway. CHAR with a length is one
 * string (nodes7 joins the characters), STRING needs its declared length.
 * The parsed form carries the canonical nodes7 string, so DB1,R4 and
 * db1,real4 are the same item on the wire.
 */
import type { TagType } from "../../core/model.js";
import { SluiceError } from "../../core/errors.js";
import type { ParsedAddress } from "../contract.js";

export type S7Area = "DB" | "I" | "Q" | "M" | "PI" | "PQ";
export type S7DataType = "X" | "BYTE" | "CHAR" | "INT" | "WORD" | "DINT" | "DWORD" | "REAL" | "LREAL" | "STRING";

export interface S7Address {
  area: S7Area;
  /** DB number (0 outside DBs) */
  db: number;
  dataType: S7DataType;
  /** byte offset */
  offset: number;
  /** bit number for X, else 0 */
  bit: number;
  /** declared length for STRING and CHAR, else 1 */
  length: number;
  /** the canonical nodes7 address string */
  nodes7: string;
}

export const S7_TAG_TYPE: Readonly<Record<S7DataType, TagType>> = {
  X: "bool", BYTE: "uint16", CHAR: "string", INT: "int16", WORD: "uint16",
  DINT: "int32", DWORD: "uint32", REAL: "float32", LREAL: "float64", STRING: "string",
};

const EXAMPLES = "DB1,REAL4  DB1,INT2  DB1,X0.1  DB10,S20.30  M0.1  MW4  IW2  QB0";

/** DB type spellings nodes7 accepts → canonical type (undefined: known but refused, with the reason). */
const DB_TYPES: Record<string, S7DataType | string> = {
  X: "X", B: "BYTE", BYTE: "BYTE", C: "CHAR", CHAR: "CHAR", I: "INT", INT: "INT", W: "WORD", WORD: "WORD",
  DI: "DINT", DINT: "DINT", DW: "DWORD", DWORD: "DWORD", R: "REAL", REAL: "REAL", LR: "LREAL", LREAL: "LREAL",
  S: "STRING", STRING: "STRING",
  LI: "LINT is not supported: nodes7 0.3.18 does not decode 64-bit integers",
  LINT: "LINT is not supported: nodes7 0.3.18 does not decode 64-bit integers",
  DT: "date/time types (DT, DTL) are not supported: sluice has no date tag type",
  DTZ: "date/time types (DT, DTL) are not supported: sluice has no date tag type",
  DTL: "date/time types (DT, DTL) are not supported: sluice has no date tag type",
  DTLZ: "date/time types (DT, DTL) are not supported: sluice has no date tag type",
};

/** Type letters after I/Q/M (and PI/PQ) → canonical type. "" is a bit. */
const AREA_TYPES: Record<string, S7DataType | string> = {
  "": "X", B: "BYTE", C: "CHAR", W: "WORD", I: "INT", D: "DWORD", DI: "DINT", R: "REAL", LR: "LREAL",
  LI: "LINT is not supported: nodes7 0.3.18 does not decode 64-bit integers",
};
/** canonical type → the letters nodes7 wants after the area */
const AREA_LETTERS: Record<S7DataType, string> = {
  X: "", BYTE: "B", CHAR: "C", WORD: "W", INT: "I", DWORD: "D", DINT: "DI", REAL: "R", LREAL: "LR", STRING: "",
};
const AREAS: Record<string, S7Area> = { I: "I", E: "I", Q: "Q", A: "Q", M: "M", PI: "PI", PE: "PI", PQ: "PQ", PA: "PQ" };

const MAX_OFFSET = 65535;

function fail(address: string, reason: string): never {
  throw new SluiceError("SLUICE_ERR_ADDRESS", `s7 address "${address}": ${reason}`);
}

function num(address: string, text: string, what: string, lo: number, hi: number): number {
  const n = Number(text);
  if (!/^\d+$/.test(text) || n < lo || n > hi) fail(address, `${what} must be ${lo}-${hi}, got ${text}`);
  return n;
}

/** Parse one address; throws SLUICE_ERR_ADDRESS with the reason. */
export function parseS7Address(address: string): ParsedAddress<S7Address> {
  if (typeof address !== "string" || address.length === 0) fail(String(address), `expected nodes7 syntax such as ${EXAMPLES}`);
  if (/\s/.test(address)) fail(address, "no spaces allowed");
  const a = address.toUpperCase();
  const parsed = a.includes(",") ? parseDb(address, a) : parseArea(address, a);
  return { address: parsed, type: S7_TAG_TYPE[parsed.dataType] };
}

function parseDb(address: string, a: string): S7Address {
  const m = /^DB(\d+),([A-Z]+)(\d+)(?:\.(\d+))?(?:\.(\d+))?$/.exec(a);
  if (!m) fail(address, `expected DB<n>,<TYPE><byte>[.<bit or length>] such as DB1,REAL4  DB1,X0.1  DB10,S20.30`);
  const [, dbText, typeText, offText, sub1, sub2] = m as unknown as [string, string, string, string, string | undefined, string | undefined];
  const db = num(address, dbText, "DB number", 1, 65535);
  const known = DB_TYPES[typeText];
  if (known === undefined) fail(address, `unknown type ${typeText}; use X, BYTE, CHAR, INT, WORD, DINT, DWORD, REAL, LREAL or S (STRING)`);
  if (!isDataType(known)) fail(address, known);
  const offset = num(address, offText, "byte offset", 0, MAX_OFFSET);
  const base = `DB${db},`;
  return finish(address, "DB", db, known, offset, sub1, sub2, (t, o) => `${base}${t === "STRING" ? "S" : t}${o}`);
}

function parseArea(address: string, a: string): S7Address {
  if (/^[TCZ]\d/.test(a)) fail(address, "timers and counters are not supported (their S5 formats have no sluice tag type)");
  const m = /^(P[IEQA]|[IEQAM])([A-Z]*)(\d+)(?:\.(\d+))?(?:\.(\d+))?$/.exec(a);
  if (!m) fail(address, `expected nodes7 syntax such as ${EXAMPLES}`);
  const [, areaText, typeText, offText, sub1, sub2] = m as unknown as [string, string, string, string, string | undefined, string | undefined];
  const area = AREAS[areaText]!;
  const known = AREA_TYPES[typeText];
  if (known === undefined) fail(address, `unknown type ${typeText} after area ${areaText}; use a bit (M0.1) or B, C, W, I, D, DI, R, LR (MW4, MR8)`);
  if (!isDataType(known)) fail(address, known);
  if ((area === "PI" || area === "PQ") && (known === "X" || known === "LREAL")) {
    fail(address, "peripheral areas are read as B, C, W, I, D, DI or R (no bits, no LREAL)");
  }
  const offset = num(address, offText, "byte offset", 0, MAX_OFFSET);
  return finish(address, area, 0, known, offset, sub1, sub2, (t, o) => `${area}${AREA_LETTERS[t]}${o}`);
}

function isDataType(v: string): v is S7DataType {
  return v in S7_TAG_TYPE;
}

/** The part after the byte offset: a bit, a string/char length, or an (unsupported) array length. */
function finish(
  address: string, area: S7Area, db: number, dataType: S7DataType, offset: number,
  sub1: string | undefined, sub2: string | undefined, canon: (t: S7DataType, o: number) => string,
): S7Address {
  const head = canon(dataType, offset);
  let bit = 0;
  let length = 1;
  let tail = "";
  if (dataType === "X") {
    if (sub1 === undefined) fail(address, `a bit address needs a bit number: ${head}.0 .. ${head}.7`);
    bit = num(address, sub1, "bit number", 0, 7);
    if (sub2 !== undefined) fail(address, `bit arrays are not supported (a tag holds one value); use one tag per bit: ${head}.${bit}, ${head}.${bit + 1}, ...`);
    tail = `.${bit}`;
  } else if (dataType === "STRING") {
    if (sub1 === undefined) fail(address, `a string needs its declared length: ${head}.30 for a STRING[30]`);
    length = num(address, sub1, "string length", 1, 254);
    if (sub2 !== undefined) fail(address, `string arrays are not supported (a tag holds one value); use one tag per string, ${length + 2} bytes apart`);
    tail = `.${length}`;
  } else if (dataType === "CHAR") {
    if (sub2 !== undefined) fail(address, "expected one CHAR length (the characters are read as one string)");
    if (sub1 !== undefined) length = num(address, sub1, "CHAR length", 1, 254);
    tail = length > 1 ? `.${length}` : "";
  } else if (sub1 !== undefined) {
    const size = { BYTE: 1, INT: 2, WORD: 2, DINT: 4, DWORD: 4, REAL: 4, LREAL: 8 }[dataType];
    fail(address, `arrays are not supported (a tag holds one value); use one tag per element: ${head}, ${canon(dataType, offset + size)}, ... (neighbours are read in the same PDU)`);
  }
  return { area, db, dataType, offset, bit, length, nodes7: head + tail };
}
