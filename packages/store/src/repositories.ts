import type {
  Application,
  Draft,
  DraftInput,
  DraftStatus,
  EntityType,
  Event,
  EventInputDraft,
  GroundingReport,
  Job,
  JobInput,
  JobStatus,
  Match,
  Profile,
  ProfileInput,
  Rejection,
  RemoteMode,
  Stage,
} from '@applydesk/domain';

/** Who made a change, recorded on the event the change appends. */
export type Actor = string;

export type JobSort = 'score' | 'posted' | 'fetched' | 'relevance';

export interface JobQuery {
  /** Full-text query over title, company, description and skills. */
  text?: string;
  /** Whose scores and stages to join; without it, score and stage are null. */
  profileId?: string;
  minScore?: number;
  maxScore?: number;
  sourceTypes?: string[];
  stages?: Stage[];
  remote?: RemoteMode[];
  status?: JobStatus | 'all';
  sort?: JobSort;
  order?: 'asc' | 'desc';
  limit?: number;
  /** Opaque keyset cursor from a previous page's `nextCursor`; wins over `page`. */
  cursor?: string;
  /** 1-based page number, for page-style navigation. */
  page?: number;
  /**
   * With a profile: true lists only postings a filter holds back (not overridden), false only
   * the others; unset lists both.
   */
  rejected?: boolean;
  /**
   * Also list jobs marked as duplicates of another (markDuplicate). Off by default: a role
   * seen on several sources is listed once, as its canonical job.
   */
  includeDuplicates?: boolean;
}

/** A job in a listing: without the raw payload, with the profile's score and stage. */
export type JobListItem = Omit<Job, 'raw'> & {
  score: number | null;
  stage: Stage | null;
  applicationId: string | null;
  /** The filter rule holding the posting back for the profile, unless overridden. */
  rejection: Rejection | null;
};

export interface JobPage {
  items: JobListItem[];
  totalCount: number;
  nextCursor: string | null;
}

export type UpsertOutcome = 'created' | 'updated' | 'unchanged';

/**
 * A posting to store: prepared input plus, optionally, its dedupe blocking key (normalized
 * company) and MinHash signature (encodeSignature). Given, they are stored with the posting;
 * left out when the content changed, the stored ones are cleared, since they described the old
 * content. An unchanged posting that arrives with them fills in ones that are missing.
 */
export type JobUpsertInput = JobInput & {
  contentHash: string;
  dedupeKey?: string | null;
  dedupeSignature?: string | null;
  /** Hash of the posting as the source sent it; ingest compares it to skip identical resends. */
  inputHash?: string | null;
};

export interface StoredVersion {
  id: string;
  contentHash: string;
  status: JobStatus;
  /** A dedupe signature is stored with it. */
  signed: boolean;
  inputHash: string | null;
}

/** What ingest needs of a stored canonical job to put it in its near-duplicate index. */
export interface DedupeCandidate {
  id: string;
  /** Normalized company (the blocking key). */
  key: string;
  /** The job's title as stored (normalize it before comparing). */
  title: string;
  /** encodeSignature text. */
  signature: string;
  canonicalUrl: string | null;
}

/** What a stored job's dedupe fingerprint is made of: Fingerprinter.fingerprint's input. */
export interface FingerprintSource {
  id: string;
  company: string;
  title: string;
  descriptionText: string;
  /** The canonical URL, else the URL as the source gave it. */
  url: string;
}

/** One place a role was seen: the canonical job or a job marked duplicate of it. */
export interface ProvenanceEntry {
  jobId: string;
  /** True for the canonical job, which list() shows. */
  canonical: boolean;
  sourceType: string;
  sourceId: string;
  externalId: string;
  url: string;
  postedAt: string | null;
  fetchedAt: string;
  status: JobStatus;
}

export interface MergeOutcome {
  /** The canonical job the merged job now points at (the root, if the one named was a duplicate). */
  canonicalJobId: string;
  /** False when the job already pointed there: nothing was written, no event appended. */
  changed: boolean;
}

