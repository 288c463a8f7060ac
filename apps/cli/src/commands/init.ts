import type { Command } from 'commander';
import { writeStarterConfig } from '@applydesk/config';
import type { CliIO } from '../io.js';
import { configFrom, type GlobalOptions } from '../runtime.js';

export function registerInit(program: Command, io: CliIO): void {
  program
    .command('init')
    .description('write a commented starter applydesk.yaml')
    .option('--force', 'replace an existing file')
    .action((options: { force?: boolean }, command: Command) => {
      const config = configFrom(command.optsWithGlobals<GlobalOptions>());
      writeStarterConfig(config.configPath, { force: options.force === true });
      io.out(
        `Wrote ${config.configPath}\nNext: edit it, then run \`applydesk doctor\` to check it.\n`,
      );
    });
}
