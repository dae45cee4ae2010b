/**
 * Fragmentation (sender): a frame larger than one datagram's budget is cut
 * into nearly equal fragments, so datagram sizes stay steady (pyDiode saw
 * loss from size changes) and FEC padding stays small.
 *
 *   frame (n bytes) ─▶ ceil(n / budget) fragments of ceil(n / count) bytes
 */
import { MAX_FRAGMENTS } from "./envelope.js";

export function fragmentSizes(length: number, budget: number): { count: number; size: number } {
  const size = Math.max(1, Math.ceil(length / Math.max(1, Math.ceil(length / budget))));
  return { count: Math.max(1, Math.ceil(length / size)), size };
}

export function maxFrameBytes(budget: number): number {
  return budget * MAX_FRAGMENTS;
}

/** Bytes of fragment `index` of a frame of `length` bytes cut by fragmentSizes. */
export function fragmentLength(length: number, index: number, size: number): number {
  return Math.min(length, (index + 1) * size) - index * size;
}

/** Fragment `index` of a frame cut by fragmentSizes (a view, no copy). */
export function fragmentAt(frame: Uint8Array, index: number, size: number): Uint8Array {
  return frame.subarray(index * size, Math.min(frame.length, (index + 1) * size));
}
