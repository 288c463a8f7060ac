import { describe, expect, it } from 'vitest';
import { prepareJob } from '@applydesk/domain';
import {
  adapterHarness,
  describeHttpFailures,
  expectOnlyRefused,
  expectReplacementCharacters,
  fixture,
} from '../test-support/replay-server.js';
import { workableSource } from './index.js';

const NOW = new Date('2025-06-05T07:00:00Z');
const WIDGET = fixture(import.meta.url, 'tessera_widget_details.json');
const PATH = '/api/v1/widget/accounts/tessera';

const harness = adapterHarness(workableSource, {
  config: { name: 'tessera', account: 'tessera' },
  now: NOW,
});
const { server, ctx, fetchAll, attempt, fetchAndAttempt, draftsOf } = harness;

const widget = () => JSON.parse(WIDGET) as { name: string; jobs: Record<string, unknown>[] };

describe('workable source', () => {
  it('fetches the widget with details and maps every job', async () => {
    server.route(PATH, { body: WIDGET });
    const c = ctx();
    const raws = await fetchAll(c);
    expect(server.seen.map((r) => r.path)).toEqual([`${PATH}?details=true`]);
    expect(raws).toHaveLength(4);
    const drafts = draftsOf(raws, c);

    expect(drafts[0]).toMatchObject({
      sourceType: 'workable',
      sourceId: 'workable:tessera',
      externalId: '5E3F1A9C0B',
      url: 'https://apply.workable.com/j/5E3F1A9C0B',
      title: 'Senior Data Engineer',
      company: 'tessera',
      location: 'Athens, Attica, Greece; Thessaloniki, Central Macedonia, Greece',
      // telecommuting false says nothing about on-site or hybrid.
      remote: 'unknown',
      employmentType: 'full_time',
      salary: null,
      postedAt: '2025-05-30T00:00:00.000Z',
      fetchedAt: '2025-06-05T07:00:00.000Z',
      descriptionText: '',
    });
    expect(drafts[1]).toMatchObject({
      externalId: '7B2D4F6A8C',
      remote: 'remote',
      location: 'London, England, United Kingdom',
    });
    // A hidden location is not shown.
    expect(drafts[2]).toMatchObject({ employmentType: 'contract', location: 'Lisbon, Portugal' });
    expect(drafts[3]).toMatchObject({
      employmentType: 'part_time',
      postedAt: '2025-06-04T00:00:00.000Z',
    });
    expect(prepareJob(drafts[0]!).skills).toEqual(expect.arrayContaining(['Python', 'SQL']));
  });

  it('a workplace field wins over telecommuting; requirements and benefits sent apart are added; full_description wins', () => {
    const [job] = widget().jobs;
    expect(workableSource.normalize({ ...job, workplace: 'hybrid' }, ctx()).remote).toBe('hybrid');
    expect(
      workableSource.normalize({ ...job, workplace: 'on_site', telecommuting: false }, ctx())
        .remote,
    ).toBe('onsite');
    const parts = workableSource.normalize(
      {
        ...job,
        description: '<p>Intro</p>',
        requirements: '<ul><li>SQL</li></ul>',
        benefits: '<p>Lunch</p>',
      },
      ctx(),
    );
    expect(parts.descriptionHtml).toBe(
      '<p>Intro</p><h3>Requirements</h3><ul><li>SQL</li></ul><h3>Benefits</h3><p>Lunch</p>',
    );
    expect(
      workableSource.normalize({ ...job, full_description: '<p>All of it</p>' }, ctx())
        .descriptionHtml,
    ).toBe('<p>All of it</p>');
  });

  it('without url the careers page URL is built; a careers page address is read as the account', () => {
    const [job] = widget().jobs;
    expect(workableSource.normalize({ ...job, url: null, shortlink: 'not a url' }, ctx()).url).toBe(
      'https://apply.workable.com/tessera/j/5E3F1A9C0B/',
    );
    expect(ctx({ account: 'https://apply.workable.com/tessera/' }).config.account).toBe('tessera');
    expect(ctx({ account: 'https://tessera.workable.com/' }).config.account).toBe('tessera');
    expect(
      workableSource.configSchema.safeParse({
        name: 'x',
        type: 'workable',
        account: 'https://apply.workable.com/j/5E3F1A9C0B',
      }).success,
    ).toBe(false);
    expect(workableSource.normalize(job, ctx({ company: 'Tessera Health' })).company).toBe(
      'Tessera Health',
    );
  });

  it('test() counts jobs from the list without details', async () => {
    server.route(PATH, { body: WIDGET });
    await expect(workableSource.test(ctx())).resolves.toEqual({
      ok: true,
      message: 'Workable account "tessera" (Tessera Health) answered with 4 jobs',
      available: 4,
    });
    expect(server.seen.at(-1)?.path).toBe(PATH);
  });

  describe('HTTP failures', () => {
    describeHttpFailures(harness, {
      path: PATH,
      notFound: { body: '{"error":"Not found"}', names: ['"tessera"', 'spelling'], inTest: true },
      truncated: '{"name":"Tessera","jobs":[{',
      shapeless: '{"name":"Tessera"}',
      empty: { body: '{"name":"Tessera Health","description":null,"jobs":[]}' },
    });
  });

  it('bytes that are not UTF-8 become replacement characters', () =>
    expectReplacementCharacters(harness, {
      text: WIDGET,
      before: 'Senior Data Engineer',
      bytes: [0xff],
      serve: (body) => server.route(PATH, { body }),
      title: '\uFFFDSenior Data Engineer',
    }));

  it('a 10 MB description is refused by id while the others normalize', async () => {
    const body = widget();
    body.jobs[1]!.description = `<p>${'Care for clinics. '.repeat(600_000)}</p>`;
    server.route(PATH, { body: JSON.stringify(body) });
    const results = await fetchAndAttempt();
    expectOnlyRefused(
      results,
      1,
      /^workable posting 7B2D4F6A8C: description is 10800007 characters, over the 1000000-character limit/,
    );
  });

  it('unreadable dates leave postedAt null; created_at stands in for a missing published_on', () => {
    const [job] = widget().jobs;
    // 10/06/2025 could be 10 June or October 6: no date rather than a guess.
    expect(
      workableSource.normalize({ ...job, published_on: '10/06/2025', created_at: 'n/a' }, ctx())
        .postedAt,
    ).toBeNull();
    // A day past 12 leaves no doubt: the domain's parseDate reads it.
    expect(
      workableSource.normalize({ ...job, published_on: '30/05/2025', created_at: 'n/a' }, ctx())
        .postedAt,
    ).toBe('2025-05-30T00:00:00.000Z');
    const bare: Record<string, unknown> = { ...job };
    delete bare.published_on;
    expect(workableSource.normalize(bare, ctx()).postedAt).toBe('2025-05-29T00:00:00.000Z');
    delete bare.created_at;
    expect(workableSource.normalize(bare, ctx()).postedAt).toBeNull();
  });

  it('a job without a title is refused by shortcode while the rest normalize', () => {
    const { jobs } = widget();
    delete jobs[2]!.title;
    const results = jobs.map((job) => attempt(job));
    expectOnlyRefused(results, 2, 'workable posting 9C1E3A5B7D', 'title');
  });

  it('declares its terms and needs no secret', () => {
    expect(workableSource.terms.minPollMinutes).toBe(60);
    expect(workableSource.secretSchema.parse({})).toEqual({});
  });
});
