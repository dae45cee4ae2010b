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
 * reload() (SIGHUP, called by the CLI) re-reads the link key and the crossing
 * policy; when the set of crossing tags changes, polling restarts on the new
 * catalogue so that a newly denied tag stops crossing at once.
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
  const loaded: LoadedReaderConfig = loadReaderConfig(file);
  const { config, baseDir } = loaded;
  // As in the receiver: a level in the file wins, else the caller's logger (SLUICE_LOG_LEVEL, else info).
  const logger = config.log?.level !== undefined ? opts.logger.child({}, { level: config.log.level }) : opts.logger;
  const policy = PolicyGate.load(config.policy, baseDir, logger.child({ part: "policy" }));
  const clock = opts.clock ?? realClock;
  const startedAt = clock.now();

  let catalog = buildCatalog(loaded.sources, policy);
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
  let scheduler: Scheduler;
  const newScheduler = () => new Scheduler(catalog.sources, {
    factories: opts.factories ?? drivers, logger, onSamples,
    onStateChange: () => pushHealth(),
    clock, ...(opts.random ? { random: opts.random } : {}),
  });

  const health = (): ReaderHealth => ({ startedAt, policyHash: policy.hash, sources: scheduler.health(), blocked: policy.blocked(), journal: journal.health() });
  function pushHealth(): void {
    try { link.setHealth(health()); } catch (e) { logger.warn({ err: errorMessage(e) }, "health not sent"); }
  }

  scheduler = newScheduler();
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
  logger.info({ file, sources: catalog.sources.length, tags: catalog.defs.length, configured: loaded.tags.length, policyHash: policy.hash, sessionId: link.sessionId.toString(16) }, "reader started");

  let closing: Promise<void> | undefined;
  let resolveDone!: () => void;
  const done = new Promise<void>((r) => { resolveDone = r; });
  let reloading: Promise<void> = Promise.resolve();

  const restart = async () => {
    const next = buildCatalog(loaded.sources, policy);
    const same = next.defs.length === catalog.defs.length && next.defs.every((d, i) => d.path === catalog.defs[i]!.path);
    if (same) return;
    logger.warn({ before: catalog.defs.length, after: next.defs.length }, "crossing policy changed the catalogue: restarting polling on the new one");
    await scheduler.stop();
    if (closing) return;
    catalog = next;
    journal.setCatalog(catalog.defs);
    link.setCatalog(catalog.defs);
    scheduler = newScheduler();
    scheduler.start();
    pushHealth();
  };

  const close = (): Promise<void> => {
    closing ??= (async () => {
      clearInterval(healthTimer);
      clearInterval(policyTimer);
      await reloading.catch(() => undefined);
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
      try {
        // The key path comes from the file as it is now (a rollover may point it at a new file).
        link.reloadKey(loadReaderConfig(file).config.link.key);
        logger.info("link key reloaded");
      } catch (e) { logger.error({ err: errorMessage(e) }, "link key reload failed; the previous key stays in force"); }
      const before = policy.hash;
      if (policy.reload() && policy.hash !== before) {
        reloading = reloading.then(restart).catch((e: unknown) => { logger.error({ err: errorMessage(e) }, "restart after policy reload failed"); });
      }
      pushHealth();
    },
    close,
    health,
    catalog: () => catalog.defs,
    get sessionId() { return link.sessionId; },
    done,
  };
}

/** Run the reader until `opts.signal` aborts; rejects (before anything starts) on a bad configuration. */
export async function runReader(file: string, opts: ReaderOptions): Promise<void> {
  const handle = await startReader(file, opts);
  await handle.done;
}
