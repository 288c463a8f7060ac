import { describe, expect, it } from 'vitest';
import { prepareJob } from '@applydesk/domain';
import { adapterHarness, describeHttpFailures, fixture } from '../test-support/replay-server.js';
import { joobleSource } from './index.js';

const NOW = new Date('2025-11-20T12:00:00Z');
const KEY = '6d96e8bd-7aff-45e2-9e8c-000000000000';
const SECRETS = { JOOBLE_API_KEY: KEY };
const PATH = `/api/${KEY}`;

const harness = adapterHarness(joobleSource, {
  config: { name: 'ch', query: 'python developer', location: 'Bern' },
  secrets: SECRETS,
  now: NOW,
  server: 'file',
});
const { server, ctx, fetchPages, normalizeAll } = harness;

describe('jooble source', () => {
  it('posts the search to /api/<key> with a JSON body', async () => {
    server.route(PATH, { body: fixture(import.meta.url, 'search-page1.json') });
    await fetchPages();
    expect(server.seen).toHaveLength(1);
    expect(server.seen[0]).toMatchObject({ method: 'POST', path: PATH });
    expect(server.seen[0]!.headers['content-type']).toBe('application/json');
    expect(JSON.parse(server.seen[0]!.body)).toEqual({
      keywords: 'python developer',
      location: 'Bern',
      page: '1',
    });
  });

  it('maps jobs field by field and keeps 64-bit ids exact', async () => {
    server.route(PATH, { body: fixture(import.meta.url, 'search-page1.json') });
    const c = ctx();
    const [page] = await fetchPages(c);
    expect(page).toHaveLength(4);
    const { drafts, errors } = normalizeAll(page!, c);
    expect(drafts.map((d) => d.externalId)).toEqual([
      '-6474318389232587183',
      '6474318389232587184',
      '1234567890123456789',
    ]);
    const [python, node, student] = drafts;
    expect(python).toEqual({
      sourceType: 'jooble',
      sourceId: 'jooble:ch',
      externalId: '-6474318389232587183',
      url: expect.stringMatching(/^https:\/\/jooble\.org\/desc\/-6474318389232587183\?/) as string,
      title: 'Senior Python Developer (Django)',
      company: 'Alpenbahn Data AG',
      location: 'Bern',
      remote: 'unknown',
      employmentType: 'full_time',
      salary: null,
      descriptionHtml: expect.stringContaining(
        '<p>Salary: CHF 110,000 - 130,000 per year</p>',
      ) as string,
      descriptionText: '',
      postedAt: '2025-11-18T00:00:00.000Z',
      fetchedAt: '2025-11-20T12:00:00.000Z',
      raw: page![0],
    });
    expect(node).toMatchObject({
      company: 'Unknown company',
      remote: 'remote',
      employmentType: 'contract',
      postedAt: '2025-11-19T14:03:27.497Z',
    });
    expect(student).toMatchObject({
      employmentType: 'part_time',
      postedAt: null,
      location: 'Zürich',
    });
    for (const draft of drafts) expect(() => prepareJob(draft)).not.toThrow();
    const prepared = prepareJob(python!);
    expect(prepared.descriptionText).toContain('Python developer to extend');
    expect(prepared.descriptionText).toContain('Salary: CHF 110,000 - 130,000 per year');

    expect(errors).toHaveLength(1);
    expect(errors[0]!.code).toBe('INVALID_INPUT');
    expect(errors[0]!.message).toContain('1234567890123456790');
    expect(errors[0]!.message).toContain('link');
  });

  it('pages until totalCount is reached, an empty page, or maxPages', async () => {
    const job = (id: number) => ({
      id,
      title: `Job ${id}`,
      link: `https://jooble.org/desc/${id}`,
      company: 'Acme',
    });
    server.route(PATH, (req) => {
      const page = (JSON.parse(req.body) as { page: string }).page;
      const jobs = page === '1' ? [job(1), job(2)] : page === '2' ? [job(3)] : [];
      return { body: JSON.stringify({ totalCount: 3, jobs }) };
    });
    expect((await fetchPages()).map((p) => p.length)).toEqual([2, 1]);
    expect(server.seen.map((s) => (JSON.parse(s.body) as { page: string }).page)).toEqual([
      '1',
      '2',
    ]);
    server.seen.length = 0;
    expect((await fetchPages(ctx({ maxPages: 1 }))).map((p) => p.length)).toEqual([2]);
    expect(server.seen).toHaveLength(1);
  });

  it('yields nothing for an empty search and counts in test()', async () => {
    server.route(PATH, { body: '{"totalCount":0,"jobs":[]}' });
    expect(await fetchPages()).toEqual([]);
    server.route(PATH, { body: fixture(import.meta.url, 'search-page1.json') });
    expect(await joobleSource.test(ctx())).toMatchObject({ ok: true, available: 4 });
  });

  describe('HTTP failures', () => {
    describeHttpFailures(harness, {
      path: PATH,
      refused: { statuses: [401, 403], body: 'Access denied', names: ['JOOBLE_API_KEY'] },
      rateLimited: { retryAfter: 30 },
      truncated: '<html>maintenance</html>',
      shapeless: '[1, 2]',
      secrets: [KEY],
    });
  });

  it('reads Jooble dates as UTC and refuses impossible ones', () => {
    const postedAt = (updated: unknown) =>
      joobleSource.normalize(
        { id: 1, title: 'Engineer', link: 'https://jooble.org/desc/1', updated },
        ctx(),
      ).postedAt;
    expect(postedAt('2025-11-18T08:30:00.1234567')).toBe('2025-11-18T08:30:00.123Z');
    expect(postedAt('2025-11-18')).toBe('2025-11-18T00:00:00.000Z');
    expect(postedAt('2025-11-18T08:30:00+02:00')).toBe('2025-11-18T06:30:00.000Z');
    expect(postedAt('2025-02-31T00:00:00.0000000')).toBeNull();
    expect(postedAt('soon')).toBeNull();
    expect(postedAt(null)).toBeNull();
    // Words the domain's parseDate knows are read against the run time.
    expect(postedAt('yesterday')).toBe('2025-11-19T12:00:00.000Z');
  });
});
