import { describe, expect, it } from 'vitest';
import { prepareJob } from '@applydesk/domain';
import {
  adapterHarness,
  describeHttpFailures,
  expectOnlyRefused,
  expectReplacementCharacters,
  fixture,
  type Route,
} from '../test-support/replay-server.js';
import { LEVER_PAGE_SIZE, LeverConfig, leverApiBase, leverSource } from './index.js';

const NOW = new Date('2025-06-05T07:00:00Z');
const DEMO = fixture(import.meta.url, 'leverdemo_postings_mode_json.json');
const NOT_FOUND = fixture(import.meta.url, 'invalid_account_404.json');
const MODERN = fixture(import.meta.url, 'brightwave_postings_mode_json.json');
const DEMO_PATH = '/v0/postings/leverdemo';
const MODERN_PATH = '/v0/postings/brightwave';

const harness = adapterHarness(leverSource, {
  config: { name: 'brightwave', site: 'brightwave' },
  now: NOW,
});
const { server, ctx, fetchAll, attempt, fetchAndAttempt, draftsOf } = harness;

const modern = () => JSON.parse(MODERN) as Record<string, unknown>[];

/** Serves `all` by Lever's skip and limit, as the API pages. */
function paged(all: unknown[]): Route {
  return (req) => {
    const query = new URL(req.path, 'http://x').searchParams;
    const skip = Number(query.get('skip') ?? 0);
    const limit = Number(query.get('limit') ?? all.length);
    return { body: JSON.stringify(all.slice(skip, skip + limit)) };
  };
}

