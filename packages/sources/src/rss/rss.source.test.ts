import { describe, expect, it } from 'vitest';
import { prepareJob, type DomainError } from '@applydesk/domain';
import { failureKind } from '../http/http-client.js';
import {
  adapterHarness,
  describeHttpFailures,
  failureOf,
  fixture,
} from '../test-support/replay-server.js';
import { parseFeed, splitJobTitle } from './feed.js';
import { RssConfig, rssSource } from './index.js';

const NOW = new Date('2025-11-20T12:00:00Z');

const harness = adapterHarness(rssSource, {
  config: { name: 'feed' },
  now: NOW,
  server: 'file',
});
const { server } = harness;

const xml = (name: string) => ({
  headers: { 'content-type': 'application/rss+xml; charset=utf-8' },
  body: fixture(import.meta.url, name),
});

const ctx = (url: string, overrides: Record<string, unknown> = {}) =>
  harness.ctx({ url, ...overrides });

async function run(name: string, url: string, overrides: Record<string, unknown> = {}) {
  server.route(new URL(url).pathname, xml(name));
  const c = ctx(url, overrides);
  const raws = await harness.fetchAll(c);
  const { drafts, errors } = harness.normalizeAll(raws, c);
  for (const draft of drafts) expect(() => prepareJob(draft)).not.toThrow();
  return { raws, drafts, errors };
}

