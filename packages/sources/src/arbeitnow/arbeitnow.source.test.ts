import { describe, expect, it } from 'vitest';
import {
  adapterHarness,
  collectPages,
  describeHttpFailures,
  expectFailedTest,
  expectOnlyRefused,
  fixture,
} from '../test-support/replay-server.js';
import { arbeitnowSource } from './index.js';

const NOW = new Date('2025-06-10T12:00:00Z');
const PAGE_1 = fixture(import.meta.url, 'job-board-api-page-1.json');
const PAGE_2 = fixture(import.meta.url, 'job-board-api-page-2.json');
const path = (page: number) => `/api/job-board-api?page=${page}`;

const harness = adapterHarness(arbeitnowSource, {
  config: { name: 'an' },
  now: NOW,
});
const { server, ctx, fetchPages, attempt, draftsOf } = harness;

const jobs = () => (JSON.parse(PAGE_1) as { data: Record<string, unknown>[] }).data;

describe('arbeitnow source', () => {
  it('pages until links.next is null and normalizes every posting', async () => {
    server.route(path(1), { body: PAGE_1 });
    server.route(path(2), { body: PAGE_2 });
    const c = ctx();
    const pages = await fetchPages(c);
    expect(server.seen.map((r) => r.path)).toEqual([path(1), path(2)]);
    expect(pages.map((p) => p.length)).toEqual([3, 2]);

    const drafts = draftsOf(pages.flat(), c);
    expect(drafts[0]).toMatchObject({
      sourceType: 'arbeitnow',
      sourceId: 'arbeitnow:an',
      externalId: 'senior-backend-engineer-go-berlin-lindenwerk-412987',
      url: 'https://www.arbeitnow.com/jobs/companies/lindenwerk/senior-backend-engineer-go-berlin-lindenwerk-412987',
      title: 'Senior Backend Engineer (Go) (m/w/d)',
      company: 'Lindenwerk GmbH',
      location: 'Berlin',
      remote: 'onsite',
      employmentType: 'full_time',
      seniority: 'senior',
      salary: null,
      // created_at 1749556800 s
      postedAt: '2025-06-10T12:00:00.000Z',
      fetchedAt: '2025-06-10T12:00:00.000Z',
    });
    expect(drafts[0]!.skills).toEqual(['Go', 'PostgreSQL', 'Kubernetes']);
    expect(drafts[1]).toMatchObject({
      remote: 'remote',
      location: null,
      employmentType: 'full_time',
      seniority: 'mid',
    });
    expect(drafts[2]).toMatchObject({
      remote: 'hybrid',
      employmentType: 'part_time',
      seniority: 'intern',
    });
    expect(drafts[3]).toMatchObject({
      employmentType: 'contract',
      seniority: 'mid',
      location: 'Munich',
    });
    expect(drafts[4]).toMatchObject({
      employmentType: 'internship',
      seniority: 'intern',
      postedAt: '2025-06-09T10:00:00.000Z',
    });
  });

  it('stops at maxPages', async () => {
    server.route(path(1), { body: PAGE_1 });
    server.route(path(2), { body: PAGE_2 });
    const pages = await fetchPages(ctx({ maxPages: 1 }));
    expect(server.seen.map((r) => r.path)).toEqual([path(1)]);
    expect(pages.flat()).toHaveLength(3);
  });

  it('pages until a page is empty when links are absent', async () => {
    const bare = (body: string) => {
      const { data } = JSON.parse(body) as { data: unknown[] };
      return JSON.stringify({ data });
    };
    server.route(path(1), { body: bare(PAGE_1) });
    server.route(path(2), { body: bare(PAGE_2) });
    server.route(path(3), { body: JSON.stringify({ data: [] }) });
    const pages = await fetchPages(ctx());
    expect(server.seen.map((r) => r.path)).toEqual([path(1), path(2), path(3)]);
    expect(pages.flat()).toHaveLength(5);
  });

  describe('HTTP failures', () => {
    describeHttpFailures(harness, {
      path: path(1),
      rateLimited: { retryAfter: 90 },
      serverError: { status: 500, body: '' },
      truncated: '{"data": [',
      shapeless: '[]',
      empty: { body: JSON.stringify({ data: [], links: { next: null }, meta: {} }) },
    });
  });

  it('a failure on page 2 fails the fetch after page 1 was yielded', async () => {
    server.route(path(1), { body: PAGE_1 });
    server.route(path(2), { status: 502, body: '' });
    const seen: unknown[][] = [];
    await expect(collectPages(arbeitnowSource.fetch(ctx()), seen)).rejects.toMatchObject({
      details: { kind: 'server' },
    });
    expect(seen).toHaveLength(1);
  });

  it('test() is ok when the API answers and says why when not', async () => {
    server.route(path(1), { body: PAGE_1 });
    await expect(arbeitnowSource.test(ctx())).resolves.toEqual({
      ok: true,
      message: 'Arbeitnow answered with 3 postings on page 1',
    });
    server.route(path(1), { status: 500, body: '' });
    expectFailedTest(await arbeitnowSource.test(ctx()), 'HTTP 500');
  });

  it('a bad date leaves postedAt null', () => {
    expect(
      arbeitnowSource.normalize({ ...jobs()[0], created_at: 'soon' }, ctx()).postedAt,
    ).toBeNull();
    // Words the domain's parseDate knows are read against the run time.
    expect(
      arbeitnowSource.normalize({ ...jobs()[0], created_at: 'yesterday' }, ctx()).postedAt,
    ).toBe('2025-06-09T12:00:00.000Z');
    expect(
      arbeitnowSource.normalize({ ...jobs()[0], created_at: null }, ctx()).postedAt,
    ).toBeNull();
  });

  it('a posting without a title is refused by slug while the rest normalize', () => {
    const all = jobs();
    delete all[0]!.title;
    const results = all.map((job) => attempt(job));
    expectOnlyRefused(
      results,
      0,
      'arbeitnow posting senior-backend-engineer-go-berlin-lindenwerk-412987',
      'title',
    );
  });
});
