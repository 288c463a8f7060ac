import type { StoreContext } from '../context.js';
import { toCount } from '../codec.js';
import type { StatsRepository, StoreStats } from '../repositories.js';

/**
 * Totals for monitoring, each one grouped query: cheap enough to run on every scrape, and
 * never out of step with the data the way in-process counters are after a restart.
 */
export class SqlStatsRepository implements StatsRepository {
  constructor(private readonly ctx: StoreContext) {}

  async snapshot(): Promise<StoreStats> {
    const db = this.ctx.db;
    const [jobs, drafts, applications, runs, calls] = await Promise.all([
      db
        .selectFrom('jobs')
        .select((eb) => ['source_type', eb.fn.countAll().as('n')])
        .groupBy('source_type')
        .execute(),
      db
        .selectFrom('drafts')
        .select((eb) => ['kind', 'status', eb.fn.countAll().as('n')])
        .groupBy(['kind', 'status'])
        .execute(),
      db
        .selectFrom('applications')
        .select((eb) => ['stage', eb.fn.countAll().as('n')])
        .groupBy('stage')
        .execute(),
      db
        .selectFrom('source_runs')
        .select((eb) => ['source_id', 'status', eb.fn.countAll().as('n')])
        .groupBy(['source_id', 'status'])
        .execute(),
      db
        .selectFrom('llm_calls')
        .select((eb) => [
          'provider',
          'model',
          'outcome',
          'error_kind',
          eb.fn.countAll().as('n'),
          eb.fn.sum<number | string | null>('input_tokens').as('input_tokens'),
          eb.fn.sum<number | string | null>('output_tokens').as('output_tokens'),
          eb.fn.sum<number | string | null>('cost_usd').as('cost_usd'),
        ])
        .groupBy(['provider', 'model', 'outcome', 'error_kind'])
        .execute(),
    ]);
    return {
      jobsBySource: jobs.map((r) => ({ sourceType: r.source_type, count: toCount(r.n) })),
      drafts: drafts.map((r) => ({ kind: r.kind, status: r.status, count: toCount(r.n) })),
      applicationsByStage: applications.map((r) => ({ stage: r.stage, count: toCount(r.n) })),
      sourceRuns: runs.map((r) => ({
        sourceId: r.source_id,
        status: r.status,
        count: toCount(r.n),
      })),
      llmCalls: calls.map((r) => ({
        provider: r.provider,
        model: r.model,
        outcome: r.outcome,
        errorKind: r.error_kind,
        count: toCount(r.n),
        inputTokens: toCount(r.input_tokens),
        outputTokens: toCount(r.output_tokens),
        costUsd: toCount(r.cost_usd),
      })),
    };
  }
}
