/**
 * The frame codec: domain Frame <-> protobuf bytes (proto/sluice.proto, static code in
 * ./generated). Byte layout of one frame (all protobuf, field numbers in brackets):
 *
 *   Frame  [1] time_ms varint  [2] catalog_hash fixed32  then one body:
 *          [3] Birth     { part, parts, tag_count, first_alias, Tag* (front-coded paths) }
 *          [4] Keyframe  { part, parts, Values }
 *          [5] Delta     { Values }
 *          [6] Heartbeat { started_at, policy_hash, Source*, blocked map, Journal }
 *          [7] History   { from_ms, to_ms, part, parts, Values (times relative to from_ms) }
 *   Values { aliases (delta-coded) | first_alias + count, value columns by wire type,
 *            null / status / source-time runs }            (see ./values.ts)
 *
 *   bytes ──peekFrame──▶ { kind, timeMs, catalogHash }        (no body decoded)
 *   bytes ──peekHistory──▶ { from, to, part, parts, digest }  (a history frame's window, no samples decoded)
 *   bytes ──decodeFrame(catalog)──▶ Frame                     (FrameError: malformed | catalog)
 *
 * Keyframes, deltas and history decode only against the catalogue whose hash they carry: their
 * values have no type tags, so any other catalogue would misread them.
 */
import protobuf from "protobufjs/minimal.js";
import type { Frame, FrameBody, FrameKind, Sample } from "../../core/model.js";
import { SluiceError } from "../../core/errors.js";
import type { CatalogIndex } from "../catalog.js";
import { sluice } from "./generated/sluice.js";
import { decodeBirth, encodeBirth } from "./birth.js";
import { decodeHealth, encodeHealth } from "./health.js";
import { linkReader } from "./reader.js";
import { decodeValues, encodeValues, MAX_SAMPLES } from "./values.js";
import { digestBytes, FrameError, malformed, ubitsToSafeNumber, type Bits64 } from "./wire.js";

const PB = sluice.v1;

// Frames decode 64-bit fields through linkReader (exact numbers or bits); protobufjs
// itself decodes them exactly only as Long objects (it finds the "long" package it
// depends on), and without that they would silently become lossy numbers.
if (!protobuf.util.Long) throw new SluiceError("SLUICE_ERR_LINK", "protobufjs has no Long support: 64-bit values would lose precision");
const KIND_OF_FIELD: Readonly<Record<number, FrameKind>> = { 3: "birth", 4: "keyframe", 5: "delta", 6: "heartbeat", 7: "history" };

function sortedByAlias(samples: readonly Sample[]): readonly Sample[] {
  for (let i = 1; i < samples.length; i++) {
    if ((samples[i] as Sample).alias < (samples[i - 1] as Sample).alias) {
      return [...samples].sort((a, b) => a.alias - b.alias); // stable: repeats keep their order
    }
  }
  return samples;
}

function checkSamples(samples: readonly Sample[], catalog: CatalogIndex): void {
  if (samples.length > MAX_SAMPLES) throw new SluiceError("SLUICE_ERR_LINK", `${samples.length} samples in one frame, more than ${MAX_SAMPLES}`);
  for (const s of samples) {
    if (!(s.alias >= 0 && s.alias < catalog.size)) throw new SluiceError("SLUICE_ERR_LINK", `alias ${s.alias} is not in the catalogue`);
  }
}

/**
 * Bytes of one frame. Keyframe and delta samples are written in ascending alias order
 * (sorted here if needed) and need `catalog` (its hash must be frame.catalogHash).
 * Throws SLUICE_ERR_LINK on a frame that breaks the rules (a programming error).
 */
export function encodeFrame(frame: Frame, catalog: CatalogIndex | undefined): Uint8Array {
  const msg: sluice.v1.Frame.$Properties = { timeMs: Math.max(0, Math.round(frame.timeMs)), catalogHash: frame.catalogHash >>> 0 };
  const b = frame.body;
  switch (b.kind) {
    case "birth":
      msg.birth = encodeBirth(b.tags, b.part, b.parts, b.tagCount);
      break;
    case "heartbeat":
      msg.heartbeat = encodeHealth(b.health);
      break;
    case "keyframe":
    case "delta":
    case "history": {
      if (!catalog || catalog.hash !== frame.catalogHash >>> 0) {
        throw new SluiceError("SLUICE_ERR_LINK", `${b.kind} encoded without the catalogue of its hash`);
      }
      const samples = sortedByAlias(b.samples);
      checkSamples(samples, catalog);
      if (b.kind === "history") {
        checkWindow(b.from, b.to, samples);
        msg.history = { fromMs: b.from, toMs: b.to, part: b.part, parts: b.parts, values: encodeValues(samples, 0, samples.length, catalog.types, b.from) };
        break;
      }
      const values = encodeValues(samples, 0, samples.length, catalog.types, msg.timeMs as number);
      if (b.kind === "keyframe") msg.keyframe = { part: b.part, parts: b.parts, values };
      else msg.delta = { values };
      break;
    }
  }
  return PB.Frame.encode(msg).finish();
}

