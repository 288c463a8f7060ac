import type { Dialect } from '../repositories.js';

/**
 * What ApplyDesk remembers about its sources between runs:
 * - `jobs.input_hash`: what the source sent last time, hashed, so a re-run skips unchanged postings cheaply.
 * - `source_runs`: one row per run of a source (counts, outcome, error, when it may be tried
 *   again). Health is read from the newest runs, so it cannot drift from what happened.
 * - `http_cache`: validators and bodies of conditional GETs, per source, so a restarted
 *   process still asks "has it changed?" instead of downloading a whole board again.
 * - `secrets`: values ApplyDesk must keep (OAuth tokens), encrypted by the engine before they
 *   reach the database; the store only ever sees ciphertext.
 */
export function sourceStateSchema(dialect: Dialect): string[] {
  const time = dialect === 'postgres' ? 'timestamptz' : 'text';
  const json = dialect === 'postgres' ? 'jsonb' : 'text';
  const id = dialect === 'postgres' ? 'text collate "C"' : 'text';
  return [
    // A hash of the posting as the source sent it: an identical resend skips normalizing.
    `alter table jobs add column input_hash text`,
    `create table source_runs (
      id ${id} primary key,
      source_id text not null,
      name text not null,
      trigger text not null,
      started_at ${time} not null,
      finished_at ${time} not null,
      status text not null,
      fetched integer not null,
      created integer not null,
      updated integer not null,
      unchanged integer not null,
      duplicates integer not null,
      closed integer not null,
      invalid integer not null,
      invalid_samples ${json} not null,
      error text,
      error_kind text,
      retry_at ${time},
      took_ms integer not null
    )`,
    `create index source_runs_source_idx on source_runs (source_id, started_at, id)`,
    `create table http_cache (
      source_id text not null,
      url text not null,
      etag text,
      last_modified text,
      body text not null,
      stored_at ${time} not null,
      primary key (source_id, url)
    )`,
    `create table secrets (
      name text primary key,
      ciphertext text not null,
      updated_at ${time} not null
    )`,
  ];
}
