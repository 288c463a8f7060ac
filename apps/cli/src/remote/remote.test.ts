import { readdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '@applydesk/config';
import type { Draft } from '@applydesk/domain';
import { createApiToken, openEngine, type OpenEngine } from '@applydesk/engine';
import { createApp, createLogger, startServer, type RunningServer } from '@applydesk/server';
import { EXIT } from '../exit-codes.js';
import { runCli, tempHome, type CliRun } from '../test-support/run-cli.js';

let home = '';
/** The laptop's home: no database, so a command that quietly ran locally would find nothing. */
const laptop = tempHome();
let engine: OpenEngine;
let server: RunningServer;
let url = '';
let token = '';
let readToken = '';
/** Every run of this file, so the last test can look for the token in all their output. */
const runs: CliRun[] = [];

async function run(args: string[], env: Record<string, string> = {}): Promise<CliRun> {
  const result = await runCli(args, { APPLYDESK_HOME: laptop, ...env });
  runs.push(result);
  return result;
}

/** The same command on the server's machine, and from the laptop through the server. */
const local = (args: string[]) => run(args, { APPLYDESK_HOME: home });
const remote = (args: string[], env: Record<string, string> = {}) =>
  run([...args, '--server', url], { APPLYDESK_TOKEN: token, ...env });

beforeAll(async () => {
  const demo = await runCli(['demo', '--no-serve', '--json'], { APPLYDESK_HOME: tempHome() });
  home = (JSON.parse(demo.stdout) as { home: string }).home;
  const config = loadConfig({ env: { APPLYDESK_HOME: home } });
  engine = await openEngine(config);
  // A server that asks for a token, as one bound to the home network does.
  const app = createApp({
    ctx: engine,
    logger: createLogger('silent'),
    server: { ...config.server, auth: 'required' },
  });
  server = await startServer(app, { host: '127.0.0.1', port: 0, logger: createLogger('silent') });
  url = server.url;
  token = (await createApiToken(engine, { name: 'laptop', scope: 'write' })).secret;
  readToken = (await createApiToken(engine, { name: 'phone', scope: 'read' })).secret;
  // Spend on the server's ledger only, so the costs the laptop prints can come from nowhere else.
  for (const [model, costUsd] of [
    ['gpt-4.1-mini', 0.0123],
    ['claude-sonnet-4', 0.5],
  ] as const)
    await engine.store.llmCalls.record({
      at: '2026-06-02T10:00:00.000Z',
      task: 'drafting',
      provider: 'openai',
      model,
      inputTokens: 1200,
      outputTokens: 300,
      costUsd,
      priceKnown: true,
      latencyMs: 900,
      outcome: 'ok',
      errorKind: null,
      errorMessage: null,
      jobId: null,
      draftId: null,
    });
}, 120_000);

afterAll(async () => {
  await server.close();
  await engine.close();
});

/** An address where nothing listens: a port the system handed out and that was let go. */
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const address = probe.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

describe('the CLI through a running server', () => {
  it('lists postings as the local command does, JSON and table, filters included', async () => {
    for (const args of [
      ['jobs', 'list', '--json'],
      ['jobs', 'list', '--json', '--min-score', '40', '--remote', 'remote,hybrid', '-n', '5'],
      ['jobs', 'list', '--json', '--rejected'],
      ['jobs', 'list'],
    ]) {
      const here = await local(args);
      const there = await remote(args);
      expect(there.code, there.stderr).toBe(EXIT.OK);
      expect(there.stdout).toBe(here.stdout);
      expect(there.stderr).toBe(here.stderr);
    }
    const page = JSON.parse((await remote(['jobs', 'list', '--json', '-n', '200'])).stdout) as {
      items: { id: string }[];
      total_count: number;
    };
    expect(page.total_count).toBeGreaterThan(10);
    expect(page.items.length).toBe(Math.min(page.total_count, 200));
  });

  it('ranks on the server (POST /api/rank) and prints the ranking as the local command does', async () => {
    const here = JSON.parse((await local(['rank', '--top', '5', '--json'])).stdout) as {
      ranked: object;
      items: unknown[];
    };
    const there = await remote(['rank', '--top', '5', '--json']);
    expect(there.code, there.stderr).toBe(EXIT.OK);
    const body = JSON.parse(there.stdout) as typeof here;
    expect(body.items).toEqual(here.items);
    expect(Object.keys(body.ranked).sort()).toEqual(Object.keys(here.ranked).sort());
    const human = await remote(['rank', '--top', '3']);
    expect(human.stdout).toMatch(/^ {2}1\. +\d+ {2}.+ — .+\n/);
    expect(human.stdout).toMatch(/Ranked \d+ postings in [\d.]+ s/);
  });

  it('lists, shows, confirms and approves drafts, changing them in the server’s database', async () => {
    const args = ['drafts', 'list', '--json'];
    const there = await remote(args);
    expect(there.stdout).toBe((await local(args)).stdout);
    const { items } = JSON.parse(there.stdout) as { items: Draft[] };
    const [first, second] = items;
    expect(first).toBeDefined();
    expect(second).toBeDefined();
    const id = first?.id ?? '';

    const shown = await remote(['drafts', 'show', id]);
    expect(shown.stdout).toBe((await local(['drafts', 'show', id])).stdout);

    expect((await remote(['drafts', 'confirm', id])).code).toBe(EXIT.OK);
    const approved = await remote(['drafts', 'approve', id]);
    expect(approved.code, approved.stderr).toBe(EXIT.OK);
    expect(approved.stdout).toBe(
      `Approved ${id}. Apply on the posting's page, then mark it applied.\n`,
    );
    expect((await engine.store.drafts.get(id))?.status).toBe('approved');

    const otherId = second?.id ?? '';
    const rejected = await remote(['drafts', 'reject', otherId]);
    expect(rejected.stdout).toBe(`Rejected ${otherId}.\n`);
    expect((await engine.store.drafts.get(otherId))?.status).not.toBe('pending_review');
  });

  it('shows the sources and the costs as the local commands do', async () => {
    for (const args of [
      ['sources', 'status', '--json'],
      ['sources'],
      ['costs', '--json', '--since', '2026-01-01'],
      ['costs', '--by', 'model', '--since', '2026-06-01'],
    ]) {
      const here = await local(args);
      const there = await remote(args);
      expect(there.code, there.stderr).toBe(here.code);
      expect(there.stdout).toBe(here.stdout);
    }
    const costs = await remote(['costs', '--by', 'model', '--since', '2026-06-01']);
    expect(costs.stdout).toMatch(/^openai:claude-sonnet-4 +1 +1 +0 +0 +0 +1,200 +300 +0\.5000$/m);
    expect(costs.stdout).toMatch(/^total +2 +2 .* 0\.5123$/m);
  });

  it("reports the server's refusals like local errors, with the same exit codes", async () => {
    const missing = await remote(['drafts', 'show', 'drf_nope']);
    expect(missing.code).toBe(EXIT.NO_INPUT);
    expect(missing.stderr).toBe((await local(['drafts', 'show', 'drf_nope'])).stderr);

    const since = await remote(['costs', '--since', 'yesterday']);
    expect(since.code).toBe(EXIT.DATA);
    expect(since.stderr).toContain('--since expects a day as YYYY-MM-DD (got "yesterday")');
    expect(since.stderr).toContain('fix: for example --since');

    // A field the server checks and the CLI does not: each field error on its own line.
    const field = await remote(['jobs', 'list', '--search', 'x'.repeat(501)]);
    expect(field.code).toBe(EXIT.DATA);
    expect(field.stderr).toMatch(/^error: the server refused the request:\n {2}- q: .*500/);

    const scope = await remote(['jobs', 'override', 'job_x'], { APPLYDESK_TOKEN: readToken });
    expect(scope.code).toBe(EXIT.NO_PERMISSION);
    expect(scope.stderr).toContain('has read scope');
    expect(scope.stderr).toContain(
      'fix: create one with `applydesk token create <name> --scope write`',
    );
  });

  it('says a wrong or missing token is refused, and how to fix it (exit 77)', async () => {
    const wrong = await remote(['jobs', 'list'], { APPLYDESK_TOKEN: 'adk_not-a-real-token' });
    expect(wrong.code).toBe(EXIT.NO_PERMISSION);
    expect(wrong.stdout).toBe('');
    expect(wrong.stderr).toBe(
      `error: the ApplyDesk server at ${url} refused the request: the API token is unknown or was revoked\n` +
        "fix: set APPLYDESK_TOKEN to a valid token (make one on the server's machine with `applydesk token create <name>`)\n",
    );
    expect(wrong.stderr).not.toContain('adk_not-a-real-token');

    const none = await run(['drafts', 'list', '--server', url]);
    expect(none.code).toBe(EXIT.NO_PERMISSION);
    expect(none.stderr).toContain('this server needs an API token: none was sent');

    // --token-env names another variable; APPLYDESK_SERVER stands in for --server.
    const other = await run(['jobs', 'list', '--json', '--token-env', 'HOME_SERVER_TOKEN'], {
      APPLYDESK_SERVER: url,
      HOME_SERVER_TOKEN: token,
    });
    expect(other.code, other.stderr).toBe(EXIT.OK);
    const unset = await run(['jobs', 'list', '--token-env', 'NO_SUCH_VAR', '--server', url]);
    expect(unset.code).toBe(EXIT.DATA);
    expect(unset.stderr).toContain('--token-env names NO_SUCH_VAR, which is not set');
  });

  it('names the server and the reason when it cannot be reached (exit 69)', async () => {
    const down = `http://127.0.0.1:${await closedPort()}`;
    const result = await run(['jobs', 'list', '--server', down], { APPLYDESK_TOKEN: token });
    expect(result.code).toBe(EXIT.UNAVAILABLE);
    expect(result.stderr).toBe(
      `error: cannot reach the ApplyDesk server at ${down}: connection refused: nothing is listening there\n` +
        'fix: check the address (--server or APPLYDESK_SERVER) and that `applydesk serve` is running there\n',
    );
    const bad = await run(['jobs', 'list', '--server', 'homeserver:7070']);
    expect(bad.code).toBe(EXIT.DATA);
    expect(bad.stderr).toContain('--server must be an http:// or https:// address');
  });

  it("refuses commands that only work on the server's machine, and says why (exit 64)", async () => {
    const init = await run(['init', '--server', url]);
    expect(init.code).toBe(EXIT.USAGE);
    expect(init.stderr).toBe(
      `error: \`applydesk init\` cannot go through the server at ${url}: it writes applydesk.yaml on the machine it runs on.\n` +
        "fix: run it on the server's machine, without --server (unset APPLYDESK_SERVER or pass --no-server)\n",
    );
    for (const args of [['token', 'create', 'x'], ['import', 'jobs.csv'], ['demo'], ['serve']]) {
      const refused = await run(args, { APPLYDESK_SERVER: url, APPLYDESK_TOKEN: token });
      expect(refused.code, args.join(' ')).toBe(EXIT.USAGE);
      expect(refused.stderr).toContain(
        `\`applydesk ${args.slice(0, 2).join(' ').replace(' jobs.csv', '')}\` cannot go through the server`,
      );
    }
    expect(
      (await engine.store.apiTokens.list({ includeRevoked: true })).map((t) => t.name),
    ).not.toContain('x');
    // --no-server works on the local database even with APPLYDESK_SERVER set.
    const here = await run(['token', 'list', '--no-server'], {
      APPLYDESK_SERVER: url,
      APPLYDESK_HOME: home,
    });
    expect(here.code, here.stderr).toBe(EXIT.OK);
    expect(here.stdout).toContain('laptop');
  });

  it('doctor checks the server: reachable, its version, and whether the token is accepted', async () => {
    const good = await remote(['doctor', '--json']);
    expect(good.code, good.stdout).toBe(EXIT.OK);
    const checks = (
      JSON.parse(good.stdout) as { checks: { name: string; status: string; detail: string }[] }
    ).checks;
    expect(checks.map((c) => c.name)).toEqual(['node', 'server', 'token', 'profile']);
    expect(checks.find((c) => c.name === 'server')?.detail).toMatch(
      new RegExp(`^ApplyDesk \\d+\\.\\d+\\.\\d+ at ${url.replace(/\./g, '\\.')}, sqlite schema`),
    );
    expect(checks.find((c) => c.name === 'token')?.detail).toMatch(
      /^the server accepts the token from APPLYDESK_TOKEN \(\d+ postings\)$/,
    );

    const bad = await remote(['doctor'], { APPLYDESK_TOKEN: 'adk_wrong' });
    expect(bad.code).toBe(EXIT.FAILURE);
    expect(bad.stdout).toMatch(/✓ server +ApplyDesk /);
    expect(bad.stdout).toContain(
      '✗ token     the server does not accept the token from APPLYDESK_TOKEN: the API token is unknown or was revoked',
    );

    const down = await run(['doctor', '--server', `http://127.0.0.1:${await closedPort()}`]);
    expect(down.code).toBe(EXIT.FAILURE);
    expect(down.stdout).toMatch(
      /✗ server +cannot reach the ApplyDesk server at http:\/\/127\.0\.0\.1:\d+: connection refused/,
    );
  });

  it('never prints the token, and never opened a database on the laptop', () => {
    expect(readdirSync(laptop)).toEqual([]);
    expect(runs.length).toBeGreaterThan(20);
    for (const r of runs) {
      for (const secret of [token, readToken, token.slice(4, 20), 'adk_wrong', 'adk_not-a-real']) {
        expect(r.stdout).not.toContain(secret);
        expect(r.stderr).not.toContain(secret);
      }
    }
  });
});
