import type { Dialect } from '../repositories.js';

/**
 * What the review desk needs of a draft beyond its text:
 * - `candidate_group`: drafts written side by side by several models, for the user to pick;
 * - `quality`: the candidate's scores (grounding, specificity, length, readability);
 * - `notes`: how it was made when that matters (a fallback, a refused answer, a spent budget).
 */
export function draftReviewSchema(dialect: Dialect): string[] {
  const json = dialect === 'postgres' ? 'jsonb' : 'text';
  const emptyList = dialect === 'postgres' ? `'[]'::jsonb` : `'[]'`;
  return [
    `alter table drafts add column candidate_group text`,
    `alter table drafts add column quality ${json}`,
    `alter table drafts add column notes ${json} not null default ${emptyList}`,
    `create index drafts_group_idx on drafts (candidate_group)`,
  ];
}
