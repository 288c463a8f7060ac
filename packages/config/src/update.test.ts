import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DomainError } from '@applydesk/domain';
import { loadConfig } from './load.js';
import { updateConfigFile } from './update.js';

const USER_FILE = `# my own notes about this desk
server:
  port: 7171 # not the default, on purpose

ranking:
  min_match_score: 60 # lower while the market is slow
  weights:
    skills: 0.3 # skills matter most to me

filters:
  keywords:
    any: [go, rust] # either will do
  companies_excluded: [Initech]

sources:
  - { name: acme, type: greenhouse, board: acme, custom_option: keep-me }
`;

function fileWith(text: string | null): string {
  const dir = mkdtempSync(join(tmpdir(), 'applydesk-update-'));
  const path = join(dir, 'applydesk.yaml');
  if (text !== null) writeFileSync(path, text);
  return path;
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

describe('updateConfigFile', () => {
  it('changes only the keys named, keeping comments, order and unknown keys', () => {
    const path = fileWith(USER_FILE);
    const { file, created } = updateConfigFile(path, {
      ranking: { weights: { skills: 0.5, pay: 0 } },
      filters: { keywords: { any: ['go', 'typescript'] }, daily_cap: 5 },
      drafting: { tone: 'direct', templates: { proposal: 'Short, please.' } },
      llm: { budget: { daily_usd: 1.5 } },
    });
    expect(created).toBe(false);
    expect(file.ranking.weights).toMatchObject({ skills: 0.5, pay: 0 });
    expect(file.filters.daily_cap).toBe(5);

    const text = readFileSync(path, 'utf8');
    for (const comment of [
      '# my own notes about this desk',
      '# not the default, on purpose',
      '# lower while the market is slow',
      '# skills matter most to me',
      '# either will do',
    ])
      expect(text).toContain(comment);
    expect(text).toContain('skills: 0.5 # skills matter most to me');
    expect(text).toContain('any: [go, typescript] # either will do');
    // Keys the patch did not name are untouched, an adapter's own options included.
    expect(text).toContain('custom_option: keep-me');
    expect(text).toContain('companies_excluded: [Initech]');
    expect(text).toContain('port: 7171');

    const config = loadConfig({ overrides: { configPath: path }, env: {} });
    expect(config.ranking.weights.skills).toBe(0.5);
    expect(config.ranking.minMatchScore).toBe(60);
    expect(config.filters.keywordsAny).toEqual(['go', 'typescript']);
    expect(config.filters.companiesExcluded).toEqual(['Initech']);
    expect(config.drafting).toMatchObject({
      tone: 'direct',
      templates: { proposal: 'Short, please.' },
    });
    expect(config.llm.budget).toEqual({ dailyUsd: 1.5, monthlyUsd: null });
    expect(config.server.port).toBe(7171);
  });

  it('removes a key given as null, so its default applies again', () => {
    const path = fileWith(USER_FILE);
    updateConfigFile(path, { ranking: { min_match_score: null } });
    const text = readFileSync(path, 'utf8');
    expect(text).not.toContain('min_match_score');
    expect(text).toContain('# skills matter most to me');
    expect(loadConfig({ overrides: { configPath: path }, env: {} }).ranking.minMatchScore).toBe(70);
  });

  it('refuses a bad value or an unknown key with its path, and writes nothing', () => {
    const path = fileWith(USER_FILE);
    const bad = thrown(() =>
      updateConfigFile(path, {
        ranking: { weights: { skills: 'lots' } },
        filters: { posted_within_days: -3 },
      }),
    );
    expect(bad.code).toBe('INVALID_INPUT');
    const problems = bad.details?.problems as string[];
    expect(problems.some((p) => p.startsWith('ranking.weights.skills: '))).toBe(true);
    expect(problems.some((p) => p.startsWith('filters.posted_within_days: '))).toBe(true);

    const unknown = thrown(() => updateConfigFile(path, { server: { port: 1 } }));
    expect(unknown.message).toMatch(/server/);
    const order = thrown(() => updateConfigFile(path, { ranking: { recency: { high_days: 40 } } }));
    expect(order.details?.problems).toEqual([
      'ranking.recency: expected high_days <= medium_days <= low_days',
    ]);
    expect(readFileSync(path, 'utf8')).toBe(USER_FILE);
  });

  it('changes the models of a task and the filters a user tunes, keeping every comment', () => {
    const path = fileWith(`${USER_FILE}
llm:
  providers: # mine, keys in the environment
    - { name: openai, type: openai }
    - { name: local, type: openai-compatible, baseUrl: 'http://127.0.0.1:11434/v1' }
  tasks:
    drafting: [openai:gpt-4.1-mini] # cheap first
    analysis: [] # nothing yet
  budget: { daily_usd: 2 } # hard stop
`);
    const { file } = updateConfigFile(path, {
      llm: {
        tasks: { drafting: ['local:llama3.1:8b', 'openai:gpt-4.1'] },
        budget: { monthly_usd: 30 },
      },
      filters: {
        platforms: ['greenhouse', 'upwork'],
        experience_level: ['senior', 'expert'],
        applied_company_within_days: 60,
        posted_within_days: 14,
      },
      ranking: { recency: { high_days: 2, medium_days: 10, low_days: 21 } },
    });
    expect(file.llm.tasks.drafting).toEqual(['local:llama3.1:8b', 'openai:gpt-4.1']);

    const text = readFileSync(path, 'utf8');
    expect(text).toContain('drafting: [local:llama3.1:8b, openai:gpt-4.1] # cheap first');
    expect(text).toContain('analysis: [] # nothing yet');
    expect(text).toContain('# mine, keys in the environment');
    expect(text).toMatch(/budget: \{ ?daily_usd: 2, monthly_usd: 30 ?\} # hard stop/);
    expect(text).toContain('# my own notes about this desk');
    expect(text).toContain('# either will do');

    const config = loadConfig({ overrides: { configPath: path }, env: {} });
    expect(config.llm.tasks.drafting).toEqual([
      { provider: 'local', model: 'llama3.1:8b' },
      { provider: 'openai', model: 'gpt-4.1' },
    ]);
    expect(config.llm.budget).toEqual({ dailyUsd: 2, monthlyUsd: 30 });
    expect(config.filters).toMatchObject({
      platforms: ['greenhouse', 'upwork'],
      experienceLevels: ['senior', 'expert'],
      appliedCompanyWithinDays: 60,
      postedWithinDays: 14,
    });
    expect(config.ranking.recency).toEqual({ highDays: 2, mediumDays: 10, lowDays: 21 });
  });

  it('refuses a task model whose provider the file does not list, or a provider change', () => {
    const path = fileWith(USER_FILE);
    const unknown = thrown(() =>
      updateConfigFile(path, { llm: { tasks: { drafting: ['nope:x'] } } }),
    );
    expect(unknown.details?.problems).toEqual([
      'llm.tasks.drafting.0: unknown provider "nope" (none is configured under llm.providers)',
    ]);
    const shape = thrown(() => updateConfigFile(path, { llm: { tasks: { drafting: ['gpt-4'] } } }));
    expect(shape.details?.problems).toContain(
      'llm.tasks.drafting.0: expected "provider:model", e.g. "openai:gpt-4.1-mini"',
    );
    const providers = thrown(() =>
      updateConfigFile(path, { llm: { providers: [{ name: 'x', type: 'openai' }] } }),
    );
    expect(providers.message).toMatch(/providers/);
    expect(readFileSync(path, 'utf8')).toBe(USER_FILE);
  });

  it('starts a missing file from the commented starter', () => {
    const path = fileWith(null);
    updateConfigFile(path, { filters: { locations: ['Berlin', 'remote'] } });
    expect(existsSync(path)).toBe(true);
    const text = readFileSync(path, 'utf8');
    expect(text).toContain('# ApplyDesk configuration.');
    expect(text).toMatch(/locations: \[Berlin, remote\] +# e\.g\./);
    expect(loadConfig({ overrides: { configPath: path }, env: {} }).filters.locations).toEqual([
      'Berlin',
      'remote',
    ]);
  });
});
