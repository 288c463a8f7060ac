import { DomainError, type Application, type Draft, type Job, type Match } from '@applydesk/domain';
import type { JobPage, JobQuery } from '@applydesk/store';
import type { EngineContext } from '../context.js';

/** Lists postings, scored for the default profile unless a profile is named. */
export async function listJobs(ctx: EngineContext, query: JobQuery): Promise<JobPage> {
  const profileId = query.profileId ?? (await ctx.store.profiles.getDefault())?.id;
  return ctx.store.jobs.list({ ...query, ...(profileId === undefined ? {} : { profileId }) });
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
  const pid = profileId ?? (await ctx.store.profiles.getDefault())?.id;
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