describe('rss source', () => {
  it('reads a We Work Remotely feed: "Company: Title", region, type, skills', async () => {
    const url = 'https://weworkremotely.com/categories/remote-programming-jobs.rss';
    const { raws, drafts, errors } = await run('weworkremotely.xml', url);
    expect(server.seen[0]!.path).toBe('/categories/remote-programming-jobs.rss');
    expect(server.seen[0]!.headers.accept).toContain('application/rss+xml');
    expect(errors).toEqual([]);
    expect(drafts[0]).toEqual({
      sourceType: 'rss',
      sourceId: 'rss:feed',
      externalId: 'https://weworkremotely.com/remote-jobs/lantern-labs-senior-rails-engineer',
      url: 'https://weworkremotely.com/remote-jobs/lantern-labs-senior-rails-engineer',
      title: 'Senior Rails Engineer',
      company: 'Lantern Labs',
      location: 'Anywhere in the World',
      remote: 'remote',
      employmentType: 'full_time',
      descriptionHtml: expect.stringContaining(
        '<p><strong>Headquarters:</strong> Berlin, Germany <br />',
      ) as string,
      descriptionText: '',
      skills: ['Ruby', 'Ruby on Rails', 'PostgreSQL'],
      postedAt: '2025-11-19T15:46:29.000Z',
      fetchedAt: '2025-11-20T12:00:00.000Z',
      expiresAt: '2025-12-19T15:46:29.000Z',
      raw: raws[0],
    });
    expect((raws[0] as { item: { title: string } }).item.title).toBe(
      'Lantern Labs: Senior Rails Engineer',
    );
    expect(prepareJob(drafts[0]!).descriptionText).toContain(
      '40,000 small shops & their bookkeepers',
    );
    expect(drafts[1]).toMatchObject({
      title: 'Contract Frontend Developer (Vue)',
      company: 'Quiet Harbor',
      location: 'USA Only',
      remote: 'unknown',
      employmentType: 'contract',
      expiresAt: null,
    });
    // A remote-only board can say so for every posting.
    const declared = await run('weworkremotely.xml', url, { remote: 'remote' });
    expect(declared.drafts[1]!.remote).toBe('remote');
  });

  it('reads an Atom feed: relative links, html/xhtml/text content, author, categories', async () => {
    const url = 'https://fjord.example/jobs/feed.atom';
    const { drafts, errors } = await run('atom.xml', url);
    expect(errors).toEqual([]);
    expect(drafts[0]).toMatchObject({
      externalId: 'tag:fjord.example,2025:job-8812',
      url: 'https://fjord.example/jobs/staff-engineer-payments',
      title: 'Staff Engineer, Payments &amp; Ledger',
      company: 'Fjord Systems AS',
      remote: 'hybrid',
      descriptionHtml:
        '<p>Lead the ledger team in <strong>Oslo</strong>. Kotlin, Kafka, PostgreSQL.</p>',
      postedAt: '2025-11-17T09:30:00.000Z',
    });
    expect(prepareJob(drafts[0]!).title).toBe('Staff Engineer, Payments & Ledger');
    expect(drafts[1]).toMatchObject({
      title: 'Data Analyst',
      company: 'Fjord Systems – open positions',
      employmentType: 'part_time',
      postedAt: '2025-11-18T12:00:00.000Z',
    });
    expect(drafts[1]!.descriptionHtml).toContain('<p>Two days a week. SQL and <em>dbt</em>.</p>');
    expect(drafts[2]).toMatchObject({
      descriptionHtml: '',
      descriptionText: 'Keep the Bergen office running & welcoming.',
      postedAt: null,
    });
  });

  it('reads CDATA and escaped HTML, repairs a bare &, parses title patterns, names the bad item', async () => {
    const url = 'https://indiejobs.example/feed/';
    const { drafts, errors, raws } = await run('cdata-escaped.xml', url);
    expect(raws).toHaveLength(4);
    expect(drafts).toHaveLength(3);
    expect(drafts[0]).toMatchObject({
      externalId: 'indiejobs-412',
      url: 'https://indiejobs.example/jobs/412?ref=rss&utm_source=feed',
      title: 'Backend Developer (Go)',
      company: 'Birch & Pine',
      employmentType: 'full_time',
      descriptionHtml:
        '<p>Build our <strong>Go</strong> API &amp; the Postgres schema behind it.</p><ul><li>Remote within the EU</li></ul>',
      postedAt: '2025-11-17T07:15:00.000Z',
    });
    expect(prepareJob(drafts[0]!).canonicalUrl).toBe('https://indiejobs.example/jobs/412');
    expect(drafts[1]).toMatchObject({
      externalId: 'https://indiejobs.example/jobs/413',
      title: 'Junior Data Engineer',
      company: 'Moss Analytics',
      descriptionHtml: '<p>Python, Airflow and a <em>lot</em> of SQL. Remote.</p>',
      postedAt: null,
    });
    expect(drafts[2]).toMatchObject({
      title: 'Designer',
      company: 'Kestrel Studio',
      employmentType: 'unknown', // the description says part-time; only type/category/title are read
      postedAt: '2025-11-15T17:00:00.000Z',
    });
    expect(errors).toHaveLength(1);
    expect(errors[0]!.code).toBe('INVALID_INPUT');
    expect(errors[0]!.message).toBe('feed item "Mystery role": has no link');
  });

  it('lets the company option override everything', async () => {
    const { drafts } = await run('cdata-escaped.xml', 'https://indiejobs.example/feed/', {
      company: 'Indie Co',
    });
    expect(drafts.map((d) => d.company)).toEqual(['Indie Co', 'Indie Co', 'Indie Co']);
  });

  it('reports a feed that is not well-formed as malformed, with where', async () => {
    const url = 'https://broken.example/jobs.rss';
    server.route('/jobs.rss', xml('malformed.xml'));
    const error = await failureOf(rssSource.fetch(ctx(url)));
    expect(failureKind(error)).toBe('malformed');
    expect(error.message).toMatch(
      /^https:\/\/broken\.example\/jobs\.rss is not a readable feed: not well-formed XML: .*line 8/,
    );

    server.route('/page.html', {
      headers: { 'content-type': 'text/html' },
      body: '<html><body><p>hi</p></body></html>',
    });
    const html = await failureOf(rssSource.fetch(ctx('https://broken.example/page.html')));
    expect(failureKind(html)).toBe('malformed');
    expect(html.message).toContain('not an RSS or Atom feed (the document is <html>)');
  });

  it('yields nothing for an empty feed', async () => {
    server.route('/empty.rss', {
      body: '<?xml version="1.0"?><rss version="2.0"><channel><title>Nothing</title></channel></rss>',
    });
    expect(await harness.fetchPages(ctx('https://x.example/empty.rss'))).toEqual([]);
    expect(await rssSource.test(ctx('https://x.example/empty.rss'))).toMatchObject({
      ok: true,
      available: 0,
    });
  });

  describe('HTTP failures', () => {
    describeHttpFailures(harness, {
      path: '/feed.rss',
      overrides: { url: 'https://x.example/feed.rss' },
      rateLimited: { retryAfter: 45 },
      serverError: { status: 500, body: '' },
      truncated: '',
      shapeless: '<html><body><p>hi</p></body></html>',
    });
  });
});

