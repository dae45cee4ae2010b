/**
 * What IT sees, recorded: requests to the it-namespace client process, and an
 * observer that polls /api/v1/tags there every 100 ms and keeps, per phase,
 * the sequence of distinct statuses each tag showed.
 *
 *   it-client (REST, OPC UA) ◀─JSON lines─▶ ItClient.request ◀── Observer loop ──▶ snapshots ──▶ phase.seq[path] = [Good, Uncertain..., Bad..., Good]
 *                                                                      └──▶ until(predicate): resolves on the first snapshot that satisfies it
 *
 * A refused connection (receiver restarting) shows as "unreachable", a tag the
 * receiver does not have (yet) as "absent".
 */
import type { Proc } from "./procs.js";

export interface TagView { value: unknown; status: string; sourceTime: string | null }
export interface Snapshot { at: number; ok: boolean; error?: string; tags: Map<string, TagView> }

interface Reply { id: number; ok: boolean; error?: string; status?: number; body?: unknown; values?: TagView[]; history?: TagView[][] }

export class ItClient {
  private next = 1;
  private readonly pending = new Map<number, (r: Reply) => void>();

  constructor(readonly proc: Proc) {
    proc.onLine((line) => {
      if (!line.startsWith("{\"id\"")) return;
      let r: Reply;
      try { r = JSON.parse(line) as Reply; } catch { return; }
      this.pending.get(r.id)?.(r);
      this.pending.delete(r.id);
    });
  }

  request(req: { op: "rest"; path: string } | { op: "ua"; paths: string[] } | { op: "hist"; paths: string[]; from: number; to: number }, ms = 20_000): Promise<Reply> {
    const id = this.next++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`it-client: no answer to ${JSON.stringify(req)} within ${ms} ms\n${this.proc.tail()}`));
      }, ms);
      this.pending.set(id, (r) => { clearTimeout(timer); resolve(r); });
      this.proc.send(JSON.stringify({ id, ...req }));
    });
  }

  /** GET a REST path from it; throws when the receiver cannot be reached. */
  async rest<T = unknown>(path: string): Promise<{ status: number; body: T }> {
    const r = await this.request({ op: "rest", path });
    if (!r.ok) throw new Error(`GET ${path} from it: ${r.error}`);
    return { status: r.status ?? 0, body: r.body as T };
  }

  /** Read tag paths over OPC UA from it. */
  async ua(paths: string[]): Promise<TagView[]> {
    const r = await this.request({ op: "ua", paths }, 60_000);
    if (!r.ok) throw new Error(`OPC UA read from it: ${r.error}`);
    return r.values ?? [];
  }

  /** HistoryRead ReadRaw of [from, to) over every path in one call from it: each path's samples, oldest first. */
  async history(paths: string[], from: number, to: number): Promise<TagView[][]> {
    const r = await this.request({ op: "hist", paths, from, to }, 60_000);
    if (!r.ok) throw new Error(`OPC UA HistoryRead from it: ${r.error}`);
    return r.history ?? [];
  }
}

export interface Phase {
  name: string;
  startedAt: number;
  /** distinct consecutive statuses per tag path */
  seq: Map<string, string[]>;
}

export class Observer {
  latest: Snapshot | null = null;
  private phase: Phase | null = null;
  private running = false;
  private loop: Promise<void> = Promise.resolve();
  private readonly waiters = new Set<(s: Snapshot) => void>();

  constructor(private readonly client: ItClient, private readonly paths: readonly string[], private readonly everyMs = 100) {}

  start(): void {
    this.running = true;
    this.loop = (async () => {
      while (this.running) {
        const t0 = Date.now();
        await this.poll();
        await new Promise((r) => setTimeout(r, Math.max(0, this.everyMs - (Date.now() - t0))));
      }
    })();
  }

  async stop(): Promise<void> {
    this.running = false;
    await this.loop;
  }

  /** Start recording a new phase (the previous one, if any, ends). */
  begin(name: string): Phase {
    this.phase = { name, startedAt: Date.now(), seq: new Map(this.paths.map((p) => [p, []])) };
    if (this.latest) this.record(this.latest);
    return this.phase;
  }

  /** Resolves with the first snapshot (the latest one included) for which pred holds. */
  until(pred: (s: Snapshot) => boolean, ms: number, what: string): Promise<Snapshot> {
    if (this.latest && pred(this.latest)) return Promise.resolve(this.latest);
    return new Promise((resolve, reject) => {
      const check = (s: Snapshot) => {
        if (!pred(s)) return;
        this.waiters.delete(check);
        clearTimeout(timer);
        resolve(s);
      };
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        reject(new Error(`timed out after ${ms} ms waiting for ${what}; last seen: ${describe(this.latest, this.paths)}`));
      }, ms);
      this.waiters.add(check);
    });
  }

  private async poll(): Promise<void> {
    let snap: Snapshot;
    try {
      const r = await this.client.request({ op: "rest", path: "/api/v1/tags" }, 10_000);
      const tags = new Map<string, TagView>();
      if (r.ok && r.status === 200) {
        for (const tag of (r.body as { tags: (TagView & { path: string })[] }).tags) tags.set(tag.path, tag);
      }
      snap = { at: Date.now(), ok: r.ok && r.status === 200, tags, ...(r.ok ? {} : { error: r.error ?? "?" }) };
    } catch (e) {
      snap = { at: Date.now(), ok: false, error: String(e), tags: new Map() };
    }
    this.latest = snap;
    this.record(snap);
    for (const w of [...this.waiters]) w(snap);
  }

  private record(s: Snapshot): void {
    if (!this.phase) return;
    for (const [path, seq] of this.phase.seq) {
      const st = !s.ok ? "unreachable" : (s.tags.get(path)?.status ?? "absent");
      if (seq[seq.length - 1] !== st) seq.push(st);
    }
  }
}

/** One line about a snapshot, for failure messages. */
export function describe(s: Snapshot | null, paths: readonly string[]): string {
  if (!s) return "nothing yet";
  if (!s.ok) return `REST unreachable (${s.error})`;
  return paths.map((p) => {
    const v = s.tags.get(p);
    return v ? `${p}=${JSON.stringify(v.value)} ${v.status}` : `${p} absent`;
  }).join(", ");
}
