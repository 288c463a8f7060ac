import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DomainError, prepareJob } from '@applydesk/domain';
import { createHttpClient } from '../http/create-http-client.js';
import { fixture, startReplayServer, type ReplayServer } from '../test-support/replay-server.js';
import { themuseSource } from './index.js';

const NOW = new Date('2025-06-10T06:00:00Z');
const PAGE_0 = fixture(import.meta.url, 'jobs-page-0.json');
const PAGE_1 = fixture(import.meta.url, 'jobs-page-1.json');
const path = (page: number, query = '') => `/api/public/jobs?page=${page}${query}`;

let server: ReplayServer;
beforeEach(async () => {
  server = await startReplayServer();
});
afterEach(async () => {
  await server.close();
});

function ctx(options: Record<string, unknown> = {}, secrets: Record<string, string> = {}) {
  const config = themuseSource.configSchema.parse({
    name: 'muse',
    type: 'themuse',
    baseUrl: server.url,
    ...options,
  });
  return {
    sourceId: 'themuse:muse',
    config,
    secrets: themuseSource.secretSchema.parse(secrets),
    http: createHttpClient(),
    now: () => NOW,
  };
}

async function pagesOf(c: ReturnType<typeof ctx>): Promise<unknown[][]> {
  const out: unknown[][] = [];
  for await (const page of themuseSource.fetch(c)) out.push(page);
  return out;
}

async function failure(
  answer: Parameters<ReplayServer['route']>[1],
  secrets: Record<string, string> = {},
) {
  server.route('/api/public/jobs', answer);
  try {
    await pagesOf(ctx({}, secrets));
  } catch (error) {
    return error as DomainError;
  }
  throw new Error('expected the fetch to fail');
}

const results = () => (JSON.parse(PAGE_0) as { results: Record<string, unknown>[] }).results;

describe('themuse source', () => {
  it('pages from 0 to page_count and normalizes every posting', async () => {
    server.route(path(0), { body: PAGE_0 });
    server.route(path(1), { body: PAGE_1 });
    const c = ctx();
    const pages = await pagesOf(c);
    expect(server.seen.map((r) => r.path)).toEqual([path(0), path(1)]);
    expect(pages.map((p) => p.length)).toEqual([3, 2]);

    const drafts = pages.flat().map((raw) => themuseSource.normalize(raw, c));
    for (const draft of drafts) expect(() => prepareJob(draft)).not.toThrow();
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
    await pagesOf(
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
    await pagesOf(ctx({ maxPages: 1 }));
    expect(server.seen.map((r) => r.path)).toEqual([path(0)]);
  });

  it('stops at an out-of-range page, which The Muse answers with 0 results', async () => {
    const open = (body: string) =>
      JSON.stringify({ ...(JSON.parse(body) as object), page_count: undefined });
    server.route(path(0), { body: open(PAGE_0) });
    server.route(path(1), { body: open(PAGE_1) });
    server.route(path(2), { body: JSON.stringify({ page: 2, results: [] }) });
    const pages = await pagesOf(ctx());
    expect(server.seen.map((r) => r.path)).toEqual([path(0), path(1), path(2)]);
    expect(pages.flat()).toHaveLength(5);
  });

  it('empty results are 0 postings', async () => {
    server.route(path(0), {
      body: JSON.stringify({ page: 0, page_count: 0, items_per_page: 20, total: 0, results: [] }),
    });
    expect(await pagesOf(ctx())).toEqual([]);
  });

  it('429 with Retry-After is rate_limited with a retryAt', async () => {
    const error = await failure({ status: 429, headers: { 'retry-after': '45' }, body: '' });
    expect(error.details?.kind).toBe('rate_limited');
    expect(Date.parse(String(error.details?.retryAt)) - Date.now()).toBeGreaterThan(35_000);
  });

  it('500 is server; malformed JSON and a body without results are malformed', async () => {
    expect(
      (await failure({ status: 500, body: '{"code": 500, "error": "x"}' })).details?.kind,
    ).toBe('server');
    expect((await failure({ body: '{"results": [' })).details?.kind).toBe('malformed');
    expect((await failure({ body: '{"code": 400, "error": "bad"}' })).details?.kind).toBe(
      'malformed',
    );
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

  it('test() counts the matching postings, or says why it cannot', async () => {
    server.route(path(0), { body: PAGE_0 });
    await expect(themuseSource.test(ctx())).resolves.toEqual({
      ok: true,
      message: 'The Muse answered: 5 postings match',
      available: 5,
    });
    server.route(path(0), { status: 500, body: '' });
    const failed = await themuseSource.test(ctx());
    expect(failed.ok).toBe(false);
    expect(failed.message).toContain('HTTP 500');
  });

  it('a bad date leaves postedAt null', () => {
    expect(
      themuseSource.normalize({ ...results()[0], publication_date: 'last week' }, ctx()).postedAt,
    ).toBeNull();
  });

  it('a posting without a name is refused by id while the rest normalize', () => {
    const all = results();
    delete all[1]!.name;
    const drafts = all.map((job) => {
      try {
        return themuseSource.normalize(job, ctx());
      } catch (error) {
        return error as DomainError;
      }
    });
    const refused = drafts[1] as DomainError;
    expect(refused).toBeInstanceOf(DomainError);
    expect(refused.code).toBe('INVALID_INPUT');
    expect(refused.message).toContain('themuse posting 14522874');
    expect(refused.message).toContain('name');
    expect(drafts.filter((d) => !(d instanceof DomainError))).toHaveLength(2);
  });
});
