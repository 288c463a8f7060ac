import { z } from 'zod';
import {
  canonicalUrl,
  formatIssues,
  inferEmploymentType,
  inferRemote,
  JobInput,
  parseDate,
  parseOrThrow,
  parseSalaryText,
  REMOTE_MODES,
  type JobInputDraft,
} from '@applydesk/domain';
import { jsonLdToDraft } from '../jsonld/map.js';
import { absoluteHttpUrl } from '../shared/urls.js';

/**
 * What the browser extension posts from an employer's job page (LinkedIn, Indeed, an ATS, or
 * any page with schema.org JobPosting): the fields it read, and the page's JobPosting node
 * when there is one. The server never loads these pages; everything here is untrusted.
 */

/** The sites the extension reads; each becomes the posting's source type. */
export const PAGE_CAPTURE_SITES = [
  'linkedin',
  'indeed',
  'greenhouse',
  'lever',
  'ashby',
  'workday',
  'workable',
  'jsonld',
] as const;
export type PageCaptureSite = (typeof PAGE_CAPTURE_SITES)[number];

const MAX_JOBS = 50;
const MAX_DESCRIPTION = 200_000;
const short = (max = 300) => z.string().max(max);
const long = (max: number) => z.string().transform((s) => (s.length > max ? s.slice(0, max) : s));

export const PageCapture = z.object({
  kind: z.literal('job-page'),
  pageUrl: z.string().max(2_048),
  capturedAt: short(64),
  site: z.enum(PAGE_CAPTURE_SITES),
  jobs: z.array(z.unknown()).min(1).max(MAX_JOBS),
});

export const PageJob = z.object({
  /** The site's own id of the posting (LinkedIn's job id, Greenhouse's gh_jid, …). */
  externalId: short(200).nullish(),
  url: z.string().max(2_048),
  title: short(1_000),
  company: short(),
  location: short().nullish(),
  remote: z.enum(REMOTE_MODES).nullish(),
  employmentType: short(60).nullish(),
  descriptionHtml: long(MAX_DESCRIPTION).nullish(),
  descriptionText: long(MAX_DESCRIPTION).nullish(),
  postedAt: short(64).nullish(),
  /** Pay as the page shows it ("$120k–$150k a year"). */
  salaryText: short().nullish(),
  /** The page's JobPosting node, when it has one: read as the JSON-LD source reads it. */
  jsonLd: z.record(z.string(), z.unknown()).nullish(),
});
export type PageJob = z.infer<typeof PageJob>;

export interface PageCaptureResult {
  drafts: JobInputDraft[];
  errors: { index: number; reason: string }[];
}

function fromFields(job: PageJob, site: PageCaptureSite, url: string, at: Date): JobInputDraft {
  const text = job.descriptionText ?? '';
  return {
    sourceType: site,
    sourceId: `${site}:extension`,
    externalId: job.externalId ?? canonicalUrl(url) ?? url,
    url,
    title: job.title,
    company: job.company,
    location: job.location ?? null,
    remote: job.remote ?? inferRemote({ location: job.location ?? null, title: job.title, text }),
    employmentType: inferEmploymentType(job.employmentType ?? ''),
    salary: job.salaryText == null ? null : parseSalaryText(job.salaryText),
    descriptionHtml: job.descriptionHtml ?? '',
    descriptionText: text,
    postedAt: job.postedAt == null ? null : parseDate(job.postedAt, at),
    fetchedAt: at.toISOString(),
    raw: job,
  };
}

/**
 * Turns a job-page capture into postings. A posting that does not validate is reported by
 * index and the others kept; the envelope itself must be a job-page capture.
 */
export function normalizePageCapture(
  capture: unknown,
  options: { now: () => Date },
): PageCaptureResult {
  const envelope = parseOrThrow(PageCapture, capture, 'job page capture');
  const now = options.now();
  const captured = new Date(envelope.capturedAt);
  // A capture claiming a future time counts from now.
  const at = Number.isNaN(captured.getTime()) || captured > now ? now : captured;
  const drafts: JobInputDraft[] = [];
  const errors: PageCaptureResult['errors'] = [];
  envelope.jobs.forEach((item, index) => {
    const parsed = PageJob.safeParse(item);
    if (!parsed.success) {
      errors.push({
        index,
        reason: `job ${index} is invalid: ${formatIssues(parsed.error).join('; ')}`,
      });
      return;
    }
    const job = parsed.data;
    const url = absoluteHttpUrl(job.url, envelope.pageUrl);
    if (url === null) {
      errors.push({
        index,
        reason: `job ${index} has no http(s) address: ${job.url.slice(0, 100)}`,
      });
      return;
    }
    try {
      let draft: JobInputDraft;
      if (job.jsonLd != null) {
        const fromLd = jsonLdToDraft(
          {
            via: 'json-ld',
            pageUrl: url,
            position: index + 1,
            count: envelope.jobs.length,
            siteName: null,
            canonical: null,
            posting: job.jsonLd,
          },
          { sourceId: `${envelope.site}:extension`, now: () => at, company: job.company },
        );
        draft = {
          ...fromLd,
          sourceType: envelope.site,
          externalId: job.externalId ?? fromLd.externalId,
          url,
          raw: job,
        };
      } else {
        draft = fromFields(job, envelope.site, url, at);
      }
      const checked = JobInput.safeParse(draft);
      if (!checked.success) {
        errors.push({
          index,
          reason: `job ${index} is invalid: ${formatIssues(checked.error).join('; ')}`,
        });
        return;
      }
      drafts.push(draft);
    } catch (error) {
      errors.push({ index, reason: error instanceof Error ? error.message : String(error) });
    }
  });
  return { drafts, errors };
}
