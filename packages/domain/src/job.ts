import { z } from 'zod';
import { EMPLOYMENT_TYPES, REMOTE_MODES, SALARY_PERIODS, SENIORITY_LEVELS } from './vocabulary.js';

export { EMPLOYMENT_TYPES, REMOTE_MODES, SALARY_PERIODS, SENIORITY_LEVELS };
export const RemoteMode = z.enum(REMOTE_MODES);
export type RemoteMode = z.infer<typeof RemoteMode>;

export const EmploymentType = z.enum(EMPLOYMENT_TYPES);
export type EmploymentType = z.infer<typeof EmploymentType>;

export const Seniority = z.enum(SENIORITY_LEVELS);
export type Seniority = z.infer<typeof Seniority>;

export const SalaryPeriod = z.enum(SALARY_PERIODS);
export type SalaryPeriod = z.infer<typeof SalaryPeriod>;

/** ISO 8601 timestamp with offset, as stored and served. */
export const Timestamp = z.iso.datetime({ offset: true });

export const Salary = z
  .object({
    min: z.number().nonnegative().nullable(),
    max: z.number().nonnegative().nullable(),
    currency: z.string().regex(/^[A-Z]{3}$/, 'ISO 4217 code such as USD'),
    period: SalaryPeriod,
  })
  .refine((s) => s.min !== null || s.max !== null, 'salary needs a min or a max')
  .refine((s) => s.min === null || s.max === null || s.min <= s.max, 'salary min is above max');
export type Salary = z.infer<typeof Salary>;

export const PROPOSAL_TIERS = [
  'Less than 5',
  '5 to 10',
  '10 to 15',
  '15 to 20',
  '20 to 50',
  '50+',
] as const;

export const FreelanceClient = z.object({
  country: z.string().nullable(),
  paymentVerified: z.boolean().nullable(),
  totalSpent: z.number().nonnegative().nullable(),
  rating: z.number().min(0).max(5).nullable(),
  reviews: z.number().int().nonnegative().nullable().default(null),
  hires: z.number().int().nonnegative().nullable(),
  jobsPosted: z.number().int().nonnegative().nullable().default(null),
});
export type FreelanceClient = z.infer<typeof FreelanceClient>;

/** What a freelance marketplace (Upwork) says of a post beyond an ordinary job. */
export const FreelanceDetails = z.object({
  contractType: z.enum(['fixed', 'hourly']),
  budget: z.number().nonnegative().nullable(),
  hourlyMin: z.number().nonnegative().nullable(),
  hourlyMax: z.number().nonnegative().nullable(),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .default('USD'),
  duration: z.string().nullable(),
  workload: z.string().nullable().default(null),
  experienceLevel: z.enum(['entry', 'intermediate', 'expert']).nullable().default(null),
  client: FreelanceClient,
  proposalsTier: z.string().nullable(),
  screeningQuestions: z.array(z.string()).default([]),
});
export type FreelanceDetails = z.infer<typeof FreelanceDetails>;

/** A posting as a source hands it to ingest, before it has an identity in the store. */
export const JobInput = z.object({
  sourceType: z.string().min(1).describe('adapter type, e.g. greenhouse, lever, upwork'),
  sourceId: z.string().min(1).describe('the configured source instance, e.g. greenhouse:acme'),
  externalId: z.string().min(1).describe("the posting's id at the source"),
  url: z.url(),
  canonicalUrl: z.url().nullable().default(null),
  title: z.string().min(1),
  company: z.string().min(1),
  location: z.string().nullable(),
  remote: RemoteMode.default('unknown'),
  employmentType: EmploymentType.default('unknown'),
  seniority: Seniority.default('unknown'),
  salary: Salary.nullable().default(null),
  descriptionHtml: z.string().describe('sanitized HTML, safe to show'),
  descriptionText: z.string().describe('plain text of the description'),
  skills: z.array(z.string()).default([]),
  postedAt: Timestamp.nullable(),
  fetchedAt: Timestamp,
  expiresAt: Timestamp.nullable().default(null),
  freelance: FreelanceDetails.nullable().default(null),
  raw: z.unknown().describe('the payload as the source sent it'),
});
export type JobInput = z.infer<typeof JobInput>;
/** What a caller may pass before defaults are applied. */
export type JobInputDraft = z.input<typeof JobInput>;

export const JOB_STATUSES = ['open', 'closed'] as const;
export const JobStatus = z.enum(JOB_STATUSES);
export type JobStatus = z.infer<typeof JobStatus>;

export const Job = JobInput.extend({
  id: z.string(),
  canonicalUrl: z.url().nullable(),
  status: JobStatus,
  contentHash: z.string(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Job = z.infer<typeof Job>;
