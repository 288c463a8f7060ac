import type { Command } from 'commander';
import type { CliIO } from '../io.js';
import { configFrom, openRuntime, type GlobalOptions } from '../runtime.js';
import { serveUntilStopped } from '../serve-until-stopped.js';

export function registerServe(program: Command, io: CliIO): void {
  program
    .command('serve')
    .description('serve the API and the dashboard')
    .option('-p, --port <port>', 'port to listen on (default 7070, or APPLYDESK_PORT)')
    .option('--host <address>', 'address to bind (default 127.0.0.1)')
    .option('--no-schedule', 'do not run sources on their schedule')
    .action(
      async (options: { port?: string; host?: string; schedule: boolean }, command: Command) => {
        const config = configFrom(command.optsWithGlobals<GlobalOptions>(), {
          ...(options.port === undefined ? {} : { port: options.port }),
          ...(options.host === undefined ? {} : { host: options.host }),
        });
        const engine = await openRuntime(config);
        await serveUntilStopped(engine, config, io, {
          banner: (url) => `ApplyDesk is serving at ${url} (API reference: ${url}/api/docs)\n`,
          schedule: options.schedule,
        });
      },
    );
}
