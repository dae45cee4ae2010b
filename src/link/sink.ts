/**
 * What the receiver's link hands downstream, typed: one method per kind of thing a
 * frame can carry. LinkReceiver.attach(sink) feeds one consumer (the tag store, the
 * one owner of values); samples flow one way, the sink never reaches back into the
 * link (it has no reference to the transport, so it cannot count into it).
 */
import type { EventEmitter } from "node:events";
import type { FrameKind, FrameMeta, ReaderHealth, Sample, TagDef } from "../core/model.js";
import type { HistoryInfo } from "./replica.js";

export interface SampleInfo {
  kind: "keyframe" | "delta";
  /** reader clock (ms) when the frame was built */
  frameTime: number;
  meta: FrameMeta;
}

export interface LinkSink {
  /** a complete catalogue (birth), adopted: aliases in later samples refer to it */
  catalog(tags: readonly TagDef[], hash: number, meta: FrameMeta): void;
  /** live samples decoded against the catalogue in force, in frame order (not ordered by source time) */
  samples(samples: Sample[], info: SampleInfo): void;
  /** journal samples re-sent by the reader's history carousel: history only, never live values */
  history(samples: Sample[], info: HistoryInfo): void;
  /**
   * Optional, asked before a history part is decoded: true when this sink merged the part
   * with that digest in that session (HistoryInfo.digest) and a re-send needs nothing; the
   * part then arrives through history() as a repeat, its samples not decoded.
   */
  historyKnown?(session: bigint, digest: string): boolean;
  health(health: ReaderHealth, info: { frameTime: number; meta: FrameMeta }): void;
  /** every accepted frame (liveness) */
  frame(info: { kind: FrameKind; frameTime: number; meta: FrameMeta }): void;
  /** a new reader session (reader restart) */
  session(id: bigint): void;
}

export const SINK_EVENTS = ["catalog", "samples", "history", "health", "frame", "session"] as const satisfies readonly (keyof LinkSink)[];

/** Subscribe a sink's methods to an emitter of these events (LinkReceiver); returns the undo. */
export function attachSink(emitter: EventEmitter, sink: LinkSink): () => void {
  const fns = SINK_EVENTS.map((e) => [e, (...a: unknown[]) => (sink[e] as (...x: unknown[]) => void).apply(sink, a)] as const);
  for (const [e, f] of fns) emitter.on(e, f);
  return () => { for (const [e, f] of fns) emitter.off(e, f); };
}
