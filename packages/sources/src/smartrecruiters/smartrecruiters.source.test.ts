import { describe, expect, it } from 'vitest';
import { prepareJob, type JobInputDraft } from '@applydesk/domain';
import {
  adapterHarness,
  describeHttpFailures,
  expectFailedTest,
  expectOnlyRefused,
  expectRefused,
  expectReplacementCharacters,
  failureOf,
  fixture,
  type Route,
} from '../test-support/replay-server.js';
import { smartRecruitersSource } from './index.js';

const NOW = new Date('2025-06-05T07:00:00Z');
const LIST = fixture(import.meta.url, 'orbitalis_postings_offset0.json');
const IDS = ['744000061234501', '744000061234502', '744000061234503', '744000061234504'] as const;
const DETAIL: Record<string, string> = Object.fromEntries(
  IDS.map((id) => [id, fixture(import.meta.url, `orbitalis_posting_${id}.json`)]),
);
const PATH = '/v1/companies/Orbitalis/postings';

const harness = adapterHarness(smartRecruitersSource, {
  config: { name: 'orbitalis', company: 'Orbitalis' },
  now: NOW,
});
const { server, ctx, fetchAll, attempt, fetchAndAttempt, draftsOf } = harness;

/** The recorded list and every detail, each detail overridable. */
function serveRecorded(details: Partial<Record<string, Route>> = {}) {
  server.route(PATH, { body: LIST });
  for (const id of IDS) server.route(`${PATH}/${id}`, details[id] ?? { body: DETAIL[id] });
}

const fetchError = () => failureOf(smartRecruitersSource.fetch(ctx()));

const detail = (id: string) => JSON.parse(DETAIL[id]!) as Record<string, unknown>;