export interface JobRepository {
  /** Inserts or updates by (sourceType, externalId); unchanged content writes nothing. */
  upsert(input: JobUpsertInput, actor: Actor): Promise<{ job: Job; outcome: UpsertOutcome }>;
  /** The same for many, in one transaction. */
  upsertMany(inputs: JobUpsertInput[], actor: Actor): Promise<Record<UpsertOutcome, number>>;
  /** upsertMany that also says, for each input in order, the job's id and what happened to it. */
  upsertBatch(
    inputs: JobUpsertInput[],
    actor: Actor,
  ): Promise<{
    counts: Record<UpsertOutcome, number>;
    results: { id: string; outcome: UpsertOutcome }[];
  }>;
  /**
   * What is stored of these postings, keyed `sourceType\u0000externalId`: enough for ingest to
   * skip work (fingerprinting, dedupe) on postings whose content has not changed.
   */
  storedVersions(
    keys: readonly { sourceType: string; externalId: string }[],
  ): Promise<Map<string, StoredVersion>>;
  /** Records that these jobs were seen again, unchanged, at `fetchedAt`. */
  touch(ids: readonly string[], fetchedAt: string): Promise<void>;
  get(id: string): Promise<Job | null>;
  /** The jobs with these ids that exist, in no particular order. */
  getMany(ids: readonly string[]): Promise<Job[]>;
  getByExternalId(sourceType: string, externalId: string): Promise<Job | null>;
  findByCanonicalUrl(canonicalUrl: string): Promise<Job[]>;
  list(query: JobQuery): Promise<JobPage>;
  /**
   * Marks open jobs of a source instance closed unless their external id is kept. A closed
   * canonical job with open duplicates hands over: the newest open duplicate becomes canonical
   * (so the role stays listed once), with a job.merged event.
   */
  closeMissing(sourceId: string, keepExternalIds: string[], actor: Actor): Promise<number>;
  /** Every stored job, duplicates included. */
  count(): Promise<number>;

  /**
   * Marks `jobId` as a duplicate of `canonicalJobId`, appending a job.merged event in the same
   * transaction. Nothing is deleted: the job keeps its row and shows in provenance(). Groups
   * stay one level deep: a canonical job that is itself a duplicate is followed to its root,
   * and jobs that pointed at `jobId` move with it; naming a duplicate of `jobId` as canonical
   * makes it the root instead. Idempotent: marking again changes nothing and logs nothing.
   * NOT_FOUND for an unknown id, INVALID_INPUT for a job marked duplicate of itself.
   */
  markDuplicate(jobId: string, canonicalJobId: string, actor: Actor): Promise<MergeOutcome>;
  /**
   * markDuplicate for each pair, in order and in one transaction, with the same outcomes and
   * events; the pairs ingest makes (a new job merged into a canonical one) take a few
   * statements for all of them instead of several each.
   */
  markDuplicates(
    merges: readonly { jobId: string; canonicalJobId: string }[],
    actor: Actor,
  ): Promise<MergeOutcome[]>;
  /** Undoes markDuplicate for one job (job.unmerged event); false if it was not a duplicate. */
  unmarkDuplicate(jobId: string, actor: Actor): Promise<boolean>;
  /**
   * Stores dedupe keys and signatures of existing jobs (those stored without them). Unknown
   * ids are skipped; returns how many jobs were updated.
   */
  setDedupeSignatures(
    entries: { jobId: string; key: string; signature: string }[],
  ): Promise<number>;
  /**
   * Open canonical jobs with a signature under these blocking keys (normalized companies), by
   * id: what ingest reads, company by company, into its near-duplicate index.
   */
  listDedupeCandidates(keys: readonly string[]): Promise<DedupeCandidate[]>;
  /**
   * The fields the fingerprints of these jobs are made of, for those that exist, in no
   * particular order: what ingest reads to sign anew a job whose stored signature it cannot
   * decode (one of an older kind).
   */
  fingerprintSources(ids: readonly string[]): Promise<FingerprintSource[]>;
  /**
   * Where a role was seen: its canonical job first, then every job marked duplicate of it,
   * oldest posting first. Accepts the id of any job of the group; [] for an unknown id.
   */
  provenance(jobId: string): Promise<ProvenanceEntry[]>;
}

