import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DomainError, prepareJob } from '@applydesk/domain';
import { createHttpClient } from '../http/create-http-client.js';
import { fixture, startReplayServer, type ReplayServer } from '../test-support/replay-server.js';
import { remotiveSource } from './index.js';

const NOW = new Date('2025-06-11T07:00:00Z');
const BODY = fixture(import.meta.url, 'remote-jobs.json');

let server: ReplayServer;
beforeEach(async () => {
  server = await startReplayServer();
});
afterEach(async () => {
  await server.close();
});

function ctx(options: Record<string, unknown> = {}) {
  const config = remotiveSource.configSchema.parse({
    name: 'remotive',
    type: 'remotive',
    baseUrl: server.url,
    ...options,
  });
  return {
    sourceId: 'remotive:remotive',
    config,
    secrets: {},
    http: createHttpClient(),
    now: () => NOW,
  };
}

async function collect(pages: AsyncIterable<unknown[]>): Promise<unknown[]> {
  const out: unknown[] = [];
  for await (const page of pages) out.push(...page);
  return out;
}

async function failure(answer: Parameters<ReplayServer['route']>[1]): Promise<DomainError> {
  server.route('/api/remote-jobs', answer);
  try {
    await collect(remotiveSource.fetch(ctx()));
  } catch (error) {
    return error as DomainError;
  }
  throw new Error('expected the fetch to fail');
}

const jobs = () => (JSON.parse(BODY) as { jobs: Record<string, unknown>[] }).jobs;

describe('remotive source', () => {
  it('fetches with the options as query parameters and normalizes every posting', async () => {
    server.route('/api/remote-jobs', { body: BODY });
    const c = ctx({ category: 'software-dev', search: 'python engineer', limit: 50 });
    const raws = await collect(remotiveSource.fetch(c));
    expect(server.seen.map((r) => r.path)).toEqual([
      '/api/remote-jobs?category=software-dev&search=python+engineer&limit=50',
    ]);
    expect(raws).toHaveLength(5);
    const drafts = raws.map((raw) => remotiveSource.normalize(raw, c));
    for (const draft of drafts) expect(() => prepareJob(draft)).not.toThrow();

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
    await collect(remotiveSource.fetch(ctx()));
    expect(server.seen.map((r) => r.path)).toEqual(['/api/remote-jobs']);
  });

  it('empty results are 0 postings', async () => {
    server.route('/api/remote-jobs', {
      body: JSON.stringify({
        '0-legal-notice': 'Remotive API Legal Notice',
        'job-count': 0,
        jobs: [],
      }),
    });
    expect(await collect(remotiveSource.fetch(ctx()))).toEqual([]);
  });

  it('429 with Retry-After is rate_limited with a retryAt', async () => {
    const error = await failure({ status: 429, headers: { 'retry-after': '3600' }, body: '' });
    expect(error.code).toBe('UPSTREAM_FAILED');
    expect(error.details?.kind).toBe('rate_limited');
    expect(Date.parse(String(error.details?.retryAt)) - Date.now()).toBeGreaterThan(3_500_000);
  });

  it('500 is server, malformed JSON and a body without jobs are malformed', async () => {
    expect((await failure({ status: 500, body: 'oops' })).details?.kind).toBe('server');
    expect((await failure({ body: '{"jobs": [' })).details?.kind).toBe('malformed');
    expect((await failure({ body: '{"error": "nope"}' })).details?.kind).toBe('malformed');
  });

  it('test() is ok when Remotive answers and says why when it does not', async () => {
    server.route('/api/remote-jobs', { body: BODY });
    await expect(remotiveSource.test(ctx())).resolves.toEqual({
      ok: true,
      message: 'Remotive answered with postings',
    });
    expect(server.seen.at(-1)?.path).toBe('/api/remote-jobs?limit=1');
    server.route('/api/remote-jobs', { status: 503, body: 'maintenance' });
    const failed = await remotiveSource.test(ctx());
    expect(failed.ok).toBe(false);
    expect(failed.message).toContain('HTTP 503');
  });

  it('a bad date leaves postedAt null', () => {
    const job = { ...jobs()[0], publication_date: 'sometime in June' };
    expect(remotiveSource.normalize(job, ctx()).postedAt).toBeNull();
  });

  it('a posting without a title is refused by id while the rest normalize', () => {
    const all = jobs();
    delete all[2]!.title;
    const results = all.map((job) => {
      try {
        return remotiveSource.normalize(job, ctx());
      } catch (error) {
        return error as DomainError;
      }
    });
    const refused = results[2] as DomainError;
    expect(refused).toBeInstanceOf(DomainError);
    expect(refused.code).toBe('INVALID_INPUT');
    expect(refused.message).toContain('remotive posting 1933502');
    expect(refused.message).toContain('title');
    expect(results.filter((r) => !(r instanceof DomainError))).toHaveLength(4);
  });

  it('declares its terms', () => {
    expect(remotiveSource.terms.minPollMinutes).toBe(360);
    expect(remotiveSource.terms.attribution).toMatch(/link back.*Remotive/i);
  });
});
