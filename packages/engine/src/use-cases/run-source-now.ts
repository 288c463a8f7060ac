import { randomBytes } from 'node:crypto';
import { DomainError } from '@applydesk/domain';
import type { EngineContext, ProgressEvent } from '../context.js';
import { assessHealth } from '../sources/health.js';
import { pickSource, resolveSources, type ResolvedSource } from '../sources/resolve-sources.js';
import { ingestFromSources, type SourceRunSummary } from '../sources/run-sources.js';
import type { SourceRunTrigger } from '@applydesk/store';
import { rankJobs, type RankResult } from './rank-jobs.js';

/** A run started on request ("Run now"), as the caller is told about it. */
export interface StartedSourceRun {
  id: string;
  source: string;
  startedAt: string;
}

/** How a started run ended: its summary, what ranking did, or why it could not finish. */
export interface SourceRunOutcome {
  run: StartedSourceRun;
  status: 'ok' | 'failed' | 'skipped';
  summary: SourceRunSummary | null;
  ranked: RankResult | null;
  error: string | null;
}

/** The events a run writes (entity `source`, streamed to the dashboard as `source`). */
export const SOURCE_RUN_ACTIONS = {
  started: 'source.run_started',
  progress: 'source.run_progress',
  finished: 'source.run_finished',
  failed: 'source.run_failed',
} as const;

/** At most one progress event per run per this many ms; the first and last are always written. */
export const PROGRESS_EVERY_MS = 1000;

/** How many rejected postings the final event names (the count covers them all). */
const ERROR_SAMPLES = 5;

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Lets progress through at most once per `everyMs`: the events table is append-only, and a
 * source paging quickly would otherwise write a row per page.
 */
export function progressThrottle(everyMs: number, clock: () => number = Date.now): () => boolean {
  let last = Number.NEGATIVE_INFINITY;
  return () => {
    const now = clock();
    if (now - last < everyMs) return false;
    last = now;
    return true;
  };
}

/** Why a source may not run now without `force` (its back-off after failures), or null. */
async function heldBackReason(
  ctx: EngineContext,
  source: ResolvedSource,
): Promise<{ reason: string; until: string } | null> {
  const health = assessHealth(await ctx.store.sourceRuns.list(source.sourceId, { limit: 20 }));
  const until = health.degradedUntil;
  if (until === null || Date.parse(until) <= ctx.now().getTime()) return null;
  const failures = health.consecutiveFailures;
  return {
    reason: `${source.name} is ${health.state} until ${until} after ${failures} failed run${failures === 1 ? '' : 's'} (${health.reason ?? 'no reason given'})`,
    until,
  };
}

/**
 * Runs of single sources in the background, one at a time per source: those started by
 * request and those the scheduler fires, so the dashboard sees both under way and a request
 * never overlaps a scheduled run of the same source. A requested run follows
 * `applydesk ingest --source`: it is not held to the terms' shortest interval between
 * scheduled runs (the scheduler checks that itself), but a source backing off after failures
 * (or a Retry-After) runs only when forced. What a run brings in is ranked. Progress, the
 * summary or the failure are written as `source` events.
 */
export class SourceRunner {
  readonly #ctx: EngineContext;
  readonly #active = new Map<string, { run: StartedSourceRun; done: Promise<SourceRunOutcome> }>();
  /** Progress events per run at most once per this many ms. */
  progressEveryMs = PROGRESS_EVERY_MS;
  /** The clock of the throttle (ms); the engine's clock may stand still in tests. */
  clock: () => number = Date.now;

  constructor(ctx: EngineContext) {
    this.#ctx = ctx;
  }

  /** The run of a source under way, or null. */
  running(name: string): StartedSourceRun | null {
    return this.#active.get(name)?.run ?? null;
  }

  /** How many runs are under way. */
  get active(): number {
    return this.#active.size;
  }