export interface ProfileRepository {
  create(input: ProfileInput, actor: Actor): Promise<Profile>;
  update(id: string, input: ProfileInput, actor: Actor): Promise<Profile>;
  get(id: string): Promise<Profile | null>;
  /** The profile named `default`, else the oldest one, else null. */
  getDefault(): Promise<Profile | null>;
  /** The id of the profile getDefault returns, without reading the profile. */
  defaultId(): Promise<string | null>;
  list(): Promise<Profile[]>;
}

/** What a score was computed from, to tell a stale score from a current one. */
export interface MatchBasis {
  contentHash: string | null;
  scoringKey: string | null;
  /** The user let the posting through its filters (kept across rescoring). */
  overridden: boolean;
  /** The filter rule holding it back when last written (rules of time and history move). */
  rejectedRule: string | null;
}

export type MatchWrite = Match & Partial<Pick<MatchBasis, 'contentHash' | 'scoringKey'>>;

export interface MatchRepository {
  /**
   * Inserts or overwrites by (jobId, profileId). The user's override is kept on overwrite:
   * only setOverride changes it.
   */
  upsertMany(matches: MatchWrite[]): Promise<void>;
  get(jobId: string, profileId: string): Promise<Match | null>;
  /**
   * How many listed postings (open, not a duplicate) the profile scores in each band of ten:
   * index 0 counts 0-9, ..., index 9 counts 90-100. What the listing's score filters count.
   */
  scoreHistogram(profileId: string): Promise<number[]>;
  /** Highest score first. `rejected` as in JobQuery: held back (and not overridden) or not. */
  listForProfile(
    profileId: string,
    options?: { minScore?: number; limit?: number; rejected?: boolean },
  ): Promise<Match[]>;
  /** jobId -> what its score was computed from, for every match of the profile. */
  bases(profileId: string): Promise<Map<string, MatchBasis>>;
  /**
   * Replaces only the filter verdict of stored matches (the score, parts and reasons stay),
   * in multi-row statements; jobs without a match of the profile are left alone.
   */
  setRejections(
    profileId: string,
    updates: { jobId: string; rejection: Rejection | null }[],
  ): Promise<void>;
  /** The corpus counts the profile's stored scores were computed against, or null. */
  corpus(profileId: string): Promise<RankingCorpus | null>;
  /** Inserts or replaces the profile's corpus counts. */
  saveCorpus(corpus: RankingCorpus): Promise<void>;
  /** Lets a held-back posting through (or holds it back again); null when it has no match. */
  setOverride(jobId: string, profileId: string, overridden: boolean): Promise<Match | null>;
  /** How many postings each filter rule holds back for the profile (overrides left out). */
  rejectionCounts(profileId: string): Promise<Record<string, number>>;
  deleteForProfile(profileId: string): Promise<number>;
}

/** BM25 corpus counts a profile's stored scores were computed against (ranking_corpus). */
export interface RankingCorpus {
  profileId: string;
  /** The profile, settings, scorer version and day the counts were taken for. */
  baseKey: string;
  /** The scoring key of matches scored against these counts. */
  scoringKey: string;
  /** Postings counted. */
  docs: number;
  /** Postings scored against the counts since they were taken (new or changed ones). */
  rescored: number;
  counts: unknown;
  computedAt: string;
}

/**
 * One open posting as ranking reads it without its features: enough to judge its timing
 * rules and to keep its stored score when that is still current.
 */
export interface RankBasis {
  jobId: string;
  /** Content hash of the posting (its features are current for it). */
  contentHash: string;
  companyKey: string;
  postedAt: string | null;
  /** The content filters' verdict, stored with the features. */
  rejection: Rejection | null;
  /** The profile's stored match, or null when it has none. */
  match: (MatchBasis & { score: number }) | null;
}

