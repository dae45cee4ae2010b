/** Link sections of the reader and receiver config files. Owned by src/link. */
import { Type } from "@sinclair/typebox";
import { Duration, HostPort, Strict } from "./common.js";

const Auth = Type.Unsafe<"aes-256-gcm" | "hmac-sha256">({
  type: "string",
  enum: ["aes-256-gcm", "hmac-sha256"],
  default: "aes-256-gcm",
  description: "datagram authentication: aes-256-gcm (encrypts and authenticates) or hmac-sha256 (authenticates only, payload in clear); both ends must agree",
});

const Mtu = (description: string) =>
  Type.Integer({ minimum: 576, maximum: 65507, default: 1400, description });

const KeyFile = (description: string) => Type.String({ minLength: 1, description });

/** A nested section whose own keys all have defaults, so it may be left out. */
const Section = <T extends Parameters<typeof Type.Object>[0]>(props: T, description: string) =>
  Type.Object(props, { additionalProperties: false, description, default: {} });

export const ReaderLink = Strict({
  to: HostPort("the receiver's UDP address"),
  key: KeyFile("link key file written by `sluice keygen` (mode 0600), relative to this file"),
  auth: Auth,
  mtu: Mtu("largest UDP payload sent, in bytes; keep it under the path MTU minus 28 (1400 fits Ethernet with room for VLAN tags or tunnels)"),
  rate: Type.Integer({
    minimum: 10_000, default: 12_500_000,
    description: "pacing limit in bytes per second, counting all overhead (FEC, headers, IP/UDP); 12500000 = 100 Mbit/s",
  }),
  fec: Section({
    repair: Type.Number({
      minimum: 0, maximum: 1, default: 0.3,
      description: "repair datagrams per data datagram (Reed-Solomon); 0.3 with groups of 16 sends 5 repair per 16 data and keeps >= 99.9 % of frames at 5 % random loss; 0 disables FEC",
    }),
    group: Type.Integer({ minimum: 1, maximum: 128, default: 16, description: "data datagrams per FEC group" }),
    timeout: Duration("longest a FEC group stays open before its repair datagrams are sent, so a slow stream is not delayed", "10ms"),
  }, "forward error correction (the receiver learns the parameters from each datagram)"),
  queue: Type.Integer({
    minimum: 65_536, default: 8_388_608,
    description: "most frame bytes waiting to be sent; a frame that does not fit is dropped and counted",
  }),
  keyframe: Duration("period of a full carousel cycle of every tag's latest value", "2s"),
  birth: Duration("period of the birth frames (the tag catalogue)", "10s"),
  carouselShare: Type.Number({
    minimum: 0, maximum: 1, default: 0.25,
    description: "largest share of the link rate the keyframe/birth carousel may use",
  }),
  heartbeat: Duration("period of heartbeat frames (reader and source health)", "1s"),
  backfill: Section({
    share: Type.Number({
      minimum: 0, maximum: 0.5, default: 0.1,
      description: "share of the link rate the history carousel may use to re-send the journal (recent past first), so a receiver fills what it missed; 0 turns backfill off. Live values always go first",
    }),
  }, "history carousel: re-sends the reader's journal (see journal) so a receiver fills stretches it missed"),
  flush: Duration("longest a changed value waits to be packed into a delta frame", "5ms"),
}, "the one-way link to the receiver");

export const ReceiverLink = Strict({
  listen: HostPort("UDP address to receive on"),
  key: KeyFile("link key file written by `sluice keygen` (mode 0600), relative to this file"),
  nextKey: Type.Optional(KeyFile("a second key file accepted at the same time, for key rollover without a restart")),
  auth: Auth,
  mtu: Mtu("largest datagram accepted, in bytes; at least the reader's mtu (larger datagrams are rejected as oversize)"),
  recvBuffer: Type.Integer({
    minimum: 65_536, default: 4_194_304,
    description: "socket receive buffer in bytes (capped by the kernel's net.core.rmem_max; raise that for more)",
  }),
  timeout: Duration("the link is down after this long without an authenticated datagram", "3s"),
  stale: Duration("after the link is down this long, Uncertain values become Bad", "10s"),
  sessionSkew: Duration("how far a reader session's start time may be ahead of this host's clock; a session starting later is refused (reason session), so a forged far-future session cannot lock the genuine reader out; run NTP on both hosts", "5m"),
  reassembly: Section({
    frames: Type.Integer({ minimum: 1, maximum: 65_536, default: 256, description: "incomplete frames held at once (oldest dropped first)" }),
    timeout: Duration("an incomplete frame (or FEC group) is dropped after this long", "2s"),
  }, "bounds on frames being reassembled"),
}, "the one-way link from the reader");
