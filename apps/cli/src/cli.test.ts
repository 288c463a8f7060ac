import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT } from './exit-codes.js';
import { runCli, tempHome } from './test-support/run-cli.js';

const NO_STACK = /\n\s+at /;

describe('help and usage', () => {
  it('lists every command and the exit codes', async () => {
    const run = await runCli(['--help']);
    expect(run.code).toBe(EXIT.OK);
    for (const command of ['init', 'demo', 'serve', 'jobs', 'doctor'])
      expect(run.stdout).toContain(command);
    expect(run.stdout).toContain('78  configuration error');
  });

  it.each([['init'], ['demo'], ['serve'], ['jobs', 'list'], ['doctor']])(
    'has --help for %s',
    async (...command) => {
      const run = await runCli([...command, '--help']);
      expect(run.code).toBe(EXIT.OK);
      expect(run.stdout).toContain(`Usage: applydesk ${command.join(' ')}`);
    },
  );

  it('exits 64 on an unknown command, suggesting the near one', async () => {
    const run = await runCli(['demoo']);
    expect(run.code).toBe(EXIT.USAGE);
    expect(run.stderr).toContain('demo');
  });
});

describe('init', () => {
  it('writes the starter file once and refuses to overwrite it', async () => {
    const home = tempHome();
    const first = await runCli(['init'], { APPLYDESK_HOME: home });
    expect(first.code).toBe(EXIT.OK);
    expect(first.stdout).toContain(join(home, 'applydesk.yaml'));
    const second = await runCli(['init'], { APPLYDESK_HOME: home });
    expect(second.code).toBe(EXIT.DATA);
    expect(second.stderr).toMatch(/^error: .*already exists\nfix: .*--force/m);
  });
});

describe('configuration errors', () => {
  it('lists every problem of a bad config, one per line, with exit 78 and no stack', async () => {
    const home = tempHome();
    writeFileSync(
      join(home, 'applydesk.yaml'),
      'server:\n  port: -1\nranking:\n  min_match_score: 200\n',
    );
    const run = await runCli(['jobs', 'list'], { APPLYDESK_HOME: home });
    expect(run.code).toBe(EXIT.CONFIG);
    expect(run.stderr).toMatch(/^ {2}- server\.port: /m);
    expect(run.stderr).toMatch(/^ {2}- ranking\.min_match_score: /m);
    expect(run.stderr).toMatch(/^fix: /m);
    expect(run.stderr).not.toMatch(NO_STACK);
  });

  it('exits 78 when --config names a missing file', async () => {
    const run = await runCli(['--config', join(tempHome(), 'missing.yaml'), 'jobs', 'list']);
    expect(run.code).toBe(EXIT.CONFIG);
    expect(run.stderr).toContain('does not exist');
    expect(run.stderr).toContain('applydesk init --config');
  });

  it('names a database directory that does not exist, with exit 73', async () => {
    const home = tempHome();
    writeFileSync(
      join(home, 'applydesk.yaml'),
      'database:\n  path: /nonexistent-dir/applydesk/data.sqlite\n',
    );
    const run = await runCli(['jobs', 'list'], { APPLYDESK_HOME: home });
    expect(run.code).toBe(EXIT.CANT_CREATE);
    expect(run.stderr).toContain('/nonexistent-dir/applydesk');
    expect(run.stderr).toMatch(/^fix: /m);
    expect(run.stderr).not.toMatch(NO_STACK);
  });

  it('refuses a bad option value with exit 65', async () => {
    const run = await runCli(['jobs', 'list', '--min-score', 'lots'], {
      APPLYDESK_HOME: tempHome(),
    });
    expect(run.code).toBe(EXIT.DATA);
    expect(run.stderr).toContain('--min-score must be a whole number from 0 to 100 (got "lots")');
  });
});

describe('serve', () => {
  it('says the port is in use and how to fix it, with exit 69', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const address = blocker.address();
    const port = typeof address === 'object' && address !== null ? address.port : 0;
    try {
      const run = await runCli(['serve', '--port', String(port)], { APPLYDESK_HOME: tempHome() });
      expect(run.code).toBe(EXIT.UNAVAILABLE);
      expect(run.stderr).toBe(
        `error: port ${port} on 127.0.0.1 is already in use\nfix: stop the program using it, or pick another port with --port <n> or APPLYDESK_PORT\n`,
      );
    } finally {
      blocker.close();
    }
  });
});

