import type { Command } from 'commander';
import {
  LLM_COST_GROUPS,
  llmCosts,
  type LlmCostGroupBy,
  type LlmCostReport,
  type LlmCostRow,
} from '@applydesk/engine';
import { printJson, usageError, type CliIO } from '../io.js';
import { localOrRemote, remoteCapable } from '../remote/remote.js';

const usd = (n: number): string => (n === 0 ? '0' : n < 0.01 ? n.toFixed(6) : n.toFixed(4));
const count = (n: number): string => n.toLocaleString('en-US');

const HEADINGS: Record<LlmCostGroupBy, string> = { day: 'day (UTC)', model: 'model', job: 'job' };

/** The report as a plain table: one line a group, then the total. */
export function costTable(report: LlmCostReport): string {
  const label = (row: LlmCostRow) =>
    report.groupBy === 'job' && row.key === '' ? '(no job)' : row.key;
  const lines: string[][] = [
    [
      HEADINGS[report.groupBy],
      'calls',
      'ok',
      'errors',
      'cached',
      'skipped',
      'tokens in',
      'tokens out',
      'USD',
    ],
    ...report.rows.map((row) => [
      label(row),
      count(row.calls),
      count(row.ok),
      count(row.errors),
      count(row.cached),
      count(row.skipped),
      count(row.inputTokens),
      count(row.outputTokens),
      usd(row.costUsd),
    ]),
  ];
  const t = report.total;
  lines.push([
    'total',
    count(t.calls),
    count(t.ok),
    count(t.errors),
    count(t.cached),
    count(t.skipped),
    count(t.inputTokens),
    count(t.outputTokens),
    usd(t.costUsd),
  ]);
  const widths = lines[0]?.map((_, i) => Math.max(...lines.map((l) => (l[i] ?? '').length))) ?? [];
  return lines
    .map((line) =>
      line
        .map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0)))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

export function registerCosts(program: Command, io: CliIO): void {
  remoteCapable(program.command('costs'))
    .description('what the language models cost: calls, tokens and USD from the ledger')
    .option('--since <day>', 'from this day, YYYY-MM-DD UTC (default: the first of this month)')
    .option('--by <group>', `group by ${LLM_COST_GROUPS.join(', ')}`, 'day')
    .option('--json', 'print JSON: { since, groupBy, rows, total }')
    .action(async (options: { since?: string; by: string; json?: boolean }, command: Command) => {
      if (!(LLM_COST_GROUPS as readonly string[]).includes(options.by))
        throw usageError(`--by must be one of ${LLM_COST_GROUPS.join(', ')} (got "${options.by}")`);
      const groupBy = options.by as LlmCostGroupBy;
      const since = options.since === undefined ? {} : { since: options.since };
      const report = await localOrRemote(command, {
        local: (engine) => llmCosts(engine, { groupBy, ...since }),
        remote: (client) => client.costs({ by: groupBy, ...since }),
      });
      if (options.json === true) {
        printJson(io, report);
        return;
      }
      const from = report.since.slice(0, 10);
      if (report.rows.length === 0) {
        io.out(`No language model calls since ${from}.\n`);
        return;
      }
      io.out(`Language model spend since ${from}, by ${report.groupBy}:\n\n`);
      io.out(`${costTable(report)}\n`);
      if (report.total.unpriced > 0)
        io.out(
          `\n${report.total.unpriced} answered call${report.total.unpriced === 1 ? '' : 's'} used a model without a known price and count${report.total.unpriced === 1 ? 's' : ''} as $0: add it under llm.prices in applydesk.yaml.\n`,
        );
    });
}
