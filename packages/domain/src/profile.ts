import { z } from 'zod';
import { EmploymentType, SalaryPeriod, Seniority, Timestamp } from './job.js';

/** JSON Resume (jsonresume.org) sections ApplyDesk reads; unknown keys are kept. */
const ResumeLocation = z.looseObject({
  address: z.string().optional(),
  city: z.string().optional(),
  region: z.string().optional(),
  countryCode: z.string().optional(),
  postalCode: z.string().optional(),
});

export const ResumeBasics = z.looseObject({
  name: z.string().min(1),
  label: z.string().optional(),
  email: z.string().optional(),
  phone: z.string().optional(),
  url: z.string().optional(),
  summary: z.string().optional(),
  location: ResumeLocation.optional(),
  profiles: z
    .array(
      z.looseObject({
        network: z.string(),
        username: z.string().optional(),
        url: z.string().optional(),
      }),
    )
    .default([]),
});

export const ResumeWork = z.looseObject({
  name: z.string().describe('employer'),
  position: z.string(),
  url: z.string().optional(),
  location: z.string().optional(),
  startDate: z.string().optional(),
  endDate: z.string().optional(),
  summary: z.string().optional(),
  highlights: z.array(z.string()).default([]),
});
export type ResumeWork = z.infer<typeof ResumeWork>;

export const ResumeProject = z.looseObject({
  name: z.string(),
  description: z.string().optional(),
  highlights: z.array(z.string()).default([]),
  keywords: z.array(z.string()).default([]),
  url: z.string().optional(),
  startDate: z.string().optional(),
  endDate: z.string().optional(),
});

export const ResumeEducation = z.looseObject({
  institution: z.string(),
  area: z.string().optional(),
  studyType: z.string().optional(),
  startDate: z.string().optional(),
  endDate: z.string().optional(),
  score: z.string().optional(),
});

export const ResumeCertificate = z.looseObject({
  name: z.string(),
  issuer: z.string().optional(),
  date: z.string().optional(),
  url: z.string().optional(),
});

export const ResumeSkill = z.looseObject({
  name: z.string(),
  level: z.string().optional(),
  keywords: z.array(z.string()).default([]),
});

export const ResumeLanguage = z.looseObject({
  language: z.string(),
  fluency: z.string().optional(),
});

export const SalaryFloor = z.object({
  amount: z.number().positive(),
  currency: z.string().regex(/^[A-Z]{3}$/),
  period: SalaryPeriod,
});
export type SalaryFloor = z.infer<typeof SalaryFloor>;

export const FreelancePreferences = z.object({
  minHourlyRate: z.number().nonnegative().nullable().default(null),
  minFixedBudget: z.number().nonnegative().nullable().default(null),
  client: z
    .object({
      paymentVerified: z.boolean().default(false),
      minSpent: z.number().nonnegative().nullable().default(null),
      minRating: z.number().min(0).max(5).nullable().default(null),
      maxProposals: z.number().int().nonnegative().nullable().default(null),
    })
    .prefault({}),
});

export const Preferences = z.object({
  targetTitles: z.array(z.string()).default([]),
  seniority: z.array(Seniority).default([]),
  locations: z.array(z.string()).default([]),
  timeZones: z.array(z.string()).default([]),
  remote: z.array(z.enum(['remote', 'hybrid', 'onsite'])).default(['remote']),
  salaryFloor: SalaryFloor.nullable().default(null),
  employmentTypes: z.array(EmploymentType).default([]),
  avoidCompanies: z.array(z.string()).default([]),
  freelance: FreelancePreferences.prefault({}),
});
export type Preferences = z.infer<typeof Preferences>;

/** Something the user wrote before (a winning proposal), which drafts learn the voice from. */
export const WritingSample = z.object({
  text: z.string().min(1),
  kind: z.enum(['proposal', 'cover_letter', 'tailored_resume', 'answer', 'follow_up']).optional(),
  /** True for a proposal or letter that got the job or an answer: these lead. */
  won: z.boolean().optional(),
});
export type WritingSample = z.infer<typeof WritingSample>;

/** The user: a JSON Resume plus what they are looking for. */
export const ProfileInput = z.object({
  name: z.string().min(1).default('default').describe('label of this profile'),
  basics: ResumeBasics,
  work: z.array(ResumeWork).default([]),
  projects: z.array(ResumeProject).default([]),
  education: z.array(ResumeEducation).default([]),
  certificates: z.array(ResumeCertificate).default([]),
  skills: z.array(ResumeSkill).default([]),
  languages: z.array(ResumeLanguage).default([]),
  preferences: Preferences.prefault({}),
  /** Past proposals and letters that teach drafts the user's voice (never their facts). */
  writingSamples: z.array(WritingSample).default([]),
  /** Text the importer could not place in a section, kept rather than dropped. */
  unplaced: z.array(z.string()).default([]),
});
export type ProfileInput = z.infer<typeof ProfileInput>;
export type ProfileInputDraft = z.input<typeof ProfileInput>;

export const Profile = ProfileInput.extend({
  id: z.string(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Profile = z.infer<typeof Profile>;
