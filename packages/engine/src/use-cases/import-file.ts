import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { DomainError } from '@applydesk/domain';
import { parseImportFile } from '@applydesk/sources';
import type { EngineContext, OnProgress } from '../context.js';
import { ingestJobs, type IngestResult } from './ingest-jobs.js';
import { rankJobs, type RankResult } from './rank-jobs.js';

export interface ImportFileResult extends IngestResult {
  file: string;
  /** Rows the file could not give, numbered as a spreadsheet shows them. */
  rowErrors: { row: number; reason: string }[];
  /** The ranking that followed, when there is a profile to rank for and anything changed. */
  ranked: RankResult | null;
}

/** Imports postings from a CSV or JSON file; a bad row is reported and the rest imported. */
export async function importFile(
  ctx: EngineContext,
  path: string,
  options: { actor: string; onProgress?: OnProgress },
): Promise<ImportFileResult> {
  let content: Buffer;
  try {
    content = await readFile(path);
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? String(error.code) : 'unreadable';
    throw new DomainError('NOT_FOUND', `cannot read ${path} (${code})`, { hint: 'check the path' });
  }
  const { drafts, errors } = parseImportFile(basename(path), content, { now: ctx.now() });
  const result = await ingestJobs(ctx, drafts, options);
  const ranked =
    result.created + result.updated > 0 && (await ctx.store.profiles.defaultId()) !== null
      ? await rankJobs(ctx, options)
      : null;
  return { ...result, file: path, rowErrors: errors, ranked };
}