describe('feed helpers', () => {
  it('splits the title patterns job feeds use', () => {
    expect(splitJobTitle('Acme: Senior Engineer')).toEqual({
      company: 'Acme',
      title: 'Senior Engineer',
    });
    expect(splitJobTitle('Senior Engineer at Acme Corp')).toEqual({
      company: 'Acme Corp',
      title: 'Senior Engineer',
    });
    expect(splitJobTitle('Acme is hiring a Senior Engineer')).toEqual({
      company: 'Acme',
      title: 'Senior Engineer',
    });
    expect(splitJobTitle('Acme is hiring: Senior Engineer')).toEqual({
      company: 'Acme',
      title: 'Senior Engineer',
    });
    expect(splitJobTitle('Urgent: Senior Engineer')).toBeNull();
    expect(splitJobTitle('Senior Engineer')).toBeNull();
  });

  it('reads RFC 2822 and ISO dates only', () => {
    const postedAt = (pubDate: string | null) => {
      const date = pubDate === null ? '' : `<pubDate>${pubDate}</pubDate>`;
      const feed = parseFeed(
        `<rss version="2.0"><channel><title>Board</title><link>https://board.example/</link><item><title>Engineer</title><link>https://board.example/1</link>${date}</item></channel></rss>`,
      );
      if (!feed.ok) throw new Error(feed.reason);
      const c = ctx('https://board.example/feed.xml');
      return rssSource.normalize(feed.entries[0], c).postedAt;
    };
    expect(postedAt('Wed, 19 Nov 2025 15:46:29 +0000')).toBe('2025-11-19T15:46:29.000Z');
    expect(postedAt('2025-11-19T15:46:29+01:00')).toBe('2025-11-19T14:46:29.000Z');
    expect(postedAt('2')).toBeNull();
    expect(postedAt('not a date')).toBeNull();
    expect(postedAt(null)).toBeNull();
  });

  it('reads RSS 1.0 (RDF) feeds', () => {
    const rdf = `<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel rdf:about="https://old.example/"><title>Old Board</title><link>https://old.example/</link></channel><item rdf:about="https://old.example/j/1"><title>Perl Hacker</title><link>https://old.example/j/1</link><dc:date>2025-11-01T00:00:00Z</dc:date><description>Perl &amp; friends</description></item></rdf:RDF>`;
    const feed = parseFeed(rdf);
    expect(feed.ok && feed.format).toBe('rdf');
    expect(feed.ok && feed.entries[0]).toMatchObject({
      id: 'https://old.example/j/1',
      title: 'Perl Hacker',
      date: '2025-11-01T00:00:00Z',
      html: 'Perl & friends',
    });
  });
});

describe('feed robustness', () => {
  it('never throws on mutated feeds', () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const bits = [
      '<item>',
      '</item>',
      '<![CDATA[',
      ']]>',
      '&',
      '&amp;',
      '<entry>',
      '<link href="',
      '"/>',
      '<',
      '>',
      '\u0000',
      '<rss>',
      '<feed>',
    ];
    const seeds = ['weworkremotely.xml', 'atom.xml', 'cdata-escaped.xml', 'malformed.xml'].map(
      (n) => fixture(import.meta.url, n),
    );
    for (let i = 0; i < 300; i++) {
      const base = seeds[i % seeds.length]!;
      const at = Math.floor(random() * base.length);
      const mutated =
        base.slice(0, at) +
        bits[Math.floor(random() * bits.length)]! +
        base.slice(at + Math.floor(random() * 30));
      const result = parseFeed(mutated);
      if (!result.ok) continue;
      for (const entry of result.entries) {
        try {
          prepareJob(
            rssSource.normalize(entry, {
              sourceId: 'rss:x',
              config: RssConfig.parse({ name: 'x', type: 'rss', url: 'https://x.example/feed' }),
              now: () => NOW,
            }),
          );
        } catch (error) {
          expect((error as DomainError).code).toBe('INVALID_INPUT');
        }
      }
    }
  });
});
