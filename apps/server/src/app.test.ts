import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { OpenEngine } from '@applydesk/engine';
import { createApp } from './app.js';
import { createLogger } from './logger.js';
import { NOW, seededEngine } from './test-support/seeded-engine.js';

const HOSTILE = {
  sourceType: 'greenhouse',
  sourceId: 'greenhouse:hostile',
  externalId: 'xss-1',
  url: 'https://boards.greenhouse.io/hostile/jobs/1',
  title: 'Senior Backend Engineer',
  company: 'Hostile Inc',
  location: 'Remote',
  remote: 'remote' as const,
  descriptionHtml:
    '<p>Build APIs in TypeScript.</p><script>alert(1)</script><img src=x onerror="alert(2)"><a href="javascript:alert(3)">apply</a>',
  descriptionText: '',
  postedAt: NOW.toISOString(),
  fetchedAt: NOW.toISOString(),
  raw: {},
};

interface JobListBody {
  items: {
    id: string;
    score: number | null;
    stage: string;
    sourceType: string;
    remote: string;
    title: string;
    rejection: { rule: string; reason: string } | null;
  }[];
  total_count: number;
  next_cursor: string | null;
}
interface ProblemJson {
  status: number;
  code: string;
  detail: string;
  errors?: { path: string; reason: string }[];
}

let engine: OpenEngine;
let app: OpenAPIHono;

beforeAll(async () => {
  engine = await seededEngine({ extra: [HOSTILE] });
  app = createApp({ ctx: engine, logger: createLogger('silent') });
});
afterAll(async () => engine.close());

async function getJson<T>(path: string, status = 200): Promise<T> {
  const res = await app.request(path);
  expect(res.status, path).toBe(status);
  return (await res.json()) as T;
}

describe('GET /healthz', () => {
  it('reports the database as healthy', async () => {
    const body = await getJson<{ status: string; database: { ok: boolean; dialect: string } }>(
      '/healthz',
    );
    expect(body.status).toBe('ok');
    expect(body.database).toMatchObject({ ok: true, dialect: 'sqlite' });
  });
});

