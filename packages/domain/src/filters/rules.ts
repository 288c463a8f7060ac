import { z } from 'zod';
import { SalaryPeriod } from '../job.js';
import { EXPERIENCE_LEVELS } from '../vocabulary.js';
import { fnv1a64 } from '../hash.js';

/**
 * The user's hard rules: a posting that breaks one is kept, with the rule and the reason, but
 * never shortlisted unless the user overrides it. Ranking says how good a posting is; filters
 * say which ones the user never wants to see on top.
 */
export const FILTER_RULES = [
  'platforms',
  'locations',
  'salary_min',
  'experience_level',
  'keywords_required',
  'keywords_any',
  'keywords_excluded',
  'companies_excluded',
  'posted_within_days',
  'applied_company_within_days',
  'daily_cap',
] as const;
export type FilterRule = (typeof FILTER_RULES)[number];

export { EXPERIENCE_LEVELS };
export type ExperienceLevel = (typeof EXPERIENCE_LEVELS)[number];

export const FilterRules = z.object({
  /** Source types allowed (greenhouse, upwork…); empty allows all. */
  platforms: z.array(z.string().min(1)).default([]),
  /** Places the posting must be in (matched within its location); "remote" admits remote postings. */
  locations: z.array(z.string().min(1)).default([]),
  salaryMin: z
    .object({
      amount: z.number().positive(),
      currency: z
        .string()
        .regex(/^[A-Z]{3}$/)
        .default('USD'),
      period: SalaryPeriod.default('year'),
    })
    .nullable()
    .default(null),
  experienceLevels: z.array(z.enum(EXPERIENCE_LEVELS)).default([]),
  /** Every one of these must appear in the title or description. */
  keywordsRequired: z.array(z.string().min(1)).default([]),
  /** At least one of these must appear. */
  keywordsAny: z.array(z.string().min(1)).default([]),
  /** None of these may appear. */
  keywordsExcluded: z.array(z.string().min(1)).default([]),
  companiesExcluded: z.array(z.string().min(1)).default([]),
  postedWithinDays: z.number().int().positive().nullable().default(null),
  appliedCompanyWithinDays: z.number().int().positive().nullable().default(null),
  /** At most this many postings are newly shortlisted a day; the rest wait for the next day. */
  dailyCap: z.number().int().positive().nullable().default(null),
});
export type FilterRules = z.infer<typeof FilterRules>;
export type FilterRulesDraft = z.input<typeof FilterRules>;

export const NO_FILTERS: FilterRules = FilterRules.parse({});

/** Why a posting was held back: the rule, in the words of the config, and the reason. */
export const Rejection = z.object({
  rule: z.enum(FILTER_RULES),
  reason: z.string(),
});
export type Rejection = z.infer<typeof Rejection>;

/**
 * A key of the rules that judge a posting's content. Stored with each verdict so that a change
 * of rules re-judges every posting, and nothing else does.
 */
export function contentRulesKey(rules: FilterRules): string {
  const {
    postedWithinDays: _posted,
    appliedCompanyWithinDays: _applied,
    dailyCap: _cap,
    ...content
  } = rules;
  return fnv1a64(JSON.stringify(content));
}
