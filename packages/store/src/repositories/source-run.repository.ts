import type { Selectable } from 'kysely';
import { toCount, type Codec } from '../codec.js';
import type { StoreContext } from '../context.js';
import type { SourceRunsTable } from '../db.js';
import { newId } from '../ids.js';
import type {
  SourceRun,
  SourceRunInput,
  SourceRunRepository,
  SourceRunStatus,
  SourceRunTrigger,
} from '../repositories.js';

function fromRow(codec: Codec, row: Selectable<SourceRunsTable>): SourceRun {
  return {
    id: row.id,
    sourceId: row.source_id,
    name: row.name,
    trigger: row.trigger as SourceRunTrigger,
    startedAt: codec.readTime(row.started_at),
    finishedAt: codec.readTime(row.finished_at),
    status: row.status as SourceRunStatus,
    counts: {
      fetched: toCount(row.fetched),
      created: toCount(row.created),
      updated: toCount(row.updated),
      unchanged: toCount(row.unchanged),
      duplicates: toCount(row.duplicates),
      closed: toCount(row.closed),
      invalid: toCount(row.invalid),
    },
    invalidSamples: codec.readJson(row.invalid_samples) as SourceRun['invalidSamples'],
    error: row.error,
    errorKind: row.error_kind,
    retryAt: codec.readTimeOrNull(row.retry_at),
    tookMs: toCount(row.took_ms),
  };
}

export class SqlSourceRunRepository implements SourceRunRepository {
  constructor(private readonly ctx: StoreContext) {}

  async record(run: SourceRunInput): Promise<SourceRun> {
    const { codec } = this.ctx;
    const id = newId('run');
    await this.ctx.db
      .insertInto('source_runs')
      .values({
        id,
        source_id: run.sourceId,
        name: run.name,
        trigger: run.trigger,
        started_at: codec.time(run.startedAt),
        finished_at: codec.time(run.finishedAt),
        status: run.status,
        ...run.counts,
        invalid_samples: codec.json(run.invalidSamples),
        error: run.error,
        error_kind: run.errorKind,
        retry_at: codec.timeOrNull(run.retryAt),
        took_ms: Math.max(0, Math.round(run.tookMs)),
      })
      .execute();
    return {
      ...run,
      id,
      startedAt: codec.time(run.startedAt),
      finishedAt: codec.time(run.finishedAt),
    };
  }

  async list(sourceId: string, options: { limit?: number } = {}): Promise<SourceRun[]> {
    const rows = await this.ctx.db
      .selectFrom('source_runs')
      .selectAll()
      .where('source_id', '=', sourceId)
      .orderBy('started_at', 'desc')
      .orderBy('id', 'desc')
      .limit(Math.max(0, Math.trunc(options.limit ?? 50)))
      .execute();
    return rows.map((row) => fromRow(this.ctx.codec, row));
  }

  async recent(perSource: number): Promise<Map<string, SourceRun[]>> {
    const ids = await this.ctx.db
      .selectFrom('source_runs')
      .select('source_id')
      .distinct()
      .execute();
    const out = new Map<string, SourceRun[]>();
    // A handful of sources: one indexed query each beats a window function both dialects must agree on.
    for (const { source_id } of ids) {
      out.set(source_id, await this.list(source_id, { limit: perSource }));
    }
    return out;
  }

  async prune(before: string): Promise<number> {
    const result = await this.ctx.db
      .deleteFrom('source_runs')
      .where('started_at', '<', this.ctx.codec.time(before))
      .executeTakeFirst();
    return toCount(result.numDeletedRows);
  }
}
