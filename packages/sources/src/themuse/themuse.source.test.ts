import { describe, expect, it } from 'vitest';
import { DomainError, prepareJob } from '@applydesk/domain';
import { failureKind } from '../http/http-client.js';
import {
  adapterHarness,
  collectPages,
  describeHttpFailures,
  expectFailedTest,
  expectOnlyRefused,
  failureOf,
  fixture,
  type Route,
} from '../test-support/replay-server.js';
import { themuseSource } from './index.js';

const NOW = new Date('2025-06-10T06:00:00Z');
const PAGE_0 = fixture(import.meta.url, 'jobs-page-0.json');
const PAGE_1 = fixture(import.meta.url, 'jobs-page-1.json');
const path = (page: number, query = '') => `/api/public/jobs?page=${page}${query}`;

const harness = adapterHarness(themuseSource, {
  config: { name: 'muse' },
  now: NOW,
});
const { server, fetchPages, draftsOf } = harness;

function ctx(options: Record<string, unknown> = {}, secrets: Record<string, string> = {}) {
  return harness.ctx(options, { secrets: themuseSource.secretSchema.parse(secrets) });
}

const failure = (answer: Route, secrets: Record<string, string> = {}) =>
  harness.fetchFailure('/api/public/jobs', answer, ctx({}, secrets));

const results = () => (JSON.parse(PAGE_0) as { results: Record<string, unknown>[] }).results;

