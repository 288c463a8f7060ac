import { type Command, Option } from 'commander';
import { REMOTE_MODES, STAGES, type RemoteMode, type Stage } from '@applydesk/domain';
import {
  listJobs,
  overrideFilter,
  type JobListItem,
  type JobPage,
  type JobQuery,
  type JobSort,
} from '@applydesk/engine';
import { printJson, usageError, type CliIO } from '../io.js';
import { localOrRemote, remoteCapable } from '../remote/remote.js';
import { listJobsRemote } from '../remote/wire.js';

interface ListOptions {
  search?: string;
  minScore?: string;
  source?: string;
  stage?: string;
  remote?: string;
  status?: 'open' | 'closed' | 'all';
  sort?: JobSort;
  order?: 'asc' | 'desc';
  limit: string;
  page?: string;
  cursor?: string;
  rejected?: boolean;
  includeRejected?: boolean;
  json?: boolean;
}

function integer(name: string, value: string, min: number, max: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max)
    throw usageError(`${name} must be a whole number from ${min} to ${max} (got "${value}")`);
  return n;
}

function list<T extends string>(name: string, value: string, allowed: readonly T[]): T[] {
  const items = value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  const bad = items.filter((s) => !(allowed as readonly string[]).includes(s));
  if (bad.length > 0)
    throw usageError(
      `${name} has unknown value ${bad.join(', ')}`,
      `use one or more of: ${allowed.join(', ')}`,
    );
  return items as T[];
}

function toQuery(o: ListOptions): JobQuery {
  const query: JobQuery = { limit: integer('--limit', o.limit, 1, 200) };
  if (o.search !== undefined) query.text = o.search;
  if (o.minScore !== undefined) query.minScore = integer('--min-score', o.minScore, 0, 100);
  if (o.source !== undefined) query.sourceTypes = o.source.split(',').map((s) => s.trim());
  if (o.stage !== undefined) query.stages = list<Stage>('--stage', o.stage, STAGES);
  if (o.remote !== undefined) query.remote = list<RemoteMode>('--remote', o.remote, REMOTE_MODES);
  if (o.status !== undefined) query.status = o.status;
  if (o.sort !== undefined) query.sort = o.sort;
  if (o.order !== undefined) query.order = o.order;
  if (o.page !== undefined) query.page = integer('--page', o.page, 1, 1_000_000);
  if (o.cursor !== undefined) query.cursor = o.cursor;
  if (o.rejected === true && o.includeRejected === true)
    throw usageError('--rejected and --include-rejected cannot be used together');
  // Postings a filter holds back stay out of the list unless asked for: they are not for you.
  if (o.rejected === true) query.rejected = true;
  else if (o.includeRejected !== true) query.rejected = false;
  return query;
}

/** The page asked for, and how many more postings the filters hold back when those are left out. */
async function pageAndHeld(
  list: (query: JobQuery) => Promise<JobPage>,
  query: JobQuery,
): Promise<{ page: JobPage; held: number }> {
  const page = await list(query);
  const held =
    query.rejected === false
      ? (await list({ ...query, rejected: true, limit: 1, page: 1 })).totalCount
      : 0;
  return { page, held };
}

function cut(text: string, width: number): string {
  return text.length <= width ? text.padEnd(width) : `${text.slice(0, width - 1)}…`;
}

function rejectedTable(items: JobListItem[]): string {
  const header = `${'SCORE'.padStart(5)}  ${cut('ID', 26)}  ${cut('TITLE', 34)}  ${cut('COMPANY', 18)}  ${cut('RULE', 20)}  WHY`;
  const rows = items.map((j) =>
    [
      (j.score === null ? '-' : String(j.score)).padStart(5),
      cut(j.id, 26),
      cut(j.title, 34),
      cut(j.company, 18),
      cut(j.rejection?.rule ?? '', 20),
      j.rejection?.reason ?? '',
    ].join('  '),
  );
  return [header, ...rows].join('\n');
}

