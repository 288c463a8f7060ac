import type { Job } from '@applydesk/domain';
import { toCount } from '../codec.js';
import { chunks, withTx, type StoreContext } from '../context.js';
import type {
  Actor,
  DedupeCandidate,
  FingerprintSource,
  JobPage,
  JobQuery,
  JobRepository,
  MergeOutcome,
  ProvenanceEntry,
  StoredVersion,
  UpsertOutcome,
} from '../repositories.js';
import {
  fingerprintSources,
  listDedupeCandidates,
  markDuplicate,
  markDuplicates,
  provenance,
  unmarkDuplicate,
  writeDedupeSignatures,
} from './job.dedupe.js';
import { listJobs } from './job.list.js';
import { JOB_COLUMNS, jobFromRow, type JobWrite } from './job.mapper.js';
import { closeMissingJobs, storedVersions, upsertJobs } from './job.upsert.js';

export class SqlJobRepository implements JobRepository {
  constructor(private readonly ctx: StoreContext) {}

  async upsert(input: JobWrite, actor: Actor): Promise<{ job: Job; outcome: UpsertOutcome }> {
    return withTx(this.ctx, async (tx) => {
      const { results } = await upsertJobs(tx, [input], actor);
      const result = results[0];
      const job = result === undefined ? null : await new SqlJobRepository(tx).get(result.id);
      if (result === undefined || job === null)
        throw new Error('unreachable: an upserted job is missing');
      return { job, outcome: result.outcome };
    });
  }

  async upsertBatch(inputs: JobWrite[], actor: Actor) {
    if (inputs.length === 0)
      return { counts: { created: 0, updated: 0, unchanged: 0 }, results: [] };
    return withTx(this.ctx, (tx) => upsertJobs(tx, inputs, actor));
  }

  async touch(ids: readonly string[], fetchedAt: string): Promise<void> {
    const at = this.ctx.codec.time(fetchedAt);
    await withTx(this.ctx, async (tx) => {
      for (const part of chunks(ids, 1000))
        await tx.db.updateTable('jobs').set({ fetched_at: at }).where('id', 'in', part).execute();
    });
  }

  storedVersions(
    keys: readonly { sourceType: string; externalId: string }[],
  ): Promise<Map<string, StoredVersion>> {
    return storedVersions(this.ctx, keys);
  }

  async upsertMany(inputs: JobWrite[], actor: Actor): Promise<Record<UpsertOutcome, number>> {
    if (inputs.length === 0) return { created: 0, updated: 0, unchanged: 0 };
    return withTx(this.ctx, async (tx) => (await upsertJobs(tx, inputs, actor)).counts);
  }

  async get(id: string): Promise<Job | null> {
    const row = await this.ctx.db
      .selectFrom('jobs')
      .select(JOB_COLUMNS)
      .where('id', '=', id)
      .executeTakeFirst();
    return row === undefined ? null : jobFromRow(this.ctx.codec, row);
  }

  async getMany(ids: readonly string[]): Promise<Job[]> {
    const out: Job[] = [];
    for (const part of chunks([...new Set(ids)], 500)) {
      if (part.length === 0) continue;
      const rows = await this.ctx.db
        .selectFrom('jobs')
        .select(JOB_COLUMNS)
        .where('id', 'in', part)
        .execute();
      for (const row of rows) out.push(jobFromRow(this.ctx.codec, row));
    }
    return out;
  }

  async getByExternalId(sourceType: string, externalId: string): Promise<Job | null> {
    const row = await this.ctx.db
      .selectFrom('jobs')
      .select(JOB_COLUMNS)
      .where('source_type', '=', sourceType)
      .where('external_id', '=', externalId)
      .executeTakeFirst();
    return row === undefined ? null : jobFromRow(this.ctx.codec, row);
  }

  async findByCanonicalUrl(canonicalUrl: string): Promise<Job[]> {
    const rows = await this.ctx.db
      .selectFrom('jobs')
      .select(JOB_COLUMNS)
      .where('canonical_url', '=', canonicalUrl)
      .orderBy('id')
      .execute();
    return rows.map((row) => jobFromRow(this.ctx.codec, row));
  }

  list(query: JobQuery): Promise<JobPage> {
    return listJobs(this.ctx, query);
  }

  closeMissing(sourceId: string, keepExternalIds: string[], actor: Actor): Promise<number> {
    return withTx(this.ctx, (tx) => closeMissingJobs(tx, sourceId, keepExternalIds, actor));
  }

  async count(): Promise<number> {
    const row = await this.ctx.db
      .selectFrom('jobs')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirst();
    return toCount(row?.n);
  }

  markDuplicate(jobId: string, canonicalJobId: string, actor: Actor): Promise<MergeOutcome> {
    return withTx(this.ctx, (tx) => markDuplicate(tx, jobId, canonicalJobId, actor));
  }

  markDuplicates(
    merges: readonly { jobId: string; canonicalJobId: string }[],
    actor: Actor,
  ): Promise<MergeOutcome[]> {
    if (merges.length === 0) return Promise.resolve([]);
    return withTx(this.ctx, (tx) => markDuplicates(tx, merges, actor));
  }

  unmarkDuplicate(jobId: string, actor: Actor): Promise<boolean> {
    return withTx(this.ctx, (tx) => unmarkDuplicate(tx, jobId, actor));
  }

  setDedupeSignatures(
    entries: { jobId: string; key: string; signature: string }[],
  ): Promise<number> {
    if (entries.length === 0) return Promise.resolve(0);
    return withTx(this.ctx, (tx) => writeDedupeSignatures(tx, entries));
  }

  listDedupeCandidates(keys: readonly string[]): Promise<DedupeCandidate[]> {
    return listDedupeCandidates(this.ctx, keys);
  }

  fingerprintSources(ids: readonly string[]): Promise<FingerprintSource[]> {
    return fingerprintSources(this.ctx, ids);
  }

  provenance(jobId: string): Promise<ProvenanceEntry[]> {
    return provenance(this.ctx, jobId);
  }
}
