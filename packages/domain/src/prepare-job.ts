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

  const title = decodeEntities(input.title).trim();
  // Skills and pay are both read from the title and text: one string, flattened once.
  const titleAndText = `${title}\n${descriptionText}`;
  const skills = normalizeSkills(
    input.skills.length > 0
      ? input.skills
      : extractSkills(title === input.title ? titleAndText : `${input.title}\n${descriptionText}`),
  );
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
    ...inferred(input, title, location, descriptionText, titleAndText),
  };
  // The hash added to the job itself (last, as a spread would put it): no second copy.
  return Object.assign(job, { contentHash: contentHash(job) });
}

/** Fields the source left unknown, read from the posting's own words. */
function inferred(
  input: JobInput,
  title: string,
  location: string | null,
  text: string,
  titleAndText: string,
): Pick<JobInput, 'remote' | 'employmentType' | 'seniority' | 'salary'> {
  // inferRemote({ title, location, text }) in its three steps, the short ones remembered.
  let remote = input.remote;
  if (remote === 'unknown' && location !== null) remote = LOCATION_REMOTE.get(location);
  if (remote === 'unknown') remote = TITLE_REMOTE.get(title);
  if (remote === 'unknown') remote = inferRemote({ text });
  let employmentType = input.employmentType;
  if (employmentType === 'unknown') employmentType = TITLE_EMPLOYMENT.get(title);
  if (employmentType === 'unknown') employmentType = inferEmploymentType(text);
  // inferSeniority(title, text): the title's answer, else the text's (an empty title has none).
  let seniority = input.seniority;
  if (seniority === 'unknown') seniority = TITLE_SENIORITY.get(title);
  if (seniority === 'unknown') seniority = inferSeniority('', text);
  let salary = input.salary;
  if (salary === null && input.freelance === null && employmentType !== 'freelance') {
    const currency = location === null ? undefined : LOCATION_CURRENCY.get(location);
    salary = findSalaryInText(titleAndText, currency === undefined ? {} : { currency });
  }
  return { remote, employmentType, seniority, salary };
}

/**
 * Answers of a pure function of a short field, kept for the fields seen lately: postings
 * repeat their locations and titles ("Remote", "Senior Software Engineer"), and reading
 * one costs a dozen patterns. Emptied when full, so it stays small.
 */
class Remembered<T> {
  private readonly answers = new Map<string, T>();

  constructor(private readonly compute: (key: string) => T) {}

  get(key: string): T {
    let answer = this.answers.get(key);
    if (answer === undefined && !this.answers.has(key)) {
      answer = this.compute(key);
      if (this.answers.size >= REMEMBERED_MAX) this.answers.clear();
      this.answers.set(key, answer);
    }
    return answer as T;
  }
}
const REMEMBERED_MAX = 4096;

const LOCATION_REMOTE = new Remembered((location) => inferRemote({ location }));
const TITLE_REMOTE = new Remembered((title) => inferRemote({ title }));
const TITLE_EMPLOYMENT = new Remembered((title) => inferEmploymentType(title));
const TITLE_SENIORITY = new Remembered((title) => inferSeniority(title));
const LOCATION_CURRENCY = new Remembered((location) =>
  currencyOfCountry(normalizeLocation(location).country),
);

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
