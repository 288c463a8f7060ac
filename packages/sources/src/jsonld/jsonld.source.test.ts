import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DomainError, prepareJob } from '@applydesk/domain';
import { createHttpClient } from '../http/create-http-client.js';
import { failureKind } from '../http/http-client.js';
import { fixture, startReplayServer, type ReplayServer } from '../test-support/replay-server.js';
import { JsonLdConfig, jsonLdSource } from './index.js';

const NOW = new Date('2025-11-20T12:00:00Z');
const GREENHOUSE = 'https://job-boards.greenhouse.io/acmerobotics/jobs/4012345007';
const HARBOR = 'https://careers.harborbank.example/jobs/sre';
const FERRY = 'https://tinyferry.example/careers';

let server: ReplayServer;
beforeAll(async () => {
  server = await startReplayServer();
});
afterAll(() => server.close());
afterEach(() => {
  server.seen.length = 0;
});

const html = (name: string) => ({
  headers: { 'content-type': 'text/html; charset=utf-8' },
  body: fixture(import.meta.url, name),
});

function ctx(overrides: Record<string, unknown> = {}) {
  const config = JsonLdConfig.parse({
    name: 'careers',
    type: 'jsonld',
    baseUrl: server.url,
    ...overrides,
  });
  return {
    sourceId: 'jsonld:careers',
    config,
    secrets: {},
    http: createHttpClient(),
    now: () => NOW,
  };
}

async function collect(
  pages: AsyncIterable<unknown[]>,
  into: unknown[][] = [],
): Promise<unknown[][]> {
  for await (const page of pages) into.push(page);
  return into;
}

async function failure(promise: Promise<unknown>): Promise<DomainError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a failure');
}

describe('jsonld source', () => {
  it('fetches every listed page (through baseUrl) and maps its postings', async () => {
    server.route('/acmerobotics/jobs/4012345007', html('greenhouse.html'));
    server.route('/careers', html('two-postings.html'));
    const c = ctx({ url: GREENHOUSE, urls: [FERRY, GREENHOUSE] });
    const pages = await collect(jsonLdSource.fetch(c));
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
    const [page] = await collect(jsonLdSource.fetch(c));
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
    const error = await failure(
      collect(jsonLdSource.fetch(ctx({ urls: ['https://acme.example/gone', GREENHOUSE] })), pages),
    );
    expect(pages.map((p) => p.length)).toEqual([1]);
    expect(failureKind(error)).toBe('not_found');
    expect(error.message).toContain('1 of 2 pages failed: https://acme.example/gone');
  });

  it('passes a single page failure through with its kind', async () => {
    server.route('/busy', { status: 429, headers: { 'retry-after': '90' }, body: '' });
    const limited = await failure(
      collect(jsonLdSource.fetch(ctx({ url: 'https://acme.example/busy' }))),
    );
    expect(failureKind(limited)).toBe('rate_limited');
    expect(Date.parse(String(limited.details?.retryAt))).toBeGreaterThan(Date.now() + 80_000);

    server.route('/down', { status: 502, body: 'Bad Gateway' });
    expect(
      failureKind(
        await failure(collect(jsonLdSource.fetch(ctx({ url: 'https://acme.example/down' })))),
      ),
    ).toBe('server');

    server.route('/locked', { status: 403, body: 'Forbidden' });
    expect(
      failureKind(
        await failure(collect(jsonLdSource.fetch(ctx({ url: 'https://acme.example/locked' })))),
      ),
    ).toBe('auth');
  });

  it('yields nothing for a blank page, and test() says why', async () => {
    server.route('/blank', { headers: { 'content-type': 'text/html' }, body: '' });
    const c = ctx({ url: 'https://acme.example/blank' });
    expect(await collect(jsonLdSource.fetch(c))).toEqual([]);
    expect(await jsonLdSource.test(c)).toMatchObject({ ok: false, available: 0 });
  });

  it('falls back to the page when it declares no JobPosting', async () => {
    server.route('/jobs/support-engineer', html('no-jsonld.html'));
    const c = ctx({
      url: 'https://pebbledesk.example/jobs/support-engineer',
      company: 'Pebble Desk Ltd',
    });
    const [page] = await collect(jsonLdSource.fetch(c));
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
