import { z } from 'zod';
import {
  inferEmploymentType,
  inferRemote,
  type JobInputDraft,
  type Salary,
  type SalaryPeriod,
} from '@applydesk/domain';
import { BaseSourceConfig, defineSource, type SourceContext } from '../adapter.js';
import { boardOption, companyOption } from '../shared/config-fields.js';
import { firstDate } from '../shared/dates.js';
import { boundedDescription } from '../shared/description.js';
import { idOf, parsePosting } from '../shared/refuse.js';
import { counted, getShaped, reportTest } from '../shared/requests.js';
import { amountOf, currencyCode, salaryRange } from '../shared/salary.js';
import { apiBase, httpUrl } from '../shared/urls.js';

/**
 * Greenhouse Job Board API (https://developers.greenhouse.io/job-board.html): public, keyless.
 * One request returns the whole board; there is no paging.
 *
 *   GET https://boards-api.greenhouse.io/v1/boards/{board}/jobs?content=true&pay_transparency=true
 *
 * `content=true` adds each job's description (HTML escaped once more, passed on as is: prepareJob
 * decodes it). `pay_transparency=true` adds `pay_input_ranges` (in cents) where the employer
 * publishes a pay range; without it the key is absent.
 */
export const GREENHOUSE_TYPE = 'greenhouse';
const DEFAULT_BASE = 'https://boards-api.greenhouse.io';

