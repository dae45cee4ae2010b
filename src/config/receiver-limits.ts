/**
 * The `limits:` section of the receiver config: caps on everything an authenticated
 * frame can make the receiver hold or do. The link key authenticates the reader host,
 * not its good behaviour (SECURITY.md, the key holder): each cap here holds whatever a
 * key holder sends, and every frame or sample over a cap is dropped and counted in
 * sluice_receiver_dropped_total{reason}. Defaults admit everything a genuine reader
 * sends (its own config limits: names 128 characters, units 64, descriptions 1024).
 */
import { Type } from "@sinclair/typebox";
import { Duration } from "./common.js";

export const MAX_TAGS = 1_000_000;

const Section = <T extends Parameters<typeof Type.Object>[0]>(props: T, description: string) =>
  Type.Object(props, { additionalProperties: false, default: {}, description });

const Chars = (def: number, min: number, max: number, description: string) =>
  Type.Integer({ minimum: min, maximum: max, default: def, description });

export const CatalogueLimits = Section({
  path: Chars(512, 16, 65_536, "longest tag path in a catalogue, in characters; a birth part with a longer one is dropped"),
  unit: Chars(64, 8, 65_536, "longest unit text in a catalogue, in characters; a birth part with a longer one is dropped"),
  description: Chars(1024, 16, 1_048_576, "longest tag description in a catalogue, in characters; a birth part with a longer one is dropped"),
  text: Chars(32 * 1024 * 1024, 65_536, 512 * 1024 * 1024,
    "most characters of text (paths, units, descriptions) in one catalogue; a catalogue over it is dropped while it assembles"),
  assembling: Chars(64 * 1024 * 1024, 65_536, 1024 * 1024 * 1024,
    "most characters of text held by all unfinished catalogues together; the least recently fed is dropped first"),
  lifetime: Duration("an unfinished catalogue that receives no part for this long is dropped (raise it on very slow links)", "60s"),
  interval: Duration("shortest time between two catalogue changes; a catalogue completing sooner waits for it, and is replaced if a newer one completes meanwhile", "1s"),
}, "bounds on the tag catalogue (birth frames) while it assembles and when it changes");

export const TimeLimits = Section({
  skew: Duration("a sample time or heartbeat time later than the receiver's clock plus this is dropped (reader and receiver clocks must agree within it)", "5m"),
  maxAge: Duration("a sample time earlier than the receiver's clock minus this is dropped; a tag that has not changed keeps its source time, so keep this above the longest a value may stay unchanged and above the reader's journal retention", "3650d"),
}, "the window of source times the receiver accepts, around its own clock");

export const HeartbeatLimits = Section({
  bytes: Type.Integer({
    minimum: 4096, maximum: 16 * 1024 * 1024, default: 262_144,
    description: "largest heartbeat frame in bytes; a larger one is dropped",
  }),
  sources: Type.Integer({
    minimum: 1, maximum: 100_000, default: 1000,
    description: "most sources (and most policy-block reasons) in one heartbeat; a heartbeat with more is dropped (bounds the sluice_source_* label sets)",
  }),
  text: Chars(256, 200, 65_536, "longest string in a heartbeat (source name, error text, policy hash, block reason), in characters; a heartbeat with a longer one is dropped"),
}, "bounds on heartbeat frames (reader and source health)");

export const ReceiverLimits = Section({
  tags: Type.Integer({
    minimum: 1, maximum: MAX_TAGS, default: 200_000,
    description: "most tags accepted from the reader's catalogue; extra tags are ignored and logged",
  }),
  string: Type.Integer({
    minimum: 256, maximum: 16 * 1024 * 1024, default: 16_384,
    description: "longest string value, in characters; a longer one is served as null with BadOutOfRange (history holds history.samples values per string tag)",
  }),
  catalogue: CatalogueLimits,
  time: TimeLimits,
  heartbeat: HeartbeatLimits,
}, "caps that keep memory and work bounded whatever the link carries, even from a key holder");
