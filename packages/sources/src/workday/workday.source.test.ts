import { describe, expect, it } from 'vitest';
import { type DomainError, prepareJob, type JobInputDraft } from '@applydesk/domain';
import {
  adapterHarness,
  describeHttpFailures,
  expectOnlyRefused,
  expectRefused,
  expectReplacementCharacters,
  failureOf,
  fixture,
  type Route,
} from '../test-support/replay-server.js';
import {
  WorkdayConfig,
  parseWorkdayUrl,
  workdayDetailUrl,
  workdayJobsUrl,
  workdayPostedOn,
  workdaySource,
} from './index.js';

const NOW = new Date('2025-06-05T07:00:00Z');
const SITE_URL = 'https://globex.wd5.myworkdayjobs.com/en-US/Globex_Careers';
const LIST = fixture(import.meta.url, 'globex_jobs_offset0.json');
const REQS = ['R-104233', 'R-104250', 'R-104198', 'R-103877'] as const;
const DETAIL: Record<string, string> = Object.fromEntries(
  REQS.map((r) => [r, fixture(import.meta.url, `globex_job_${r}.json`)]),
);
const CXS = '/wday/cxs/globex/Globex_Careers';
const postings = () =>
  (JSON.parse(LIST) as { jobPostings: { externalPath: string; title: string }[] }).jobPostings;
const PATHS = postings().map((p) => p.externalPath);

const harness = adapterHarness(workdaySource, {
  config: { name: 'globex', url: SITE_URL },
  now: NOW,
});
const { server, ctx, fetchAll, attempt, fetchAndAttempt, draftsOf } = harness;

/** The recorded list and every detail, each detail (by requisition) overridable. */
function serveRecorded(details: Partial<Record<string, Route>> = {}) {
  server.route(`${CXS}/jobs`, { body: LIST });
  REQS.forEach((req, i) =>
    server.route(`${CXS}${PATHS[i]}`, details[req] ?? { body: DETAIL[req] }),
  );
}

const fetchError = () => failureOf(workdaySource.fetch(ctx()));

const detail = (req: string) =>
  JSON.parse(DETAIL[req]!) as { jobPostingInfo: Record<string, unknown> } & Record<string, unknown>;

