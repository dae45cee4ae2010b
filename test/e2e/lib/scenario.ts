/**
 * The scenario machinery of the one-way suite: phases that stop the rest early
 * after a failure, faults (inject, restore, wait for convergence past the
 * pre-outage counters), figures printed as "e2e: ..." comments, and the REST
 * and ss look-ups the phases share.
 *
 *   phase(name) ──▶ fault(inject, restore) ──▶ Observer phase (statuses seen) + Fault {start, restored, recovered}
 *                └─▶ say(figure) ──▶ TAP comment "# e2e: ..." (key figures again in the closing summary)
 */
import type tap from "tap";
import { converged, counterOf, secs, seqText, type HistorySample } from "./checks.js";
import type { Phase, Snapshot } from "./observe.js";
import { PATHS, SOURCES } from "./plant.js";
import type { World } from "./world.js";

export type T = Parameters<Parameters<typeof tap.test>[0]>[0];

export interface Fault { name: string; start: number; restored: number; recovered: number; seq: Record<string, string[]> }

export interface LinkJson {
  up: boolean; framesReceived: number; framesLost: number; framesRecovered: number; sessions: number; rejected: Record<string, number>;
}

interface SourcesJson { sources: { name: string; state: string }[] }

/** "plc1:up" per source, sorted */
export const sourceStates = (b: SourcesJson) => b.sources.map((x) => `${x.name}:${x.state}`).sort();

/** Status sequences grouped: "every tag A > B", or "plc1/* A > B; plc2/* A" when the sources differ. */
export function seqSummary(seq: Record<string, string[]>, paths: readonly string[] = PATHS): string {
  const groups = new Map<string, string[]>();
  for (const p of paths) {
    const k = seqText(seq[p] ?? []);
    groups.set(k, [...(groups.get(k) ?? []), p]);
  }
  if (groups.size === 1) return `every tag ${[...groups.keys()][0]}`;
  const name = (ps: string[]) => {
    const src = SOURCES.find((s) => paths.filter((p) => p.startsWith(`${s}/`)).every((p) => ps.includes(p)) && ps.every((p) => p.startsWith(`${s}/`)));
    return src ? `${src}/*` : ps.join(",");
  };
  return [...groups].map(([k, ps]) => `${name(ps)} ${k}`).join("; ");
}

export class Scenario {
  readonly faults: Fault[] = [];
  readonly summary: string[] = [];
  private broken = false;

  constructor(private readonly t: T, readonly w: World) {}

  /** print a figure; `key` ones are repeated in the summary at the end */
  say(tt: T, line: string, key = false): void {
    if (key) this.summary.push(line);
    tt.comment(`e2e: ${line}`);
  }

  /** A phase; after a failure the later ones fail at once (except `always`) instead of waiting out their timeouts. */
  phase(name: string, fn: (tt: T) => Promise<void>, always = false): Promise<unknown> {
    return this.t.test(name, async (tt) => {
      if (this.broken && !always) return void tt.fail("not run: an earlier phase failed (see above)");
      try {
        await fn(tt);
      } catch (e) {
        this.broken = true;
        tt.comment(`process output:\n${this.w.tails()}`);
        throw e;
      }
    });
  }

  /** Each source's counter as IT last saw it. */
  counters(): Record<string, number> {
    return Object.fromEntries(SOURCES.map((s) => [s, counterOf(this.w.obs.latest, s)]));
  }

  /** Inject a fault, restore, and wait until every tag is Good with the PLC's values past the pre-outage counters. */
  async fault(tt: T, name: string, inject: () => Promise<void>, restore: () => Promise<void>): Promise<Fault> {
    const before = this.counters();
    const p: Phase = this.w.obs.begin(name);
    const start = Date.now();
    await inject();
    const restored = Date.now();
    await restore();
    const done: Snapshot = await this.w.obs.until((s) => converged(s, this.w.epoch, before), 120_000, `every tag Good again after ${name}`);
    const f: Fault = { name, start, restored, recovered: done.at, seq: Object.fromEntries([...p.seq].map(([k, v]) => [k, [...v]])) };
    this.faults.push(f);
    this.say(tt, `fault ${name}: outage ${secs(restored - start)}, recovery ${secs(done.at - restored)} after the restore (${secs(done.at - start)} in all); statuses seen in it: ${seqSummary(f.seq)}`, true);
    for (const src of SOURCES) tt.ok(counterOf(done, src) > before[src]!, `${src}/counter went on past ${before[src]} (now ${counterOf(done, src)}, the PLC's)`);
    return f;
  }

  /** poll a REST path from it until pred holds */
  async restUntil<B>(path: string, pred: (body: B) => boolean, ms: number, what: string): Promise<B> {
    const end = Date.now() + ms;
    for (;;) {
      const r = await this.w.client.rest<B>(path).catch(() => null);
      if (r && r.status === 200 && pred(r.body)) return r.body;
      if (Date.now() > end) throw new Error(`timed out after ${ms} ms waiting for ${what}; last ${path}: ${JSON.stringify(r?.body)}`);
      await new Promise((res) => setTimeout(res, 100));
    }
  }

  async sources(): Promise<SourcesJson> {
    return (await this.w.client.rest<SourcesJson>("/api/v1/sources")).body;
  }

  async link(): Promise<LinkJson> {
    return (await this.w.client.rest<LinkJson>("/api/v1/link")).body;
  }

  async history(path: string): Promise<HistorySample[]> {
    return (await this.w.client.rest<{ samples: HistorySample[] }>(`/api/v1/tags/${path}/history?limit=100000`)).body.samples;
  }

  /** `ss` in ot: every listening socket there, and every socket of the reader's pid. */
  readerSockets(): { listening: string[]; reader: string[] } {
    const rows = (args: string[]) => this.w.topo.exec(this.w.topo.ns.ot, "ss", args).stdout.split("\n").filter(Boolean).map((l) => l.replace(/\s+/g, " "));
    return { listening: rows(["-lntupH"]), reader: rows(["-ntupaH"]).filter((l) => l.includes(`pid=${this.w.reader.pid},`)) };
  }
}

/** keep a fault going until `at` (a fault's duration, not an assertion) */
export const holdUntil = (at: number) => new Promise((r) => setTimeout(r, Math.max(0, at - Date.now())));
