import { DomainError, type Application, type Draft, type Job, type Match } from '@applydesk/domain';
import type { JobListItem, JobPage, JobQuery } from '@applydesk/store';
import type { EngineContext } from '../context.js';

/** Lists postings, scored for the default profile unless a profile is named. */
export async function listJobs(ctx: EngineContext, query: JobQuery): Promise<JobPage> {
  const profileId = query.profileId ?? (await ctx.store.profiles.defaultId());
  return ctx.store.jobs.list({ ...query, ...(profileId === null ? {} : { profileId }) });
}

export interface JobDetail {
  job: Job;
  match: Match | null;
  application: Application | null;
  drafts: Draft[];
}

export async function getJobDetail(
  ctx: EngineContext,
  jobId: string,
  profileId?: string,
): Promise<JobDetail> {
  const job = await ctx.store.jobs.get(jobId);
  if (job === null) throw new DomainError('NOT_FOUND', `job ${jobId} does not exist`);
  const pid = profileId ?? (await ctx.store.profiles.defaultId()) ?? undefined;
  const [match, application, drafts] =
    pid === undefined
      ? [null, null, []]
      : await Promise.all([
          ctx.store.matches.get(jobId, pid),
          ctx.store.applications.getByJob(jobId, pid),
          ctx.store.drafts.listForJob(jobId),
        ]);
  return { job, match, application, drafts };
}

/** A posting in ranked order, with its full match (reasons, skills) and stage. */
export interface RankedPosting {
  job: JobListItem;
  match: Match;
  stage: Application['stage'] | null;
}

/**
 * The best open postings for a profile that no filter holds back, best first, each with its
 * reasons: what `applydesk rank` prints and the inbox shows on top.
 */
export async function rankedList(
  ctx: EngineContext,
  options: { profileId?: string; limit: number },
): Promise<RankedPosting[]> {
  const profileId = options.profileId ?? (await ctx.store.profiles.defaultId()) ?? undefined;
  if (profileId === undefined) return [];
  const page = await ctx.store.jobs.list({
    profileId,
    sort: 'score',
    rejected: false,
    minScore: 0,
    limit: options.limit,
  });
  const out: RankedPosting[] = [];
  for (const job of page.items) {
    const match = await ctx.store.matches.get(job.id, profileId);
    if (match !== null) out.push({ job, match, stage: job.stage });
  }
  return out;
}
