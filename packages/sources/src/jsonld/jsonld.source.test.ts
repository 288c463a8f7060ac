import { describe, expect, it } from 'vitest';
import { prepareJob } from '@applydesk/domain';
import { failureKind } from '../http/http-client.js';
import {
  adapterHarness,
  collectPages,
  describeHttpFailures,
  failureOf,
  fixture,
} from '../test-support/replay-server.js';
import { jsonLdSource } from './index.js';

const NOW = new Date('2025-11-20T12:00:00Z');
const GREENHOUSE = 'https://job-boards.greenhouse.io/acmerobotics/jobs/4012345007';
const HARBOR = 'https://careers.harborbank.example/jobs/sre';
const FERRY = 'https://tinyferry.example/careers';

const harness = adapterHarness(jsonLdSource, {
  config: { name: 'careers' },
  now: NOW,
  server: 'file',
});
const { server, ctx } = harness;

const html = (name: string) => ({
  headers: { 'content-type': 'text/html; charset=utf-8' },
  body: fixture(import.meta.url, name),
});

describe('jsonld source', () => {
  it('fetches every listed page (through baseUrl) and maps its postings', async () => {
    server.route('/acmerobotics/jobs/4012345007', html('greenhouse.html'));
    server.route('/careers', html('two-postings.html'));
    const c = ctx({ url: GREENHOUSE, urls: [FERRY, GREENHOUSE] });
    const pages = await harness.fetchPages(c);
    expect(server.seen.map((s) => s.path)).toEqual(['/acmerobotics/jobs/4012345007', '/careers']);
    expect(server.seen[0]!.headers.accept).toContain('text/html');
    expect(pages.map((p) => p.length)).toEqual([1, 2]);
    const drafts = pages.flat().map((raw) => jsonLdSource.normalize(raw, c));
    expect(drafts.map((d) => [d.externalId, d.title, d.company])).toEqual([
      [GREENHOUSE, 'Senior Backend Engineer', 'Acme Robotics'],
      [`${FERRY}#job-1`, 'Android Developer', 'Tiny Ferry Oy'],
      [`${FERRY}#job-2`, 'Summer Intern, Data', 'Tiny Ferry Oy'],
    ]);
    expect(drafts[0]).toMatchObject({
      url: GREENHOUSE,
      sourceType: 'jsonld',
      sourceId: 'jsonld:careers',
    });
    for (const d of drafts) expect(() => prepareJob(d)).not.toThrow();
  });

  it('keeps going past a broken JSON-LD block and notes it in raw', async () => {
    server.route('/jobs/sre', html('malformed-plus-good.html'));
    const c = ctx({ url: HARBOR });
    const [page] = await harness.fetchPages(c);
    expect(page).toHaveLength(2);
    expect(page![0]).toMatchObject({ skippedBlocks: [{ block: 1 }] });
    expect(jsonLdSource.normalize(page![0], c).title).toBe('Site Reliability Engineer');
    expect(() => jsonLdSource.normalize(page![1], c)).toThrow(
      /JobPosting 2 of https:\/\/careers\.harborbank\.example\/jobs\/sre: has no title/,
    );
    expect(await jsonLdSource.test(c)).toMatchObject({
      ok: true,
      available: 2,
      message: expect.stringContaining('1 JSON-LD block(s) could not be read') as string,
    });
  });

  it('stores the pages that answered, then fails naming the ones that did not', async () => {
    server.route('/acmerobotics/jobs/4012345007', html('greenhouse.html'));
    server.route('/gone', { status: 404, body: 'Not Found' });
    const pages: unknown[][] = [];
    const error = await failureOf(
      collectPages(
        jsonLdSource.fetch(ctx({ urls: ['https://acme.example/gone', GREENHOUSE] })),
        pages,
      ),
    );
    expect(pages.map((p) => p.length)).toEqual([1]);
    expect(failureKind(error)).toBe('not_found');
    expect(error.message).toContain('1 of 2 pages failed: https://acme.example/gone');
  });

  describe('a single page failure passes through with its kind', () => {
    describeHttpFailures(harness, {
      path: '/busy',
      overrides: { url: 'https://acme.example/busy' },
      notFound: { body: 'Not Found', names: ['/busy'] },
      refused: { statuses: [403], body: 'Forbidden', names: ['/busy'] },
      rateLimited: { retryAfter: 90 },
      serverError: { status: 502, body: 'Bad Gateway' },
    });
  });

  it('yields nothing for a blank page, and test() says why', async () => {
    server.route('/blank', { headers: { 'content-type': 'text/html' }, body: '' });
    const c = ctx({ url: 'https://acme.example/blank' });
    expect(await harness.fetchPages(c)).toEqual([]);
    expect(await jsonLdSource.test(c)).toMatchObject({ ok: false, available: 0 });
  });

  it('falls back to the page when it declares no JobPosting', async () => {
    server.route('/jobs/support-engineer', html('no-jsonld.html'));
    const c = ctx({
      url: 'https://pebbledesk.example/jobs/support-engineer',
      company: 'Pebble Desk Ltd',
    });
    const [page] = await harness.fetchPages(c);
    const draft = jsonLdSource.normalize(page![0], c);
    expect(draft).toMatchObject({
      title: 'Support Engineer at Pebble Desk',
      company: 'Pebble Desk Ltd',
      remote: 'unknown',
    });
    expect(draft.raw).toMatchObject({ via: 'html-fallback', fallback: true });
    expect(await jsonLdSource.test(c)).toMatchObject({
      ok: true,
      message: expect.stringContaining('declares no JobPosting') as string,
    });
  });

  it('asks for url or urls', () => {
    expect(jsonLdSource.configSchema.safeParse({ name: 'x', type: 'jsonld' }).success).toBe(false);
    expect(
      jsonLdSource.configSchema.safeParse({ name: 'x', type: 'jsonld', urls: [] }).success,
    ).toBe(false);
    expect(
      jsonLdSource.configSchema.safeParse({
        name: 'x',
        type: 'jsonld',
        urls: ['https://a.example/'],
      }).success,
    ).toBe(true);
  });
});
