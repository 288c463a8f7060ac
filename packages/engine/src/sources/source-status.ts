import type { EngineContext } from '../context.js';
import { assessHealth, type SourceHealth } from './health.js';
import { resolveSources } from './resolve-sources.js';
import { nextCronRun } from './scheduler.js';

export interface SourceStatus {
  name: string;
  type: string;
  label: string;
  sourceId: string;
  enabled: boolean;
  schedule: string | null;
  /** When the scheduler will run it next (its cron, its terms' shortest interval and any back-off), or null when it runs only by hand. */
  nextRunAt: string | null;
  minPollMinutes: number;
  /** Why it cannot run at all (secrets missing), or null. */
  unusable: string | null;
  health: SourceHealth;
}

const HISTORY = 20;

/** Every configured source with its health read from its recorded runs. */
export async function sourceStatuses(ctx: EngineContext): Promise<SourceStatus[]> {
  const sources = resolveSources(ctx.sources ?? { entries: [], secret: () => undefined });
  const runs = await ctx.store.sourceRuns.recent(HISTORY);
  const now = ctx.now();
  return sources.map((source) => {
    const health = assessHealth(runs.get(source.sourceId) ?? []);
    const schedule = source.config.schedule ?? null;
    const minPollMinutes = source.adapter.terms.minPollMinutes;
    let nextRunAt: string | null = null;
    if (schedule !== null && source.config.enabled && source.unusable === null) {
      const lastStart = health.lastRun === null ? null : Date.parse(health.lastRun.startedAt);
      const earliest = Math.max(
        now.getTime(),
        lastStart === null ? 0 : lastStart + minPollMinutes * 60_000,
        health.degradedUntil === null ? 0 : Date.parse(health.degradedUntil),
      );
      // The cron fires at its own times; a firing before `earliest` is held back, so the
      // next run is the first firing at or after it.
      nextRunAt = nextCronRun(schedule, new Date(earliest - 1000))?.toISOString() ?? null;
    }
    return {
      name: source.name,
      type: source.adapter.type,
      label: source.adapter.label,
      sourceId: source.sourceId,
      enabled: source.config.enabled,
      schedule,
      nextRunAt,
      minPollMinutes,
      unusable: source.unusable,
      health,
    };
  });
}
