import { describe, expect, it } from 'vitest';
import {
  adapterHarness,
  describeHttpFailures,
  expectFailedTest,
  expectOnlyRefused,
  fixture,
} from '../test-support/replay-server.js';
import { himalayasSource } from './index.js';

const NOW = new Date('2025-06-10T18:00:00Z');
const FIRST = fixture(import.meta.url, 'jobs-api-offset-0.json');
const SECOND = fixture(import.meta.url, 'jobs-api-offset-3.json');
const path = (offset: number, limit = 20) => `/jobs/api?limit=${limit}&offset=${offset}`;

const harness = adapterHarness(himalayasSource, {
  config: { name: 'hm' },
  now: NOW,
});
const { server, ctx, fetchPages, attempt, draftsOf } = harness;

const jobs = () => (JSON.parse(FIRST) as { jobs: Record<string, unknown>[] }).jobs;

describe('himalayas source', () => {
  it('pages by offset until totalCount and normalizes every posting', async () => {
    server.route(path(0), { body: FIRST });
    server.route(path(3), { body: SECOND });
    const c = ctx();
    const pages = await fetchPages(c);
    expect(server.seen.map((r) => r.path)).toEqual([path(0), path(3)]);
    expect(pages.map((p) => p.length)).toEqual([3, 2]);

    const drafts = draftsOf(pages.flat(), c);
    expect(drafts[0]).toMatchObject({
      sourceType: 'himalayas',
      sourceId: 'himalayas:hm',
      externalId:
        'https://himalayas.app/companies/cobalt-ledger/jobs/senior-platform-engineer-7712301',
      url: 'https://himalayas.app/companies/cobalt-ledger/jobs/senior-platform-engineer-7712301',
      title: 'Senior Platform Engineer',
      company: 'Cobalt Ledger',
      location: 'United States, Canada',
      remote: 'remote',
      employmentType: 'full_time',
      seniority: 'senior',
      salary: { min: 150000, max: 185000, currency: 'USD', period: 'year' },
      // pubDate 1749571200 s, expiryDate 1752163200 s
      postedAt: '2025-06-10T16:00:00.000Z',
      expiresAt: '2025-07-10T16:00:00.000Z',
      fetchedAt: '2025-06-10T18:00:00.000Z',
    });
    expect(drafts[0]!.skills).toEqual(['Kubernetes', 'Go']);
    expect(drafts[1]).toMatchObject({
      employmentType: 'part_time',
      seniority: 'mid',
      salary: { min: 3500, max: 4500, currency: 'EUR', period: 'month' },
    });
    expect(drafts[2]).toMatchObject({
      employmentType: 'contract',
      seniority: 'junior',
      salary: null,
      location: 'Worldwide',
    });
    // No currency given: US dollars; no period: a year.
    expect(drafts[3]).toMatchObject({
      seniority: 'senior',
      salary: { min: 210000, max: 260000, currency: 'USD', period: 'year' },
    });
    expect(drafts[4]).toMatchObject({
      employmentType: 'internship',
      seniority: 'unknown',
      salary: { min: 25, max: 30, currency: 'GBP', period: 'hour' },
    });
  });

  it('stops at maxPages', async () => {
    server.route(path(0), { body: FIRST });
    server.route(path(3), { body: SECOND });
    await fetchPages(ctx({ maxPages: 1 }));
    expect(server.seen.map((r) => r.path)).toEqual([path(0)]);
  });

  it('stops at an empty page when totalCount is missing', async () => {
    const bare = (body: string) => {
      const { jobs: list } = JSON.parse(body) as { jobs: unknown[] };
      return JSON.stringify({ jobs: list });
    };
    server.route(path(0), { body: bare(FIRST) });
    server.route(path(3), { body: bare(SECOND) });
    server.route(path(5), { body: JSON.stringify({ jobs: [] }) });
    const pages = await fetchPages(ctx());
    expect(server.seen.map((r) => r.path)).toEqual([path(0), path(3), path(5)]);
    expect(pages.flat()).toHaveLength(5);
  });

  describe('HTTP failures', () => {
    describeHttpFailures(harness, {
      path: path(0),
      rateLimited: { retryAfter: 30 },
      serverError: { status: 500, body: '' },
      truncated: '{"jobs": [',
      shapeless: '{"message": "hi"}',
      empty: { body: JSON.stringify({ offset: 0, limit: 20, totalCount: 0, jobs: [] }) },
    });
  });

  it('test() reports how many postings are listed, or why it cannot', async () => {
    server.route(path(0, 1), { body: FIRST });
    await expect(himalayasSource.test(ctx())).resolves.toEqual({
      ok: true,
      message: 'Himalayas answered: 5 postings listed',
      available: 5,
    });
    server.route(path(0, 1), { status: 500, body: '' });
    expectFailedTest(await himalayasSource.test(ctx()), 'HTTP 500');
  });

  it('reads pubDate in seconds or milliseconds, and a bad one as null', () => {
    const [job] = jobs();
    expect(himalayasSource.normalize({ ...job, pubDate: 1749571200000 }, ctx()).postedAt).toBe(
      '2025-06-10T16:00:00.000Z',
    );
    expect(himalayasSource.normalize({ ...job, pubDate: 'not a date' }, ctx()).postedAt).toBeNull();
    expect(himalayasSource.normalize({ ...job, pubDate: null }, ctx()).postedAt).toBeNull();
  });

  it('a posting without a title is refused by guid while the rest normalize', () => {
    const all = jobs();
    all[1] = { ...all[1], title: '' };
    const results = all.map((job) => attempt(job));
    expectOnlyRefused(
      results,
      1,
      'himalayas posting https://himalayas.app/companies/fieldnote/jobs/content-marketing-manager-7712288',
      'title',
    );
  });
});
