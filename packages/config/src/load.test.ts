import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DomainError, DEFAULT_WEIGHTS } from '@applydesk/domain';
import { loadConfig } from './load.js';
import { writeStarterConfig } from './init.js';

function home(): string {
  return mkdtempSync(join(tmpdir(), 'applydesk-config-'));
}

function thrown(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError');
}

describe('loadConfig', () => {
  it('uses defaults under APPLYDESK_HOME when there is no file', () => {
    const dir = home();
    const config = loadConfig({ env: { APPLYDESK_HOME: dir } });
    expect(config.configFileFound).toBe(false);
    expect(config.configPath).toBe(join(dir, 'applydesk.yaml'));
    expect(config.database).toEqual({ kind: 'sqlite', path: join(dir, 'applydesk.sqlite') });
    expect(config.server).toMatchObject({ host: '127.0.0.1', port: 7070, auth: 'auto' });
    expect(config.ranking.weights).toEqual(DEFAULT_WEIGHTS);
  });

  it('reads the starter file written by init to the same values as the defaults', () => {
    const dir = home();
    writeStarterConfig(join(dir, 'applydesk.yaml'));
    const fromFile = loadConfig({ env: { APPLYDESK_HOME: dir } });
    expect(fromFile.configFileFound).toBe(true);
    const defaults = loadConfig({ env: { APPLYDESK_HOME: home() } });
    expect(fromFile.ranking).toEqual(defaults.ranking);
    expect(fromFile.server).toEqual(defaults.server);
    expect(fromFile.drafting).toEqual(defaults.drafting);
    expect(fromFile.filters).toEqual(defaults.filters);
  });

  it('reads filters in the words of the file into rules', () => {
    const dir = home();
    writeFileSync(
      join(dir, 'applydesk.yaml'),
      [
        'filters:',
        '  platforms: [greenhouse, upwork]',
        '  locations: [Berlin, remote]',
        '  salary_min: 90000',
        '  experience_level: [senior, expert]',
        '  keywords: { required: [go], excluded: [php, " crypto "] }',
        '  companies_excluded: [Betwise]',
        '  posted_within_days: 21',
        '  applied_company_within_days: 90',
        '  daily_cap: 15',
      ].join('\n'),
    );
    const { filters } = loadConfig({ env: { APPLYDESK_HOME: dir } });
    expect(filters).toEqual({
      platforms: ['greenhouse', 'upwork'],
      locations: ['Berlin', 'remote'],
      salaryMin: { amount: 90_000, currency: 'USD', period: 'year' },
      experienceLevels: ['senior', 'expert'],
      keywordsRequired: ['go'],
      keywordsAny: [],
      keywordsExcluded: ['php', 'crypto'],
      companiesExcluded: ['Betwise'],
      postedWithinDays: 21,
      appliedCompanyWithinDays: 90,
      dailyCap: 15,
    });
  });

  it('reads the recency windows and refuses them out of order', () => {
    const dir = home();
    const path = join(dir, 'applydesk.yaml');
    writeFileSync(path, 'ranking:\n  recency: { high_days: 2, medium_days: 7 }\n');
    expect(loadConfig({ env: { APPLYDESK_HOME: dir } }).ranking.recency).toEqual({
      highDays: 2,
      mediumDays: 7,
      lowDays: 30,
    });
    writeFileSync(path, 'ranking:\n  recency: { high_days: 20, medium_days: 7 }\n');
    const error = thrown(() => loadConfig({ env: { APPLYDESK_HOME: dir } }));
    expect(`${error.message} ${JSON.stringify(error.details)}`).toContain(
      'expected high_days <= medium_days <= low_days',
    );
  });

  it('names a bad filter and why', () => {
    const dir = home();
    writeFileSync(
      join(dir, 'applydesk.yaml'),
      [
        'filters:',
        '  salary_min: { amount: 50000, currency: euro }',
        '  experience_level: [wizard]',
        '  daily_cap: 0',
        '  keyword: [go]',
      ].join('\n'),
    );
    const error = thrown(() => loadConfig({ env: { APPLYDESK_HOME: dir } }));
    expect(error.code).toBe('CONFIG_INVALID');
    const text = `${error.message} ${JSON.stringify(error.details)}`;
    expect(text).toContain('filters.salary_min');
    expect(text).toContain('filters.experience_level.0');
    expect(text).toContain('filters.daily_cap');
    expect(text).toContain('keyword');
  });

  it('refuses to overwrite an existing file unless forced', () => {
    const path = join(home(), 'applydesk.yaml');
    writeStarterConfig(path);
    expect(thrown(() => writeStarterConfig(path)).code).toBe('CONFLICT');
    expect(() => writeStarterConfig(path, { force: true })).not.toThrow();
  });

  it('lists every problem of an invalid file as path: reason', () => {
    const dir = home();
    writeFileSync(
      join(dir, 'applydesk.yaml'),
      [
        'server:',
        '  port: 99999',
        'ranking:',
        '  min_match_score: high',
        '  weights:',
        '    skils: 1',
        'colour: blue',
        '',
      ].join('\n'),
    );
    const error = thrown(() => loadConfig({ env: { APPLYDESK_HOME: dir } }));
    expect(error.code).toBe('CONFIG_INVALID');
    const problems = error.details?.problems as string[];
    expect(problems).toHaveLength(4);
    expect(problems.some((p) => p.startsWith('server.port: '))).toBe(true);
    expect(problems.some((p) => p.startsWith('ranking.min_match_score: '))).toBe(true);
    expect(problems.some((p) => p.startsWith('ranking.weights: ') && p.includes('skils'))).toBe(
      true,
    );
    expect(problems.some((p) => p.startsWith('(root): ') && p.includes('colour'))).toBe(true);
    expect(error.message).toContain(join(dir, 'applydesk.yaml'));
  });

  it('reports a YAML syntax error with its line', () => {
    const dir = home();
    writeFileSync(join(dir, 'applydesk.yaml'), 'server:\n  port: 7070\n   host: x\n');
    const error = thrown(() => loadConfig({ env: { APPLYDESK_HOME: dir } }));
    expect(error.code).toBe('CONFIG_INVALID');
    expect(error.message).toMatch(/line 2, column 9: Nested mappings/);
  });

  it('fails with CONFIG_NOT_FOUND when an explicit --config path is missing', () => {
    const dir = home();
    const error = thrown(() =>
      loadConfig({ env: {}, overrides: { configPath: join(dir, 'nope.yaml') } }),
    );
    expect(error.code).toBe('CONFIG_NOT_FOUND');
    expect(error.hint).toContain('applydesk init');
  });

  it('ranks an explicit option over the environment over the file', () => {
    const dir = home();
    writeFileSync(join(dir, 'applydesk.yaml'), 'server:\n  port: 8000\n');
    expect(loadConfig({ env: { APPLYDESK_HOME: dir } }).server.port).toBe(8000);
    expect(loadConfig({ env: { APPLYDESK_HOME: dir, APPLYDESK_PORT: '8100' } }).server.port).toBe(
      8100,
    );
    const config = loadConfig({
      env: { APPLYDESK_HOME: dir, APPLYDESK_PORT: '8100' },
      overrides: { port: '8200' },
    });
    expect(config.server.port).toBe(8200);
    expect(config.origins['server.port']).toBe('option');
  });

  it('names a bad environment value and what it got', () => {
    const error = thrown(() =>
      loadConfig({ env: { APPLYDESK_HOME: home(), APPLYDESK_PORT: 'seventy' } }),
    );
    expect(error.code).toBe('CONFIG_INVALID');
    expect(error.message).toContain('APPLYDESK_PORT');
    expect(error.message).toContain('seventy');
  });

  it('takes PostgreSQL from DATABASE_URL and never echoes its password', () => {
    const url = 'postgres://app:s3cret@db.example:5432/applydesk';
    expect(loadConfig({ env: { APPLYDESK_HOME: home(), DATABASE_URL: url } }).database).toEqual({
      kind: 'postgres',
      url,
    });
    const error = thrown(() =>
      loadConfig({ env: { APPLYDESK_HOME: home(), DATABASE_URL: 'mysql://u:s3cret@h/db' } }),
    );
    expect(error.message).toContain('DATABASE_URL');
    expect(error.message).not.toContain('s3cret');
  });

  it('resolves a relative database path against the config file', () => {
    const dir = home();
    writeFileSync(join(dir, 'applydesk.yaml'), 'database:\n  path: data/jobs.sqlite\n');
    expect(loadConfig({ env: { APPLYDESK_HOME: dir } }).database).toEqual({
      kind: 'sqlite',
      path: join(dir, 'data/jobs.sqlite'),
    });
  });

  it('keeps configured sources and refuses duplicate names', () => {
    const dir = home();
    writeFileSync(
      join(dir, 'applydesk.yaml'),
      'sources:\n  - name: acme\n    type: greenhouse\n    board: acme\n',
    );
    expect(loadConfig({ env: { APPLYDESK_HOME: dir } }).sources).toEqual([
      { name: 'acme', type: 'greenhouse', board: 'acme' },
    ]);
    writeFileSync(
      join(dir, 'applydesk.yaml'),
      'sources:\n  - name: a\n    type: lever\n  - name: a\n    type: remotive\n',
    );
    expect(thrown(() => loadConfig({ env: { APPLYDESK_HOME: dir } })).details?.problems).toEqual([
      'sources: source names must be unique',
    ]);
    writeFileSync(
      join(dir, 'applydesk.yaml'),
      'sources:\n  - name: a\n    type: lever\n  - type: hn\n',
    );
    const problems = thrown(() => loadConfig({ env: { APPLYDESK_HOME: dir } })).details
      ?.problems as string[];
    expect(problems).toEqual([expect.stringMatching(/^sources\.1\.name: /)]);
  });

  it('reads secrets from the environment without ever serializing them', () => {
    const config = loadConfig({
      env: { APPLYDESK_HOME: home(), ADZUNA_APP_KEY: 'k-123', EMPTY: '' },
    });
    expect(config.secret('ADZUNA_APP_KEY')).toBe('k-123');
    expect(config.secret('EMPTY')).toBeUndefined();
    expect(JSON.stringify(config)).not.toContain('k-123');
  });
});

