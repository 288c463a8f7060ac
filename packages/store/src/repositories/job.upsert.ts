import type { EventInput, JobStatus } from '@applydesk/domain';
import { sql, type Insertable } from 'kysely';
import { nowIso } from '../codec.js';
import { chunks, type StoreContext } from '../context.js';
import type { JobsTable } from '../db.js';
import { newId } from '../ids.js';
import type { Actor, StoredVersion, UpsertOutcome } from '../repositories.js';
import { insertMany } from './bulk-insert.js';
import { appendEvents } from './event.repository.js';
import { promoteDuplicates, writeDedupeSignatures } from './job.dedupe.js';
import {
  JOB_CONTENT_FIELDS,
  changedFields,
  contentOfRow,
  jobToRow,
  type JobContentField,
  type JobWrite,
} from './job.mapper.js';

/** 28 columns a row: 500 rows stay under SQLite's 32766 and PostgreSQL's 65535 bind parameters. */
const CHUNK = 500;

interface Existing {
  id: string;
  contentHash: string;
  status: string;
  /** No dedupe signature stored: an unchanged input that brings one fills it in. */
  unsigned: boolean;
  inputHash: string | null;
}

const keyOf = (input: { sourceType: string; externalId: string }): string =>
  `${input.sourceType}\u0000${input.externalId}`;

export interface UpsertResult {
  counts: Record<UpsertOutcome, number>;
  /** Id and outcome of each input, in input order. */
  results: { id: string; outcome: UpsertOutcome }[];
}

/**
 * Stores postings by (sourceType, externalId), chunk by chunk, in the caller's transaction:
 * one lookup of what exists, one multi-row insert for new postings, one multi-row upsert for
 * changed ones, one update per distinct fetch time for unchanged ones, then their events.
 * A posting that appears twice is handled in order, as two upserts would be.
 */
export async function upsertJobs(
  ctx: StoreContext,
  inputs: readonly JobWrite[],
  actor: Actor,
): Promise<UpsertResult> {
  const known = new Map<string, Existing>();
  const results: UpsertResult['results'] = [];
  const counts: Record<UpsertOutcome, number> = { created: 0, updated: 0, unchanged: 0 };

  let chunk: JobWrite[] = [];
  let keys = new Set<string>();
  const flush = async (): Promise<void> => {
    if (chunk.length === 0) return;
    for (const result of await upsertChunk(ctx, chunk, known, actor)) {
      counts[result.outcome] += 1;
      results.push(result);
    }
    chunk = [];
    keys = new Set();
  };
  for (const input of inputs) {
    const key = keyOf(input);
    if (keys.has(key) || chunk.length >= CHUNK) await flush();
    chunk.push(input);
    keys.add(key);
  }
  await flush();
  return { counts, results };
}

async function lookup(
  ctx: StoreContext,
  inputs: readonly { sourceType: string; externalId: string }[],
  known: Map<string, Existing>,
): Promise<void> {
  const bySource = new Map<string, string[]>();
  for (const input of inputs) {
    if (known.has(keyOf(input))) continue;
    const ids = bySource.get(input.sourceType) ?? [];
    ids.push(input.externalId);
    bySource.set(input.sourceType, ids);
  }
  for (const [sourceType, externalIds] of bySource) {
    const rows = await ctx.db
      .selectFrom('jobs')
      .select(['id', 'external_id', 'content_hash', 'status'])
      // Whether a signature is stored, not the signature: a page of them would be ~350 kB.
      .select(sql<number>`case when dedupe_signature is null then 1 else 0 end`.as('unsigned'))
      .select('input_hash')
      .where('source_type', '=', sourceType)
      .where('external_id', 'in', externalIds)
      .execute();
    for (const row of rows) {
      known.set(keyOf({ sourceType, externalId: row.external_id }), {
        id: row.id,
        contentHash: row.content_hash,
        status: row.status,
        unsigned: Number(row.unsigned) === 1,
        inputHash: row.input_hash,
      });
    }
  }
}

