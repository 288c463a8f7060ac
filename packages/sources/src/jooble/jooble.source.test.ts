import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DomainError, prepareJob, type JobInputDraft } from '@applydesk/domain';
import { createHttpClient } from '../http/create-http-client.js';
import { failureKind } from '../http/http-client.js';
import { fixture, startReplayServer, type ReplayServer } from '../test-support/replay-server.js';
import { JoobleConfig, joobleSource } from './index.js';
import { parseJoobleDate } from './jooble.source.js';

const NOW = new Date('2025-11-20T12:00:00Z');
const KEY = '6d96e8bd-7aff-45e2-9e8c-000000000000';
const SECRETS = { JOOBLE_API_KEY: KEY };
const PATH = `/api/${KEY}`;

let server: ReplayServer;
beforeAll(async () => {
  server = await startReplayServer();
});
afterAll(() => server.close());
afterEach(() => {
  server.seen.length = 0;
});

function ctx(overrides: Record<string, unknown> = {}) {
  const config = JoobleConfig.parse({
    name: 'ch',
    type: 'jooble',
    query: 'python developer',
    location: 'Bern',
    baseUrl: server.url,
    ...overrides,
  });
  return {
    sourceId: 'jooble:ch',
    config,
    secrets: SECRETS,
    http: createHttpClient(),
    now: () => NOW,
  };
}

async function collect(pages: AsyncIterable<unknown[]>): Promise<unknown[][]> {
  const out: unknown[][] = [];
  for await (const page of pages) out.push(page);
  return out;
}

async function failure(promise: Promise<unknown>): Promise<DomainError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a failure');
}

function noKey(error: DomainError) {
  expect(
    JSON.stringify({ message: error.message, hint: error.hint, details: error.details }),
  ).not.toContain(KEY);
}

