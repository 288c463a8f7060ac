import { DomainError, type Match } from '@applydesk/domain';
import type { EngineContext } from '../context.js';
import { resolveProfile } from './profile.js';
import { rankJobs, type RankResult } from './rank-jobs.js';

/**
 * Lets a posting a filter held back through (or holds it back again with `undo`), then
 * ranks again so a posting that clears the bar is shortlisted at once.
 */
export async function overrideFilter(
  ctx: EngineContext,
  options: { jobId: string; profileId?: string; undo?: boolean; actor: string },
): Promise<{ match: Match; ranked: RankResult }> {
  const profile = await resolveProfile(ctx, options.profileId);
  const current = await ctx.store.matches.get(options.jobId, profile.id);
  if (current === null) {
    const job = await ctx.store.jobs.get(options.jobId);
    throw job === null
      ? new DomainError('NOT_FOUND', `job ${options.jobId} does not exist`)
      : new DomainError('CONFLICT', `job ${options.jobId} has not been ranked yet`, {
          hint: 'run `applydesk rank` first',
        });
  }
  if (current.rejection === null && options.undo !== true)
    throw new DomainError('CONFLICT', `no filter holds job ${options.jobId} back`, {
      hint: 'only postings listed by `applydesk jobs list --rejected` can be let through',
    });
  await ctx.store.matches.setOverride(options.jobId, profile.id, options.undo !== true);
  await ctx.store.events.append({
    actor: options.actor,
    entityType: 'job',
    entityId: options.jobId,
    action: options.undo === true ? 'filter.restored' : 'filter.overridden',
    data: { profileId: profile.id, rejection: current.rejection },
  });
  const ranked = await rankJobs(ctx, { profileId: profile.id, actor: options.actor });
  const match = await ctx.store.matches.get(options.jobId, profile.id);
  if (match === null) throw new DomainError('INTERNAL', `job ${options.jobId} lost its match`);
  return { match, ranked };
}