function table(items: JobListItem[]): string {
  const header = `${'SCORE'.padStart(5)}  ${cut('TITLE', 40)}  ${cut('COMPANY', 22)}  ${cut('WHERE', 18)}  ${cut('SOURCE', 10)}  STAGE`;
  const rows = items.map((j) =>
    [
      (j.score === null ? '-' : String(j.score)).padStart(5),
      cut(j.title, 40),
      cut(j.company, 22),
      cut(j.remote === 'remote' ? 'remote' : (j.location ?? j.remote), 18),
      cut(j.sourceType, 10),
      j.stage ?? 'discovered',
    ].join('  '),
  );
  return [header, ...rows].join('\n');
}

export function registerJobs(program: Command, io: CliIO): void {
  const jobs = program.command('jobs').description('postings in the store');
  remoteCapable(jobs.command('list'))
    .description('list postings, best match first')
    .option('-s, --search <text>', 'full-text search over title, company, description and skills')
    .option('--min-score <n>', 'only postings scoring at least n (0-100)')
    .option('--source <types>', 'source types, comma-separated (e.g. greenhouse,upwork)')
    .option('--stage <stages>', `stages, comma-separated (${STAGES.join(', ')})`)
    .option('--remote <modes>', `remote modes, comma-separated (${REMOTE_MODES.join(', ')})`)
    .addOption(
      new Option('--status <status>', 'open, closed or all').choices(['open', 'closed', 'all']),
    )
    .addOption(
      new Option('--sort <field>', 'sort by').choices(['score', 'posted', 'fetched', 'relevance']),
    )
    .addOption(new Option('--order <order>', 'sort order').choices(['asc', 'desc']))
    .option('-n, --limit <n>', 'postings per page (1-200)', '25')
    .option('--page <n>', 'page number, from 1')
    .option('--cursor <cursor>', 'continue after a previous page (its next_cursor)')
    .option('--rejected', 'only postings your filters hold back, with the rule and why')
    .option('--include-rejected', 'list postings your filters hold back too')
    .option('--json', 'print JSON: { items, total_count, next_cursor }')
    .action(async (options: ListOptions, command: Command) => {
      const query = toQuery(options);
      const { page, held } = await localOrRemote(command, {
        local: (engine) => pageAndHeld((q) => listJobs(engine, q), query),
        remote: (client) => pageAndHeld((q) => listJobsRemote(client, q), query),
      });
      if (options.json === true) {
        printJson(io, {
          items: page.items,
          total_count: page.totalCount,
          next_cursor: page.nextCursor,
        });
        return;
      }
      if (page.totalCount === 0) {
        io.out(
          options.rejected === true
            ? 'No posting is held back by your filters.\n'
            : 'No postings match. Run `applydesk demo` to load sample postings.\n',
        );
      } else {
        io.out(`${options.rejected === true ? rejectedTable(page.items) : table(page.items)}\n`);
        io.err(
          `${page.items.length} of ${page.totalCount} postings${page.nextCursor === null ? '' : `; next page: --cursor ${page.nextCursor}`}\n`,
        );
      }
      if (options.rejected === true && page.totalCount > 0)
        io.err('Let one through with `applydesk jobs override <id>`.\n');
      if (held > 0)
        io.err(
          `${held} more held back by your filters: \`applydesk jobs list --rejected\` shows them and why.\n`,
        );
    });
  remoteCapable(jobs.command('override <id>'))
    .description(
      'let a posting your filters hold back through (it is ranked and can be shortlisted)',
    )
    .option('--undo', 'hold it back again')
    .option('--json', 'print the match as JSON')
    .action(async (id: string, options: { undo?: boolean; json?: boolean }, command: Command) => {
      const undo = options.undo === true;
      const match = await localOrRemote(command, {
        local: async (engine) =>
          (await overrideFilter(engine, { jobId: id, actor: 'cli', ...(undo ? { undo } : {}) }))
            .match,
        remote: (client) => client.jobs.override(id, undo),
      });
      if (options.json === true) {
        printJson(io, match);
        return;
      }
      const rule =
        match.rejection === null ? '' : ` (${match.rejection.rule}: ${match.rejection.reason})`;
      io.out(
        undo
          ? `Job ${id} is held back again${rule}.\n`
          : `Job ${id} is let through${rule}; it scores ${match.score}.\n`,
      );
    });
}
