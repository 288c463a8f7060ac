import { isDomainError, prepareJob, type JobInput, type JobInputDraft } from '@applydesk/domain';
import type { EngineContext, OnProgress } from '../context.js';

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
  options: { actor: string; onProgress?: OnProgress },
): Promise<IngestResult> {
  const result: IngestResult = {
    received: drafts.length,
    created: 0,
    updated: 0,
    unchanged: 0,
    failed: [],
  };
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
    const counts = await ctx.store.jobs.upsertMany(
      valid.slice(start, start + BATCH),
      options.actor,
    );
    result.created += counts.created;
    result.updated += counts.updated;
    result.unchanged += counts.unchanged;
    options.onProgress?.({
      task: 'ingest',
      done: Math.min(start + BATCH, valid.length),
      total: valid.length,
    });
  }
  return result;
}