/** Stored content hash, status and whether signed, per `sourceType\u0000externalId`, in chunks. */
export async function storedVersions(
  ctx: StoreContext,
  keys: readonly { sourceType: string; externalId: string }[],
): Promise<Map<string, StoredVersion>> {
  const known = new Map<string, Existing>();
  for (const part of chunks(keys, CHUNK)) await lookup(ctx, part, known);
  const out = new Map<string, StoredVersion>();
  for (const [key, existing] of known)
    out.set(key, {
      id: existing.id,
      contentHash: existing.contentHash,
      status: existing.status as JobStatus,
      signed: !existing.unsigned,
      inputHash: existing.inputHash,
    });
  return out;
}

async function upsertChunk(
  ctx: StoreContext,
  inputs: readonly JobWrite[],
  known: Map<string, Existing>,
  actor: Actor,
): Promise<{ id: string; outcome: UpsertOutcome }[]> {
  await lookup(ctx, inputs, known);
  const now = nowIso();
  const inserts: Insertable<JobsTable>[] = [];
  const updates: { input: JobWrite; existing: Existing; row: Insertable<JobsTable> }[] = [];
  const unchangedByFetch = new Map<string, string[]>();
  const signing: { jobId: string; key: string; signature: string }[] = [];
  /** Unchanged content sent differently (a field ApplyDesk does not read changed). */
  const rehashed: { id: string; inputHash: string | null }[] = [];
  const results: { id: string; outcome: UpsertOutcome }[] = [];
  const signed = (input: JobWrite): boolean =>
    input.dedupeSignature !== undefined && input.dedupeSignature !== null;

  for (const input of inputs) {
    const existing = known.get(keyOf(input));
    if (existing === undefined) {
      const id = newId('job');
      inserts.push(jobToRow(ctx.codec, id, input, now));
      known.set(keyOf(input), {
        id,
        contentHash: input.contentHash,
        status: 'open',
        unsigned: !signed(input),
        inputHash: input.inputHash ?? null,
      });
      results.push({ id, outcome: 'created' });
    } else if (existing.contentHash === input.contentHash && existing.status === 'open') {
      const fetchedAt = ctx.codec.time(input.fetchedAt);
      const ids = unchangedByFetch.get(fetchedAt) ?? [];
      ids.push(existing.id);
      unchangedByFetch.set(fetchedAt, ids);
      if (existing.unsigned && signed(input)) {
        signing.push({
          jobId: existing.id,
          key: input.dedupeKey ?? '',
          signature: input.dedupeSignature ?? '',
        });
        existing.unsigned = false;
      }
      if (input.inputHash !== undefined && input.inputHash !== existing.inputHash) {
        rehashed.push({ id: existing.id, inputHash: input.inputHash });
        existing.inputHash = input.inputHash;
      }
      results.push({ id: existing.id, outcome: 'unchanged' });
    } else {
      // Changed content, or a closed posting that is listed again: both reopen it.
      updates.push({ input, existing, row: jobToRow(ctx.codec, existing.id, input, now) });
      known.set(keyOf(input), {
        id: existing.id,
        contentHash: input.contentHash,
        status: 'open',
        unsigned: !signed(input),
        inputHash: input.inputHash ?? null,
      });
      results.push({ id: existing.id, outcome: 'updated' });
    }
  }

  const changed = await changesOf(ctx, updates);
  await insertMany(ctx, 'jobs', inserts);
  if (updates.length > 0) {
    await ctx.db
      .insertInto('jobs')
      .values(updates.map((update) => update.row))
      .onConflict((oc) =>
        // Everything but the identity (id, created_at) is rewritten, and status reopens.
        oc.columns(['source_type', 'external_id']).doUpdateSet((eb) => ({
          source_id: eb.ref('excluded.source_id'),
          url: eb.ref('excluded.url'),
          canonical_url: eb.ref('excluded.canonical_url'),
          title: eb.ref('excluded.title'),
          company: eb.ref('excluded.company'),
          location: eb.ref('excluded.location'),
          remote: eb.ref('excluded.remote'),
          employment_type: eb.ref('excluded.employment_type'),
          seniority: eb.ref('excluded.seniority'),
          salary: eb.ref('excluded.salary'),
          description_html: eb.ref('excluded.description_html'),
          description_text: eb.ref('excluded.description_text'),
          skills: eb.ref('excluded.skills'),
          skills_text: eb.ref('excluded.skills_text'),
          posted_at: eb.ref('excluded.posted_at'),
          fetched_at: eb.ref('excluded.fetched_at'),
          expires_at: eb.ref('excluded.expires_at'),
          freelance: eb.ref('excluded.freelance'),
          raw: eb.ref('excluded.raw'),
          status: eb.ref('excluded.status'),
          content_hash: eb.ref('excluded.content_hash'),
          updated_at: eb.ref('excluded.updated_at'),
          // The signature described the old content: the new one, or none. duplicate_of stays.
          dedupe_key: eb.ref('excluded.dedupe_key'),
          dedupe_signature: eb.ref('excluded.dedupe_signature'),
          input_hash: eb.ref('excluded.input_hash'),
        })),
      )
      .execute();
  }
  for (const [fetchedAt, ids] of unchangedByFetch) {
    await ctx.db
      .updateTable('jobs')
      .set({ fetched_at: fetchedAt })
      .where('id', 'in', ids)
      .execute();
  }
  await writeDedupeSignatures(ctx, signing);
  for (const { id, inputHash } of rehashed)
    await ctx.db.updateTable('jobs').set({ input_hash: inputHash }).where('id', '=', id).execute();

  const events: EventInput[] = [];
  for (const row of inserts) {
    events.push({
      actor,
      entityType: 'job',
      entityId: row.id,
      action: 'job.created',
      data: {
        sourceId: row.source_id,
        externalId: row.external_id,
        title: row.title,
        company: row.company,
      },
    });
  }
  for (const { existing } of updates) {
    const data: Record<string, unknown> = { changed: changed.get(existing.id) ?? [] };
    if (existing.status !== 'open') data['reopened'] = true;
    events.push({ actor, entityType: 'job', entityId: existing.id, action: 'job.updated', data });
  }
  await appendEvents(ctx, events);
  return results;
}

