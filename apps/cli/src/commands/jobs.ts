import { type Command, Option } from 'commander';
import { REMOTE_MODES, STAGES, type RemoteMode, type Stage } from '@applydesk/domain';
import { listJobs, type JobListItem, type JobQuery, type JobSort } from '@applydesk/engine';
import { printJson, usageError, type CliIO } from '../io.js';
import { configFrom, openRuntime, type GlobalOptions } from '../runtime.js';

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
  return query;
}

function cut(text: string, width: number): string {
  return text.length <= width ? text.padEnd(width) : `${text.slice(0, width - 1)}…`;
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
  jobs
    .command('list')
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
    .option('--json', 'print JSON: { items, total_count, next_cursor }')
    .action(async (options: ListOptions, command: Command) => {
      const query = toQuery(options);
      const engine = await openRuntime(configFrom(command.optsWithGlobals<GlobalOptions>()));
      try {
        const page = await listJobs(engine, query);
        if (options.json === true) {
          printJson(io, {
            items: page.items,
            total_count: page.totalCount,
            next_cursor: page.nextCursor,
          });
          return;
        }
        if (page.totalCount === 0) {
          io.out('No postings match. Run `applydesk demo` to load sample postings.\n');
          return;
        }
        io.out(`${table(page.items)}\n`);
        io.err(
          `${page.items.length} of ${page.totalCount} postings${page.nextCursor === null ? '' : `; next page: --cursor ${page.nextCursor}`}\n`,
        );
      } finally {
        await engine.close();
      }
    });
}
