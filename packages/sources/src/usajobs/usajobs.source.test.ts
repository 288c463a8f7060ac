import { describe, expect, it } from 'vitest';
import { prepareJob } from '@applydesk/domain';
import { adapterHarness, describeHttpFailures, fixture } from '../test-support/replay-server.js';
import { usaJobsSource } from './index.js';

const NOW = new Date('2025-11-20T12:00:00Z');
const KEY = 'Zm9vYmFyYmF6cXV4LXVzYWpvYnMta2V5LTEyMzQ1Ng==';
const SECRETS = { USAJOBS_API_KEY: KEY, USAJOBS_EMAIL: 'ada@example.org' };

const harness = adapterHarness(usaJobsSource, {
  config: { name: 'federal', query: 'software', location: 'Washington, DC' },
  secrets: SECRETS,
  now: NOW,
  server: 'file',
});
const { server, ctx, fetchPages, normalizeAll } = harness;

describe('usajobs source', () => {
  it('sends Host, the e-mail as User-Agent and the key as Authorization-Key', async () => {
    server.route('/api/search', { body: fixture(import.meta.url, 'search-page1.json') });
    await fetchPages();
    expect(server.seen).toHaveLength(1);
    const [req] = server.seen;
    const url = new URL(req!.path, server.url);
    expect(url.pathname).toBe('/api/search');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      Keyword: 'software',
      LocationName: 'Washington, DC',
      ResultsPerPage: '100',
      Page: '1',
    });
    expect(req!.headers.host).toBe(new URL(server.url).host);
    expect(req!.headers['user-agent']).toBe('ada@example.org');
    expect(req!.headers['authorization-key']).toBe(KEY);
  });

  it('maps postings field by field, each passing prepareJob', async () => {
    server.route('/api/search', { body: fixture(import.meta.url, 'search-page1.json') });
    const c = ctx();
    const [page] = await fetchPages(c);
    expect(page).toHaveLength(4);
    const { drafts, errors } = normalizeAll(page!, c);
    expect(drafts).toHaveLength(3);
    const [specialist, clerk, intern] = drafts;
    expect(specialist).toEqual({
      sourceType: 'usajobs',
      sourceId: 'usajobs:federal',
      externalId: '845123700',
      url: 'https://www.usajobs.gov:443/GetJob/ViewDetails/845123700',
      title: 'IT Specialist (APPSW)',
      company: 'Bureau of the Fiscal Service',
      location: 'Washington, District of Columbia',
      remote: 'hybrid',
      employmentType: 'full_time',
      salary: { min: 117962, max: 153354, currency: 'USD', period: 'year' },
      descriptionHtml: expect.any(String) as string,
      descriptionText: '',
      postedAt: '2025-11-10T00:00:00.000Z',
      fetchedAt: '2025-11-20T12:00:00.000Z',
      expiresAt: '2025-11-24T23:59:59.997Z',
      raw: page![0],
    });
    expect(specialist!.descriptionHtml).toContain(
      '<h3>Major duties</h3>\n<ul><li>Design and build web applications',
    );
    expect(specialist!.descriptionHtml).toContain('<ul><li>U.S. Citizenship required</li>');
    expect(clerk).toMatchObject({
      company: 'Veterans Health Administration',
      location: 'Denver, Colorado; Aurora, Colorado',
      remote: 'onsite',
      employmentType: 'temporary',
      salary: { min: 21.45, max: 27.88, currency: 'USD', period: 'hour' },
    });
    expect(intern).toMatchObject({
      remote: 'remote',
      employmentType: 'internship',
      salary: null,
      postedAt: null,
      expiresAt: null,
    });
    for (const draft of drafts) expect(() => prepareJob(draft)).not.toThrow();
    const prepared = prepareJob(specialist!);
    expect(prepared.canonicalUrl).toBe('https://usajobs.gov/GetJob/ViewDetails/845123700');
    expect(prepared.descriptionText).toContain("pay the nation's bills & collect");
    expect(prepared.skills).toEqual(expect.arrayContaining(['Java', 'TypeScript']));

    expect(errors).toHaveLength(1);
    expect(errors[0]!.code).toBe('INVALID_INPUT');
    expect(errors[0]!.message).toContain('845400333');
    expect(errors[0]!.message).toContain('PositionURI');
  });

  it('pages by Page until NumberOfPages or maxPages', async () => {
    const item = (n: number) => ({
      MatchedObjectId: String(n),
      MatchedObjectDescriptor: {
        PositionTitle: `Post ${n}`,
        PositionURI: `https://www.usajobs.gov/job/${n}`,
        OrganizationName: 'GSA',
      },
    });
    server.route('/api/search', (req) => {
      const page = Number(new URL(req.path, server.url).searchParams.get('Page'));
      const items = page === 1 ? Array.from({ length: 100 }, (_, i) => item(i)) : [item(100)];
      return {
        body: JSON.stringify({
          SearchResult: {
            SearchResultCountAll: 101,
            SearchResultItems: items,
            UserArea: { NumberOfPages: '2' },
          },
        }),
      };
    });
    expect((await fetchPages()).map((p) => p.length)).toEqual([100, 1]);
    server.seen.length = 0;
    expect((await fetchPages(ctx({ maxPages: 1 }))).map((p) => p.length)).toEqual([100]);
    expect(server.seen).toHaveLength(1);
  });

  it('yields nothing for an empty search and counts in test()', async () => {
    server.route('/api/search', { body: fixture(import.meta.url, 'search-empty.json') });
    expect(await fetchPages()).toEqual([]);
    server.route('/api/search', { body: fixture(import.meta.url, 'search-page1.json') });
    expect(await usaJobsSource.test(ctx())).toMatchObject({ ok: true, available: 4 });
  });

  describe('HTTP failures', () => {
    describeHttpFailures(harness, {
      path: '/api/search',
      refused: { statuses: [401, 403], names: ['USAJOBS_API_KEY', 'USAJOBS_EMAIL'] },
      rateLimited: { retryAfter: 10 },
      serverError: { status: 503, body: 'Service Unavailable' },
      truncated: '{"SearchResult": ',
      shapeless: '{"Error": "nothing"}',
      secrets: [KEY],
    });
  });

  it('reads zone-less dates as UTC and refuses impossible ones', () => {
    const dates = (PublicationStartDate: string, ApplicationCloseDate: string) => {
      const draft = usaJobsSource.normalize(
        {
          MatchedObjectId: '1',
          MatchedObjectDescriptor: {
            PositionTitle: 'Clerk',
            PositionURI: 'https://www.usajobs.gov/job/1',
            OrganizationName: 'Agency',
            PublicationStartDate,
            ApplicationCloseDate,
          },
        },
        ctx(),
      );
      return [draft.postedAt, draft.expiresAt];
    };
    expect(dates('2025-11-24T23:59:59.9970', '2025-11-24')).toEqual([
      '2025-11-24T23:59:59.997Z',
      '2025-11-24T00:00:00.000Z',
    ]);
    expect(dates('2025-02-30T00:00:00.0000', 'soon')).toEqual([null, null]);
  });
});
