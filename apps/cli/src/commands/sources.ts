import type { Command } from 'commander';
import { z } from 'zod';
import { secretNames, testSource } from '@applydesk/engine';
import { SOURCE_ADAPTERS, type AnySourceAdapter } from '@applydesk/sources';
import { EXIT } from '../exit-codes.js';
import { printJson, type CliIO } from '../io.js';
import { configFrom, openRuntime, type GlobalOptions } from '../runtime.js';

const BASE_OPTIONS = new Set(['name', 'type', 'baseUrl', 'schedule', 'enabled']);

export interface SourceDescription {
  type: string;
  label: string;
  description: string;
  options: { name: string; required: boolean; description: string | null; schema: unknown }[];
  secrets: string[];
  terms: AnySourceAdapter['terms'];
}

/** Every source type with its options (as JSON Schema), secrets and terms. */
export function describeSources(): SourceDescription[] {
  return SOURCE_ADAPTERS.map((adapter: AnySourceAdapter) => {
    const schema = z.toJSONSchema(adapter.configSchema, {
      unrepresentable: 'any',
      io: 'input',
    }) as {
      properties?: Record<string, { description?: string }>;
      required?: string[];
    };
    return {
      type: adapter.type,
      label: adapter.label,
      description: adapter.description,
      options: Object.entries(schema.properties ?? {})
        .filter(([name]) => !BASE_OPTIONS.has(name))
        .map(([name, property]) => ({
          name,
          required: schema.required?.includes(name) ?? false,
          description: property.description ?? null,
          schema: property,
        })),
      secrets: secretNames(adapter),
      terms: adapter.terms,
    };
  });
}

export function registerSources(program: Command, io: CliIO, outcome: { exitCode: number }): void {
  const sources = program
    .command('sources')
    .description('job sources: the types there are, and yours');

  sources
    .command('list')
    .description('every source type with its options, secrets and terms')
    .option('--json', 'print JSON')
    .action((options: { json?: boolean }) => {
      const described = describeSources();
      if (options.json === true) {
        printJson(io, described);
        return;
      }
      for (const s of described) {
        const opts = s.options.map((o) => (o.required ? o.name : `[${o.name}]`)).join(' ');
        io.out(
          `${s.type.padEnd(16)} ${s.label}\n${' '.repeat(17)}options: ${opts || '(none)'}${s.secrets.length > 0 ? `; secrets: ${s.secrets.join(', ')}` : ''}\n`,
        );
        io.out(
          `${' '.repeat(17)}poll at most every ${s.terms.minPollMinutes} min${s.terms.attribution === null ? '' : `; credit: ${s.terms.attribution}`}\n`,
        );
      }
    });

  sources
    .command('test')
    .description('prove that a configured source can be reached')
    .argument('<name>', 'the source name in applydesk.yaml')
    .option('--json', 'print JSON')
    .action(async (name: string, options: { json?: boolean }, command: Command) => {
      const engine = await openRuntime(configFrom(command.optsWithGlobals<GlobalOptions>()));
      try {
        const result = await testSource(engine, name);
        if (options.json === true) printJson(io, result);
        else
          io.out(`${result.ok ? '✓' : '✗'} ${result.name} (${result.type}): ${result.message}\n`);
        outcome.exitCode = result.ok ? EXIT.OK : EXIT.UNAVAILABLE;
      } finally {
        await engine.close();
      }
    });
}
