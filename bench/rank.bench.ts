/**
 * Ranking benchmark: ranks N stored postings (default 100,000) against the demo profile on a
 * SQLite file, through `rankJobs` as `applydesk rank` runs it. Reports, for each scenario,
 * the time, postings ranked per second, and how many scores were computed and written:
 * - first rank: features extracted from every posting, scored, every score written;
 * - rank again with nothing changed: only the postings' match bases read, every stored score
 *   kept, nothing written (what each `applydesk rank` costs) — the target is under 2 s for
 *   100k on one core;
 * - re-score after a profile change: corpus counted afresh, every score recomputed, written;
 * - after ingesting 1% new postings: their features extracted and scored against the kept
 *   corpus counts, theirs written, every other stored score kept;
 * - the first rank of the next day: ages moved, so the corpus is counted afresh and every
 *   score recomputed (what the first `applydesk rank` of each day costs).
 * BENCH_RANK_SIZE overrides N.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_WEIGHTS } from '@applydesk/domain';
import { rankJobs, sampleProfile, saveProfile, type EngineContext } from '@applydesk/engine';
import { openStore } from '@applydesk/store';
import { scaledPostings } from './scaled-postings.js';

const SIZE = Number(process.env.BENCH_RANK_SIZE ?? 100_000);
const NOW = new Date('2026-11-20T12:00:00Z');
const round = (n: number, digits = 2): number => Math.round(n * 10 ** digits) / 10 ** digits;

/** Wall time, and CPU time of this process (user + system): the machine is shared. */
async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; cpuMs: number; result: T }> {
  const start = performance.now();
  const cpu = process.cpuUsage();
  const result = await work();
  const used = process.cpuUsage(cpu);
  return { ms: performance.now() - start, cpuMs: (used.user + used.system) / 1000, result };
}

export async function benchRank(): Promise<Record<string, unknown>> {
  const dir = mkdtempSync(join(tmpdir(), 'applydesk-bench-rank-'));
  const store = await openStore({ sqlitePath: join(dir, 'rank.sqlite') });
  let clock = NOW;
  const ctx: EngineContext = {
    store,
    settings: { minMatchScore: 70, weights: DEFAULT_WEIGHTS, draftTop: 5 },
    now: () => clock,
  };
  try {
    const profile = await saveProfile(ctx, sampleProfile(), 'bench');
    const all = scaledPostings(SIZE, 0, NOW);
    for (let i = 0; i < all.length; i += 5000)
      await store.jobs.upsertMany(all.slice(i, i + 5000), 'bench');

    const first = await timed(() => rankJobs(ctx, { actor: 'bench' }));
    const again = await timed(() => rankJobs(ctx, { actor: 'bench' }));
    await saveProfile(
      ctx,
      { ...sampleProfile(), basics: { ...sampleProfile().basics, label: 'Staff Engineer' } },
      'bench',
    );
    const rescore = await timed(() => rankJobs(ctx, { actor: 'bench' }));
    const added = scaledPostings(Math.round(SIZE / 100), SIZE, NOW);
    await store.jobs.upsertMany(added, 'bench');
    const incremental = await timed(() => rankJobs(ctx, { actor: 'bench' }));
    clock = new Date(NOW.getTime() + 86_400_000);
    const nextDay = await timed(() => rankJobs(ctx, { actor: 'bench' }));

    const phase = (t: {
      ms: number;
      cpuMs: number;
      result: Awaited<ReturnType<typeof rankJobs>>;
    }) => ({
      ms: round(t.ms, 0),
      cpu_ms: round(t.cpuMs, 0),
      postings_per_s: Math.round(t.result.scored / (t.ms / 1000)),
      scored: t.result.scored,
      computed: t.result.computed,
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
      rank_next_day: phase(nextDay),
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
