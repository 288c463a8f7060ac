import type { Dialect } from '../repositories.js';

/**
 * What lets a ranking run with little changed skip the features of unchanged postings.
 *
 * `ranking_corpus`: per profile, the BM25 corpus counts its stored scores were computed
 * against, and the keys naming them. A ranking run that finds the profile, settings and day
 * unchanged and the corpus moved little keeps every stored score that is still current and
 * scores only new or changed postings against these counts, so it never reads the features
 * of unchanged postings (see rankJobs in the engine).
 * - `base_key`: the profile, settings, scorer version and day the counts were taken for;
 * - `scoring_key`: what matches scored against these counts carry as their scoring key;
 * - `docs`: postings counted; `rescored`: postings scored against the counts since.
 *
 * Covering indexes, so reading every posting's ranking basis touches neither the wide job
 * rows (descriptions, raw payloads), the features nor the match rows (parts, reasons,
 * skills): SQLite answers those reads from the indexes alone, in about a third of the time of
 * reading the rows for 100k postings.
 */
export function incrementalRankingSchema(dialect: Dialect): string[] {
  const time = dialect === 'postgres' ? 'timestamptz' : 'text';
  const json = dialect === 'postgres' ? 'jsonb' : 'text';
  const id = dialect === 'postgres' ? 'text collate "C"' : 'text';
  return [
    `create table ranking_corpus (
      profile_id ${id} primary key references profiles (id) on delete cascade,
      base_key text not null,
      scoring_key text not null,
      docs integer not null,
      rescored integer not null default 0,
      counts ${json} not null,
      computed_at ${time} not null
    )`,
    `create index jobs_rank_idx on jobs (id, content_hash, status, duplicate_of)`,
    `create index job_features_basis_idx on job_features
      (job_id, content_hash, version, rules_key, company_key, posted_at, rejected_rule,
       rejected_reason)`,
    `create index matches_basis_idx on matches
      (profile_id, job_id, content_hash, scoring_key, score, overridden, rejected_rule)`,
  ];
}
