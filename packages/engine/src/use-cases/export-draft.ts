import { markdownToPdf } from '@applydesk/documents';
import { DomainError } from '@applydesk/domain';
import type { EngineContext } from '../context.js';

export interface ExportedDraft {
  fileName: string;
  contentType: string;
  bytes: Uint8Array;
}

/** A file name from free text: letters, digits and dashes only. */
function slug(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 60) || 'draft'
  );
}

/** A draft as a file: Markdown as written, or a PDF of it (a tailored resume to attach). */
export async function exportDraft(
  ctx: EngineContext,
  options: { draftId: string; format: 'md' | 'pdf' },
): Promise<ExportedDraft> {
  const draft = await ctx.store.drafts.get(options.draftId);
  if (draft === null) throw new DomainError('NOT_FOUND', `draft ${options.draftId} does not exist`);
  const job = await ctx.store.jobs.get(draft.jobId);
  const profile = await ctx.store.profiles.get(draft.profileId);
  const base = slug(`${profile?.basics.name ?? 'draft'} ${draft.kind} ${job?.company ?? ''}`);
  if (options.format === 'md') {
    return {
      fileName: `${base}.md`,
      contentType: 'text/markdown; charset=utf-8',
      bytes: new TextEncoder().encode(draft.text.endsWith('\n') ? draft.text : `${draft.text}\n`),
    };
  }
  const bytes = await markdownToPdf(draft.text, {
    title: `${profile?.basics.name ?? 'Draft'}: ${draft.kind.replace('_', ' ')}${job === null ? '' : ` for ${job.title} at ${job.company}`}`,
    ...(profile === null ? {} : { author: profile.basics.name }),
  });
  return { fileName: `${base}.pdf`, contentType: 'application/pdf', bytes };
}