describe('demo and jobs list', () => {
  it('loads, ranks and drafts the sample set, then lists it', async () => {
    const home = tempHome();
    const demo = await runCli(['demo', '--no-serve', '--json'], { APPLYDESK_HOME: home });
    expect(demo.code).toBe(EXIT.OK);
    const summary = JSON.parse(demo.stdout) as {
      jobs: number;
      duplicates: number;
      shortlisted: number;
      drafts: number;
      failed: number;
      home: string;
      tookMs: number;
    };
    expect(summary.jobs).toBeGreaterThanOrEqual(300);
    expect(summary.failed).toBe(0);
    expect(summary.shortlisted).toBeGreaterThanOrEqual(1);
    expect(summary.drafts).toBeGreaterThanOrEqual(1);
    expect(summary.home).toBe(join(home, 'demo'));

    const listed = await runCli(
      ['jobs', 'list', '--json', '--include-rejected', '--limit', '200'],
      {
        APPLYDESK_HOME: summary.home,
      },
    );
    expect(listed.code).toBe(EXIT.OK);
    const page = JSON.parse(listed.stdout) as {
      items: { score: number | null; stage: string | null }[];
      total_count: number;
    };
    // The sample set has the same role on two sources three times, and the generator draws one
    // role twice at one company with text similar enough to be one (bench/dedupe.test.ts):
    // each merged and listed once.
    expect(summary.duplicates).toBe(4);
    expect(page.total_count).toBe(summary.jobs - summary.duplicates);
    const scores = page.items.map((i) => i.score ?? -1);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));

    const review = await runCli(['jobs', 'list', '--json', '--stage', 'ready_for_review'], {
      APPLYDESK_HOME: summary.home,
    });
    expect((JSON.parse(review.stdout) as { total_count: number }).total_count).toBe(summary.drafts);

    const table = await runCli(['jobs', 'list', '--limit', '5'], { APPLYDESK_HOME: summary.home });
    expect(table.stdout.split('\n')[0]).toMatch(/^SCORE\s+TITLE/);
    expect(table.stdout.trim().split('\n')).toHaveLength(6);

    const again = await runCli(['demo', '--no-serve', '--json'], { APPLYDESK_HOME: home });
    expect((JSON.parse(again.stdout) as { jobs: number }).jobs).toBe(summary.jobs);
  });
});

describe('doctor', () => {
  it('passes on a fresh home with warnings that say what to do', async () => {
    const run = await runCli(['doctor', '--json', '--home', tempHome()], { APPLYDESK_PORT: '1' });
    expect(run.code).toBe(EXIT.OK);
    const report = JSON.parse(run.stdout) as {
      ok: boolean;
      checks: { name: string; status: string; fix?: string }[];
    };
    expect(report.ok).toBe(true);
    const byName = Object.fromEntries(report.checks.map((c) => [c.name, c]));
    expect(byName.database?.status).toBe('ok');
    expect(byName.config).toMatchObject({
      status: 'warn',
      fix: expect.stringContaining('applydesk init') as unknown,
    });
    expect(byName.profile).toMatchObject({ status: 'warn' });
  });

  it('checks each language model provider for its key without printing it', async () => {
    const home = tempHome();
    mkdirSync(home, { recursive: true });
    writeFileSync(
      join(home, 'applydesk.yaml'),
      [
        'llm:',
        '  providers:',
        '    - { name: openai, type: openai }',
        '    - { name: claude, type: anthropic, apiKeyEnv: MY_CLAUDE_KEY }',
        '    - { name: local, type: openai-compatible, baseUrl: "http://127.0.0.1:11434/v1" }',
        '  tasks:',
        '    drafting: [claude:claude-sonnet-4-20250514, local:llama3.1]',
        '  budget: { daily_usd: 2 }',
        '',
      ].join('\n'),
    );
    const run = await runCli(['doctor', '--json'], {
      APPLYDESK_HOME: home,
      APPLYDESK_PORT: '1',
      MY_CLAUDE_KEY: 'sk-ant-very-secret',
      OPENAI_API_KEY: '',
    });
    expect(run.code).toBe(EXIT.FAILURE);
    expect(run.stdout).not.toContain('sk-ant-very-secret');
    const checks = (
      JSON.parse(run.stdout) as {
        checks: { name: string; status: string; detail: string; fix?: string }[];
      }
    ).checks;
    const byName = Object.fromEntries(checks.map((c) => [c.name, c]));
    expect(byName['llm:openai']).toMatchObject({
      status: 'fail',
      fix: 'set OPENAI_API_KEY in the environment or .env',
    });
    expect(byName['llm:claude']).toMatchObject({
      status: 'ok',
      detail: 'anthropic at https://api.anthropic.com/v1, key from MY_CLAUDE_KEY',
    });
    expect(byName['llm:local']).toMatchObject({
      status: 'ok',
      detail: 'openai-compatible at http://127.0.0.1:11434/v1, no key',
    });
    expect(byName.drafting).toMatchObject({
      status: 'ok',
      detail: 'claude:claude-sonnet-4-20250514 → local:llama3.1, $2/day',
    });
  });

  it('fails with exit 1 and names the problem when the config is invalid', async () => {
    const home = tempHome();
    mkdirSync(home, { recursive: true });
    writeFileSync(join(home, 'applydesk.yaml'), 'log:\n  level: loud\n');
    const run = await runCli(['doctor'], { APPLYDESK_HOME: home });
    expect(run.code).toBe(EXIT.FAILURE);
    expect(run.stdout).toMatch(/✗ config .*log\.level/);
  });
});
