import { describe, expect, it } from 'vitest';
import { DomainError, prepareJob, type JobInputDraft } from '@applydesk/domain';
import { fixture } from '../test-support/replay-server.js';
import { extractPage, parseLenientJson } from './extract.js';
import {
  entriesFromPage,
  entryToDraft,
  parseAmount,
  parseBaseSalary,
  parseEmploymentType,
  parseSchemaDate,
  unescapeDescription,
  type PageEntry,
} from './map.js';

const NOW = new Date('2025-11-20T12:00:00Z');
const ctx = { sourceId: 'jsonld:careers', now: () => NOW };

function page(
  name: string,
  url: string,
): { entries: PageEntry[]; drafts: JobInputDraft[]; errors: DomainError[] } {
  const { entries } = entriesFromPage(fixture(import.meta.url, name), url);
  const drafts: JobInputDraft[] = [];
  const errors: DomainError[] = [];
  for (const entry of entries) {
    try {
      drafts.push(entryToDraft(entry, ctx));
    } catch (error) {
      errors.push(error as DomainError);
    }
  }
  for (const draft of drafts) expect(() => prepareJob(draft)).not.toThrow();
  return { entries, drafts, errors };
}

describe('JSON-LD extraction from real-shaped pages', () => {
  it('reads a Greenhouse job page with an entity-escaped description', () => {
    const url = 'https://job-boards.greenhouse.io/acmerobotics/jobs/4012345007';
    const { entries, drafts } = page('greenhouse.html', url);
    expect(drafts).toHaveLength(1);
    expect(drafts[0]).toEqual({
      sourceType: 'jsonld',
      sourceId: 'jsonld:careers',
      externalId: 'https://job-boards.greenhouse.io/acmerobotics/jobs/4012345007',
      url,
      canonicalUrl: 'https://job-boards.greenhouse.io/acmerobotics/jobs/4012345007',
      title: 'Senior Backend Engineer',
      company: 'Acme Robotics',
      location: 'San Francisco, California, United States',
      remote: 'unknown',
      employmentType: 'full_time',
      salary: { min: 185000, max: 225000, currency: 'USD', period: 'year' },
      descriptionHtml: expect.stringMatching(
        /^<p><strong>About Acme Robotics<\/strong><\/p>/,
      ) as string,
      descriptionText: '',
      skills: [],
      postedAt: '2025-11-03T00:00:00.000Z',
      fetchedAt: '2025-11-20T12:00:00.000Z',
      expiresAt: null,
      raw: entries[0],
    });
    const prepared = prepareJob(drafts[0]!);
    expect(prepared.descriptionText).toContain('• Kubernetes & AWS in production');
    expect(prepared.skills).toEqual(expect.arrayContaining(['PostgreSQL', 'Kubernetes', 'AWS']));
  });

  it('reads a Workable page: identifier, TELECOMMUTE, applicant country, \\u003c-escaped HTML', () => {
    const url = 'https://apply.workable.com/nordlicht-software/j/8F3C2A91B7/';
    const { drafts } = page('workable.html', url);
    expect(drafts).toHaveLength(1);
    expect(drafts[0]).toMatchObject({
      externalId: 'apply.workable.com:8F3C2A91B7',
      title: 'Platform Engineer (m/f/d)',
      company: 'Nordlicht Software GmbH',
      location: 'Hamburg, DE',
      remote: 'remote',
      employmentType: 'full_time',
      salary: { min: 5500, max: 5500, currency: 'EUR', period: 'month' },
      postedAt: '2025-11-12T00:00:00.000Z',
      expiresAt: '2026-01-12T00:00:00.000Z',
    });
    expect(drafts[0]!.descriptionHtml).toContain('<ul><li>Terraform and Kubernetes</li>');
  });

  it('reads a WP Job Manager page: string address, URL identifier, salary as a string', () => {
    const url = 'https://jobs.greenleaf.example/job/community-developer/';
    const { drafts } = page('wordpress-job-manager.html', url);
    expect(drafts).toHaveLength(1);
    expect(drafts[0]).toMatchObject({
      externalId: 'https://jobs.greenleaf.example/?p=412&post_type=job_listing',
      company: 'Green Leaf Co-op',
      location: 'Leeds, UK',
      employmentType: 'part_time',
      salary: { min: 28000, max: 28000, currency: 'GBP', period: 'year' },
      postedAt: '2025-11-05T09:12:40.000Z',
      expiresAt: '2025-12-05T00:00:00.000Z',
    });
  });

  it('reads a Yoast @graph: ["JobPosting"], an @id organization, places, double escaping', () => {
    const url = 'https://studiokettle.example/careers/senior-product-designer/';
    const { drafts } = page('yoast-graph.html', url);
    expect(drafts).toHaveLength(1);
    expect(drafts[0]).toMatchObject({
      externalId: 'https://studiokettle.example/careers/senior-product-designer',
      title: 'Senior Product Designer (Hybrid)',
      company: 'Studio Kettle B.V.',
      location: 'Amsterdam, NL; Rotterdam, NL',
      remote: 'hybrid',
      employmentType: 'contract',
      salary: { min: 65, max: 85, currency: 'EUR', period: 'hour' },
      descriptionHtml: '<p>Design tools for 40,000 bakers with Figma &amp; a small team.</p>',
      expiresAt: null,
    });
    expect(prepareJob(drafts[0]!).descriptionText).toBe(
      'Design tools for 40,000 bakers with Figma & a small team.',
    );
  });

  it('reads two postings from one CDATA-wrapped array, each with its own id', () => {
    const url = 'https://tinyferry.example/careers';
    const { drafts } = page('two-postings.html', url);
    expect(drafts.map((d) => d.externalId)).toEqual([`${url}#job-1`, `${url}#job-2`]);
    expect(drafts[0]).toMatchObject({
      title: 'Android Developer',
      company: 'Tiny Ferry Oy',
      location: 'Helsinki, FI',
      employmentType: 'full_time',
      salary: { min: 62000, max: 62000, currency: 'EUR', period: 'year' },
      // "last week", read by the domain's parseDate against the run time.
      postedAt: '2025-11-13T12:00:00.000Z',
      canonicalUrl: null,
    });
    expect(drafts[1]).toMatchObject({
      title: 'Summer Intern, Data',
      location: 'Turku harbour office',
      employmentType: 'internship',
      salary: { min: 2100.5, max: 2100.5, currency: 'EUR', period: 'month' },
      postedAt: '2025-11-10T06:00:00.000Z',
    });
  });

  it('skips a broken block, repairs a sloppy one, and names a posting without a title', () => {
    const url = 'https://careers.harborbank.example/jobs/sre';
    const extracted = extractPage(fixture(import.meta.url, 'malformed-plus-good.html'));
    expect(extracted.blocks).toBe(3);
    expect(extracted.skipped).toEqual([
      { block: 1, reason: expect.stringContaining('not JSON') as string },
    ]);
    const { drafts, errors } = page('malformed-plus-good.html', url);
    expect(drafts).toHaveLength(1);
    expect(drafts[0]).toMatchObject({
      externalId: 'careers.harborbank.example:SRE-2025-117',
      title: 'Site Reliability Engineer',
      company: 'Harbor Bank',
      location: 'Lisbon, Portugal',
      employmentType: 'full_time',
      postedAt: '2025-11-18T00:00:00.000Z',
    });
    expect(drafts[0]!.descriptionHtml).toBe(
      '<p>Keep our payment rails up.</p>\n<p>Linux, Terraform, on-call one week in six.</p>',
    );
    expect(errors).toHaveLength(1);
    expect(errors[0]!.code).toBe('INVALID_INPUT');
    expect(errors[0]!.message).toBe(`JobPosting 2 of ${url}: has no title`);
  });

  it('falls back to OpenGraph and the main text when there is no JobPosting, and says so in raw', () => {
    const url = 'https://pebbledesk.example/jobs/support-engineer';
    const { entries, drafts } = page('no-jsonld.html', url);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ via: 'html-fallback', fallback: true, pageUrl: url });
    expect(drafts[0]).toMatchObject({
      externalId: 'https://pebbledesk.example/jobs/support-engineer',
      url,
      title: 'Support Engineer at Pebble Desk',
      company: 'Pebble Desk',
      location: null,
      remote: 'unknown',
      employmentType: 'unknown',
      salary: null,
      postedAt: null,
    });
    expect((drafts[0]!.raw as { fallback: boolean }).fallback).toBe(true);
    const prepared = prepareJob(drafts[0]!);
    expect(prepared.descriptionText).toContain('fix small bugs in our Ruby on Rails app');
    expect(prepared.descriptionText).not.toContain('trackPageView');
    expect(prepared.descriptionText).not.toContain('© 2025');
  });

  it('uses the title, then meta description, when a page has no main element', () => {
    const html = `<html><head><title>Barista &amp; Baker</title><meta name="description" content="Early shifts, great bread."></head><body><p>x</p></body></html>`;
    const { entries } = entriesFromPage(html, 'https://bakery.example/jobs');
    const draft = entryToDraft(entries[0], ctx);
    expect(draft).toMatchObject({
      title: 'Barista & Baker',
      company: 'bakery.example',
      descriptionText: 'Early shifts, great bread.',
    });
    expect(() => prepareJob(draft)).not.toThrow();
  });

  it('yields nothing for a blank page', () => {
    expect(entriesFromPage('', 'https://x.example/').entries).toEqual([]);
    expect(entriesFromPage('<html><body></body></html>', 'https://x.example/').entries).toEqual([]);
  });

  it('lets the company option override the page', () => {
    const { entries } = entriesFromPage(
      fixture(import.meta.url, 'greenhouse.html'),
      'https://job-boards.greenhouse.io/a/jobs/1',
    );
    expect(entryToDraft(entries[0], { ...ctx, company: 'Acme' }).company).toBe('Acme');
  });
});

