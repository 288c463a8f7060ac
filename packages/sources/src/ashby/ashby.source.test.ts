import { describe, expect, it } from 'vitest';
import { type DomainError, prepareJob } from '@applydesk/domain';
import {
  adapterHarness,
  describeHttpFailures,
  expectOnlyRefused,
  expectReplacementCharacters,
  fixture,
} from '../test-support/replay-server.js';
import { ashbySource } from './index.js';

const NOW = new Date('2025-06-05T07:00:00Z');
const BOARD = fixture(import.meta.url, 'lumen_job_board.json');
const PATH = '/posting-api/job-board/lumen';

const harness = adapterHarness(ashbySource, {
  config: { name: 'lumen', board: 'lumen' },
  now: NOW,
});
const { server, ctx, fetchAll, attempt, fetchAndAttempt, draftsOf } = harness;

const jobs = () => (JSON.parse(BOARD) as { jobs: Record<string, unknown>[] }).jobs;

describe('ashby source', () => {
  it('fetches the board with compensation and maps every job', async () => {
    server.route(PATH, { body: BOARD });
    const c = ctx();
    const raws = await fetchAll(c);
    expect(server.seen.map((r) => r.path)).toEqual([`${PATH}?includeCompensation=true`]);
    expect(raws).toHaveLength(4);
    const drafts = draftsOf(raws, c);

    expect(drafts[0]).toMatchObject({
      sourceType: 'ashby',
      sourceId: 'ashby:lumen',
      externalId: '4f8e2d1c-9b7a-4e6f-8d5c-3b2a1f0e9d8c',
      url: 'https://jobs.ashbyhq.com/lumen/4f8e2d1c-9b7a-4e6f-8d5c-3b2a1f0e9d8c',
      title: 'Senior Machine Learning Engineer',
      company: 'lumen',
      location: 'San Francisco; New York',
      remote: 'hybrid',
      employmentType: 'full_time',
      // The salary component, not the equity one beside it.
      salary: { min: 190000, max: 250000, currency: 'USD', period: 'year' },
      postedAt: '2025-05-20T17:04:11.452Z',
      fetchedAt: '2025-06-05T07:00:00.000Z',
      descriptionText: '',
    });
    expect(drafts[0]!.descriptionHtml).toMatch(/^<p><strong>Lumen<\/strong> builds search/);
    expect(drafts[1]).toMatchObject({
      location: 'Remote (Europe)',
      remote: 'remote',
      salary: { min: 80000, max: 100000, currency: 'EUR', period: 'year' },
    });
    // No workplaceType (older postings): isRemote decides.
    expect(drafts[2]).toMatchObject({
      remote: 'remote',
      employmentType: 'contract',
      salary: { min: 60, max: 80, currency: 'USD', period: 'hour' },
    });
    expect(drafts[3]).toMatchObject({
      remote: 'onsite',
      employmentType: 'part_time',
      salary: null,
      location: 'London',
    });
    expect(prepareJob(drafts[0]!).skills).toEqual(expect.arrayContaining(['PyTorch', 'Python']));
  });

  it('leaves out jobs the board does not list', async () => {
    const all = jobs();
    all[1]!.isListed = false;
    server.route(PATH, { body: JSON.stringify({ apiVersion: '1', jobs: all }) });
    const raws = await fetchAll();
    expect(raws.map((r) => (r as { id: string }).id)).not.toContain(
      '7a6b5c4d-3e2f-4a1b-9c8d-7e6f5a4b3c2d',
    );
    expect(raws).toHaveLength(3);
  });

  it('reads the id from jobUrl when id is absent, the plain text when HTML is, and a board address as its name', () => {
    const [job] = jobs();
    const draft = ashbySource.normalize(
      { ...job, id: undefined, descriptionHtml: null, descriptionPlain: 'Line one\n\nLine two' },
      ctx(),
    );
    expect(draft.externalId).toBe('4f8e2d1c-9b7a-4e6f-8d5c-3b2a1f0e9d8c');
    expect(draft.descriptionHtml).toBe('<p>Line one</p>\n<p>Line two</p>');
    expect(ctx({ board: 'https://jobs.ashbyhq.com/lumen/' }).config.board).toBe('lumen');
    expect(ashbySource.normalize(job, ctx({ company: 'Lumen Labs' })).company).toBe('Lumen Labs');
    const orphan = attempt({ title: 'No link', descriptionHtml: '<p>x</p>' });
    expect((orphan as DomainError).message).toContain('neither an id nor a jobUrl');
  });

  it('pay of tiers counts when the summary has none; equity alone or odd intervals are no salary', () => {
    const [job] = jobs();
    const salary = (compensation: unknown) =>
      ashbySource.normalize({ ...job, compensation }, ctx()).salary;
    expect(
      salary({
        summaryComponents: [],
        compensationTiers: [
          {
            components: [
              {
                compensationType: 'Salary',
                interval: '1 MONTH',
                currencyCode: 'gbp',
                minValue: 4000,
                maxValue: 5000,
              },
            ],
          },
        ],
      }),
    ).toEqual({ min: 4000, max: 5000, currency: 'GBP', period: 'month' });
    expect(
      salary({
        summaryComponents: [
          {
            compensationType: 'EquityPercentage',
            interval: 'NONE',
            currencyCode: null,
            minValue: 0.1,
            maxValue: 0.2,
          },
        ],
      }),
    ).toBeNull();
    expect(
      salary({
        summaryComponents: [
          {
            compensationType: 'Salary',
            interval: '6 MONTH',
            currencyCode: 'USD',
            minValue: 1,
            maxValue: 2,
          },
        ],
      }),
    ).toBeNull();
    expect(salary(null)).toBeNull();
  });

  it('test() counts listed jobs', async () => {
    server.route(PATH, { body: BOARD });
    await expect(ashbySource.test(ctx())).resolves.toEqual({
      ok: true,
      message: 'Ashby board "lumen" answered with 4 listed jobs',
      available: 4,
    });
  });

  describe('HTTP failures', () => {
    describeHttpFailures(harness, {
      path: PATH,
      notFound: { body: '{"success":false}', names: ['"lumen"', 'spelling'], inTest: true },
      truncated: '{"apiVersion":"1","jobs":[',
      shapeless: '{"apiVersion":"1"}',
      empty: { body: '{"apiVersion":"1","jobs":[]}' },
    });
  });

  it('bytes that are not UTF-8 become replacement characters', () =>
    expectReplacementCharacters(harness, {
      text: BOARD,
      before: 'Developer Advocate',
      bytes: [0xc3, 0x28],
      serve: (body) => server.route(PATH, { body }),
      index: 1,
      title: '\uFFFD(Developer Advocate',
    }));

  it('a 10 MB description is refused by id while the others normalize', async () => {
    const all = jobs();
    all[3]!.descriptionHtml = `<p>${'Run the office. '.repeat(700_000)}</p>`;
    server.route(PATH, { body: JSON.stringify({ apiVersion: '1', jobs: all }) });
    const results = await fetchAndAttempt();
    expectOnlyRefused(
      results,
      3,
      /^ashby posting 9c8b7a6d-5e4f-4321-8a9b-c0d1e2f3a4b5: description is 11200007 characters, over the 1000000-character limit/,
    );
  });

  it('an unreadable publishedAt leaves postedAt null', () => {
    const [job] = jobs();
    for (const publishedAt of ['recently', '2025-02-30T25:00:00Z', -1748000000, null]) {
      expect(ashbySource.normalize({ ...job, publishedAt }, ctx()).postedAt).toBeNull();
    }
    // Epoch seconds are a date the domain's parseDate reads.
    expect(ashbySource.normalize({ ...job, publishedAt: 1748000000 }, ctx()).postedAt).toBe(
      '2025-05-23T11:33:20.000Z',
    );
    const bare: Record<string, unknown> = { ...job };
    delete bare.publishedAt;
    expect(ashbySource.normalize(bare, ctx()).postedAt).toBeNull();
  });

  it('a job without a title is refused by id while the rest normalize', () => {
    const all = jobs();
    delete all[2]!.title;
    const results = all.map((job) => attempt(job));
    expectOnlyRefused(results, 2, 'ashby posting 1d2e3f4a-5b6c-4d7e-8f9a-0b1c2d3e4f5a', 'title');
  });

  it('declares its terms and needs no secret', () => {
    expect(ashbySource.terms.minPollMinutes).toBe(60);
    expect(ashbySource.secretSchema.parse({})).toEqual({});
  });
});
