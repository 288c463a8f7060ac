import { DomainError, type Draft, type GroundingReport } from '@applydesk/domain';
import { blocksApproval, checkGrounding, mergeConfirmations } from '@applydesk/llm';
import type { EngineContext } from '../context.js';

async function draftOrThrow(ctx: EngineContext, draftId: string): Promise<Draft> {
  const draft = await ctx.store.drafts.get(draftId);
  if (draft === null) throw new DomainError('NOT_FOUND', `draft ${draftId} does not exist`);
  return draft;
}

function refuseUnless(draft: Draft, allowed: Draft['status'][], doing: string): void {
  if (allowed.includes(draft.status)) return;
  throw new DomainError(
    'CONFLICT',
    `draft ${draft.id} is ${draft.status.replace('_', ' ')}: it cannot be ${doing}`,
    {
      details: { status: draft.status },
    },
  );
}

/**
 * Saves the user's edit and checks the new text's claims against the profile again; claims
 * the user had confirmed stay confirmed while their wording is unchanged. Editing an approved
 * draft sends it back to review.
 */
export async function editDraft(
  ctx: EngineContext,
  options: { draftId: string; text: string; actor: string },
): Promise<Draft> {
  const draft = await draftOrThrow(ctx, options.draftId);
  refuseUnless(draft, ['pending_review', 'approved'], 'edited');
  const text = options.text.trim();
  if (text === '') {
    throw new DomainError('INVALID_INPUT', 'text: a draft cannot be empty', {
      details: { errors: [{ path: 'text', reason: 'empty' }] },
    });
  }
  const profile = await ctx.store.profiles.get(draft.profileId);
  const job = await ctx.store.jobs.get(draft.jobId);
  if (profile === null)
    throw new DomainError('NOT_FOUND', `profile ${draft.profileId} does not exist`);
  const grounding = mergeConfirmations(
    draft.grounding,
    checkGrounding(text, profile, { ...(job === null ? {} : { job }), now: ctx.now() }),
  );
  return ctx.store.transaction(async (tx) => {
    const edited = await tx.drafts.updateText(draft.id, text, grounding, options.actor);
    if (draft.status !== 'approved') return edited;
    const back = await tx.drafts.setStatus(draft.id, 'pending_review', options.actor);
    const application = await tx.applications.getByJob(draft.jobId, draft.profileId);
    if (application?.stage === 'approved') {
      await tx.applications.moveTo(
        application.id,
        'ready_for_review',
        options.actor,
        `draft ${draft.id} edited`,
      );
    }
    return back;
  });
}

/**
 * The user vouches for claims the profile does not show (a fact they left off their resume).
 * `claims` are indexes into the draft's grounding report; all unsupported ones when absent.
 */
export async function confirmClaims(
  ctx: EngineContext,
  options: { draftId: string; claims?: number[]; actor: string },
): Promise<Draft> {
  const draft = await draftOrThrow(ctx, options.draftId);
  refuseUnless(draft, ['pending_review'], 'changed');
  const report: GroundingReport = draft.grounding ?? { claims: [], unsupportedCount: 0 };
  const wanted = options.claims ?? report.claims.flatMap((c, i) => (c.supported ? [] : [i]));
  for (const index of wanted) {
    if (!Number.isInteger(index) || index < 0 || index >= report.claims.length) {
      throw new DomainError(
        'INVALID_INPUT',
        `claims: ${index} is not a claim of draft ${draft.id} (it has ${report.claims.length})`,
        { details: { errors: [{ path: 'claims', reason: 'no such claim' }] } },
      );
    }
  }
  const claims = report.claims.map((c, i) =>
    wanted.includes(i) ? { ...c, confirmedByUser: true } : c,
  );
  return ctx.store.drafts.setGrounding(draft.id, { ...report, claims }, options.actor);
}

/**
 * Approves a draft for sending. Refused while any claim about the user is unsupported and
 * unconfirmed. The posting's other drafts waiting for review are superseded, and the
 * application moves to approved; applying stays the user's own step.
 */
export async function approveDraft(
  ctx: EngineContext,
  options: { draftId: string; actor: string },
): Promise<Draft> {
  const draft = await draftOrThrow(ctx, options.draftId);
  refuseUnless(draft, ['pending_review'], 'approved');
  if (draft.grounding !== null && blocksApproval(draft.grounding)) {
    const open = draft.grounding.claims.filter((c) => !c.supported && !c.confirmedByUser);
    throw new DomainError(
      'CONFLICT',
      `draft ${draft.id} makes ${open.length} claim${open.length === 1 ? '' : 's'} the profile does not back: ${open
        .map((c) => `"${c.text}"`)
        .join(', ')}`,
      {
        hint: 'edit the draft, or confirm each claim is true (`applydesk drafts confirm`), then approve',
        details: { unsupported: open },
      },
    );
  }
  return ctx.store.transaction(async (tx) => {
    const approved = await tx.drafts.setStatus(draft.id, 'approved', options.actor);
    for (const other of await tx.drafts.listForJob(draft.jobId)) {
      if (other.id !== draft.id && other.kind === draft.kind && other.status === 'pending_review') {
        await tx.drafts.setStatus(other.id, 'superseded', options.actor);
      }
    }
    let application = await tx.applications.getByJob(draft.jobId, draft.profileId);
    application ??= await tx.applications.create(
      draft.jobId,
      draft.profileId,
      options.actor,
      'drafting',
    );
    if (application.stage === 'drafting') {
      application = await tx.applications.moveTo(application.id, 'ready_for_review', options.actor);
    }
    if (application.stage === 'ready_for_review') {
      await tx.applications.moveTo(application.id, 'approved', options.actor, `draft ${draft.id}`);
    }
    return approved;
  });
}

export async function rejectDraft(
  ctx: EngineContext,
  options: { draftId: string; actor: string },
): Promise<Draft> {
  const draft = await draftOrThrow(ctx, options.draftId);
  refuseUnless(draft, ['pending_review', 'approved'], 'rejected');
  return ctx.store.drafts.setStatus(draft.id, 'rejected', options.actor);
}

export async function getDraft(ctx: EngineContext, draftId: string): Promise<Draft> {
  return draftOrThrow(ctx, draftId);
}

export async function listDrafts(
  ctx: EngineContext,
  options: { status?: Draft['status']; jobId?: string; limit?: number; offset?: number },
): Promise<{ items: Draft[]; totalCount: number }> {
  if (options.jobId !== undefined) {
    const all = await ctx.store.drafts.listForJob(options.jobId);
    const items =
      options.status === undefined ? all : all.filter((d) => d.status === options.status);
    return { items, totalCount: items.length };
  }
  return ctx.store.drafts.listByStatus(options.status ?? 'pending_review', {
    ...(options.limit === undefined ? {} : { limit: options.limit }),
    ...(options.offset === undefined ? {} : { offset: options.offset }),
  });
}