/** What ranking keeps of one posting: its features and the content filters' verdict. */
export interface JobFeaturesEntry {
  jobId: string;
  contentHash: string;
  /** RANKING_FEATURES_VERSION the data was extracted with. */
  version: number;
  data: unknown;
  /** Normalized company, for once-per-company rules. */
  companyKey: string;
  postedAt: string | null;
  /** Key of the content filter rules the verdict was reached with. */
  rulesKey: string;
  rejection: Rejection | null;
}

export interface JobFeaturesRepository {
  /**
   * Open canonical jobs whose features are missing or stale (content, version or rules
   * changed), in id order after `afterId`, without their raw payload.
   */
  pending(options: {
    version: number;
    rulesKey: string;
    afterId?: string;
    limit: number;
  }): Promise<Omit<Job, 'raw'>[]>;
  countPending(options: { version: number; rulesKey: string }): Promise<number>;
  upsertMany(entries: JobFeaturesEntry[]): Promise<void>;
  /** Features of every open canonical job, in pages by job id (keyset: one page in memory). */
  stream(options?: { pageSize?: number }): AsyncIterable<JobFeaturesEntry[]>;
  /**
   * Every open canonical job with current features, with the profile's stored match basis,
   * in pages by job id; features themselves are not read (cheap for 100k postings).
   */
  rankBases(profileId: string, options?: { pageSize?: number }): AsyncIterable<RankBasis[]>;
  /** Current features of these jobs (open or not); ids without them are left out. */
  getMany(jobIds: readonly string[]): Promise<JobFeaturesEntry[]>;
}

export interface DraftRepository {
  create(input: DraftInput, actor: Actor): Promise<Draft>;
  get(id: string): Promise<Draft | null>;
  listForJob(jobId: string): Promise<Draft[]>;
  listByStatus(
    status: DraftStatus,
    options?: { limit?: number; offset?: number },
  ): Promise<{ items: Draft[]; totalCount: number }>;
  updateText(
    id: string,
    text: string,
    grounding: GroundingReport | null,
    actor: Actor,
  ): Promise<Draft>;
  /** Replaces the grounding report alone (the user confirmed claims). */
  setGrounding(id: string, grounding: GroundingReport, actor: Actor): Promise<Draft>;
  setStatus(id: string, status: DraftStatus, actor: Actor): Promise<Draft>;
}

export interface ApplicationRepository {
  /** Creates the application of a job for a profile at `discovered` (or the stage given). */
  create(jobId: string, profileId: string, actor: Actor, stage?: Stage): Promise<Application>;
  get(id: string): Promise<Application | null>;
  getByJob(jobId: string, profileId: string): Promise<Application | null>;
  /** Moves along the stage machine; refuses illegal moves with ILLEGAL_TRANSITION. */
  moveTo(id: string, stage: Stage, actor: Actor, note?: string): Promise<Application>;
  list(options?: { stage?: Stage; profileId?: string; limit?: number }): Promise<Application[]>;
  countByStage(profileId?: string): Promise<Partial<Record<Stage, number>>>;
}

export interface EventRepository {
  append(input: EventInputDraft): Promise<Event>;
  list(options?: {
    entityType?: EntityType;
    entityId?: string;
    limit?: number;
    afterId?: string;
  }): Promise<Event[]>;
}

/** How a source run ended: `partial` kept what it read before a page failed. */
export type SourceRunStatus = 'ok' | 'partial' | 'failed' | 'skipped';
/** What started a run. */
export type SourceRunTrigger = 'manual' | 'schedule' | 'api';

export interface SourceRunCounts {
  fetched: number;
  created: number;
  updated: number;
  unchanged: number;
  duplicates: number;
  closed: number;
  invalid: number;
}

export interface SourceRunInput {
  sourceId: string;
  name: string;
  trigger: SourceRunTrigger;
  startedAt: string;
  finishedAt: string;
  status: SourceRunStatus;
  counts: SourceRunCounts;
  /** The first few postings that could not be stored, with why (all of them would be unbounded). */
  invalidSamples: { externalId: string | null; reason: string }[];
  error: string | null;
  /** The HTTP failure kind (rate_limited, blocked, auth…) when the run failed on one. */
  errorKind: string | null;
  /** When the source asked to be left alone until (Retry-After, a block). */
  retryAt: string | null;
  tookMs: number;
}

