/**
 * The crossing-policy gate: what may leave the control network. The reader holds
 * one and filters before anything is encoded; the receiver holds its own copy and
 * filters again. Pure apart from reading the policy file and logging decisions.
 *
 *   reader:   tags ──filterCatalog──▶ birth      samples ──filterSamples──▶ encode ──▶ link
 *   receiver: link ──▶ birth ──filterCatalog──▶ store   samples ──filterSamples──▶ store
 *
 * Fail closed (SECURITY.md: policies fail closed): no policy refuses to start (unless the config
 * says `policy: allow-all`, which is logged as a warning); a tag no allow rule matches
 * is denied; a value the gate cannot check (unknown alias, wrong kind) is dropped;
 * an invalid reload keeps the policy already in force.
 */
import { createHash } from "node:crypto";
import { isAbsolute, resolve } from "node:path";
import type { Logger } from "../core/log.js";
import type { Sample, TagDef, TagType } from "../core/model.js";
import { SluiceError, errorMessage } from "../core/errors.js";
import { loadPolicyFile, type CompiledPolicy } from "./compile.js";
import { evaluate } from "./evaluate.js";
import { SampleFilter } from "./samples.js";

export { BLOCK_REASONS, type BlockReason } from "./samples.js";

export interface Decision {
  path: string;
  allowed: boolean;
  /** The deciding rule's label, else "rules[N]", else "default deny", or "allow-all". */
  rule: string;
  /** Why a constraint (not a deny rule) blocked the tag, e.g. "type bool is not float32|float64". */
  detail?: string;
}

export const ALLOW_ALL = "allow-all";
/** Blocked paths listed in the start-up decision log line (the rest are counted). */
const LOG_BLOCKED_MAX = 100;

export class PolicyGate {
  private policy: CompiledPolicy | null;
  private generation = 0;
  private readonly samples: SampleFilter;
  private lastLogged = "";

  private constructor(policy: CompiledPolicy | null, private readonly logger: Logger) {
    this.policy = policy;
    this.samples = new SampleFilter((path, type) => evaluate(this.policy!, path, type), () => this.generation);
  }

  /**
   * `ref` is "allow-all" (logged as a warning) or a policy file, relative to `baseDir`
   * (the directory of the config file that names it) unless absolute. A missing ref,
   * an unreadable, empty or invalid file: SluiceError SLUICE_ERR_POLICY (exit 2).
   */
  static load(ref: string | undefined, baseDir: string, logger: Logger): PolicyGate {
    if (ref === undefined || ref.trim() === "") {
      throw new SluiceError("SLUICE_ERR_POLICY",
        "policy: no crossing policy configured; set policy: FILE (see policies/), or policy: allow-all to let every tag cross unchecked (labs only)");
    }
    if (ref === ALLOW_ALL) {
      logger.warn({ policy: ALLOW_ALL }, "crossing policy allow-all: every configured tag crosses unchecked; use a policy file in production");
      return new PolicyGate(null, logger);
    }
    const policy = loadPolicyFile(isAbsolute(ref) ? ref : resolve(baseDir, ref));
    logger.info({ policy: policy.file, hash: policy.hash, deny: policy.deny.length, allow: policy.allow.length }, "crossing policy loaded");
    if (policy.allow.length === 0) logger.warn({ policy: policy.file }, "crossing policy has no allow rule: nothing will cross");
    return new PolicyGate(policy, logger);
  }

  /** Hex sha256 prefix (16 chars) of the canonical policy, or "allow-all". Changes on reload. */
  get hash(): string {
    return this.policy?.hash ?? ALLOW_ALL;
  }

  get allowAll(): boolean {
    return this.policy === null;
  }

  /** The policy file in force (absolute), or null for allow-all. */
  get file(): string | null {
    return this.policy?.file ?? null;
  }

