import { Command, CommanderError } from 'commander';
import { OPENAPI_INFO } from '@applydesk/api-contract';
import { registerCosts } from './commands/costs.js';
import { registerDemo } from './commands/demo.js';
import { registerDoctor } from './commands/doctor.js';
import { registerDraft } from './commands/draft.js';
import { registerInit } from './commands/init.js';
import { registerImport } from './commands/import.js';
import { registerIngest } from './commands/ingest.js';
import { registerJobs } from './commands/jobs.js';
import { registerRank } from './commands/rank.js';
import { registerProfile } from './commands/profile.js';
import { registerServe } from './commands/serve.js';
import { registerSources } from './commands/sources.js';
import { registerToken } from './commands/token.js';
import { EXIT, EXIT_HELP } from './exit-codes.js';
import { processIO, reportError, type CliIO } from './io.js';
import { refuseIfLocalOnly } from './remote/remote.js';

export function buildProgram(io: CliIO, outcome: { exitCode: number }): Command {
  const program = new Command('applydesk')
    .description(
      'ApplyDesk: find, rank and draft applications for jobs and freelance work, reviewed by you',
    )
    .version(OPENAPI_INFO.info.version)
    .option(
      '-c, --config <path>',
      'config file (default $APPLYDESK_HOME/applydesk.yaml, or APPLYDESK_CONFIG)',
    )
    .option('--home <dir>', 'ApplyDesk home directory (default ~/.applydesk, or APPLYDESK_HOME)')
    .option(
      '--server <url>',
      'work through a running ApplyDesk server instead of the local database (or APPLYDESK_SERVER); its token comes from APPLYDESK_TOKEN',
    )
    .option('--no-server', 'use the local database even when APPLYDESK_SERVER is set')
    .option(
      '--token-env <var>',
      'read the server token from this variable instead of APPLYDESK_TOKEN',
    )
    .addHelpText('after', `\n${EXIT_HELP}\n`)
    .showSuggestionAfterError()
    .configureOutput({ writeOut: io.out, writeErr: io.err })
    // Commander throws instead of exiting (subcommands inherit this), so main() owns exit codes.
    .exitOverride()
    .hook('preAction', (_program, action) => refuseIfLocalOnly(action));
  registerInit(program, io);
  registerDemo(program, io);
  registerServe(program, io);
  registerJobs(program, io);
  registerRank(program, io);
  registerSources(program, io, outcome);
  registerIngest(program, io, outcome);
  registerImport(program, io, outcome);
  registerProfile(program, io);
  registerDoctor(program, io, outcome);
  registerCosts(program, io);
  registerToken(program, io);
  registerDraft(program, io);
  return program;
}

/** Runs the CLI and returns its exit code; it never calls process.exit itself. */
export async function main(argv: string[], io: CliIO = processIO): Promise<number> {
  const outcome = { exitCode: EXIT.OK as number };
  const program = buildProgram(io, outcome);
  try {
    await program.parseAsync(argv);
    return outcome.exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version "errors" are successes; anything else commander rejects is usage.
      return error.exitCode === 0 ? EXIT.OK : EXIT.USAGE;
    }
    return reportError(io, error);
  }
}
