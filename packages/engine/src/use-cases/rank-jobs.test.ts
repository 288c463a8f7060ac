import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '@applydesk/config';
import {
  FilterRules,
  type CorpusCounts,
  type FilterRulesDraft,
  type JobInputDraft,
} from '@applydesk/domain';
import { openEngine, type OpenEngine } from '../open-engine.js';
import { sampleProfile } from '../demo/index.js';
import { ingestJobs } from './ingest-jobs.js';
import { overrideFilter } from './override-filter.js';
import { saveProfile } from './profile.js';
import { rankerFor } from '../ranking/ranker.js';
import { CORPUS_DRIFT, rankJobs } from './rank-jobs.js';

let now = new Date('2026-11-20T12:00:00Z');

function posting(externalId: string, overrides: Partial<JobInputDraft> = {}): JobInputDraft {
  return {
    sourceType: 'greenhouse',
    sourceId: 'greenhouse:boards',
    externalId,
    url: `https://boards.example/jobs/${externalId}`,
    title: 'Senior Backend Engineer',
    company: `Company ${externalId}`,
    location: 'Remote (US)',
    descriptionHtml: '',
    descriptionText: `Company ${externalId} builds ${externalId} services in TypeScript and Node.js on PostgreSQL and Kafka. Requirements: 5+ years of TypeScript.`,
    postedAt: new Date(now.getTime() - 86_400_000).toISOString(),
    fetchedAt: now.toISOString(),
    raw: {},
    ...overrides,
  };
}

let engine: OpenEngine;
async function open(filters: FilterRulesDraft = {}): Promise<void> {
  engine = await openEngine(
    loadConfig({ env: { APPLYDESK_HOME: mkdtempSync(join(tmpdir(), 'applydesk-rank-')) } }),
    { now: () => now },
  );
  // Every posting clears the bar: these tests are about what filters and bookkeeping do.
  engine.settings.minMatchScore = 0;
  engine.settings.filters = FilterRules.parse(filters);
  await saveProfile(engine, sampleProfile(), 'test');
}

beforeEach(() => {
  now = new Date('2026-11-20T12:00:00Z');
});
afterEach(() => engine.close());

const stageOf = async (externalId: string) => {
  const job = await engine.store.jobs.getByExternalId('greenhouse', externalId);
  const profile = await engine.store.profiles.getDefault();
  if (job === null || profile === null) throw new Error('missing');
  return (await engine.store.applications.getByJob(job.id, profile.id))?.stage ?? null;
};

