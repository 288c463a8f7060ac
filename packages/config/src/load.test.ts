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
    expect(config.server).toEqual({ host: '127.0.0.1', port: 7070 });
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