describe('JSON-LD field readers', () => {
  it('parses JSON leniently', () => {
    expect(parseLenientJson('{"a": 1,}')).toEqual({ value: { a: 1 } });
    expect(parseLenientJson('{"a": "line\nbreak\ttab"}')).toEqual({
      value: { a: 'line\nbreak\ttab' },
    });
    expect(parseLenientJson('{"a": "it\\\'s"}')).toEqual({ value: { a: "it's" } });
    expect(parseLenientJson('<!-- {"a": [1, 2,]} -->')).toEqual({ value: { a: [1, 2] } });
    expect(parseLenientJson('{&quot;a&quot;: 1}')).toEqual({ value: { a: 1 } });
    expect(parseLenientJson('{"a": "\u0001x"}')).toEqual({ value: { a: 'x' } });
    expect(parseLenientJson('{"a": ')).toMatchObject({
      error: expect.stringContaining('not JSON') as string,
    });
    expect(parseLenientJson('   ')).toEqual({ error: 'empty block' });
  });

  it('reads baseSalary in every shape', () => {
    const s = (baseSalary: unknown, extra: Record<string, unknown> = {}) =>
      parseBaseSalary({ baseSalary, ...extra });
    expect(s({ currency: 'USD', value: { minValue: 50, maxValue: 70, unitText: 'HOUR' } })).toEqual(
      { min: 50, max: 70, currency: 'USD', period: 'hour' },
    );
    expect(s({ currency: 'USD', value: { value: 120000, unitText: 'YEAR' } })).toEqual({
      min: 120000,
      max: 120000,
      currency: 'USD',
      period: 'year',
    });
    expect(s({ currency: 'GBP', value: 50000 })).toEqual({
      min: 50000,
      max: 50000,
      currency: 'GBP',
      period: 'year',
    });
    expect(s({ currency: 'GBP', value: '50,000' })).toEqual({
      min: 50000,
      max: 50000,
      currency: 'GBP',
      period: 'year',
    });
    expect(s({ currency: 'CHF', value: { minValue: '9000', unitText: 'MONTH' } })).toEqual({
      min: 9000,
      max: null,
      currency: 'CHF',
      period: 'month',
    });
    expect(s({ currency: 'EUR', value: { minValue: 90, maxValue: 60, unitText: 'DAY' } })).toEqual({
      min: 60,
      max: 90,
      currency: 'EUR',
      period: 'day',
    });
    expect(s({ currency: 'EUR', value: { value: 900, unitText: 'WEEK' } })).toMatchObject({
      period: 'week',
    });
    expect(s(45000, { salaryCurrency: 'eur' })).toEqual({
      min: 45000,
      max: 45000,
      currency: 'EUR',
      period: 'year',
    });
    expect(s({ value: 50000 })).toBeNull(); // no currency
    expect(s({ currency: 'USD', value: { value: 10, unitText: 'PIECE' } })).toBeNull();
    expect(s({ currency: 'USD', value: { minValue: 0, maxValue: 0 } })).toBeNull();
    expect(s({ currency: 'USD', value: 'competitive' })).toBeNull();
    expect(s(undefined)).toBeNull();
    expect(parseAmount('€ 4.500,50')).toBe(4500.5);
    expect(parseAmount('1,250,000')).toBe(1250000);
    expect(parseAmount('-5')).toBe(5);
    expect(parseAmount(-5)).toBeNull();
  });

  it('reads employmentType as a string or a list', () => {
    expect(parseEmploymentType('FULL_TIME')).toBe('full_time');
    expect(parseEmploymentType(['OTHER', 'PART_TIME'])).toBe('part_time');
    expect(parseEmploymentType('CONTRACTOR')).toBe('contract');
    expect(parseEmploymentType('INTERN')).toBe('internship');
    expect(parseEmploymentType('TEMPORARY')).toBe('temporary');
    expect(parseEmploymentType('Full-time, Contract')).toBe('full_time');
    expect(parseEmploymentType('VOLUNTEER')).toBe('unknown');
    expect(parseEmploymentType(undefined)).toBe('unknown');
  });

  it('reads dates and refuses what is not one', () => {
    const date = (value: unknown) => parseSchemaDate(value, NOW);
    expect(date('2025-11-03')).toBe('2025-11-03T00:00:00.000Z');
    expect(date(['2025-11-03T10:00:00-05:00', '2025-11-04'])).toBe('2025-11-03T15:00:00.000Z');
    expect(date('2025-02-30')).toBeNull();
    expect(date('soon')).toBeNull();
    expect(date('0000-00-00')).toBeNull();
    expect(date(20251103)).toBeNull();
    // Words the domain's parseDate knows are read against the run time.
    expect(date('yesterday')).toBe('2025-11-19T12:00:00.000Z');
  });

  it('unescapes descriptions once or twice, but leaves plain text alone', () => {
    expect(unescapeDescription('&lt;p&gt;Hi&lt;/p&gt;')).toBe('<p>Hi</p>');
    expect(unescapeDescription('&amp;lt;p&amp;gt;Hi&amp;lt;/p&amp;gt;')).toBe('<p>Hi</p>');
    expect(unescapeDescription('<p>AT&amp;T</p>')).toBe('<p>AT&amp;T</p>');
    expect(unescapeDescription('AT&amp;T &lt;3')).toBe('AT&amp;T &lt;3');
  });

  it('resolves nested @type lists, schema: prefixes and ItemLists', () => {
    const html = `<script type="application/ld+json">{"@type":"ItemList","itemListElement":[{"@type":"ListItem","item":{"@type":["schema:JobPosting","Thing"],"title":"A","hiringOrganization":"X"}},{"@type":"ListItem","item":{"@type":"http://schema.org/JobPosting","title":"B","hiringOrganization":"X"}}]}</script>`;
    expect(extractPage(html).postings.map((p) => p.title)).toEqual(['A', 'B']);
  });

  it('cuts reference cycles', () => {
    const html = `<script type="application/ld+json">{"@graph":[{"@id":"#a","@type":"Organization","name":"A","parent":{"@id":"#b"}},{"@id":"#b","@type":"Organization","name":"B","parent":{"@id":"#a"}},{"@type":"JobPosting","title":"T","hiringOrganization":{"@id":"#a"}}]}</script>`;
    const [posting] = extractPage(html).postings;
    expect((posting!.hiringOrganization as { name: string }).name).toBe('A');
  });
});

