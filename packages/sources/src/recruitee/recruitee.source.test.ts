import { describe, expect, it } from 'vitest';
import { type DomainError, prepareJob } from '@applydesk/domain';
import {
  adapterHarness,
  describeHttpFailures,
  expectOnlyRefused,
  expectReplacementCharacters,
  fixture,
} from '../test-support/replay-server.js';
import { RecruiteeConfig, recruiteeOffersUrl, recruiteeSource } from './index.js';

const NOW = new Date('2025-06-05T07:00:00Z');
const OFFERS = fixture(import.meta.url, 'kanaal_offers.json');
const PATH = '/api/offers/';

const harness = adapterHarness(recruiteeSource, {
  config: { name: 'kanaal', account: 'kanaal' },
  now: NOW,
});
const { server, ctx, fetchAll, attempt, fetchAndAttempt, draftsOf } = harness;

const offers = () => (JSON.parse(OFFERS) as { offers: Record<string, unknown>[] }).offers;

describe('recruitee source', () => {
  it('fetches the offers and maps each, salaries sent as strings or numbers', async () => {
    server.route(PATH, { body: OFFERS });
    const c = ctx();
    const raws = await fetchAll(c);
    expect(server.seen.map((r) => r.path)).toEqual([PATH]);
    expect(raws).toHaveLength(4);
    const drafts = draftsOf(raws, c);

    expect(drafts[0]).toMatchObject({
      sourceType: 'recruitee',
      sourceId: 'recruitee:kanaal',
      externalId: '1843021',
      url: 'https://kanaal.recruitee.com/o/backend-developer-kotlin',
      title: 'Backend Developer (Kotlin)',
      company: 'Kanaal Logistics',
      location: 'Rotterdam, Netherlands',
      remote: 'hybrid',
      employmentType: 'full_time',
      salary: { min: 4800, max: 6200, currency: 'EUR', period: 'month' },
      // "2025-05-23 07:00:00 UTC"
      postedAt: '2025-05-23T07:00:00.000Z',
      fetchedAt: '2025-06-05T07:00:00.000Z',
      descriptionText: '',
    });
    expect(drafts[0]!.descriptionHtml).toMatch(
      /<\/p><h3>Requirements<\/h3><ul><li>3\+ years of backend development/,
    );
    expect(drafts[1]).toMatchObject({
      remote: 'remote',
      location: 'Netherlands',
      salary: { min: 55000, max: 65000, currency: 'EUR', period: 'year' },
      postedAt: '2025-06-01T09:30:00.000Z',
    });
    expect(drafts[2]).toMatchObject({
      remote: 'onsite',
      employmentType: 'part_time',
      salary: { min: 18.5, max: 22, currency: 'EUR', period: 'hour' },
    });
    expect(drafts[2]!.descriptionHtml).not.toContain('Requirements');
    expect(drafts[3]).toMatchObject({
      remote: 'unknown',
      employmentType: 'internship',
      salary: null,
      location: 'Berlin, Germany',
    });
    expect(prepareJob(drafts[0]!).skills).toEqual(expect.arrayContaining(['Kotlin', 'PostgreSQL']));
  });

  it('reads the subdomain from a careers site address and builds the offers URL on it', () => {
    const config = RecruiteeConfig.parse({
      name: 'x',
      type: 'recruitee',
      account: 'https://kanaal.recruitee.com/o/data-analyst-remote',
    });
    expect(config.account).toBe('kanaal');
    expect(recruiteeOffersUrl(config)).toBe('https://kanaal.recruitee.com/api/offers/');
    expect(
      recruiteeSource.configSchema.safeParse({ name: 'x', type: 'recruitee', account: 'kanaal.nl' })
        .success,
    ).toBe(false);
  });

  it('without careers_url the offer page is built from the slug; without either the offer is refused', () => {
    const [offer] = offers();
    expect(recruiteeSource.normalize({ ...offer, careers_url: null }, ctx()).url).toBe(
      'https://kanaal.recruitee.com/o/backend-developer-kotlin',
    );
    const orphan = attempt({ ...offer, careers_url: null, slug: null });
    expect((orphan as DomainError).message).toBe(
      'recruitee posting 1843021: "Backend Developer (Kotlin)" has neither a careers_url nor a slug to link to',
    );
  });

  it('odd salaries are no salary or put in order; the company option wins', () => {
    const [offer] = offers();
    const salary = (s: unknown) => recruiteeSource.normalize({ ...offer, salary: s }, ctx()).salary;
    expect(salary({ min: '', max: '', currency: 'EUR', period: 'month' })).toBeNull();
    expect(salary({ min: '5000', max: '6000', currency: 'EUR', period: 'per_project' })).toBeNull();
    expect(salary({ min: 'lots', max: '6000', currency: 'EUR', period: 'monthly' })).toEqual({
      min: null,
      max: 6000,
      currency: 'EUR',
      period: 'month',
    });
    expect(salary({ min: 70000, max: 50000, currency: 'EUR', period: 'yearly' })).toEqual({
      min: 50000,
      max: 70000,
      currency: 'EUR',
      period: 'year',
    });
    expect(recruiteeSource.normalize(offer, ctx({ company: 'Kanaal' })).company).toBe('Kanaal');
  });

  it('test() counts offers', async () => {
    server.route(PATH, { body: OFFERS });
    await expect(recruiteeSource.test(ctx())).resolves.toEqual({
      ok: true,
      message: 'Recruitee careers site "kanaal" answered with 4 offers',
      available: 4,
    });
  });

  describe('HTTP failures', () => {
    describeHttpFailures(harness, {
      path: PATH,
      notFound: { body: '{"error":"Not found"}', names: ['"kanaal"', 'spelling'], inTest: true },
      truncated: '{"offers": [{"id": 1',
      shapeless: '{"jobs": []}',
      empty: { body: '{"offers":[]}' },
    });
  });

  it('bytes that are not UTF-8 become replacement characters', () =>
    expectReplacementCharacters(harness, {
      text: OFFERS,
      before: 'Backend Developer (Kotlin)',
      bytes: [0xff],
      serve: (body) => server.route(PATH, { body }),
      title: '\uFFFDBackend Developer (Kotlin)',
    }));

  it('a 10 MB description is refused by id while the others normalize', async () => {
    const all = offers();
    all[0]!.description = `<p>${'Route parcels. '.repeat(700_000)}</p>`;
    server.route(PATH, { body: JSON.stringify({ offers: all }) });
    const results = await fetchAndAttempt();
    expectOnlyRefused(
      results,
      0,
      /^recruitee posting 1843021: description is \d+ characters, over the 1000000-character limit/,
    );
  });

  it('unreadable dates leave postedAt null; created_at stands in for published_at', () => {
    const [offer] = offers();
    // 05-06-2025 could be 5 June or May 6: no date rather than a guess.
    expect(
      recruiteeSource.normalize(
        { ...offer, published_at: '05-06-2025', created_at: 'never' },
        ctx(),
      ).postedAt,
    ).toBeNull();
    expect(
      recruiteeSource.normalize(
        { ...offer, published_at: '23-05-2025', created_at: 'never' },
        ctx(),
      ).postedAt,
    ).toBe('2025-05-23T00:00:00.000Z');
    expect(recruiteeSource.normalize({ ...offer, published_at: null }, ctx()).postedAt).toBe(
      '2025-05-22T09:14:03.000Z',
    );
    const bare: Record<string, unknown> = { ...offer };
    delete bare.published_at;
    delete bare.created_at;
    expect(recruiteeSource.normalize(bare, ctx()).postedAt).toBeNull();
  });

  it('an offer without a title is refused by id while the rest normalize', () => {
    const all = offers();
    delete all[1]!.title;
    const results = all.map((o) => attempt(o));
    expectOnlyRefused(results, 1, 'recruitee posting 1843022', 'title');
  });

  it('declares its terms and needs no secret', () => {
    expect(recruiteeSource.terms.minPollMinutes).toBe(60);
    expect(recruiteeSource.secretSchema.parse({})).toEqual({});
  });
});
