import type { Command } from 'commander';
import { importFile } from '@applydesk/engine';
import { EXIT } from '../exit-codes.js';
import { printJson, type CliIO } from '../io.js';
import { progressReporter } from '../progress.js';
import { summary } from './rank.js';
import { configFrom, openRuntime, type GlobalOptions } from '../runtime.js';

export function registerImport(program: Command, io: CliIO, outcome: { exitCode: number }): void {
  program
    .command('import')
    .description(
      'import postings from a CSV or JSON file (columns: title, company, url, location, description, …)',
    )
    .argument('<file>', 'a .csv or .json file')
    .option('--json', 'print the result as JSON')
    .action(async (file: string, options: { json?: boolean }, command: Command) => {
      const engine = await openRuntime(configFrom(command.optsWithGlobals<GlobalOptions>()));
      const progress = progressReporter(io);
      try {
        const result = await importFile(engine, file, { actor: 'cli', onProgress: progress });
        progress.finish();
        if (options.json === true) printJson(io, result);
        else {
          io.out(
            `${file}: ${result.created} new, ${result.updated} updated, ${result.unchanged} unchanged, ${result.rowErrors.length + result.failed.length} rows refused\n`,
          );
          for (const e of result.rowErrors.slice(0, 10)) io.out(`  row ${e.row}: ${e.reason}\n`);
          for (const f of result.failed.slice(0, 10)) io.out(`  ${f.externalId}: ${f.reason}\n`);
          if (result.ranked !== null) io.out(`${summary(result.ranked)}\n`);
        }
        outcome.exitCode = result.rowErrors.length + result.failed.length > 0 ? EXIT.DATA : EXIT.OK;
      } finally {
        await engine.close();
      }
    });
}
