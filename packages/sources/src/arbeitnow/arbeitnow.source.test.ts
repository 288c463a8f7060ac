import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DomainError, prepareJob } from '@applydesk/domain';
import { createHttpClient } from '../http/create-http-client.js';
import { fixture, startReplayServer, type ReplayServer } from '../test-support/replay-server.js';
import { arbeitnowSource } from './index.js';

const NOW = new Date('2025-06-10T12:00:00Z');
const PAGE_1 = fixture(import.meta.url, 'job-board-api-page-1.json');
const PAGE_2 = fixture(import.meta.url, 'job-board-api-page-2.json');
const path = (page: number) => `/api/job-board-api?page=${page}`;

let server: ReplayServer;
beforeEach(async () => {
  server = await startReplayServer();
});
afterEach(async () => {
  await server.close();
});

function ctx(options: Record<string, unknown> = {}) {
  const config = arbeitnowSource.configSchema.parse({
    name: 'an',
    type: 'arbeitnow',
    baseUrl: server.url,
    ...options,
  });
  return {
    sourceId: 'arbeitnow:an',
    config,
    secrets: {},
    http: createHttpClient(),
    now: () => NOW,
  };
}

async function pagesOf(c: ReturnType<typeof ctx>): Promise<unknown[][]> {
  const out: unknown[][] = [];
  for await (const page of arbeitnowSource.fetch(c)) out.push(page);
  return out;
}

async function failure(answer: Parameters<ReplayServer['route']>[1]): Promise<DomainError> {
  server.route(path(1), answer);
  try {
    await pagesOf(ctx());
  } catch (error) {
    return error as DomainError;
  }
  throw new Error('expected the fetch to fail');
}

const jobs = () => (JSON.parse(PAGE_1) as { data: Record<string, unknown>[] }).data;

describe('arbeitnow source', () => {
  it('pages until links.next is null and normalizes every posting', async () => {
    server.route(path(1), { body: PAGE_1 });
    server.route(path(2), { body: PAGE_2 });
    const c = ctx();
    const pages = await pagesOf(c);
    expect(server.seen.map((r) => r.path)).toEqual([path(1), path(2)]);
    expect(pages.map((p) => p.length)).toEqual([3, 2]);

    const drafts = pages.flat().map((raw) => arbeitnowSource.normalize(raw, c));
    for (const draft of drafts) expect(() => prepareJob(draft)).not.toThrow();
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
    const pages = await pagesOf(ctx({ maxPages: 1 }));
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
    const pages = await pagesOf(ctx());
    expect(server.seen.map((r) => r.path)).toEqual([path(1), path(2), path(3)]);
    expect(pages.flat()).toHaveLength(5);
  });

  it('empty results are 0 postings', async () => {
    server.route(path(1), { body: JSON.stringify({ data: [], links: { next: null }, meta: {} }) });
    expect(await pagesOf(ctx())).toEqual([]);
  });

  it('429 with Retry-After is rate_limited with a retryAt', async () => {
    const error = await failure({ status: 429, headers: { 'retry-after': '90' }, body: '' });
    expect(error.details?.kind).toBe('rate_limited');
    expect(Date.parse(String(error.details?.retryAt)) - Date.now()).toBeGreaterThan(80_000);
  });

  it('500 is server; malformed JSON and a body without data are malformed', async () => {
    expect((await failure({ status: 500, body: '' })).details?.kind).toBe('server');
    expect((await failure({ body: '{"data": [' })).details?.kind).toBe('malformed');
    expect((await failure({ body: '[]' })).details?.kind).toBe('malformed');
  });

  it('a failure on page 2 fails the fetch after page 1 was yielded', async () => {
    server.route(path(1), { body: PAGE_1 });
    server.route(path(2), { status: 502, body: '' });
    const seen: unknown[][] = [];
    await expect(
      (async () => {
        for await (const page of arbeitnowSource.fetch(ctx())) seen.push(page);
      })(),
    ).rejects.toMatchObject({ details: { kind: 'server' } });
    expect(seen).toHaveLength(1);
  });

  it('test() is ok when the API answers and says why when not', async () => {
    server.route(path(1), { body: PAGE_1 });
    await expect(arbeitnowSource.test(ctx())).resolves.toEqual({
      ok: true,
      message: 'Arbeitnow answered with 3 postings on page 1',
    });
    server.route(path(1), { status: 500, body: '' });
    const failed = await arbeitnowSource.test(ctx());
    expect(failed.ok).toBe(false);
    expect(failed.message).toContain('HTTP 500');
  });

  it('a bad date leaves postedAt null', () => {
    expect(
      arbeitnowSource.normalize({ ...jobs()[0], created_at: 'yesterday' }, ctx()).postedAt,
    ).toBeNull();
    expect(
      arbeitnowSource.normalize({ ...jobs()[0], created_at: null }, ctx()).postedAt,
    ).toBeNull();
  });

  it('a posting without a title is refused by slug while the rest normalize', () => {
    const all = jobs();
    delete all[0]!.title;
    const results = all.map((job) => {
      try {
        return arbeitnowSource.normalize(job, ctx());
      } catch (error) {
        return error as DomainError;
      }
    });
    const refused = results[0] as DomainError;
    expect(refused).toBeInstanceOf(DomainError);
    expect(refused.code).toBe('INVALID_INPUT');
    expect(refused.message).toContain(
      'arbeitnow posting senior-backend-engineer-go-berlin-lindenwerk-412987',
    );
    expect(refused.message).toContain('title');
    expect(results.filter((r) => !(r instanceof DomainError))).toHaveLength(2);
  });
});
