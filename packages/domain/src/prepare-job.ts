import { decodeEntities, htmlToText, looksLikeHtml, sanitizeHtml, textToHtml } from './html.js';
import { fnv1a64 } from './hash.js';
import { JobInput, type JobInputDraft } from './job.js';
import { normalizeSkills, extractSkills } from './skills.js';
import { canonicalUrl } from './url.js';
import { parseOrThrow } from './validation.js';

/**
 * Validates a posting from a source and puts it in stored form: description sanitized for
 * display and flattened to text, URL canonicalized, skills folded to canonical names (or
 * found in the text when the source gave none). Throws INVALID_INPUT naming the posting.
 */
export function prepareJob(draft: JobInputDraft): JobInput & { contentHash: string } {
  const label = `job ${String(draft.externalId ?? '?')} from ${String(draft.sourceId ?? '?')}`;
  const input = parseOrThrow(JobInput, draft, label);

  // Some sources escape the HTML itself (Greenhouse's `content`), so decode before deciding.
  let html = input.descriptionHtml;
  if (!looksLikeHtml(html) && looksLikeHtml(decodeEntities(html))) html = decodeEntities(html);
  if (html.trim() === '' && input.descriptionText.trim() !== '')
    html = textToHtml(input.descriptionText);
  const descriptionHtml = sanitizeHtml(html);
  const descriptionText =
    input.descriptionText.trim() !== ''
      ? input.descriptionText.trim()
      : htmlToText(descriptionHtml);

  const skills = normalizeSkills(
    input.skills.length > 0 ? input.skills : extractSkills(`${input.title}\n${descriptionText}`),
  );
  const job: JobInput = {
    ...input,
    title: decodeEntities(input.title).trim(),
    company: decodeEntities(input.company).trim(),
    location: input.location === null ? null : decodeEntities(input.location).trim() || null,
    canonicalUrl: canonicalUrl(input.canonicalUrl ?? input.url),
    descriptionHtml,
    descriptionText,
    skills,
  };
  return { ...job, contentHash: contentHash(job) };
}

/** What makes two versions of one posting differ for the user (not fetch times or raw noise). */
export function contentHash(job: JobInput): string {
  return fnv1a64(
    JSON.stringify([
      job.title,
      job.company,
      job.location,
      job.remote,
      job.employmentType,
      job.seniority,
      job.salary,
      job.descriptionText,
      job.skills,
      job.expiresAt,
      job.freelance,
    ]),
  );
}
