import { Cron } from 'croner';
import type { EngineContext } from '../context.js';
import { rankJobs, type RankResult } from '../use-cases/rank-jobs.js';
import { ingestFromSources, type SourceRunSummary } from './run-sources.js';
import { resolveSources, type ResolvedSource } from './resolve-sources.js';

/** What the scheduler tells its host (the server logs it and pushes it to the dashboard). */
export type SchedulerEvent =
  | { type: 'run'; source: string; summary: SourceRunSummary }
  | { type: 'held'; source: string; reason: string; until: string }
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

/** One scheduled run of one source, as the cron fires it. */
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
  const [summary] = await ingestFromSources(ctx, {
    names: [source.name],
    actor: 'scheduler',
    trigger: 'schedule',
  });
  if (summary === undefined) return null;
  if (summary.status === 'skipped' && summary.retryAt !== null) {
    emit({
      type: 'held',
      source: source.name,
      reason: summary.error ?? '',
      until: summary.retryAt,
    });
  } else emit({ type: 'run', source: source.name, summary });
  // Scores are computed on ingest: new and changed postings are ranked as they arrive.
  if (summary.created + summary.updated > 0 && (await ctx.store.profiles.getDefault()) !== null)
    emit({
      type: 'ranked',
      source: source.name,
      ranked: await rankJobs(ctx, { actor: 'scheduler' }),
    });
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
