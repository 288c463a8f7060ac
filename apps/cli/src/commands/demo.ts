import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { ensureHome } from '@applydesk/config';
import { runDemo } from '@applydesk/engine';
import { printJson, type CliIO } from '../io.js';
import { progressReporter } from '../progress.js';
import { configFrom, openRuntime, type GlobalOptions } from '../runtime.js';
import { serveUntilStopped } from '../serve-until-stopped.js';

interface DemoOptions {
  serve: boolean;
  json?: boolean;
  port?: string;
}

export function registerDemo(program: Command, io: CliIO): void {
  program
    .command('demo')
    .description(
      'load sample postings and a sample profile into a fresh demo home, rank, draft, and serve them',
    )
    .option('--no-serve', 'stop after loading and print a summary')
    .option('--json', 'print the summary as JSON')
    .option('-p, --port <port>', 'port to serve on (default 7070, or APPLYDESK_PORT)')
    .action(async (options: DemoOptions, command: Command) => {
      const config = configFrom(
        command.optsWithGlobals<GlobalOptions>(),
        options.port === undefined ? {} : { port: options.port },
      );
      ensureHome(config);
      // The demo never touches the user's own data: its own SQLite file, wiped each run.
      const demoHome = join(config.home, 'demo');
      rmSync(demoHome, { recursive: true, force: true });
      const demoConfig = { ...config, home: demoHome };
      const engine = await openRuntime(demoConfig, {
        database: { kind: 'sqlite', path: join(demoHome, 'applydesk.sqlite') },
      });
      const progress = progressReporter(io);
      let summary;
      try {
        summary = await runDemo(engine, { onProgress: progress });
        progress.finish();
      } catch (error) {
        progress.finish();
        await engine.close();
        throw error;
      }
      const report = { ...summary, home: demoHome };
      if (options.json === true) printJson(io, report);
      else
        io.out(
          `Demo ready: ${summary.jobs} postings, ${summary.shortlisted} shortlisted for ${summary.profile.name}, ` +
            `${summary.drafts} drafts written offline (${(summary.tookMs / 1000).toFixed(1)} s).\n`,
        );
      if (!options.serve) {
        await engine.close();
        return;
      }
      await serveUntilStopped(engine, demoConfig, io, {
        // The demo is offline: it never reaches out to the sources a config may list.
        schedule: false,
        banner: (url) =>
          `Open ${url} to review them (API: ${url}/api/jobs, reference: ${url}/api/docs). Ctrl-C stops.\n`,
      });
    });
}
