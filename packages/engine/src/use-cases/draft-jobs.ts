import { DomainError, type Draft, type DraftKind, type Job } from '@applydesk/domain';
import { writeDrafts, type DraftCandidate } from '@applydesk/llm';
import { newCandidateGroup } from '@applydesk/store';
import type { EngineContext, OnProgress } from '../context.js';
import { parseModelRef } from '../llm/open-gateway.js';
import { resolveProfile } from './profile.js';

/** A marketplace post gets a proposal; an employer's posting gets a cover letter. */
export function defaultDraftKind(job: Pick<Job, 'freelance'>): DraftKind {
  return job.freelance === null ? 'cover_letter' : 'proposal';
}

export interface DraftOptions {
  jobId: string;
  profileId?: string;
  kind?: DraftKind;
  /** "provider:model" refs: one candidate each, side by side. Absent: the drafting route. */
  models?: string[];
  tone?: 'warm' | 'direct';
  /** Ask the models again even when the same prompt has a cached answer. */
  fresh?: boolean;
  actor: string;
  signal?: AbortSignal;
  /** Words written so far by each model, as they stream in. */
  onProgress?: OnProgress;
}

export interface DraftOutcome {
  /** Every candidate stored, best first; the first is the one to review. */
  drafts: Draft[];
}

/**
 * Writes drafts for one posting and puts its application in front of the user for review.
 * Several models give side-by-side candidates in one group; a candidate that obeyed the
 * posting or leaked the rules is stored as rejected, with the reason in its notes. Nothing is
 * sent anywhere: approval and applying stay the user's steps.
 */
export async function draftForJob(
  ctx: EngineContext,
  options: DraftOptions,
): Promise<DraftOutcome> {
  const profile = await resolveProfile(ctx, options.profileId);
  const job = await ctx.store.jobs.get(options.jobId);
  if (job === null) throw new DomainError('NOT_FOUND', `job ${options.jobId} does not exist`);
  const kind = options.kind ?? defaultDraftKind(job);
  const models = options.models?.map(parseModelRef);
  const startedAt = ctx.now().toISOString();
  const candidates = await writeDrafts({
    job,
    profile,
    kind,
    now: ctx.now(),
    tone: options.tone ?? ctx.settings.drafting?.tone ?? 'warm',
    template: ctx.settings.drafting?.templates[kind],
    gateway: ctx.llm,
    models,
    ...(options.fresh === undefined ? {} : { fresh: options.fresh }),
    ...(options.signal === undefined ? {} : { signal: options.signal }),
    ...(options.onProgress === undefined ? {} : streamProgress(options.onProgress, models)),
  });
  const group = candidates.length > 1 ? newCandidateGroup() : null;
  const drafts = await ctx.store.transaction(async (tx) => {
    const stored: Draft[] = [];
    for (const candidate of candidates) {
      let draft = await tx.drafts.create(
        draftInput(job.id, profile.id, kind, candidate, group),
        options.actor,
      );
      if (candidate.unsafe) draft = await tx.drafts.setStatus(draft.id, 'rejected', 'system');
      stored.push(draft);
    }
    let application = await tx.applications.getByJob(job.id, profile.id);
    application ??= await tx.applications.create(job.id, profile.id, options.actor, 'drafting');
    if (application.stage === 'discovered' || application.stage === 'shortlisted') {
      application = await tx.applications.moveTo(application.id, 'drafting', options.actor);
    }
    const best = stored.find((d) => d.status === 'pending_review');
    if (application.stage === 'drafting' && best !== undefined) {
      await tx.applications.moveTo(
        application.id,
        'ready_for_review',
        options.actor,
        `draft ${best.id}`,
      );
    }
    return stored;
  });
  // Each model's calls (failed attempts included) are tied to the draft they served.
  for (const [i, candidate] of candidates.entries()) {
    const draft = drafts[i];
    if (draft === undefined || candidate.writer !== 'llm' || candidate.model === null) continue;
    const at = candidate.model.indexOf(':');
    await ctx.store.llmCalls.assignDraft({
      jobId: job.id,
      since: startedAt,
      draftId: draft.id,
      ...(models === undefined
        ? {}
        : { provider: candidate.model.slice(0, at), model: candidate.model.slice(at + 1) }),
    });
  }
  return { drafts };
}

/** Streamed text as progress: words so far per candidate, named by its model when known. */
function streamProgress(
  onProgress: OnProgress,
  models: { provider: string; model: string }[] | undefined,
) {
  const words = new Map<number, number>();
  const report = (candidate: number) => {
    const route = models?.[candidate];
    onProgress({
      task: route === undefined ? 'draft' : `draft ${route.provider}:${route.model}`,
      done: words.get(candidate) ?? 0,
      total: null,
      message: 'words written',
    });
  };
  return {
    onText: (candidate: number, delta: string) => {
      words.set(candidate, (words.get(candidate) ?? 0) + (delta.match(/\S+/g)?.length ?? 0));
      report(candidate);
    },
    onRestart: (candidate: number) => {
      words.set(candidate, 0);
      report(candidate);
    },
  };
}

function draftInput(
  jobId: string,
  profileId: string,
  kind: DraftKind,
  candidate: DraftCandidate,
  group: string | null,
) {
  return {
    jobId,
    profileId,
    kind,
    text: candidate.text,
    writer: candidate.writer,
    model: candidate.model,
    costUsd: candidate.costUsd,
    prompt: candidate.prompt,
    grounding: candidate.grounding,
    citedRequirements: candidate.citedRequirements,
    candidateGroup: group,
    quality: candidate.quality,
    notes: candidate.notes,
  };
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
      const { drafts } = await draftForJob(ctx, {
        jobId: item.id,
        profileId: profile.id,
        actor: options.actor,
      });
      result.drafted++;
      result.draftIds.push(...drafts.map((d) => d.id));
    }
    options.onProgress?.({ task: 'draft', done: i + 1, total: candidates.length });
  }
  return result;
}
