import type { ColumnType, Kysely, Transaction } from 'kysely';

/**
 * Table shapes as Kysely sees them. Values read back differ by dialect (SQLite: ISO text and
 * JSON text; PostgreSQL: Date and parsed JSON), so select types are wide and every read goes
 * through the dialect's Codec; writes are always ISO strings and JSON text.
 *
 * Dialect-only columns (SQLite `jobs.seq`, PostgreSQL `jobs.search` and `jobs.canonical`) are
 * left out on purpose: only listing and search code touches them, through raw `sql`.
 */
type Time = ColumnType<Date | string, string, string>;
type NullableTime = ColumnType<Date | string | null, string | null, string | null>;
type Json = ColumnType<unknown, string, string>;
type NullableJson = ColumnType<unknown, string | null, string | null>;

export interface JobsTable {
  id: string;
  source_type: string;
  source_id: string;
  external_id: string;
  url: string;
  canonical_url: string | null;
  title: string;
  company: string;
  location: string | null;
  remote: string;
  employment_type: string;
  seniority: string;
  salary: NullableJson;
  description_html: string;
  description_text: string;
  skills: Json;
  /** Skills joined by spaces: the full-text index reads it. */
  skills_text: string;
  posted_at: NullableTime;
  fetched_at: Time;
  expires_at: NullableTime;
  freelance: NullableJson;
  raw: NullableJson;
  status: string;
  content_hash: string;
  created_at: Time;
  updated_at: Time;
  /** The canonical job this one duplicates (cross-source dedupe), or null for a canonical job. */
  duplicate_of: string | null;
  /** Dedupe blocking key: the normalized company. */
  dedupe_key: string | null;
  /** MinHash signature of the description, as encodeSignature writes it. */
  dedupe_signature: string | null;
  /** Hash of the posting as the source sent it (fetch time left out). */
  input_hash: string | null;
}

export interface ProfilesTable {
  id: string;
  name: string;
  /** Every section of ProfileInput but `name`, as one JSON document. */
  data: Json;
  created_at: Time;
  updated_at: Time;
}

export interface MatchesTable {
  job_id: string;
  profile_id: string;
  score: number;
  components: Json;
  reasons: Json;
  computed_at: Time;
  /** The job content hash the score was computed from. */
  content_hash: string | null;
  /** Key of the profile and ranking settings the score was computed with. */
  scoring_key: string | null;
  skills: NullableJson;
  rejected_rule: string | null;
  rejected_reason: string | null;
  /** SQLite integer 0/1, PostgreSQL boolean. */
  overridden: ColumnType<number | boolean, number | boolean | undefined, number | boolean>;
}

export interface JobFeaturesTable {
  job_id: string;
  content_hash: string;
  version: number;
  data: Json;
  company_key: string;
  posted_at: NullableTime;
  rules_key: string;
  rejected_rule: string | null;
  rejected_reason: string | null;
}

export interface RankingCorpusTable {
  profile_id: string;
  base_key: string;
  scoring_key: string;
  docs: number;
  rescored: ColumnType<number, number | undefined, number>;
  counts: Json;
  computed_at: Time;
}

export interface DraftsTable {
  id: string;
  job_id: string;
  profile_id: string;
  kind: string;
  text: string;
  writer: string;
  model: string | null;
  cost_usd: number;
  prompt: string | null;
  grounding: NullableJson;
  cited_requirements: Json;
  candidate_group: string | null;
  quality: NullableJson;
  notes: Json;
  status: string;
  created_at: Time;
  updated_at: Time;
}

export interface ApplicationsTable {
  id: string;
  job_id: string;
  profile_id: string;
  stage: string;
  stage_changed_at: Time;
  notes: string;
  created_at: Time;
  updated_at: Time;
}

export interface EventsTable {
  id: string;
  at: Time;
  actor: string;
  entity_type: string;
  entity_id: string;
  action: string;
  data: Json;
}

export interface SourceRunsTable {
  id: string;
  source_id: string;
  name: string;
  trigger: string;
  started_at: Time;
  finished_at: Time;
  status: string;
  fetched: number;
  created: number;
  updated: number;
  unchanged: number;
  duplicates: number;
  closed: number;
  invalid: number;
  invalid_samples: Json;
  error: string | null;
  error_kind: string | null;
  retry_at: NullableTime;
  took_ms: number;
}

export interface HttpCacheTable {
  source_id: string;
  url: string;
  etag: string | null;
  last_modified: string | null;
  body: string;
  stored_at: Time;
}

export interface SecretsTable {
  name: string;
  /** Ciphertext only: the engine encrypts before it stores. */
  ciphertext: string;
  updated_at: Time;
}

export interface LlmCallsTable {
  /** SQLite rowid / PostgreSQL identity: assigned by the database. */
  id: ColumnType<number | string, never, never>;
  at: Time;
  task: string;
  provider: string;
  model: string;
  input_tokens: number;
  output_tokens: number;
  cost_usd: number;
  /** False when the model is not in the price table (cost counted as 0). SQLite 0/1. */
  price_known: ColumnType<number | boolean, number | boolean, number | boolean>;
  latency_ms: number;
  outcome: string;
  error_kind: string | null;
  error_message: string | null;
  job_id: string | null;
  draft_id: string | null;
}

export interface LlmCacheTable {
  key: string;
  provider: string;
  model: string;
  text: string;
  usage: Json;
  created_at: Time;
}

export interface ApiTokensTable {
  id: string;
  name: string;
  scope: string;
  /** SHA-256 of the secret, hex; the secret itself is never stored. */
  token_hash: string;
  /** The first characters of the secret, enough to recognize it in a list. */
  prefix: string;
  parent_id: string | null;
  created_at: Time;
  last_used_at: NullableTime;
  revoked_at: NullableTime;
}

export interface PairingCodesTable {
  code_hash: string;
  token_id: string;
  created_at: Time;
  expires_at: Time;
  used_at: NullableTime;
}

export interface MigrationsTable {
  name: string;
  timestamp: string;
}

export interface Database {
  jobs: JobsTable;
  profiles: ProfilesTable;
  matches: MatchesTable;
  job_features: JobFeaturesTable;
  ranking_corpus: RankingCorpusTable;
  drafts: DraftsTable;
  applications: ApplicationsTable;
  events: EventsTable;
  source_runs: SourceRunsTable;
  http_cache: HttpCacheTable;
  secrets: SecretsTable;
  llm_calls: LlmCallsTable;
  llm_cache: LlmCacheTable;
  api_tokens: ApiTokensTable;
  pairing_codes: PairingCodesTable;
  kysely_migration: MigrationsTable;
}

/** The root instance or a transaction: repositories run on either. */
export type Db = Kysely<Database> | Transaction<Database>;