describe('GET /api/jobs', () => {
  it('answers items and total_count, best score first, not cached', async () => {
    const res = await app.request('/api/jobs');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = (await res.json()) as JobListBody;
    // Postings merged into the same role from another source are listed once.
    const merged = (await engine.store.events.list({ limit: 1000 })).filter(
      (e) => e.action === 'job.merged',
    );
    expect(merged.length).toBeGreaterThan(0);
    // Postings a filter holds back (here: the profile's avoid list) are left out by default.
    const profile = await engine.store.profiles.getDefault();
    const held = Object.values(await engine.store.matches.rejectionCounts(profile!.id)).reduce(
      (a, b) => a + b,
      0,
    );
    expect(held).toBeGreaterThan(0);
    expect(body.total_count).toBe((await engine.store.jobs.count()) - merged.length - held);
    expect(body.items.every((i) => i.rejection === null)).toBe(true);
    expect(body.items).toHaveLength(25);
    const scores = body.items.map((i) => i.score ?? -1);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(body.items.every((i) => typeof i.stage === 'string')).toBe(true);
    expect(body.items[0]).not.toHaveProperty('raw');
  });

  it('lists held-back postings with the rule and why, and lets one through', async () => {
    const held = await getJson<JobListBody>('/api/jobs?rejected=only&limit=200');
    expect(held.total_count).toBeGreaterThan(0);
    const first = held.items[0]!;
    expect(first.rejection).toMatchObject({ rule: 'companies_excluded' });
    const all = await getJson<JobListBody>('/api/jobs?rejected=include&limit=1');
    const none = await getJson<JobListBody>('/api/jobs?limit=1');
    expect(all.total_count).toBe(none.total_count + held.total_count);

    const res = await app.request(`/api/jobs/${first.id}/override`, { method: 'POST' });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ jobId: first.id, overridden: true });
    const after = await getJson<JobListBody>('/api/jobs?rejected=only&limit=200');
    expect(after.total_count).toBe(held.total_count - 1);
    const undo = await app.request(`/api/jobs/${first.id}/override`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ undo: true }),
    });
    expect(await undo.json()).toMatchObject({ overridden: false });

    const again = await app.request(`/api/jobs/${none.items[0]!.id}/override`, { method: 'POST' });
    expect(again.status).toBe(409);
    expect(again.headers.get('content-type')).toContain('application/problem+json');
    const missing = await app.request('/api/jobs/job_missing/override', { method: 'POST' });
    expect(missing.status).toBe(404);
  });

  it('filters by score, source and remote', async () => {
    const body = await getJson<JobListBody>(
      '/api/jobs?min_score=60&source=upwork&remote=remote&limit=200',
    );
    expect(body.items.length).toBeGreaterThan(0);
    expect(body.total_count).toBe(body.items.length);
    for (const item of body.items) {
      expect(item.score).toBeGreaterThanOrEqual(60);
      expect(item.sourceType).toBe('upwork');
      expect(item.remote).toBe('remote');
    }
    const all = await getJson<JobListBody>('/api/jobs?limit=200');
    expect(all.total_count).toBeGreaterThan(body.total_count);
  });

  it('filters by stage', async () => {
    const body = await getJson<JobListBody>('/api/jobs?stage=shortlisted&limit=200');
    expect(body.total_count).toBeGreaterThan(0);
    expect(body.items.every((i) => i.stage === 'shortlisted')).toBe(true);
  });

  it('searches the text', async () => {
    const body = await getJson<JobListBody>('/api/jobs?q=Hostile&limit=200');
    expect(body.items.map((i) => i.id)).toHaveLength(1);
    expect(body.items[0]?.title).toBe('Senior Backend Engineer');
  });

  it('walks every posting once with the cursor', async () => {
    const seen = new Set<string>();
    let cursor: string | null = null;
    let total = 0;
    do {
      const page: JobListBody = await getJson<JobListBody>(
        `/api/jobs?limit=17${cursor === null ? '' : `&cursor=${encodeURIComponent(cursor)}`}`,
      );
      for (const item of page.items) seen.add(item.id);
      total = page.total_count;
      cursor = page.next_cursor;
    } while (cursor !== null);
    expect(seen.size).toBe(total);
  });

  it('pages by number', async () => {
    const first = await getJson<JobListBody>('/api/jobs?limit=10&page=1');
    const second = await getJson<JobListBody>('/api/jobs?limit=10&page=2');
    const overlap = first.items.filter((a) => second.items.some((b) => b.id === a.id));
    expect(second.items).toHaveLength(10);
    expect(overlap).toHaveLength(0);
  });

  it('leaves the descriptions out with view=compact, and nothing else', async () => {
    interface Described {
      items: (JobListBody['items'][number] & {
        descriptionHtml?: string;
        descriptionText?: string;
      })[];
      total_count: number;
      next_cursor: string | null;
    }
    const full = await getJson<Described>('/api/jobs?limit=20');
    const compact = await getJson<Described>('/api/jobs?limit=20&view=compact');
    expect(full.items[0]).toHaveProperty('descriptionHtml');
    expect(full.items[0]).toHaveProperty('descriptionText');
    expect(compact.total_count).toBe(full.total_count);
    expect(compact.next_cursor).toBe(full.next_cursor);
    expect(compact.items).toEqual(
      full.items.map(({ descriptionHtml: _html, descriptionText: _text, ...rest }) => rest),
    );
    // Asked again (served from memory), each view keeps its own shape.
    expect(await getJson<Described>('/api/jobs?limit=20')).toEqual(full);
    expect(await getJson<Described>('/api/jobs?limit=20&view=compact')).toEqual(compact);
    expect((await app.request('/api/jobs?view=tiny')).status).toBe(400);
  });

  it('refuses bad parameters with problem+json naming each one', async () => {
    const res = await app.request('/api/jobs?min_score=high&stage=bogus&limit=0');
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    const body = (await res.json()) as ProblemJson;
    expect(body.code).toBe('INVALID_INPUT');
    expect(body.errors?.map((e) => e.path).sort()).toEqual(['limit', 'min_score', 'stage.0']);
  });
});

