import { describe, expect, it } from 'vitest';
import { prepareJob } from '@applydesk/domain';
import { failureKind } from '../http/http-client.js';
import {
  adapterHarness,
  describeHttpFailures,
  failureOf,
  fixture,
  type SeenRequest,
} from '../test-support/replay-server.js';
import { serpApiSource } from './index.js';

const NOW = new Date('2025-11-20T12:00:00Z');
const KEY = 'a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90';
const SECRETS = { SERPAPI_API_KEY: KEY };
const TOKEN = 'eyJmYyI6IkVvZ0NDc0lCUVVGM1ZqbGpTVkEiLCJmY3YiOiIzIiwiZWkiOiJhYmMiLCJzdGFydCI6MTB9';

const harness = adapterHarness(serpApiSource, {
  config: {
    name: 'austin',
    query: 'typescript developer',
    location: 'Austin, Texas, United States',
  },
  secrets: SECRETS,
  now: NOW,
  server: 'file',
});
const { server, ctx, fetchPages, normalizeAll } = harness;

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

describe('serpapi source', () => {
  it('sends engine, query, location and api_key, then follows next_page_token', async () => {
    server.route('/search.json', twoPages);
    const pages = await fetchPages();
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
    expect((await fetchPages(ctx({ maxPages: 1 }))).map((p) => p.length)).toEqual([4]);
    expect(server.seen).toHaveLength(1);
  });

  it('maps results field by field, each passing prepareJob', async () => {
    server.route('/search.json', twoPages);
    const c = ctx();
    const [page] = await fetchPages(c);
    const { drafts, errors } = normalizeAll(page!, c);
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
    expect(await fetchPages()).toEqual([]);
    expect(await serpApiSource.test(ctx())).toMatchObject({ ok: true, available: 0 });
  });

  it('an error SerpApi answers with 200 is a server failure, quoting it', async () => {
    server.route('/search.json', { body: '{"error":"Something unexpected happened."}' });
    const odd = await failureOf(serpApiSource.fetch(ctx()));
    expect(failureKind(odd)).toBe('server');
    expect(odd.message).toContain('Something unexpected happened.');
  });

  describe('HTTP failures', () => {
    describeHttpFailures(harness, {
      path: '/search.json',
      refused: {
        statuses: [401, 403, 200],
        body: fixture(import.meta.url, 'invalid-key.json'),
        names: ['SERPAPI_API_KEY'],
      },
      rateLimited: { retryAfter: 60, body: '{"error":"Your account has run out of searches."}' },
      serverError: { status: 500, body: '{"error":"Internal error"}' },
      truncated: '{"jobs_results": [{"title": ',
      shapeless: '["jobs"]',
      secrets: [KEY],
    });
  });

  it('turns ages into dates before now, and vague ages into null', () => {
    const at = (age: string | undefined) =>
      serpApiSource.normalize(
        {
          job_id: 'j1',
          title: 'Engineer',
          company_name: 'Acme',
          share_link: 'https://www.google.com/search?q=engineer',
          detected_extensions: { posted_at: age },
        },
        ctx(),
      ).postedAt;
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
    expect(at(undefined)).toBeNull();
  });
});