  /** Waits for every run under way to end (before closing the store). */
  async idle(): Promise<void> {
    await Promise.all([...this.#active.values()].map((a) => a.done));
  }

  /**
   * Starts a run of the named source and returns once it is under way. NOT_FOUND for a name
   * not configured, CONFLICT while it runs already or cannot run (secrets missing),
   * RATE_LIMITED while it backs off (details.retryAt says until when) unless `force`.
   */
  async start(
    name: string,
    options: { actor: string; force?: boolean; trigger?: SourceRunTrigger },
  ): Promise<StartedSourceRun & { done: Promise<SourceRunOutcome> }> {
    const ctx = this.#ctx;
    const source = pickSource(
      resolveSources(ctx.sources ?? { entries: [], secret: () => undefined }),
      name,
    );
    const current = this.#active.get(source.name);
    if (current !== undefined) {
      throw new DomainError(
        'CONFLICT',
        `${source.name} is running already (run ${current.run.id}, started ${current.run.startedAt})`,
        { hint: 'wait for it to finish; its progress is streamed as source events' },
      );
    }
    if (source.unusable !== null) {
      throw new DomainError('CONFLICT', `${source.name} cannot run: ${source.unusable}`, {
        hint: 'restart the server once the secrets are set',
      });
    }
    const run: StartedSourceRun = {
      id: `srun_${randomBytes(10).toString('hex')}`,
      source: source.name,
      startedAt: ctx.now().toISOString(),
    };
    // Held before the first await, so two requests at once cannot both start a run.
    let release: (outcome: SourceRunOutcome) => void = () => {};
    const done = new Promise<SourceRunOutcome>((resolve) => (release = resolve));
    this.#active.set(source.name, { run, done });
    try {
      const held = options.force === true ? null : await heldBackReason(ctx, source);
      if (held !== null) {
        throw new DomainError('RATE_LIMITED', held.reason, {
          hint: 'it is left alone so the source can recover; run it anyway with {"force": true} (`applydesk ingest --force`)',
          details: { retryAt: held.until },
        });
      }
      await this.#event(
        source,
        SOURCE_RUN_ACTIONS.started,
        run,
        {
          trigger: options.trigger ?? 'api',
          forced: options.force === true,
        },
        options.actor,
      );
    } catch (error) {
      this.#active.delete(source.name);
      throw error;
    }
    void this.#run(source, run, options).then((outcome) => {
      this.#active.delete(source.name);
      release(outcome);
    });
    return { ...run, done };
  }

  async #event(
    source: ResolvedSource,
    action: string,
    run: StartedSourceRun,
    data: Record<string, unknown>,
    actor: string,
  ): Promise<void> {
    await this.#ctx.store.events.append({
      actor,
      entityType: 'source',
      entityId: source.sourceId,
      action,
      // The source's name first: the dashboard's status line shows the first few fields.
      data: { source: source.name, ...data, runId: run.id },
    });
  }

  async #run(
    source: ResolvedSource,
    run: StartedSourceRun,
    options: { actor: string; force?: boolean; trigger?: SourceRunTrigger },
  ): Promise<SourceRunOutcome> {
    const ctx = this.#ctx;
    const due = progressThrottle(this.progressEveryMs, this.clock);
    // Progress arrives synchronously; its events are written in order, one after another.
    let writes: Promise<void> = Promise.resolve();
    const progress = (data: Record<string, unknown>) => {
      if (!due()) return;
      writes = writes.then(() =>
        this.#event(source, SOURCE_RUN_ACTIONS.progress, run, data, options.actor).catch(
          () => undefined,
        ),
      );
    };
    let summary: SourceRunSummary | null = null;
    let ranked: RankResult | null = null;
    let outcome: SourceRunOutcome;
    try {
      [summary = null] = await ingestFromSources(ctx, {
        names: [source.name],
        actor: options.actor,
        trigger: options.trigger ?? 'api',
        force: options.force === true,
        onProgress: (event: ProgressEvent) => progress({ phase: 'fetching', fetched: event.done }),
      });
      if (summary === null) throw new Error(`${source.name} did not run`);
      // As a scheduled run: what came in new or changed is ranked at once.
      if (
        summary.created + summary.updated > 0 &&
        (await ctx.store.profiles.defaultId()) !== null
      ) {
        progress({ phase: 'ranking', fetched: summary.fetched });
        ranked = await rankJobs(ctx, { actor: options.actor });
      }
      outcome = {
        run,
        status: summary.status,
        summary,
        ranked,
        error: summary.error,
      };
    } catch (error) {
      const reason = errorText(error);
      outcome = {
        run,
        status: 'failed',
        summary,
        ranked,
        error: summary === null ? reason : `ranking failed: ${reason}`,
      };
    }
    await writes;
    await this.#event(
      source,
      outcome.status === 'ok' ? SOURCE_RUN_ACTIONS.finished : SOURCE_RUN_ACTIONS.failed,
      run,
      finalData(outcome),
      options.actor,
    ).catch(() => undefined);
    return outcome;
  }
}

/** The final event's data: the counts, and for a failure its reason and when to retry. */
function finalData(outcome: SourceRunOutcome): Record<string, unknown> {
  const s = outcome.summary;
  return {
    status: outcome.status,
    fetched: s?.fetched ?? 0,
    created: s?.created ?? 0,
    updated: s?.updated ?? 0,
    unchanged: s?.unchanged ?? 0,
    duplicates: s?.duplicates ?? 0,
    closed: s?.closed ?? 0,
    errors: s?.invalid.length ?? 0,
    errorSamples: (s?.invalid ?? []).slice(0, ERROR_SAMPLES),
    error: outcome.error,
    errorKind: s?.errorKind ?? null,
    retryAt: s?.retryAt ?? null,
    ranked:
      outcome.ranked === null
        ? null
        : {
            scored: outcome.ranked.scored,
            shortlisted: outcome.ranked.shortlisted,
            newlyShortlisted: outcome.ranked.newlyShortlisted,
          },
    tookMs: s?.tookMs ?? 0,
    startedAt: outcome.run.startedAt,
  };
}

const runners = new WeakMap<EngineContext, SourceRunner>();

/** The one runner of an engine: every caller in a process sees the same runs under way. */
export function sourceRunner(ctx: EngineContext): SourceRunner {
  let runner = runners.get(ctx);
  if (runner === undefined) {
    runner = new SourceRunner(ctx);
    runners.set(ctx, runner);
  }
  return runner;
}
