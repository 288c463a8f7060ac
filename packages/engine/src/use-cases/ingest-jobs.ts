import {
  isDomainError,
  prepareJob,
  type DedupeFingerprint,
  type JobInput,
  type JobInputDraft,
} from '@applydesk/domain';
import type { EngineContext, OnProgress } from '../context.js';
import {
  encodeSignature,
  fingerprintOf,
  loadDeduplicator,
  type Deduplicator,
} from './deduplicate.js';

export interface IngestFailure {
  index: number;
  sourceId: string;
  externalId: string;
  reason: string;
}

export interface IngestResult {
  received: number;
  created: number;
  updated: number;
  unchanged: number;
  /** Postings recognised as a role already stored from another source, and merged into it. */
  duplicates: number;
  failed: IngestFailure[];
}

const BATCH = 500;

/**
 * Validates and stores postings. A posting that fails validation is reported with its
 * reason and skipped; it never sinks the batch. Storing is idempotent by source and
 * external id, so a re-run after a crash adds nothing twice.
 */
export async function ingestJobs(
  ctx: EngineContext,
  drafts: readonly JobInputDraft[],
  options: { actor: string; onProgress?: OnProgress; dedupe?: Deduplicator },
): Promise<IngestResult> {
  const result: IngestResult = {
    received: drafts.length,
    created: 0,
    updated: 0,
    unchanged: 0,
    duplicates: 0,
    failed: [],
  };
  const dedupe = options.dedupe ?? (await loadDeduplicator(ctx));
  const valid: (JobInput & { contentHash: string })[] = [];
  drafts.forEach((draft, index) => {
    try {
      valid.push(prepareJob(draft));
    } catch (error) {
      result.failed.push({
        index,
        sourceId: String(draft.sourceId ?? '?'),
        externalId: String(draft.externalId ?? '?'),
        reason: isDomainError(error) ? error.message : String(error),
      });
    }
  });
  for (let start = 0; start < valid.length; start += BATCH) {
    const batch = valid.slice(start, start + BATCH);
    const prints = batch.map((job) => fingerprintOf(dedupe, job));
    const counts = await ctx.store.jobs.upsertMany(
      batch.map((job, i) => ({
        ...job,
        dedupeKey: prints[i]!.key,
        dedupeSignature: encodeSignature(prints[i]!.signature),
      })),
      options.actor,
    );
    result.created += counts.created;
    result.updated += counts.updated;
    result.unchanged += counts.unchanged;
    result.duplicates += await mergeDuplicates(ctx, dedupe, batch, prints, options.actor);
    options.onProgress?.({
      task: 'ingest',
      done: Math.min(start + BATCH, valid.length),
      total: valid.length,
    });
  }
  return result;
}

/**
 * Marks each posting that is a near duplicate of another stored role as a duplicate of it
 * (its own row and provenance are kept), and adds the rest to the index for later postings.
 */
async function mergeDuplicates(
  ctx: EngineContext,
  dedupe: Deduplicator,
  batch: readonly JobInput[],
  prints: readonly DedupeFingerprint[],
  actor: string,
): Promise<number> {
  let merged = 0;
  for (const [i, job] of batch.entries()) {
    const print = prints[i]!;
    const stored = await ctx.store.jobs.getByExternalId(job.sourceType, job.externalId);
    if (stored === null) continue;
    const match = dedupe.detector.find(print);
    if (match !== null && match.id !== stored.id) {
      const outcome = await ctx.store.jobs.markDuplicate(stored.id, match.id, actor);
      if (outcome.changed) merged++;
    } else {
      dedupe.detector.add(stored.id, print);
    }
  }
  return merged;
}
