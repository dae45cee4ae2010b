/**
 * The link frame codec (what the reader says, not how it crosses): domain Frame <->
 * protobuf bytes per proto/sluice.proto. See ./frame.ts for the byte layout.
 */
export { encodeFrame, encodeSamplesFrame, encodeHistoryFrame, decodeFrame, peekFrame, peekHistory, type FrameHeader, type HistoryHead } from "./frame.js";
export { Packer } from "./pack.js";
export { FrameError, type FrameErrorReason } from "./wire.js";
export { MAX_SAMPLES } from "./values.js";
export { coerceValue, MISMATCH } from "./coerce.js";
export { planBirthParts, encodeBirth, FRAME_OVERHEAD } from "./birth.js";
export { MAX_ERROR_TEXT } from "./health.js";
