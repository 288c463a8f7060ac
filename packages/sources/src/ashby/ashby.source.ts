import { z } from 'zod';
import {
  DomainError,
  formatIssues,
  textToHtml,
  type EmploymentType,
  type JobInputDraft,
  type RemoteMode,
  type Salary,
  type SalaryPeriod,
} from '@applydesk/domain';
import { BaseSourceConfig, defineSource, type SourceContext } from '../adapter.js';
import { failureKind, httpFailure } from '../http/http-client.js';

/**
 * Ashby public job posting API (https://developers.ashbyhq.com/docs/public-job-posting-api):
 * keyless; one request returns every published job of a board, with compensation on request.
 *
 *   GET https://api.ashbyhq.com/posting-api/job-board/{board}?includeCompensation=true
 *
 * Jobs marked `isListed: false` (reachable by link only) are left out.
 */
export const ASHBY_TYPE = 'ashby';
const DEFAULT_BASE = 'https://api.ashbyhq.com';
/** Longest description a posting may carry once inline images are dropped; longer ones are refused. */
export const MAX_DESCRIPTION_CHARS = 1_000_000;

/** A job board name, or the job board address it is read from (jobs.ashbyhq.com/acme). */
function boardName(value: string): string {
  const match = /^https?:\/\/jobs\.ashbyhq\.com\/([^/?#]+)/i.exec(value);
  return match?.[1] === undefined ? value : decodeURIComponent(match[1]);
}

export const AshbyConfig = BaseSourceConfig.extend({
  type: z.literal(ASHBY_TYPE),
  board: z
    .string()
    .trim()
    .min(1)
    .transform(boardName)
    .pipe(z.string().regex(/^[^/?#\s]+$/, 'an Ashby job board name, without / ? or #'))
    .describe(
      'job board name: the name after jobs.ashbyhq.com/ in the job board address (that address works too)',
    ),
  company: z
    .string()
    .trim()
    .min(1)
    .optional()
    .describe('company name shown on postings (default: the board name; Ashby sends none)'),
});
export type AshbyConfig = z.infer<typeof AshbyConfig>;

const Component = z.object({
  compensationType: z.string().nullish(),
  interval: z.string().nullish(),
  currencyCode: z.string().nullish(),
  minValue: z.number().nullish(),
  maxValue: z.number().nullish(),
});

/** One job of the board, as documented (fields ApplyDesk reads; the rest stay in `raw`). */
export const AshbyJob = z.object({
  id: z.string().min(1).nullish(),
  title: z.string().trim().min(1),
  jobUrl: z.string().nullish(),
  location: z.string().nullish(),
  secondaryLocations: z.array(z.object({ location: z.string().nullish() })).nullish(),
  isRemote: z.boolean().nullish(),
  workplaceType: z.string().nullish(),
  employmentType: z.string().nullish(),
  descriptionHtml: z.string().nullish(),
  descriptionPlain: z.string().nullish(),
  // Read leniently: an unreadable date is a null postedAt, not a refused posting.
  publishedAt: z.unknown().optional(),
  compensation: z
    .object({
      summaryComponents: z.array(Component).nullish(),
      compensationTiers: z.array(z.object({ components: z.array(Component).nullish() })).nullish(),
    })
    .nullish(),
});
export type AshbyJob = z.infer<typeof AshbyJob>;

const Envelope = z.object({ apiVersion: z.string().nullish(), jobs: z.array(z.unknown()) });

type Ctx = Pick<SourceContext<AshbyConfig, Record<string, never>>, 'config' | 'http' | 'signal'>;

export function ashbyBoardUrl(config: AshbyConfig): string {
  const base = (config.baseUrl ?? DEFAULT_BASE).replace(/\/+$/, '');
  return `${base}/posting-api/job-board/${encodeURIComponent(config.board)}?includeCompensation=true`;
}

function notFoundMessage(board: string): string {
  return `Ashby has no job board "${board}" (HTTP 404): check the board name's spelling; it is the name after jobs.ashbyhq.com/ in the job board address`;
}

function explain(error: unknown, board: string): unknown {
  if (!(error instanceof DomainError) || failureKind(error) !== 'not_found') return error;
  return new DomainError('UPSTREAM_FAILED', notFoundMessage(board), {
    details: error.details,
    cause: error,
  });
}

function isUnlisted(job: unknown): boolean {
  return (
    typeof job === 'object' && job !== null && (job as { isListed?: unknown }).isListed === false
  );
}

/** The board's listed jobs. */
async function getJobs(ctx: Ctx): Promise<unknown[]> {
  const url = ashbyBoardUrl(ctx.config);
  let body: unknown;
  try {
    body = await ctx.http.getJson(url, ctx.signal === undefined ? {} : { signal: ctx.signal });
  } catch (error) {
    throw explain(error, ctx.config.board);
  }
  const parsed = Envelope.safeParse(body);
  if (!parsed.success) {
    throw httpFailure(
      'malformed',
      url,
      `${url} answered JSON without a jobs list: ${formatIssues(parsed.error).join('; ')}`,
    );
  }
  return parsed.data.jobs.filter((job) => !isUnlisted(job));
}

// --- mapping helpers --------------------------------------------------------------------------

/** ISO timestamp of an ISO 8601 date or date-time (no offset read as UTC); null when unreadable. */
function isoDate(value: unknown): string | null {
  const text = typeof value === 'string' ? value.trim() : '';
  const match =
    /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)\s*(Z|UTC|[+-]\d{2}:?\d{2})?)?$/i.exec(
      text,
    );
  if (match === null) return null;
  const [, day, time, zone] = match;
  const offset =
    zone === undefined || /^(z|utc)$/i.test(zone)
      ? 'Z'
      : zone.replace(/^([+-]\d{2})(\d{2})$/, '$1:$2');
  const at = Date.parse(time === undefined ? `${day}T00:00:00Z` : `${day}T${time}${offset}`);
  if (Number.isNaN(at)) return null;
  const iso = new Date(at).toISOString();
  return /^\d{4}-/.test(iso) ? iso : null;
}

/** Ashby's documented employment types: FullTime, PartTime, Intern, Contract, Temporary. */
const EMPLOYMENT: Record<string, EmploymentType> = {
  fulltime: 'full_time',
  parttime: 'part_time',
  intern: 'internship',
  contract: 'contract',
  temporary: 'temporary',
};

const WORKPLACE: Record<string, RemoteMode> = {
  remote: 'remote',
  hybrid: 'hybrid',
  onsite: 'onsite',
};

/** Intervals Ashby writes as "1 YEAR", "1 MONTH", "1 HOUR"...; "NONE" belongs to equity. */
const INTERVAL: Record<string, SalaryPeriod> = {
  '1 YEAR': 'year',
  '1 MONTH': 'month',
  '1 WEEK': 'week',
  '1 DAY': 'day',
  '1 HOUR': 'hour',
};

/** The salary component: of the summary (the range across tiers), else of the first tier that has one. */
export function ashbySalary(job: AshbyJob): Salary | null {
  const comp = job.compensation;
  const components = [
    ...(comp?.summaryComponents ?? []),
    ...(comp?.compensationTiers ?? []).flatMap((tier) => tier.components ?? []),
  ];
  for (const c of components) {
    if ((c.compensationType ?? '').toLowerCase() !== 'salary') continue;
    const currency = c.currencyCode?.trim().toUpperCase() ?? '';
    const period = INTERVAL[(c.interval ?? '').trim().toUpperCase().replace(/\s+/g, ' ')];
    if (!/^[A-Z]{3}$/.test(currency) || period === undefined) continue;
    const amount = (n: number | null | undefined) =>
      typeof n === 'number' && Number.isFinite(n) && n >= 0 ? n : null;
    let min = amount(c.minValue);
    let max = amount(c.maxValue);
    if (min === null && max === null) continue;
    if (min !== null && max !== null && min > max) [min, max] = [max, min];
    return { min, max, currency, period };
  }
  return null;
}

/** Inline images (data: URIs) are dropped by sanitizing anyway; they only make a description huge. */
const DATA_URI = /data:[\w.+-]+\/[\w.+-]+;base64,[A-Za-z0-9+/=\s]*/g;

function httpUrl(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  try {
    const url = new URL(value.trim());
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}

/** The posting's id: `id`, else the last segment of its jobUrl (jobs.ashbyhq.com/acme/<uuid>). */
function idOf(raw: unknown): string | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const { id, jobUrl } = raw as { id?: unknown; jobUrl?: unknown };
  if (typeof id === 'string' && id.trim() !== '') return id.trim();
  if (typeof jobUrl === 'string') {
    const last = /\/([^/?#]+)\/?(?:[?#].*)?$/.exec(jobUrl.trim())?.[1];
    if (last !== undefined && last !== '') return decodeURIComponent(last);
  }
  return null;
}

function refuse(id: string, reason: string, problems: string[] = []): DomainError {
  return new DomainError('INVALID_INPUT', `${ASHBY_TYPE} posting ${id}: ${reason}`, {
    details: { externalId: id, ...(problems.length === 0 ? {} : { problems }) },
  });
}

export const ashbySource = defineSource({
  type: ASHBY_TYPE,
  label: 'Ashby',
  description:
    "An employer's Ashby job board (public job posting API, no key), with published pay.",
  terms: {
    termsUrl: 'https://developers.ashbyhq.com/docs/public-job-posting-api',
    attribution: null,
    minPollMinutes: 60,
    notes:
      "The job posting API is public and meant for showing a company's published jobs on its own careers page; Ashby publishes no rate limit, so poll a board at most hourly. Link to each job's jobUrl so applications go through Ashby.",
  },
  configSchema: AshbyConfig,
  secretSchema: z.object({}),

  async test(ctx) {
    try {
      // The board answers in one piece; there is no smaller request.
      const jobs = await getJobs(ctx);
      return {
        ok: true,
        message: `Ashby board "${ctx.config.board}" answered with ${jobs.length} listed job${jobs.length === 1 ? '' : 's'}`,
        available: jobs.length,
      };
    } catch (error) {
      return { ok: false, message: error instanceof Error ? error.message : String(error) };
    }
  },

  async *fetch(ctx) {
    const jobs = await getJobs(ctx);
    if (jobs.length > 0) yield jobs;
  },

  normalize(raw, ctx): JobInputDraft {
    const parsed = AshbyJob.safeParse(raw);
    const id = idOf(raw);
    if (!parsed.success) {
      const problems = formatIssues(parsed.error);
      throw refuse(id ?? '?', `cannot be mapped: ${problems.join('; ')}`, problems);
    }
    const job = parsed.data;
    if (id === null) throw refuse('?', `"${job.title}" has neither an id nor a jobUrl`);
    const board = ctx.config.board;
    const url =
      httpUrl(job.jobUrl) ??
      `https://jobs.ashbyhq.com/${encodeURIComponent(board)}/${encodeURIComponent(id)}`;
    const html = job.descriptionHtml?.trim()
      ? job.descriptionHtml
      : textToHtml(job.descriptionPlain ?? '');
    const description = html.replace(DATA_URI, '');
    if (description.length > MAX_DESCRIPTION_CHARS) {
      throw refuse(
        id,
        `description is ${description.length} characters, over the ${MAX_DESCRIPTION_CHARS}-character limit (not stored)`,
      );
    }
    // Every location the posting names, the primary first.
    const places = [job.location, ...(job.secondaryLocations ?? []).map((s) => s.location)]
      .map((l) => l?.trim() ?? '')
      .filter((l, i, all) => l !== '' && all.indexOf(l) === i);
    const workplace = WORKPLACE[(job.workplaceType ?? '').toLowerCase().replace(/[^a-z]/g, '')];
    return {
      sourceType: ASHBY_TYPE,
      sourceId: ctx.sourceId,
      externalId: id,
      url,
      title: job.title,
      company: ctx.config.company ?? board,
      location: places.length === 0 ? null : places.join('; '),
      // workplaceType is newer than isRemote; isRemote false alone does not mean on-site.
      remote: workplace ?? (job.isRemote === true ? 'remote' : 'unknown'),
      employmentType:
        EMPLOYMENT[(job.employmentType ?? '').toLowerCase().replace(/[^a-z]/g, '')] ?? 'unknown',
      salary: ashbySalary(job),
      descriptionHtml: description,
      descriptionText: '',
      skills: [],
      postedAt: isoDate(job.publishedAt),
      fetchedAt: ctx.now().toISOString(),
      raw,
    };
  },
});