describe('robustness', () => {
  /** A small deterministic generator, so a failure can be replayed. */
  function rng(seed: number) {
    let s = seed;
    return () => {
      s = (s * 1103515245 + 12345) % 2147483648;
      return s / 2147483648;
    };
  }
  const pieces = [
    '<script type="application/ld+json">',
    '</script>',
    '{"@type":"JobPosting",',
    '"title":',
    '"baseSalary":{"value":{"minValue":',
    '"jobLocation":[{"address":',
    '"@graph":[',
    '{"@id":"#x"}',
    ']',
    '}',
    ',',
    '"',
    '\\u003c',
    '&lt;p&gt;',
    '<meta property="og:title" content="',
    '<main>',
    '<h1>',
    '<!--',
    '-->',
    '<![CDATA[',
    '\u0000',
    '\n',
    'null',
    '[[[[[[[[',
    '1e999',
    '"@type":["JobPosting"]',
  ];

  it('never throws on random or mutated pages, and mapping fails only with INVALID_INPUT', () => {
    const random = rng(42);
    const seeds = [
      'greenhouse.html',
      'workable.html',
      'yoast-graph.html',
      'two-postings.html',
      'malformed-plus-good.html',
      'no-jsonld.html',
    ].map((name) => fixture(import.meta.url, name));
    const inputs: string[] = [];
    for (let i = 0; i < 300; i++) {
      const parts: string[] = [];
      const n = Math.floor(random() * 30);
      for (let j = 0; j < n; j++) parts.push(pieces[Math.floor(random() * pieces.length)]!);
      inputs.push(parts.join(''));
    }
    for (let i = 0; i < 200; i++) {
      const base = seeds[i % seeds.length]!;
      const at = Math.floor(random() * base.length);
      const cut = Math.floor(random() * 40);
      const insert = pieces[Math.floor(random() * pieces.length)]!;
      inputs.push(base.slice(0, at) + insert + base.slice(at + cut));
    }
    inputs.push(
      '<script type="application/ld+json">' + '['.repeat(5000) + ']'.repeat(5000) + '</script>',
    );
    inputs.push(
      '<script type="application/ld+json">' +
        '{"a":'.repeat(3000) +
        '1' +
        '}'.repeat(3000) +
        '</script>',
    );
    for (const html of inputs) {
      expect(() => extractPage(html)).not.toThrow();
      const { entries } = entriesFromPage(html, 'https://fuzz.example/page');
      for (const entry of entries) {
        try {
          prepareJob(entryToDraft(entry, ctx));
        } catch (error) {
          expect(error).toBeInstanceOf(DomainError);
          expect((error as DomainError).code).toBe('INVALID_INPUT');
        }
      }
    }
  });
});
