import type { Dialect } from '../repositories.js';

/**
 * Cross-source dedupe: a job may be marked a duplicate of another (its canonical job) and
 * keeps its own row, so every place a role was seen stays on record (provenance). Each job
 * may carry its dedupe blocking key (normalized company) and MinHash signature, so ingest
 * can rebuild its near-duplicate index without recomputing them.
 *
 * `jobs_duplicate_of_idx` finds a canonical job's duplicates. In SQLite it also holds status,
 * so the listing's count of open canonical jobs reads only the index, as it did before.
 *
 * PostgreSQL lists by `canonical` (= duplicate_of is null) rather than by the null test: until
 * ANALYZE has run (right after a bulk ingest) the planner takes "is null" to keep 0.5% of rows
 * and sorts a bitmap scan of every open job for the first page, where a boolean column counts
 * as half and the ordered index is used, as before this migration. Its duplicate_of index is
 * partial (non-null only) for the same reason: an index over the nulls tempted the planner.
 */
export function provenanceSchema(dialect: Dialect): string[] {
  const id = dialect === 'postgres' ? 'text collate "C"' : 'text';
  return [
    `alter table jobs add column duplicate_of ${id} references jobs (id) on delete set null`,
    `alter table jobs add column dedupe_key text`,
    `alter table jobs add column dedupe_signature text`,
    ...(dialect === 'postgres'
      ? [
          `alter table jobs add column canonical boolean generated always as (duplicate_of is null) stored`,
        ]
      : []),
    dialect === 'postgres'
      ? `create index jobs_duplicate_of_idx on jobs (duplicate_of) where duplicate_of is not null`
      : `create index jobs_duplicate_of_idx on jobs (duplicate_of, status)`,
    // Partial: jobs stored without a signature cost the index nothing.
    `create index jobs_dedupe_key_idx on jobs (dedupe_key, id) where dedupe_key is not null`,
  ];
}
