import { isDomainError, type Profile } from '@applydesk/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobFeaturesEntry, JobListItem, RankBasis, Store } from '../repositories.js';
import { jobInput, matchOf, profileInput, uniqueSource } from './fixtures.js';

/**
 * What incremental ranking needs of a Store, whatever the database: the cheap per-posting
 * bases (no features), features of a few postings by id, verdict-only updates and the kept
 * corpus counts. Each dialect's test file runs it against a fresh database.
 */
export function defineRankingConformance(
  label: string,
  open: () => Promise<Store>,
  cleanup?: () => Promise<void>,
): void {
  describe(label, () => {
    let store: Store;
    let profile: Profile;

    beforeAll(async () => {
      store = await open();
      profile = await store.profiles.create(profileInput(uniqueSource('rank')), 'test');
    });
    afterAll(async () => {
      await store?.close();
      await cleanup?.();
    });

    /** n postings of a fresh source with features stored for each; returns their ids. */
    async function postingsWithFeatures(src: string, n: number): Promise<string[]> {
      await store.jobs.upsertMany(
        Array.from({ length: n }, (_, i) => jobInput({ sourceType: src, externalId: `p${i}` })),
        'test',
      );
      const jobs: JobListItem[] = [];
      let cursor: string | null | undefined;
      do {
        const page = await store.jobs.list({
          sourceTypes: [src],
          ...(cursor == null ? {} : { cursor }),
        });
        jobs.push(...page.items);
        cursor = page.nextCursor;
      } while (cursor !== null);
      expect(jobs).toHaveLength(n);
      const entries: JobFeaturesEntry[] = jobs.map((job, i) => ({
        jobId: job.id,
        contentHash: job.contentHash,
        version: 1,
        data: { title: job.title, n: i },
        companyKey: 'acme',
        postedAt: job.postedAt,
        rulesKey: 'r',
        rejection: i === 0 ? { rule: 'locations', reason: 'Paris is not yours' } : null,
      }));
      await store.jobFeatures.upsertMany(entries);
      return jobs.map((job) => job.id).sort();
    }

    async function basesOf(ids: readonly string[], pageSize?: number): Promise<RankBasis[]> {
      const out: RankBasis[] = [];
      const wanted = new Set(ids);
      const options = pageSize === undefined ? {} : { pageSize };
      for await (const page of store.jobFeatures.rankBases(profile.id, options))
        out.push(...page.filter((b) => wanted.has(b.jobId)));
      return out;
    }

    it('reads every ranked posting with its stored match basis, without features', async () => {
      const src = uniqueSource();
      const ids = await postingsWithFeatures(src, 4);
      await store.matches.upsertMany([
        { ...matchOf(ids[1]!, profile.id, 42), contentHash: 'h1', scoringKey: 'k1' },
        {
          ...matchOf(ids[2]!, profile.id, 7),
          rejection: { rule: 'posted_within_days', reason: 'old' },
          contentHash: 'h2',
          scoringKey: 'k2',
        },
      ]);
      await store.matches.setOverride(ids[2]!, profile.id, true);
      const bases = await basesOf(ids, 1);
      expect(bases.map((b) => b.jobId)).toEqual(ids);
      const byId = new Map(bases.map((b) => [b.jobId, b]));
      const first = bases.find((b) => b.rejection !== null);
      expect(first).toMatchObject({
        companyKey: 'acme',
        rejection: { rule: 'locations', reason: 'Paris is not yours' },
      });
      expect(first).not.toHaveProperty('data');
      expect(byId.get(ids[1]!)?.match).toEqual({
        contentHash: 'h1',
        scoringKey: 'k1',
        score: 42,
        overridden: false,
        rejectedRule: null,
      });
      expect(byId.get(ids[2]!)?.match).toMatchObject({
        score: 7,
        overridden: true,
        rejectedRule: 'posted_within_days',
      });
      expect(byId.get(ids[3]!)?.match).toBeNull();
      expect(typeof byId.get(ids[3]!)?.postedAt).toBe('string');

      // A closed posting and one whose content changed since its features are left out.
      await store.jobs.upsert(
        jobInput({ sourceType: src, externalId: 'p3', title: 'Changed title' }),
        'test',
      );
      const changed = (await store.jobs.getByExternalId(src, 'p3'))!.id;
      const closed = (await store.jobs.getByExternalId(src, 'p0'))!.id;
      await store.jobs.closeMissing(`${src}:acme`, ['p1', 'p2', 'p3'], 'test');
      const after = await basesOf(ids);
      expect(after.map((b) => b.jobId).sort()).toEqual(
        ids.filter((id) => id !== changed && id !== closed),
      );
      // Features by id: current ones only (closed or not).
      const got = await store.jobFeatures.getMany([...ids, 'no-such-job']);
      expect(got.map((e) => e.jobId).sort()).toEqual(ids.filter((id) => id !== changed));
      expect(got.find((e) => e.jobId === ids[1])?.data).toMatchObject({
        title: expect.any(String),
      });
    });

    it('replaces only the verdicts, over more rows than one statement takes', async () => {
      const src = uniqueSource();
      const ids = await postingsWithFeatures(src, 520);
      await store.matches.upsertMany(ids.map((id, i) => matchOf(id, profile.id, i % 100)));
      await store.matches.setRejections(
        profile.id,
        ids.map((jobId, i) => ({
          jobId,
          rejection:
            i % 2 === 0 ? { rule: 'applied_company_within_days', reason: `applied ${i}` } : null,
        })),
      );
      const listed = await store.matches.listForProfile(profile.id);
      const mine = listed.filter((m) => ids.includes(m.jobId));
      expect(mine).toHaveLength(520);
      for (const m of mine) {
        const i = ids.indexOf(m.jobId);
        expect(m.score).toBe(i % 100);
        expect(m.reasons).toEqual([
          { kind: 'plus', component: 'skills', text: `score ${i % 100}` },
        ]);
        expect(m.rejection).toEqual(
          i % 2 === 0 ? { rule: 'applied_company_within_days', reason: `applied ${i}` } : null,
        );
      }
      // Held back again, then let through: the verdict is cleared.
      await store.matches.setRejections(profile.id, [{ jobId: ids[0]!, rejection: null }]);
      expect((await store.matches.get(ids[0]!, profile.id))?.rejection).toBeNull();
      // A job without a match of the profile is left alone; an empty list does nothing.
      const other = await store.profiles.create(profileInput(uniqueSource('other')), 'test');
      await store.matches.setRejections(other.id, [
        { jobId: ids[1]!, rejection: { rule: 'daily_cap', reason: 'cap' } },
      ]);
      await store.matches.setRejections(profile.id, []);
      expect(await store.matches.get(ids[1]!, other.id)).toBeNull();
      expect((await store.matches.get(ids[1]!, profile.id))?.rejection).toBeNull();
    });

    it('keeps, replaces and forgets the corpus counts of a profile', async () => {
      const owner = await store.profiles.create(profileInput(uniqueSource('corpus')), 'test');
      expect(await store.matches.corpus(owner.id)).toBeNull();
      const corpus = {
        profileId: owner.id,
        baseKey: 'b1',
        scoringKey: 's1',
        docs: 100_000,
        rescored: 0,
        counts: { docs: 100_000, avgLength: 412.75, df: { typescript: 5123, node: 1 } },
        computedAt: '2026-11-20T12:00:00.000Z',
      };
      await store.matches.saveCorpus(corpus);
      expect(await store.matches.corpus(owner.id)).toEqual(corpus);
      await store.matches.saveCorpus({ ...corpus, rescored: 12, scoringKey: 's2' });
      expect(await store.matches.corpus(owner.id)).toMatchObject({
        rescored: 12,
        scoringKey: 's2',
      });
      await store.matches.deleteForProfile(owner.id);
      expect(await store.matches.corpus(owner.id)).toBeNull();
      try {
        await store.matches.saveCorpus({ ...corpus, profileId: 'no-such-profile' });
        throw new Error('expected saveCorpus to fail');
      } catch (error) {
        expect(isDomainError(error) ? error.code : error).toBe('NOT_FOUND');
      }
    });
  });
}
