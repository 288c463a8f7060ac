import type { Command } from 'commander';
import { ingestFromSources, rankJobs, type SourceRunSummary } from '@applydesk/engine';
import { EXIT } from '../exit-codes.js';
import { printJson, type CliIO } from '../io.js';
import { progressReporter } from '../progress.js';
import { summary } from './rank.js';
import { configFrom, openRuntime, type GlobalOptions } from '../runtime.js';

function summaryLine(r: SourceRunSummary): string {
  if (r.status === 'skipped') return `- ${r.name}: skipped (${r.error ?? 'no reason'})`;
  if (r.status === 'failed')
    return `✗ ${r.name}: ${r.error ?? 'failed'}${r.retryAt === null ? '' : ` (retry after ${r.retryAt})`}`;
  const parts = [
    `${r.created} new`,
    `${r.updated} updated`,
    `${r.unchanged} unchanged`,
    `${r.duplicates} duplicates`,
    `${r.closed} closed`,
  ];
  if (r.invalid.length > 0) parts.push(`${r.invalid.length} errors`);
  return `✓ ${r.name}: ${r.fetched} fetched, ${parts.join(', ')} (${(r.tookMs / 1000).toFixed(1)} s)`;
}

export function registerIngest(program: Command, io: CliIO, outcome: { exitCode: number }): void {
  program
    .command('ingest')
    .description('collect postings from the configured sources, then rank them')
    .option('-s, --source <name...>', 'only these sources')
    .option('--json', 'print the per-source summary as JSON')
    .option(
      '--force',
      'also run sources that asked to be left alone for now (rate limit, block, back-off)',
    )
    .action(
      async (options: { source?: string[]; json?: boolean; force?: boolean }, command: Command) => {
        const engine = await openRuntime(configFrom(command.optsWithGlobals<GlobalOptions>()));
        const progress = progressReporter(io);
        try {
          const results = await ingestFromSources(engine, {
            actor: 'cli',
            onProgress: progress,
            force: options.force === true,
            ...(options.source === undefined ? {} : { names: options.source }),
          });
          progress.finish();
          const profile = await engine.store.profiles.getDefault();
          const ranked =
            profile === null
              ? null
              : await rankJobs(engine, { actor: 'cli', onProgress: progress });
          progress.finish();
          if (options.json === true) printJson(io, { sources: results, ranked });
          else {
            if (results.length === 0)
              io.out(
                'No sources to run. Add some under `sources:` in applydesk.yaml (`applydesk sources list` shows the types).\n',
              );
            for (const r of results) {
              io.out(`${summaryLine(r)}\n`);
              for (const bad of r.invalid.slice(0, 5))
                io.out(`    ${bad.externalId ?? '?'}: ${bad.reason}\n`);
              if (r.invalid.length > 5) io.out(`    … and ${r.invalid.length - 5} more\n`);
            }
            if (ranked !== null) io.out(`${summary(ranked)}\n`);
          }
          outcome.exitCode = results.some((r) => r.status === 'failed') ? EXIT.FAILURE : EXIT.OK;
        } finally {
          progress.finish();
          await engine.close();
        }
      },
    );
}
