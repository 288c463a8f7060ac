import { DomainError, type JobInputDraft } from '@applydesk/domain';
import { normalizeCapture, normalizePageCapture } from '@applydesk/sources';
import type { EngineContext } from '../context.js';
import { ingestJobs, type IngestResult } from './ingest-jobs.js';
import { rankJobs } from './rank-jobs.js';

export interface CaptureResult extends IngestResult {
  /** Jobs of the capture that could not be read, by their index in it. */
  rejected: { index: number; reason: string }[];
  /** The stored posting of each job that was read, so the extension can show its score. */
  jobs: { externalId: string; id: string }[];
}

/**
 * Stores what the browser extension read off a job page the user was looking at: an Upwork
 * page (`upwork-search`, `upwork-job`) or an employer's page (`jobposting`: LinkedIn, Indeed,
 * an ATS, any schema.org JobPosting). The page is untrusted: the capture is validated, a bad
 * job in it is reported by index and the rest stored, and nothing is ever fetched by the server.
 */
export async function ingestCapture(
  ctx: EngineContext,
  capture: unknown,
  actor: string,
): Promise<CaptureResult> {
  const kind =
    typeof capture === 'object' && capture !== null
      ? (capture as { kind?: unknown }).kind
      : undefined;
  let read: { drafts: JobInputDraft[]; errors: { index: number; reason: string }[] };
  if (typeof kind === 'string' && kind.startsWith('upwork-')) {
    read = normalizeCapture(capture, { now: ctx.now });
  } else if (kind === 'jobposting') {
    read = normalizePageCapture(capture, { now: ctx.now });
  } else {
    throw new DomainError(
      'INVALID_INPUT',
      `capture kind ${JSON.stringify(kind ?? null)} is not supported`,
      { hint: 'send kind "upwork-search", "upwork-job" or "jobposting"' },
    );
  }
  const result = await ingestJobs(ctx, read.drafts, { actor });
  if (result.created + result.updated > 0 && (await ctx.store.profiles.defaultId()) !== null) {
    await rankJobs(ctx, { actor });
  }
  const jobs: CaptureResult['jobs'] = [];
  for (const draft of read.drafts) {
    const stored = await ctx.store.jobs.getByExternalId(draft.sourceType, draft.externalId);
    if (stored !== null) jobs.push({ externalId: draft.externalId, id: stored.id });
  }
  return { ...result, rejected: read.errors, jobs };
}
