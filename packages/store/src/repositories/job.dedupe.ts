import { DomainError, type EventInput, type JobStatus } from '@applydesk/domain';
import { sql } from 'kysely';
import { chunks, type StoreContext } from '../context.js';
import type {
  Actor,
  DedupeCandidate,
  FingerprintSource,
  MergeOutcome,
  ProvenanceEntry,
} from '../repositories.js';
import { appendEvents } from './event.repository.js';

/**
 * Cross-source dedupe bookkeeping on `jobs`: which job duplicates which (duplicate_of, one
 * level deep: a canonical job and the jobs that point at it), and each job's dedupe key and
 * signature. Deciding what is a duplicate is the domain's (packages/domain/src/dedupe); this
 * only records it. Every function runs in the caller's transaction.
 */

/** 3 bind parameters a row. */
const SIGNATURE_CHUNK = 1000;

interface GroupRow {
  id: string;
  duplicate_of: string | null;
}

async function groupRow(ctx: StoreContext, id: string): Promise<GroupRow> {
  const row = await ctx.db
    .selectFrom('jobs')
    .select(['id', 'duplicate_of'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (row === undefined) throw new DomainError('NOT_FOUND', `job ${id} not found`);
  return row;
}

/**
 * Makes `root` the canonical job of everything that pointed at `from`, and of `from` itself.
 * Only duplicate_of changes: updated_at dates content changes, and a merge changes no content.
 */
async function moveGroup(ctx: StoreContext, from: string, root: string): Promise<string[]> {
  const moved = await ctx.db
    .selectFrom('jobs')
    .select('id')
    .where('duplicate_of', '=', from)
    .where('id', '<>', root)
    .orderBy('id')
    .execute();
  await ctx.db
    .updateTable('jobs')
    .set({ duplicate_of: root })
    .where('duplicate_of', '=', from)
    .where('id', '<>', root)
    .execute();
  await ctx.db.updateTable('jobs').set({ duplicate_of: null }).where('id', '=', root).execute();
  await ctx.db.updateTable('jobs').set({ duplicate_of: root }).where('id', '=', from).execute();
  return moved.map((row) => row.id);
}

export async function markDuplicate(
  ctx: StoreContext,
  jobId: string,
  canonicalJobId: string,
  actor: Actor,
): Promise<MergeOutcome> {
  if (jobId === canonicalJobId)
    throw new DomainError('INVALID_INPUT', `job ${jobId} cannot be a duplicate of itself`);
  const job = await groupRow(ctx, jobId);
  const canonical = await groupRow(ctx, canonicalJobId);
  const root = canonical.duplicate_of ?? canonical.id;
  if (root !== jobId && job.duplicate_of === root) return { canonicalJobId: root, changed: false };

  const data: Record<string, unknown> = { jobId, canonicalJobId: root };
  if (root !== canonicalJobId) data['requestedCanonicalJobId'] = canonicalJobId;
  if (job.duplicate_of !== null && root !== jobId)
    data['previousCanonicalJobId'] = job.duplicate_of;
  let moved: string[];
  if (root === jobId) {
    // The named canonical job is a duplicate of this one: it becomes the group's root.
    moved = await moveGroup(ctx, jobId, canonicalJobId);
    data['canonicalJobId'] = canonicalJobId;
  } else {
    // This job's own duplicates follow it into the root's group.
    moved = await moveGroup(ctx, jobId, root);
  }
  if (moved.length > 0) data['movedJobIds'] = moved;
  await appendEvents(ctx, [
    { actor, entityType: 'job', entityId: jobId, action: 'job.merged', data },
  ]);
  return { canonicalJobId: data['canonicalJobId'] as string, changed: true };
}

/** Ids a statement may name at once: 1 bind parameter each, well under both dialects' limits. */
const ID_CHUNK = 1000;

/**
 * markDuplicate for each pair in order, with the same outcomes and events, in a few statements
 * for the common case ingest makes: a job nothing points at, not a duplicate itself, merged
 * into a canonical job. Those are written together (one update, one insert of events a
 * chunk); any other pair (a job with duplicates of its own, a canonical job that is itself a
 * duplicate, an id named twice, an unknown id) goes through markDuplicate in its turn, after
 * the pairs before it are written, so the order of effects and events is the same.
 */
export async function markDuplicates(
  ctx: StoreContext,
  merges: readonly { jobId: string; canonicalJobId: string }[],
  actor: Actor,
): Promise<MergeOutcome[]> {
  /** duplicate_of of each job named, and the jobs something points at, as the pairs go. */
  const groups = new Map<string, string | null>();
  const pointedAt = new Set<string>();
  const load = async (from: number): Promise<void> => {
    groups.clear();
    pointedAt.clear();
    const ids = new Set<string>();
    for (const merge of merges.slice(from)) ids.add(merge.jobId).add(merge.canonicalJobId);
    for (const part of chunks([...ids], ID_CHUNK)) {
      const rows = await ctx.db
        .selectFrom('jobs')
        .select(['id', 'duplicate_of'])
        .where('id', 'in', part)
        .execute();
      for (const row of rows) groups.set(row.id, row.duplicate_of);
      const dependents = await ctx.db
        .selectFrom('jobs')
        .select('duplicate_of')
        .distinct()
        .where('duplicate_of', 'in', part)
        .execute();
      for (const row of dependents) if (row.duplicate_of !== null) pointedAt.add(row.duplicate_of);
    }
  };

  let pending: { jobId: string; root: string }[] = [];
  const flush = async (): Promise<void> => {
    if (pending.length === 0) return;
    for (const part of chunks(pending, ID_CHUNK / 2)) {
      const values = sql.join(part.map((merge) => sql`(${merge.jobId}, ${merge.root})`));
      // VALUES columns are column1..2 on both dialects.
      await sql`
        update jobs set duplicate_of = v.column2
        from (values ${values}) as v
        where jobs.id = v.column1
      `.execute(ctx.db);
    }
    await appendEvents(
      ctx,
      pending.map(({ jobId, root }) => ({
        actor,
        entityType: 'job' as const,
        entityId: jobId,
        action: 'job.merged',
        data: { jobId, canonicalJobId: root },
      })),
    );
    pending = [];
  };

  const outcomes: MergeOutcome[] = [];
  let stale = true;
  for (const [i, { jobId, canonicalJobId }] of merges.entries()) {
    if (stale) {
      await load(i);
      stale = false;
    }
    if (
      jobId !== canonicalJobId &&
      groups.get(jobId) === null &&
      groups.get(canonicalJobId) === null &&
      !pointedAt.has(jobId)
    ) {
      // What markDuplicate would do here: point the job at the canonical job, nothing else.
      pending.push({ jobId, root: canonicalJobId });
      groups.set(jobId, canonicalJobId);
      pointedAt.add(canonicalJobId);
      outcomes.push({ canonicalJobId, changed: true });
      continue;
    }
    await flush();
    outcomes.push(await markDuplicate(ctx, jobId, canonicalJobId, actor));
    // Moving a group changes rows beyond the two named: read the rest afresh.
    stale = true;
  }
  await flush();
  return outcomes;
}

export async function unmarkDuplicate(
  ctx: StoreContext,
  jobId: string,
  actor: Actor,
): Promise<boolean> {
  const job = await groupRow(ctx, jobId);
  if (job.duplicate_of === null) return false;
  await ctx.db.updateTable('jobs').set({ duplicate_of: null }).where('id', '=', jobId).execute();
  await appendEvents(ctx, [
    {
      actor,
      entityType: 'job',
      entityId: jobId,
      action: 'job.unmerged',
      data: { jobId, canonicalJobId: job.duplicate_of },
    },
  ]);
  return true;
}

/**
 * After canonical jobs close: each that has open duplicates hands over to the one seen most
 * recently, so the role stays listed (once). Logged as job.merged on the closed job.
 */
export async function promoteDuplicates(
  ctx: StoreContext,
  closedIds: readonly string[],
  actor: Actor,
): Promise<void> {
  const events: EventInput[] = [];
  for (const part of chunks(closedIds, 500)) {
    const rows = await ctx.db
      .selectFrom('jobs')
      .select(['id', 'duplicate_of'])
      .where('duplicate_of', 'in', part)
      .where('status', '=', 'open')
      .orderBy('duplicate_of')
      .orderBy('fetched_at', 'desc')
      .orderBy('id', 'desc')
      .execute();
    const heirs = new Map<string, string>();
    for (const row of rows)
      if (row.duplicate_of !== null && !heirs.has(row.duplicate_of))
        heirs.set(row.duplicate_of, row.id);
    for (const [closed, heir] of heirs) {
      const moved = await moveGroup(ctx, closed, heir);
      events.push({
        actor,
        entityType: 'job',
        entityId: closed,
        action: 'job.merged',
        data: {
          jobId: closed,
          canonicalJobId: heir,
          reason: 'canonical job closed',
          ...(moved.length > 0 ? { movedJobIds: moved } : {}),
        },
      });
    }
  }
  await appendEvents(ctx, events);
}

/** Stores dedupe keys and signatures by job id, a chunk per statement; returns rows updated. */
export async function writeDedupeSignatures(
  ctx: StoreContext,
  entries: readonly { jobId: string; key: string; signature: string }[],
): Promise<number> {
  let updated = 0;
  for (const part of chunks(entries, SIGNATURE_CHUNK)) {
    const values = sql.join(
      part.map((entry) => sql`(${entry.jobId}, ${entry.key}, ${entry.signature})`),
    );
    // VALUES columns are column1..3 on both dialects.
    const result = await sql`
      update jobs set dedupe_key = v.column2, dedupe_signature = v.column3
      from (values ${values}) as v
      where jobs.id = v.column1
    `.execute(ctx.db);
    updated += Number(result.numAffectedRows ?? 0n);
  }
  return updated;
}

/**
 * Open canonical jobs with a signature, to be narrowed by dedupe_key. On SQLite, without
 * statistics, the planner picks jobs_duplicate_of_idx for the status and duplicate_of terms
 * and reads every open canonical job (80k of 100k) for a handful of keys; a unary `+` keeps
 * those terms out of index choice, so the keys are looked up in jobs_dedupe_key_idx.
 * PostgreSQL plans it from its statistics.
 */
function candidatesQuery(ctx: StoreContext) {
  const plus = sql.raw(ctx.dialect === 'sqlite' ? '+' : '');
  return ctx.db
    .selectFrom('jobs')
    .select(['id', 'dedupe_key', 'title', 'dedupe_signature', 'canonical_url'])
    .where(sql<boolean>`${plus}status = 'open'`)
    .where(sql<boolean>`${plus}duplicate_of is null`)
    .where('dedupe_signature', 'is not', null)
    .where('dedupe_key', 'is not', null);
}

type CandidateRow = {
  id: string;
  dedupe_key: string | null;
  title: string;
  dedupe_signature: string | null;
  canonical_url: string | null;
};

function candidateOf(row: CandidateRow): DedupeCandidate {
  return {
    id: row.id,
    key: row.dedupe_key ?? '',
    title: row.title,
    signature: row.dedupe_signature ?? '',
    canonicalUrl: row.canonical_url,
  };
}

/** listDedupeCandidates' statement for one chunk of keys (exported for its plan test). */
export function dedupeCandidatesQuery(ctx: StoreContext, keys: readonly string[]) {
  return candidatesQuery(ctx).where('dedupe_key', 'in', keys);
}

/** Candidates under these blocking keys, by id; a chunk of keys per statement. */
export async function listDedupeCandidates(
  ctx: StoreContext,
  keys: readonly string[],
): Promise<DedupeCandidate[]> {
  const out: DedupeCandidate[] = [];
  for (const part of chunks([...new Set(keys)], ID_CHUNK))
    for (const row of await dedupeCandidatesQuery(ctx, part).execute()) out.push(candidateOf(row));
  return out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** What the fingerprints of these jobs are made of, a chunk of ids per statement. */
export async function fingerprintSources(
  ctx: StoreContext,
  ids: readonly string[],
): Promise<FingerprintSource[]> {
  const out: FingerprintSource[] = [];
  for (const part of chunks([...new Set(ids)], ID_CHUNK)) {
    const rows = await ctx.db
      .selectFrom('jobs')
      .select(['id', 'company', 'title', 'description_text', 'canonical_url', 'url'])
      .where('id', 'in', part)
      .execute();
    for (const row of rows)
      out.push({
        id: row.id,
        company: row.company,
        title: row.title,
        descriptionText: row.description_text,
        url: row.canonical_url ?? row.url,
      });
  }
  return out;
}

export async function provenance(ctx: StoreContext, jobId: string): Promise<ProvenanceEntry[]> {
  const job = await ctx.db
    .selectFrom('jobs')
    .select(['id', 'duplicate_of'])
    .where('id', '=', jobId)
    .executeTakeFirst();
  if (job === undefined) return [];
  const root = job.duplicate_of ?? job.id;
  const rows = await ctx.db
    .selectFrom('jobs')
    .select([
      'id',
      'duplicate_of',
      'source_type',
      'source_id',
      'external_id',
      'url',
      'posted_at',
      'fetched_at',
      'status',
    ])
    .where((eb) => eb.or([eb('id', '=', root), eb('duplicate_of', '=', root)]))
    .execute();
  const entries = rows.map((row): ProvenanceEntry => ({
    jobId: row.id,
    canonical: row.id === root,
    sourceType: row.source_type,
    sourceId: row.source_id,
    externalId: row.external_id,
    url: row.url,
    postedAt: ctx.codec.readTimeOrNull(row.posted_at),
    fetchedAt: ctx.codec.readTime(row.fetched_at),
    status: row.status as JobStatus,
  }));
  // Canonical first, then by posting date (undated last), then id: the same on both dialects.
  return entries.sort(
    (a, b) =>
      Number(b.canonical) - Number(a.canonical) ||
      (a.postedAt ?? '\uffff').localeCompare(b.postedAt ?? '\uffff') ||
      (a.jobId < b.jobId ? -1 : a.jobId > b.jobId ? 1 : 0),
  );
}
