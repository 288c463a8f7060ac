import { decodeEntities, looksLikeHtml, sanitizeHtml, textToHtml } from './html.js';
import { JobInput, type JobInputDraft } from './job.js';
import { currencyOfCountry } from './normalize/currency.js';
import { inferEmploymentType, inferSeniority } from './normalize/employment.js';
import { inferRemote, normalizeLocation } from './normalize/location.js';
import { fnv1a64Json } from './normalize/fnv.js';
import { findSalaryInText } from './normalize/salary.js';
import { sanitizedHtmlToText } from './normalize/text.js';
import { normalizeSkills, extractSkills } from './skills.js';
import { canonicalUrl } from './url.js';
import { parseOrThrow } from './validation.js';

/**
 * Validates a posting from a source and puts it in stored form: description sanitized for
 * display and flattened to text, URL canonicalized, skills folded to canonical names (or
 * found in the text when the source gave none). What the source left unknown is read from
 * the title, location and text: remote mode, employment type, seniority, and pay (not for
 * freelance posts, whose budget is no salary). Throws INVALID_INPUT naming the posting.
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
  // The HTML is sanitized already, so its text needs no second sanitize-html pass.
  const descriptionText =
    input.descriptionText.trim() !== ''
      ? input.descriptionText.trim()
      : sanitizedHtmlToText(descriptionHtml);

  const skills = normalizeSkills(
    input.skills.length > 0 ? input.skills : extractSkills(`${input.title}\n${descriptionText}`),
  );
  const title = decodeEntities(input.title).trim();
  const location = input.location === null ? null : decodeEntities(input.location).trim() || null;
  const job: JobInput = {
    ...input,
    title,
    company: decodeEntities(input.company).trim(),
    location,
    canonicalUrl: canonicalUrl(input.canonicalUrl ?? input.url),
    descriptionHtml,
    descriptionText,
    skills,
    ...inferred(input, title, location, descriptionText),
  };
  return { ...job, contentHash: contentHash(job) };
}

/** Fields the source left unknown, read from the posting's own words. */
function inferred(
  input: JobInput,
  title: string,
  location: string | null,
  text: string,
): Pick<JobInput, 'remote' | 'employmentType' | 'seniority' | 'salary'> {
  const remote = input.remote !== 'unknown' ? input.remote : inferRemote({ title, location, text });
  let employmentType = input.employmentType;
  if (employmentType === 'unknown') employmentType = inferEmploymentType(title);
  if (employmentType === 'unknown') employmentType = inferEmploymentType(text);
  const seniority = input.seniority !== 'unknown' ? input.seniority : inferSeniority(title, text);
  let salary = input.salary;
  if (salary === null && input.freelance === null && employmentType !== 'freelance') {
    const country = location === null ? null : normalizeLocation(location).country;
    const currency = currencyOfCountry(country);
    salary = findSalaryInText(`${title}\n${text}`, currency === undefined ? {} : { currency });
  }
  return { remote, employmentType, seniority, salary };
}

/**
 * What makes two versions of one posting differ for the user (not fetch times or raw noise).
 * FNV-1a 64 of the fields' JSON as hash.ts's fnv1a64 computes it, without BigInt and without
 * writing the JSON out: same values, far less time.
 */
export function contentHash(job: JobInput): string {
  return fnv1a64Json([
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
  ]);
}
