import type { Dialect } from '../repositories.js';

/**
 * The first schema. Statements are listed one by one because better-sqlite3 prepares a single
 * statement at a time (trigger bodies keep their inner semicolons).
 *
 * Column types differ by dialect: timestamps are ISO text in SQLite and timestamptz in
 * PostgreSQL; JSON is text in SQLite and jsonb in PostgreSQL. Ids use the "C" collation in
 * PostgreSQL so they sort byte-wise, as SQLite sorts them.
 */
export function initialSchema(dialect: Dialect): string[] {
  return dialect === 'sqlite' ? sqlite() : postgres();
}

const JOB_SEARCH_COLUMNS = 'title, company, description_text, skills_text';

function sqlite(): string[] {
  const cols = JOB_SEARCH_COLUMNS;
  const oldCols = 'old.title, old.company, old.description_text, old.skills_text';
  const newCols = 'new.title, new.company, new.description_text, new.skills_text';
  return [
    // `seq` is an explicit rowid: the FTS index points at it, and VACUUM may renumber implicit rowids.
    `create table jobs (
      seq integer primary key,
      id text not null unique,
      source_type text not null,
      source_id text not null,
      external_id text not null,
      url text not null,
      canonical_url text,
      title text not null,
      company text not null,
      location text,
      remote text not null,
      employment_type text not null,
      seniority text not null,
      salary text,
      description_html text not null,
      description_text text not null,
      skills text not null,
      skills_text text not null,
      posted_at text,
      fetched_at text not null,
      expires_at text,
      freelance text,
      raw text,
      status text not null default 'open',
      content_hash text not null,
      created_at text not null,
      updated_at text not null,
      unique (source_type, external_id)
    )`,
    `create index jobs_canonical_url_idx on jobs (canonical_url)`,
    // Listing order is (date, id) with nulls last; read backwards these give the default
    // newest-first order without a sort step.
    `create index jobs_status_posted_idx on jobs (status, posted_at, id)`,
    `create index jobs_status_fetched_idx on jobs (status, fetched_at, id)`,
    `create index jobs_source_status_idx on jobs (source_id, status)`,
    `create virtual table jobs_fts using fts5(${cols}, content='jobs', content_rowid='seq', tokenize='porter unicode61 remove_diacritics 2')`,
    `create trigger jobs_fts_after_insert after insert on jobs begin
      insert into jobs_fts (rowid, ${cols}) values (new.seq, ${newCols});
    end`,
    `create trigger jobs_fts_after_delete after delete on jobs begin
      insert into jobs_fts (jobs_fts, rowid, ${cols}) values ('delete', old.seq, ${oldCols});
    end`,
    // Only searched columns re-index, so refreshing fetched_at or status costs no FTS work.
    `create trigger jobs_fts_after_update after update of ${cols} on jobs begin
      insert into jobs_fts (jobs_fts, rowid, ${cols}) values ('delete', old.seq, ${oldCols});
      insert into jobs_fts (rowid, ${cols}) values (new.seq, ${newCols});
    end`,
    `create table profiles (
      id text primary key,
      name text not null unique,
      data text not null,
      created_at text not null,
      updated_at text not null
    )`,
    `create table matches (
      job_id text not null references jobs (id) on delete cascade,
      profile_id text not null references profiles (id) on delete cascade,
      score integer not null,
      components text not null,
      reasons text not null,
      computed_at text not null,
      primary key (job_id, profile_id)
    )`,
    `create index matches_profile_score_idx on matches (profile_id, score)`,
    `create table drafts (
      id text primary key,
      job_id text not null references jobs (id) on delete cascade,
      profile_id text not null references profiles (id) on delete cascade,
      kind text not null,
      text text not null,
      writer text not null,
      model text,
      cost_usd real not null default 0,
      prompt text,
      grounding text,
      cited_requirements text not null,
      status text not null,
      created_at text not null,
      updated_at text not null
    )`,
    `create index drafts_job_idx on drafts (job_id)`,
    `create index drafts_status_idx on drafts (status, id)`,
    `create table applications (
      id text primary key,
      job_id text not null references jobs (id) on delete cascade,
      profile_id text not null references profiles (id) on delete cascade,
      stage text not null,
      stage_changed_at text not null,
      notes text not null default '',
      created_at text not null,
      updated_at text not null,
      unique (job_id, profile_id)
    )`,
    `create index applications_profile_stage_idx on applications (profile_id, stage)`,
    `create index applications_stage_idx on applications (stage)`,
    `create table events (
      id text primary key,
      at text not null,
      actor text not null,
      entity_type text not null,
      entity_id text not null,
      action text not null,
      data text not null
    )`,
    `create index events_entity_idx on events (entity_type, entity_id, id)`,
    // The audit log is append-only, enforced below the application.
    `create trigger events_no_update before update on events begin
      select raise(abort, 'events are append-only');
    end`,
    `create trigger events_no_delete before delete on events begin
      select raise(abort, 'events are append-only');
    end`,
  ];
}

