import { z } from 'zod';
import { Rejection } from './filters/rules.js';
import { Timestamp } from './job.js';

export const MatchReason = z.object({
  kind: z.enum(['plus', 'minus', 'info']),
  component: z.string(),
  text: z.string(),
});
export type MatchReason = z.infer<typeof MatchReason>;

/** One skill a posting asks for, and whether the profile shows it. */
export const SkillCheck = z.object({
  name: z.string(),
  matched: z.boolean(),
  yearsAsked: z.number().nullable(),
  yearsHave: z.number().nullable(),
});
export type SkillCheck = z.infer<typeof SkillCheck>;

export const MatchSkills = z.object({
  required: z.array(SkillCheck).default([]),
  niceToHave: z.array(SkillCheck).default([]),
});
export type MatchSkills = z.infer<typeof MatchSkills>;

/**
 * How well one posting fits one profile: a 0-100 score, its parts and the reasons in words,
 * and, when one of the user's filters holds it back, which rule and why. An overridden
 * rejection is kept for the record but no longer holds the posting back.
 */
export const Match = z.object({
  jobId: z.string(),
  profileId: z.string(),
  score: z.number().int().min(0).max(100),
  components: z.record(z.string(), z.number().min(0).max(1)),
  reasons: z.array(MatchReason),
  skills: MatchSkills.prefault({}),
  rejection: Rejection.nullable().default(null),
  overridden: z.boolean().default(false),
  computedAt: Timestamp,
});
export type Match = z.infer<typeof Match>;

/** A posting the filters hold back, unless the user let it through. */
export function isHeldBack(match: Pick<Match, 'rejection' | 'overridden'>): boolean {
  return match.rejection !== null && !match.overridden;
}
