import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DomainError, prepareJob, type JobInputDraft } from '@applydesk/domain';
import { createHttpClient } from '../http/create-http-client.js';
import { failureKind } from '../http/http-client.js';
import { fixture, startReplayServer, type ReplayServer } from '../test-support/replay-server.js';
import { UsaJobsConfig, usaJobsSource } from './index.js';
import { parseUsaJobsDate } from './usajobs.source.js';

const NOW = new Date('2025-11-20T12:00:00Z');
const KEY = 'Zm9vYmFyYmF6cXV4LXVzYWpvYnMta2V5LTEyMzQ1Ng==';
const SECRETS = { USAJOBS_API_KEY: KEY, USAJOBS_EMAIL: 'ada@example.org' };

let server: ReplayServer;
beforeAll(async () => {
  server = await startReplayServer();
});
afterAll(() => server.close());
afterEach(() => {
  server.seen.length = 0;
});

function ctx(overrides: Record<string, unknown> = {}) {
  const config = UsaJobsConfig.parse({
    name: 'federal',
    type: 'usajobs',
    query: 'software',
    location: 'Washington, DC',
    baseUrl: server.url,
    ...overrides,
  });
  return {
    sourceId: 'usajobs:federal',
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

describe('usajobs source', () => {
  it('sends Host, the e-mail as User-Agent and the key as Authorization-Key', async () => {
    server.route('/api/search', { body: fixture(import.meta.url, 'search-page1.json') });
    await collect(usaJobsSource.fetch(ctx()));
    expect(server.seen).toHaveLength(1);
    const [req] = server.seen;
    const url = new URL(req!.path, server.url);
    expect(url.pathname).toBe('/api/search');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      Keyword: 'software',
      LocationName: 'Washington, DC',
      ResultsPerPage: '100',
      Page: '1',
    });
    expect(req!.headers.host).toBe(new URL(server.url).host);
    expect(req!.headers['user-agent']).toBe('ada@example.org');
    expect(req!.headers['authorization-key']).toBe(KEY);
  });

  it('maps postings field by field, each passing prepareJob', async () => {
    server.route('/api/search', { body: fixture(import.meta.url, 'search-page1.json') });
    const c = ctx();
    const [page] = await collect(usaJobsSource.fetch(c));
    expect(page).toHaveLength(4);
    const drafts: JobInputDraft[] = [];
    const errors: DomainError[] = [];
    for (const raw of page!) {
      try {
        drafts.push(usaJobsSource.normalize(raw, c));
      } catch (error) {
        errors.push(error as DomainError);
      }
    }
    expect(drafts).toHaveLength(3);
    const [specialist, clerk, intern] = drafts;
    expect(specialist).toEqual({
      sourceType: 'usajobs',
      sourceId: 'usajobs:federal',
      externalId: '845123700',
      url: 'https://www.usajobs.gov:443/GetJob/ViewDetails/845123700',
      title: 'IT Specialist (APPSW)',
      company: 'Bureau of the Fiscal Service',
      location: 'Washington, District of Columbia',
      remote: 'hybrid',
      employmentType: 'full_time',
      salary: { min: 117962, max: 153354, currency: 'USD', period: 'year' },
      descriptionHtml: expect.any(String) as string,
      descriptionText: '',
      postedAt: '2025-11-10T00:00:00.000Z',
      fetchedAt: '2025-11-20T12:00:00.000Z',
      expiresAt: '2025-11-24T23:59:59.997Z',
      raw: page![0],
    });
    expect(specialist!.descriptionHtml).toContain(
      '<h3>Major duties</h3>\n<ul><li>Design and build web applications',
    );
    expect(specialist!.descriptionHtml).toContain('<ul><li>U.S. Citizenship required</li>');
    expect(clerk).toMatchObject({
      company: 'Veterans Health Administration',
      location: 'Denver, Colorado; Aurora, Colorado',
      remote: 'onsite',
      employmentType: 'temporary',
      salary: { min: 21.45, max: 27.88, currency: 'USD', period: 'hour' },
    });
    expect(intern).toMatchObject({
      remote: 'remote',
      employmentType: 'internship',
      salary: null,
      postedAt: null,
      expiresAt: null,
    });
    for (const draft of drafts) expect(() => prepareJob(draft)).not.toThrow();
    const prepared = prepareJob(specialist!);
    expect(prepared.canonicalUrl).toBe('https://usajobs.gov/GetJob/ViewDetails/845123700');
    expect(prepared.descriptionText).toContain("pay the nation's bills & collect");
    expect(prepared.skills).toEqual(expect.arrayContaining(['Java', 'TypeScript']));

    expect(errors).toHaveLength(1);
    expect(errors[0]!.code).toBe('INVALID_INPUT');
    expect(errors[0]!.message).toContain('845400333');
    expect(errors[0]!.message).toContain('PositionURI');
  });

  it('pages by Page until NumberOfPages or maxPages', async () => {
    const item = (n: number) => ({
      MatchedObjectId: String(n),
      MatchedObjectDescriptor: {
        PositionTitle: `Post ${n}`,
        PositionURI: `https://www.usajobs.gov/job/${n}`,
        OrganizationName: 'GSA',
      },
    });
    server.route('/api/search', (req) => {
      const page = Number(new URL(req.path, server.url).searchParams.get('Page'));
      const items = page === 1 ? Array.from({ length: 100 }, (_, i) => item(i)) : [item(100)];
      return {
        body: JSON.stringify({
          SearchResult: {
            SearchResultCountAll: 101,
            SearchResultItems: items,
            UserArea: { NumberOfPages: '2' },
          },
        }),
      };
    });
    expect((await collect(usaJobsSource.fetch(ctx()))).map((p) => p.length)).toEqual([100, 1]);
    server.seen.length = 0;
    expect((await collect(usaJobsSource.fetch(ctx({ maxPages: 1 })))).map((p) => p.length)).toEqual(
      [100],
    );
    expect(server.seen).toHaveLength(1);
  });

  it('yields nothing for an empty search and counts in test()', async () => {
    server.route('/api/search', { body: fixture(import.meta.url, 'search-empty.json') });
    expect(await collect(usaJobsSource.fetch(ctx()))).toEqual([]);
    server.route('/api/search', { body: fixture(import.meta.url, 'search-page1.json') });
    expect(await usaJobsSource.test(ctx())).toMatchObject({ ok: true, available: 4 });
  });

  it('names both variables when the key is refused, never the key itself', async () => {
    for (const status of [401, 403]) {
      server.route('/api/search', { status, body: '' });
      const error = await failure(collect(usaJobsSource.fetch(ctx())));
      expect(failureKind(error)).toBe('auth');
      expect(error.message).toContain('USAJOBS_API_KEY');
      expect(error.message).toContain('USAJOBS_EMAIL');
      noKey(error);
    }
  });

  it('classifies 429, 500 and broken bodies', async () => {
    server.route('/api/search', { status: 429, headers: { 'retry-after': '10' }, body: '' });
    const limited = await failure(collect(usaJobsSource.fetch(ctx())));
    expect(failureKind(limited)).toBe('rate_limited');
    expect(typeof limited.details?.retryAt).toBe('string');

    server.route('/api/search', { status: 503, body: 'Service Unavailable' });
    expect(failureKind(await failure(collect(usaJobsSource.fetch(ctx()))))).toBe('server');

    server.route('/api/search', { body: '{"SearchResult": ' });
    expect(failureKind(await failure(collect(usaJobsSource.fetch(ctx()))))).toBe('malformed');

    server.route('/api/search', { body: '{"Error": "nothing"}' });
    expect(failureKind(await failure(collect(usaJobsSource.fetch(ctx()))))).toBe('malformed');
  });

  it('reads zone-less dates as UTC and refuses impossible ones', () => {
    expect(parseUsaJobsDate('2025-11-24T23:59:59.9970')).toBe('2025-11-24T23:59:59.997Z');
    expect(parseUsaJobsDate('2025-11-24')).toBe('2025-11-24T00:00:00.000Z');
    expect(parseUsaJobsDate('2025-02-30T00:00:00.0000')).toBeNull();
    expect(parseUsaJobsDate('soon')).toBeNull();
  });
});
