import type { Dialect } from '../repositories.js';

/**
 * What ranking keeps between runs:
 * - `job_features`: what scoring reads of a posting (JobFeatures, extracted once per content),
 *   and the verdict of the user's content filters on it, so re-ranking after a profile or
 *   weights change never re-reads descriptions.
 * - on `matches`: what the score was computed from (the job's content hash and a key of the
 *   profile and settings), so only stale scores are recomputed; the matched and missing
 *   skills; the filter rule that holds the posting back and why; and the user's override.
 */
export function rankingSchema(dialect: Dialect): string[] {
  const time = dialect === 'postgres' ? 'timestamptz' : 'text';
  const json = dialect === 'postgres' ? 'jsonb' : 'text';
  const id = dialect === 'postgres' ? 'text collate "C"' : 'text';
  const bool =
    dialect === 'postgres' ? 'boolean not null default false' : 'integer not null default 0';
  return [
    `create table job_features (
      job_id ${id} primary key references jobs (id) on delete cascade,
      content_hash text not null,
      version integer not null,
      data ${json} not null,
      company_key text not null,
      posted_at ${time},
      rules_key text not null,
      rejected_rule text,
      rejected_reason text
    )`,
    `alter table matches add column content_hash text`,
    `alter table matches add column scoring_key text`,
    `alter table matches add column skills ${json}`,
    `alter table matches add column rejected_rule text`,
    `alter table matches add column rejected_reason text`,
    `alter table matches add column overridden ${bool}`,
    `create index matches_profile_rejected_idx on matches (profile_id, rejected_rule)`,
  ];
}
