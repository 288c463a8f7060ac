import type { Profile } from '@applydesk/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobPage, JobQuery, Store } from '../repositories.js';
import { withoutListingCacheForTests } from '../store.js';
import { jobInput, matchOf, profileInput, uniqueSource } from './fixtures.js';

export interface ListingCacheSubject {
  store: Store;
  /** Another store on the same database, over its own connection(s). */
  openSecond: () => Promise<Store>;
}

/** What a page says, for comparing a cached answer with the database's. */
function summary(page: JobPage) {
  return {
    ids: page.items.map((item) => item.id),
    scores: page.items.map((item) => item.score),
    stages: page.items.map((item) => item.stage),
    titles: page.items.map((item) => item.title),
    totalCount: page.totalCount,
    nextCursor: page.nextCursor,
  };
}

/**
 * The listing cache (ListingCache in jobs.list) must answer exactly what the database answers,
 * and never an answer older than the last committed write: its own, or another connection's.
 */
export function defineListingCacheConformance(
  label: string,
  open: () => Promise<ListingCacheSubject>,
  cleanup?: () => Promise<void>,
): void {
  describe(label, () => {
    let subject: ListingCacheSubject;
    let store: Store;
    let database: Store;
    let profile: Profile;
    let src: string;
    const seconds: Store[] = [];

    beforeAll(async () => {
      subject = await open();
      store = subject.store;
      database = withoutListingCacheForTests(store);
      profile = await store.profiles.create(profileInput(uniqueSource('cache')), 'test');
      src = uniqueSource('cache');
      const words = ['kotlin', 'typescript', 'rust'];
      const inputs = Array.from({ length: 37 }, (_, i) =>
        jobInput({
          sourceType: src,
          externalId: `c${i}`,
          title: `${i % 2 === 0 ? 'Backend' : 'Frontend'} Engineer ${i}`,
          descriptionHtml: `<p>We use ${words[i % 3]} and ${words[(i + 1) % 3]}.</p>`,
          postedAt:
            i % 6 === 0 ? null : `2024-06-${String(1 + (i % 9)).padStart(2, '0')}T00:00:00.000Z`,
        }),
      );
      await store.jobs.upsertMany(inputs, 'test');
      const listed = await database.jobs.list({ sourceTypes: [src], limit: 200 });
      // Repeated scores and some unscored postings, so ties and nulls cross page boundaries.
      await store.matches.upsertMany(
        listed.items
          .filter((_, i) => i % 5 !== 0)
          .map((item, i) => matchOf(item.id, profile.id, 30 + ((i * 7) % 6) * 10)),
      );
      const first = listed.items[1];
      if (first !== undefined) await store.applications.create(first.id, profile.id, 'test');
    });

    afterAll(async () => {
      for (const second of seconds) await second.close();
      await store?.close();
      await cleanup?.();
    });

    const queries: [string, (profileId: string) => JobQuery][] = [
      ['score desc', (profileId) => ({ profileId })],
      ['score asc', (profileId) => ({ profileId, sort: 'score', order: 'asc' })],
      ['text and min score', (profileId) => ({ profileId, text: 'typescript', minScore: 40 })],
      ['relevance', (profileId) => ({ profileId, text: 'backend rust', sort: 'relevance' })],
      ['posted asc', () => ({ sort: 'posted', order: 'asc' })],
      ['stage', (profileId) => ({ profileId, stages: ['discovered'], maxScore: 60 })],
    ];

    for (const [name, make] of queries) {
      it(`answers every page as the database does (${name})`, async () => {
        const query: JobQuery = { ...make(profile.id), sourceTypes: [src], limit: 4 };
        let cursor: string | null = null;
        let pages = 0;
        do {
          const at: JobQuery = cursor === null ? query : { ...query, cursor };
          const cached = await store.jobs.list(at);
          // Asked twice: the second answer comes from the cache.
          expect(summary(await store.jobs.list(at))).toEqual(summary(cached));
          expect(summary(cached)).toEqual(summary(await database.jobs.list(at)));
          cursor = cached.nextCursor;
          pages += 1;
        } while (cursor !== null && pages < 50);
        expect(pages).toBeGreaterThan(1);
        for (const page of [1, 3, 20]) {
          const numbered = { ...query, page };
          expect(summary(await store.jobs.list(numbered))).toEqual(
            summary(await database.jobs.list(numbered)),
          );
        }
      });
    }

    it('serves a page asked for again from memory', async () => {
      const query: JobQuery = { profileId: profile.id, sourceTypes: [src], limit: 5 };
      const first = await store.jobs.list(query);
      const again = await store.jobs.list(query);
      expect(again.items[0]).toBe(first.items[0]);
      // Shared between requests, so nobody can change it under the others.
      expect(Object.isFrozen(again.items[0])).toBe(true);
    });

    it('sees its own writes at once: new postings, scores, stages, closed postings', async () => {
      const query: JobQuery = { profileId: profile.id, sourceTypes: [src], limit: 100 };
      const before = await store.jobs.list(query);
      const { job } = await store.jobs.upsert(
        jobInput({
          sourceType: src,
          sourceId: `${src}:late`,
          externalId: 'late',
          title: 'Late Engineer',
        }),
        'test',
      );
      const added = await store.jobs.list(query);
      expect(added.totalCount).toBe(before.totalCount + 1);
      await store.matches.upsertMany([matchOf(job.id, profile.id, 100)]);
      expect((await store.jobs.list(query)).items[0]?.id).toBe(job.id);
      const application = await store.applications.create(job.id, profile.id, 'test');
      await store.applications.moveTo(application.id, 'shortlisted', 'test');
      const shortlisted = await store.jobs.list({ ...query, stages: ['shortlisted'] });
      expect(shortlisted.items.map((item) => item.id)).toEqual([job.id]);
      expect(shortlisted.items[0]?.stage).toBe('shortlisted');
      await store.jobs.closeMissing(job.sourceId, [], 'test');
      expect((await store.jobs.list(query)).totalCount).toBe(before.totalCount);
      expect((await store.jobs.list(query)).items.map((item) => item.id)).not.toContain(job.id);
      expect(summary(await store.jobs.list({ ...query, status: 'all' }))).toEqual(
        summary(await database.jobs.list({ ...query, status: 'all' })),
      );
    });

    it("sees another connection's commits", async () => {
      const otherSrc = uniqueSource('other');
      const query: JobQuery = { sourceTypes: [otherSrc], limit: 10 };
      expect((await store.jobs.list(query)).totalCount).toBe(0);
      const second = await subject.openSecond();
      seconds.push(second);
      await second.jobs.upsert(jobInput({ sourceType: otherSrc, externalId: 'x1' }), 'test');
      expect((await store.jobs.list(query)).totalCount).toBe(1);
      await second.jobs.upsert(jobInput({ sourceType: otherSrc, externalId: 'x2' }), 'test');
      expect((await store.jobs.list(query)).totalCount).toBe(2);
    });

    it('lists uncommitted writes inside a transaction, and forgets them on rollback', async () => {
      const txSrc = uniqueSource('tx');
      const query: JobQuery = { sourceTypes: [txSrc], limit: 10 };
      expect((await store.jobs.list(query)).totalCount).toBe(0);
      await expect(
        store.transaction(async (tx) => {
          await tx.jobs.upsert(jobInput({ sourceType: txSrc, externalId: 't1' }), 'test');
          expect((await tx.jobs.list(query)).totalCount).toBe(1);
          throw new Error('roll back');
        }),
      ).rejects.toThrow('roll back');
      expect((await store.jobs.list(query)).totalCount).toBe(0);
    });

    it('pages on from a cursor whose posting changed score since', async () => {
      const query: JobQuery = { profileId: profile.id, sourceTypes: [src], limit: 3 };
      const first = await store.jobs.list(query);
      const last = first.items.at(-1);
      expect(last).toBeDefined();
      await store.matches.upsertMany([matchOf(last!.id, profile.id, 1)]);
      const next = { ...query, cursor: first.nextCursor! };
      expect(summary(await store.jobs.list(next))).toEqual(summary(await database.jobs.list(next)));
    });
  });
}