describe('rankJobs', () => {
  it('extracts features once, writes only scores that changed, and rescores on a profile change', async () => {
    await open();
    await ingestJobs(engine, [posting('a'), posting('b'), posting('c')], { actor: 'test' });
    const first = await rankJobs(engine, { actor: 'test' });
    expect(first).toMatchObject({ scored: 3, written: 3, extracted: 3, newlyShortlisted: 3 });

    const again = await rankJobs(engine, { actor: 'test' });
    expect(again).toMatchObject({
      scored: 3,
      computed: 0,
      written: 0,
      extracted: 0,
      newlyShortlisted: 0,
    });

    await ingestJobs(engine, [posting('d'), posting('b', { title: 'Staff Backend Engineer' })], {
      actor: 'test',
    });
    // Two changes in a corpus of three move it more than CORPUS_DRIFT: counted afresh, so
    // every score is recomputed; the written ones are those that changed.
    const after = await rankJobs(engine, { actor: 'test' });
    expect(after).toMatchObject({ scored: 4, computed: 4, extracted: 2 });
    expect(after.written).toBeGreaterThanOrEqual(2);

    const profile = sampleProfile();
    await saveProfile(
      engine,
      { ...profile, basics: { ...profile.basics, summary: 'Changed' } },
      'test',
    );
    expect(await rankJobs(engine, { actor: 'test' })).toMatchObject({
      scored: 4,
      computed: 4,
      written: 4,
      extracted: 0,
    });

    // The next day, ages move: every score is recomputed from stored features.
    now = new Date('2026-11-21T12:00:00Z');
    expect(await rankJobs(engine, { actor: 'test' })).toMatchObject({
      computed: 4,
      written: 4,
      extracted: 0,
    });
  });

  it('holds back what a filter rejects, says which rule and why, and lets an override through', async () => {
    await open({ keywordsExcluded: ['kafka'], platforms: ['greenhouse'] });
    await ingestJobs(
      engine,
      [
        posting('keep', { descriptionText: 'TypeScript and PostgreSQL services.' }),
        posting('kafka'),
        posting('lever', {
          sourceType: 'lever',
          sourceId: 'lever:x',
          descriptionText: 'TypeScript.',
        }),
      ],
      { actor: 'test' },
    );
    const ranked = await rankJobs(engine, { actor: 'test' });
    expect(ranked).toMatchObject({
      scored: 3,
      shortlisted: 1,
      heldBack: { keywords_excluded: 1, platforms: 1 },
    });
    expect(await stageOf('keep')).toBe('shortlisted');
    expect(await stageOf('kafka')).toBeNull();

    const profile = await engine.store.profiles.getDefault();
    const rejected = await engine.store.jobs.list({ profileId: profile!.id, rejected: true });
    expect(rejected.items.map((j) => [j.externalId, j.rejection])).toEqual(
      expect.arrayContaining([
        ['kafka', { rule: 'keywords_excluded', reason: 'mentions "kafka", which you exclude' }],
        [
          'lever',
          { rule: 'platforms', reason: 'from lever, not one of your platforms (greenhouse)' },
        ],
      ]),
    );

    const kafka = await engine.store.jobs.getByExternalId('greenhouse', 'kafka');
    const { match, ranked: after } = await overrideFilter(engine, {
      jobId: kafka!.id,
      actor: 'test',
    });
    expect(match).toMatchObject({ overridden: true, rejection: { rule: 'keywords_excluded' } });
    expect(after.newlyShortlisted).toBe(1);
    expect(await stageOf('kafka')).toBe('shortlisted');
    // Overriding a posting no filter holds back is refused, with why.
    const keep = await engine.store.jobs.getByExternalId('greenhouse', 'keep');
    await expect(overrideFilter(engine, { jobId: keep!.id, actor: 'test' })).rejects.toThrow(
      /no filter holds job .* back/,
    );
  });

  it('re-judges every posting when the rules change, and only then', async () => {
    await open();
    await ingestJobs(engine, [posting('a'), posting('b')], { actor: 'test' });
    await rankJobs(engine, { actor: 'test' });
    engine.settings.filters = FilterRules.parse({ companiesExcluded: ['Company A'] });
    const ranked = await rankJobs(engine, { actor: 'test' });
    expect(ranked).toMatchObject({ extracted: 2, heldBack: { companies_excluded: 1 } });
    engine.settings.filters = { ...engine.settings.filters, dailyCap: 5 };
    expect((await rankJobs(engine, { actor: 'test' })).extracted).toBe(0);
  });

  it('shortlists the best first up to the daily cap and holds the rest for tomorrow', async () => {
    // Applications are stamped by the store's clock, so the cap's "today" is the real one.
    now = new Date();
    await open({ dailyCap: 2 });
    await ingestJobs(
      engine,
      ['a', 'b', 'c', 'd'].map((id) => posting(id)),
      { actor: 'test' },
    );
    const ranked = await rankJobs(engine, { actor: 'test' });
    expect(ranked).toMatchObject({ newlyShortlisted: 2, heldBack: { daily_cap: 2 } });
    // The same day adds nothing more.
    expect((await rankJobs(engine, { actor: 'test' })).newlyShortlisted).toBe(0);
    now = new Date(now.getTime() + 86_400_000);
    const tomorrow = await rankJobs(engine, { actor: 'test' });
    expect(tomorrow.newlyShortlisted).toBe(2);
    expect(tomorrow.heldBack.daily_cap ?? 0).toBe(0);
  });

  it('holds back a company applied to recently and postings older than the window', async () => {
    await open({ appliedCompanyWithinDays: 30, postedWithinDays: 10 });
    await ingestJobs(
      engine,
      [
        posting('one', { company: 'Acme' }),
        posting('two', {
          company: 'ACME Inc.',
          title: 'Data Platform Lead',
          descriptionText: 'Lead our analytics warehouse team: dbt, Snowflake, Airflow and Python.',
        }),
        posting('old', { postedAt: '2026-10-01T00:00:00Z' }),
      ],
      { actor: 'test' },
    );
    await rankJobs(engine, { actor: 'test' });
    const profile = await engine.store.profiles.getDefault();
    const one = await engine.store.jobs.getByExternalId('greenhouse', 'one');
    const two = await engine.store.jobs.getByExternalId('greenhouse', 'two');
    const app = await engine.store.applications.getByJob(one!.id, profile!.id);
    for (const stage of ['drafting', 'ready_for_review', 'approved', 'applied'] as const)
      await engine.store.applications.moveTo(app!.id, stage, 'test');
    // "two" was shortlisted before the application; hold back applies to new shortlisting.
    await engine.store.applications.moveTo(
      (await engine.store.applications.getByJob(two!.id, profile!.id))!.id,
      'discovered',
      'test',
    );
    // Only verdicts moved (both Acme postings): no score is computed again, verdicts alone
    // are written.
    expect(await rankJobs(engine, { actor: 'test' })).toMatchObject({ computed: 0, written: 2 });
    expect((await engine.store.matches.get(two!.id, profile!.id))?.rejection).toMatchObject({
      rule: 'applied_company_within_days',
    });
    expect(await stageOf('two')).toBe('discovered');
    const old = await engine.store.jobs.getByExternalId('greenhouse', 'old');
    expect((await engine.store.matches.get(old!.id, profile!.id))?.rejection).toEqual({
      rule: 'posted_within_days',
      reason: 'posted 50 days ago, older than your 10 days',
    });
  });
});

