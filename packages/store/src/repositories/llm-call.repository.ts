import { sql, type Selectable } from 'kysely';
import { toCount, type Codec } from '../codec.js';
import type { StoreContext } from '../context.js';
import type { LlmCallsTable } from '../db.js';
import type {
  LlmCall,
  LlmCallInput,
  LlmCallOutcome,
  LlmCallRepository,
  LlmCostGroupBy,
  LlmCostRow,
} from '../repositories.js';

function fromRow(codec: Codec, row: Selectable<LlmCallsTable>): LlmCall {
  return {
    id: String(row.id),
    at: codec.readTime(row.at),
    task: row.task,
    provider: row.provider,
    model: row.model,
    inputTokens: toCount(row.input_tokens),
    outputTokens: toCount(row.output_tokens),
    costUsd: Number(row.cost_usd),
    priceKnown: row.price_known === true || row.price_known === 1,
    latencyMs: toCount(row.latency_ms),
    outcome: row.outcome as LlmCallOutcome,
    errorKind: row.error_kind,
    errorMessage: row.error_message,
    jobId: row.job_id,
    draftId: row.draft_id,
  };
}

const whole = (n: number): number => Math.max(0, Math.round(n));

export class SqlLlmCallRepository implements LlmCallRepository {
  constructor(private readonly ctx: StoreContext) {}

  async record(call: LlmCallInput): Promise<LlmCall> {
    const { codec, dialect } = this.ctx;
    const values = {
      at: codec.time(call.at),
      task: call.task,
      provider: call.provider,
      model: call.model,
      input_tokens: whole(call.inputTokens),
      output_tokens: whole(call.outputTokens),
      cost_usd: Math.max(0, call.costUsd),
      price_known: dialect === 'postgres' ? call.priceKnown : call.priceKnown ? 1 : 0,
      latency_ms: whole(call.latencyMs),
      outcome: call.outcome,
      error_kind: call.errorKind,
      // Provider messages can be long (a whole HTML error page): keep what explains it.
      error_message: call.errorMessage === null ? null : call.errorMessage.slice(0, 1000),
      job_id: call.jobId,
      draft_id: call.draftId,
    };
    const row = await this.ctx.db
      .insertInto('llm_calls')
      .values(values)
      .returning('id')
      .executeTakeFirstOrThrow();
    return {
      ...call,
      id: String(row.id),
      at: values.at,
      inputTokens: values.input_tokens,
      outputTokens: values.output_tokens,
      latencyMs: values.latency_ms,
      costUsd: values.cost_usd,
      errorMessage: values.error_message,
    };
  }

  async assignDraft(options: {
    jobId: string;
    provider?: string;
    model?: string;
    since: string;
    draftId: string;
  }): Promise<number> {
    let query = this.ctx.db
      .updateTable('llm_calls')
      .set({ draft_id: options.draftId })
      .where('job_id', '=', options.jobId)
      .where('at', '>=', this.ctx.codec.time(options.since))
      .where('draft_id', 'is', null);
    if (options.provider !== undefined) query = query.where('provider', '=', options.provider);
    if (options.model !== undefined) query = query.where('model', '=', options.model);
    const result = await query.executeTakeFirst();
    return Number(result.numUpdatedRows);
  }

  async spend(range: { since: string; until?: string }): Promise<number> {
    const { codec } = this.ctx;
    let query = this.ctx.db
      .selectFrom('llm_calls')
      .select((eb) => eb.fn.sum<number | string | null>('cost_usd').as('usd'))
      .where('at', '>=', codec.time(range.since));
    if (range.until !== undefined) query = query.where('at', '<', codec.time(range.until));
    const row = await query.executeTakeFirst();
    return Number(row?.usd ?? 0);
  }

  async report(options: {
    since: string;
    until?: string;
    groupBy: LlmCostGroupBy;
  }): Promise<LlmCostRow[]> {
    const { codec, dialect } = this.ctx;
    const key =
      options.groupBy === 'day'
        ? dialect === 'postgres'
          ? sql<string>`to_char(at at time zone 'UTC', 'YYYY-MM-DD')`
          : sql<string>`substr(at, 1, 10)`
        : options.groupBy === 'model'
          ? sql<string>`provider || ':' || model`
          : sql<string>`coalesce(job_id, '')`;
    const count = (outcome: LlmCallOutcome) =>
      sql<number | string>`sum(case when outcome = ${outcome} then 1 else 0 end)`;
    let query = this.ctx.db
      .selectFrom('llm_calls')
      .select((eb) => [
        key.as('key'),
        eb.fn.countAll<number | string>().as('calls'),
        count('ok').as('ok'),
        count('error').as('errors'),
        count('cached').as('cached'),
        count('skipped').as('skipped'),
        eb.fn.sum<number | string>('input_tokens').as('input_tokens'),
        eb.fn.sum<number | string>('output_tokens').as('output_tokens'),
        eb.fn.sum<number | string>('cost_usd').as('cost_usd'),
        sql<
          number | string
        >`sum(case when outcome = 'ok' and ${dialect === 'postgres' ? sql`not price_known` : sql`price_known = 0`} then 1 else 0 end)`.as(
          'unpriced',
        ),
      ])
      .where('at', '>=', codec.time(options.since));
    if (options.until !== undefined) query = query.where('at', '<', codec.time(options.until));
    const rows = await query.groupBy(key).execute();
    const out: LlmCostRow[] = rows.map((row) => ({
      key: row.key,
      calls: toCount(row.calls),
      ok: toCount(row.ok),
      errors: toCount(row.errors),
      cached: toCount(row.cached),
      skipped: toCount(row.skipped),
      inputTokens: toCount(row.input_tokens),
      outputTokens: toCount(row.output_tokens),
      costUsd: Number(row.cost_usd ?? 0),
      unpriced: toCount(row.unpriced),
    }));
    return out.sort((a, b) =>
      options.groupBy === 'day'
        ? a.key.localeCompare(b.key)
        : b.costUsd - a.costUsd || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
    );
  }

  async list(options: { since?: string; limit?: number } = {}): Promise<LlmCall[]> {
    let query = this.ctx.db.selectFrom('llm_calls').selectAll();
    if (options.since !== undefined)
      query = query.where('at', '>=', this.ctx.codec.time(options.since));
    const rows = await query
      .orderBy('at', 'desc')
      .orderBy('id', 'desc')
      .limit(Math.max(0, Math.trunc(options.limit ?? 100)))
      .execute();
    return rows.map((row) => fromRow(this.ctx.codec, row));
  }
}
