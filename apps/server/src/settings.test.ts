import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { loadConfig } from '@applydesk/config';
import type { Match } from '@applydesk/domain';
import {
  generateSamplePostings,
  ingestJobs,
  openEngine,
  rankedList,
  rankJobs,
  saveProfile,
  sampleProfile,
  type EffectiveSettings,
  type OpenEngine,
} from '@applydesk/engine';
import { createApp } from './app.js';
import { createLogger } from './logger.js';
import { access } from './test-support/access.js';
import { NOW } from './test-support/seeded-engine.js';

const SECRET = 'sk-test-0123456789abcdefSECRET';
const CONFIG = `# the user's own header comment
ranking:
  min_match_score: 55 # tuned by hand
  weights:
    skills: 0.25 # keep this note

filters:
  keywords:
    excluded: [] # none yet

llm:
  providers:
    - { name: openai, type: openai, apiKeyEnv: APPLYDESK_TEST_OPENAI_KEY }
    - { name: local, type: openai-compatible, baseUrl: 'http://127.0.0.1:11434/v1' }
  tasks:
    drafting: [openai:gpt-4.1-mini, local:llama3.1]
  budget: { daily_usd: 2 }
`;

let engine: OpenEngine;
let app: OpenAPIHono;
let configPath: string;

beforeAll(async () => {
  const home = mkdtempSync(join(tmpdir(), 'applydesk-settings-'));
  configPath = join(home, 'applydesk.yaml');
  writeFileSync(configPath, CONFIG);
  const config = loadConfig({
    env: { APPLYDESK_HOME: home, APPLYDESK_TEST_OPENAI_KEY: SECRET },
  });
  engine = await openEngine(config, { now: () => NOW });
  await saveProfile(engine, sampleProfile(), 'test');
  await ingestJobs(engine, generateSamplePostings({ now: NOW, count: 40 }), { actor: 'test' });
  await rankJobs(engine, { actor: 'test' });
  app = createApp({ ctx: engine, logger: createLogger('silent') });
});
afterAll(() => engine.close());