describe('GET /api/jobs/{id}', () => {
  it('returns the posting with its match reasons', async () => {
    const list = await getJson<JobListBody>('/api/jobs?limit=1');
    const id = list.items[0]!.id;
    const body = await getJson<{
      job: { id: string; raw: unknown };
      match: { score: number; reasons: unknown[] };
    }>(`/api/jobs/${id}`);
    expect(body.job.id).toBe(id);
    expect(body.match.score).toBe(list.items[0]!.score);
    expect(body.match.reasons.length).toBeGreaterThan(0);
  });

  it('serves hostile descriptions sanitized', async () => {
    const list = await getJson<JobListBody>('/api/jobs?q=Hostile');
    const body = await getJson<{ job: { descriptionHtml: string } }>(
      `/api/jobs/${list.items[0]!.id}`,
    );
    expect(body.job.descriptionHtml).toContain('Build APIs in TypeScript.');
    expect(body.job.descriptionHtml).not.toMatch(/<script|onerror|javascript:/i);
  });

  it('answers 404 problem+json for an unknown id', async () => {
    const body = await getJson<ProblemJson>('/api/jobs/job_nope', 404);
    expect(body).toMatchObject({ status: 404, code: 'NOT_FOUND' });
    expect(body.detail).toContain('job_nope');
  });
});

describe('documentation and pages', () => {
  it('publishes an OpenAPI 3.1 document generated from the schemas', async () => {
    const doc = await getJson<{
      openapi: string;
      paths: Record<string, unknown>;
      components: { schemas: Record<string, unknown> };
    }>('/api/openapi.json');
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/healthz', '/api/jobs', '/api/jobs/{id}']),
    );
    expect(Object.keys(doc.components.schemas)).toEqual(
      expect.arrayContaining(['JobList', 'JobListItem', 'JobDetail', 'Problem']),
    );
  });

  it('serves the API reference page and its assets', async () => {
    const page = await app.request('/api/docs');
    expect(await page.text()).toContain('/api/docs/swagger-ui-bundle.js');
    const asset = await app.request('/api/docs/swagger-ui-bundle.js');
    expect(asset.status).toBe(200);
    expect((await asset.arrayBuffer()).byteLength).toBeGreaterThan(100_000);
    expect((await app.request('/api/docs/..%2Fpackage.json')).status).toBe(404);
  });

  it('serves the home page', async () => {
    const res = await app.request('/');
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<title>ApplyDesk</title>');
  });

  it('answers unknown routes with problem+json', async () => {
    const body = await getJson<ProblemJson>('/api/nothing', 404);
    expect(body.code).toBe('NOT_FOUND');
  });
});

