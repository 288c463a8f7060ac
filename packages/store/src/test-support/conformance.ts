import {
  encodeSignature,
  Fingerprinter,
  isDomainError,
  type JobInputDraft,
  type Profile,
} from '@applydesk/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  JobListItem,
  JobQuery,
  JobUpsertInput,
  LlmCallInput,
  SourceRunInput,
  Store,
} from '../repositories.js';
import { executeRawForTests } from '../store.js';
import { draftInput, jobInput, matchOf, profileInput, uniqueSource } from './fixtures.js';
import { KNOWN_MIGRATIONS } from '../migrations/index.js';

/** Resolves to the DomainError code the promise rejects with (fails the test if it resolves). */
async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (isDomainError(error)) return error.code;
    throw error;
  }
  throw new Error('expected a DomainError, but the call succeeded');
}

/** Every page of a listing, following nextCursor; fails on a runaway loop. */
async function allPages(
  store: Store,
  query: JobQuery,
): Promise<{ items: JobListItem[]; pages: number; totals: number[] }> {
  const items: JobListItem[] = [];
  const totals: number[] = [];
  let cursor: string | undefined;
  for (let pages = 1; pages < 1000; pages++) {
    const page = await store.jobs.list({ ...query, ...(cursor === undefined ? {} : { cursor }) });
    items.push(...page.items);
    totals.push(page.totalCount);
    if (page.nextCursor === null) return { items, pages, totals };
    cursor = page.nextCursor;
  }
  throw new Error('pagination did not end');
}

/**
 * The behaviour every Store must have, whatever the database. Each dialect's test file runs
 * it against a fresh database. Tests share one store, so each works in its own source type
 * (and filters listings by it) to stay independent of the others.
 */