const send = (method: string, path: string, body?: unknown) =>
  app.request(path, {
    method,
    headers: { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

interface ProblemJson {
  code: string;
  errors?: { path: string; reason: string }[];
}

describe('the OpenAPI document', () => {
  it('describes the settings and token routes', async () => {
    const doc = (await (await app.request('/api/openapi.json')).json()) as {
      paths: Record<string, Record<string, unknown>>;
    };
    expect(Object.keys(doc.paths['/api/settings'] ?? {})).toEqual(['get', 'patch']);
    expect(Object.keys(doc.paths['/api/tokens'] ?? {})).toEqual(['get', 'post']);
    expect(doc.paths['/api/tokens/{id}']).toHaveProperty('delete');
  });
});

describe('GET /api/settings', () => {
  it('answers the effective settings and says a key is set without ever sending it', async () => {
    const res = await app.request('/api/settings');
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).not.toContain(SECRET);
    const settings = JSON.parse(text) as EffectiveSettings;
    expect(settings.configPath).toBe(configPath);
    expect(settings.ranking.minMatchScore).toBe(55);
    expect(settings.ranking.weights.skills).toBe(0.25);
    expect(settings.llm.providers).toEqual([
      {
        name: 'openai',
        type: 'openai',
        baseUrl: null,
        apiKeyEnv: 'APPLYDESK_TEST_OPENAI_KEY',
        apiKeySet: true,
      },
      {
        name: 'local',
        type: 'openai-compatible',
        baseUrl: 'http://127.0.0.1:11434/v1',
        apiKeyEnv: null,
        apiKeySet: false,
      },
    ]);
    expect(settings.llm.tasks.drafting).toEqual(['openai:gpt-4.1-mini', 'local:llama3.1']);
    expect(settings.llm.budget).toEqual({ dailyUsd: 2, monthlyUsd: null });
    expect(settings.server).toEqual({
      host: '127.0.0.1',
      port: 7070,
      auth: 'auto',
      corsOrigins: [],
    });
  });
});

describe('PATCH /api/settings', () => {
  it('saves to the file with its comments, applies to the engine and re-ranks', async () => {
    const [top] = await rankedList(engine, { limit: 1 });
    const company = top!.job.company;
    const jobBefore = (await (await app.request(`/api/jobs/${top!.job.id}`)).json()) as {
      match: Match;
    };
    expect(jobBefore.match.rejection).toBeNull();

    const res = await send('PATCH', '/api/settings', {
      filters: { companies_excluded: [company] },
      ranking: { weights: { skills: 0.4 } },
      drafting: { tone: 'direct', templates: { cover_letter: 'Four paragraphs at most.' } },
      llm: { budget: { monthly_usd: 20 } },
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as EffectiveSettings & { ranked: { written: number } | null };
    expect(body.filters.companiesExcluded).toEqual([company]);
    expect(body.ranking.weights.skills).toBe(0.4);
    expect(body.llm.budget).toEqual({ dailyUsd: 2, monthlyUsd: 20 });
    expect(body.ranked?.written).toBeGreaterThan(0);

    // The running engine uses the change at once.
    expect(engine.settings.weights.skills).toBe(0.4);
    expect(engine.settings.filters?.companiesExcluded).toEqual([company]);
    expect(engine.settings.drafting).toEqual({
      tone: 'direct',
      templates: { cover_letter: 'Four paragraphs at most.' },
    });
    const jobAfter = (await (await app.request(`/api/jobs/${top!.job.id}`)).json()) as {
      match: Match;
    };
    expect(jobAfter.match.rejection?.rule).toBe('companies_excluded');

    // The file keeps the user's comments and every key the change did not name.
    const text = readFileSync(configPath, 'utf8');
    expect(text).toContain("# the user's own header comment");
    expect(text).toContain('min_match_score: 55 # tuned by hand');
    expect(text).toContain('skills: 0.4 # keep this note');
    expect(text).toContain('excluded: [] # none yet');
    expect(text).toContain('drafting: [openai:gpt-4.1-mini, local:llama3.1]');
    expect(loadConfig({ overrides: { configPath }, env: {} }).filters.companiesExcluded).toEqual([
      company,
    ]);

    const again = (await (await app.request('/api/settings')).json()) as EffectiveSettings;
    expect(again.drafting.tone).toBe('direct');

    // Letting the company back in clears the hold on the next ranking.
    await send('PATCH', '/api/settings', { filters: { companies_excluded: [] } });
    const cleared = (await (await app.request(`/api/jobs/${top!.job.id}`)).json()) as {
      match: Match;
    };
    expect(cleared.match.rejection).toBeNull();
  });

  it('refuses bad values with problem+json naming each field path, and saves nothing', async () => {
    const before = readFileSync(configPath, 'utf8');
    const res = await send('PATCH', '/api/settings', {
      ranking: { weights: { skills: 'lots' }, min_match_score: 140 },
      filters: { keywords: { any: [''] } },
    });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    const problem = (await res.json()) as ProblemJson;
    expect(problem.code).toBe('INVALID_INPUT');
    const paths = problem.errors?.map((e) => e.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'ranking.weights.skills',
        'ranking.min_match_score',
        'filters.keywords.any.0',
      ]),
    );
    expect(problem.errors?.find((e) => e.path === 'filters.keywords.any.0')?.reason).toMatch(
      /expected a word/,
    );

    const unknown = (await (
      await send('PATCH', '/api/settings', { server: { port: 1 } })
    ).json()) as ProblemJson;
    expect(unknown.code).toBe('INVALID_INPUT');
    expect(unknown.errors?.[0]?.reason).toMatch(/server/);
    expect(readFileSync(configPath, 'utf8')).toBe(before);
    expect(engine.settings.weights.skills).toBe(0.4);
  });

  it('routes a task to other models and tunes recency and the posting filters', async () => {
    const res = await send('PATCH', '/api/settings', {
      llm: { tasks: { drafting: ['local:llama3.1:8b'], analysis: ['openai:gpt-4.1-mini'] } },
      filters: {
        platforms: ['greenhouse'],
        experience_level: ['senior', 'lead'],
        posted_within_days: 21,
        applied_company_within_days: 90,
      },
      ranking: { recency: { high_days: 2, medium_days: 7, low_days: 20 } },
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as EffectiveSettings & { ranked: unknown };
    expect(body.llm.tasks).toMatchObject({
      drafting: ['local:llama3.1:8b'],
      analysis: ['openai:gpt-4.1-mini'],
    });
    expect(body.filters).toMatchObject({
      platforms: ['greenhouse'],
      experienceLevels: ['senior', 'lead'],
      postedWithinDays: 21,
      appliedCompanyWithinDays: 90,
    });
    expect(body.ranking.recency).toEqual({ highDays: 2, mediumDays: 7, lowDays: 20 });
    expect(body.ranked).not.toBeNull();

    // The gateway reads its routes from the engine's config: the change is in use at once.
    expect(engine.config?.llm.tasks.drafting).toEqual([
      { provider: 'local', model: 'llama3.1:8b' },
    ]);
    const again = (await (await app.request('/api/settings')).json()) as EffectiveSettings;
    expect(again.llm.tasks.drafting).toEqual(['local:llama3.1:8b']);
    expect(again.ranking.recency.lowDays).toBe(20);

    const text = readFileSync(configPath, 'utf8');
    expect(text).toContain('drafting: [local:llama3.1:8b]');
    expect(text).toContain('platforms: [greenhouse]');
    expect(text).toContain("# the user's own header comment");
    expect(text).toContain('min_match_score: 55 # tuned by hand');
    expect(loadConfig({ overrides: { configPath }, env: {} }).filters.experienceLevels).toEqual([
      'senior',
      'lead',
    ]);

    await send('PATCH', '/api/settings', { filters: { platforms: [] } });
  });

  it('refuses a model of an unknown provider and an unknown level, naming each field', async () => {
    const before = readFileSync(configPath, 'utf8');
    const res = await send('PATCH', '/api/settings', {
      llm: { tasks: { drafting: ['openai:gpt-4.1', 'claude:claude-sonnet-4'] } },
      filters: { experience_level: ['wizard'] },
    });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    const problem = (await res.json()) as ProblemJson;
    expect(problem.code).toBe('INVALID_INPUT');
    expect(problem.errors?.find((e) => e.path === 'llm.tasks.drafting.1')?.reason).toMatch(
      /provider "claude"/,
    );

    const level = (await (
      await send('PATCH', '/api/settings', { filters: { experience_level: ['wizard'] } })
    ).json()) as ProblemJson;
    expect(level.errors?.map((e) => e.path)).toEqual(['filters.experience_level.0']);
    expect(level.errors?.[0]?.reason).toMatch(/senior/);

    const budget = (await (
      await send('PATCH', '/api/settings', { llm: { budget: { daily_usd: -1 } } })
    ).json()) as ProblemJson;
    expect(budget.errors).toEqual([
      { path: 'llm.budget.daily_usd', reason: 'expected an amount in USD, 0 or more' },
    ]);

    // Providers are the file's alone: the API cannot add one or change its key variable.
    const providers = (await (
      await send('PATCH', '/api/settings', { llm: { providers: [] } })
    ).json()) as ProblemJson;
    expect(providers.code).toBe('INVALID_INPUT');
    expect(readFileSync(configPath, 'utf8')).toBe(before);
    expect(engine.config?.llm.tasks.drafting).toEqual([
      { provider: 'local', model: 'llama3.1:8b' },
    ]);
  });

  it('refuses a provider added to the file by hand until the server restarts', async () => {
    const before = readFileSync(configPath, 'utf8');
    const edited = before.replace(
      '  providers:\n',
      '  providers:\n    - { name: claude, type: anthropic }\n',
    );
    expect(edited).not.toBe(before);
    writeFileSync(configPath, edited);
    const res = await send('PATCH', '/api/settings', {
      llm: { tasks: { drafting: ['claude:claude-sonnet-4'] } },
    });
    expect(res.status).toBe(400);
    const problem = (await res.json()) as ProblemJson;
    expect(problem.errors).toEqual([
      {
        path: 'llm.tasks.drafting.0',
        reason: expect.stringMatching(/not one the server runs .*restart/) as unknown,
      },
    ]);
    expect(readFileSync(configPath, 'utf8')).toBe(edited);
    writeFileSync(configPath, before);
  });

  it('needs a write token when auth is on', async () => {
    const guarded = createApp({
      ctx: engine,
      logger: createLogger('silent'),
      server: access({ auth: 'required' }),
    });
    const made = (await (await send('POST', '/api/tokens', { name: 'reader' })).json()) as {
      token: string;
    };
    const res = await guarded.request('/api/settings', {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${made.token}` },
      body: JSON.stringify({ drafting: { tone: 'warm' } }),
    });
    expect(res.status).toBe(403);
    const read = await guarded.request('/api/settings', {
      headers: { authorization: `Bearer ${made.token}` },
    });
    expect(read.status).toBe(200);
  });
});

describe('API tokens', () => {
  it('creates a token shown once, lists it without the secret, and revokes it', async () => {
    const res = await send('POST', '/api/tokens', { name: 'dashboard', scope: 'write' });
    expect(res.status).toBe(201);
    const created = (await res.json()) as { token: string; item: { id: string; scope: string } };
    expect(created.token.length).toBeGreaterThan(20);
    expect(created.item.scope).toBe('write');

    const listed = await app.request('/api/tokens');
    const listText = await listed.text();
    expect(listText).not.toContain(created.token);
    const list = JSON.parse(listText) as { items: { id: string; name: string }[] };
    expect(list.items.map((t) => t.name)).toContain('dashboard');

    const conflict = (await (
      await send('POST', '/api/tokens', { name: 'dashboard' })
    ).json()) as ProblemJson;
    expect(conflict.code).toBe('CONFLICT');

    const revoked = await send('DELETE', `/api/tokens/${created.item.id}`);
    expect(revoked.status).toBe(200);
    expect(((await revoked.json()) as { revokedAt: string | null }).revokedAt).not.toBeNull();
    const after = (await (await app.request('/api/tokens')).json()) as {
      items: { id: string }[];
    };
    expect(after.items.map((t) => t.id)).not.toContain(created.item.id);
    const all = (await (await app.request('/api/tokens?all=true')).json()) as {
      items: { id: string }[];
    };
    expect(all.items.map((t) => t.id)).toContain(created.item.id);
    expect((await send('DELETE', '/api/tokens/tok_missing')).status).toBe(404);
  });
});