/**
 * Bytes of a keyframe or delta frame holding samples[start, end), which must be in
 * ascending alias order and valid for `catalog` (the publisher's hot path: no copy,
 * no checks beyond encodeValues' own).
 */
export function encodeSamplesFrame(
  kind: "keyframe" | "delta", samples: readonly Sample[], start: number, end: number,
  catalog: CatalogIndex, timeMs: number, part = 0, parts = 1,
): Uint8Array {
  const t = Math.max(0, Math.round(timeMs));
  const values = encodeValues(samples, start, end, catalog.types, t);
  const msg: sluice.v1.Frame.$Properties = { timeMs: t, catalogHash: catalog.hash };
  if (kind === "keyframe") msg.keyframe = { part, parts, values };
  else msg.delta = { values };
  return PB.Frame.encode(msg).finish();
}

/**
 * Bytes of one history frame: part `part` of `parts` of the segment [from, to), holding
 * samples[start, end) (ascending alias, repeats oldest first, every source time a whole
 * ms in [from, to); the history carousel's hot path, so unchecked).
 */
export function encodeHistoryFrame(
  samples: readonly Sample[], start: number, end: number, catalog: CatalogIndex, timeMs: number,
  from: number, to: number, part: number, parts: number,
): Uint8Array {
  const values = encodeValues(samples, start, end, catalog.types, from);
  const msg: sluice.v1.Frame.$Properties = {
    timeMs: Math.max(0, Math.round(timeMs)), catalogHash: catalog.hash,
    history: { fromMs: from, toMs: to, part, parts, values },
  };
  return PB.Frame.encode(msg).finish();
}

function checkWindow(from: number, to: number, samples: readonly Sample[]): void {
  if (!(Number.isSafeInteger(from) && Number.isSafeInteger(to) && from >= 0 && from < to)) {
    throw new SluiceError("SLUICE_ERR_LINK", `history window [${from}, ${to}) is not a range of whole ms`);
  }
  for (const s of samples) {
    if (!(s.sourceTime >= from && s.sourceTime < to)) throw new SluiceError("SLUICE_ERR_LINK", `history sample at ${s.sourceTime} outside [${from}, ${to})`);
  }
}

export interface FrameHeader {
  kind: FrameKind;
  timeMs: number;
  catalogHash: number;
}

/** A frame's header fields and where its (last) body lies in the bytes. */
interface FrameScan extends FrameHeader {
  bodyStart: number;
  bodyEnd: number;
}

/** Walks a frame's top-level fields without decoding its body (FrameError "malformed"). */
function scanFrame(bytes: Uint8Array): FrameScan {
  let timeMs = 0, catalogHash = 0, bodyStart = -1, bodyEnd = -1;
  let kind: FrameKind | undefined;
  try {
    const r = linkReader(bytes);
    while (r.pos < r.len) {
      const tag = r.uint32();
      const field = tag >>> 3, wire = tag & 7;
      if (field === 1 && wire === 0) timeMs = ubitsToSafeNumber(r.uint64() as unknown as Bits64 | number, "frame time");
      else if (field === 2 && wire === 5) catalogHash = r.fixed32() >>> 0;
      else {
        const k = KIND_OF_FIELD[field];
        if (k && wire === 2) {
          // last body wins, as in a full decode
          const len = r.uint32();
          kind = k;
          bodyStart = r.pos;
          bodyEnd = r.pos + len;
          r.skip(len);
        } else r.skipType(wire);
      }
    }
  } catch (e) {
    if (e instanceof FrameError) throw e;
    throw malformed("bad protobuf", e);
  }
  if (!kind) throw malformed("no body");
  return { kind, timeMs, catalogHash, bodyStart, bodyEnd };
}

/** Kind, time and catalogue hash of a frame without decoding its body. */
export function peekFrame(bytes: Uint8Array): FrameHeader {
  const { kind, timeMs, catalogHash } = scanFrame(bytes);
  return { kind, timeMs, catalogHash };
}

/** A history frame's window and part, and a digest of its whole body (window, part and samples). */
export interface HistoryHead {
  from: number;
  to: number;
  part: number;
  parts: number;
  /** digest of the History body's bytes: equal for an exact re-send of the part (see digestBytes) */
  digest: string;
}

/**
 * The window and part of a history frame and a digest of its body, without decoding its
 * samples; the same window rules as a full decode (FrameError "malformed"). The carousel
 * re-sends settled parts byte for byte (their source times are coded relative to the
 * window, not the frame time), so the digest recognises a part merged before.
 */
