import type {
  EmploymentType,
  FreelanceDetails,
  Job,
  JobInput,
  JobStatus,
  Rejection,
  RemoteMode,
  Salary,
  Seniority,
  Stage,
} from '@applydesk/domain';
import type { Insertable, Selectable } from 'kysely';
import type { Codec } from '../codec.js';
import type { JobsTable } from '../db.js';
import type { JobListItem, JobUpsertInput } from '../repositories.js';

/** Row <-> domain mapping for `jobs`, the only place that knows both shapes. */

export type JobWrite = JobUpsertInput;
/** A row as the domain reads it: dedupe bookkeeping (duplicate_of, signature) stays out. */
export type JobRow = Pick<Selectable<JobsTable>, (typeof JOB_COLUMNS)[number]>;
export type JobRowWithoutRaw = Omit<JobRow, 'raw'>;

/** Every column but `raw`, for listings (the payload can be large and is never listed). */
export const JOB_LIST_COLUMNS = [
  'id',
  'source_type',
  'source_id',
  'external_id',
  'url',
  'canonical_url',
  'title',
  'company',
  'location',
  'remote',
  'employment_type',
  'seniority',
  'salary',
  'description_html',
  'description_text',
  'skills',
  'skills_text',
  'posted_at',
  'fetched_at',
  'expires_at',
  'freelance',
  'status',
  'content_hash',
  'created_at',
  'updated_at',
] as const satisfies readonly (keyof JobsTable)[];

/** Every stored column; dialect-only ones (SQLite seq, PostgreSQL search) stay out of rows. */
export const JOB_COLUMNS = [...JOB_LIST_COLUMNS, 'raw'] as const;

/** The fields the content hash covers, domain name -> column: what `job.updated` reports as changed. */
export const JOB_CONTENT_FIELDS = {
  title: 'title',
  company: 'company',
  location: 'location',
  remote: 'remote',
  employmentType: 'employment_type',
  seniority: 'seniority',
  salary: 'salary',
  descriptionText: 'description_text',
  skills: 'skills',
  expiresAt: 'expires_at',
  freelance: 'freelance',
} as const satisfies Partial<Record<keyof JobInput, keyof JobsTable>>;
export type JobContentField = keyof typeof JOB_CONTENT_FIELDS;

export function jobToRow(
  codec: Codec,
  id: string,
  input: JobWrite,
  now: string,
  createdAt = now,
): Insertable<JobsTable> {
  return {
    id,
    source_type: input.sourceType,
    source_id: input.sourceId,
    external_id: input.externalId,
    url: input.url,
    canonical_url: input.canonicalUrl,
    title: input.title,
    company: input.company,
    location: input.location,
    remote: input.remote,
    employment_type: input.employmentType,
    seniority: input.seniority,
    salary: codec.jsonOrNull(input.salary),
    description_html: input.descriptionHtml,
    description_text: input.descriptionText,
    skills: codec.json(input.skills),
    skills_text: input.skills.join(' '),
    posted_at: codec.timeOrNull(input.postedAt),
    fetched_at: codec.time(input.fetchedAt),
    expires_at: codec.timeOrNull(input.expiresAt),
    freelance: codec.jsonOrNull(input.freelance),
    raw: codec.jsonOrNull(input.raw),
    status: 'open',
    content_hash: input.contentHash,
    created_at: createdAt,
    updated_at: now,
    dedupe_key: input.dedupeKey ?? null,
    dedupe_signature: input.dedupeSignature ?? null,
    input_hash: input.inputHash ?? null,
  };
}

export function baseFromRow(codec: Codec, row: JobRowWithoutRaw): Omit<Job, 'raw'> {
  return {
    id: row.id,
    sourceType: row.source_type,
    sourceId: row.source_id,
    externalId: row.external_id,
    url: row.url,
    canonicalUrl: row.canonical_url,
    title: row.title,
    company: row.company,
    location: row.location,
    remote: row.remote as RemoteMode,
    employmentType: row.employment_type as EmploymentType,
    seniority: row.seniority as Seniority,
    salary: codec.readJson(row.salary) as Salary | null,
    descriptionHtml: row.description_html,
    descriptionText: row.description_text,
    skills: codec.readJson(row.skills) as string[],
    postedAt: codec.readTimeOrNull(row.posted_at),
    fetchedAt: codec.readTime(row.fetched_at),
    expiresAt: codec.readTimeOrNull(row.expires_at),
    freelance: codec.readJson(row.freelance) as FreelanceDetails | null,
    status: row.status as JobStatus,
    contentHash: row.content_hash,
    createdAt: codec.readTime(row.created_at),
    updatedAt: codec.readTime(row.updated_at),
  };
}

export function jobFromRow(codec: Codec, row: JobRow): Job {
  return { ...baseFromRow(codec, row), raw: codec.readJson(row.raw) };
}

export type JobListRow = JobRowWithoutRaw & {
  score: number | string | null;
  stage: string | null;
  application_id: string | null;
  rejected_rule: string | null;
  rejected_reason: string | null;
  sort_value: unknown;
};

export function jobListItemFromRow(codec: Codec, row: JobListRow): JobListItem {
  return {
    ...baseFromRow(codec, row),
    score: row.score === null ? null : Number(row.score),
    stage: row.stage as Stage | null,
    applicationId: row.application_id,
    rejection:
      row.rejected_rule === null
        ? null
        : ({ rule: row.rejected_rule, reason: row.rejected_reason ?? '' } as Rejection),
  };
}

/** Domain values of the content fields of a stored row, to diff against an input. */
export function contentOfRow(
  codec: Codec,
  row: Pick<JobRow, (typeof JOB_CONTENT_FIELDS)[JobContentField]>,
): Record<JobContentField, unknown> {
  return {
    title: row.title,
    company: row.company,
    location: row.location,
    remote: row.remote,
    employmentType: row.employment_type,
    seniority: row.seniority,
    salary: codec.readJson(row.salary),
    descriptionText: row.description_text,
    skills: codec.readJson(row.skills),
    expiresAt: codec.readTimeOrNull(row.expires_at),
    freelance: codec.readJson(row.freelance),
  };
}

/** Order-insensitive for object keys (jsonb reorders them), so only real changes are named. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)),
        )
      : v,
  );
}

export function changedFields(
  codec: Codec,
  before: Record<JobContentField, unknown>,
  after: JobWrite,
): JobContentField[] {
  const next: Record<JobContentField, unknown> = {
    title: after.title,
    company: after.company,
    location: after.location,
    remote: after.remote,
    employmentType: after.employmentType,
    seniority: after.seniority,
    salary: after.salary,
    descriptionText: after.descriptionText,
    skills: after.skills,
    expiresAt: codec.timeOrNull(after.expiresAt),
    freelance: after.freelance,
  };
  return (Object.keys(JOB_CONTENT_FIELDS) as JobContentField[]).filter(
    (field) => canonical(before[field] ?? null) !== canonical(next[field] ?? null),
  );
}
