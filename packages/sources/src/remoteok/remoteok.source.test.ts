import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DomainError, prepareJob } from '@applydesk/domain';
import { createHttpClient } from '../http/create-http-client.js';
import { fixture, startReplayServer, type ReplayServer } from '../test-support/replay-server.js';
import { remoteokSource } from './index.js';

const NOW = new Date('2025-06-10T16:00:00Z');
const BODY = fixture(import.meta.url, 'api.json');

let server: ReplayServer;
beforeEach(async () => {
  server = await startReplayServer();
});
afterEach(async () => {
  await server.close();
});

function ctx(options: Record<string, unknown> = {}) {
  const config = remoteokSource.configSchema.parse({
    name: 'rok',
    type: 'remoteok',
    baseUrl: server.url,
    ...options,
  });
  return {
    sourceId: 'remoteok:rok',
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
  server.route('/api', answer);
  try {
    await collect(remoteokSource.fetch(ctx()));
  } catch (error) {
    return error as DomainError;
  }
  throw new Error('expected the fetch to fail');
}

const elements = () => JSON.parse(BODY) as Record<string, unknown>[];

describe('remoteok source', () => {
  it('skips the legal notice (element 0) and normalizes every job', async () => {
    server.route('/api', { body: BODY });
    const c = ctx();
    const raws = await collect(remoteokSource.fetch(c));
    expect(server.seen.map((r) => r.path)).toEqual(['/api']);
    expect(elements()[0]).toHaveProperty('legal');
    expect(raws).toHaveLength(4);
    expect(raws).not.toContainEqual(expect.objectContaining({ legal: expect.any(String) }));

    const drafts = raws.map((raw) => remoteokSource.normalize(raw, c));
    for (const draft of drafts) expect(() => prepareJob(draft)).not.toThrow();
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
    await collect(remoteokSource.fetch(ctx({ tags: 'JavaScript, react' })));
    await collect(remoteokSource.fetch(ctx({ tags: ['golang', 'c++'] })));
    expect(server.seen.map((r) => r.path)).toEqual([
      '/api?tags=javascript,react',
      '/api?tags=golang,c%2B%2B',
    ]);
  });

  it('a feed holding only the legal notice is 0 postings', async () => {
    server.route('/api', { body: JSON.stringify([elements()[0]]) });
    expect(await collect(remoteokSource.fetch(ctx()))).toEqual([]);
  });

  it('429 with Retry-After is rate_limited with a retryAt', async () => {
    const error = await failure({ status: 429, headers: { 'retry-after': '600' }, body: '' });
    expect(error.details?.kind).toBe('rate_limited');
    expect(Date.parse(String(error.details?.retryAt)) - Date.now()).toBeGreaterThan(500_000);
  });

  it('500 is server; malformed JSON and a non-array are malformed', async () => {
    expect((await failure({ status: 500, body: '' })).details?.kind).toBe('server');
    expect((await failure({ body: '[{"legal": "x"},' })).details?.kind).toBe('malformed');
    expect((await failure({ body: '{"jobs": []}' })).details?.kind).toBe('malformed');
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
      remoteokSource.normalize({ ...job, epoch: null, date: 'yesterday' }, ctx()).postedAt,
    ).toBeNull();
  });

  it('a job without a position is refused by id while the rest normalize', () => {
    const jobs = elements().slice(1);
    jobs[1] = { ...jobs[1], position: '   ' };
    const results = jobs.map((job) => {
      try {
        return remoteokSource.normalize(job, ctx());
      } catch (error) {
        return error as DomainError;
      }
    });
    const refused = results[1] as DomainError;
    expect(refused).toBeInstanceOf(DomainError);
    expect(refused.code).toBe('INVALID_INPUT');
    expect(refused.message).toContain('remoteok posting 1093398');
    expect(refused.message).toContain('position');
    expect(results.filter((r) => !(r instanceof DomainError))).toHaveLength(3);
  });

  it('puts the required attribution in its terms', () => {
    expect(remoteokSource.terms.attribution).toMatch(/link back.*Remote OK.*mention Remote OK/i);
  });
});