export function peekHistory(bytes: Uint8Array): HistoryHead {
  const { kind, timeMs, bodyStart: start, bodyEnd: end } = scanFrame(bytes);
  if (kind !== "history") throw malformed("not a history frame");
  let from = 0, to = 0, part = 0, parts = 0;
  try {
    const h = linkReader(bytes.subarray(start, end));
    while (h.pos < h.len) {
      const tag = h.uint32();
      const field = tag >>> 3, wire = tag & 7;
      if (field === 1 && wire === 0) from = ubitsToSafeNumber(h.uint64() as unknown as Bits64 | number, "history from");
      else if (field === 2 && wire === 0) to = ubitsToSafeNumber(h.uint64() as unknown as Bits64 | number, "history to");
      else if (field === 3 && wire === 0) part = h.uint32();
      else if (field === 4 && wire === 0) parts = h.uint32();
      else h.skipType(wire);
    }
  } catch (e) {
    if (e instanceof FrameError) throw e;
    throw malformed("bad protobuf", e);
  }
  checkHistoryHead(from, to, part, parts, timeMs);
  return { from, to, part, parts, digest: digestBytes(bytes, start, end) };
}

function checkHistoryHead(from: number, to: number, part: number, parts: number, timeMs: number): void {
  if (!(from < to && to <= timeMs)) throw malformed(`history window [${from}, ${to}) at frame time ${timeMs}`);
  if (parts < 1 || part >= parts) throw malformed(`history part ${part} of ${parts}`);
}

/**
 * The frame in `bytes`. Throws FrameError "malformed" on bad protobuf or a broken
 * rule, and "catalog" for a keyframe/delta whose hash is not `catalog`'s.
 */
export function decodeFrame(bytes: Uint8Array, catalog: CatalogIndex | undefined): Frame {
  let m: sluice.v1.Frame;
  try {
    m = PB.Frame.decode(linkReader(bytes));
  } catch (e) {
    throw malformed("bad protobuf", e);
  }
  const timeMs = ubitsToSafeNumber(m.timeMs as Bits64 | number, "frame time");
  const catalogHash = m.catalogHash >>> 0;
  switch (m.body) {
    case "birth":
      return { timeMs, catalogHash, body: { kind: "birth", ...decodeBirth(m.birth as sluice.v1.Birth) } };
    case "heartbeat":
      return { timeMs, catalogHash, body: { kind: "heartbeat", health: decodeHealth(m.heartbeat as sluice.v1.Heartbeat) } };
    case "history":
      return { timeMs, catalogHash, body: decodeHistory(m.history as sluice.v1.History, catalog, catalogHash, timeMs) };
    case "keyframe":
    case "delta": {
      if (!catalog || catalog.hash !== catalogHash) {
        throw new FrameError("catalog", `${m.body} for catalogue ${catalogHash.toString(16)}, which is not held`);
      }
      if (m.body === "keyframe") {
        const k = m.keyframe as sluice.v1.Keyframe;
        if (k.parts < 1 || k.part >= k.parts) throw malformed(`keyframe part ${k.part} of ${k.parts}`);
        const samples = k.values ? decodeValues(k.values as sluice.v1.Values, catalog, timeMs) : [];
        return { timeMs, catalogHash, body: { kind: "keyframe", part: k.part, parts: k.parts, samples } };
      }
      const d = m.delta as sluice.v1.Delta;
      const samples = d.values ? decodeValues(d.values as sluice.v1.Values, catalog, timeMs) : [];
      return { timeMs, catalogHash, body: { kind: "delta", samples } };
    }
    default:
      throw malformed("no body");
  }
}

/**
 * A history part. Its samples are legitimately old (up to the reader's journal
 * retention), so no age limit applies here; the window must be sane and hold them all.
 */
function decodeHistory(h: sluice.v1.History, catalog: CatalogIndex | undefined, catalogHash: number, timeMs: number): FrameBody {
  if (!catalog || catalog.hash !== catalogHash) {
    throw new FrameError("catalog", `history for catalogue ${catalogHash.toString(16)}, which is not held`);
  }
  const from = ubitsToSafeNumber(h.fromMs as Bits64 | number, "history from");
  const to = ubitsToSafeNumber(h.toMs as Bits64 | number, "history to");
  checkHistoryHead(from, to, h.part, h.parts, timeMs);
  const samples = h.values ? decodeValues(h.values as sluice.v1.Values, catalog, from) : [];
  for (const s of samples) {
    if (!(s.sourceTime >= from && s.sourceTime < to)) throw malformed(`history sample at ${s.sourceTime} outside [${from}, ${to})`);
  }
  return { kind: "history", from, to, part: h.part, parts: h.parts, samples };
}