describe('jooble source', () => {
  it('posts the search to /api/<key> with a JSON body', async () => {
    server.route(PATH, { body: fixture(import.meta.url, 'search-page1.json') });
    await collect(joobleSource.fetch(ctx()));
    expect(server.seen).toHaveLength(1);
    expect(server.seen[0]).toMatchObject({ method: 'POST', path: PATH });
    expect(server.seen[0]!.headers['content-type']).toBe('application/json');
    expect(JSON.parse(server.seen[0]!.body)).toEqual({
      keywords: 'python developer',
      location: 'Bern',
      page: '1',
    });
  });

  it('maps jobs field by field and keeps 64-bit ids exact', async () => {
    server.route(PATH, { body: fixture(import.meta.url, 'search-page1.json') });
    const c = ctx();
    const [page] = await collect(joobleSource.fetch(c));
    expect(page).toHaveLength(4);
    const drafts: JobInputDraft[] = [];
    const errors: DomainError[] = [];
    for (const raw of page!) {
      try {
        drafts.push(joobleSource.normalize(raw, c));
      } catch (error) {
        errors.push(error as DomainError);
      }
    }
    expect(drafts.map((d) => d.externalId)).toEqual([
      '-6474318389232587183',
      '6474318389232587184',
      '1234567890123456789',
    ]);
    const [python, node, student] = drafts;
    expect(python).toEqual({
      sourceType: 'jooble',
      sourceId: 'jooble:ch',
      externalId: '-6474318389232587183',
      url: expect.stringMatching(/^https:\/\/jooble\.org\/desc\/-6474318389232587183\?/) as string,
      title: 'Senior Python Developer (Django)',
      company: 'Alpenbahn Data AG',
      location: 'Bern',
      remote: 'unknown',
      employmentType: 'full_time',
      salary: null,
      descriptionHtml: expect.stringContaining(
        '<p>Salary: CHF 110,000 - 130,000 per year</p>',
      ) as string,
      descriptionText: '',
      postedAt: '2025-11-18T00:00:00.000Z',
      fetchedAt: '2025-11-20T12:00:00.000Z',
      raw: page![0],
    });
    expect(node).toMatchObject({
      company: 'Unknown company',
      remote: 'remote',
      employmentType: 'contract',
      postedAt: '2025-11-19T14:03:27.497Z',
    });
    expect(student).toMatchObject({
      employmentType: 'part_time',
      postedAt: null,
      location: 'Zürich',
    });
    for (const draft of drafts) expect(() => prepareJob(draft)).not.toThrow();
    const prepared = prepareJob(python!);
    expect(prepared.descriptionText).toContain('Python developer to extend');
    expect(prepared.descriptionText).toContain('Salary: CHF 110,000 - 130,000 per year');

    expect(errors).toHaveLength(1);
    expect(errors[0]!.code).toBe('INVALID_INPUT');
    expect(errors[0]!.message).toContain('1234567890123456790');
    expect(errors[0]!.message).toContain('link');
  });

  it('pages until totalCount is reached, an empty page, or maxPages', async () => {
    const job = (id: number) => ({
      id,
      title: `Job ${id}`,
      link: `https://jooble.org/desc/${id}`,
      company: 'Acme',
    });
    server.route(PATH, (req) => {
      const page = (JSON.parse(req.body) as { page: string }).page;
      const jobs = page === '1' ? [job(1), job(2)] : page === '2' ? [job(3)] : [];
      return { body: JSON.stringify({ totalCount: 3, jobs }) };
    });
    expect((await collect(joobleSource.fetch(ctx()))).map((p) => p.length)).toEqual([2, 1]);
    expect(server.seen.map((s) => (JSON.parse(s.body) as { page: string }).page)).toEqual([
      '1',
      '2',
    ]);
    server.seen.length = 0;
    expect((await collect(joobleSource.fetch(ctx({ maxPages: 1 })))).map((p) => p.length)).toEqual([
      2,
    ]);
    expect(server.seen).toHaveLength(1);
  });

  it('yields nothing for an empty search and counts in test()', async () => {
    server.route(PATH, { body: '{"totalCount":0,"jobs":[]}' });
    expect(await collect(joobleSource.fetch(ctx()))).toEqual([]);
    server.route(PATH, { body: fixture(import.meta.url, 'search-page1.json') });
    expect(await joobleSource.test(ctx())).toMatchObject({ ok: true, available: 4 });
  });

  it('names JOOBLE_API_KEY when the key is refused, never the key itself', async () => {
    for (const status of [401, 403]) {
      server.route(PATH, { status, body: 'Access denied' });
      const error = await failure(collect(joobleSource.fetch(ctx())));
      expect(failureKind(error)).toBe('auth');
      expect(error.message).toContain('JOOBLE_API_KEY');
      noKey(error);
    }
  });

  it('classifies 429, 500 and broken bodies without showing the key', async () => {
    server.route(PATH, { status: 429, headers: { 'retry-after': '30' }, body: '' });
    const limited = await failure(collect(joobleSource.fetch(ctx())));
    expect(failureKind(limited)).toBe('rate_limited');
    expect(Date.parse(String(limited.details?.retryAt))).toBeGreaterThan(Date.now() + 25_000);
    noKey(limited);

    server.route(PATH, { status: 500, body: 'oops' });
    const broken = await failure(collect(joobleSource.fetch(ctx())));
    expect(failureKind(broken)).toBe('server');
    noKey(broken);

    server.route(PATH, { body: '<html>maintenance</html>' });
    const malformed = await failure(collect(joobleSource.fetch(ctx())));
    expect(failureKind(malformed)).toBe('malformed');
    noKey(malformed);
  });

  it('reads Jooble dates as UTC and refuses impossible ones', () => {
    expect(parseJoobleDate('2025-11-18T08:30:00.1234567')).toBe('2025-11-18T08:30:00.123Z');
    expect(parseJoobleDate('2025-11-18')).toBe('2025-11-18T00:00:00.000Z');
    expect(parseJoobleDate('2025-11-18T08:30:00+02:00')).toBe('2025-11-18T06:30:00.000Z');
    expect(parseJoobleDate('2025-02-31T00:00:00.0000000')).toBeNull();
    expect(parseJoobleDate('yesterday')).toBeNull();
    expect(parseJoobleDate(null)).toBeNull();
  });
});