describe('smartrecruiters source', () => {
  it('lists, reads every detail and maps the job ad', async () => {
    serveRecorded();
    const c = ctx();
    const raws = await fetchAll(c);
    expect(server.seen.map((r) => r.path)).toEqual([
      `${PATH}?offset=0&limit=100`,
      ...IDS.map((id) => `${PATH}/${id}`),
    ]);
    expect(raws).toHaveLength(4);
    const drafts = draftsOf(raws, c);

    expect(drafts[0]).toMatchObject({
      sourceType: 'smartrecruiters',
      sourceId: 'smartrecruiters:orbitalis',
      externalId: '744000061234501',
      url: 'https://jobs.smartrecruiters.com/Orbitalis/744000061234501-senior-site-reliability-engineer',
      title: 'Senior Site Reliability Engineer',
      company: 'Orbitalis Space Systems',
      location: 'Warsaw, Masovian Voivodeship, Poland',
      remote: 'hybrid',
      employmentType: 'full_time',
      salary: null,
      postedAt: '2025-05-26T11:32:07.145Z',
      fetchedAt: '2025-06-05T07:00:00.000Z',
      descriptionText: '',
    });
    expect(drafts[0]!.descriptionHtml).toMatch(
      /^<h3>Company Description<\/h3><p>Orbitalis builds.*<h3>Job Description<\/h3>.*<h3>Qualifications<\/h3>.*<h3>Additional Information<\/h3>/,
    );
    expect(drafts[1]).toMatchObject({ externalId: '744000061234502', remote: 'remote' });
    expect(drafts[2]).toMatchObject({
      remote: 'onsite',
      employmentType: 'part_time',
      location: 'Kraków, Poland',
    });
    // No `hybrid` key: remote false alone does not say on-site. No fullLocation: the parts.
    expect(drafts[3]).toMatchObject({
      remote: 'unknown',
      employmentType: 'internship',
      location: 'Toulouse, Occitanie, FR',
    });
    expect(drafts[3]!.descriptionHtml).not.toContain('Qualifications');
    expect(prepareJob(drafts[0]!).skills).toEqual(
      expect.arrayContaining(['Kubernetes', 'Terraform', 'AWS']),
    );
  });

  it('pages by offset until totalFound', async () => {
    const [template] = (JSON.parse(LIST) as { content: Record<string, unknown>[] }).content;
    const all = Array.from({ length: 230 }, (_, i) => ({
      ...template,
      id: String(900000000000000 + i),
      name: `Engineer ${i}`,
    }));
    server.route(PATH, (req) => {
      const q = new URL(req.path, 'http://x').searchParams;
      const offset = Number(q.get('offset'));
      const limit = Number(q.get('limit'));
      return {
        body: JSON.stringify({
          offset,
          limit,
          totalFound: all.length,
          content: all.slice(offset, offset + limit),
        }),
      };
    });
    const body = detail(IDS[0]);
    for (const item of all)
      server.route(`${PATH}/${item.id}`, {
        body: JSON.stringify({ ...body, id: item.id, name: item.name }),
      });
    const c = ctx();
    const raws = await fetchAll(c);
    expect(server.seen.filter((r) => r.path.includes('?')).map((r) => r.path)).toEqual([
      `${PATH}?offset=0&limit=100`,
      `${PATH}?offset=100&limit=100`,
      `${PATH}?offset=200&limit=100`,
    ]);
    expect(raws).toHaveLength(230);
    expect(smartRecruitersSource.normalize(raws[229], c)).toMatchObject({
      externalId: '900000000000229',
      title: 'Engineer 229',
    });
  });

  it('a detail that fails yields the list item, refused by id in normalize; a detail gone (404) drops the posting', async () => {
    serveRecorded({ [IDS[1]]: { status: 500, body: 'oops' }, [IDS[2]]: { status: 404, body: '' } });
    const c = ctx();
    const raws = await fetchAll(c);
    expect(raws).toHaveLength(3);
    const results = raws.map((raw) => attempt(raw, c));
    expect(expectRefused(results[1]).message).toBe(
      'smartrecruiters posting 744000061234502: "Account Executive, Nordics" has no job ad: its detail could not be read this run (it is tried again on the next)',
    );
    expect((results[0] as JobInputDraft).externalId).toBe('744000061234501');
    expect((results[2] as JobInputDraft).externalId).toBe('744000061234504');
  });

  it('a detail answering 429 stops the source as rate_limited; all details failing fails the source', async () => {
    serveRecorded({ [IDS[2]]: { status: 429, headers: { 'retry-after': '300' }, body: '' } });
    const limited = await fetchError();
    expect(limited.details?.kind).toBe('rate_limited');
    expect(limited.details?.retryAt).toEqual(expect.any(String));

    serveRecorded(Object.fromEntries(IDS.map((id) => [id, { status: 502, body: '' }])));
    const broken = await fetchError();
    expect(broken.details?.kind).toBe('server');
    expect(broken.message).toMatch(/^all 4 SmartRecruiters posting details failed/);
  });

  it('test() reads totalFound from a one-posting page; no posting or a 404 says to check the identifier', async () => {
    server.route(PATH, { body: LIST });
    await expect(smartRecruitersSource.test(ctx())).resolves.toEqual({
      ok: true,
      message: 'SmartRecruiters company "Orbitalis" answered with 4 postings',
      available: 4,
    });
    expect(server.seen.at(-1)?.path).toBe(`${PATH}?offset=0&limit=1`);

    server.route('/v1/companies/Orbitalys/postings', {
      body: '{"offset":0,"limit":1,"totalFound":0,"content":[]}',
    });
    const none = await smartRecruitersSource.test(ctx({ company: 'Orbitalys' }));
    expect(none).toMatchObject({ ok: true, available: 0 });
    expect(none.message).toContain('"Orbitalys"');
    expect(none.message).toContain('spelling');

    expectFailedTest(
      await smartRecruitersSource.test(
        ctx({ company: 'https://careers.smartrecruiters.com/Orbitalix' }),
      ),
      '"Orbitalix"',
      'spelling',
    );
  });

  describe('HTTP failures', () => {
    describeHttpFailures(harness, {
      path: PATH,
      notFound: { body: '{"message":"not found"}', names: ['"Orbitalis"', 'spelling'] },
      truncated: '{"totalFound": 3, "content": [',
      shapeless: '{"message": "nope"}',
    });
  });

  it('a company with no posting is zero postings and no detail request', async () => {
    server.route(PATH, { body: '{"offset":0,"limit":100,"totalFound":0,"content":[]}' });
    expect(await fetchAll()).toEqual([]);
    expect(server.seen).toHaveLength(1);
  });

  it('bytes that are not UTF-8 in a detail become replacement characters', () =>
    expectReplacementCharacters(harness, {
      text: DETAIL[IDS[0]]!,
      before: 'Senior Site Reliability Engineer"',
      bytes: [0xff, 0xff],
      serve: (body) => serveRecorded({ [IDS[0]]: { body } }),
      title: '\uFFFD\uFFFDSenior Site Reliability Engineer',
    }));

  it('a 10 MB job ad is refused by id while the others normalize', async () => {
    const big = detail(IDS[3]);
    big.jobAd = {
      sections: {
        jobDescription: {
          title: 'Job Description',
          text: `<p>${'Plan passes. '.repeat(800_000)}</p>`,
        },
      },
    };
    serveRecorded({ [IDS[3]]: { body: JSON.stringify(big) } });
    const results = await fetchAndAttempt();
    expectOnlyRefused(
      results,
      3,
      /^smartrecruiters posting 744000061234504: description is \d+ characters, over the 1000000-character limit/,
    );
  });

  it('an unreadable releasedDate leaves postedAt null', () => {
    const posting = detail(IDS[0]);
    for (const releasedDate of ['06.05.2025', 'never', null]) {
      expect(
        smartRecruitersSource.normalize({ ...posting, releasedDate }, ctx()).postedAt,
      ).toBeNull();
    }
    // Unambiguous dates and epoch milliseconds are read by the domain's parseDate.
    const read = (releasedDate: unknown) =>
      smartRecruitersSource.normalize({ ...posting, releasedDate }, ctx()).postedAt;
    expect(read('26.05.2025')).toBe('2025-05-26T00:00:00.000Z');
    expect(read(1748259127145)).toBe('2025-05-26T11:32:07.145Z');
    delete posting.releasedDate;
    expect(smartRecruitersSource.normalize(posting, ctx()).postedAt).toBeNull();
  });

  it('a posting without a title is refused by id while the rest normalize', () => {
    const all = IDS.map((id) => detail(id));
    delete all[0]!.name;
    const results = all.map((p) => attempt(p));
    expectOnlyRefused(results, 0, 'smartrecruiters posting 744000061234501', 'title');
  });

  it('without postingUrl the careers page URL is built from the identifier', () => {
    const posting = detail(IDS[1]);
    expect(smartRecruitersSource.normalize({ ...posting, postingUrl: undefined }, ctx()).url).toBe(
      'https://jobs.smartrecruiters.com/Orbitalis/744000061234502',
    );
  });

  it('declares its terms and needs no secret', () => {
    expect(smartRecruitersSource.terms.minPollMinutes).toBe(60);
    expect(smartRecruitersSource.secretSchema.parse({})).toEqual({});
  });
});
