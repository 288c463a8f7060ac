import { DomainError } from '@applydesk/domain';
import { normalizeCapture } from '@applydesk/sources';
import type { EngineContext } from '../context.js';
import { ingestJobs, type IngestResult } from './ingest-jobs.js';
import { rankJobs } from './rank-jobs.js';

export interface CaptureResult extends IngestResult {
  /** Jobs of the capture that could not be read, by their index in it. */
  rejected: { index: number; reason: string }[];
}

/**
 * Stores what the browser extension read off a job page the user was looking at. The page
 * is untrusted: the capture is validated, a bad job in it is reported by index and the rest
 * stored, and nothing is ever fetched from the marketplace by the server.
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
  if (typeof kind !== 'string' || !kind.startsWith('upwork-')) {
    throw new DomainError(
      'INVALID_INPUT',
      `capture kind ${JSON.stringify(kind ?? null)} is not supported`,
      {
        hint: 'send kind "upwork-search" or "upwork-job"',
      },
    );
  }
  const { drafts, errors } = normalizeCapture(capture, { now: ctx.now });
  const result = await ingestJobs(ctx, drafts, { actor });
  if (result.created + result.updated > 0 && (await ctx.store.profiles.getDefault()) !== null) {
    await rankJobs(ctx, { actor });
  }
  return { ...result, rejected: errors };
}
