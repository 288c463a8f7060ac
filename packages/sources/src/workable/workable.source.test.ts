import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DomainError, prepareJob, type JobInputDraft } from '@applydesk/domain';
import { createHttpClient } from '../http/create-http-client.js';
import {
  fixture,
  startReplayServer,
  type ReplayServer,
  type Route,
} from '../test-support/replay-server.js';
import { workableSource } from './index.js';

const NOW = new Date('2025-06-05T07:00:00Z');
const WIDGET = fixture(import.meta.url, 'tessera_widget_details.json');
const PATH = '/api/v1/widget/accounts/tessera';

let server: ReplayServer;
beforeEach(async () => {
  server = await startReplayServer();
});
afterEach(async () => {
  await server.close();
});

function ctx(options: Record<string, unknown> = {}) {
  const config = workableSource.configSchema.parse({
    name: 'tessera',
    type: 'workable',
    account: 'tessera',
    baseUrl: server.url,
    ...options,
  });
  return {
    sourceId: 'workable:tessera',
    config,
    secrets: {},
    http: createHttpClient(),
    now: () => NOW,
  };
}

async function collect(pages: AsyncIterable<unknown[]>): Promise<unknown[]> {
  const out: unknown[] = [];
  for await (const page of pages) out.push(...page);
  return out;
}

async function failure(answer: Route): Promise<DomainError> {
  server.route(PATH, answer);
  try {
    await collect(workableSource.fetch(ctx()));
  } catch (error) {
    return error as DomainError;
  }
  throw new Error('expected the fetch to fail');
}

function attempt(raw: unknown, c = ctx()): JobInputDraft | DomainError {
  try {
    return workableSource.normalize(raw, c);
  } catch (error) {
    return error as DomainError;
  }
}

const widget = () => JSON.parse(WIDGET) as { name: string; jobs: Record<string, unknown>[] };

describe('workable source', () => {
  it('fetches the widget with details and maps every job', async () => {
    server.route(PATH, { body: WIDGET });
    const c = ctx();
    const raws = await collect(workableSource.fetch(c));
    expect(server.seen.map((r) => r.path)).toEqual([`${PATH}?details=true`]);
    expect(raws).toHaveLength(4);
    const drafts = raws.map((raw) => workableSource.normalize(raw, c));
    for (const draft of drafts) expect(() => prepareJob(draft)).not.toThrow();

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

  it('test() counts jobs from the list without details and names the account', async () => {
    server.route(PATH, { body: WIDGET });
    await expect(workableSource.test(ctx())).resolves.toEqual({
      ok: true,
      message: 'Workable account "tessera" (Tessera Health) answered with 4 jobs',
      available: 4,
    });
    expect(server.seen.at(-1)?.path).toBe(PATH);
    const missing = await workableSource.test(ctx({ account: 'tesera' }));
    expect(missing.ok).toBe(false);
    expect(missing.message).toContain('"tesera"');
    expect(missing.message).toContain('spelling');
  });

  it('429 with Retry-After is rate_limited with a retryAt', async () => {
    const error = await failure({ status: 429, headers: { 'retry-after': '120' }, body: '' });
    expect(error.details?.kind).toBe('rate_limited');
    expect(Date.parse(String(error.details?.retryAt)) - Date.now()).toBeGreaterThan(100_000);
  });

  it('500 is server; malformed JSON and a body without jobs are malformed', async () => {
    expect((await failure({ status: 500, body: 'oops' })).details?.kind).toBe('server');
    expect((await failure({ body: '{"name":"Tessera","jobs":[{' })).details?.kind).toBe(
      'malformed',
    );
    expect((await failure({ body: '{"name":"Tessera"}' })).details?.kind).toBe('malformed');
  });

  it('an account with no job is zero postings, not an error', async () => {
    server.route(PATH, { body: '{"name":"Tessera Health","description":null,"jobs":[]}' });
    expect(await collect(workableSource.fetch(ctx()))).toEqual([]);
  });

  it('bytes that are not UTF-8 become replacement characters', async () => {
    const at = WIDGET.indexOf('Senior Data Engineer');
    server.route(PATH, {
      body: Buffer.concat([
        Buffer.from(WIDGET.slice(0, at)),
        Buffer.from([0xff]),
        Buffer.from(WIDGET.slice(at)),
      ]),
    });
    const c = ctx();
    const [first] = await collect(workableSource.fetch(c));
    const draft = workableSource.normalize(first, c);
    expect(draft.title).toBe('\uFFFDSenior Data Engineer');
    expect(() => prepareJob(draft)).not.toThrow();
  });

  it('a 10 MB description is refused by id while the others normalize', async () => {
    const body = widget();
    body.jobs[1]!.description = `<p>${'Care for clinics. '.repeat(600_000)}</p>`;
    server.route(PATH, { body: JSON.stringify(body) });
    const c = ctx();
    const results = (await collect(workableSource.fetch(c))).map((raw) => attempt(raw, c));
    const refused = results[1] as DomainError;
    expect(refused.code).toBe('INVALID_INPUT');
    expect(refused.message).toMatch(
      /^workable posting 7B2D4F6A8C: description is 10800007 characters, over the 1000000-character limit/,
    );
    expect(results.filter((r) => !(r instanceof DomainError))).toHaveLength(3);
  });

  it('unreadable dates leave postedAt null; created_at stands in for a missing published_on', () => {
    const [job] = widget().jobs;
    expect(
      workableSource.normalize({ ...job, published_on: '30/05/2025', created_at: 'n/a' }, ctx())
        .postedAt,
    ).toBeNull();
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
    const refused = results[2] as DomainError;
    expect(refused.code).toBe('INVALID_INPUT');
    expect(refused.message).toContain('workable posting 9C1E3A5B7D');
    expect(refused.message).toContain('title');
    expect(results.filter((r) => !(r instanceof DomainError))).toHaveLength(3);
  });

  it('declares its terms and needs no secret', () => {
    expect(workableSource.terms.minPollMinutes).toBe(60);
    expect(workableSource.secretSchema.parse({})).toEqual({});
  });
});
