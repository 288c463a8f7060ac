// Types only: the schemas live in @applydesk/api-contract, and `import type` keeps zod and
// hono out of the bundle.
import type { z } from 'zod';
import type {
  ApplicationCardList as ApplicationCardListSchema,
  CostReport as CostReportSchema,
  Draft as DraftSchema,
  Health as HealthSchema,
  Insights as InsightsSchema,
  JobDetail as JobDetailSchema,
  JobList as JobListSchema,
  Problem as ProblemSchema,
  Profile as ProfileSchema,
  Settings as SettingsSchema,
  SettingsUpdate as SettingsUpdateSchema,
  ApiTokenList as ApiTokenListSchema,
  CreatedToken as CreatedTokenSchema,
  SourceStatusList as SourceStatusListSchema,
  StageHistory as StageHistorySchema,
} from '@applydesk/api-contract';

export type JobList = z.infer<typeof JobListSchema>;
export type JobListItem = JobList['items'][number];
export type JobDetail = z.infer<typeof JobDetailSchema>;
export type Job = JobDetail['job'];
export type Match = NonNullable<JobDetail['match']>;
export type Application = NonNullable<JobDetail['application']>;
export type Draft = z.infer<typeof DraftSchema>;
export type GroundingClaim = NonNullable<Draft['grounding']>['claims'][number];
export type Problem = z.infer<typeof ProblemSchema>;
export type ApplicationCards = z.infer<typeof ApplicationCardListSchema>;
export type ApplicationCard = ApplicationCards['items'][number];
export type StageHistory = z.infer<typeof StageHistorySchema>;
export type Insights = z.infer<typeof InsightsSchema>;
export type SourceStatusList = z.infer<typeof SourceStatusListSchema>;
export type Profile = z.infer<typeof ProfileSchema>;
export type CostReport = z.infer<typeof CostReportSchema>;
export type Health = z.infer<typeof HealthSchema>;
export type Settings = z.infer<typeof SettingsSchema>;
export type SettingsUpdate = z.infer<typeof SettingsUpdateSchema>;
export type ApiTokenList = z.infer<typeof ApiTokenListSchema>;
export type ApiTokenInfo = ApiTokenList['items'][number];
export type CreatedToken = z.infer<typeof CreatedTokenSchema>;
export type Stage = Application['stage'];
export type DraftKind = Draft['kind'];

export { DRAFT_KINDS, STAGES } from '@applydesk/domain/vocabulary';

export interface JobFilters {
  q: string;
  minScore: number | null;
  source: string;
  stage: string;
  remote: string;
  status: 'open' | 'closed' | 'all';
}
