import { describe, expect, it } from 'vitest';
import { prepareJob, type JobInputDraft } from '@applydesk/domain';
import {
  adapterHarness,
  describeHttpFailures,
  expectOnlyRefused,
  expectRefused,
  fixture,
  withInvalidUtf8,
} from '../test-support/replay-server.js';
import { greenhouseSource } from './index.js';

const NOW = new Date('2025-06-05T07:00:00Z');
const GA = fixture(import.meta.url, 'generalassembly_jobs_content_true.json');
const ACME = fixture(import.meta.url, 'acmerobotics_jobs_content_true.json');
const GA_PATH = '/v1/boards/generalassembly/jobs';
const ACME_PATH = '/v1/boards/acmerobotics/jobs';

const harness = adapterHarness(greenhouseSource, {
  config: { name: 'acme', board: 'acmerobotics' },
  now: NOW,
});
const { server, ctx, fetchAll, attempt, fetchAndAttempt } = harness;

const acmeJobs = () => (JSON.parse(ACME) as { jobs: Record<string, unknown>[] }).jobs;

describe('greenhouse source', () => {
  it('maps the recorded General Assembly board (2013), description left entity-escaped', async () => {
    server.route(GA_PATH, { body: GA });
    const c = ctx({ board: 'generalassembly' });
    const raws = await fetchAll(c);
    expect(server.seen.map((r) => r.path)).toEqual([
      `${GA_PATH}?content=true&pay_transparency=true`,
    ]);
    expect(raws).toHaveLength(2);
    const drafts = raws.map((raw) => greenhouseSource.normalize(raw, c));
    expect(drafts[0]).toMatchObject({
      sourceType: 'greenhouse',
      sourceId: 'greenhouse:acme',
      externalId: '721',
      url: 'http://boards.greenhouse.io/generalassembly/jobs/721',
      title: 'Application developer',
      company: 'generalassembly',
      location: 'New York, NY',
      remote: 'unknown',
      employmentType: 'unknown',
      salary: null,
      postedAt: '2013-09-12T21:01:50.000Z',
      fetchedAt: '2025-06-05T07:00:00.000Z',
      descriptionText: '',
    });
    expect(drafts[0]!.descriptionHtml.startsWith('&lt;h3&gt;Who this job is right for')).toBe(true);
    expect(drafts[1]).toMatchObject({
      externalId: '722',
      title: 'Finance Analyst',
      location: 'New York',
    });
    for (const draft of drafts) {
      const job = prepareJob(draft);
      expect(job.descriptionHtml).toContain('<h3>Who this job is right for</h3>');
      expect(job.descriptionText).toContain('Required skills & experience');
    }
    expect(drafts[0]!.raw).toEqual((JSON.parse(GA) as { jobs: unknown[] }).jobs[0]);
  });

  it('maps the documented modern fields: company, workplace, employment type, pay in cents', async () => {
    server.route(ACME_PATH, { body: ACME });
    const c = ctx();
    const drafts = (await fetchAll(c)).map((raw) => greenhouseSource.normalize(raw, c));
    expect(drafts).toHaveLength(3);
    for (const draft of drafts) expect(() => prepareJob(draft)).not.toThrow();
    expect(drafts[0]).toMatchObject({
      externalId: '4012345007',
      url: 'https://job-boards.greenhouse.io/acmerobotics/jobs/4012345007',
      title: 'Senior Backend Engineer, Fleet Platform',
      company: 'Acme Robotics',
      location: 'Remote - US',
      remote: 'remote',
      employmentType: 'full_time',
      salary: { min: 165000, max: 210000, currency: 'USD', period: 'year' },
      // first_published wins over updated_at.
      postedAt: '2025-05-12T13:00:41.000Z',
    });
    expect(drafts[1]).toMatchObject({
      externalId: '4023456007',
      location: 'Berlin, Germany',
      remote: 'hybrid',
      salary: null,
      postedAt: '2025-06-02T06:30:00.000Z',
    });
    expect(drafts[2]).toMatchObject({
      remote: 'onsite',
      employmentType: 'part_time',
      salary: { min: 28, max: 34, currency: 'USD', period: 'hour' },
    });
    expect(prepareJob(drafts[0]!).skills).toEqual(
      expect.arrayContaining(['Go', 'TypeScript', 'PostgreSQL', 'Kubernetes']),
    );
  });

  it('the company option overrides the payload, and a board URL is read as its token', () => {
    const c = ctx({ board: 'https://job-boards.greenhouse.io/acmerobotics', company: 'ACME' });
    expect(c.config.board).toBe('acmerobotics');
    expect(greenhouseSource.normalize(acmeJobs()[0], c).company).toBe('ACME');
    expect(
      greenhouseSource.configSchema.safeParse({ name: 'x', type: 'greenhouse', board: 'two words' })
        .success,
    ).toBe(false);
  });

  it('test() counts the jobs from the small list', async () => {
    server.route(ACME_PATH, {
      body: JSON.stringify({ jobs: [{ id: 1 }, { id: 2 }, { id: 3 }], meta: { total: 3 } }),
    });
    await expect(greenhouseSource.test(ctx())).resolves.toEqual({
      ok: true,
      message: 'Greenhouse board "acmerobotics" answered with 3 jobs',
      available: 3,
    });
    expect(server.seen.at(-1)?.path).toBe(ACME_PATH);
  });

  describe('HTTP failures', () => {
    describeHttpFailures(harness, {
      path: ACME_PATH,
      notFound: {
        body: '{"status":404,"error":"Job board not found"}',
        names: ['"acmerobotics"', 'spelling'],
        inTest: true,
      },
      truncated: '{"jobs": [',
      shapeless: '{"error": "nope"}',
      empty: { body: '{"jobs":[],"meta":{"total":0}}' },
    });
  });

  it('bytes that are not UTF-8 become replacement characters', async () => {
    server.route(ACME_PATH, { body: withInvalidUtf8(ACME, 'Senior Backend Engineer') });
    const c = ctx();
    const [first] = await fetchAll(c);
    const draft = greenhouseSource.normalize(first, c);
    expect(draft.title).toBe('\uFFFD\uFFFDSenior Backend Engineer, Fleet Platform');
    expect(() => prepareJob(draft)).not.toThrow();
  });

  it('a 10 MB description is refused by id; inline images are dropped first, so such a posting passes', async () => {
    const jobs = acmeJobs();
    jobs[1]!.content = '&lt;p&gt;' + 'We build robots. '.repeat(600_000) + '&lt;/p&gt;';
    jobs[2]!.content = `&lt;p&gt;&lt;img src=&quot;data:image/png;base64,${'A'.repeat(10_000_000)}&quot;&gt;Keep our fleet running.&lt;/p&gt;`;
    server.route(ACME_PATH, { body: JSON.stringify({ jobs, meta: { total: 3 } }) });
    const results = await fetchAndAttempt();
    expectRefused(
      results[1],
      /^greenhouse posting 4023456007: description is 10200019 characters, over the 1000000-character limit/,
    );
    const imaged = results[2] as JobInputDraft;
    expect(imaged.descriptionHtml.length).toBeLessThan(200);
    expect(prepareJob(imaged).descriptionText).toBe('Keep our fleet running.');
    expect(() => prepareJob(results[0] as JobInputDraft)).not.toThrow();
  });

  it('unreadable dates leave postedAt null; a missing first_published falls back to updated_at', () => {
    const [job] = acmeJobs();
    expect(
      greenhouseSource.normalize(
        { ...job, first_published: 'last Tuesday', updated_at: '2025-13-45T99:00:00Z' },
        ctx(),
      ).postedAt,
    ).toBeNull();
    expect(
      greenhouseSource.normalize({ ...job, first_published: null, updated_at: 'soon' }, ctx())
        .postedAt,
    ).toBeNull();
    expect(greenhouseSource.normalize({ ...job, first_published: undefined }, ctx()).postedAt).toBe(
      '2025-05-28T14:15:02.000Z',
    );
    const bare: Record<string, unknown> = { ...job, metadata: [{ id: 1, name: 'Workplace Type' }] };
    delete bare.first_published;
    delete bare.updated_at;
    expect(greenhouseSource.normalize(bare, ctx())).toMatchObject({
      postedAt: null,
      remote: 'remote',
    });
  });

  it('a posting without a title is refused by id while the rest normalize', () => {
    const all = acmeJobs();
    delete all[1]!.title;
    const results = all.map((job) => attempt(job));
    expectOnlyRefused(results, 1, 'greenhouse posting 4023456007', 'title');
  });

  it('without absolute_url the board page URL is built; odd pay ranges are skipped or put in order', () => {
    const [job] = acmeJobs();
    const draft = greenhouseSource.normalize(
      {
        ...job,
        absolute_url: null,
        pay_input_ranges: [
          { min_cents: 1, max_cents: 2, currency_type: 'dollars' },
          { min_cents: 9000000, max_cents: 7000000, currency_type: 'eur', title: 'Salary range' },
        ],
      },
      ctx(),
    );
    expect(draft.url).toBe('https://boards.greenhouse.io/acmerobotics/jobs/4012345007');
    expect(draft.salary).toEqual({ min: 70000, max: 90000, currency: 'EUR', period: 'year' });
  });

  it('declares its terms and needs no secret', () => {
    expect(greenhouseSource.terms.minPollMinutes).toBe(60);
    expect(greenhouseSource.terms.termsUrl).toBe('https://developers.greenhouse.io/job-board.html');
    expect(greenhouseSource.secretSchema.parse({})).toEqual({});
  });
});
