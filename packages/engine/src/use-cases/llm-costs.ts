import { DomainError } from '@applydesk/domain';
import type { LlmCostGroupBy, LlmCostRow } from '@applydesk/store';
import type { EngineContext } from '../context.js';

export type { LlmCostGroupBy, LlmCostRow } from '@applydesk/store';

export interface LlmCostReport {
  /** Start of the report (UTC). */
  since: string;
  groupBy: LlmCostGroupBy;
  rows: LlmCostRow[];
  total: Omit<LlmCostRow, 'key'>;
}

export const LLM_COST_GROUPS: readonly LlmCostGroupBy[] = ['day', 'model', 'job'];

/** A YYYY-MM-DD day (UTC midnight) or a full ISO time. */
function parseSince(since: string): string {
  const day = /^\d{4}-\d{2}-\d{2}$/.test(since) ? `${since}T00:00:00.000Z` : since;
  const ms = Date.parse(day);
  if (Number.isNaN(ms) || !/^\d{4}-\d{2}-\d{2}/.test(since)) {
    throw new DomainError('INVALID_INPUT', `--since expects a day as YYYY-MM-DD (got "${since}")`, {
      hint: 'for example --since 2025-06-01',
    });
  }
  return new Date(ms).toISOString();
}

/**
 * What the language models cost, from the gateway's ledger: since a day (by default the
 * first of this month, UTC), grouped by day, model or job, with a total. Calls to models
 * without a price are counted apart (`unpriced`), never silently as free.
 */
export async function llmCosts(
  ctx: EngineContext,
  options: { since?: string; groupBy?: LlmCostGroupBy } = {},
): Promise<LlmCostReport> {
  const groupBy = options.groupBy ?? 'day';
  if (!LLM_COST_GROUPS.includes(groupBy)) {
    throw new DomainError(
      'INVALID_INPUT',
      `costs can be grouped by ${LLM_COST_GROUPS.join(', ')} (got "${String(groupBy)}")`,
    );
  }
  const now = ctx.now();
  const since =
    options.since === undefined
      ? new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1)).toISOString()
      : parseSince(options.since);
  const rows = await ctx.store.llmCalls.report({ since, groupBy });
  const total = rows.reduce<Omit<LlmCostRow, 'key'>>(
    (sum, row) => ({
      calls: sum.calls + row.calls,
      ok: sum.ok + row.ok,
      errors: sum.errors + row.errors,
      cached: sum.cached + row.cached,
      skipped: sum.skipped + row.skipped,
      inputTokens: sum.inputTokens + row.inputTokens,
      outputTokens: sum.outputTokens + row.outputTokens,
      costUsd: sum.costUsd + row.costUsd,
      unpriced: sum.unpriced + row.unpriced,
    }),
    {
      calls: 0,
      ok: 0,
      errors: 0,
      cached: 0,
      skipped: 0,
      inputTokens: 0,
      outputTokens: 0,
      costUsd: 0,
      unpriced: 0,
    },
  );
  return { since, groupBy, rows, total };
}
