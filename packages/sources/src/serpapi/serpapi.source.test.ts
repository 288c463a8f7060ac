import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DomainError, prepareJob, type JobInputDraft } from '@applydesk/domain';
import { createHttpClient } from '../http/create-http-client.js';
import { failureKind } from '../http/http-client.js';
import {
  fixture,
  startReplayServer,
  type ReplayServer,
  type SeenRequest,
} from '../test-support/replay-server.js';
import { SerpApiConfig, serpApiSource } from './index.js';
import { parsePostedAt } from './serpapi.source.js';

const NOW = new Date('2025-11-20T12:00:00Z');
const KEY = 'a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90';
const SECRETS = { SERPAPI_API_KEY: KEY };
const TOKEN = 'eyJmYyI6IkVvZ0NDc0lCUVVGM1ZqbGpTVkEiLCJmY3YiOiIzIiwiZWkiOiJhYmMiLCJzdGFydCI6MTB9';

let server: ReplayServer;
beforeAll(async () => {
  server = await startReplayServer();
});
afterAll(() => server.close());
afterEach(() => {
  server.seen.length = 0;
});

function ctx(overrides: Record<string, unknown> = {}) {
  const config = SerpApiConfig.parse({
    name: 'austin',
    type: 'serpapi',
    query: 'typescript developer',
    location: 'Austin, Texas, United States',
    baseUrl: server.url,
    ...overrides,
  });
  return {
    sourceId: 'serpapi:austin',
    config,
    secrets: SECRETS,
    http: createHttpClient(),
    now: () => NOW,
  };
}

function params(req: SeenRequest): Record<string, string> {
  return Object.fromEntries(new URL(req.path, 'http://x').searchParams);
}