/** A board token, or the careers page address it is read from (boards.greenhouse.io/acme). */
function boardToken(value: string): string {
  const match =
    /^https?:\/\/(?:job-)?boards(?:\.eu)?\.greenhouse\.io\/(?:embed\/job_board\?for=)?([^/?#&]+)/i.exec(
      value,
    );
  return match?.[1] ?? value;
}

export const GreenhouseConfig = BaseSourceConfig.extend({
  type: z.literal(GREENHOUSE_TYPE),
  board: boardOption(
    boardToken,
    /^[A-Za-z0-9_.-]+$/,
    'a board token: letters, digits, -, _ and .',
    'board token: the name after boards.greenhouse.io/ in the careers page address (that address works too)',
  ),
  company: companyOption('the name Greenhouse sends, else the board token'),
});
export type GreenhouseConfig = z.infer<typeof GreenhouseConfig>;

const PayRange = z.object({
  min_cents: z.number().nullish(),
  max_cents: z.number().nullish(),
  currency_type: z.string().nullish(),
  title: z.string().nullish(),
  blurb: z.string().nullish(),
});

/** One job of the list, as documented (fields ApplyDesk reads; the rest stay in `raw`). */
export const GreenhouseJob = z.object({
  id: z.union([z.number(), z.string().min(1)]),
  title: z.string().trim().min(1),
  absolute_url: z.string().nullish(),
  content: z.string().nullish(),
  // Dates are read leniently: an unreadable one is a null postedAt, not a refused posting.
  updated_at: z.unknown().optional(),
  first_published: z.unknown().optional(),
  company_name: z.string().nullish(),
  location: z.object({ name: z.string().nullish() }).nullish(),
  metadata: z
    .array(z.object({ name: z.string().nullish(), value: z.unknown().optional() }))
    .nullish(),
  pay_input_ranges: z.array(PayRange).nullish(),
});
export type GreenhouseJob = z.infer<typeof GreenhouseJob>;

const Envelope = z.object({
  jobs: z.array(z.unknown()),
  meta: z.object({ total: z.number() }).nullish(),
});

type Ctx = Pick<
  SourceContext<GreenhouseConfig, Record<string, never>>,
  'config' | 'http' | 'signal'
>;

export function greenhouseJobsUrl(config: GreenhouseConfig, withContent = true): string {
  const url = `${apiBase(config.baseUrl, DEFAULT_BASE)}/v1/boards/${encodeURIComponent(config.board)}/jobs`;
  return withContent ? `${url}?content=true&pay_transparency=true` : url;
}

function notFoundMessage(board: string): string {
  return `Greenhouse has no job board "${board}" (HTTP 404): check the board token's spelling; it is the name after boards.greenhouse.io/ in the careers page address`;
}

/** The board's jobs; a 404 means the token is wrong, and says so. */
function getBoard(ctx: Ctx, url: string): Promise<z.infer<typeof Envelope>> {
  return getShaped(ctx, url, {
    schema: Envelope,
    what: 'without a jobs list',
    notFound: notFoundMessage(ctx.config.board),
  });
}

// --- mapping helpers --------------------------------------------------------------------------

/** Metadata values are strings, lists of strings, numbers or null, by the field's type. */
function metadataText(job: GreenhouseJob, name: RegExp): string {
  return (job.metadata ?? [])
    .filter((m) => name.test(m.name ?? ''))
    .flatMap((m): unknown[] => (Array.isArray(m.value) ? (m.value as unknown[]) : [m.value]))
    .filter((v): v is string => typeof v === 'string')
    .join(' ');
}

/** Greenhouse pay ranges carry no interval: the range's heading ("Hourly rate") names it, if anything. */
function payPeriod(range: z.infer<typeof PayRange>, max: number | null): SalaryPeriod {
  const words = `${range.title ?? ''} ${range.blurb ?? ''}`.toLowerCase();
  if (/\bhour|\bhr\b|\/hr\b/.test(words)) return 'hour';
  if (/\bdaily\b|\bper day\b|\bday rate\b/.test(words)) return 'day';
  if (/\bweek/.test(words)) return 'week';
  if (/\bmonth/.test(words)) return 'month';
  if (/\bannual|\byear|\bsalary\b/.test(words)) return 'year';
  return max !== null && max < 1000 ? 'hour' : 'year';
}

/** The first published pay range, from cents to whole units of its currency. */
export function greenhouseSalary(job: GreenhouseJob): Salary | null {
  for (const range of job.pay_input_ranges ?? []) {
    const currency = currencyCode(range.currency_type);
    if (currency === null) continue;
    const units = (cents: number | null | undefined) => {
      const amount = amountOf(cents);
      return amount === null ? null : amount / 100;
    };
    const salary = salaryRange(units(range.min_cents), units(range.max_cents), currency, 'year');
    if (salary !== null) return { ...salary, period: payPeriod(range, salary.max) };
  }
  return null;
}

export const greenhouseSource = defineSource({
  type: GREENHOUSE_TYPE,
  label: 'Greenhouse',
  description: "An employer's Greenhouse job board (public Job Board API, no key).",
  terms: {
    termsUrl: 'https://developers.greenhouse.io/job-board.html',
    attribution: null,
    minPollMinutes: 60,
    notes:
      "The Job Board API is public and meant for showing a company's published jobs; Greenhouse publishes no rate limit, so poll a board at most hourly. Link to each job's absolute_url so applications go through the employer's board.",
  },
  configSchema: GreenhouseConfig,
  secretSchema: z.object({}),

  test(ctx) {
    return reportTest(async () => {
      // The list without content is small and still says how many jobs there are.
      const board = await getBoard(ctx, greenhouseJobsUrl(ctx.config, false));
      const available = board.meta?.total ?? board.jobs.length;
      return {
        ok: true,
        message: `Greenhouse board "${ctx.config.board}" answered with ${counted(available, 'job')}`,
        available,
      };
    });
  },

  async *fetch(ctx) {
    const board = await getBoard(ctx, greenhouseJobsUrl(ctx.config));
    if (board.jobs.length > 0) yield board.jobs;
  },

  normalize(raw, ctx): JobInputDraft {
    const job = parsePosting(GreenhouseJob, raw, GREENHOUSE_TYPE, idOf(raw));
    const id = String(job.id);
    const board = ctx.config.board;
    const url =
      httpUrl(job.absolute_url) ??
      `https://boards.greenhouse.io/${encodeURIComponent(board)}/jobs/${encodeURIComponent(id)}`;
    const description = boundedDescription(GREENHOUSE_TYPE, id, job.content ?? '');
    const location = job.location?.name?.trim() || null;
    const workplace = inferRemote({
      location: metadataText(
        job,
        /workplace|remote|location type|work (type|arrangement|model|setting)/i,
      ),
    });
    return {
      sourceType: GREENHOUSE_TYPE,
      sourceId: ctx.sourceId,
      externalId: id,
      url,
      title: job.title,
      company: ctx.config.company ?? (job.company_name?.trim() || board),
      location,
      remote: workplace !== 'unknown' ? workplace : inferRemote({ location }),
      employmentType: inferEmploymentType(
        metadataText(job, /employment|job type|commitment|time type|contract type/i),
      ),
      salary: greenhouseSalary(job),
      descriptionHtml: description,
      descriptionText: '',
      skills: [],
      postedAt: firstDate(ctx.now(), job.first_published, job.updated_at),
      fetchedAt: ctx.now().toISOString(),
      raw,
    };
  },
});
