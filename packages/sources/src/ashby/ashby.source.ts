import { z } from 'zod';
import {
  textToHtml,
  type EmploymentType,
  type JobInputDraft,
  type RemoteMode,
  type Salary,
  type SalaryPeriod,
} from '@applydesk/domain';
import { BaseSourceConfig, defineSource, type SourceContext } from '../adapter.js';
import { boardOption, companyOption } from '../shared/config-fields.js';
import { firstDate } from '../shared/dates.js';
import { boundedDescription } from '../shared/description.js';
import { parsePosting, refuse } from '../shared/refuse.js';
import { counted, getShaped, reportTest } from '../shared/requests.js';
import { amountOf, currencyCode, salaryRange } from '../shared/salary.js';
import { labelKey, placesText } from '../shared/text-fields.js';
import { apiBase, httpUrl } from '../shared/urls.js';

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

/** A job board name, or the job board address it is read from (jobs.ashbyhq.com/acme). */
function boardName(value: string): string {
  const match = /^https?:\/\/jobs\.ashbyhq\.com\/([^/?#]+)/i.exec(value);
  return match?.[1] === undefined ? value : decodeURIComponent(match[1]);
}

export const AshbyConfig = BaseSourceConfig.extend({
  type: z.literal(ASHBY_TYPE),
  board: boardOption(
    boardName,
    /^[^/?#\s]+$/,
    'an Ashby job board name, without / ? or #',
    'job board name: the name after jobs.ashbyhq.com/ in the job board address (that address works too)',
  ),
  company: companyOption('the board name; Ashby sends none'),
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
  return `${apiBase(config.baseUrl, DEFAULT_BASE)}/posting-api/job-board/${encodeURIComponent(config.board)}?includeCompensation=true`;
}

function notFoundMessage(board: string): string {
  return `Ashby has no job board "${board}" (HTTP 404): check the board name's spelling; it is the name after jobs.ashbyhq.com/ in the job board address`;
}

function isUnlisted(job: unknown): boolean {
  return (
    typeof job === 'object' && job !== null && (job as { isListed?: unknown }).isListed === false
  );
}

/** The board's listed jobs. */
async function getJobs(ctx: Ctx): Promise<unknown[]> {
  const board = await getShaped(ctx, ashbyBoardUrl(ctx.config), {
    schema: Envelope,
    what: 'without a jobs list',
    notFound: notFoundMessage(ctx.config.board),
  });
  return board.jobs.filter((job) => !isUnlisted(job));
}

// --- mapping helpers --------------------------------------------------------------------------

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
    const currency = currencyCode(c.currencyCode);
    const period = INTERVAL[(c.interval ?? '').trim().toUpperCase().replace(/\s+/g, ' ')];
    if (currency === null || period === undefined) continue;
    const salary = salaryRange(amountOf(c.minValue), amountOf(c.maxValue), currency, period);
    if (salary !== null) return salary;
  }
  return null;
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

  test(ctx) {
    return reportTest(async () => {
      // The board answers in one piece; there is no smaller request.
      const jobs = await getJobs(ctx);
      return {
        ok: true,
        message: `Ashby board "${ctx.config.board}" answered with ${counted(jobs.length, 'listed job')}`,
        available: jobs.length,
      };
    });
  },

  async *fetch(ctx) {
    const jobs = await getJobs(ctx);
    if (jobs.length > 0) yield jobs;
  },

  normalize(raw, ctx): JobInputDraft {
    const id = idOf(raw);
    const job = parsePosting(AshbyJob, raw, ASHBY_TYPE, id ?? '?');
    if (id === null) throw refuse(ASHBY_TYPE, '?', `"${job.title}" has neither an id nor a jobUrl`);
    const board = ctx.config.board;
    const url =
      httpUrl(job.jobUrl) ??
      `https://jobs.ashbyhq.com/${encodeURIComponent(board)}/${encodeURIComponent(id)}`;
    const html = job.descriptionHtml?.trim()
      ? job.descriptionHtml
      : textToHtml(job.descriptionPlain ?? '');
    const description = boundedDescription(ASHBY_TYPE, id, html);
    const workplace = WORKPLACE[labelKey(job.workplaceType)];
    return {
      sourceType: ASHBY_TYPE,
      sourceId: ctx.sourceId,
      externalId: id,
      url,
      title: job.title,
      company: ctx.config.company ?? board,
      // Every location the posting names, the primary first.
      location: placesText([
        job.location,
        ...(job.secondaryLocations ?? []).map((s) => s.location),
      ]),
      // workplaceType is newer than isRemote; isRemote false alone does not mean on-site.
      remote: workplace ?? (job.isRemote === true ? 'remote' : 'unknown'),
      employmentType: EMPLOYMENT[labelKey(job.employmentType)] ?? 'unknown',
      salary: ashbySalary(job),
      descriptionHtml: description,
      descriptionText: '',
      skills: [],
      postedAt: firstDate(ctx.now(), job.publishedAt),
      fetchedAt: ctx.now().toISOString(),
      raw,
    };
  },
});
