import type { Command } from 'commander';
import { redactUrl, type AppConfig } from '@applydesk/config';
import { DEFAULT_BASE_URLS, needsApiKey } from '@applydesk/engine';
import { isDomainError } from '@applydesk/domain';
import { EXIT } from '../exit-codes.js';
import { printJson, type CliIO } from '../io.js';
import { remoteChecks } from '../remote/doctor.js';
import { remoteCapable, resolveRemote } from '../remote/remote.js';
import { configFrom, openRuntime, type GlobalOptions } from '../runtime.js';

export interface Check {
  name: string;
  status: 'ok' | 'warn' | 'fail';
  detail: string;
  fix?: string;
}

function failed(name: string, error: unknown): Check {
  return isDomainError(error)
    ? {
        name,
        status: 'fail',
        detail: error.message,
        ...(error.hint === undefined ? {} : { fix: error.hint }),
      }
    : { name, status: 'fail', detail: error instanceof Error ? error.message : String(error) };
}

function nodeCheck(): Check {
  const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
  const ok = major > 20 || (major === 20 && minor >= 19);
  return ok
    ? { name: 'node', status: 'ok', detail: `Node.js ${process.versions.node}` }
    : {
        name: 'node',
        status: 'fail',
        detail: `Node.js ${process.versions.node} is too old`,
        fix: 'install Node.js 20.19 or newer',
      };
}

async function portCheck(config: AppConfig): Promise<Check> {
  const { host, port } = config.server;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  try {
    const res = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(1500) });
    const body = (await res.json().catch(() => null)) as { version?: string } | null;
    return body?.version !== undefined
      ? {
          name: 'port',
          status: 'ok',
          detail: `ApplyDesk ${body.version} is already serving at ${url}`,
        }
      : {
          name: 'port',
          status: 'warn',
          detail: `something else answers at ${url}`,
          fix: 'stop it, or choose another port with --port or APPLYDESK_PORT',
        };
  } catch {
    return { name: 'port', status: 'ok', detail: `${url} is free for \`applydesk serve\`` };
  }
}

/** Each provider's key and address, and whether drafting has a model to go to; keys never printed. */
export function llmChecks(config: AppConfig): Check[] {
  const { providers, tasks, budget } = config.llm;
  if (providers.length === 0) {
    return [
      {
        name: 'llm',
        status: 'ok',
        detail: 'no LLM provider configured: drafts are written by the offline writer',
      },
    ];
  }
  const checks: Check[] = providers.map((p) => {
    const name = `llm:${p.name}`;
    const where = p.baseUrl ?? DEFAULT_BASE_URLS[p.type] ?? '(no address)';
    if (
      needsApiKey(p.type) &&
      (p.apiKeyEnv === undefined || config.secret(p.apiKeyEnv) === undefined)
    ) {
      return {
        name,
        status: 'fail',
        detail: `${p.type} at ${where} has no API key`,
        fix: `set ${p.apiKeyEnv ?? 'its apiKeyEnv variable'} in the environment or .env`,
      };
    }
    const key = p.apiKeyEnv === undefined ? 'no key' : `key from ${p.apiKeyEnv}`;
    return { name, status: 'ok', detail: `${p.type} at ${where}, ${key}` };
  });
  const drafting = tasks.drafting.map((r) => `${r.provider}:${r.model}`);
  checks.push(
    drafting.length === 0
      ? {
          name: 'drafting',
          status: 'warn',
          detail:
            'providers are configured but llm.tasks.drafting lists no model: drafts are written offline',
          fix: 'add models to llm.tasks.drafting, e.g. [openai:gpt-4.1-mini]',
        }
      : {
          name: 'drafting',
          status: 'ok',
          detail: `${drafting.join(' → ')}${budget.dailyUsd === null ? '' : `, $${budget.dailyUsd}/day`}${budget.monthlyUsd === null ? '' : `, $${budget.monthlyUsd}/month`}`,
        },
  );
  return checks;
}

async function runChecks(global: GlobalOptions): Promise<Check[]> {
  const checks: Check[] = [nodeCheck()];
  let config: AppConfig;
  try {
    config = configFrom(global);
  } catch (error) {
    checks.push(failed('config', error));
    return checks;
  }
  checks.push(
    config.configFileFound
      ? { name: 'config', status: 'ok', detail: `${config.configPath} is valid` }
      : {
          name: 'config',
          status: 'warn',
          detail: `no config file at ${config.configPath}; using defaults`,
          fix: 'run `applydesk init` to write a commented starter file',
        },
  );
  const where =
    config.database.kind === 'postgres' ? redactUrl(config.database.url) : config.database.path;
  try {
    const engine = await openRuntime(config);
    try {
      const health = await engine.store.health();
      const jobs = await engine.store.jobs.count();
      checks.push({
        name: 'database',
        status: 'ok',
        detail: `${health.dialect} at ${where}, schema ${health.schemaVersion}, ${jobs} postings`,
      });
      const profile = await engine.store.profiles.getDefault();
      checks.push(
        profile === null
          ? {
              name: 'profile',
              status: 'warn',
              detail: 'no profile yet, so nothing can be ranked',
              fix: 'import your resume with `applydesk profile import <file>` (or try `applydesk demo`)',
            }
          : { name: 'profile', status: 'ok', detail: `${profile.basics.name} (${profile.name})` },
      );
    } finally {
      await engine.close();
    }
  } catch (error) {
    checks.push(failed('database', error));
  }
  checks.push(...llmChecks(config));
  checks.push(await portCheck(config));
  return checks;
}

const MARK = { ok: '✓', warn: '!', fail: '✗' } as const;

export function registerDoctor(program: Command, io: CliIO, outcome: { exitCode: number }): void {
  remoteCapable(program.command('doctor'))
    .description(
      'check the configuration, database and providers (or, with --server, the server and token), and say what to fix',
    )
    .option('--json', 'print the checks as JSON')
    .action(async (options: { json?: boolean }, command: Command) => {
      const remote = resolveRemote(command);
      // Against a server the local files say nothing; what matters is reaching it with the token.
      const checks =
        remote === null
          ? await runChecks(command.optsWithGlobals<GlobalOptions>())
          : [nodeCheck(), ...(await remoteChecks(remote))];
      const failedCount = checks.filter((c) => c.status === 'fail').length;
      if (options.json === true) printJson(io, { ok: failedCount === 0, checks });
      else {
        for (const c of checks) {
          io.out(`${MARK[c.status]} ${c.name.padEnd(9)} ${c.detail}\n`);
          if (c.fix !== undefined) io.out(`  ${' '.repeat(9)} fix: ${c.fix}\n`);
        }
      }
      outcome.exitCode = failedCount === 0 ? EXIT.OK : EXIT.FAILURE;
    });
}
