import { z } from 'zod';
import { Timestamp } from './job.js';

export const MatchReason = z.object({
  kind: z.enum(['plus', 'minus', 'info']),
  component: z.string(),
  text: z.string(),
});
export type MatchReason = z.infer<typeof MatchReason>;

/** How well one posting fits one profile: a 0-100 score, its parts and the reasons in words. */
export const Match = z.object({
  jobId: z.string(),
  profileId: z.string(),
  score: z.number().int().min(0).max(100),
  components: z.record(z.string(), z.number().min(0).max(1)),
  reasons: z.array(MatchReason),
  computedAt: Timestamp,
});
export type Match = z.infer<typeof Match>;