  /** May `path` cross? With `type`, the deciding rule's type constraint is checked too. */
  decide(path: string, type?: TagType): Decision {
    if (this.policy === null) return { path, allowed: true, rule: ALLOW_ALL };
    const v = evaluate(this.policy, path, type);
    return v.detail === undefined ? { path, allowed: v.allowed, rule: v.rule } : { path, allowed: v.allowed, rule: v.rule, detail: v.detail };
  }

  /** Split a catalogue into the tags that may cross and every decision; logs them when they change. */
  filterCatalog<T extends { path: string; type: TagType }>(tags: T[]): { allowed: T[]; decisions: Decision[] } {
    const allowed: T[] = [];
    const decisions: Decision[] = [];
    for (const t of tags) {
      const d = this.decide(t.path, t.type);
      decisions.push(d);
      if (d.allowed) allowed.push(t);
    }
    this.logDecisions(tags, decisions);
    return { allowed, decisions };
  }

  /**
   * Enforce the constraints on samples (see samples.ts for the maxRate semantics:
   * call every cycle, an empty array is fine, so held updates are released).
   * allow-all returns `samples` itself.
   */
  filterSamples(samples: Sample[], def: (alias: number) => TagDef | undefined, now: number): Sample[] {
    if (this.policy === null) return samples;
    return this.samples.filter(samples, def, now);
  }

  /** The same rules for history (backfill), without maxRate; allow-all returns `samples` itself. */
  filterHistory(samples: Sample[], def: (alias: number) => TagDef | undefined): Sample[] {
    if (this.policy === null) return samples;
    return this.samples.check(samples, def);
  }

  /** Values blocked since start, by reason: denied, type, range, rate, flagged (crossed with BadOutOfRange), unknown (no catalogue entry). */
  blocked(): Record<string, number> {
    return this.samples.blocked();
  }

  /** Re-read the same file. Invalid: log the error, keep the policy in force, return false. */
  reload(): boolean {
    if (this.policy === null) {
      this.logger.info({ policy: ALLOW_ALL }, "crossing policy reload: allow-all has no file to re-read");
      return true;
    }
    const previous = this.policy;
    let next: CompiledPolicy;
    try {
      next = loadPolicyFile(previous.file);
    } catch (e) {
      this.logger.error({ policy: previous.file, hash: previous.hash, err: errorMessage(e) }, "crossing policy reload rejected; the previous policy stays in force");
      return false;
    }
    this.policy = next;
    this.generation++;
    this.lastLogged = "";
    this.logger.info({ policy: next.file, hash: next.hash, previousHash: previous.hash }, next.hash === previous.hash ? "crossing policy reloaded (unchanged)" : "crossing policy reloaded");
    return true;
  }

  /** One summary line per distinct (policy, catalogue); per-tag lines at debug. Births repeat; logs do not. */
  private logDecisions(tags: readonly { path: string; type: TagType }[], decisions: readonly Decision[]): void {
    const h = createHash("sha1").update(this.hash);
    for (const t of tags) h.update(`\n${t.path}\t${t.type}`);
    const fingerprint = h.digest("hex");
    if (fingerprint === this.lastLogged) return;
    this.lastLogged = fingerprint;
    const byRule: Record<string, number> = {};
    const blockedPaths: string[] = [];
    let crossing = 0;
    for (const d of decisions) {
      byRule[d.rule] = (byRule[d.rule] ?? 0) + 1;
      if (d.allowed) crossing++;
      else if (blockedPaths.length < LOG_BLOCKED_MAX) blockedPaths.push(d.path);
    }
    this.logger.info({ policyHash: this.hash, tags: decisions.length, crossing, blocked: decisions.length - crossing, byRule, blockedPaths }, "crossing policy decisions");
    if (this.logger.isLevelEnabled("debug")) {
      for (const d of decisions) this.logger.debug({ path: d.path, allowed: d.allowed, rule: d.rule, detail: d.detail }, "crossing policy decision");
    }
  }
}