function postgres(): string[] {
  const id = 'text collate "C"';
  return [
    `create table jobs (
      id ${id} primary key,
      source_type text not null,
      source_id text not null,
      external_id text not null,
      url text not null,
      canonical_url text,
      title text not null,
      company text not null,
      location text,
      remote text not null,
      employment_type text not null,
      seniority text not null,
      salary jsonb,
      description_html text not null,
      description_text text not null,
      skills jsonb not null,
      skills_text text not null,
      posted_at timestamptz,
      fetched_at timestamptz not null,
      expires_at timestamptz,
      freelance jsonb,
      raw jsonb,
      status text not null default 'open',
      content_hash text not null,
      created_at timestamptz not null,
      updated_at timestamptz not null,
      search tsvector generated always as (
        setweight(to_tsvector('english', title), 'A') ||
        setweight(to_tsvector('english', company), 'B') ||
        setweight(to_tsvector('english', skills_text), 'B') ||
        setweight(to_tsvector('english', description_text), 'C')
      ) stored,
      unique (source_type, external_id)
    )`,
    `create index jobs_canonical_url_idx on jobs (canonical_url)`,
    // In the default listing order (newest first, nulls last, ties by id), so a page needs no sort step.
    `create index jobs_status_posted_idx on jobs (status, posted_at desc nulls last, id desc)`,
    `create index jobs_status_fetched_idx on jobs (status, fetched_at desc nulls last, id desc)`,
    `create index jobs_source_status_idx on jobs (source_id, status)`,
    `create index jobs_search_idx on jobs using gin (search)`,
    `create table profiles (
      id ${id} primary key,
      name text not null unique,
      data jsonb not null,
      created_at timestamptz not null,
      updated_at timestamptz not null
    )`,
    `create table matches (
      job_id ${id} not null references jobs (id) on delete cascade,
      profile_id ${id} not null references profiles (id) on delete cascade,
      score integer not null,
      components jsonb not null,
      reasons jsonb not null,
      computed_at timestamptz not null,
      primary key (job_id, profile_id)
    )`,
    `create index matches_profile_score_idx on matches (profile_id, score)`,
    `create table drafts (
      id ${id} primary key,
      job_id ${id} not null references jobs (id) on delete cascade,
      profile_id ${id} not null references profiles (id) on delete cascade,
      kind text not null,
      text text not null,
      writer text not null,
      model text,
      cost_usd double precision not null default 0,
      prompt text,
      grounding jsonb,
      cited_requirements jsonb not null,
      status text not null,
      created_at timestamptz not null,
      updated_at timestamptz not null
    )`,
    `create index drafts_job_idx on drafts (job_id)`,
    `create index drafts_status_idx on drafts (status, id)`,
    `create table applications (
      id ${id} primary key,
      job_id ${id} not null references jobs (id) on delete cascade,
      profile_id ${id} not null references profiles (id) on delete cascade,
      stage text not null,
      stage_changed_at timestamptz not null,
      notes text not null default '',
      created_at timestamptz not null,
      updated_at timestamptz not null,
      unique (job_id, profile_id)
    )`,
    `create index applications_profile_stage_idx on applications (profile_id, stage)`,
    `create index applications_stage_idx on applications (stage)`,
    `create table events (
      id ${id} primary key,
      at timestamptz not null,
      actor text not null,
      entity_type text not null,
      entity_id ${id} not null,
      action text not null,
      data jsonb not null
    )`,
    `create index events_entity_idx on events (entity_type, entity_id, id)`,
    // The audit log is append-only, enforced below the application.
    `create function events_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'events are append-only' using errcode = 'restrict_violation';
    end
    $$`,
    `create trigger events_no_update_delete before update or delete on events
      for each row execute function events_append_only()`,
    `create trigger events_no_truncate before truncate on events
      for each statement execute function events_append_only()`,
  ];
}
