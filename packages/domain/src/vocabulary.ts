/**
 * The fixed lists of values the domain's schemas are built from. No imports: the dashboard
 * takes them from here (`@applydesk/domain/vocabulary`) without bundling zod, so its forms
 * and the server always offer the same values.
 */

export const REMOTE_MODES = ['remote', 'hybrid', 'onsite', 'unknown'] as const;

export const EMPLOYMENT_TYPES = [
  'full_time',
  'part_time',
  'contract',
  'temporary',
  'internship',
  'freelance',
  'unknown',
] as const;

export const SENIORITY_LEVELS = [
  'intern',
  'junior',
  'mid',
  'senior',
  'lead',
  'principal',
  'executive',
  'unknown',
] as const;

export const SALARY_PERIODS = ['hour', 'day', 'week', 'month', 'year'] as const;

/**
 * Experience levels as users write them: job-board seniorities plus the marketplace's
 * entry / intermediate / expert.
 */
export const EXPERIENCE_LEVELS = [
  'intern',
  'junior',
  'mid',
  'senior',
  'lead',
  'principal',
  'executive',
  'entry',
  'intermediate',
  'expert',
] as const;

export const STAGES = [
  'discovered',
  'shortlisted',
  'drafting',
  'ready_for_review',
  'approved',
  'applied',
  'interviewing',
  'offer',
  'hired',
  'rejected',
  'withdrawn',
  'archived',
] as const;

export const DRAFT_KINDS = [
  'proposal',
  'cover_letter',
  'tailored_resume',
  'answer',
  'follow_up',
] as const;

/**
 * The parts of a score. The first three say whether the posting is the user's kind of work
 * (fit); the rest say whether its terms suit them, and count only as much as it fits.
 */
export const SCORE_COMPONENTS = [
  'relevance',
  'skills',
  'title',
  'seniority',
  'employment',
  'remote',
  'location',
  'pay',
  'recency',
  'client',
] as const;