describe('loadConfig: llm', () => {
  const write = (lines: string[]): string => {
    const dir = home();
    writeFileSync(join(dir, 'applydesk.yaml'), lines.join('\n'));
    return dir;
  };

  it('has no providers and no models by default', () => {
    const { llm } = loadConfig({ env: { APPLYDESK_HOME: home() } });
    expect(llm).toEqual({
      providers: [],
      tasks: { analysis: [], drafting: [], embeddings: [], research: [] },
      budget: { dailyUsd: null, monthlyUsd: null },
      prices: {},
      timeoutMs: 60_000,
    });
  });

  it('reads providers, task routes, budget and prices; keys only from the environment', () => {
    const dir = write([
      'llm:',
      '  providers:',
      '    - { name: openai, type: openai, limits: { rpm: 60, concurrency: 2 } }',
      '    - { name: claude, type: anthropic, apiKeyEnv: MY_CLAUDE_KEY }',
      '    - { name: local, type: openai-compatible, baseUrl: "http://127.0.0.1:11434/v1" }',
      '  tasks:',
      '    drafting: [claude:claude-sonnet-4-20250514, openai:gpt-4.1-mini]',
      '    analysis: ["local:llama3.1:8b"]',
      '  budget: { daily_usd: 1.5, monthly_usd: 20 }',
      '  prices:',
      '    "local:llama3.1:8b": { input_per_mtok: 0, output_per_mtok: 0 }',
      '  timeout_seconds: 20',
    ]);
    const config = loadConfig({
      env: { APPLYDESK_HOME: dir, MY_CLAUDE_KEY: 'sk-ant-secret', OPENAI_API_KEY: 'sk-oa' },
    });
    expect(config.llm.providers).toEqual([
      {
        name: 'openai',
        type: 'openai',
        baseUrl: undefined,
        apiKeyEnv: 'OPENAI_API_KEY',
        limits: { rpm: 60, concurrency: 2 },
      },
      {
        name: 'claude',
        type: 'anthropic',
        baseUrl: undefined,
        apiKeyEnv: 'MY_CLAUDE_KEY',
        limits: {},
      },
      {
        name: 'local',
        type: 'openai-compatible',
        baseUrl: 'http://127.0.0.1:11434/v1',
        apiKeyEnv: undefined,
        limits: {},
      },
    ]);
    expect(config.llm.tasks.drafting).toEqual([
      { provider: 'claude', model: 'claude-sonnet-4-20250514' },
      { provider: 'openai', model: 'gpt-4.1-mini' },
    ]);
    // The model keeps its own colons.
    expect(config.llm.tasks.analysis).toEqual([{ provider: 'local', model: 'llama3.1:8b' }]);
    expect(config.llm.tasks.embeddings).toEqual([]);
    expect(config.llm.budget).toEqual({ dailyUsd: 1.5, monthlyUsd: 20 });
    expect(config.llm.prices).toEqual({
      'local:llama3.1:8b': { inputPerMtok: 0, outputPerMtok: 0 },
    });
    expect(config.llm.timeoutMs).toBe(20_000);
    const claude = config.llm.providers[1];
    expect(config.secret(claude?.apiKeyEnv ?? '')).toBe('sk-ant-secret');
    expect(JSON.stringify(config)).not.toContain('sk-ant-secret');
  });

  it('names a task entry whose provider is not configured, and why', () => {
    const dir = write([
      'llm:',
      '  providers: [{ name: openai, type: openai }]',
      '  tasks:',
      '    drafting: [claude:claude-sonnet-4, openai:gpt-4.1-mini, gpt-4o]',
    ]);
    const problems = thrown(() => loadConfig({ env: { APPLYDESK_HOME: dir } })).details
      ?.problems as string[];
    expect(problems).toContainEqual(
      expect.stringMatching(
        /^llm\.tasks\.drafting\.0: unknown provider "claude" \(configured: openai/,
      ),
    );
    expect(problems).toContainEqual(
      expect.stringMatching(/^llm\.tasks\.drafting\.2: expected "provider:model"/),
    );
    expect(problems.some((p) => p.startsWith('llm.tasks.drafting.1'))).toBe(false);
    // One reason for the malformed entry, not also a made-up provider name.
    expect(problems.filter((p) => p.startsWith('llm.tasks.drafting.2'))).toHaveLength(1);
  });

  it('refuses unknown provider types, unknown tasks, duplicate names and keys in the file', () => {
    const dir = write([
      'llm:',
      '  providers:',
      '    - { name: a, type: mistral }',
      '    - { name: b, type: openai, apiKey: sk-123 }',
      '    - { name: b, type: cohere }',
      '  tasks: { writing: [b:command-r] }',
      '  budget: { daily_usd: -1 }',
    ]);
    const error = thrown(() => loadConfig({ env: { APPLYDESK_HOME: dir } }));
    expect(error.code).toBe('CONFIG_INVALID');
    const problems = error.details?.problems as string[];
    expect(problems).toContainEqual(expect.stringMatching(/^llm\.providers\.0\.type: /));
    expect(problems).toContainEqual(expect.stringMatching(/^llm\.providers\.1: .*apiKey/));
    expect(problems).toContainEqual(expect.stringMatching(/^llm\.tasks: .*writing/));
    expect(problems).toContainEqual(expect.stringMatching(/^llm\.budget\.daily_usd: /));
  });

  it('reports a duplicate provider name once the rest is valid', () => {
    const dir = write([
      'llm:',
      '  providers: [{ name: b, type: openai }, { name: b, type: cohere }]',
    ]);
    expect(thrown(() => loadConfig({ env: { APPLYDESK_HOME: dir } })).details?.problems).toEqual([
      'llm.providers.1.name: provider name "b" is used twice',
    ]);
  });

  it('loads the starter file with its llm block uncommented', async () => {
    const { STARTER_CONFIG } = await import('./starter.js');
    const at = STARTER_CONFIG.indexOf('# llm:');
    expect(at).toBeGreaterThan(0);
    const uncommented =
      STARTER_CONFIG.slice(0, at) +
      STARTER_CONFIG.slice(at)
        .split('\n')
        .map((line) => line.replace(/^# /, ''))
        .join('\n');
    const dir = write([uncommented]);
    const { llm } = loadConfig({ env: { APPLYDESK_HOME: dir } });
    expect(llm.providers.map((p) => `${p.name}/${p.type}`)).toEqual([
      'openai/openai',
      'claude/anthropic',
      'local/openai-compatible',
    ]);
    expect(llm.tasks.analysis[1]).toEqual({ provider: 'local', model: 'llama3.1:8b' });
    expect(llm.budget).toEqual({ dailyUsd: 2, monthlyUsd: 20 });
  });
});

describe('loadConfig: llm providers', () => {
  it('asks an openai-compatible provider for its baseUrl', () => {
    const dir = home();
    writeFileSync(
      join(dir, 'applydesk.yaml'),
      'llm:\n  providers: [{ name: local, type: openai-compatible }]\n',
    );
    expect(thrown(() => loadConfig({ env: { APPLYDESK_HOME: dir } })).details?.problems).toEqual([
      'llm.providers.0.baseUrl: an openai-compatible provider needs its baseUrl, e.g. http://127.0.0.1:11434/v1',
    ]);
  });
});