function twoPages(req: SeenRequest) {
  const token = params(req).next_page_token;
  return {
    body: fixture(
      import.meta.url,
      token === TOKEN ? 'google-jobs-page2.json' : 'google-jobs-page1.json',
    ),
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

describe('serpapi source', () => {
  it('sends engine, query, location and api_key, then follows next_page_token', async () => {
    server.route('/search.json', twoPages);
    const pages = await collect(serpApiSource.fetch(ctx()));
    expect(pages.map((p) => p.length)).toEqual([4, 1]);
    expect(server.seen.map((s) => new URL(s.path, 'http://x').pathname)).toEqual([
      '/search.json',
      '/search.json',
    ]);
    expect(params(server.seen[0]!)).toEqual({
      engine: 'google_jobs',
      q: 'typescript developer',
      location: 'Austin, Texas, United States',
      api_key: KEY,
    });
    expect(params(server.seen[1]!)).toMatchObject({
      next_page_token: TOKEN,
      api_key: KEY,
      q: 'typescript developer',
    });
  });

  it('stops at maxPages', async () => {
    server.route('/search.json', twoPages);
    expect((await collect(serpApiSource.fetch(ctx({ maxPages: 1 })))).map((p) => p.length)).toEqual(
      [4],
    );
    expect(server.seen).toHaveLength(1);
  });

  it('maps results field by field, each passing prepareJob', async () => {
    server.route('/search.json', twoPages);
    const c = ctx();
    const [page] = await collect(serpApiSource.fetch(c));
    const drafts: JobInputDraft[] = [];
    const errors: DomainError[] = [];
    for (const raw of page!) {
      try {
        drafts.push(serpApiSource.normalize(raw, c));
      } catch (error) {
        errors.push(error as DomainError);
      }
    }
    expect(drafts).toHaveLength(3);
    const [senior, remote, contractor] = drafts;
    expect(senior).toEqual({
      sourceType: 'serpapi',
      sourceId: 'serpapi:austin',
      externalId:
        'eyJqb2JfdGl0bGUiOiJTZW5pb3IgVHlwZVNjcmlwdCBFbmdpbmVlciIsImNvbXBhbnlfbmFtZSI6IkxvbmVzdGFyIExvZ2lzdGljcyIsImFkZHJlc3NfY2l0eSI6IkF1c3RpbiwgVFgiLCJodGlkb2NpZCI6IjFhMmIzYyJ9',
      url: 'https://www.linkedin.com/jobs/view/senior-typescript-engineer-at-lonestar-logistics-4012345678?utm_campaign=google_jobs_apply&utm_source=google_jobs_apply&utm_medium=organic',
      title: 'Senior TypeScript Engineer',
      company: 'Lonestar Logistics',
      location: 'Austin, TX',
      remote: 'unknown',
      employmentType: 'full_time',
      salary: null,
      descriptionHtml: expect.any(String) as string,
      descriptionText: '',
      postedAt: '2025-11-17T12:00:00.000Z',
      fetchedAt: '2025-11-20T12:00:00.000Z',
      raw: page![0],
    });
    expect(senior!.descriptionHtml).toContain(
      '<h3>Qualifications</h3>\n<ul><li>5+ years of TypeScript</li>',
    );
    expect(senior!.descriptionHtml).toContain('<p>Salary: 120K–150K a year</p>');
    expect(remote).toMatchObject({
      remote: 'remote',
      location: 'Anywhere',
      postedAt: null,
      employmentType: 'full_time',
    });
    expect(contractor).toMatchObject({
      url: 'https://www.google.com/search?ibp=htl;jobs&q=typescript+developer&htidocid=eyJjb250cmFjdG9yIjp0cnVlfQ%3D%3D',
      employmentType: 'contract',
      postedAt: '2025-11-20T10:00:00.000Z',
    });
    for (const draft of drafts) expect(() => prepareJob(draft)).not.toThrow();
    const prepared = prepareJob(senior!);
    expect(prepared.descriptionText).toContain('AWS & ship React');
    expect(prepared.descriptionText).toContain('• Mentor engineers');

    expect(errors).toHaveLength(1);
    expect(errors[0]!.code).toBe('INVALID_INPUT');
    expect(errors[0]!.message).toContain('Frontend Engineer');
    expect(errors[0]!.message).toContain('company');
  });

  it('treats "no results" as an empty search', async () => {
    server.route('/search.json', { body: fixture(import.meta.url, 'no-results.json') });
    expect(await collect(serpApiSource.fetch(ctx()))).toEqual([]);
    expect(await serpApiSource.test(ctx())).toMatchObject({ ok: true, available: 0 });
  });

  it('names SERPAPI_API_KEY when the key is refused, never the key itself', async () => {
    for (const status of [401, 403, 200]) {
      server.route('/search.json', { status, body: fixture(import.meta.url, 'invalid-key.json') });
      const error = await failure(collect(serpApiSource.fetch(ctx())));
      expect(failureKind(error)).toBe('auth');
      expect(error.message).toContain('SERPAPI_API_KEY');
      noKey(error);
    }
  });

  it('classifies 429, 500 and broken bodies without showing the key', async () => {
    server.route('/search.json', {
      status: 429,
      headers: { 'retry-after': '60' },
      body: '{"error":"Your account has run out of searches."}',
    });
    const limited = await failure(collect(serpApiSource.fetch(ctx())));
    expect(failureKind(limited)).toBe('rate_limited');
    expect(Date.parse(String(limited.details?.retryAt))).toBeGreaterThan(Date.now() + 55_000);
    noKey(limited);

    server.route('/search.json', { status: 500, body: '{"error":"Internal error"}' });
    const broken = await failure(collect(serpApiSource.fetch(ctx())));
    expect(failureKind(broken)).toBe('server');
    noKey(broken);

    server.route('/search.json', { body: '{"jobs_results": [{"title": ' });
    const malformed = await failure(collect(serpApiSource.fetch(ctx())));
    expect(failureKind(malformed)).toBe('malformed');
    noKey(malformed);

    server.route('/search.json', { body: '{"error":"Something unexpected happened."}' });
    const odd = await failure(collect(serpApiSource.fetch(ctx())));
    expect(failureKind(odd)).toBe('server');
    expect(odd.message).toContain('Something unexpected happened.');
  });

  it('turns ages into dates before now, and vague ages into null', () => {
    const at = (s: string) => parsePostedAt(s, NOW);
    expect(at('3 days ago')).toBe('2025-11-17T12:00:00.000Z');
    expect(at('an hour ago')).toBe('2025-11-20T11:00:00.000Z');
    expect(at('45 minutes ago')).toBe('2025-11-20T11:15:00.000Z');
    expect(at('2 weeks ago')).toBe('2025-11-06T12:00:00.000Z');
    expect(at('1 month ago')).toBe('2025-10-21T12:00:00.000Z');
    expect(at('Yesterday')).toBe('2025-11-19T12:00:00.000Z');
    expect(at('Just posted')).toBe('2025-11-20T12:00:00.000Z');
    expect(at('Over 1 month ago')).toBeNull();
    expect(at('30+ days ago')).toBeNull();
    expect(at('')).toBeNull();
    expect(parsePostedAt(undefined, NOW)).toBeNull();
  });
});
