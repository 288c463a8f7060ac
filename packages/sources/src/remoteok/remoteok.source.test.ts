import { describe, expect, it } from 'vitest';
import { prepareJob } from '@applydesk/domain';
import {
  adapterHarness,
  describeHttpFailures,
  expectOnlyRefused,
  fixture,
} from '../test-support/replay-server.js';
import { remoteokSource } from './index.js';

const NOW = new Date('2025-06-10T16:00:00Z');
const BODY = fixture(import.meta.url, 'api.json');

const harness = adapterHarness(remoteokSource, {
  config: { name: 'rok' },
  now: NOW,
});
const { server, ctx, fetchAll, attempt, draftsOf } = harness;

const elements = () => JSON.parse(BODY) as Record<string, unknown>[];

describe('remoteok source', () => {
  it('skips the legal notice (element 0) and normalizes every job', async () => {
    server.route('/api', { body: BODY });
    const c = ctx();
    const raws = await fetchAll(c);
    expect(server.seen.map((r) => r.path)).toEqual(['/api']);
    expect(elements()[0]).toHaveProperty('legal');
    expect(raws).toHaveLength(4);
    expect(raws).not.toContainEqual(expect.objectContaining({ legal: expect.any(String) }));

    const drafts = draftsOf(raws, c);
    expect(drafts[0]).toMatchObject({
      sourceType: 'remoteok',
      sourceId: 'remoteok:rok',
      externalId: '1093417',
      url: 'https://remoteOK.com/remote-jobs/remote-senior-typescript-engineer-fernhill-1093417',
      title: 'Senior TypeScript Engineer',
      company: 'Fernhill',
      location: 'Worldwide',
      remote: 'remote',
      seniority: 'senior',
      salary: { min: 120000, max: 160000, currency: 'USD', period: 'year' },
      // epoch 1749564007 s, the same instant as date 2025-06-10T14:00:07+00:00
      postedAt: '2025-06-10T14:00:07.000Z',
      fetchedAt: '2025-06-10T16:00:00.000Z',
    });
    expect(drafts[0]!.skills).toEqual(['TypeScript', 'Node.js', 'React']);
    // 0 is "no salary given"
    expect(drafts[1]).toMatchObject({
      externalId: '1093398',
      employmentType: 'contract',
      salary: null,
      location: 'Europe',
    });
    expect(prepareJob(drafts[1]!).company).toBe('Saltmarsh Labs');
    expect(drafts[2]).toMatchObject({
      seniority: 'junior',
      location: null,
      salary: { min: 45000, max: null, currency: 'USD', period: 'year' },
    });
    expect(drafts[3]).toMatchObject({
      seniority: 'lead',
      employmentType: 'full_time',
      location: 'United States',
    });
    expect(prepareJob(drafts[0]!).canonicalUrl).toBe(
      'https://remoteok.com/remote-jobs/remote-senior-typescript-engineer-fernhill-1093417',
    );
  });

  it('passes tags as a comma list', async () => {
    server.route('/api', { body: BODY });
    await fetchAll(ctx({ tags: 'JavaScript, react' }));
    await fetchAll(ctx({ tags: ['golang', 'c++'] }));
    expect(server.seen.map((r) => r.path)).toEqual([
      '/api?tags=javascript,react',
      '/api?tags=golang,c%2B%2B',
    ]);
  });

  it('a feed holding only the legal notice is 0 postings', async () => {
    server.route('/api', { body: JSON.stringify([elements()[0]]) });
    expect(await fetchAll()).toEqual([]);
  });

  describe('HTTP failures', () => {
    describeHttpFailures(harness, {
      path: '/api',
      rateLimited: { retryAfter: 600 },
      serverError: { status: 500, body: '' },
      truncated: '[{"legal": "x"},',
      shapeless: '{"jobs": []}',
    });
  });

  it('test() counts the postings, or says why it cannot', async () => {
    server.route('/api', { body: BODY });
    await expect(remoteokSource.test(ctx())).resolves.toEqual({
      ok: true,
      message: 'Remote OK answered with 4 postings',
      available: 4,
    });
    server.route('/api', { status: 500, body: '' });
    const failed = await remoteokSource.test(ctx());
    expect(failed).toMatchObject({ ok: false });
    expect(failed.message).toContain('HTTP 500');
  });

  it('falls back from a bad epoch to the ISO date, and to null when both are bad', () => {
    const job = elements()[1]!;
    expect(remoteokSource.normalize({ ...job, epoch: 'soon' }, ctx()).postedAt).toBe(
      '2025-06-10T14:00:07.000Z',
    );
    expect(
      remoteokSource.normalize({ ...job, epoch: null, date: 'soon' }, ctx()).postedAt,
    ).toBeNull();
    // Words the domain's parseDate knows are read against the run time.
    expect(
      remoteokSource.normalize({ ...job, epoch: null, date: 'yesterday' }, ctx()).postedAt,
    ).toBe('2025-06-09T16:00:00.000Z');
  });

  it('a job without a position is refused by id while the rest normalize', () => {
    const jobs = elements().slice(1);
    jobs[1] = { ...jobs[1], position: '   ' };
    const results = jobs.map((job) => attempt(job));
    expectOnlyRefused(results, 1, 'remoteok posting 1093398', 'position');
  });

  it('puts the required attribution in its terms', () => {
    expect(remoteokSource.terms.attribution).toMatch(/link back.*Remote OK.*mention Remote OK/i);
  });
});