/** Names of the content fields each updated posting changes, read in one query per chunk. */
async function changesOf(
  ctx: StoreContext,
  updates: readonly { input: JobWrite; existing: Existing }[],
): Promise<Map<string, JobContentField[]>> {
  const out = new Map<string, JobContentField[]>();
  const differing = updates.filter(
    (update) => update.existing.contentHash !== update.input.contentHash,
  );
  if (differing.length === 0) return out;
  const columns = Object.values(JOB_CONTENT_FIELDS);
  const rows = await ctx.db
    .selectFrom('jobs')
    .select(['id', ...columns])
    .where(
      'id',
      'in',
      differing.map((update) => update.existing.id),
    )
    .execute();
  const byId = new Map(rows.map((row) => [row.id, row]));
  for (const { input, existing } of differing) {
    const row = byId.get(existing.id);
    if (row !== undefined)
      out.set(existing.id, changedFields(ctx.codec, contentOfRow(ctx.codec, row), input));
  }
  return out;
}

/** Closes the open postings of a source whose external id is not kept; returns how many. */
export async function closeMissingJobs(
  ctx: StoreContext,
  sourceId: string,
  keep: readonly string[],
  actor: Actor,
): Promise<number> {
  const kept = new Set(keep);
  const open = await ctx.db
    .selectFrom('jobs')
    .select(['id', 'external_id'])
    .where('source_id', '=', sourceId)
    .where('status', '=', 'open')
    .execute();
  const closing = open.filter((row) => !kept.has(row.external_id));
  const now = nowIso();
  for (const part of chunks(closing, CHUNK)) {
    await ctx.db
      .updateTable('jobs')
      .set({ status: 'closed', updated_at: now })
      .where(
        'id',
        'in',
        part.map((row) => row.id),
      )
      .execute();
  }
  await appendEvents(
    ctx,
    closing.map((row) => ({
      actor,
      entityType: 'job' as const,
      entityId: row.id,
      action: 'job.closed',
      data: { sourceId, externalId: row.external_id },
    })),
  );
  await promoteDuplicates(
    ctx,
    closing.map((row) => row.id),
    actor,
  );
  return closing.length;
}
