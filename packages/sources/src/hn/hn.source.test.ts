import { describe, expect, it } from 'vitest';
import { DomainError, prepareJob, type JobInputDraft } from '@applydesk/domain';
import {
  adapterHarness,
  describeHttpFailures,
  expectFailedTest,
  expectOnlyRefused,
  fixture,
} from '../test-support/replay-server.js';
import { hnSource } from './index.js';

const NOW = new Date('2025-12-02T09:00:00Z');
const STORIES =
  '/api/v1/search_by_date?tags=story,author_whoishiring&query=who%20is%20hiring&hitsPerPage=20';
const DEC = '/api/v1/search?tags=comment,story_46108941&hitsPerPage=1000&page=0';
const JUNE = '/api/v1/search?tags=comment,story_44159528&hitsPerPage=1000&page=0';

const harness = adapterHarness(hnSource, {
  config: { name: 'hn' },
  now: NOW,
});
const { server, ctx, fetchPages, attempt } = harness;

function recordThreads() {
  server.route(STORIES, { body: fixture(import.meta.url, 'algolia_whoishiring_stories.json') });
  server.route(DEC, { body: fixture(import.meta.url, 'algolia_comments_story_46108941.json') });
  server.route(JUNE, { body: fixture(import.meta.url, 'algolia_comments_story_44159528.json') });
}

const byId = (drafts: JobInputDraft[], id: string) => drafts.find((d) => d.externalId === id)!;

describe('hn source: fetch', () => {
  it('reads the latest "Who is hiring" thread: top-level job comments only', async () => {
    recordThreads();
    const c = ctx();
    const pages = await fetchPages(c);
    expect(server.seen.map((r) => r.path)).toEqual([STORIES, DEC]);
    const ids = pages.flat().map((hit) => (hit as { objectID: string }).objectID);
    // The reply (46109322) and the "Great thread!" comment (46112003) are not postings.
    expect(ids).toEqual(['46108947', '46108949', '46110204', '46111537']);
  });

  it('reads as many monthly threads as `months` asks, newest first, skipping the other whoishiring threads', async () => {
    recordThreads();
    const pages = await fetchPages(ctx({ months: 2 }));
    expect(server.seen.map((r) => r.path)).toEqual([STORIES, DEC, JUNE]);
    expect(pages).toHaveLength(2);
    expect(pages[1]!.map((hit) => (hit as { objectID: string }).objectID)).toEqual([
      '44159532',
      '44159535',
      '44159539',
      '44159548',
      '44159626',
    ]);
  });

  it('follows Algolia pages of a thread until the last', async () => {
    recordThreads();
    const dec = JSON.parse(fixture(import.meta.url, 'algolia_comments_story_46108941.json')) as {
      hits: unknown[];
    };
    const hits = dec.hits;
    server.route(DEC, {
      body: JSON.stringify({ ...dec, hits: hits.slice(0, 2), nbPages: 2, page: 0 }),
    });
    server.route(DEC.replace('page=0', 'page=1'), {
      body: JSON.stringify({ ...dec, hits: hits.slice(2), nbPages: 2, page: 1 }),
    });
    const pages = await fetchPages();
    expect(server.seen.map((r) => r.path)).toEqual([STORIES, DEC, DEC.replace('page=0', 'page=1')]);
    expect(pages.flat()).toHaveLength(4);
  });

  it('normalizes every posting, and each one passes prepareJob', async () => {
    recordThreads();
    const c = ctx({ months: 2 });
    const drafts = (await fetchPages(c)).flat().map((raw) => hnSource.normalize(raw, c));
    expect(drafts).toHaveLength(9);
    for (const draft of drafts) expect(() => prepareJob(draft)).not.toThrow();

    expect(byId(drafts, '44159535')).toMatchObject({
      sourceType: 'hn',
      sourceId: 'hn:hn',
      externalId: '44159535',
      // Neither neonhealth.com nor the dub.sh short link is a careers page: the HN item it is.
      url: 'https://news.ycombinator.com/item?id=44159535',
      canonicalUrl: 'https://news.ycombinator.com/item?id=44159535',
      title: 'Founding Sr Backend Engineer',
      company: 'Neon Health',
      location: 'SF; Remote (North America)',
      remote: 'remote',
      employmentType: 'full_time',
      seniority: 'senior',
      salary: { min: 170000, max: 225000, currency: 'USD', period: 'year' },
      postedAt: '2025-06-02T15:01:40.000Z',
      fetchedAt: NOW.toISOString(),
    });
    expect(byId(drafts, '46111537')).toMatchObject({
      url: 'https://careers.tryhackme.com/jobs/6527370-growth-engineer',
      title: 'Growth Engineer',
      company: 'TryHackMe',
      location: 'Remote (UK, EU)',
      remote: 'remote',
      salary: { min: 60000, max: 100000, currency: 'EUR', period: 'year' },
    });
    expect(byId(drafts, '46108947')).toMatchObject({
      company: 'Tendavo',
      location: 'Stockholm',
      remote: 'hybrid',
      salary: null,
      url: 'https://news.ycombinator.com/item?id=46108947',
    });
    expect(byId(drafts, '46108949')).toMatchObject({
      company: 'Klara',
      title: 'OpenZFS Developer',
      employmentType: 'contract',
      url: 'https://klarasystems.com/careers/openzfs-developer/',
    });
    expect(byId(drafts, '44159539')).toMatchObject({
      company: 'SmarterDx',
      title:
        'Staff and Senior SWEs / ML Engineers / Engineering Manager / Analytics Engineers / Senior Security Engineer',
      url: 'https://smarterdx.com/careers',
      salary: { min: 150000, max: 250000, currency: 'USD', period: 'year' },
    });
    expect(byId(drafts, '44159626')).toMatchObject({
      company: 'Galaxy',
      location: 'NYC, NY',
      remote: 'unknown',
    });

    const neon = prepareJob(byId(drafts, '44159535'));
    expect(neon.descriptionText).toContain('Neon Health | Founding Sr Backend Engineer');
    expect(neon.descriptionHtml).toContain('href="https://news.ycombinator.com/item?id=44159535"');
    expect(neon.descriptionText).toContain('Posted on Hacker News by stedman');
  });

  it('yields nothing for a thread without comments', async () => {
    server.route(STORIES, { body: fixture(import.meta.url, 'algolia_whoishiring_stories.json') });
    server.route(DEC, {
      body: JSON.stringify({ hits: [], nbHits: 0, nbPages: 0, page: 0, hitsPerPage: 1000 }),
    });
    expect((await fetchPages()).flat()).toHaveLength(0);
  });

  it('yields nothing when no "Who is hiring" thread is found', async () => {
    server.route(STORIES, { body: JSON.stringify({ hits: [], nbHits: 0, nbPages: 0, page: 0 }) });
    expect(await fetchPages()).toEqual([]);
    expect(server.seen).toHaveLength(1);
  });
});