describe('POST /api/captures', () => {
  const capture = readFileSync(
    join(import.meta.dirname, '../../../packages/sources/src/upwork/fixtures/capture-search.json'),
    'utf8',
  );
  const post = (body: string) =>
    app.request('/api/captures', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });

  it('stores what the extension read, once', async () => {
    const first = (await (await post(capture)).json()) as {
      created: number;
      unchanged: number;
      rejected: unknown[];
    };
    expect(first.created).toBeGreaterThan(0);
    const again = (await (await post(capture)).json()) as typeof first;
    expect(again).toMatchObject({ created: 0, unchanged: first.created });
    const listed = await getJson<JobListBody>('/api/jobs?source=upwork&q=&limit=200');
    expect(listed.items.some((i) => i.sourceType === 'upwork')).toBe(true);
  });

  it('stores an employer job page (its JobPosting fields) and answers each posting id', async () => {
    const page = {
      kind: 'jobposting',
      pageUrl: 'https://boards.greenhouse.io/acme/jobs/4242?gh_src=x',
      capturedAt: NOW.toISOString(),
      site: 'greenhouse',
      jobs: [
        {
          '@type': 'JobPosting',
          identifier: '4242',
          url: 'https://boards.greenhouse.io/acme/jobs/4242',
          title: 'Senior TypeScript Engineer',
          hiringOrganization: { name: 'Acme' },
          jobLocation: 'Remote (US)',
          description:
            '<p>Build our API in TypeScript and PostgreSQL.</p><script>alert(1)</script>',
          baseSalary: { currency: 'USD', min: 150000, max: 180000, unit: 'YEAR' },
        },
        {
          '@type': 'JobPosting',
          url: 'https://boards.greenhouse.io/acme/jobs/4243',
          title: 'Data Analyst',
          hiringOrganization: { name: 'Acme' },
          description: 'SQL and dashboards.',
          datePosted: '2026-11-18',
          employmentType: 'FULL_TIME',
          jobLocationType: 'TELECOMMUTE',
        },
        {
          '@type': 'JobPosting',
          url: 'javascript:alert(1)',
          title: 'x',
          hiringOrganization: { name: 'y' },
        },
      ],
    };
    const res = await post(JSON.stringify(page));
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      created: number;
      rejected: { index: number; reason: string }[];
      jobs: { externalId: string; id: string }[];
    };
    expect(body.created).toBe(2);
    expect(body.rejected.map((r) => r.index)).toEqual([2]);
    expect(body.jobs).toHaveLength(2);
    const first = await getJson<{
      job: {
        sourceType: string;
        remote: string;
        descriptionHtml: string;
        salary: { min: number } | null;
      };
    }>(`/api/jobs/${body.jobs[0]?.id ?? ''}`);
    expect(first.job).toMatchObject({ sourceType: 'greenhouse', remote: 'remote' });
    expect(first.job.salary?.min).toBe(150000);
    expect(first.job.descriptionHtml).not.toContain('<script');
    const second = await getJson<{
      job: { title: string; remote: string; employmentType: string };
    }>(`/api/jobs/${body.jobs[1]?.id ?? ''}`);
    expect(second.job).toMatchObject({
      title: 'Data Analyst',
      remote: 'remote',
      employmentType: 'full_time',
    });
  });

  it('refuses a capture of an unknown kind with problem+json', async () => {
    const res = await post(
      JSON.stringify({
        kind: 'linkedin-job',
        pageUrl: 'https://x.example',
        capturedAt: NOW.toISOString(),
      }),
    );
    expect(res.status).toBe(400);
    expect(((await res.json()) as ProblemJson).code).toBe('INVALID_INPUT');
  });
});

describe('ranking routes', () => {
  it('answers the default profile', async () => {
    const body = await getJson<{ basics: { name: string }; preferences: unknown }>('/api/profile');
    expect(body.basics.name).toBe('Daniela Ferreira');
    expect(body).toHaveProperty('preferences');
  });

  it('ranks and answers the best postings with reasons, none held back', async () => {
    const res = await app.request('/api/rank', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ top: 3 }),
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      ranked: { scored: number; written: number };
      items: { job: { rejection: unknown }; match: { score: number; reasons: unknown[] } }[];
    };
    expect(body.ranked.scored).toBeGreaterThan(0);
    expect(body.items).toHaveLength(3);
    const scores = body.items.map((i) => i.match.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(body.items.every((i) => i.job.rejection === null && i.match.reasons.length > 0)).toBe(
      true,
    );
    const bad = await app.request('/api/rank', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ top: 0 }),
    });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { errors: { path: string }[] }).errors[0]?.path).toBe('top');
  });

  it('refines on request, and says why a step was skipped', async () => {
    const res = await app.request('/api/rank', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ top: 3, refine: true }),
    });
    const body = (await res.json()) as {
      refined: { semantic: { skipped: string }; model: { skipped: string } };
    };
    expect(body.refined.model.skipped).toBe('no model is configured for this task');
    expect(body.refined.semantic.skipped).toBe('no model is configured for this task');
  });

  it('lists the configured sources (none here)', async () => {
    expect(await getJson<{ items: unknown[] }>('/api/sources')).toEqual({ items: [] });
  });
});
