import { z } from 'zod';
import {
  canonicalUrl,
  formatIssues,
  inferRemote,
  JobInput,
  looksLikeHtml,
  parseDate,
  parseOrThrow,
  type JobInputDraft,
} from '@applydesk/domain';
import { parseBaseSalary, parseEmploymentType } from '../jsonld/map.js';
import { absoluteHttpUrl } from '../shared/urls.js';

/**
 * What the browser extension posts from an employer's job page (LinkedIn, Indeed, an ATS, or
 * any page with schema.org JobPosting): each posting in schema.org JobPosting terms, with the
 * fields the extension reads. The server never loads these pages; everything is untrusted.
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
  kind: z.literal('jobposting'),
  pageUrl: z.string().max(2_048),
  capturedAt: short(64),
  site: z.enum(PAGE_CAPTURE_SITES),
  jobs: z.array(z.unknown()).min(1).max(MAX_JOBS),
});

/** One posting, in the JobPosting vocabulary, flattened where the extension flattens it. */
export const PageJob = z.object({
  title: short(1_000),
  url: z.string().max(2_048),
  description: long(MAX_DESCRIPTION).nullish(),
  hiringOrganization: z.object({ name: short() }).nullish(),
  /** The place as the page shows it ("Berlin, Germany"). */
  jobLocation: short().nullish(),
  jobLocationType: z.literal('TELECOMMUTE').nullish(),
  employmentType: short(120).nullish(),
  datePosted: short(64).nullish(),
  /** The site's own id of the posting (LinkedIn's job id, Greenhouse's gh_jid, ...). */
  identifier: short(200).nullish(),
  baseSalary: z
    .object({
      currency: z
        .string()
        .regex(/^[A-Za-z]{3}$/)
        .nullish(),
      min: z.number().nonnegative().nullish(),
      max: z.number().nonnegative().nullish(),
      /** HOUR, DAY, WEEK, MONTH or YEAR, as schema.org's unitText. */
      unit: short(20).nullish(),
    })
    .nullish(),
});
export type PageJob = z.infer<typeof PageJob>;

export interface PageCaptureResult {
  drafts: JobInputDraft[];
  errors: { index: number; reason: string }[];
}

/** The page's pay in the JSON-LD source's own reading of schema.org MonetaryAmount. */
function salaryOf(job: PageJob): JobInputDraft['salary'] {
  const pay = job.baseSalary;
  if (pay == null || (pay.min == null && pay.max == null)) return null;
  return parseBaseSalary({
    baseSalary: {
      '@type': 'MonetaryAmount',
      currency: pay.currency ?? undefined,
      value: {
        minValue: pay.min ?? undefined,
        maxValue: pay.max ?? undefined,
        unitText: pay.unit ?? undefined,
      },
    },
  });
}

function toDraft(job: PageJob, site: PageCaptureSite, url: string, at: Date): JobInputDraft {
  const text = job.description ?? '';
  const location = job.jobLocation ?? null;
  return {
    sourceType: site,
    sourceId: `${site}:extension`,
    externalId: job.identifier ?? canonicalUrl(url) ?? url,
    url,
    title: job.title,
    company: job.hiringOrganization?.name ?? '',
    location,
    remote:
      job.jobLocationType === 'TELECOMMUTE'
        ? 'remote'
        : inferRemote({ location, title: job.title, text }),
    employmentType: parseEmploymentType(job.employmentType ?? ''),
    salary: salaryOf(job),
    descriptionHtml: looksLikeHtml(text) ? text : '',
    descriptionText: looksLikeHtml(text) ? '' : text,
    postedAt: job.datePosted == null ? null : parseDate(job.datePosted, at),
    fetchedAt: at.toISOString(),
    raw: job,
  };
}

/**
 * Turns a JobPosting capture into postings. A posting that does not validate is reported by
 * index and the others kept; the envelope itself must be a JobPosting capture.
 */
export function normalizePageCapture(
  capture: unknown,
  options: { now: () => Date },
): PageCaptureResult {
  const envelope = parseOrThrow(PageCapture, capture, 'JobPosting capture');
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
      const draft = toDraft(job, envelope.site, url, at);
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
