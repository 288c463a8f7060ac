/**
 * Ranking benchmark: ranks N stored postings (default 100,000) against the demo profile on a
 * SQLite file, through `rankJobs` as `applydesk rank` runs it. Reports:
 * - first rank: features extracted from every posting, scored, every score written;
 * - rank again with nothing changed: stored features read, every posting scored, nothing
 *   written (what each `applydesk rank` costs) — the target is under 2 s for 100k on one core;
 * - re-score after a profile change: every score recomputed and written;
 * - after ingesting 1% new postings: their features extracted, all scored, theirs written.
 * BENCH_RANK_SIZE overrides N.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_WEIGHTS, prepareJob, type JobInput } from '@applydesk/domain';
import {
  generateSamplePostings,
  rankJobs,
  sampleProfile,
  saveProfile,
  type EngineContext,
} from '@applydesk/engine';
import { openStore, type JobUpsertInput } from '@applydesk/store';

const SIZE = Number(process.env.BENCH_RANK_SIZE ?? 100_000);
const NOW = new Date('2026-11-20T12:00:00Z');
const round = (n: number, digits = 2): number => Math.round(n * 10 ** digits) / 10 ** digits;

/** N postings from the demo's varied set, each a distinct posting (id, title, company, age). */
function postings(count: number, from: number): JobUpsertInput[] {
  const base = generateSamplePostings({ now: NOW }).map((draft) => prepareJob(draft));
  const out: JobUpsertInput[] = [];
  for (let i = from; i < from + count; i++) {
    const job = base[i % base.length] as JobInput & { contentHash: string };
    const copy = Math.floor(i / base.length);
    out.push({
      ...job,
      externalId: `${job.externalId}-${i}`,
      company: `${job.company} ${copy}`,
      title: copy % 3 === 0 ? job.title : `${job.title} ${copy % 7}`,
      postedAt: new Date(NOW.getTime() - (i % 45) * 86_400_000).toISOString(),
      contentHash: `${job.contentHash}-${i}`,
    });
  }
  return out;
}

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const start = performance.now();
  const result = await work();
  return { ms: performance.now() - start, result };
}

export async function benchRank(): Promise<Record<string, unknown>> {
  const dir = mkdtempSync(join(tmpdir(), 'applydesk-bench-rank-'));
  const store = await openStore({ sqlitePath: join(dir, 'rank.sqlite') });
  const ctx: EngineContext = {
    store,
    settings: { minMatchScore: 70, weights: DEFAULT_WEIGHTS, draftTop: 5 },
    now: () => NOW,
  };
  try {
    const profile = await saveProfile(ctx, sampleProfile(), 'bench');
    const all = postings(SIZE, 0);
    for (let i = 0; i < all.length; i += 5000)
      await store.jobs.upsertMany(all.slice(i, i + 5000), 'bench');

    const rate = (ms: number) => Math.round(SIZE / (ms / 1000));
    const first = await timed(() => rankJobs(ctx, { actor: 'bench' }));
    const again = await timed(() => rankJobs(ctx, { actor: 'bench' }));
    await saveProfile(
      ctx,
      { ...sampleProfile(), basics: { ...sampleProfile().basics, label: 'Staff Engineer' } },
      'bench',
    );
    const rescore = await timed(() => rankJobs(ctx, { actor: 'bench' }));
    const added = postings(Math.round(SIZE / 100), SIZE);
    await store.jobs.upsertMany(added, 'bench');
    const incremental = await timed(() => rankJobs(ctx, { actor: 'bench' }));

    const phase = (t: { ms: number; result: Awaited<ReturnType<typeof rankJobs>> }) => ({
      ms: round(t.ms, 0),
      postings_per_s: rate(t.ms),
      scored: t.result.scored,
      extracted: t.result.extracted,
      written: t.result.written,
      phases_ms: t.result.phasesMs,
    });
    return {
      postings: SIZE,
      profile: profile.basics.name,
      first_rank: phase(first),
      rank_unchanged: phase(again),
      rescore_after_profile_change: phase(rescore),
      rank_after_ingesting_1_percent: phase(incremental),
      shortlisted: incremental.result.shortlisted,
      target: 'rank 100k stored postings in under 2 s on one core',
    };
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await benchRank(), null, 2));
}
