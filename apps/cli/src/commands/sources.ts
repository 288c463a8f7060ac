import type { Command } from 'commander';
import { z } from 'zod';
import { createInterface } from 'node:readline/promises';
import {
  beginSourceAuthorization,
  completeSourceAuthorization,
  forgetSourceAuthorization,
  secretNames,
  sourceStatuses,
  testSource,
  type SourceStatus,
} from '@applydesk/engine';
import { SOURCE_ADAPTERS, type AnySourceAdapter } from '@applydesk/sources';
import { EXIT } from '../exit-codes.js';
import { printJson, usageError, type CliIO } from '../io.js';
import { codeFromPaste, isLoopbackRedirect, waitForOAuthRedirect } from '../oauth-callback.js';
import { localOrRemote, remoteCapable } from '../remote/remote.js';
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

const STATE_MARK: Record<SourceStatus['health']['state'], string> = {
  never_run: '·',
  healthy: '✓',
  degraded: '!',
  failing: '✗',
};

function ago(iso: string, now: Date): string {
  const minutes = Math.round((now.getTime() - Date.parse(iso)) / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 120) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  return hours < 48 ? `${hours} h ago` : `${Math.round(hours / 24)} days ago`;
}

/** One source's health in a few lines a person reads at a glance. */
export function statusLines(s: SourceStatus, now: Date): string {
  const h = s.health;
  const head = `${STATE_MARK[h.state]} ${s.name.padEnd(18)} ${s.type.padEnd(16)} ${s.enabled ? h.state.replace('_', ' ') : 'disabled'}`;
  const lines = [head];
  if (s.unusable !== null) lines.push(`    cannot run: ${s.unusable}`);
  const run = h.lastRun;
  if (run !== null) {
    const c = run.counts;
    lines.push(
      `    last run ${ago(run.startedAt, now)} (${run.trigger}, ${run.status}): ${c.fetched} fetched, ${c.created} new, ${c.updated} updated, ${c.duplicates} duplicates, ${c.closed} closed, ${c.invalid} errors`,
    );
  }
  if (h.lastSuccessAt !== null && run?.status === 'failed')
    lines.push(`    last success ${ago(h.lastSuccessAt, now)}`);
  if (h.reason !== null) lines.push(`    why: ${h.reason}`);
  if (h.degradedUntil !== null)
    lines.push(
      `    waits until ${h.degradedUntil} (${h.consecutiveFailures} failed run${h.consecutiveFailures === 1 ? '' : 's'} in a row)`,
    );
  lines.push(
    `    ${s.schedule === null ? 'runs by hand (no schedule)' : `schedule "${s.schedule}", next run ${s.nextRunAt ?? 'never'}`}; terms: at most every ${s.minPollMinutes} min`,
  );
  return `${lines.join('\n')}\n`;
}

async function promptForRedirect(): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return await rl.question('Paste the address your browser was sent to after allowing access: ');
  } finally {
    rl.close();
  }
}

export function registerSources(program: Command, io: CliIO, outcome: { exitCode: number }): void {
  const sources = program
    .command('sources')
    .description('job sources: your sources and their health, the types there are, sign-in');

  remoteCapable(sources.command('status', { isDefault: true }))
    .description('health of each configured source: last run, counts, errors, next run')
    .option('--json', 'print JSON')
    .action(async (options: { json?: boolean }, command: Command) => {
      const { statuses, now } = await localOrRemote(command, {
        local: async (engine) => ({ statuses: await sourceStatuses(engine), now: engine.now() }),
        remote: async (client) => ({
          // The API sends the engine's statuses as they are; its schema only types a few fields.
          statuses: (await client.sources()).items as unknown as SourceStatus[],
          now: new Date(),
        }),
      });
      if (options.json === true) printJson(io, statuses);
      else if (statuses.length === 0)
        io.out(
          'No sources configured. Add some under `sources:` in applydesk.yaml; `applydesk sources list` shows the types and their options.\n',
        );
      else for (const s of statuses) io.out(statusLines(s, now));
      outcome.exitCode = statuses.some((s) => s.enabled && s.health.state === 'failing')
        ? EXIT.UNAVAILABLE
        : EXIT.OK;
    });

  sources
    .command('auth')
    .description(
      'sign a source in with your own key (Upwork: OAuth2), keeping the tokens encrypted',
    )
    .argument('<name>', 'the source name in applydesk.yaml, or its type when only one has it')
    .option(
      '--code <code>',
      'the code, or the whole address the browser was sent to, instead of waiting for it',
    )
    .option('--timeout <seconds>', 'how long to wait for the browser', '300')
    .option('--logout', 'forget the stored tokens')
    .action(
      async (
        name: string,
        options: { code?: string; timeout: string; logout?: boolean },
        command: Command,
      ) => {
        const engine = await openRuntime(configFrom(command.optsWithGlobals<GlobalOptions>()));
        try {
          if (options.logout === true) {
            const forgot = await forgetSourceAuthorization(engine, name);
            io.out(forgot ? `Forgot the tokens of ${name}.\n` : `${name} had no stored tokens.\n`);
            return;
          }
          const start = beginSourceAuthorization(engine, name);
          let code: string;
          if (options.code !== undefined) code = codeFromPaste(options.code).code;
          else if (isLoopbackRedirect(start.redirectUri)) {
            const seconds = Number(options.timeout);
            code = await waitForOAuthRedirect(start.redirectUri, start.state, {
              timeoutMs: (Number.isFinite(seconds) && seconds > 0 ? seconds : 300) * 1000,
              onListening: () =>
                io.err(
                  `Open this address in your browser and allow access:\n  ${start.url}\nWaiting for the answer on ${start.redirectUri} …\n`,
                ),
            });
          } else if (io.interactive && process.stdin.isTTY) {
            io.err(`Open this address in your browser and allow access:\n  ${start.url}\n`);
            const pasted = codeFromPaste(await promptForRedirect());
            if (pasted.state !== null && pasted.state !== start.state)
              throw usageError(
                'that address belongs to another sign-in (its state differs)',
                'paste the address from this sign-in',
              );
            code = pasted.code;
          } else {
            io.err(`Open this address in your browser and allow access:\n  ${start.url}\n`);
            throw usageError(
              `${start.redirectUri} is not on this machine, so ApplyDesk cannot catch the answer`,
              'run again with --code "<the address your browser was sent to>"',
            );
          }
          const done = await completeSourceAuthorization(engine, name, code);
          io.out(
            `✓ ${done.source} is signed in; tokens are stored encrypted${done.expiresAt === null ? '' : ` (access expires ${done.expiresAt}${done.refreshable ? ', renewed automatically' : ''})`}.\n`,
          );
        } finally {
          await engine.close();
        }
      },
    );

  // Only describes the adapters built into this program, so it answers the same anywhere.
  remoteCapable(sources.command('list'))
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