export function defineStoreConformance(
  label: string,
  open: () => Promise<Store>,
  cleanup?: () => Promise<void>,
): void {
  describe(label, () => {
    let store: Store;
    let profile: Profile;

    beforeAll(async () => {
      store = await open();
      profile = await store.profiles.create(profileInput(uniqueSource('main')), 'test');
    });

    afterAll(async () => {
      await store?.close();
      await cleanup?.();
    });

    describe('health', () => {
      it('answers and names the newest migration', async () => {
        const health = await store.health();
        expect(health).toEqual({
          ok: true,
          dialect: store.dialect,
          schemaVersion: KNOWN_MIGRATIONS.at(-1),
        });
      });
    });

    describe('jobs.upsert', () => {
      it('creates, then leaves unchanged content alone, then updates changed content', async () => {
        const src = uniqueSource();
        const input = jobInput({ sourceType: src, externalId: 'a1', title: 'Backend Engineer' });

        const created = await store.jobs.upsert(input, 'test');
        expect(created.outcome).toBe('created');
        expect(created.job.id).toMatch(/^job_[0-9A-HJKMNP-TV-Z]{26}$/);
        expect(created.job).toMatchObject({
          sourceType: src,
          externalId: 'a1',
          title: 'Backend Engineer',
          status: 'open',
          contentHash: input.contentHash,
          canonicalUrl: input.canonicalUrl,
          salary: { min: 60000, max: 80000, currency: 'EUR', period: 'year' },
          skills: ['TypeScript'],
          raw: { id: 'a1', nested: { ok: true } },
          postedAt: '2024-05-01T10:00:00.000Z',
          fetchedAt: '2024-05-02T10:00:00.000Z',
          freelance: null,
          expiresAt: null,
        });
        expect(created.job.createdAt).toBe(created.job.updatedAt);

        const again = await store.jobs.upsert(
          { ...input, fetchedAt: '2024-06-01T00:00:00.000Z' },
          'test',
        );
        expect(again.outcome).toBe('unchanged');
        expect(again.job.id).toBe(created.job.id);
        expect(again.job.fetchedAt).toBe('2024-06-01T00:00:00.000Z');
        expect(again.job.updatedAt).toBe(created.job.updatedAt);

        const changed = await store.jobs.upsert(
          jobInput({ sourceType: src, externalId: 'a1', title: 'Staff Backend Engineer' }),
          'test',
        );
        expect(changed.outcome).toBe('updated');
        expect(changed.job.id).toBe(created.job.id);
        expect(changed.job.title).toBe('Staff Backend Engineer');
        expect(changed.job.createdAt).toBe(created.job.createdAt);

        const events = await store.events.list({ entityType: 'job', entityId: created.job.id });
        expect(events.map((e) => e.action)).toEqual(['job.created', 'job.updated']);
        expect(events[1]?.data).toMatchObject({ changed: ['title'] });
        expect(events[0]?.actor).toBe('test');
      });

      it('round-trips freelance details, timestamps with offsets and a null posted date', async () => {
        const src = uniqueSource();
        const freelance = {
          contractType: 'hourly' as const,
          budget: null,
          hourlyMin: 40,
          hourlyMax: 80.5,
          currency: 'USD',
          duration: '1 to 3 months',
          workload: null,
          experienceLevel: 'expert' as const,
          client: {
            country: 'US',
            paymentVerified: true,
            totalSpent: 12000,
            rating: 4.9,
            reviews: 12,
            hires: 3,
            jobsPosted: 8,
          },
          proposalsTier: '5 to 10',
          screeningQuestions: ['Why you?'],
        };
        const { job } = await store.jobs.upsert(
          jobInput({
            sourceType: src,
            freelance,
            postedAt: null,
            expiresAt: '2024-07-01T12:00:00+02:00',
            salary: null,
          }),
          'test',
        );
        const read = await store.jobs.get(job.id);
        expect(read?.freelance).toEqual(freelance);
        expect(read?.postedAt).toBeNull();
        expect(read?.salary).toBeNull();
        expect(read?.expiresAt).toBe('2024-07-01T10:00:00.000Z');
      });
    });

    describe('jobs lookups', () => {
      it('gets by id, by external id and by canonical URL, and counts', async () => {
        const src = uniqueSource();
        const before = await store.jobs.count();
        const first = await store.jobs.upsert(
          jobInput({ sourceType: src, externalId: 'x1', canonicalUrl: 'https://example.com/same' }),
          'test',
        );
        const second = await store.jobs.upsert(
          jobInput({ sourceType: src, externalId: 'x2', canonicalUrl: 'https://example.com/same' }),
          'test',
        );
        await store.jobs.upsert(
          jobInput({
            sourceType: src,
            externalId: 'x3',
            canonicalUrl: 'https://example.com/other',
          }),
          'test',
        );

        expect((await store.jobs.get(first.job.id))?.externalId).toBe('x1');
        expect(await store.jobs.get('job_missing')).toBeNull();
        expect((await store.jobs.getByExternalId(src, 'x2'))?.id).toBe(second.job.id);
        expect(await store.jobs.getByExternalId(src, 'nope')).toBeNull();
        const same = await store.jobs.findByCanonicalUrl('https://example.com/same');
        expect(same.map((job) => job.id).sort()).toEqual([first.job.id, second.job.id].sort());
        expect(await store.jobs.count()).toBe(before + 3);
      });
    });

    describe('jobs.upsertMany', () => {
      it('counts created, updated and unchanged, and handles a posting listed twice in order', async () => {
        const src = uniqueSource();
        const initial = Array.from({ length: 30 }, (_, i) =>
          jobInput({ sourceType: src, externalId: `m${i}` }),
        );
        expect(await store.jobs.upsertMany(initial, 'test')).toEqual({
          created: 30,
          updated: 0,
          unchanged: 0,
        });

        const next = [
          ...initial.slice(0, 20),
          ...initial
            .slice(20, 25)
            .map((input) =>
              jobInput({ ...input, sourceType: src, title: `${input.title} (changed)` }),
            ),
          jobInput({ sourceType: src, externalId: 'new-1' }),
          jobInput({ sourceType: src, externalId: 'dup', title: 'First' }),
          jobInput({ sourceType: src, externalId: 'dup', title: 'Second' }),
        ];
        expect(await store.jobs.upsertMany(next, 'test')).toEqual({
          created: 2,
          updated: 6,
          unchanged: 20,
        });
        expect((await store.jobs.getByExternalId(src, 'dup'))?.title).toBe('Second');
        expect((await store.jobs.getByExternalId(src, 'm20'))?.title).toMatch(/\(changed\)$/);
        expect((await store.jobs.list({ sourceTypes: [src], limit: 1 })).totalCount).toBe(32);
        expect(await store.jobs.upsertMany([], 'test')).toEqual({
          created: 0,
          updated: 0,
          unchanged: 0,
        });
      });

      it('stores more postings than one chunk holds', async () => {
        const src = uniqueSource();
        const inputs = Array.from({ length: 1234 }, (_, i) =>
          jobInput({ sourceType: src, externalId: `bulk${i}` }),
        );
        expect(await store.jobs.upsertMany(inputs, 'test')).toEqual({
          created: 1234,
          updated: 0,
          unchanged: 0,
        });
        expect(await store.jobs.upsertMany(inputs, 'test')).toEqual({
          created: 0,
          updated: 0,
          unchanged: 1234,
        });
        expect((await store.jobs.list({ sourceTypes: [src], limit: 1 })).totalCount).toBe(1234);
      });
    });

    describe('jobs.upsertBatch and storedVersions', () => {
      it('gives each input its id and outcome in order, and reports stored versions', async () => {
        const src = uniqueSource('batch');
        const a = jobInput({ sourceType: src, externalId: 'a' });
        const b = jobInput({ sourceType: src, externalId: 'b' });
        const first = await store.jobs.upsertBatch([a, b], 'test');
        expect(first.counts).toEqual({ created: 2, updated: 0, unchanged: 0 });
        expect(first.results.map((r) => r.outcome)).toEqual(['created', 'created']);
        const changed = { ...b, title: 'Changed Title', contentHash: 'changed-hash' };
        const second = await store.jobs.upsertBatch([changed, a], 'test');
        expect(second.results).toEqual([
          { id: first.results[1]?.id, outcome: 'updated' },
          { id: first.results[0]?.id, outcome: 'unchanged' },
        ]);
        const versions = await store.jobs.storedVersions([
          { sourceType: src, externalId: 'a' },
          { sourceType: src, externalId: 'b' },
          { sourceType: src, externalId: 'missing' },
        ]);
        expect([...versions.keys()].sort()).toEqual([`${src}\u0000a`, `${src}\u0000b`]);
        expect(versions.get(`${src}\u0000b`)).toEqual({
          id: first.results[1]?.id,
          contentHash: 'changed-hash',
          status: 'open',
          signed: false,
          inputHash: null,
        });
      });
    });

    describe('jobs.closeMissing', () => {
      it('closes open postings of the source that are not kept, and reopens one that returns', async () => {
        const src = uniqueSource();
        const inputs = ['k1', 'k2', 'k3', 'k4'].map((externalId) =>
          jobInput({ sourceType: src, externalId }),
        );
        await store.jobs.upsertMany(inputs, 'test');
        const other = await store.jobs.upsert(
          jobInput({ sourceType: src, externalId: 'o1', sourceId: `${src}:other` }),
          'test',
        );

        expect(await store.jobs.closeMissing(`${src}:acme`, ['k1', 'k2'], 'scheduler')).toBe(2);
        expect(await store.jobs.closeMissing(`${src}:acme`, ['k1', 'k2'], 'scheduler')).toBe(0);

        const open = await store.jobs.list({ sourceTypes: [src] });
        expect(open.items.map((job) => job.externalId).sort()).toEqual(['k1', 'k2', 'o1']);
        const closed = await store.jobs.list({ sourceTypes: [src], status: 'closed' });
        expect(closed.items.map((job) => job.externalId).sort()).toEqual(['k3', 'k4']);
        expect((await store.jobs.list({ sourceTypes: [src], status: 'all' })).totalCount).toBe(5);
        expect((await store.jobs.get(other.job.id))?.status).toBe('open');

        const k3 = await store.jobs.getByExternalId(src, 'k3');
        const events = await store.events.list({ entityType: 'job', entityId: k3?.id ?? '' });
        expect(events.at(-1)).toMatchObject({ action: 'job.closed', actor: 'scheduler' });

        const back = await store.jobs.upsert(inputs[2]!, 'test');
        expect(back.outcome).toBe('updated');
        expect(back.job.status).toBe('open');
      });
    });

    describe('jobs.list filters and sorting', () => {
      let src: string;
      let srcB: string;
      let listProfile: Profile;
      const ids: Record<string, string> = {};

      beforeAll(async () => {
        src = uniqueSource();
        srcB = uniqueSource();
        listProfile = await store.profiles.create(profileInput(uniqueSource('list')), 'test');
        const specs = [
          { key: 'remote1', remote: 'remote', postedAt: '2024-05-05T00:00:00.000Z', score: 90 },
          { key: 'remote2', remote: 'remote', postedAt: '2024-05-04T00:00:00.000Z', score: 40 },
          { key: 'hybrid', remote: 'hybrid', postedAt: '2024-05-03T00:00:00.000Z', score: 70 },
          { key: 'onsite', remote: 'onsite', postedAt: null, score: null },
        ] as const;
        for (const spec of specs) {
          const { job } = await store.jobs.upsert(
            jobInput({
              sourceType: src,
              externalId: spec.key,
              remote: spec.remote,
              postedAt: spec.postedAt,
            }),
            'test',
          );
          ids[spec.key] = job.id;
          if (spec.score !== null)
            await store.matches.upsertMany([matchOf(job.id, listProfile.id, spec.score)]);
        }
        const { job } = await store.jobs.upsert(
          jobInput({ sourceType: srcB, externalId: 'b1', remote: 'remote' }),
          'test',
        );
        ids['b1'] = job.id;
        await store.applications.create(ids['hybrid']!, listProfile.id, 'test', 'applied');
      });

      const keys = (items: JobListItem[]): string[] => items.map((item) => item.externalId);

      it('filters by source type', async () => {
        expect((await store.jobs.list({ sourceTypes: [src] })).totalCount).toBe(4);
        expect((await store.jobs.list({ sourceTypes: [src, srcB] })).totalCount).toBe(5);
        expect(keys((await store.jobs.list({ sourceTypes: [srcB] })).items)).toEqual(['b1']);
      });

      it('filters by remote mode', async () => {
        const page = await store.jobs.list({ sourceTypes: [src], remote: ['remote'] });
        expect(keys(page.items).sort()).toEqual(['remote1', 'remote2']);
        expect(
          (await store.jobs.list({ sourceTypes: [src], remote: ['hybrid', 'onsite'] })).totalCount,
        ).toBe(2);
      });

      it('joins the profile: score, stage and application id', async () => {
        const page = await store.jobs.list({ sourceTypes: [src], profileId: listProfile.id });
        const hybrid = page.items.find((item) => item.externalId === 'hybrid');
        expect(hybrid).toMatchObject({ score: 70, stage: 'applied' });
        expect(hybrid?.applicationId).toMatch(/^app_/);
        expect(page.items.find((item) => item.externalId === 'onsite')).toMatchObject({
          score: null,
          stage: null,
          applicationId: null,
        });
        expect(page.items[0]).not.toHaveProperty('raw');
        const anonymous = await store.jobs.list({ sourceTypes: [src] });
        expect(anonymous.items.every((item) => item.score === null && item.stage === null)).toBe(
          true,
        );
      });

      it('filters by score range', async () => {
        const min = await store.jobs.list({
          sourceTypes: [src],
          profileId: listProfile.id,
          minScore: 60,
        });
        expect(keys(min.items).sort()).toEqual(['hybrid', 'remote1']);
        const range = await store.jobs.list({
          sourceTypes: [src],
          profileId: listProfile.id,
          minScore: 50,
          maxScore: 80,
        });
        expect(keys(range.items)).toEqual(['hybrid']);
        expect((await store.jobs.list({ sourceTypes: [src], minScore: 1 })).totalCount).toBe(0);
      });

      it('filters by stage, counting postings without an application as discovered', async () => {
        const applied = await store.jobs.list({
          sourceTypes: [src],
          profileId: listProfile.id,
          stages: ['applied'],
        });
        expect(keys(applied.items)).toEqual(['hybrid']);
        const discovered = await store.jobs.list({
          sourceTypes: [src],
          profileId: listProfile.id,
          stages: ['discovered'],
        });
        expect(keys(discovered.items).sort()).toEqual(['onsite', 'remote1', 'remote2']);
        expect(
          (
            await store.jobs.list({
              sourceTypes: [src],
              profileId: listProfile.id,
              stages: ['offer'],
            })
          ).totalCount,
        ).toBe(0);
      });

      it('sorts by score, highest first, with unscored postings last in either order', async () => {
        const desc = await store.jobs.list({ sourceTypes: [src], profileId: listProfile.id });
        expect(keys(desc.items)).toEqual(['remote1', 'hybrid', 'remote2', 'onsite']);
        const asc = await store.jobs.list({
          sourceTypes: [src],
          profileId: listProfile.id,
          sort: 'score',
          order: 'asc',
        });
        expect(keys(asc.items)).toEqual(['remote2', 'hybrid', 'remote1', 'onsite']);
      });

      it('sorts by posted date by default without a profile, undated postings last', async () => {
        expect(keys((await store.jobs.list({ sourceTypes: [src] })).items)).toEqual([
          'remote1',
          'remote2',
          'hybrid',
          'onsite',
        ]);
        const asc = await store.jobs.list({ sourceTypes: [src], sort: 'posted', order: 'asc' });
        expect(keys(asc.items)).toEqual(['hybrid', 'remote2', 'remote1', 'onsite']);
      });

      it('sorts by fetch time', async () => {
        const s = uniqueSource();
        await store.jobs.upsert(
          jobInput({ sourceType: s, externalId: 'late', fetchedAt: '2024-05-09T00:00:00.000Z' }),
          'test',
        );
        await store.jobs.upsert(
          jobInput({ sourceType: s, externalId: 'early', fetchedAt: '2024-05-01T00:00:00.000Z' }),
          'test',
        );
        expect(keys((await store.jobs.list({ sourceTypes: [s], sort: 'fetched' })).items)).toEqual([
          'late',
          'early',
        ]);
        expect(
          keys((await store.jobs.list({ sourceTypes: [s], sort: 'fetched', order: 'asc' })).items),
        ).toEqual(['early', 'late']);
      });

      it('limits pages to between 1 and 200 items', async () => {
        expect((await store.jobs.list({ sourceTypes: [src], limit: 2 })).items).toHaveLength(2);
        expect((await store.jobs.list({ sourceTypes: [src], limit: 0 })).items).toHaveLength(1);
      });

      it('refuses a cursor that is not one of its own', async () => {
        expect(await codeOf(store.jobs.list({ sourceTypes: [src], cursor: 'not-a-cursor' }))).toBe(
          'INVALID_INPUT',
        );
        const wrongType = Buffer.from(JSON.stringify(['x', 'job_1'])).toString('base64url');
        expect(
          await codeOf(store.jobs.list({ sourceTypes: [src], sort: 'score', cursor: wrongType })),
        ).toBe('INVALID_INPUT');
      });
    });

    describe('jobs.list full-text search', () => {
      let src: string;

      beforeAll(async () => {
        src = uniqueSource();
        await store.jobs.upsertMany(
          [
            jobInput({
              sourceType: src,
              externalId: 'desc',
              title: 'Platform Engineer',
              descriptionHtml: '<p>We run everything on kubernetes clusters.</p>',
              skills: ['Go'],
            }),
            jobInput({
              sourceType: src,
              externalId: 'title',
              title: 'Kubernetes Administrator',
              descriptionHtml: '<p>Operate our clusters.</p>',
              skills: ['Linux'],
            }),
            jobInput({
              sourceType: src,
              externalId: 'none',
              title: 'Product Designer',
              company: 'Pixel',
              descriptionHtml: '<p>Design delightful things in Figma.</p>',
              skills: ['Figma'],
            }),
            jobInput({
              sourceType: src,
              externalId: 'company',
              title: 'Accountant',
              company: 'Zebracorp',
              descriptionHtml: '<p>Numbers.</p>',
              skills: ['Excel'],
            }),
          ],
          'test',
        );
      });

      const keys = (items: JobListItem[]): string[] => items.map((item) => item.externalId);

      it('finds a word that only the description contains', async () => {
        const page = await store.jobs.list({ sourceTypes: [src], text: 'figma delightful' });
        expect(keys(page.items)).toEqual(['none']);
        expect(page.totalCount).toBe(1);
      });

      it('searches company and skills too', async () => {
        expect(
          keys((await store.jobs.list({ sourceTypes: [src], text: 'zebracorp' })).items),
        ).toEqual(['company']);
        expect(keys((await store.jobs.list({ sourceTypes: [src], text: 'linux' })).items)).toEqual([
          'title',
        ]);
      });

      it('ranks a title match above a description match', async () => {
        const page = await store.jobs.list({
          sourceTypes: [src],
          text: 'kubernetes',
          sort: 'relevance',
        });
        expect(keys(page.items)).toEqual(['title', 'desc']);
      });

      it('matches the last word as a prefix', async () => {
        expect(
          keys(
            (await store.jobs.list({ sourceTypes: [src], text: 'kuberne', sort: 'relevance' }))
              .items,
          ),
        ).toEqual(['title', 'desc']);
        expect(
          (await store.jobs.list({ sourceTypes: [src], text: 'kuberne everything' })).totalCount,
        ).toBe(0);
      });

      it('survives query syntax in user text', async () => {
        for (const text of [
          'c++ "unbalanced AND (',
          'NOT',
          'a OR b',
          '"',
          '***',
          'title:kubernetes',
          'NEAR(x y)',
          "o'reilly -x",
          '\\',
          'k8s)',
        ]) {
          const page = await store.jobs.list({ sourceTypes: [src], text, sort: 'relevance' });
          expect(Array.isArray(page.items)).toBe(true);
        }
        expect(
          keys((await store.jobs.list({ sourceTypes: [src], text: '(kubernetes' })).items).sort(),
        ).toEqual(['desc', 'title']);
      });

      it('treats text with nothing searchable as no text filter', async () => {
        expect((await store.jobs.list({ sourceTypes: [src], text: ' "( ) * ' })).totalCount).toBe(
          4,
        );
        expect(
          (await store.jobs.list({ sourceTypes: [src], text: '', sort: 'relevance' })).totalCount,
        ).toBe(4);
      });

      it('pages through relevance order with a cursor', async () => {
        const { items } = await allPages(store, {
          sourceTypes: [src],
          text: 'clusters',
          sort: 'relevance',
          limit: 1,
        });
        expect(keys(items).sort()).toEqual(['desc', 'title']);
      });
    });

    describe('jobs.list pagination', () => {
      let src: string;
      let pageProfile: Profile;
      const all: string[] = [];

      beforeAll(async () => {
        src = uniqueSource();
        pageProfile = await store.profiles.create(profileInput(uniqueSource('pages')), 'test');
        // Repeated dates and scores, and some nulls, so ties and nulls cross page boundaries.
        const inputs = Array.from({ length: 23 }, (_, i) =>
          jobInput({
            sourceType: src,
            externalId: `p${i}`,
            postedAt:
              i % 5 === 0 ? null : `2024-04-${String(10 + (i % 4)).padStart(2, '0')}T00:00:00.000Z`,
          }),
        );
        await store.jobs.upsertMany(inputs, 'test');
        const page = await store.jobs.list({ sourceTypes: [src], limit: 200 });
        all.push(...page.items.map((item) => item.id));
        await store.matches.upsertMany(
          page.items
            .filter((_, i) => i % 3 !== 0)
            .map((item, i) => matchOf(item.id, pageProfile.id, ((i * 7) % 4) * 10)),
        );
      });

      const queries: [string, (profileId: string) => JobQuery][] = [
        ['posted desc', () => ({ sort: 'posted' })],
        ['posted asc', () => ({ sort: 'posted', order: 'asc' })],
        ['fetched asc', () => ({ sort: 'fetched', order: 'asc' })],
        ['score desc', (profileId) => ({ sort: 'score', profileId })],
        ['score asc', (profileId) => ({ sort: 'score', order: 'asc', profileId })],
      ];

      for (const [name, make] of queries) {
        it(`covers the whole set with a cursor, no gaps or repeats (${name})`, async () => {
          const query: JobQuery = { ...make(pageProfile.id), sourceTypes: [src], limit: 4 };
          const { items, pages, totals } = await allPages(store, query);
          const ids = items.map((item) => item.id);
          expect(new Set(ids).size).toBe(ids.length);
          expect([...ids].sort()).toEqual([...all].sort());
          expect(pages).toBe(6);
          expect(totals.every((total) => total === 23)).toBe(true);
          // The cursor walk gives the same order as one big page.
          const single = await store.jobs.list({ ...query, limit: 200 });
          expect(ids).toEqual(single.items.map((item) => item.id));
          // Nulls last, whatever the direction.
          const values = items.map((item) =>
            query.sort === 'score'
              ? item.score
              : query.sort === 'fetched'
                ? item.fetchedAt
                : item.postedAt,
          );
          const firstNull = values.indexOf(null);
          if (query.sort !== 'fetched') expect(firstNull).toBeGreaterThan(0);
          if (firstNull >= 0)
            expect(values.slice(firstNull).every((value) => value === null)).toBe(true);
        });
      }

      it('serves numbered pages with the total of the whole set', async () => {
        const first = await store.jobs.list({ sourceTypes: [src], limit: 10, page: 1 });
        const second = await store.jobs.list({ sourceTypes: [src], limit: 10, page: 2 });
        const third = await store.jobs.list({ sourceTypes: [src], limit: 10, page: 3 });
        expect([first.totalCount, second.totalCount, third.totalCount]).toEqual([23, 23, 23]);
        expect(third.items).toHaveLength(3);
        expect(third.nextCursor).toBeNull();
        const viaCursor = await store.jobs.list({
          sourceTypes: [src],
          limit: 10,
          cursor: first.nextCursor!,
        });
        expect(second.items.map((item) => item.id)).toEqual(viaCursor.items.map((item) => item.id));
        expect((await store.jobs.list({ sourceTypes: [src], limit: 10, page: 9 })).items).toEqual(
          [],
        );
      });
    });

    describe('profiles', () => {
      it('creates, reads, updates and lists', async () => {
        const name = uniqueSource('p');
        const created = await store.profiles.create(profileInput(name), 'user');
        expect(created.id).toMatch(/^prf_/);
        const read = await store.profiles.get(created.id);
        expect(read).toEqual(created);

        const updated = await store.profiles.update(
          created.id,
          profileInput(`${name}-2`, { unplaced: ['a note'] }),
          'user',
        );
        expect(updated).toMatchObject({
          id: created.id,
          name: `${name}-2`,
          unplaced: ['a note'],
          createdAt: created.createdAt,
        });
        expect(await store.profiles.get(created.id)).toEqual(updated);
        expect((await store.profiles.list()).map((p) => p.id)).toContain(created.id);
        expect(await store.profiles.get('prf_missing')).toBeNull();

        const actions = (
          await store.events.list({ entityType: 'profile', entityId: created.id })
        ).map((e) => e.action);
        expect(actions).toEqual(['profile.created', 'profile.updated']);
      });

      it('refuses an unknown id and a name already taken', async () => {
        expect(await codeOf(store.profiles.update('prf_missing', profileInput('x'), 'user'))).toBe(
          'NOT_FOUND',
        );
        const name = uniqueSource('dup');
        await store.profiles.create(profileInput(name), 'user');
        expect(await codeOf(store.profiles.create(profileInput(name), 'user'))).toBe('CONFLICT');
      });

      it('prefers the profile named default, else the oldest', async () => {
        const oldest = (await store.profiles.list())[0];
        expect((await store.profiles.getDefault())?.id).toBe(oldest?.id);
        expect(await store.profiles.defaultId()).toBe(oldest?.id ?? null);
        const named = await store.profiles.create(profileInput('default'), 'user');
        expect((await store.profiles.getDefault())?.id).toBe(named.id);
        expect(await store.profiles.defaultId()).toBe(named.id);
      });
    });

    describe('matches', () => {
      it('upserts, overwrites, lists by score and deletes per profile', async () => {
        const src = uniqueSource();
        const owner = await store.profiles.create(profileInput(uniqueSource('m')), 'test');
        await store.jobs.upsertMany(
          ['j1', 'j2', 'j3'].map((externalId) => jobInput({ sourceType: src, externalId })),
          'test',
        );
        const jobs = (await store.jobs.list({ sourceTypes: [src], sort: 'posted' })).items
          .map((item) => item.id)
          .sort();
        const [a, b, c] = jobs as [string, string, string];

        await store.matches.upsertMany([
          matchOf(a, owner.id, 30),
          matchOf(b, owner.id, 80),
          matchOf(c, owner.id, 55),
        ]);
        expect(await store.matches.get(a, owner.id)).toEqual(matchOf(a, owner.id, 30));
        await store.matches.upsertMany([
          {
            ...matchOf(a, owner.id, 95),
            reasons: [{ kind: 'minus', component: 'pay', text: 'low' }],
          },
        ]);
        expect(await store.matches.get(a, owner.id)).toMatchObject({
          score: 95,
          reasons: [{ kind: 'minus', component: 'pay', text: 'low' }],
        });
        expect(await store.matches.get(a, 'prf_missing')).toBeNull();

        expect((await store.matches.listForProfile(owner.id)).map((m) => m.score)).toEqual([
          95, 80, 55,
        ]);
        expect(
          (await store.matches.listForProfile(owner.id, { minScore: 60 })).map((m) => m.jobId),
        ).toEqual([a, b]);
        expect(
          (await store.matches.listForProfile(owner.id, { limit: 1 })).map((m) => m.jobId),
        ).toEqual([a]);

        expect(await store.matches.deleteForProfile(owner.id)).toBe(3);
        expect(await store.matches.listForProfile(owner.id)).toEqual([]);
        expect(await codeOf(store.matches.upsertMany([matchOf('job_missing', owner.id, 10)]))).toBe(
          'NOT_FOUND',
        );
      });

      it('counts listed postings per score band of ten, as the score filters would', async () => {
        const src = uniqueSource();
        const owner = await store.profiles.create(profileInput(uniqueSource('hist')), 'test');
        const scores = [0, 9, 10, 55, 99, 100, 100, 42, 42];
        await store.jobs.upsertMany(
          scores.map((_, i) => jobInput({ sourceType: src, externalId: `h${i}` })),
          'test',
        );
        const ids = (await store.jobs.list({ sourceTypes: [src], limit: 50 })).items.map(
          (item) => item.id,
        );
        const byExternal = new Map(
          (await store.jobs.getMany(ids)).map((job) => [job.externalId, job.id]),
        );
        const id = (i: number) => byExternal.get(`h${i}`) ?? '';
        await store.matches.upsertMany(scores.map((score, i) => matchOf(id(i), owner.id, score)));
        // Neither a closed posting nor a duplicate is listed, so neither is counted.
        await store.jobs.closeMissing(
          `${src}:acme`,
          scores.map((_, i) => `h${i}`).filter((e) => e !== 'h7'),
          'test',
        );
        await store.jobs.markDuplicate(id(8), id(3), 'test');
        expect(await store.matches.scoreHistogram(owner.id)).toEqual([
          2, 1, 0, 0, 0, 1, 0, 0, 0, 3,
        ]);
        for (let band = 0; band < 10; band++) {
          const page = await store.jobs.list({
            profileId: owner.id,
            sourceTypes: [src],
            minScore: band * 10,
            maxScore: band === 9 ? 100 : band * 10 + 9,
          });
          expect(page.totalCount).toBe((await store.matches.scoreHistogram(owner.id))[band]);
        }
        expect(await store.matches.scoreHistogram('prf_missing')).toEqual(Array(10).fill(0));
      });

      it('reads many jobs by id at once, skipping ids that do not exist', async () => {
        const src = uniqueSource();
        await store.jobs.upsertMany(
          ['g1', 'g2', 'g3'].map((externalId) => jobInput({ sourceType: src, externalId })),
          'test',
        );
        const ids = (await store.jobs.list({ sourceTypes: [src] })).items.map((item) => item.id);
        const many = await store.jobs.getMany([...ids, 'job_missing', ids[0] ?? '']);
        expect(many.map((job) => job.id).sort()).toEqual([...ids].sort());
        expect(many[0]?.raw).toBeDefined();
        expect(await store.jobs.getMany([])).toEqual([]);
      });

      it('keeps the rejection, the basis and the override; an overwrite never clears the override', async () => {
        const src = uniqueSource();
        const owner = await store.profiles.create(profileInput(uniqueSource('rej')), 'test');
        await store.jobs.upsertMany(
          ['r1', 'r2', 'r3'].map((externalId) => jobInput({ sourceType: src, externalId })),
          'test',
        );
        const byKey = Object.fromEntries(
          (await store.jobs.list({ sourceTypes: [src] })).items.map((i) => [i.externalId, i.id]),
        );
        const [r1, r2, r3] = [byKey['r1']!, byKey['r2']!, byKey['r3']!];
        const php = { rule: 'keywords_excluded', reason: 'mentions "php"' } as const;
        await store.matches.upsertMany([
          { ...matchOf(r1, owner.id, 90), rejection: php, contentHash: 'h1', scoringKey: 'k1' },
          { ...matchOf(r2, owner.id, 80), contentHash: 'h2', scoringKey: 'k1' },
          { ...matchOf(r3, owner.id, 70), rejection: { rule: 'platforms', reason: 'lever' } },
        ]);
        expect((await store.matches.get(r1, owner.id))?.rejection).toEqual(php);
        expect(await store.matches.bases(owner.id)).toEqual(
          new Map([
            [
              r1,
              {
                contentHash: 'h1',
                scoringKey: 'k1',
                overridden: false,
                rejectedRule: 'keywords_excluded',
              },
            ],
            [r2, { contentHash: 'h2', scoringKey: 'k1', overridden: false, rejectedRule: null }],
            [
              r3,
              { contentHash: null, scoringKey: null, overridden: false, rejectedRule: 'platforms' },
            ],
          ]),
        );
        expect(await store.matches.rejectionCounts(owner.id)).toEqual({
          keywords_excluded: 1,
          platforms: 1,
        });
        const held = await store.matches.listForProfile(owner.id, { rejected: true });
        expect(held.map((m) => m.jobId)).toEqual([r1, r3]);
        expect(
          (await store.matches.listForProfile(owner.id, { rejected: false })).map((m) => m.jobId),
        ).toEqual([r2]);
        const listed = await store.jobs.list({
          sourceTypes: [src],
          profileId: owner.id,
          rejected: true,
        });
        expect(listed.items.map((i) => [i.externalId, i.rejection?.rule])).toEqual([
          ['r1', 'keywords_excluded'],
          ['r3', 'platforms'],
        ]);

        const overridden = await store.matches.setOverride(r1, owner.id, true);
        expect(overridden).toMatchObject({ overridden: true, rejection: php });
        // A rescore keeps the user's decision.
        await store.matches.upsertMany([
          { ...matchOf(r1, owner.id, 91), rejection: php, contentHash: 'h1b', scoringKey: 'k2' },
        ]);
        expect(await store.matches.get(r1, owner.id)).toMatchObject({
          score: 91,
          overridden: true,
        });
        expect(await store.matches.rejectionCounts(owner.id)).toEqual({ platforms: 1 });
        expect((await store.matches.bases(owner.id)).get(r1)?.overridden).toBe(true);
        const notHeld = await store.jobs.list({
          sourceTypes: [src],
          profileId: owner.id,
          rejected: false,
        });
        expect(notHeld.items.map((i) => [i.externalId, i.rejection])).toEqual([
          ['r1', null],
          ['r2', null],
        ]);
        expect(await store.matches.setOverride('job_missing', owner.id, true)).toBeNull();
      });

      it('upserts more matches than one chunk holds', async () => {
        const src = uniqueSource();
        const owner = await store.profiles.create(profileInput(uniqueSource('bulk')), 'test');
        await store.jobs.upsertMany(
          Array.from({ length: 2100 }, (_, i) =>
            jobInput({ sourceType: src, externalId: `mm${i}` }),
          ),
          'test',
        );
        const ids = (await allPages(store, { sourceTypes: [src], limit: 200 })).items.map(
          (item) => item.id,
        );
        await store.matches.upsertMany(ids.map((id, i) => matchOf(id, owner.id, i % 101)));
        await store.matches.upsertMany(ids.map((id) => matchOf(id, owner.id, 100)));
        const listed = await store.matches.listForProfile(owner.id);
        expect(listed).toHaveLength(2100);
        expect(listed.every((m) => m.score === 100)).toBe(true);
      });
    });

    describe('job features', () => {
      it('lists jobs whose features are missing or stale, stores them and streams them back', async () => {
        const src = uniqueSource();
        await store.jobs.upsertMany(
          ['f1', 'f2', 'f3'].map((externalId) => jobInput({ sourceType: src, externalId })),
          'test',
        );
        const mine = async (options: { version: number; rulesKey: string }) => {
          const out = [];
          let afterId: string | undefined;
          for (;;) {
            const page = await store.jobFeatures.pending({
              ...options,
              limit: 500,
              ...(afterId === undefined ? {} : { afterId }),
            });
            out.push(...page.filter((job) => job.sourceType === src));
            if (page.length < 500) return out;
            afterId = page.at(-1)?.id;
          }
        };
        const pending = await mine({ version: 1, rulesKey: 'r' });
        expect(pending.map((j) => j.externalId).sort()).toEqual(['f1', 'f2', 'f3']);
        expect(pending[0]).not.toHaveProperty('raw');
        const entries = pending.map((job) => ({
          jobId: job.id,
          contentHash: job.contentHash,
          version: 1,
          data: { title: job.title, terms: [['go', 2]] },
          companyKey: 'acme',
          postedAt: job.postedAt,
          rulesKey: 'r',
          rejection:
            job.externalId === 'f2'
              ? ({ rule: 'locations', reason: 'Paris is not in your locations' } as const)
              : null,
        }));
        await store.jobFeatures.upsertMany(entries);
        expect(await mine({ version: 1, rulesKey: 'r' })).toEqual([]);
        // A new features version or new rules make every posting pending again.
        expect(await mine({ version: 2, rulesKey: 'r' })).toHaveLength(3);
        expect(await mine({ version: 1, rulesKey: 'r2' })).toHaveLength(3);
        // Changed content makes that posting pending, and its stale features stop streaming.
        await store.jobs.upsert(
          jobInput({ sourceType: src, externalId: 'f1', title: 'Staff Engineer' }),
          'test',
        );
        expect((await mine({ version: 1, rulesKey: 'r' })).map((j) => j.externalId)).toEqual([
          'f1',
        ]);
        const streamed = [];
        for await (const page of store.jobFeatures.stream({ pageSize: 1 }))
          streamed.push(...page.filter((e) => entries.some((x) => x.jobId === e.jobId)));
        expect(streamed.map((e) => e.jobId).sort()).toEqual(
          entries
            .filter((e) => e.jobId !== pending.find((j) => j.externalId === 'f1')?.id)
            .map((e) => e.jobId)
            .sort(),
        );
        const f2 = streamed.find((e) => e.rejection !== null);
        expect(f2).toMatchObject({
          data: { terms: [['go', 2]] },
          companyKey: 'acme',
          rejection: { rule: 'locations', reason: 'Paris is not in your locations' },
        });
        expect(
          await store.jobFeatures.countPending({ version: 1, rulesKey: 'r' }),
        ).toBeGreaterThanOrEqual(1);
      });
    });

    describe('drafts', () => {
      it('starts pending review, is edited and approved, each step logged', async () => {
        const { job } = await store.jobs.upsert(jobInput({ sourceType: uniqueSource() }), 'test');
        const draft = await store.drafts.create(draftInput(job.id, profile.id), 'engine');
        expect(draft).toMatchObject({
          status: 'pending_review',
          jobId: job.id,
          citedRequirements: ['TypeScript'],
          grounding: null,
        });
        expect(draft.id).toMatch(/^drf_/);
        expect(await store.drafts.get(draft.id)).toEqual(draft);

        const grounding = {
          claims: [
            {
              text: 'knows TypeScript',
              supported: true,
              evidence: 'skills',
              confirmedByUser: false,
            },
          ],
          unsupportedCount: 0,
        };
        const edited = await store.drafts.updateText(
          draft.id,
          'A better letter.',
          grounding,
          'user',
        );
        expect(edited).toMatchObject({
          text: 'A better letter.',
          grounding,
          status: 'pending_review',
        });
        expect(await store.drafts.get(draft.id)).toEqual(edited);

        const approved = await store.drafts.setStatus(draft.id, 'approved', 'user');
        expect(approved.status).toBe('approved');
        expect((await store.drafts.get(draft.id))?.status).toBe('approved');

        const events = await store.events.list({ entityType: 'draft', entityId: draft.id });
        expect(events.map((e) => e.action)).toEqual([
          'draft.created',
          'draft.edited',
          'draft.status_changed',
        ]);
        expect(events[2]?.data).toEqual({ from: 'pending_review', to: 'approved' });

        const second = await store.drafts.create(
          { ...draftInput(job.id, profile.id), kind: 'proposal' },
          'engine',
        );
        expect((await store.drafts.listForJob(job.id)).map((d) => d.id)).toEqual([
          second.id,
          draft.id,
        ]);
      });

      it('lists by status with a total, and refuses unknown ids', async () => {
        const { job } = await store.jobs.upsert(jobInput({ sourceType: uniqueSource() }), 'test');
        const made = [];
        for (let i = 0; i < 3; i++)
          made.push(await store.drafts.create(draftInput(job.id, profile.id), 'engine'));
        await store.drafts.setStatus(made[0]!.id, 'superseded', 'engine');
        const superseded = await store.drafts.listByStatus('superseded');
        expect(superseded.items.map((d) => d.id)).toContain(made[0]!.id);
        const pending = await store.drafts.listByStatus('pending_review', { limit: 1 });
        expect(pending.items).toHaveLength(1);
        expect(pending.totalCount).toBeGreaterThanOrEqual(2);
        const rest = await store.drafts.listByStatus('pending_review', { limit: 1000, offset: 1 });
        expect(rest.items).toHaveLength(pending.totalCount - 1);

        expect(await codeOf(store.drafts.updateText('drf_missing', 'x', null, 'user'))).toBe(
          'NOT_FOUND',
        );
        expect(await codeOf(store.drafts.setStatus('drf_missing', 'approved', 'user'))).toBe(
          'NOT_FOUND',
        );
        expect(
          await codeOf(store.drafts.create(draftInput('job_missing', profile.id), 'engine')),
        ).toBe('NOT_FOUND');
      });
    });

    describe('applications', () => {
      it('creates once per job and profile, and moves along the stage machine', async () => {
        const { job } = await store.jobs.upsert(jobInput({ sourceType: uniqueSource() }), 'test');
        const application = await store.applications.create(job.id, profile.id, 'user');
        expect(application).toMatchObject({
          stage: 'discovered',
          jobId: job.id,
          profileId: profile.id,
          notes: '',
        });
        expect(application.id).toMatch(/^app_/);
        expect(await store.applications.get(application.id)).toEqual(application);
        expect(await store.applications.getByJob(job.id, profile.id)).toEqual(application);
        expect(await codeOf(store.applications.create(job.id, profile.id, 'user'))).toBe(
          'CONFLICT',
        );

        const moved = await store.applications.moveTo(
          application.id,
          'shortlisted',
          'user',
          'looks good',
        );
        expect(moved.stage).toBe('shortlisted');
        expect(moved.stageChangedAt >= application.stageChangedAt).toBe(true);
        expect(await store.applications.get(application.id)).toEqual(moved);

        const events = await store.events.list({
          entityType: 'application',
          entityId: application.id,
        });
        expect(events.map((e) => e.action)).toEqual([
          'application.created',
          'application.stage_changed',
        ]);
        expect(events[1]?.data).toEqual({
          from: 'discovered',
          to: 'shortlisted',
          note: 'looks good',
        });
      });

      it('refuses an illegal move with ILLEGAL_TRANSITION and logs nothing', async () => {
        const { job } = await store.jobs.upsert(jobInput({ sourceType: uniqueSource() }), 'test');
        const application = await store.applications.create(job.id, profile.id, 'user');
        expect(await codeOf(store.applications.moveTo(application.id, 'hired', 'user'))).toBe(
          'ILLEGAL_TRANSITION',
        );
        expect((await store.applications.get(application.id))?.stage).toBe('discovered');
        const events = await store.events.list({
          entityType: 'application',
          entityId: application.id,
        });
        expect(events.map((e) => e.action)).toEqual(['application.created']);
      });

      it('refuses unknown ids with NOT_FOUND', async () => {
        const { job } = await store.jobs.upsert(jobInput({ sourceType: uniqueSource() }), 'test');
        expect(await codeOf(store.applications.moveTo('app_missing', 'shortlisted', 'user'))).toBe(
          'NOT_FOUND',
        );
        expect(await codeOf(store.applications.create('job_missing', profile.id, 'user'))).toBe(
          'NOT_FOUND',
        );
        expect(await codeOf(store.applications.create(job.id, 'prf_missing', 'user'))).toBe(
          'NOT_FOUND',
        );
        expect(await store.applications.get('app_missing')).toBeNull();
        expect(await store.applications.getByJob(job.id, 'prf_missing')).toBeNull();
      });

      it('lists and counts by stage and profile', async () => {
        const owner = await store.profiles.create(profileInput(uniqueSource('apps')), 'test');
        const src = uniqueSource();
        await store.jobs.upsertMany(
          ['a', 'b', 'c'].map((externalId) => jobInput({ sourceType: src, externalId })),
          'test',
        );
        const jobs = (await store.jobs.list({ sourceTypes: [src] })).items;
        await store.applications.create(jobs[0]!.id, owner.id, 'user', 'applied');
        await store.applications.create(jobs[1]!.id, owner.id, 'user', 'applied');
        const third = await store.applications.create(jobs[2]!.id, owner.id, 'user');
        await store.applications.moveTo(third.id, 'drafting', 'user');

        expect(await store.applications.countByStage(owner.id)).toEqual({
          applied: 2,
          drafting: 1,
        });
        const all = await store.applications.countByStage();
        expect(all.applied).toBeGreaterThanOrEqual(2);
        expect((await store.applications.list({ profileId: owner.id })).map((a) => a.id)[0]).toBe(
          third.id,
        );
        expect(
          await store.applications.list({ profileId: owner.id, stage: 'applied' }),
        ).toHaveLength(2);
        expect(await store.applications.list({ profileId: owner.id, limit: 1 })).toHaveLength(1);
      });
    });

    describe('events', () => {
      it('appends and lists oldest first, by entity, after an id and newest within a limit', async () => {
        const entityId = uniqueSource('ent');
        const appended = [];
        for (let i = 0; i < 5; i++) {
          appended.push(
            await store.events.append({
              actor: 'test',
              entityType: 'system',
              entityId,
              action: `tick.${i}`,
              data: { i },
            }),
          );
        }
        expect(appended[0]).toMatchObject({
          actor: 'test',
          entityType: 'system',
          entityId,
          action: 'tick.0',
          data: { i: 0 },
        });
        expect(appended[0]?.id).toMatch(/^evt_/);

        const listed = await store.events.list({ entityType: 'system', entityId });
        expect(listed).toEqual(appended);
        expect(
          (await store.events.list({ entityId, afterId: appended[1]!.id })).map((e) => e.action),
        ).toEqual(['tick.2', 'tick.3', 'tick.4']);
        expect(
          (await store.events.list({ entityId, afterId: appended[1]!.id, limit: 2 })).map(
            (e) => e.action,
          ),
        ).toEqual(['tick.2', 'tick.3']);
        expect((await store.events.list({ entityId, limit: 2 })).map((e) => e.action)).toEqual([
          'tick.3',
          'tick.4',
        ]);
        expect(await store.events.list({ entityId, afterId: appended[4]!.id })).toEqual([]);

        const defaults = await store.events.append({
          actor: 'test',
          entityType: 'system',
          entityId,
          action: 'bare',
        });
        expect(defaults.data).toEqual({});
        expect(
          await codeOf(
            store.events.append({ actor: '', entityType: 'system', entityId, action: 'x' }),
          ),
        ).toBe('INVALID_INPUT');
      });

      it('cannot be updated or deleted, even with SQL', async () => {
        const event = await store.events.append({
          actor: 'test',
          entityType: 'system',
          entityId: uniqueSource('ro'),
          action: 'kept',
        });
        await expect(
          executeRawForTests(
            store,
            `update events set action = 'changed' where id = '${event.id}'`,
          ),
        ).rejects.toThrow(/append-only/);
        await expect(
          executeRawForTests(store, `delete from events where id = '${event.id}'`),
        ).rejects.toThrow(/append-only/);
        await expect(executeRawForTests(store, 'delete from events')).rejects.toThrow(
          /append-only/,
        );
        expect((await store.events.list({ entityId: event.entityId }))[0]).toEqual(event);
      });
    });

    describe('jobs dedupe and provenance', () => {
      const fingerprinter = new Fingerprinter();
      /** A posting of one role as a source lists it, with its dedupe key and signature. */
      function role(
        sourceType: string,
        externalId: string,
        overrides: Partial<JobInputDraft> = {},
      ): JobUpsertInput {
        const input = jobInput({
          sourceType,
          externalId,
          title: 'Senior Backend Engineer',
          company: 'Acme',
          descriptionHtml:
            '<p>Acme builds billing software.</p><ul><li>Own the event pipeline</li><li>Write TypeScript</li></ul>',
          ...overrides,
        });
        const print = fingerprinter.fingerprint(input);
        return {
          ...input,
          dedupeKey: print.key,
          dedupeSignature: encodeSignature(print.signature),
        };
      }

      it('merges a duplicate without losing it: list hides it, provenance shows both', async () => {
        const board = uniqueSource('board');
        const ats = uniqueSource('ats');
        const canonical = await store.jobs.upsert(
          role(ats, 'a1', { postedAt: '2024-05-01T10:00:00.000Z' }),
          'ingest',
        );
        const copy = await store.jobs.upsert(
          role(board, 'b1', {
            title: 'Sr. Backend Engineer (Remote)',
            postedAt: '2024-05-02T10:00:00.000Z',
            fetchedAt: '2024-05-03T10:00:00.000Z',
          }),
          'ingest',
        );
        const countBefore = await store.jobs.count();

        expect(await store.jobs.markDuplicate(copy.job.id, canonical.job.id, 'ingest')).toEqual({
          canonicalJobId: canonical.job.id,
          changed: true,
        });

        // Nothing lost: the merged job keeps its row, content and events.
        expect(await store.jobs.count()).toBe(countBefore);
        expect(await store.jobs.get(copy.job.id)).toEqual(copy.job);
        // The listing shows the role once, and counts it once.
        const listed = await store.jobs.list({ sourceTypes: [ats, board] });
        expect(listed.items.map((job) => job.id)).toEqual([canonical.job.id]);
        expect(listed.totalCount).toBe(1);
        const everything = await store.jobs.list({
          sourceTypes: [ats, board],
          includeDuplicates: true,
        });
        expect(everything.items.map((job) => job.id).sort()).toEqual(
          [canonical.job.id, copy.job.id].sort(),
        );
        expect(everything.totalCount).toBe(2);
        expect((await store.jobs.list({ sourceTypes: [board] })).totalCount).toBe(0);

        const expected = [
          {
            jobId: canonical.job.id,
            canonical: true,
            sourceType: ats,
            sourceId: `${ats}:acme`,
            externalId: 'a1',
            url: canonical.job.url,
            postedAt: '2024-05-01T10:00:00.000Z',
            fetchedAt: '2024-05-02T10:00:00.000Z',
            status: 'open',
          },
          {
            jobId: copy.job.id,
            canonical: false,
            sourceType: board,
            sourceId: `${board}:acme`,
            externalId: 'b1',
            url: copy.job.url,
            postedAt: '2024-05-02T10:00:00.000Z',
            fetchedAt: '2024-05-03T10:00:00.000Z',
            status: 'open',
          },
        ];
        expect(await store.jobs.provenance(canonical.job.id)).toEqual(expected);
        expect(await store.jobs.provenance(copy.job.id)).toEqual(expected);
        expect(await store.jobs.provenance('job_missing')).toEqual([]);

        const events = await store.events.list({ entityType: 'job', entityId: copy.job.id });
        expect(events.map((e) => e.action)).toEqual(['job.created', 'job.merged']);
        expect(events[1]).toMatchObject({
          actor: 'ingest',
          data: { jobId: copy.job.id, canonicalJobId: canonical.job.id },
        });

        // Marking again changes nothing and logs nothing.
        expect(await store.jobs.markDuplicate(copy.job.id, canonical.job.id, 'ingest')).toEqual({
          canonicalJobId: canonical.job.id,
          changed: false,
        });
        expect(await store.events.list({ entityType: 'job', entityId: copy.job.id })).toHaveLength(
          2,
        );
        expect(await store.jobs.provenance(copy.job.id)).toEqual(expected);
      });

      it('keeps groups one level deep: follows a canonical to its root, moves followers, swaps roots', async () => {
        const src = uniqueSource();
        const [a, b, c, d] = await Promise.all(
          ['a', 'b', 'c', 'd'].map(
            async (id) => (await store.jobs.upsert(role(src, id), 'test')).job.id,
          ),
        );
        await store.jobs.markDuplicate(b!, a!, 'test');
        // c is marked a duplicate of b, a duplicate: it joins a's group.
        expect(await store.jobs.markDuplicate(c!, b!, 'test')).toEqual({
          canonicalJobId: a!,
          changed: true,
        });
        const cEvents = await store.events.list({ entityType: 'job', entityId: c! });
        expect(cEvents.at(-1)?.data).toEqual({
          jobId: c!,
          canonicalJobId: a!,
          requestedCanonicalJobId: b!,
        });

        // a (with its duplicates) is marked a duplicate of d: everyone moves to d.
        expect(await store.jobs.markDuplicate(a!, d!, 'test')).toEqual({
          canonicalJobId: d!,
          changed: true,
        });
        const group = await store.jobs.provenance(b!);
        expect(group.map((entry) => [entry.jobId, entry.canonical])).toEqual([
          [d!, true],
          ...[a!, b!, c!].sort().map((id) => [id, false]),
        ]);
        const aEvents = await store.events.list({ entityType: 'job', entityId: a! });
        expect(aEvents.at(-1)?.data).toMatchObject({
          canonicalJobId: d!,
          movedJobIds: [b!, c!].sort(),
        });

        // Naming a member as the canonical of its root makes it the root.
        expect(await store.jobs.markDuplicate(d!, b!, 'test')).toEqual({
          canonicalJobId: b!,
          changed: true,
        });
        const swapped = await store.jobs.provenance(d!);
        expect(swapped[0]?.jobId).toBe(b!);
        expect(swapped.filter((entry) => entry.canonical)).toHaveLength(1);
        expect(swapped).toHaveLength(4);
        expect((await store.jobs.list({ sourceTypes: [src] })).items.map((job) => job.id)).toEqual([
          b!,
        ]);
      });

      it('refuses unknown ids and a job marked duplicate of itself, and undoes a merge', async () => {
        const src = uniqueSource();
        const a = (await store.jobs.upsert(role(src, 'a'), 'test')).job.id;
        const b = (await store.jobs.upsert(role(src, 'b'), 'test')).job.id;
        expect(await codeOf(store.jobs.markDuplicate(a, 'job_missing', 'test'))).toBe('NOT_FOUND');
        expect(await codeOf(store.jobs.markDuplicate('job_missing', a, 'test'))).toBe('NOT_FOUND');
        expect(await codeOf(store.jobs.markDuplicate(a, a, 'test'))).toBe('INVALID_INPUT');
        expect(await codeOf(store.jobs.unmarkDuplicate('job_missing', 'test'))).toBe('NOT_FOUND');

        await store.jobs.markDuplicate(b, a, 'test');
        expect(await store.jobs.unmarkDuplicate(b, 'user')).toBe(true);
        expect(await store.jobs.unmarkDuplicate(b, 'user')).toBe(false);
        expect((await store.jobs.list({ sourceTypes: [src] })).totalCount).toBe(2);
        expect(await store.jobs.provenance(b)).toHaveLength(1);
        const events = await store.events.list({ entityType: 'job', entityId: b });
        expect(events.at(-1)).toMatchObject({
          action: 'job.unmerged',
          actor: 'user',
          data: { jobId: b, canonicalJobId: a },
        });
      });

      it('rolls a merge back with the transaction it ran in', async () => {
        const src = uniqueSource();
        const a = (await store.jobs.upsert(role(src, 'a'), 'test')).job.id;
        const b = (await store.jobs.upsert(role(src, 'b'), 'test')).job.id;
        await expect(
          store.transaction(async (tx) => {
            await tx.jobs.markDuplicate(b, a, 'test');
            expect((await tx.jobs.list({ sourceTypes: [src] })).totalCount).toBe(1);
            throw new Error('boom');
          }),
        ).rejects.toThrow('boom');
        expect((await store.jobs.list({ sourceTypes: [src] })).totalCount).toBe(2);
        expect((await store.events.list({ entityId: b })).map((e) => e.action)).toEqual([
          'job.created',
        ]);
      });

      it('keeps a merge across content updates, and hands over when the canonical job closes', async () => {
        const ats = uniqueSource('ats');
        const board = uniqueSource('board');
        const canonical = (await store.jobs.upsert(role(ats, 'a1'), 'ingest')).job.id;
        const copy = (
          await store.jobs.upsert(
            role(board, 'b1', { fetchedAt: '2024-05-04T00:00:00.000Z' }),
            'ingest',
          )
        ).job.id;
        const older = (
          await store.jobs.upsert(
            role(board, 'b2', { fetchedAt: '2024-05-03T00:00:00.000Z' }),
            'ingest',
          )
        ).job.id;
        await store.jobs.markDuplicate(copy, canonical, 'ingest');
        await store.jobs.markDuplicate(older, canonical, 'ingest');

        const changed = await store.jobs.upsert(
          role(board, 'b1', {
            title: 'Senior Backend Engineer II',
            fetchedAt: '2024-05-05T00:00:00.000Z',
          }),
          'ingest',
        );
        expect(changed.outcome).toBe('updated');
        expect(
          (await store.jobs.list({ sourceTypes: [ats, board] })).items.map((j) => j.id),
        ).toEqual([canonical]);

        // The ATS stops listing the role; the board still lists it.
        expect(await store.jobs.closeMissing(`${ats}:acme`, [], 'scheduler')).toBe(1);
        const listed = await store.jobs.list({ sourceTypes: [ats, board] });
        expect(listed.items.map((job) => job.id)).toEqual([copy]);
        const group = await store.jobs.provenance(canonical);
        expect(group.map((entry) => [entry.jobId, entry.canonical, entry.status])).toEqual([
          [copy, true, 'open'],
          ...[
            [canonical, false, 'closed'],
            [older, false, 'open'],
          ].sort((x, y) => String(x[0]).localeCompare(String(y[0]))),
        ]);
        const events = await store.events.list({ entityType: 'job', entityId: canonical });
        expect(events.slice(-2).map((e) => e.action)).toEqual(['job.closed', 'job.merged']);
        expect(events.at(-1)?.data).toMatchObject({
          jobId: canonical,
          canonicalJobId: copy,
          movedJobIds: [older],
        });
      });

      it('stores signatures with upserts, clears stale ones, and fills missing ones on an unchanged upsert', async () => {
        const src = uniqueSource();
        const input = role(src, 's1');
        const key = input.dedupeKey!;
        const { job } = await store.jobs.upsert(input, 'ingest');
        const mine = async () =>
          (await store.jobs.listDedupeCandidates([key])).filter((c) => c.id === job.id);
        expect(await mine()).toEqual([
          {
            id: job.id,
            key,
            title: 'Senior Backend Engineer',
            signature: input.dedupeSignature,
            canonicalUrl: job.canonicalUrl,
          },
        ]);
        expect(input.dedupeSignature).toMatch(/^mh2:/);

        // New content without a signature: the old one no longer describes it.
        const {
          dedupeKey: _k,
          dedupeSignature: _s,
          ...unsigned
        } = role(src, 's1', { title: 'Staff Backend Engineer' });
        expect((await store.jobs.upsert(unsigned, 'ingest')).outcome).toBe('updated');
        expect(await mine()).toEqual([]);

        // The same content again, now with a signature: filled in, still unchanged.
        const signed = role(src, 's1', { title: 'Staff Backend Engineer' });
        expect((await store.jobs.upsertMany([signed], 'ingest')).unchanged).toBe(1);
        expect((await mine())[0]?.signature).toBe(signed.dedupeSignature);
        const events = await store.events.list({ entityType: 'job', entityId: job.id });
        expect(events.map((e) => e.action)).toEqual(['job.created', 'job.updated']);
      });

      it('lists the open canonical signed jobs of the keys asked for, by id', async () => {
        const src = uniqueSource();
        const key = `key-${src}`;
        // Another key's job, older than every job of `key`.
        const other = `other-${src}`;
        const otherId = (
          await store.jobs.upsert({ ...role(src, 'o1'), dedupeKey: other }, 'ingest')
        ).job.id;
        const ids: string[] = [];
        for (let i = 0; i < 7; i++) {
          const input = { ...role(src, `p${i}`), dedupeKey: key };
          ids.push((await store.jobs.upsert(input, 'ingest')).job.id);
        }
        const { dedupeKey: _k, dedupeSignature: _s, ...plain } = role(src, 'unsigned');
        await store.jobs.upsert(plain, 'ingest');
        await store.jobs.markDuplicate(ids[1]!, ids[0]!, 'ingest');
        await store.jobs.closeMissing(
          `${src}:acme`,
          ['o1', 'p0', 'p1', 'p3', 'p4', 'p5', 'p6', 'unsigned'],
          'ingest',
        );
        const expected = [ids[0]!, ids[3]!, ids[4]!, ids[5]!, ids[6]!].sort();

        const byKey = await store.jobs.listDedupeCandidates([key]);
        expect(byKey.map((c) => c.id)).toEqual(expected);
        expect(byKey.every((c) => c.key === key && c.signature.startsWith('mh2:'))).toBe(true);

        // Several keys, over several statements (`other` in the last): every key's jobs once,
        // all in id order.
        const keys = [
          key,
          ...Array.from({ length: 2500 }, (_, i) => `none-${src}-${i}`),
          key,
          other,
        ];
        const both = await store.jobs.listDedupeCandidates(keys);
        expect(both.map((c) => c.id)).toEqual([otherId, ...expected]);
        expect(await store.jobs.listDedupeCandidates([])).toEqual([]);
      });

      it('sets signatures of existing jobs in bulk, skipping unknown ids', async () => {
        const src = uniqueSource();
        const ids: string[] = [];
        for (let i = 0; i < 3; i++) {
          const { dedupeKey: _k, dedupeSignature: _s, ...plain } = role(src, `u${i}`);
          ids.push((await store.jobs.upsert(plain, 'ingest')).job.id);
        }
        const key = `bulk-${src}`;
        const entries = ids.map((jobId, i) => ({ jobId, key, signature: `mh1:sig${i}` }));
        expect(
          await store.jobs.setDedupeSignatures([
            ...entries,
            { jobId: 'job_missing', key, signature: 'x' },
          ]),
        ).toBe(3);
        expect(await store.jobs.setDedupeSignatures([])).toBe(0);
        const candidates = await store.jobs.listDedupeCandidates([key]);
        expect(candidates.map((c) => [c.id, c.signature])).toEqual(
          entries
            .map((e) => [e.jobId, e.signature])
            .sort((x, y) => String(x[0]).localeCompare(String(y[0]))),
        );
      });
      it('reads what fingerprints are made of, by id, across chunks of ids', async () => {
        const src = uniqueSource();
        const linked = (
          await store.jobs.upsert(
            role(src, 'f1', { canonicalUrl: 'https://acme.example/careers/backend' }),
            'ingest',
          )
        ).job;
        const plain = (
          await store.jobs.upsert(
            role(src, 'f2', { title: 'Data Engineer', company: 'Acme GmbH' }),
            'ingest',
          )
        ).job;
        // Stored without a canonical URL: the URL as the source gave it stands in.
        await executeRawForTests(
          store,
          `update jobs set canonical_url = null where id = '${plain.id}'`,
        );
        // Far more ids than one statement names, the real ones in later chunks, one twice.
        const missing = Array.from({ length: 2500 }, (_, i) => `job_missing_${i}`);
        const sources = await store.jobs.fingerprintSources([
          ...missing,
          plain.id,
          ...missing.slice(0, 1000),
          linked.id,
          plain.id,
        ]);
        expect(sources.sort((x, y) => x.id.localeCompare(y.id))).toEqual(
          [
            {
              id: linked.id,
              company: linked.company,
              title: linked.title,
              descriptionText: linked.descriptionText,
              url: 'https://acme.example/careers/backend',
            },
            {
              id: plain.id,
              company: 'Acme GmbH',
              title: 'Data Engineer',
              descriptionText: plain.descriptionText,
              url: plain.url,
            },
          ].sort((x, y) => x.id.localeCompare(y.id)),
        );
        expect(await store.jobs.fingerprintSources([])).toEqual([]);
        expect(await store.jobs.fingerprintSources(['job_missing'])).toEqual([]);
      });
    });

    describe('source runs', () => {
      const run = (sourceId: string, startedAt: string, extra: Partial<SourceRunInput> = {}) => ({
        sourceId,
        name: sourceId.split(':')[1] ?? sourceId,
        trigger: 'manual' as const,
        startedAt,
        finishedAt: startedAt,
        status: 'ok' as const,
        counts: {
          fetched: 3,
          created: 2,
          updated: 1,
          unchanged: 0,
          duplicates: 0,
          closed: 0,
          invalid: 0,
        },
        invalidSamples: [],
        error: null,
        errorKind: null,
        retryAt: null,
        tookMs: 12.6,
        ...extra,
      });

      it('records runs and lists them newest first, with counts and failure details', async () => {
        const id = `greenhouse:${uniqueSource('run')}`;
        await store.sourceRuns.record(run(id, '2026-01-01T10:00:00Z'));
        const failed = await store.sourceRuns.record(
          run(id, '2026-01-01T11:00:00Z', {
            status: 'failed',
            error: 'HTTP 429 from boards-api.greenhouse.io',
            errorKind: 'rate_limited',
            retryAt: '2026-01-01T12:30:00Z',
            invalidSamples: [{ externalId: '7', reason: 'no title' }],
            counts: {
              fetched: 0,
              created: 0,
              updated: 0,
              unchanged: 0,
              duplicates: 0,
              closed: 0,
              invalid: 1,
            },
          }),
        );
        expect(failed.id).toMatch(/^run_/);
        const runs = await store.sourceRuns.list(id);
        expect(runs.map((r) => r.status)).toEqual(['failed', 'ok']);
        expect(runs[0]).toMatchObject({
          errorKind: 'rate_limited',
          retryAt: '2026-01-01T12:30:00.000Z',
          invalidSamples: [{ externalId: '7', reason: 'no title' }],
          startedAt: '2026-01-01T11:00:00.000Z',
        });
        expect(runs[1]?.counts).toEqual({
          fetched: 3,
          created: 2,
          updated: 1,
          unchanged: 0,
          duplicates: 0,
          closed: 0,
          invalid: 0,
        });
        expect(runs[1]?.tookMs).toBe(13);
        expect(await store.sourceRuns.list(id, { limit: 1 })).toHaveLength(1);
      });

      it('gives the newest runs of every source and prunes old history', async () => {
        const a = `lever:${uniqueSource('ra')}`;
        const b = `lever:${uniqueSource('rb')}`;
        for (const hour of ['01', '02', '03'])
          await store.sourceRuns.record(run(a, `2020-02-01T${hour}:00:00Z`));
        await store.sourceRuns.record(run(b, '2020-02-01T05:00:00Z'));
        const recent = await store.sourceRuns.recent(2);
        expect(recent.get(a)?.map((r) => r.startedAt)).toEqual([
          '2020-02-01T03:00:00.000Z',
          '2020-02-01T02:00:00.000Z',
        ]);
        expect(recent.get(b)).toHaveLength(1);
        expect(await store.sourceRuns.prune('2020-02-01T02:30:00Z')).toBeGreaterThanOrEqual(2);
        expect((await store.sourceRuns.list(a)).map((r) => r.startedAt)).toEqual([
          '2020-02-01T03:00:00.000Z',
        ]);
      });
    });

    describe('http cache', () => {
      it('keeps validators and bodies per source, replaces by url, and clears', async () => {
        const id = `rss:${uniqueSource('cache')}`;
        const other = `rss:${uniqueSource('cache2')}`;
        await store.httpCache.save(id, [
          { url: 'https://a.test/feed', etag: 'W/"1"', lastModified: null, body: '<rss>1</rss>' },
          {
            url: 'https://a.test/jobs',
            etag: null,
            lastModified: 'Tue, 01 Apr 2025 10:00:00 GMT',
            body: '{"jobs":[]}',
          },
        ]);
        await store.httpCache.save(other, [
          { url: 'https://a.test/feed', etag: 'x', lastModified: null, body: 'other' },
        ]);
        await store.httpCache.save(id, [
          { url: 'https://a.test/feed', etag: 'W/"2"', lastModified: null, body: '<rss>2 é</rss>' },
        ]);
        expect(await store.httpCache.load(id)).toEqual([
          { url: 'https://a.test/feed', etag: 'W/"2"', lastModified: null, body: '<rss>2 é</rss>' },
          {
            url: 'https://a.test/jobs',
            etag: null,
            lastModified: 'Tue, 01 Apr 2025 10:00:00 GMT',
            body: '{"jobs":[]}',
          },
        ]);
        expect(await store.httpCache.clear(id, ['https://a.test/feed'])).toBe(1);
        expect((await store.httpCache.load(id)).map((e) => e.url)).toEqual(['https://a.test/feed']);
        expect(await store.httpCache.clear(id)).toBe(1);
        expect(await store.httpCache.load(id)).toEqual([]);
        expect(await store.httpCache.load(other)).toHaveLength(1);
      });
    });

    describe('secrets', () => {
      it('stores, replaces, lists and deletes ciphertexts by name', async () => {
        const name = `upwork:${uniqueSource('secret')}`;
        expect(await store.secrets.get(name)).toBeNull();
        await store.secrets.put(name, 'v1.aaa');
        await store.secrets.put(name, 'v1.bbb');
        expect(await store.secrets.get(name)).toBe('v1.bbb');
        expect(await store.secrets.names()).toContain(name);
        expect(await store.secrets.delete(name)).toBe(true);
        expect(await store.secrets.delete(name)).toBe(false);
        expect(await store.secrets.get(name)).toBeNull();
      });
    });

    describe('transactions', () => {
      it('commits everything the work did', async () => {
        const name = uniqueSource('tx');
        const created = await store.transaction(async (tx) => {
          const p = await tx.profiles.create(profileInput(name), 'test');
          await tx.events.append({
            actor: 'test',
            entityType: 'profile',
            entityId: p.id,
            action: 'custom',
          });
          return p;
        });
        expect(await store.profiles.get(created.id)).toEqual(created);
        expect((await store.events.list({ entityId: created.id })).map((e) => e.action)).toEqual([
          'profile.created',
          'custom',
        ]);
      });

      it('rolls back everything when the work throws, nested calls included', async () => {
        const src = uniqueSource();
        const before = await store.jobs.count();
        let profileId = '';
        await expect(
          store.transaction(async (tx) => {
            profileId = (await tx.profiles.create(profileInput(uniqueSource('rb')), 'test')).id;
            await tx.jobs.upsertMany([jobInput({ sourceType: src })], 'test');
            await tx.transaction(async (inner) => {
              await inner.jobs.upsert(jobInput({ sourceType: src }), 'test');
            });
            throw new Error('boom');
          }),
        ).rejects.toThrow('boom');
        expect(await store.profiles.get(profileId)).toBeNull();
        expect(await store.jobs.count()).toBe(before);
        expect((await store.jobs.list({ sourceTypes: [src], status: 'all' })).totalCount).toBe(0);
        expect(await store.events.list({ entityId: profileId })).toEqual([]);
      });

      it('rolls back a failed illegal move inside a transaction', async () => {
        const { job } = await store.jobs.upsert(jobInput({ sourceType: uniqueSource() }), 'test');
        const application = await store.applications.create(job.id, profile.id, 'user');
        const code = await codeOf(
          store.transaction(async (tx) => {
            await tx.applications.moveTo(application.id, 'shortlisted', 'user');
            await tx.applications.moveTo(application.id, 'offer', 'user');
          }),
        );
        expect(code).toBe('ILLEGAL_TRANSITION');
        expect((await store.applications.get(application.id))?.stage).toBe('discovered');
      });
    });

    describe('llm ledger and cache', () => {
      const call = (over: Partial<LlmCallInput> = {}): LlmCallInput => ({
        at: '2091-03-01T10:00:00.000Z',
        task: 'drafting',
        provider: 'openai',
        model: 'gpt-4.1-mini',
        inputTokens: 1000,
        outputTokens: 500,
        costUsd: 0.0012,
        priceKnown: true,
        latencyMs: 420,
        outcome: 'ok',
        errorKind: null,
        errorMessage: null,
        jobId: null,
        draftId: null,
        ...over,
      });

      it('records calls and reads them back, newest first', async () => {
        const since = '2091-01-01T00:00:00.000Z';
        const first = await store.llmCalls.record(
          call({ at: '2091-01-01T08:00:00Z', jobId: 'job_A' }),
        );
        const second = await store.llmCalls.record(
          call({
            at: '2091-01-01T09:00:00Z',
            outcome: 'error',
            costUsd: 0,
            inputTokens: 0,
            outputTokens: 0,
            errorKind: 'rate_limited',
            errorMessage: 'x'.repeat(5000),
            priceKnown: false,
          }),
        );
        expect(first.id).not.toBe(second.id);
        expect(second.errorMessage).toHaveLength(1000);
        const listed = await store.llmCalls.list({ since, limit: 2 });
        expect(listed.map((c) => c.id)).toEqual([second.id, first.id]);
        expect(listed[1]).toEqual({
          ...call({ jobId: 'job_A' }),
          at: '2091-01-01T08:00:00.000Z',
          id: first.id,
        });
        expect(listed[0]?.priceKnown).toBe(false);
        expect(listed[0]?.errorKind).toBe('rate_limited');
      });

      it('sums the spend in a time range', async () => {
        await store.llmCalls.record(call({ at: '2091-02-01T00:00:00Z', costUsd: 0.25 }));
        await store.llmCalls.record(call({ at: '2091-02-01T23:59:59.999Z', costUsd: 0.5 }));
        await store.llmCalls.record(call({ at: '2091-02-02T00:00:00Z', costUsd: 2 }));
        await store.llmCalls.record(call({ at: '2091-01-31T23:59:59Z', costUsd: 4 }));
        const day = { since: '2091-02-01T00:00:00Z', until: '2091-02-02T00:00:00Z' };
        expect(await store.llmCalls.spend(day)).toBeCloseTo(0.75, 10);
        expect(
          await store.llmCalls.spend({
            since: '2091-02-01T00:00:00Z',
            until: '2091-03-01T00:00:00Z',
          }),
        ).toBeCloseTo(2.75, 10);
        expect(await store.llmCalls.spend({ since: '2092-01-01T00:00:00Z' })).toBe(0);
      });

      it('reports spend by day, by model and by job', async () => {
        const range = { since: '2091-04-01T00:00:00Z', until: '2091-05-01T00:00:00Z' };
        await store.llmCalls.record(
          call({ at: '2091-04-02T23:00:00Z', costUsd: 0.1, jobId: 'job_1' }),
        );
        await store.llmCalls.record(
          call({
            at: '2091-04-02T01:00:00Z',
            provider: 'claude',
            model: 'claude-sonnet-4',
            costUsd: 0.3,
            jobId: 'job_1',
          }),
        );
        await store.llmCalls.record(
          call({
            at: '2091-04-03T00:00:00Z',
            outcome: 'cached',
            costUsd: 0,
            inputTokens: 0,
            outputTokens: 0,
            jobId: 'job_2',
          }),
        );
        await store.llmCalls.record(
          call({
            at: '2091-04-03T00:30:00Z',
            provider: 'local',
            model: 'llama3.1:8b',
            costUsd: 0,
            priceKnown: false,
          }),
        );
        await store.llmCalls.record(
          call({
            at: '2091-04-03T00:40:00Z',
            outcome: 'error',
            errorKind: 'server',
            costUsd: 0,
            inputTokens: 0,
            outputTokens: 0,
          }),
        );
        await store.llmCalls.record(
          call({
            at: '2091-04-03T00:50:00Z',
            outcome: 'skipped',
            errorKind: 'breaker_open',
            costUsd: 0,
            inputTokens: 0,
            outputTokens: 0,
          }),
        );

        const byDay = await store.llmCalls.report({ ...range, groupBy: 'day' });
        expect(
          byDay.map((r) => [r.key, r.calls, r.ok, r.errors, r.cached, r.skipped, r.unpriced]),
        ).toEqual([
          ['2091-04-02', 2, 2, 0, 0, 0, 0],
          ['2091-04-03', 4, 1, 1, 1, 1, 1],
        ]);
        expect(byDay[0]?.costUsd).toBeCloseTo(0.4, 10);
        expect(byDay[0]?.inputTokens).toBe(2000);
        expect(byDay[0]?.outputTokens).toBe(1000);

        const byModel = await store.llmCalls.report({ ...range, groupBy: 'model' });
        expect(byModel.map((r) => r.key)).toEqual([
          'claude:claude-sonnet-4',
          'openai:gpt-4.1-mini',
          'local:llama3.1:8b',
        ]);
        expect(byModel[1]?.calls).toBe(4);
        expect(byModel[2]?.unpriced).toBe(1);

        const byJob = await store.llmCalls.report({ ...range, groupBy: 'job' });
        expect(byJob.map((r) => [r.key, r.calls])).toEqual([
          ['job_1', 2],
          ['', 3],
          ['job_2', 1],
        ]);
        expect(byJob[0]?.costUsd).toBeCloseTo(0.4, 10);
        expect(
          await store.llmCalls.report({ since: '2093-01-01T00:00:00Z', groupBy: 'day' }),
        ).toEqual([]);
      });

      it('keeps cached answers by key and replaces them', async () => {
        const key = `k-${uniqueSource()}`;
        expect(await store.llmCache.get(key)).toBeNull();
        await store.llmCache.put({
          key,
          provider: 'openai',
          model: 'gpt-4.1-mini',
          text: 'Dear Acme,',
          usage: { inputTokens: 12, outputTokens: 3 },
        });
        const hit = await store.llmCache.get(key);
        expect(hit).toMatchObject({
          key,
          provider: 'openai',
          model: 'gpt-4.1-mini',
          text: 'Dear Acme,',
          usage: { inputTokens: 12, outputTokens: 3 },
        });
        expect(Number.isNaN(Date.parse(hit?.createdAt ?? ''))).toBe(false);
        await store.llmCache.put({
          key,
          provider: 'claude',
          model: 'claude-haiku',
          text: 'Hello',
          usage: { inputTokens: 1, outputTokens: 1 },
        });
        expect((await store.llmCache.get(key))?.text).toBe('Hello');
        expect((await store.llmCache.get(key))?.provider).toBe('claude');
      });
    });
  });
}
