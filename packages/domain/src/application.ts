import { z } from 'zod';
import { DomainError } from './errors.js';
import { Timestamp } from './job.js';
import { STAGES } from './vocabulary.js';

export { STAGES };
export const Stage = z.enum(STAGES);
export type Stage = z.infer<typeof Stage>;

/** Where each stage may go next. Anything else is refused, so the history always reads true. */
export const STAGE_TRANSITIONS: Readonly<Record<Stage, readonly Stage[]>> = {
  discovered: ['shortlisted', 'drafting', 'withdrawn', 'archived'],
  shortlisted: ['discovered', 'drafting', 'withdrawn', 'archived'],
  drafting: ['shortlisted', 'ready_for_review', 'withdrawn', 'archived'],
  ready_for_review: ['drafting', 'approved', 'withdrawn', 'archived'],
  // Approval is the user's go-ahead; applying stays a separate, explicit step.
  approved: ['ready_for_review', 'applied', 'withdrawn', 'archived'],
  applied: ['interviewing', 'offer', 'rejected', 'withdrawn', 'archived'],
  interviewing: ['offer', 'rejected', 'withdrawn', 'archived'],
  offer: ['hired', 'rejected', 'withdrawn', 'archived'],
  hired: ['archived'],
  rejected: ['archived'],
  withdrawn: ['archived'],
  archived: [],
};

export function canTransition(from: Stage, to: Stage): boolean {
  return STAGE_TRANSITIONS[from].includes(to);
}

/** Throws ILLEGAL_TRANSITION naming both stages and the stages that are allowed. */
export function assertTransition(from: Stage, to: Stage): void {
  if (canTransition(from, to)) return;
  const allowed = STAGE_TRANSITIONS[from];
  throw new DomainError('ILLEGAL_TRANSITION', `an application cannot move from ${from} to ${to}`, {
    hint:
      allowed.length > 0
        ? `from ${from} it can move to: ${allowed.join(', ')}`
        : `${from} is final; nothing follows it`,
    details: { from, to, allowed },
  });
}

/** Stages that count as having applied, for the funnel and once-per-company rules. */
export const APPLIED_STAGES: readonly Stage[] = [
  'applied',
  'interviewing',
  'offer',
  'hired',
  'rejected',
];

export const Application = z.object({
  id: z.string(),
  jobId: z.string(),
  profileId: z.string(),
  stage: Stage,
  stageChangedAt: Timestamp,
  notes: z.string().default(''),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Application = z.infer<typeof Application>;
