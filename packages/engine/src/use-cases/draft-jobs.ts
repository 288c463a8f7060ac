import { DomainError, type Draft, type DraftKind, type Job } from '@applydesk/domain';
import { writeOfflineDraft } from '@applydesk/llm';
import type { EngineContext, OnProgress } from '../context.js';
import { resolveProfile } from './profile.js';

/** A marketplace post gets a proposal; an employer's posting gets a cover letter. */
export function defaultDraftKind(job: Pick<Job, 'freelance'>): DraftKind {
  return job.freelance === null ? 'cover_letter' : 'proposal';
}

/**
 * Writes a draft for one posting and puts its application in front of the user for
 * review. Nothing is sent anywhere: approval and applying stay the user's steps.
 */
export async function draftForJob(
  ctx: EngineContext,
  options: { jobId: string; profileId?: string; kind?: DraftKind; actor: string },
): Promise<Draft> {
  const profile = await resolveProfile(ctx, options.profileId);
  const job = await ctx.store.jobs.get(options.jobId);
  if (job === null) throw new DomainError('NOT_FOUND', `job ${options.jobId} does not exist`);
  const kind = options.kind ?? defaultDraftKind(job);
  const written = writeOfflineDraft({ job, profile, kind, now: ctx.now() });
  return ctx.store.transaction(async (tx) => {
    const draft = await tx.drafts.create(
      {
        jobId: job.id,
        profileId: profile.id,
        kind,
        text: written.text,
        writer: written.writer,
        model: null,
        costUsd: 0,
        prompt: null,
        grounding: written.grounding,
        citedRequirements: written.citedRequirements,
      },
      options.actor,
    );
    let application = await tx.applications.getByJob(job.id, profile.id);
    application ??= await tx.applications.create(job.id, profile.id, options.actor, 'drafting');
    if (application.stage === 'discovered' || application.stage === 'shortlisted') {
      application = await tx.applications.moveTo(application.id, 'drafting', options.actor);
    }
    if (application.stage === 'drafting') {
      await tx.applications.moveTo(
        application.id,
        'ready_for_review',
        options.actor,
        `draft ${draft.id}`,
      );
    }
    return draft;
  });
}

export interface DraftTopResult {
  drafted: number;
  skipped: number;
  draftIds: string[];
}

/** Drafts for the best shortlisted postings that have no draft yet. */
export async function draftTopJobs(
  ctx: EngineContext,
  options: { profileId?: string; top?: number; actor: string; onProgress?: OnProgress },
): Promise<DraftTopResult> {
  const profile = await resolveProfile(ctx, options.profileId);
  const top = options.top ?? ctx.settings.draftTop;
  const page = await ctx.store.jobs.list({
    profileId: profile.id,
    stages: ['shortlisted'],
    minScore: ctx.settings.minMatchScore,
    sort: 'score',
    order: 'desc',
    limit: Math.max(1, top),
  });
  const result: DraftTopResult = { drafted: 0, skipped: 0, draftIds: [] };
  const candidates = top === 0 ? [] : page.items;
  for (const [i, item] of candidates.entries()) {
    const existing = await ctx.store.drafts.listForJob(item.id);
    if (existing.some((d) => d.status === 'pending_review' || d.status === 'approved')) {
      result.skipped++;
    } else {
      const draft = await draftForJob(ctx, {
        jobId: item.id,
        profileId: profile.id,
        actor: options.actor,
      });
      result.drafted++;
      result.draftIds.push(draft.id);
    }
    options.onProgress?.({ task: 'draft', done: i + 1, total: candidates.length });
  }
  return result;
}
