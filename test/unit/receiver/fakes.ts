/** Test doubles for the store's inputs: a link feed and a policy gate driven by hand. */
import { EventEmitter } from "node:events";
import type { ReaderHealth, Sample, TagDef, TagType } from "../../../src/core/model.js";
import { silentLogger } from "../../../src/core/log.js";
import { attachSink, type LinkSink } from "../../../src/link/index.js";
import { TagStore, type LinkFeed, type StoreGate, type StoreOptions } from "../../../src/receiver/store.js";

export class FakeLink extends EventEmitter implements LinkFeed {
  rejected: Record<string, number> = { auth: 0, replay: 0, malformed: 0, version: 0, oversize: 0, session: 0 };
  birth = false;
  sessionId: bigint | null = null;
  lastFrameTime: number | null = null;
  framesReceived = 0;
  stats() {
    return {
      datagramsReceived: this.framesReceived, framesReceived: this.framesReceived, framesLost: 0, framesRecovered: 0,
      sessions: this.sessionId === null ? 0 : 1, sessionId: this.sessionId, lastFrameTime: this.lastFrameTime,
      birth: this.birth, rejected: { ...this.rejected },
    };
  }
  /** What the transport counts (datagrams), set by hand. */
  countReject(reason: string, n = 1): void {
    this.rejected[reason] = (this.rejected[reason] ?? 0) + n;
  }
  attach(sink: LinkSink): () => void {
    return attachSink(this, sink);
  }
  /** Emit a frame the way LinkReceiver does: "frame" plus its content event. */
  catalog(tags: TagDef[], at = Date.now()): void {
    this.birth = true;
    this.frame("birth", at);
    this.emit("catalog", tags, 1, this.meta(at));
  }
  samples(samples: Sample[], at = Date.now(), kind = "delta"): void {
    this.frame(kind, at);
    this.emit("samples", samples, { kind, frameTime: at, meta: this.meta(at) });
  }
  /** A history frame part, as LinkReceiver emits it (contract 1). */
  history(samples: Sample[], w: { from: number; to: number; part?: number; parts?: number }, at = Date.now()): void {
    this.frame("history", at);
    this.emit("history", samples, { from: w.from, to: w.to, part: w.part ?? 0, parts: w.parts ?? 1, frameTime: at, meta: this.meta(at) });
  }
  /** A new reader session (as the intake reports it). */
  session(id: bigint): void {
    this.sessionId = id;
    this.emit("session", id);
  }
  health(h: ReaderHealth, at = Date.now()): void {
    this.frame("heartbeat", at);
    this.emit("health", h, { kind: "heartbeat", frameTime: at, meta: this.meta(at) });
  }
  frame(kind: string, at: number): void {
    this.framesReceived++;
    this.lastFrameTime = at;
    this.emit("frame", { kind, frameTime: at, meta: this.meta(at) });
  }
  private meta(at: number) {
    return { sessionId: this.sessionId ?? 1n, seq: BigInt(this.framesReceived), keyId: 1, receivedAt: at };
  }
}

/** Denies any path containing "secret"; drops samples whose value is 666. */
export class FakeGate implements StoreGate {
  hash = "local-hash";
  deny = /secret/;
  filterCatalog<T extends { path: string; type: TagType }>(tags: T[]) {
    return { allowed: tags.filter((t) => !this.deny.test(t.path)) };
  }
  dropped = 0;
  filterSamples(samples: Sample[], def: (alias: number) => TagDef | undefined): Sample[] {
    const out = samples.filter((s) => def(s.alias) !== undefined && s.value !== 666);
    this.dropped += samples.length - out.length;
    return out;
  }
  blocked(): Record<string, number> {
    return { denied: this.dropped, flagged: 1000 };
  }
}

export function makeStore(over: Partial<StoreOptions> = {}) {
  const link = new FakeLink();
  const gate = new FakeGate();
  const clock = { t: 1_700_000_000_000 };
  const store = new TagStore({
    link, gate, logger: silentLogger, historyDepth: 5, maxTags: 1000, timeoutMs: 3000, staleMs: 10_000,
    now: () => clock.t, ...over,
  });
  return { link, gate, clock, store };
}

export function defs(...spec: [string, TagType, string?][]): TagDef[] {
  return spec.map(([path, type, unit], alias) => ({ alias, path, type, ...(unit ? { unit } : {}) }));
}

export function health(policyHash: string, at = 0): ReaderHealth {
  return {
    startedAt: at, policyHash, blocked: {},
    sources: [{ name: "press1", protocol: "modbus", state: "up", lastPollTime: at, pollsOk: 10, pollsError: 2, overruns: 0 }],
  };
}
