import { describe, expect, it } from 'vitest';
import { prepareJob } from '@applydesk/domain';
import {
  adapterHarness,
  describeHttpFailures,
  expectFailedTest,
  expectOnlyRefused,
  fixture,
} from '../test-support/replay-server.js';
import { remotiveSource } from './index.js';

const NOW = new Date('2025-06-11T07:00:00Z');
const BODY = fixture(import.meta.url, 'remote-jobs.json');

const harness = adapterHarness(remotiveSource, {
  config: { name: 'remotive' },
  now: NOW,
});
const { server, ctx, fetchAll, attempt, draftsOf } = harness;

const jobs = () => (JSON.parse(BODY) as { jobs: Record<string, unknown>[] }).jobs;

describe('remotive source', () => {
  it('fetches with the options as query parameters and normalizes every posting', async () => {
    server.route('/api/remote-jobs', { body: BODY });
    const c = ctx({ category: 'software-dev', search: 'python engineer', limit: 50 });
    const raws = await fetchAll(c);
    expect(server.seen.map((r) => r.path)).toEqual([
      '/api/remote-jobs?category=software-dev&search=python+engineer&limit=50',
    ]);
    expect(raws).toHaveLength(5);
    const drafts = draftsOf(raws, c);

    expect(drafts[0]).toMatchObject({
      sourceType: 'remotive',
      sourceId: 'remotive:remotive',
      externalId: '1934211',
      url: 'https://remotive.com/remote-jobs/software-dev/senior-backend-engineer-python-1934211',
      title: 'Senior Backend Engineer (Python)',
      company: 'Northwind Analytics',
      location: 'USA, Canada',
      remote: 'remote',
      employmentType: 'full_time',
      salary: { min: 140000, max: 170000, currency: 'USD', period: 'year' },
      // publication_date has no offset; Remotive's times are UTC.
      postedAt: '2025-06-10T12:34:56.000Z',
      fetchedAt: '2025-06-11T07:00:00.000Z',
      descriptionText: '',
    });
    expect(drafts[0]!.skills).toEqual(['Python', 'Django', 'PostgreSQL', 'AWS', 'Kubernetes']);
    expect(drafts[1]).toMatchObject({
      externalId: '1933870',
      employmentType: 'contract',
      salary: { min: 55000, max: 70000, currency: 'EUR', period: 'year' },
    });
    expect(prepareJob(drafts[1]!).company).toBe('Lumen & Co');
    expect(drafts[2]).toMatchObject({
      employmentType: 'part_time',
      salary: { min: 25, max: 32, currency: 'USD', period: 'hour' },
    });
    expect(drafts[3]).toMatchObject({ employmentType: 'unknown', salary: null, location: 'UK' });
    expect(drafts[4]).toMatchObject({ employmentType: 'internship', salary: null, location: null });

    const stored = prepareJob(drafts[0]!);
    expect(stored.descriptionText).toContain('Design and run our Django services on AWS');
    expect(stored.canonicalUrl).toBe(
      'https://remotive.com/remote-jobs/software-dev/senior-backend-engineer-python-1934211',
    );
  });

  it('asks for everything when no option is set', async () => {
    server.route('/api/remote-jobs', { body: BODY });
    await fetchAll();
    expect(server.seen.map((r) => r.path)).toEqual(['/api/remote-jobs']);
  });

  describe('HTTP failures', () => {
    describeHttpFailures(harness, {
      path: '/api/remote-jobs',
      rateLimited: { retryAfter: 3600 },
      truncated: '{"jobs": [',
      shapeless: '{"error": "nope"}',
      empty: {
        body: JSON.stringify({
          '0-legal-notice': 'Remotive API Legal Notice',
          'job-count': 0,
          jobs: [],
        }),
      },
    });
  });

  it('test() is ok when Remotive answers and says why when it does not', async () => {
    server.route('/api/remote-jobs', { body: BODY });
    await expect(remotiveSource.test(ctx())).resolves.toEqual({
      ok: true,
      message: 'Remotive answered with postings',
    });
    expect(server.seen.at(-1)?.path).toBe('/api/remote-jobs?limit=1');
    server.route('/api/remote-jobs', { status: 503, body: 'maintenance' });
    expectFailedTest(await remotiveSource.test(ctx()), 'HTTP 503');
  });

  it('a bad date leaves postedAt null', () => {
    const job = { ...jobs()[0], publication_date: 'sometime in June' };
    expect(remotiveSource.normalize(job, ctx()).postedAt).toBeNull();
  });

  it('a posting without a title is refused by id while the rest normalize', () => {
    const all = jobs();
    delete all[2]!.title;
    const results = all.map((job) => attempt(job));
    expectOnlyRefused(results, 2, 'remotive posting 1933502', 'title');
  });

  it('declares its terms', () => {
    expect(remotiveSource.terms.minPollMinutes).toBe(360);
    expect(remotiveSource.terms.attribution).toMatch(/link back.*Remotive/i);
  });
});