describe('rankJobs keeps current stored scores', () => {
  const many = (n: number, from = 0) =>
    Array.from({ length: n }, (_, i) => posting(`p${from + i}`));
  const matchOf = async (externalId: string) => {
    const job = await engine.store.jobs.getByExternalId('greenhouse', externalId);
    const profile = await engine.store.profiles.getDefault();
    return engine.store.matches.get(job!.id, profile!.id);
  };

  /**
   * Every open posting's stored match is what scoring its current features against the kept
   * corpus counts gives now: fails when a stale score was kept (changed content, another
   * day, other settings) or a posting was skipped.
   */
  async function expectScoresCurrent(): Promise<number> {
    const profile = (await engine.store.profiles.getDefault())!;
    const corpus = (await engine.store.matches.corpus(profile.id))!;
    const ranker = rankerFor(engine.settings);
    const prepared = ranker.prepare(profile, now);
    const stats = ranker.stats(corpus.counts as CorpusCounts, prepared);
    let checked = 0;
    for await (const page of engine.store.jobFeatures.stream())
      for (const entry of page) {
        const want = ranker.score(entry.data, prepared, now, stats);
        const stored = await engine.store.matches.get(entry.jobId, profile.id);
        expect(stored, entry.jobId).toMatchObject({
          score: want.score,
          components: want.components,
          reasons: want.reasons,
          skills: want.skills,
        });
        checked++;
      }
    return checked;
  }

  it('scores only new or changed postings against the kept counts, and drops closed ones', async () => {
    await open();
    await ingestJobs(engine, many(30), { actor: 'test' });
    expect(await rankJobs(engine, { actor: 'test' })).toMatchObject({
      scored: 30,
      computed: 30,
      written: 30,
    });
    expect(await rankJobs(engine, { actor: 'test' })).toMatchObject({
      scored: 30,
      computed: 0,
      written: 0,
    });
    const before = await matchOf('p1');

    // One new posting and one changed: 2 of 30, under CORPUS_DRIFT.
    await ingestJobs(
      engine,
      [
        posting('new'),
        posting('p1', {
          title: 'Pastry Chef',
          descriptionText: 'Bake bread and pastries at dawn. Requirements: 3+ years of baking.',
        }),
      ],
      { actor: 'test' },
    );
    const after = await rankJobs(engine, { actor: 'test' });
    expect(after).toMatchObject({ scored: 31, computed: 2, written: 2, extracted: 2 });
    expect((await matchOf('p1'))!.score).toBeLessThan(before!.score - 20);
    expect(await expectScoresCurrent()).toBe(31);
    const corpus = await engine.store.matches.corpus(after.profileId);
    expect(corpus).toMatchObject({ docs: 30, rescored: 2 });

    // A closed posting is no longer ranked; nothing is rescored for it.
    await engine.store.jobs.closeMissing(
      'greenhouse:boards',
      ['new', ...Array.from({ length: 29 }, (_, i) => `p${i}`)],
      'test',
    );
    expect(await rankJobs(engine, { actor: 'test' })).toMatchObject({
      scored: 30,
      computed: 0,
      written: 0,
    });
  });

  it('counts the corpus afresh and rescores every posting once it moved more than CORPUS_DRIFT', async () => {
    await open();
    await ingestJobs(engine, many(30), { actor: 'test' });
    await rankJobs(engine, { actor: 'test' });
    expect(CORPUS_DRIFT * 30).toBeLessThan(4);
    await ingestJobs(engine, many(4, 30), { actor: 'test' });
    const ranked = await rankJobs(engine, { actor: 'test' });
    expect(ranked).toMatchObject({ scored: 34, computed: 34 });
    expect(await engine.store.matches.corpus(ranked.profileId)).toMatchObject({
      docs: 34,
      rescored: 0,
    });
    expect(await expectScoresCurrent()).toBe(34);

    // Small additions add up: past the drift since the counts were taken, count afresh.
    await ingestJobs(engine, many(2, 34), { actor: 'test' });
    expect(await rankJobs(engine, { actor: 'test' })).toMatchObject({ scored: 36, computed: 2 });
    await ingestJobs(engine, many(2, 36), { actor: 'test' });
    expect(await rankJobs(engine, { actor: 'test' })).toMatchObject({ scored: 38, computed: 38 });
    expect(await expectScoresCurrent()).toBe(38);
  });

  it('rescores every posting on another day, other weights or another profile, not within the day', async () => {
    await open();
    await ingestJobs(engine, many(30), { actor: 'test' });
    await rankJobs(engine, { actor: 'test' });
    expect((await matchOf('p0'))!.reasons).toContainEqual(
      expect.objectContaining({ component: 'recency', text: 'Posted 1 day ago' }),
    );

    now = new Date(now.getTime() + 3_600_000);
    expect(await rankJobs(engine, { actor: 'test' })).toMatchObject({ computed: 0, written: 0 });

    now = new Date('2026-11-21T09:00:00Z');
    expect(await rankJobs(engine, { actor: 'test' })).toMatchObject({
      computed: 30,
      written: 30,
    });
    expect((await matchOf('p0'))!.reasons).toContainEqual(
      expect.objectContaining({ component: 'recency', text: 'Posted 1 day ago' }),
    );
    now = new Date('2026-11-23T09:00:00Z');
    await rankJobs(engine, { actor: 'test' });
    expect((await matchOf('p0'))!.reasons).toContainEqual(
      expect.objectContaining({ component: 'recency', text: 'Posted 3 days ago' }),
    );
    expect(await expectScoresCurrent()).toBe(30);

    engine.settings.weights = { ...engine.settings.weights, recency: 0 };
    expect(await rankJobs(engine, { actor: 'test' })).toMatchObject({ computed: 30 });
    expect((await matchOf('p0'))!.components).not.toHaveProperty('recency');
    expect(await expectScoresCurrent()).toBe(30);

    const profile = sampleProfile();
    await saveProfile(
      engine,
      { ...profile, preferences: { ...profile.preferences, targetTitles: ['Pastry Chef'] } },
      'test',
    );
    expect(await rankJobs(engine, { actor: 'test' })).toMatchObject({ computed: 30 });
    expect(await expectScoresCurrent()).toBe(30);
  });
});
