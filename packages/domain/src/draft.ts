import { z } from 'zod';
import { Timestamp } from './job.js';
import { DRAFT_KINDS } from './vocabulary.js';

export { DRAFT_KINDS };
export const DraftKind = z.enum(DRAFT_KINDS);
export type DraftKind = z.infer<typeof DraftKind>;

export const DRAFT_STATUSES = ['pending_review', 'approved', 'rejected', 'superseded'] as const;
export const DraftStatus = z.enum(DRAFT_STATUSES);
export type DraftStatus = z.infer<typeof DraftStatus>;

export const GROUNDING_CLAIM_KINDS = [
  'employer',
  'title',
  'years',
  'number',
  'skill',
  'certification',
  'degree',
  'other',
] as const;
export type GroundingClaimKind = (typeof GROUNDING_CLAIM_KINDS)[number];

/** One claim a draft makes about the user, and whether the profile backs it. */
export const GroundingClaim = z.object({
  text: z.string(),
  supported: z.boolean(),
  evidence: z.string().nullable(),
  confirmedByUser: z.boolean().default(false),
  // Optional rather than defaulted, so claims built in code without them still type-check.
  /** What the claim is about; absent (older drafts, writer ledgers) reads as 'other'. */
  kind: z.enum(GROUNDING_CLAIM_KINDS).optional(),
  /** Character offsets of the claim in the draft text, for highlighting (end exclusive). */
  start: z.number().int().nonnegative().optional(),
  end: z.number().int().nonnegative().optional(),
  /** Why the profile does not back it, in plain words; absent when supported. */
  reason: z.string().optional(),
});
export type GroundingClaim = z.infer<typeof GroundingClaim>;

export const GroundingReport = z.object({
  claims: z.array(GroundingClaim),
  unsupportedCount: z.number().int().nonnegative(),
});
export type GroundingReport = z.infer<typeof GroundingReport>;

/** How a candidate draft measures up, each part from 0 to 1, for picking among models. */
export const DraftQuality = z.object({
  /** 1 when every claim about the user is backed by the profile. */
  grounding: z.number().min(0).max(1),
  /** Share of the posting's requirements the draft addresses, with a bonus for naming its problem first. */
  specificity: z.number().min(0).max(1),
  /** 1 inside the kind's target length. */
  length: z.number().min(0).max(1),
  /** 1 at an easy professional reading level (grade 7 to 11). */
  readability: z.number().min(0).max(1),
  words: z.number().int().nonnegative(),
  /** Flesch-Kincaid grade level. */
  readingGrade: z.number(),
  /** The weighted sum, 0 to 100. */
  total: z.number().min(0).max(100),
});
export type DraftQuality = z.infer<typeof DraftQuality>;

export const DraftInput = z.object({
  jobId: z.string(),
  profileId: z.string(),
  kind: DraftKind,
  text: z.string().min(1),
  writer: z.enum(['offline', 'llm']).describe('offline: composed without an LLM'),
  model: z.string().nullable().default(null),
  costUsd: z.number().nonnegative().default(0),
  prompt: z.string().nullable().default(null),
  grounding: GroundingReport.nullable().default(null),
  /** Posting requirements the draft cites, to show that it answers this posting. */
  citedRequirements: z.array(z.string()).default([]),
  /** Drafts written side by side by several models share a group; the user picks one. */
  candidateGroup: z.string().nullable().default(null),
  quality: DraftQuality.nullable().default(null),
  /** What the user should know about how the draft was made (a fallback, a refused answer). */
  notes: z.array(z.string()).default([]),
});
export type DraftInput = z.infer<typeof DraftInput>;
export type DraftInputDraft = z.input<typeof DraftInput>;

export const Draft = DraftInput.extend({
  id: z.string(),
  status: DraftStatus,
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Draft = z.infer<typeof Draft>;