describe('hn source: failures', () => {
  describeHttpFailures(harness, {
    path: STORIES,
    rateLimited: { body: '{}' },
    truncated: '{"hits": [',
    shapeless: '{"message": "hello"}',
  });

  it('test() says ok with the latest thread, or why not', async () => {
    server.route(STORIES, { body: fixture(import.meta.url, 'algolia_whoishiring_stories.json') });
    await expect(hnSource.test(ctx())).resolves.toEqual({
      ok: true,
      message: 'latest thread: Ask HN: Who is hiring? (December 2025) (402 comments)',
    });
    server.route(STORIES, { status: 500, body: 'down' });
    expectFailedTest(await hnSource.test(ctx()), 'HTTP 500');
  });
});

describe('hn source: normalize', () => {
  const hits = () =>
    (
      JSON.parse(fixture(import.meta.url, 'algolia_comments_story_46108941.json')) as {
        hits: Record<string, unknown>[];
      }
    ).hits;

  it('a bad date leaves postedAt null', () => {
    const hit = { ...hits()[0]!, created_at: 'not a date', created_at_i: null };
    expect(hnSource.normalize(hit, ctx()).postedAt).toBeNull();
  });

  it('a posting without a role is refused by name, the rest still normalize', () => {
    const all = hits()
      .filter((h) => h.parent_id === 46108941)
      .slice(0, 4);
    all[1] = { ...all[1]!, comment_text: 'Klara Systems | REMOTE | Full-time Contract' };
    const results = all.map((hit) => attempt(hit));
    expectOnlyRefused(results, 1, '46108949', 'names no role');
  });

  it('a deleted comment or one that is not a job is refused by name', () => {
    const [first] = hits();
    expect(() => hnSource.normalize({ ...first, comment_text: null }, ctx())).toThrow(
      /hn comment 46108947: has no text/,
    );
    expect(() => hnSource.normalize({ ...first, comment_text: 'Great thread!' }, ctx())).toThrow(
      /is not a job post/,
    );
    expect(() => hnSource.normalize({ comment_text: 'x' }, ctx())).toThrow(DomainError);
  });
});
