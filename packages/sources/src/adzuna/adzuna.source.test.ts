import { describe, expect, it } from 'vitest';
import { prepareJob } from '@applydesk/domain';
import { adapterHarness, describeHttpFailures, fixture } from '../test-support/replay-server.js';
import { adzunaSource } from './index.js';

const NOW = new Date('2025-11-20T12:00:00Z');
const SECRETS = { ADZUNA_APP_ID: 'app-id-1234', ADZUNA_APP_KEY: 'k3y/secret+value' };
const PAGE_1 = '/v1/api/jobs/gb/search/1';

const harness = adapterHarness(adzunaSource, {
  config: { name: 'uk', country: 'gb', query: 'typescript developer', location: 'Manchester' },
  secrets: SECRETS,
  now: NOW,
  server: 'file',
});
const { server, ctx, fetchPages, normalizeAll } = harness;

function posting(i: number) {
  return {
    id: String(1000 + i),
    title: `Engineer ${i}`,
    description: 'Build things.',
    created: '2025-11-01T00:00:00Z',
    redirect_url: `https://www.adzuna.co.uk/jobs/land/ad/${1000 + i}`,
    company: { display_name: 'Acme' },
    location: { display_name: 'London', area: ['UK', 'London'] },
  };
}

describe('adzuna source', () => {
  it('sends the keys and search words as Adzuna expects them', async () => {
    server.route(PAGE_1, { body: fixture(import.meta.url, 'search-gb-page1.json') });
    await fetchPages();
    expect(server.seen).toHaveLength(1);
    const seen = new URL(server.seen[0]!.path, server.url);
    expect(seen.pathname).toBe(PAGE_1);
    expect(Object.fromEntries(seen.searchParams)).toEqual({
      app_id: 'app-id-1234',
      app_key: 'k3y/secret+value',
      what: 'typescript developer',
      where: 'Manchester',
      results_per_page: '50',
      'content-type': 'application/json',
    });
    expect(server.seen[0]!.method).toBe('GET');
  });

  it('maps postings field by field, each passing prepareJob', async () => {
    server.route(PAGE_1, { body: fixture(import.meta.url, 'search-gb-page1.json') });
    const c = ctx();
    const [page] = await fetchPages(c);
    expect(page).toHaveLength(4);
    const { drafts, errors } = normalizeAll(page!, c);
    expect(drafts).toHaveLength(3);
    const [typescript, data, partTime] = drafts;
    expect(typescript).toEqual({
      sourceType: 'adzuna',
      sourceId: 'adzuna:uk',
      externalId: '4938271650',
      url: 'https://www.adzuna.co.uk/jobs/land/ad/4938271650?se=Qx7Zk1&utm_medium=api&utm_source=abcdef12&v=1A2B3C',
      title: 'Senior TypeScript Developer',
      company: 'Northwind Analytics Ltd',
      location: 'Manchester, Greater Manchester',
      remote: 'unknown',
      employmentType: 'full_time',
      salary: { min: 65000, max: 80000, currency: 'GBP', period: 'year' },
      descriptionHtml: expect.stringContaining('Senior TypeScript Developer to join') as string,
      descriptionText: '',
      postedAt: '2025-11-18T09:12:44.000Z',
      fetchedAt: '2025-11-20T12:00:00.000Z',
      raw: page![0],
    });
    expect(data).toMatchObject({
      externalId: '4938114402',
      title: 'Remote Data Engineer (Python)',
      remote: 'remote',
      employmentType: 'contract',
      location: 'UK',
      salary: null, // predicted by Adzuna, not offered
    });
    expect(partTime).toMatchObject({
      externalId: '4937760091',
      employmentType: 'part_time',
      salary: { min: 28000, max: null, currency: 'GBP', period: 'year' },
      postedAt: null,
    });
    for (const draft of drafts) expect(() => prepareJob(draft)).not.toThrow();
    const prepared = prepareJob(typescript!);
    expect(prepared.descriptionText).toContain('review code & mentor');
    expect(prepared.skills).toEqual(expect.arrayContaining(['TypeScript', 'Node.js', 'AWS']));

    expect(errors).toHaveLength(1);
    expect(errors[0]!.code).toBe('INVALID_INPUT');
    expect(errors[0]!.message).toContain('4937700000');
    expect(errors[0]!.message).toContain('title');
  });

  it('prices postings in the currency of the country site', async () => {
    server.route('/v1/api/jobs/de/search/1', {
      body: JSON.stringify({
        count: 1,
        results: [
          { ...posting(1), salary_min: 50000, salary_max: 60000, salary_is_predicted: '0' },
        ],
      }),
    });
    const c = ctx({ country: 'de' });
    const [page] = await fetchPages(c);
    expect(adzunaSource.normalize(page![0], c).salary).toEqual({
      min: 50000,
      max: 60000,
      currency: 'EUR',
      period: 'year',
    });
  });

  it('reads pages until a short one, and no more than maxPages', async () => {
    server.route(PAGE_1, {
      body: JSON.stringify({
        count: 53,
        results: Array.from({ length: 50 }, (_, i) => posting(i)),
      }),
    });
    server.route('/v1/api/jobs/gb/search/2', {
      body: JSON.stringify({ count: 53, results: [posting(50), posting(51), posting(52)] }),
    });
    const pages = await fetchPages();
    expect(pages.map((p) => p.length)).toEqual([50, 3]);
    expect(server.seen.map((s) => new URL(s.path, server.url).pathname)).toEqual([
      PAGE_1,
      '/v1/api/jobs/gb/search/2',
    ]);

    server.seen.length = 0;
    const limited = await fetchPages(ctx({ maxPages: 1 }));
    expect(limited.map((p) => p.length)).toEqual([50]);
    expect(server.seen).toHaveLength(1);
  });

  describe('HTTP failures', () => {
    describeHttpFailures(harness, {
      path: PAGE_1,
      refused: {
        statuses: [401, 403],
        body: fixture(import.meta.url, 'auth-fail.json'),
        names: ['ADZUNA_APP_ID', 'ADZUNA_APP_KEY'],
      },
      rateLimited: { retryAfter: 120, body: '{}' },
      serverError: { status: 500, body: 'Internal Server Error' },
      truncated: '{"count": 3, "results": [',
      shapeless: '{"count": 3, "results": {"a": 1}}',
      empty: { body: fixture(import.meta.url, 'search-empty.json') },
      secrets: Object.values(SECRETS),
    });
  });

  it('reports how many postings match in test()', async () => {
    server.route(PAGE_1, { body: fixture(import.meta.url, 'search-gb-page1.json') });
    const result = await adzunaSource.test(ctx());
    expect(result).toMatchObject({ ok: true, available: 53 });
    expect(new URL(server.seen[0]!.path, server.url).searchParams.get('results_per_page')).toBe(
      '1',
    );
  });

  it('asks for both keys and a known country', () => {
    expect(adzunaSource.secretSchema.safeParse({ ADZUNA_APP_ID: 'x' }).success).toBe(false);
    expect(
      adzunaSource.configSchema.safeParse({ name: 'x', type: 'adzuna', country: 'zz' }).success,
    ).toBe(false);
    expect(adzunaSource.terms.attribution).toContain('Jobs by Adzuna');
  });
});