export type SourceRun = SourceRunInput & { id: string };

/** Runs of each source, kept as history; health is read from the newest of them. */
export interface SourceRunRepository {
  record(run: SourceRunInput): Promise<SourceRun>;
  /** Newest first. */
  list(sourceId: string, options?: { limit?: number }): Promise<SourceRun[]>;
  /** The newest `perSource` runs of each source that has any, newest first. */
  recent(perSource: number): Promise<Map<string, SourceRun[]>>;
  /** Forgets runs that started before `before`; returns how many. */
  prune(before: string): Promise<number>;
}

/** A conditional-GET entry: what a source last sent for a URL and its validators. */
export interface HttpCacheEntry {
  url: string;
  etag: string | null;
  lastModified: string | null;
  body: string;
}

export interface HttpCacheRepository {
  load(sourceId: string): Promise<HttpCacheEntry[]>;
  /** Inserts or replaces entries by (sourceId, url). */
  save(sourceId: string, entries: HttpCacheEntry[]): Promise<void>;
  /** Drops the source's entries, all or those not in `keepUrls`. */
  clear(sourceId: string, keepUrls?: string[]): Promise<number>;
}

/** Opaque ciphertexts by name; encryption happens before the store sees anything. */
export interface SecretRepository {
  get(name: string): Promise<string | null>;
  put(name: string, ciphertext: string): Promise<void>;
  delete(name: string): Promise<boolean>;
  names(): Promise<string[]>;
}

export const API_TOKEN_SCOPES = ['read', 'write'] as const;
/** read: GET and HEAD only; write: every method. */
export type ApiTokenScope = (typeof API_TOKEN_SCOPES)[number];

