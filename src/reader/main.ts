/**
 * The OT-side reader process: configuration in, authenticated one-way frames out.
 *
 *   reader.yaml ──load (errors before anything starts)──▶ PolicyGate ──filterCatalog──▶ TagDef[] ──▶ link.setCatalog
 *   Scheduler ──samples──▶ policy.filterSamples ──▶ journal.append + link.update   (report by exception)
 *   journal ──(history carousel, link.backfill.share)──▶ link                  (recent past, re-sent)
 *   every link heartbeat: health (sources, policy hash, blocked, journal) ──▶ link.setHealth
 *
 * The reader opens no listening socket of any kind: drivers are clients and the
 * link socket only sends (DESIGN invariant 1; test/integration/reader proves it).
 * reload() (SIGHUP, called by the CLI) re-reads the whole file: the link key, the
 * crossing policy and the sources. An invalid file is refused as a whole and the
 * running configuration stays. Otherwise the new catalogue (aliases of known tags
 * kept where they fit) crosses as a birth on the same link session, and the
 * scheduler swaps only the runners of added, removed and changed sources:
 * unchanged sources keep polling without a gap, and a newly denied tag stops
 * crossing at once. Link settings other than the key need a restart (logged).
 */
import type { Logger } from "../core/log.js";
import type { Protocol, ReaderHealth, Sample, TagDef } from "../core/model.js";
import { parseDuration } from "../core/duration.js";
import { errorMessage } from "../core/errors.js";
import { loadReaderConfig, type LoadedReaderConfig } from "../config/reader.js";
import type { DriverFactory } from "../drivers/contract.js";
import { drivers } from "../drivers/registry.js";
import { LinkSender } from "../link/index.js";
import { PolicyGate } from "../policy/index.js";
import { buildCatalog } from "./catalog.js";
import { openJournal } from "./journal/open.js";
import { Scheduler } from "./scheduler.js";
import { realClock, type Clock, type Random } from "./clock.js";

export interface ReaderOptions {
  logger: Logger;
  /** aborting it closes the reader (runReader resolves) */
  signal?: AbortSignal;
  /** for tests: other drivers, a fake clock, fixed randomness */
  factories?: Readonly<Record<Protocol, DriverFactory>>;
  clock?: Clock;
  random?: Random;
}

export interface ReaderHandle {
  /** Re-read the link key and the crossing policy (SIGHUP). Errors are logged; the previous settings stay. */
  reload(): void;
  /** Stop polling, close drivers and the link; idempotent. */
  close(): Promise<void>;
  /** The health the next heartbeat carries. */
  health(): ReaderHealth;
  /** The catalogue crossing the link now. */
  catalog(): readonly TagDef[];
  readonly sessionId: bigint;
  /** Resolves when the reader has closed. */
  readonly done: Promise<void>;
}

/** How often held (rate-limited) values are offered to the policy again. */
const POLICY_CYCLE_MS = 100;