describe('lever source', () => {
  it('maps the recorded leverdemo site (2015): plain-text descriptions, lists and closing assembled', async () => {
    server.route(DEMO_PATH, { body: DEMO });
    const c = ctx({ site: 'leverdemo' });
    const raws = await fetchAll(c);
    expect(server.seen.map((r) => r.path)).toEqual([`${DEMO_PATH}?mode=json&skip=0&limit=100`]);
    expect(raws).toHaveLength(28);
    const drafts = draftsOf(raws, c);

    expect(drafts[0]).toMatchObject({
      sourceType: 'lever',
      sourceId: 'lever:brightwave',
      externalId: '5ac21346-8e0c-4494-8e7a-3eb92ff77902',
      url: 'https://jobs.lever.co/leverdemo/5ac21346-8e0c-4494-8e7a-3eb92ff77902',
      title: 'Account Executive',
      company: 'leverdemo',
      location: 'Mountain View',
      remote: 'unknown',
      employmentType: 'full_time',
      salary: null,
      postedAt: '2013-10-04T20:14:27.108Z',
      fetchedAt: '2025-06-05T07:00:00.000Z',
      descriptionText: '',
    });
    expect(drafts[0]!.descriptionHtml).toMatch(/^<p>Be a foundational member/);
    expect(drafts[0]!.descriptionHtml).toContain(
      '<h3>WITHIN ONE MONTH YOU WILL:</h3><ul><li>Thoroughly know our customers',
    );
    expect(drafts[3]).toMatchObject({
      title: 'Associate Customer Success Manager',
      employmentType: 'part_time',
    });
    expect(drafts[19]).toMatchObject({
      title: 'Product Marketing Intern',
      employmentType: 'internship',
      location: 'London, UK',
    });
    expect(drafts[26]).toMatchObject({
      title: 'UX Designer',
      location: null,
      postedAt: '2013-11-12T22:45:38.259Z',
    });

    const stored = prepareJob(drafts[0]!);
    expect(stored.descriptionText).toContain(
      'WITHIN ONE MONTH YOU WILL:\n\n• Thoroughly know our customers',
    );
    // Paragraph breaks of the plain-text description survive.
    expect(stored.descriptionText).toContain(
      'Reddit, and GitHub.\n\nLever is the only hiring software',
    );
  });

  it('maps workplaceType, commitment and salaryRange of the documented current shape', async () => {
    server.route(MODERN_PATH, { body: MODERN });
    const c = ctx();
    const drafts = (await fetchAll(c)).map((raw) => leverSource.normalize(raw, c));
    expect(drafts).toHaveLength(4);
    for (const draft of drafts) expect(() => prepareJob(draft)).not.toThrow();
    expect(drafts[0]).toMatchObject({
      externalId: '8f1c2d3e-4a5b-4c6d-9e7f-0a1b2c3d4e5f',
      url: 'https://jobs.lever.co/brightwave/8f1c2d3e-4a5b-4c6d-9e7f-0a1b2c3d4e5f',
      title: 'Staff Frontend Engineer',
      location: 'Remote - North America',
      remote: 'remote',
      employmentType: 'full_time',
      salary: { min: 180000, max: 220000, currency: 'USD', period: 'year' },
      postedAt: '2025-06-03T08:00:00.000Z',
    });
    expect(drafts[0]!.descriptionHtml).toBe(
      '<div><b>Brightwave</b> builds scheduling software for 12,000 clinics.</div><div><br></div><div>You will lead our move to <b>React</b> Server Components and keep our <b>TypeScript</b> codebase fast.</div>' +
        '<h3>What you&#39;ll do</h3><ul><li>Set the direction of our design system</li><li>Mentor four frontend engineers</li></ul>' +
        '<h3>What you bring</h3><ul><li>8+ years of frontend work</li><li>Deep knowledge of browser performance</li></ul>' +
        '<div>We hire across the US and Canada and meet twice a year in Denver.</div>',
    );
    expect(drafts[1]).toMatchObject({
      location: 'Munich; Berlin',
      remote: 'hybrid',
      salary: { min: 75000, max: 90000, currency: 'EUR', period: 'year' },
    });
    expect(drafts[2]).toMatchObject({
      remote: 'onsite',
      employmentType: 'part_time',
      salary: { min: 22, max: 26, currency: 'USD', period: 'hour' },
    });
    expect(drafts[3]).toMatchObject({
      remote: 'unknown',
      employmentType: 'internship',
      salary: null,
      postedAt: '2025-05-12T08:00:00.000Z',
    });
    expect(prepareJob(drafts[0]!).skills).toEqual(expect.arrayContaining(['React', 'TypeScript']));
  });

  it('pages with skip and limit until a short page', async () => {
    const [template] = modern();
    const all = Array.from({ length: 250 }, (_, i) => ({
      ...template,
      id: `posting-${i}`,
      text: `Engineer ${i}`,
    }));
    server.route(MODERN_PATH, paged(all));
    const raws = await fetchAll();
    expect(LEVER_PAGE_SIZE).toBe(100);
    expect(server.seen.map((r) => r.path)).toEqual([
      `${MODERN_PATH}?mode=json&skip=0&limit=100`,
      `${MODERN_PATH}?mode=json&skip=100&limit=100`,
      `${MODERN_PATH}?mode=json&skip=200&limit=100`,
    ]);
    expect(new Set(raws.map((r) => (r as { id: string }).id)).size).toBe(250);
  });

  it('stops when a site ignores skip instead of looping, and drops repeats', async () => {
    const [template] = modern();
    const page = Array.from({ length: 100 }, (_, i) => ({ ...template, id: `posting-${i}` }));
    server.route(MODERN_PATH, { body: JSON.stringify(page) });
    expect(await fetchAll()).toHaveLength(100);
    expect(server.seen).toHaveLength(2);
  });

  it('reads the EU instance, and a job site address as the site name', () => {
    const eu = LeverConfig.parse({
      name: 'x',
      type: 'lever',
      site: 'https://jobs.eu.lever.co/brightwave/',
      region: 'eu',
    });
    expect(eu.site).toBe('brightwave');
    expect(leverApiBase(eu)).toBe('https://api.eu.lever.co');
    expect(leverApiBase(LeverConfig.parse({ name: 'x', type: 'lever', site: 'brightwave' }))).toBe(
      'https://api.lever.co',
    );
    const [posting] = modern();
    const c = { ...ctx(), config: eu };
    expect(leverSource.normalize({ ...posting, hostedUrl: undefined }, c).url).toBe(
      'https://jobs.eu.lever.co/brightwave/8f1c2d3e-4a5b-4c6d-9e7f-0a1b2c3d4e5f',
    );
    expect(
      leverSource.configSchema.safeParse({ name: 'x', type: 'lever', site: 'b', region: 'us' })
        .success,
    ).toBe(false);
  });

  it('test() asks for one posting', async () => {
    server.route(MODERN_PATH, { body: MODERN });
    await expect(leverSource.test(ctx())).resolves.toEqual({
      ok: true,
      message: 'Lever site "brightwave" answered with postings',
    });
    expect(server.seen.at(-1)?.path).toBe(`${MODERN_PATH}?mode=json&skip=0&limit=1`);
  });

  describe('HTTP failures', () => {
    describeHttpFailures(harness, {
      path: MODERN_PATH,
      notFound: {
        body: NOT_FOUND,
        names: ['"brightwave"', 'spelling', 'region: eu'],
        inTest: true,
      },
      truncated: '[{"id": ',
      shapeless: '{"ok": true}',
      empty: { body: '[]' },
    });
  });

  it('bytes that are not UTF-8 become replacement characters', () =>
    expectReplacementCharacters(harness, {
      text: MODERN,
      before: 'Staff Frontend Engineer',
      bytes: [0xff],
      serve: (body) => server.route(MODERN_PATH, { body }),
      title: '\uFFFDStaff Frontend Engineer',
    }));

  it('a 10 MB description is refused by id while the others normalize', async () => {
    const postings = modern();
    postings[2]!.description = `<div>${'Answer questions. '.repeat(580_000)}</div>`;
    server.route(MODERN_PATH, { body: JSON.stringify(postings) });
    const results = await fetchAndAttempt();
    expectOnlyRefused(
      results,
      2,
      /^lever posting 2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e: description is \d+ characters, over the 1000000-character limit/,
    );
  });

  it('unreadable createdAt leaves postedAt null', () => {
    const [posting] = modern();
    for (const createdAt of ['soon', null, -5, 1e20, { at: 1 }]) {
      expect(leverSource.normalize({ ...posting, createdAt }, ctx()).postedAt).toBeNull();
    }
    // Words the domain's parseDate knows are read against the run time.
    expect(leverSource.normalize({ ...posting, createdAt: 'yesterday' }, ctx()).postedAt).toBe(
      '2025-06-04T07:00:00.000Z',
    );
    expect(leverSource.normalize({ ...posting, createdAt: '1748937600000' }, ctx()).postedAt).toBe(
      '2025-06-03T08:00:00.000Z',
    );
    const bare: Record<string, unknown> = { ...posting };
    delete bare.createdAt;
    expect(leverSource.normalize(bare, ctx()).postedAt).toBeNull();
  });

  it('a posting without a title is refused by id while the rest normalize', () => {
    const all = modern();
    delete all[1]!.text;
    const results = all.map((p) => attempt(p));
    expectOnlyRefused(results, 1, 'lever posting 1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d', 'title');
  });

  it('one-time or unknown salary intervals and bad currencies give no salary', () => {
    const [posting] = modern();
    const salary = (salaryRange: unknown) =>
      leverSource.normalize({ ...posting, salaryRange }, ctx()).salary;
    expect(salary({ currency: 'USD', interval: 'one-time', min: 5000, max: 5000 })).toBeNull();
    expect(salary({ currency: '$', interval: 'per-year-salary', min: 1, max: 2 })).toBeNull();
    expect(salary({ currency: 'gbp', interval: 'per-month-salary', min: 4000, max: 3000 })).toEqual(
      { min: 3000, max: 4000, currency: 'GBP', period: 'month' },
    );
  });

  it('declares its terms and needs no secret', () => {
    expect(leverSource.terms.minPollMinutes).toBe(60);
    expect(leverSource.secretSchema.parse({})).toEqual({});
  });
});