describe('themuse source', () => {
  it('pages from 0 to page_count and normalizes every posting', async () => {
    server.route(path(0), { body: PAGE_0 });
    server.route(path(1), { body: PAGE_1 });
    const c = ctx();
    const pages = await fetchPages(c);
    expect(server.seen.map((r) => r.path)).toEqual([path(0), path(1)]);
    expect(pages.map((p) => p.length)).toEqual([3, 2]);

    const drafts = draftsOf(pages.flat(), c);
    expect(drafts[0]).toMatchObject({
      sourceType: 'themuse',
      sourceId: 'themuse:muse',
      externalId: '14523011',
      url: 'https://www.themuse.com/jobs/harborlinebank/senior-software-engineer-payments-a1b2c3',
      title: 'Senior Software Engineer, Payments',
      company: 'Harborline Bank',
      location: 'New York, NY; Flexible / Remote',
      remote: 'remote',
      employmentType: 'unknown',
      seniority: 'senior',
      salary: null,
      postedAt: '2025-06-09T23:41:07.000Z',
      fetchedAt: '2025-06-10T06:00:00.000Z',
    });
    expect(drafts[1]).toMatchObject({
      location: 'Chicago, IL',
      remote: 'unknown',
      seniority: 'junior',
    });
    expect(prepareJob(drafts[1]!).company).toBe('Cedar & Pine Health');
    expect(drafts[2]).toMatchObject({ seniority: 'intern', employmentType: 'internship' });
    expect(drafts[3]).toMatchObject({
      seniority: 'lead',
      remote: 'remote',
      location: 'Flexible / Remote',
    });
    expect(drafts[4]).toMatchObject({ seniority: 'mid', remote: 'unknown' });
    expect(prepareJob(drafts[0]!).skills).toEqual(
      expect.arrayContaining(['Java', 'Kotlin', 'Kafka']),
    );
  });

  it('sends the filters, repeated when listed, and the API key when set', async () => {
    server.route('/api/public/jobs', {
      body: JSON.stringify({ page: 0, page_count: 1, results: [] }),
    });
    await fetchPages(
      ctx(
        {
          category: 'Software Engineering',
          level: ['Senior Level', 'Mid Level'],
          location: 'Flexible / Remote',
        },
        { THEMUSE_API_KEY: 'k-123' },
      ),
    );
    expect(server.seen.map((r) => r.path)).toEqual([
      path(
        0,
        '&category=Software+Engineering&level=Senior+Level&level=Mid+Level&location=Flexible+%2F+Remote&api_key=k-123',
      ),
    ]);
  });

  it('stops at maxPages', async () => {
    server.route(path(0), { body: PAGE_0 });
    server.route(path(1), { body: PAGE_1 });
    await fetchPages(ctx({ maxPages: 1 }));
    expect(server.seen.map((r) => r.path)).toEqual([path(0)]);
  });

  it('stops at an out-of-range page, which The Muse answers with 0 results', async () => {
    const open = (body: string) =>
      JSON.stringify({ ...(JSON.parse(body) as object), page_count: undefined });
    server.route(path(0), { body: open(PAGE_0) });
    server.route(path(1), { body: open(PAGE_1) });
    server.route(path(2), { body: JSON.stringify({ page: 2, results: [] }) });
    const pages = await fetchPages(ctx());
    expect(server.seen.map((r) => r.path)).toEqual([path(0), path(1), path(2)]);
    expect(pages.flat()).toHaveLength(5);
  });

  describe('HTTP failures', () => {
    describeHttpFailures(harness, {
      path: '/api/public/jobs',
      rateLimited: { retryAfter: 45 },
      serverError: { status: 500, body: '{"code": 500, "error": "x"}' },
      truncated: '{"results": [',
      shapeless: '{"code": 400, "error": "bad"}',
      empty: {
        body: JSON.stringify({ page: 0, page_count: 0, items_per_page: 20, total: 0, results: [] }),
      },
    });
  });

  it('keeps the API key out of failure messages and details', async () => {
    for (const answer of [{ status: 500, body: '' }, { body: 'nope' }, { body: '{}' }]) {
      const error = await failure(answer, { THEMUSE_API_KEY: 'secret-key-42' });
      expect(error).toBeInstanceOf(DomainError);
      expect(error.message).not.toContain('secret-key-42');
      expect(JSON.stringify(error.details)).not.toContain('secret-key-42');
      expect(error.message).toContain('api_key=***');
    }
  });

  describe('403, which The Muse answers over its rate limit', () => {
    const overLimit: Route = {
      status: 403,
      headers: {
        'x-ratelimit-limit': '500',
        'x-ratelimit-remaining': '0',
        'x-ratelimit-reset': '1200',
      },
      body: '{"code": 403, "error": "Rate limit exceeded"}',
    };

    it('without a key is rate_limited, not auth: nothing else is refused then', async () => {
      const error = await failure(overLimit);
      expect(error.code).toBe('UPSTREAM_FAILED');
      expect(failureKind(error)).toBe('rate_limited');
      expect(error.details?.status).toBe(403);
      expect(error.message).toContain('over its request limit');
      expect(error.message).toContain('retry within the hour');
      const checked = await themuseSource.test(ctx());
      expect(checked.ok).toBe(false);
      expect(checked.message).toContain('over its request limit');
    });

    it('after an answer that left no request is rate_limited until the window resets', async () => {
      server.route(path(0, '&api_key=k-123'), {
        headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '1800' },
        body: PAGE_0,
      });
      server.route(path(1, '&api_key=k-123'), overLimit);
      const pages: unknown[][] = [];
      const error = await failureOf(
        collectPages(themuseSource.fetch(ctx({}, { THEMUSE_API_KEY: 'k-123' })), pages),
      );
      expect(pages).toHaveLength(1);
      expect(failureKind(error)).toBe('rate_limited');
      // X-RateLimit-Reset counts seconds from that answer: 30 minutes after the run's clock.
      expect(error.details?.retryAt).toBe('2025-06-10T06:30:00.000Z');
      expect(error.message).toContain('retry after 2025-06-10T06:30:00.000Z');
      expect(error.message).toContain('api_key=***');
      expect(JSON.stringify(error.details)).not.toContain('k-123');
    });

    it('with a key and no sign of the limit stays auth, naming THEMUSE_API_KEY', async () => {
      const error = await failure(
        { status: 403, body: '{"code": 403, "error": "Invalid api_key"}' },
        { THEMUSE_API_KEY: 'secret-key-42' },
      );
      expect(failureKind(error)).toBe('auth');
      expect(error.message).toContain('THEMUSE_API_KEY');
      expect(JSON.stringify({ message: error.message, details: error.details })).not.toContain(
        'secret-key-42',
      );
    });
  });

  it('test() counts the matching postings, or says why it cannot', async () => {
    server.route(path(0), { body: PAGE_0 });
    await expect(themuseSource.test(ctx())).resolves.toEqual({
      ok: true,
      message: 'The Muse answered: 5 postings match',
      available: 5,
    });
    server.route(path(0), { status: 500, body: '' });
    expectFailedTest(await themuseSource.test(ctx()), 'HTTP 500');
  });

  it('a bad date leaves postedAt null', () => {
    expect(
      themuseSource.normalize({ ...results()[0], publication_date: 'soon' }, ctx()).postedAt,
    ).toBeNull();
    // Words the domain's parseDate knows are read against the run time.
    expect(
      themuseSource.normalize({ ...results()[0], publication_date: 'last week' }, ctx()).postedAt,
    ).toBe('2025-06-03T06:00:00.000Z');
  });

  it('a posting without a name is refused by id while the rest normalize', () => {
    const all = results();
    delete all[1]!.name;
    const drafts = all.map((job) => harness.attempt(job));
    expectOnlyRefused(drafts, 1, 'themuse posting 14522874', 'name');
  });
});