export async function startReader(file: string, opts: ReaderOptions): Promise<ReaderHandle> {
  const first: LoadedReaderConfig = loadReaderConfig(file);
  const { config, baseDir } = first;
  // What reloads need of the file as started; nothing below keeps `first` or `config` (the raw
  // file's tag list, and through its sliced strings the whole YAML text, are garbage after start).
  const started = { link: config.link, policy: config.policy };
  let sources = first.sources;
  // As in the receiver: a level in the file wins, else the caller's logger (SLUICE_LOG_LEVEL, else info).
  const logger = config.log?.level !== undefined ? opts.logger.child({}, { level: config.log.level }) : opts.logger;
  const policy = PolicyGate.load(config.policy, baseDir, logger.child({ part: "policy" }));
  const clock = opts.clock ?? realClock;
  const startedAt = clock.now();

  let catalog = buildCatalog(sources, policy);
  const journal = openJournal(config.journal, baseDir, logger.child({ part: "journal" }));
  let link: LinkSender;
  try {
    link = await LinkSender.open(config.link, { baseDir, logger: logger.child({ part: "link" }), history: journal });
  } catch (e) {
    journal.close();
    throw e;
  }
  journal.setCatalog(catalog.defs);
  link.setCatalog(catalog.defs);

  const def = (alias: number) => catalog.defs[alias];
  let lastJournalFault = 0;
  const journalFault = (e: unknown) => {
    if (clock.now() - lastJournalFault < 60_000) return;
    lastJournalFault = clock.now();
    logger.error({ err: errorMessage(e) }, "journal: samples not journalled");
  };
  const onSamples = (samples: Sample[]) => {
    const out = policy.filterSamples(samples, def, clock.now());
    if (out.length > 0) {
      link.update(out);
      // Live data first: a journal fault must never stop it (disk faults are handled inside).
      try { journal.append(out); } catch (e) { journalFault(e); }
    }
  };
  const scheduler: Scheduler = new Scheduler(catalog.sources, {
    factories: opts.factories ?? drivers, logger, onSamples,
    onStateChange: () => pushHealth(),
    clock, ...(opts.random ? { random: opts.random } : {}),
  });

  const health = (): ReaderHealth => ({ startedAt, policyHash: policy.hash, sources: scheduler.health(), blocked: policy.blocked(), journal: journal.health() });
  function pushHealth(): void {
    try { link.setHealth(health()); } catch (e) { logger.warn({ err: errorMessage(e) }, "health not sent"); }
  }

  try {
    scheduler.start();
  } catch (e) {
    await scheduler.stop().catch(() => undefined);
    await link.close();
    journal.close();
    throw e;
  }
  pushHealth();
  const heartbeatMs = parseDuration(config.link.heartbeat);
  const healthTimer = setInterval(pushHealth, heartbeatMs);
  const policyTimer = setInterval(() => onSamples([]), POLICY_CYCLE_MS);
  logger.info({ file, sources: catalog.sources.length, tags: catalog.defs.length, configured: first.tags.length, policyHash: policy.hash, sessionId: link.sessionId.toString(16) }, "reader started");

  let closing: Promise<void> | undefined;
  let resolveDone!: () => void;
  const done = new Promise<void>((r) => { resolveDone = r; });
  /** Move to `sources` under the policy in force: only what changed is touched. */
  const applySources = (why: string): void => {
    const next = buildCatalog(sources, policy, catalog.defs);
    const sameDefs = sameCatalog(next.defs, catalog.defs);
    const prevPaths = new Map(catalog.defs.map((d) => [d.path, d]));
    // tags whose value crosses on: same path and type (the link carries their last value over)
    const kept = next.defs.filter((d) => prevPaths.get(d.path)?.type === d.type);
    if (!sameDefs) {
      journal.setCatalog(next.defs);
      link.setCatalog(next.defs);
    }
    // with the time of the value carried, after which their samples go on (source-time order)
    const carried = new Map(kept.map((d) => [d.alias, link.latest(d.alias)?.sourceTime ?? -Infinity]));
    catalog = next;
    const r = scheduler.reconcile(next.sources, carried);
    const added = next.defs.filter((d) => !prevPaths.has(d.path)).length;
    const removed = prevPaths.size - (next.defs.length - added);
    if (!sameDefs || r.started.length + r.stopped.length > 0) {
      logger.info({ why, tags: next.defs.length, added, removed, kept: r.kept, started: r.started, stopped: r.stopped, birth: !sameDefs }, "sources reloaded");
    }
    pushHealth();
  };

  const close = (): Promise<void> => {
    closing ??= (async () => {
      clearInterval(healthTimer);
      clearInterval(policyTimer);
      await scheduler.stop();
      try { await link.close(); } catch (e) { logger.warn({ err: errorMessage(e) }, "link close failed"); }
      journal.close();
      logger.info("reader stopped");
      resolveDone();
    })();
    return closing;
  };

  if (opts.signal) {
    if (opts.signal.aborted) void close();
    else opts.signal.addEventListener("abort", () => { void close(); }, { once: true });
  }

  return {
    reload() {
      if (closing) return;
      let next: LoadedReaderConfig;
      try {
        next = loadReaderConfig(file);
      } catch (e) {
        logger.error({ err: errorMessage(e) }, "reload refused: the new file is invalid; the running configuration stays");
        return;
      }
      try {
        // The key path comes from the file as it is now (a rollover may point it at a new file).
        link.reloadKey(next.config.link.key);
        logger.info("link key reloaded");
      } catch (e) { logger.error({ err: errorMessage(e) }, "link key reload failed; the previous key stays in force"); }
      if (JSON.stringify({ ...next.config.link, key: "" }) !== JSON.stringify({ ...started.link, key: "" }) || next.config.policy !== started.policy) {
        logger.warn("link settings other than the key, and the policy file name, take effect only at restart");
      }
      const before = policy.hash;
      const policyChanged = policy.reload() && policy.hash !== before;
      sources = next.sources;
      try {
        applySources(policyChanged ? "configuration and crossing policy" : "configuration");
      } catch (e) { logger.error({ err: errorMessage(e) }, "applying the new sources failed"); }
    },
    close,
    health,
    catalog: () => catalog.defs,
    get sessionId() { return link.sessionId; },
    done,
  };
}

/** Same tags with the same aliases and fields (then no new birth is needed). */
function sameCatalog(a: readonly TagDef[], b: readonly TagDef[]): boolean {
  if (a.length !== b.length) return false;
  return a.every((d, i) => {
    const o = b[i]!;
    return d.path === o.path && d.type === o.type && d.unit === o.unit && d.description === o.description
      && d.range?.[0] === o.range?.[0] && d.range?.[1] === o.range?.[1];
  });
}

/** Run the reader until `opts.signal` aborts; rejects (before anything starts) on a bad configuration. */
export async function runReader(file: string, opts: ReaderOptions): Promise<void> {
  const handle = await startReader(file, opts);
  await handle.done;
}