/** A bearer token of the HTTP API as listed: never its secret, only the prefix of it. */
export interface ApiToken {
  id: string;
  name: string;
  scope: ApiTokenScope;
  /** The first characters of the secret (`adk_…`), to tell tokens apart. */
  prefix: string;
  /** The token this one was paired from (browser extension), or null. */
  parentId: string | null;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** A token just made: `secret` is the only time the caller sees it. */
export interface IssuedApiToken {
  token: ApiToken;
  secret: string;
}

export interface ApiTokenRepository {
  /** Mints a token; CONFLICT when a live token already has the name. */
  create(input: { name: string; scope: ApiTokenScope; parentId?: string }): Promise<IssuedApiToken>;
  /** Oldest first; revoked tokens only when asked for. */
  list(options?: { includeRevoked?: boolean }): Promise<ApiToken[]>;
  /** How many tokens can be used (not revoked). */
  countLive(): Promise<number>;
  /**
   * Revokes the live token with this name, or the token with this id, and every token paired
   * from it; null when there is none.
   */
  revoke(nameOrId: string): Promise<ApiToken | null>;
  /** The live token whose secret this is, its last use recorded; null for anything else. */
  verify(secret: string): Promise<ApiToken | null>;
  /** A single-use pairing code for a live token, valid for `ttlMs`. NOT_FOUND for an unknown token. */
  createPairingCode(tokenId: string, ttlMs: number): Promise<{ code: string; expiresAt: string }>;
  /**
   * Trades an unexpired, unused code for a new token paired from the code's token (same
   * scope); null when the code is unknown, used, expired or its token was revoked.
   */
  redeemPairingCode(code: string): Promise<IssuedApiToken | null>;
}

/** Totals across the store, for the metrics endpoint. */
export interface StoreStats {
  jobsBySource: { sourceType: string; count: number }[];
  drafts: { kind: string; status: string; count: number }[];
  applicationsByStage: { stage: string; count: number }[];
  sourceRuns: { sourceId: string; status: string; count: number }[];
  llmCalls: {
    provider: string;
    model: string;
    outcome: string;
    errorKind: string | null;
    count: number;
    inputTokens: number;
    outputTokens: number;
    costUsd: number;
  }[];
}

export interface StatsRepository {
  snapshot(): Promise<StoreStats>;
}

export type Dialect = 'sqlite' | 'postgres';

export interface Store {
  readonly dialect: Dialect;
  /** Where the data lives, safe to show (no password). */
  readonly location: string;
  readonly jobs: JobRepository;
  readonly profiles: ProfileRepository;
  readonly matches: MatchRepository;
  readonly jobFeatures: JobFeaturesRepository;
  readonly drafts: DraftRepository;
  readonly applications: ApplicationRepository;
  readonly events: EventRepository;
  readonly sourceRuns: SourceRunRepository;
  readonly httpCache: HttpCacheRepository;
  readonly secrets: SecretRepository;
  readonly llmCalls: LlmCallRepository;
  readonly llmCache: LlmCacheRepository;
  readonly apiTokens: ApiTokenRepository;
  readonly stats: StatsRepository;
  /** Runs `work` in one transaction; the store it is handed writes inside it. */
  transaction<T>(work: (store: Store) => Promise<T>): Promise<T>;
  /** The newest migration applied, and whether the database answers. */
  health(): Promise<{ ok: boolean; dialect: Dialect; schemaVersion: string }>;
  close(): Promise<void>;
}

/** How one attempt at a model ended: answered, failed, passed over (breaker, budget) or cached. */
export type LlmCallOutcome = 'ok' | 'error' | 'cached' | 'skipped';

/** One attempt at a model, as the LLM gateway's ledger records it. */
export interface LlmCallInput {
  at: string;
  task: string;
  /** The provider's configured name. */
  provider: string;
  model: string;
  inputTokens: number;
  outputTokens: number;
  costUsd: number;
  /** False when the model had no price (its cost is counted as 0). */
  priceKnown: boolean;
  latencyMs: number;
  outcome: LlmCallOutcome;
  /** rate_limited, server, timeout, network, auth, bad_request, bad_response, breaker_open, budget… */
  errorKind: string | null;
  errorMessage: string | null;
  jobId: string | null;
  draftId: string | null;
}

export type LlmCall = LlmCallInput & { id: string };

export type LlmCostGroupBy = 'day' | 'model' | 'job';

/** Spend and calls of one group of the ledger. */
export interface LlmCostRow {
  /** The UTC day (YYYY-MM-DD), "provider:model", or the job id ("" for calls without a job). */
  key: string;
  calls: number;
  ok: number;
  errors: number;
  cached: number;
  skipped: number;
  inputTokens: number;
  outputTokens: number;
  costUsd: number;
  /** Answered calls whose model had no price: their cost is missing from costUsd. */
  unpriced: number;
}

/** The LLM cost ledger: append-only history that budgets and `applydesk costs` read. */
export interface LlmCallRepository {
  record(call: LlmCallInput): Promise<LlmCall>;
  /**
   * Ties the calls a draft cost (for its job, and model when given, since the drafting
   * began, not yet tied to a draft) to the draft once it is stored. Returns how many.
   */
  assignDraft(options: {
    jobId: string;
    provider?: string;
    model?: string;
    since: string;
    draftId: string;
  }): Promise<number>;
  /** USD spent in [since, until). */
  spend(range: { since: string; until?: string }): Promise<number>;
  /** Spend grouped by day (oldest first), or by model or job (costliest first). */
  report(options: {
    since: string;
    until?: string;
    groupBy: LlmCostGroupBy;
  }): Promise<LlmCostRow[]>;
  /** Newest first. */
  list(options?: { since?: string; limit?: number }): Promise<LlmCall[]>;
}

export interface LlmCacheEntry {
  /** A hash of the model, the prompt and the parameters. */
  key: string;
  provider: string;
  model: string;
  text: string;
  usage: { inputTokens: number; outputTokens: number };
}

/** Answers by request hash, so an identical request costs nothing the second time. */
export interface LlmCacheRepository {
  get(key: string): Promise<(LlmCacheEntry & { createdAt: string }) | null>;
  /** Inserts or replaces by key. */
  put(entry: LlmCacheEntry): Promise<void>;
}
