import { scoreJob, type Match } from '@applydesk/domain';
import type { EngineContext, OnProgress } from '../context.js';
import { resolveProfile } from './profile.js';

export interface RankResult {
  profileId: string;
  scored: number;
  shortlisted: number;
  newlyShortlisted: number;
}

const PAGE = 200;

/**
 * Scores every open posting for the profile and shortlists those at or above the
 * threshold (an application at `shortlisted`, once; a posting the user already moved
 * along keeps its stage).
 */
export async function rankJobs(
  ctx: EngineContext,
  options: { profileId?: string; actor: string; onProgress?: OnProgress },
): Promise<RankResult> {
  const profile = await resolveProfile(ctx, options.profileId);
  const now = ctx.now();
  const total = await ctx.store.jobs.count();
  const result: RankResult = {
    profileId: profile.id,
    scored: 0,
    shortlisted: 0,
    newlyShortlisted: 0,
  };
  let cursor: string | undefined;
  do {
    const page = await ctx.store.jobs.list({
      sort: 'fetched',
      limit: PAGE,
      ...(cursor === undefined ? {} : { cursor }),
    });
    const matches: Match[] = page.items.map((job) => {
      const { score, components, reasons } = scoreJob(job, profile, now, ctx.settings.weights);
      return {
        jobId: job.id,
        profileId: profile.id,
        score,
        components,
        reasons,
        computedAt: now.toISOString(),
      };
    });
    await ctx.store.matches.upsertMany(matches);
    for (const match of matches) {
      if (match.score < ctx.settings.minMatchScore) continue;
      result.shortlisted++;
      const existing = await ctx.store.applications.getByJob(match.jobId, profile.id);
      if (existing === null) {
        await ctx.store.applications.create(match.jobId, profile.id, options.actor, 'shortlisted');
        result.newlyShortlisted++;
      } else if (existing.stage === 'discovered') {
        await ctx.store.applications.moveTo(
          existing.id,
          'shortlisted',
          options.actor,
          `scored ${match.score}`,
        );
        result.newlyShortlisted++;
      }
    }
    result.scored += matches.length;
    options.onProgress?.({
      task: 'rank',
      done: result.scored,
      total: Math.max(total, result.scored),
    });
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
  return result;
}
