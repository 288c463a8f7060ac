import { Cron } from 'croner';
import { isDomainError } from '@applydesk/domain';
import type { EngineContext } from '../context.js';
import type { RankResult } from '../use-cases/rank-jobs.js';
import { sourceRunner } from '../use-cases/run-source-now.js';
import type { SourceRunSummary } from './run-sources.js';
import { resolveSources, type ResolvedSource } from './resolve-sources.js';

/** What the scheduler tells its host (the server logs it and pushes it to the dashboard). */
export type SchedulerEvent =
  | { type: 'run'; source: string; summary: SourceRunSummary }
  | { type: 'held'; source: string; reason: string; until: string }
  /** Not run: a run of the source asked for through the API is under way, or it cannot run. */
  | { type: 'busy'; source: string; reason: string }
  | { type: 'ranked'; source: string; ranked: RankResult }
  | { type: 'error'; source: string; error: unknown };

export interface SourceScheduler {
  /** Each scheduled source and when its cron fires next. */
  upcoming(): { source: string; schedule: string; nextAt: string | null }[];
  /** Runs under way (at most one) and runs waiting behind it, for metrics. */
  queued(): { active: number; waiting: number };
  /** Stops the timers and waits for a run in progress to end. */
  stop(): Promise<void>;
}

/**
 * Decides whether a scheduled source may run now: a source's terms ask for a shortest interval
 * between runs (`minPollMinutes`), whatever the cron says. Returns why not, or null. Back-off
 * after failures is ingestFromSources' own check, shared with manual runs.
 */
export async function pollTooSoon(
  ctx: EngineContext,
  source: ResolvedSource,
): Promise<{ reason: string; until: string } | null> {
  const [last] = await ctx.store.sourceRuns.list(source.sourceId, { limit: 1 });
  if (last === undefined) return null;
  const minutes = source.adapter.terms.minPollMinutes;
  const until = Date.parse(last.startedAt) + minutes * 60_000;
  if (until <= ctx.now().getTime()) return null;
  return {
    reason: `last run started at ${last.startedAt}; ${source.adapter.label}'s terms ask for at least ${minutes} min between runs`,
    until: new Date(until).toISOString(),
  };
}

/**
 * One scheduled run of one source, as the cron fires it: through the engine's source runner,
 * so its progress is streamed like a requested run's and the two never overlap.
 */
export async function runScheduledSource(
  ctx: EngineContext,
  source: ResolvedSource,
  emit: (event: SchedulerEvent) => void = () => {},
): Promise<SourceRunSummary | null> {
  const tooSoon = await pollTooSoon(ctx, source);
  if (tooSoon !== null) {
    emit({ type: 'held', source: source.name, ...tooSoon });
    return null;
  }
  let started;
  try {
    started = await sourceRunner(ctx).start(source.name, {
      actor: 'scheduler',
      trigger: 'schedule',
    });
  } catch (error) {
    if (!isDomainError(error)) throw error;
    const retryAt = error.details?.retryAt;
    if (error.code === 'RATE_LIMITED' && typeof retryAt === 'string')
      emit({ type: 'held', source: source.name, reason: error.message, until: retryAt });
    else if (error.code === 'CONFLICT')
      emit({ type: 'busy', source: source.name, reason: error.message });
    else throw error;
    return null;
  }
  const outcome = await started.done;
  const summary = outcome.summary;
  if (summary === null) {
    emit({ type: 'error', source: source.name, error: new Error(outcome.error ?? 'no run') });
    return null;
  }
  emit({ type: 'run', source: source.name, summary });
  // What came in new or changed was ranked as part of the run.
  if (outcome.ranked !== null)
    emit({ type: 'ranked', source: source.name, ranked: outcome.ranked });
  return summary;
}

/**
 * Runs every enabled source that has a `schedule` (cron, seconds optional) on its own timer.
 * Runs never overlap: they queue one after another, so sources share the database and the
 * polite HTTP client's per-host limits calmly. A failing source never stops the schedule.
 */
export function startSourceScheduler(
  ctx: EngineContext,
  options: { onEvent?: (event: SchedulerEvent) => void; timezone?: string } = {},
): SourceScheduler {
  const emit = options.onEvent ?? (() => {});
  const sources = resolveSources(ctx.sources ?? { entries: [], secret: () => undefined }).filter(
    (s) => s.config.enabled && s.config.schedule !== undefined,
  );
  let queue: Promise<unknown> = Promise.resolve();
  const depth = { active: 0, waiting: 0 };
  const jobs = sources.map((source) => ({
    source,
    cron: new Cron(
      source.config.schedule ?? '',
      {
        name: `source:${source.sourceId}`,
        protect: true,
        unref: true,
        ...(options.timezone === undefined ? {} : { timezone: options.timezone }),
      },
      async (): Promise<void> => {
        depth.waiting += 1;
        const run = queue.then(async () => {
          depth.waiting -= 1;
          depth.active += 1;
          try {
            await runScheduledSource(ctx, source, emit);
          } catch (error) {
            emit({ type: 'error', source: source.name, error });
          } finally {
            depth.active -= 1;
          }
        });
        queue = run;
        await run;
      },
    ),
  }));
  return {
    upcoming: () =>
      jobs.map(({ source, cron }) => ({
        source: source.name,
        schedule: source.config.schedule ?? '',
        nextAt: cron.nextRun()?.toISOString() ?? null,
      })),
    queued: () => ({ ...depth }),
    async stop() {
      for (const { cron } of jobs) cron.stop();
      await queue;
    },
  };
}

/** When a cron expression fires next after `from`, or null; throws on a bad expression. */
export function nextCronRun(schedule: string, from: Date, timezone?: string): Date | null {
  const cron = new Cron(schedule, {
    paused: true,
    ...(timezone === undefined ? {} : { timezone }),
  });
  return cron.nextRun(from);
}
