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
}

/** A job in a listing: without the raw payload, with the profile's score and stage. */
export type JobListItem = Omit<Job, 'raw'> & {
  score: number | null;
  stage: Stage | null;
  applicationId: string | null;
};

export interface JobPage {
  items: JobListItem[];
  totalCount: number;
  nextCursor: string | null;
}

export type UpsertOutcome = 'created' | 'updated' | 'unchanged';

export interface JobRepository {
  /** Inserts or updates by (sourceType, externalId); unchanged content writes nothing. */
  upsert(
    input: JobInput & { contentHash: string },
    actor: Actor,
  ): Promise<{ job: Job; outcome: UpsertOutcome }>;
  /** The same for many, in one transaction. */
  upsertMany(
    inputs: (JobInput & { contentHash: string })[],
    actor: Actor,
  ): Promise<Record<UpsertOutcome, number>>;
  get(id: string): Promise<Job | null>;
  getByExternalId(sourceType: string, externalId: string): Promise<Job | null>;
  findByCanonicalUrl(canonicalUrl: string): Promise<Job[]>;
  list(query: JobQuery): Promise<JobPage>;
  /** Marks open jobs of a source instance closed unless their external id is kept. */
  closeMissing(sourceId: string, keepExternalIds: string[], actor: Actor): Promise<number>;
  count(): Promise<number>;
}

export interface ProfileRepository {
  create(input: ProfileInput, actor: Actor): Promise<Profile>;
  update(id: string, input: ProfileInput, actor: Actor): Promise<Profile>;
  get(id: string): Promise<Profile | null>;
  /** The profile named `default`, else the oldest one, else null. */
  getDefault(): Promise<Profile | null>;
  list(): Promise<Profile[]>;
}

export interface MatchRepository {
  upsertMany(matches: Match[]): Promise<void>;
  get(jobId: string, profileId: string): Promise<Match | null>;
  /** Highest score first. */
  listForProfile(
    profileId: string,
    options?: { minScore?: number; limit?: number },
  ): Promise<Match[]>;
  deleteForProfile(profileId: string): Promise<number>;
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

export type Dialect = 'sqlite' | 'postgres';

export interface Store {
  readonly dialect: Dialect;
  /** Where the data lives, safe to show (no password). */
  readonly location: string;
  readonly jobs: JobRepository;
  readonly profiles: ProfileRepository;
  readonly matches: MatchRepository;
  readonly drafts: DraftRepository;
  readonly applications: ApplicationRepository;
  readonly events: EventRepository;
  /** Runs `work` in one transaction; the store it is handed writes inside it. */
  transaction<T>(work: (store: Store) => Promise<T>): Promise<T>;
  /** The newest migration applied, and whether the database answers. */
  health(): Promise<{ ok: boolean; dialect: Dialect; schemaVersion: string }>;
  close(): Promise<void>;
}
