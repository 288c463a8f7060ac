import { sql, type Kysely } from 'kysely';
import type { Database } from '../db.js';

/**
 * SQLite: the jobs table rebuilt with its narrow columns first and the wide ones (descriptions,
 * then the raw payload) last.
 *
 * SQLite stores a row's columns in order and spills what does not fit in a page onto
 * overflow pages. The first layout had `raw` (the source's payload, ~2 KB) and the
 * descriptions in the middle of the row, so reading `status`, `duplicate_of` or `updated_at`
 * walked the overflow chain of a ~5 KB row: the listing's full-text join spent most of its
 * time there (measured on 100k postings: the text search's join over 35k rows, 199 to 140 ms;
 * the rebuild itself took 8 s). Rows keep their `seq` (the full-text index's rowid), so the
 * index stays valid; indexes and triggers are recreated from their own stored definitions.
 *
 * PostgreSQL moves wide values out of line by itself (TOAST): nothing to do there.
 */

/** Every column of jobs as of 0008, in the new order; the copy checks the table has these. */
const COLUMNS = [
  'seq',
  'id',
  'source_type',
  'source_id',
  'external_id',
  'status',
  'duplicate_of',
  'url',
  'canonical_url',
  'title',
  'company',
  'location',
  'remote',
  'employment_type',
  'seniority',
  'salary',
  'skills',
  'skills_text',
  'posted_at',
  'fetched_at',
  'expires_at',
  'freelance',
  'content_hash',
  'input_hash',
  'dedupe_key',
  'created_at',
  'updated_at',
  'dedupe_signature',
  'description_text',
  'description_html',
  'raw',
] as const;

const CREATE_JOBS_NEW = `create table jobs_new (
  seq integer primary key,
  id text not null unique,
  source_type text not null,
  source_id text not null,
  external_id text not null,
  status text not null default 'open',
  duplicate_of text references jobs (id) on delete set null,
  url text not null,
  canonical_url text,
  title text not null,
  company text not null,
  location text,
  remote text not null,
  employment_type text not null,
  seniority text not null,
  salary text,
  skills text not null,
  skills_text text not null,
  posted_at text,
  fetched_at text not null,
  expires_at text,
  freelance text,
  content_hash text not null,
  input_hash text,
  dedupe_key text,
  created_at text not null,
  updated_at text not null,
  dedupe_signature text,
  description_text text not null,
  description_html text not null,
  raw text,
  unique (source_type, external_id)
)`;

/**
 * SQLite's table rebuild: foreign keys off (outside the transaction, where the pragma works),
 * so dropping the old table neither cascades to matches, drafts and applications nor fails;
 * then copy, swap, recreate indexes and triggers, and check every reference still resolves
 * before committing.
 */
export async function rebuildJobsTable(db: Kysely<Database>): Promise<void> {
  await sql`pragma foreign_keys = off`.execute(db);
  try {
    await db.transaction().execute(async (tx) => {
      const present = (
        await sql<{ name: string }>`select name from pragma_table_info('jobs')`.execute(tx)
      ).rows.map((row) => row.name);
      const expected = new Set<string>(COLUMNS);
      const unexpected = present.filter((name) => !expected.has(name));
      const missing = COLUMNS.filter((name) => !present.includes(name));
      if (unexpected.length > 0 || missing.length > 0)
        throw new Error(
          `the jobs table is not as migration 0008 left it (unexpected: ${unexpected.join(', ') || 'none'}; missing: ${missing.join(', ') || 'none'})`,
        );
      // Named indexes and triggers of jobs, as they were created (the unique constraints'
      // automatic indexes have no SQL and come back with the new table's constraints).
      const dependents = (
        await sql<{ sql: string }>`select sql from sqlite_master
          where tbl_name = 'jobs' and type in ('index', 'trigger') and sql is not null
          order by type, name`.execute(tx)
      ).rows.map((row) => row.sql);
      const views = await sql`select name from sqlite_master where type = 'view'`.execute(tx);
      if (views.rows.length > 0) throw new Error('a view would need rebuilding too');

      const columns = COLUMNS.join(', ');
      await sql.raw(CREATE_JOBS_NEW).execute(tx);
      await sql.raw(`insert into jobs_new (${columns}) select ${columns} from jobs`).execute(tx);
      await sql.raw('drop table jobs').execute(tx);
      await sql.raw('alter table jobs_new rename to jobs').execute(tx);
      for (const statement of dependents) await sql.raw(statement).execute(tx);
      const broken = await sql`pragma foreign_key_check`.execute(tx);
      if (broken.rows.length > 0)
        throw new Error(`${broken.rows.length} references no longer resolve after the rebuild`);
    });
  } finally {
    await sql`pragma foreign_keys = on`.execute(db);
  }
}