describe('workday source', () => {
  it('posts for the list, reads every detail and maps it', async () => {
    serveRecorded();
    const c = ctx();
    const raws = await fetchAll(c);
    expect(server.seen.map((r) => `${r.method} ${r.path}`)).toEqual([
      `POST ${CXS}/jobs`,
      ...PATHS.map((p) => `GET ${CXS}${p}`),
    ]);
    expect(JSON.parse(server.seen[0]!.body)).toEqual({
      appliedFacets: {},
      limit: 20,
      offset: 0,
      searchText: '',
    });
    expect(server.seen[0]!.headers['content-type']).toBe('application/json');
    expect(raws).toHaveLength(4);
    const drafts = draftsOf(raws, c);

    expect(drafts[0]).toMatchObject({
      sourceType: 'workday',
      sourceId: 'workday:globex',
      externalId: '7d1a4b2c9e3f10017a5c2d8e4b6f0000',
      url: 'https://globex.wd5.myworkdayjobs.com/Globex_Careers/job/Chicago-IL/Senior-Software-Engineer--Payments_R-104233',
      title: 'Senior Software Engineer, Payments',
      company: 'Globex Corporation',
      location: 'Chicago, IL',
      remote: 'hybrid',
      employmentType: 'full_time',
      salary: null,
      postedAt: '2025-06-02T00:00:00.000Z',
      fetchedAt: '2025-06-05T07:00:00.000Z',
      descriptionText: '',
    });
    expect(drafts[1]).toMatchObject({
      location: 'London, United Kingdom; Manchester, United Kingdom',
      remote: 'unknown',
    });
    expect(drafts[2]).toMatchObject({
      remote: 'remote',
      employmentType: 'part_time',
      postedAt: '2025-05-28T00:00:00.000Z',
    });
    expect(drafts[3]).toMatchObject({ remote: 'onsite', postedAt: '2025-04-21T00:00:00.000Z' });
    expect(prepareJob(drafts[0]!).skills).toEqual(
      expect.arrayContaining(['Java', 'Kotlin', 'AWS']),
    );
  });

  it('derives the tenant, the site and both endpoints from the career site address', () => {
    expect(parseWorkdayUrl('https://acme.wd5.myworkdayjobs.com/en-US/External')).toEqual({
      origin: 'https://acme.wd5.myworkdayjobs.com',
      tenant: 'acme',
      site: 'External',
      siteUrl: 'https://acme.wd5.myworkdayjobs.com/en-US/External',
    });
    expect(
      parseWorkdayUrl('https://acme.wd1.myworkdayjobs.com/External/job/Berlin/Engineer_R-1'),
    ).toMatchObject({ tenant: 'acme', site: 'External' });
    expect(
      parseWorkdayUrl('https://wd3.myworkdaysite.com/en-US/recruiting/acme/External'),
    ).toMatchObject({
      origin: 'https://wd3.myworkdaysite.com',
      tenant: 'acme',
      site: 'External',
    });
    expect(
      parseWorkdayUrl('https://acme.wd5.myworkdayjobs.com/wday/cxs/acme/External/jobs'),
    ).toMatchObject({ tenant: 'acme', site: 'External' });
    for (const bad of [
      'https://example.com/careers',
      'https://acme.wd5.myworkdayjobs.com/',
      'https://acme.wd5.myworkdayjobs.com/en-US',
      'not a url',
    ]) {
      expect(parseWorkdayUrl(bad)).toBeNull();
    }
    const config = WorkdayConfig.parse({
      name: 'acme',
      type: 'workday',
      url: 'https://acme.wd5.myworkdayjobs.com/en-US/External',
    });
    expect(workdayJobsUrl(config)).toBe(
      'https://acme.wd5.myworkdayjobs.com/wday/cxs/acme/External/jobs',
    );
    expect(workdayDetailUrl(config, '/job/Berlin/Engineer_R-1')).toBe(
      'https://acme.wd5.myworkdayjobs.com/wday/cxs/acme/External/job/Berlin/Engineer_R-1',
    );
    const refused = workdaySource.configSchema.safeParse({
      name: 'acme',
      type: 'workday',
      url: 'https://careers.acme.com/jobs',
    });
    expect(refused.success).toBe(false);
    expect(JSON.stringify(refused.error?.issues)).toContain('myworkdayjobs.com');
  });

  it('pages by offset, keeping the first total (later pages say 0), until the list is done', async () => {
    const [template] = postings();
    const all = Array.from({ length: 45 }, (_, i) => ({
      ...template,
      externalPath: `/job/Chicago-IL/Engineer_R-2${String(i).padStart(4, '0')}`,
      title: `Engineer ${i}`,
    }));
    server.route(`${CXS}/jobs`, (req) => {
      const { offset, limit } = JSON.parse(req.body) as { offset: number; limit: number };
      return {
        body: JSON.stringify({
          total: offset === 0 ? all.length : 0,
          jobPostings: all.slice(offset, offset + limit),
        }),
      };
    });
    const body = detail(REQS[0]);
    for (const p of all) {
      server.route(`${CXS}${p.externalPath}`, {
        body: JSON.stringify({
          ...body,
          jobPostingInfo: {
            ...body.jobPostingInfo,
            id: p.externalPath,
            title: p.title,
            externalUrl: `https://globex.wd5.myworkdayjobs.com/Globex_Careers${p.externalPath}`,
          },
        }),
      });
    }
    const raws = await fetchAll();
    expect(
      server.seen
        .filter((r) => r.method === 'POST')
        .map((r) => (JSON.parse(r.body) as { offset: number }).offset),
    ).toEqual([0, 20, 40]);
    expect(raws).toHaveLength(45);
  });

  it('stops when a site ignores the offset instead of looping', async () => {
    const [template] = postings();
    const page = Array.from({ length: 20 }, (_, i) => ({
      ...template,
      externalPath: `/job/X/Y_R-${i}`,
    }));
    server.route(`${CXS}/jobs`, { body: JSON.stringify({ total: 100, jobPostings: page }) });
    for (const p of page) server.route(`${CXS}${p.externalPath}`, { body: DETAIL[REQS[0]] });
    expect(await fetchAll()).toHaveLength(20);
    expect(server.seen.filter((r) => r.method === 'POST')).toHaveLength(2);
  });

  it('a detail that fails yields the list item, refused by requisition in normalize; a detail gone (404) drops the posting', async () => {
    serveRecorded({ 'R-104250': { status: 500, body: '' }, 'R-104198': { status: 404, body: '' } });
    const c = ctx();
    const raws = await fetchAll(c);
    expect(raws).toHaveLength(3);
    const results = raws.map((raw) => attempt(raw, c));
    expect(expectRefused(results[1]).message).toBe(
      'workday posting R-104250: "Data Analyst" has no job details: its detail could not be read this run (it is tried again on the next)',
    );
    expect((results[2] as JobInputDraft).title).toBe('Warehouse Associate');
  });

  it('a detail answering 429 stops the source as rate_limited; all details failing fails the source', async () => {
    serveRecorded({ 'R-104198': { status: 429, headers: { 'retry-after': '60' }, body: '' } });
    expect((await fetchError()).details?.kind).toBe('rate_limited');

    serveRecorded(Object.fromEntries(REQS.map((r) => [r, { body: '{"error": "no"}' }])));
    const broken = await fetchError();
    expect(broken.details?.kind).toBe('malformed');
    expect(broken.message).toMatch(/^all 4 Workday job details failed/);
  });

  it('test() asks for one posting and reports the total', async () => {
    server.route(`${CXS}/jobs`, { body: LIST });
    await expect(workdaySource.test(ctx())).resolves.toEqual({
      ok: true,
      message: 'Workday career site "Globex_Careers" of "globex" answered with 4 jobs',
      available: 4,
    });
    expect(JSON.parse(server.seen.at(-1)!.body)).toMatchObject({ limit: 1, offset: 0 });
  });

  describe('HTTP failures', () => {
    describeHttpFailures(harness, {
      path: `${CXS}/jobs`,
      notFound: { names: ['"Globex_Careers"', 'check the address'], inTest: true },
      truncated: '{"total": 3, "jobPostings": [',
      shapeless: '{"total": 3}',
    });
  });

  it('a site with no posting is zero postings and no detail request', async () => {
    server.route(`${CXS}/jobs`, { body: '{"total":0,"jobPostings":[],"facets":[]}' });
    expect(await fetchAll()).toEqual([]);
    server.route(`${CXS}/jobs`, { body: '{"total":0,"facets":[]}' });
    expect(await fetchAll()).toEqual([]);
    expect(server.seen.every((r) => r.method === 'POST')).toBe(true);
  });

  it('bytes that are not UTF-8 in a detail become replacement characters', () =>
    expectReplacementCharacters(harness, {
      text: DETAIL['R-104233']!,
      before: 'Senior Software Engineer, Payments"',
      bytes: [0xff],
      serve: (body) => serveRecorded({ 'R-104233': { body } }),
      title: '\uFFFDSenior Software Engineer, Payments',
    }));

  it('a 10 MB description is refused by id while the others normalize', async () => {
    const big = detail('R-103877');
    big.jobPostingInfo.jobDescription = `<p>${'Pack terminals. '.repeat(700_000)}</p>`;
    serveRecorded({ 'R-103877': { body: JSON.stringify(big) } });
    const results = await fetchAndAttempt();
    expectOnlyRefused(
      results,
      3,
      /^workday posting 7d1a4b2c9e3f10017a5c2d8e4b6f0003: description is \d+ characters, over the 1000000-character limit/,
    );
  });

  it('an unreadable startDate falls back to the "Posted N Days Ago" label, which dates to the day or not at all', () => {
    const job = detail('R-104233');
    const postedAt = (startDate: unknown, postedOn: string) =>
      workdaySource.normalize(
        { ...job, jobPostingInfo: { ...job.jobPostingInfo, startDate, postedOn } },
        ctx(),
      ).postedAt;
    expect(postedAt('06/02/2025', 'Posted 3 Days Ago')).toBe('2025-06-02T00:00:00.000Z');
    expect(postedAt(undefined, 'Posted Today')).toBe('2025-06-05T00:00:00.000Z');
    expect(postedAt(null, 'Posted Yesterday')).toBe('2025-06-04T00:00:00.000Z');
    expect(postedAt('soon', 'Posted 30+ Days Ago')).toBeNull();
    expect(postedAt(20250602, 'a while back')).toBeNull();
    expect(workdayPostedOn('Posted 1 Day Ago', NOW)).toBe('2025-06-04T00:00:00.000Z');
  });

  it('a job without a title is refused by id while the rest normalize', () => {
    const all = REQS.map((r) => detail(r));
    delete all[2]!.jobPostingInfo.title;
    const results = all.map((d) => attempt(d));
    expectOnlyRefused(results, 2, 'workday posting 7d1a4b2c9e3f10017a5c2d8e4b6f0002', 'title');
  });

  it('the company option wins; without a hiring organization the tenant stands in', () => {
    const job = detail('R-104233');
    expect(workdaySource.normalize(job, ctx({ company: 'Globex' })).company).toBe('Globex');
    expect(workdaySource.normalize({ ...job, hiringOrganization: null }, ctx()).company).toBe(
      'globex',
    );
    const noLink = attempt({
      ...job,
      jobPostingInfo: { ...job.jobPostingInfo, externalUrl: null },
    });
    expect((noLink as DomainError).message).toContain('no externalUrl');
  });

  it('declares its terms and needs no secret', () => {
    expect(workdaySource.terms.minPollMinutes).toBe(60);
    expect(workdaySource.terms.termsUrl).toBeNull();
    expect(workdaySource.secretSchema.parse({})).toEqual({});
  });
});
