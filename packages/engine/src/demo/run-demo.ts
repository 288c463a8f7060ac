import type { EngineContext, OnProgress } from '../context.js';
import { draftTopJobs } from '../use-cases/draft-jobs.js';
import { ingestJobs } from '../use-cases/ingest-jobs.js';
import { saveProfile } from '../use-cases/profile.js';
import { rankJobs } from '../use-cases/rank-jobs.js';
import { generateSamplePostings } from './sample-postings.js';
import { sampleProfile } from './sample-profile.js';

export interface DemoSummary {
  profile: { id: string; name: string };
  jobs: number;
  /** Postings recognised as a role already stored from another source (merged, kept as provenance). */
  duplicates: number;
  failed: number;
  shortlisted: number;
  drafts: number;
  tookMs: number;
}

/**
 * The whole flow once, offline: a sample profile, the bundled sample postings, ranking,
 * and offline drafts for the best of them, in the store the context points at.
 */
export async function runDemo(
  ctx: EngineContext,
  options: { onProgress?: OnProgress } = {},
): Promise<DemoSummary> {
  const started = performance.now();
  const actor = 'demo';
  const profile = await saveProfile(ctx, sampleProfile(), actor);
  const progress = options.onProgress === undefined ? {} : { onProgress: options.onProgress };
  const ingest = await ingestJobs(ctx, generateSamplePostings({ now: ctx.now() }), {
    actor,
    ...progress,
  });
  const ranked = await rankJobs(ctx, { profileId: profile.id, actor, ...progress });
  const drafted = await draftTopJobs(ctx, { profileId: profile.id, actor, ...progress });
  return {
    profile: { id: profile.id, name: profile.basics.name },
    jobs: await ctx.store.jobs.count(),
    duplicates: ingest.duplicates,
    failed: ingest.failed.length,
    shortlisted: ranked.shortlisted,
    drafts: drafted.drafted,
    tookMs: Math.round(performance.now() - started),
  };
}
