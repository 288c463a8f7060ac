import { z } from 'zod';
import {
  DomainError,
  formatIssues,
  type EmploymentType,
  type JobInputDraft,
  type RemoteMode,
  type Salary,
  type SalaryPeriod,
} from '@applydesk/domain';
import { BaseSourceConfig, defineSource, type SourceContext } from '../adapter.js';
import { failureKind, httpFailure } from '../http/http-client.js';

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
/** Longest description a posting may carry once inline images are dropped; longer ones are refused. */
export const MAX_DESCRIPTION_CHARS = 1_000_000;

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
  board: z
    .string()
    .trim()
    .min(1)
    .transform(boardToken)
    .pipe(z.string().regex(/^[A-Za-z0-9_.-]+$/, 'a board token: letters, digits, -, _ and .'))
    .describe(
      'board token: the name after boards.greenhouse.io/ in the careers page address (that address works too)',
    ),
  company: z
    .string()
    .trim()
    .min(1)
    .optional()
    .describe(
      'company name shown on postings (default: the name Greenhouse sends, else the board token)',
    ),
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

function apiBase(config: GreenhouseConfig): string {
  return (config.baseUrl ?? DEFAULT_BASE).replace(/\/+$/, '');
}

export function greenhouseJobsUrl(config: GreenhouseConfig, withContent = true): string {
  const url = `${apiBase(config)}/v1/boards/${encodeURIComponent(config.board)}/jobs`;
  return withContent ? `${url}?content=true&pay_transparency=true` : url;
}

function notFoundMessage(board: string): string {
  return `Greenhouse has no job board "${board}" (HTTP 404): check the board token's spelling; it is the name after boards.greenhouse.io/ in the careers page address`;
}

/** A 404 from the board URL means the token is wrong: say so, keeping the failure's kind. */
function explain(error: unknown, board: string): unknown {
  if (!(error instanceof DomainError) || failureKind(error) !== 'not_found') return error;
  return new DomainError('UPSTREAM_FAILED', notFoundMessage(board), {
    details: error.details,
    cause: error,
  });
}

async function getBoard(ctx: Ctx, url: string): Promise<z.infer<typeof Envelope>> {
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
  return parsed.data;
}

// --- mapping helpers --------------------------------------------------------------------------

/** ISO timestamp of an ISO 8601 date or date-time (no offset read as UTC); null when unreadable. */
export function isoDate(value: unknown): string | null {
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

function employmentFromText(text: string): EmploymentType {
  const t = text.toLowerCase().replace(/[^a-z]/g, '');
  if (t === '') return 'unknown';
  if (/intern(?!al)|trainee|apprentice|werkstudent/.test(t)) return 'internship';
  if (/temp|seasonal|fixedterm/.test(t)) return 'temporary';
  if (/freelance/.test(t)) return 'freelance';
  if (/contract|contractor/.test(t)) return 'contract';
  if (/parttime/.test(t)) return 'part_time';
  if (/fulltime|permanent|regular/.test(t)) return 'full_time';
  return 'unknown';
}

function remoteFromText(text: string): RemoteMode {
  if (/\bhybrid\b/i.test(text)) return 'hybrid';
  if (/\bremote\b|\banywhere\b/i.test(text)) return 'remote';
  if (/\bon[- ]?site\b|\bin[- ]office\b|\bin[- ]person\b/i.test(text)) return 'onsite';
  return 'unknown';
}

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
    const currency = range.currency_type?.trim().toUpperCase() ?? '';
    if (!/^[A-Z]{3}$/.test(currency)) continue;
    const units = (cents: number | null | undefined) =>
      typeof cents === 'number' && Number.isFinite(cents) && cents >= 0 ? cents / 100 : null;
    let min = units(range.min_cents);
    let max = units(range.max_cents);
    if (min === null && max === null) continue;
    if (min !== null && max !== null && min > max) [min, max] = [max, min];
    return { min, max, currency, period: payPeriod(range, max) };
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

function idOf(raw: unknown): string {
  if (typeof raw === 'object' && raw !== null && 'id' in raw) {
    const id = raw.id;
    if (typeof id === 'string' || typeof id === 'number') return String(id);
  }
  return '?';
}

function refuse(id: string, reason: string, problems: string[] = []): DomainError {
  return new DomainError('INVALID_INPUT', `${GREENHOUSE_TYPE} posting ${id}: ${reason}`, {
    details: { externalId: id, ...(problems.length === 0 ? {} : { problems }) },
  });
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

  async test(ctx) {
    try {
      // The list without content is small and still says how many jobs there are.
      const board = await getBoard(ctx, greenhouseJobsUrl(ctx.config, false));
      const available = board.meta?.total ?? board.jobs.length;
      return {
        ok: true,
        message: `Greenhouse board "${ctx.config.board}" answered with ${available} job${available === 1 ? '' : 's'}`,
        available,
      };
    } catch (error) {
      return { ok: false, message: error instanceof Error ? error.message : String(error) };
    }
  },

  async *fetch(ctx) {
    const board = await getBoard(ctx, greenhouseJobsUrl(ctx.config));
    if (board.jobs.length > 0) yield board.jobs;
  },

  normalize(raw, ctx): JobInputDraft {
    const parsed = GreenhouseJob.safeParse(raw);
    if (!parsed.success) {
      const problems = formatIssues(parsed.error);
      throw refuse(idOf(raw), `cannot be mapped: ${problems.join('; ')}`, problems);
    }
    const job = parsed.data;
    const id = String(job.id);
    const board = ctx.config.board;
    const url =
      httpUrl(job.absolute_url) ??
      `https://boards.greenhouse.io/${encodeURIComponent(board)}/jobs/${encodeURIComponent(id)}`;
    const description = (job.content ?? '').replace(DATA_URI, '');
    if (description.length > MAX_DESCRIPTION_CHARS) {
      throw refuse(
        id,
        `description is ${description.length} characters, over the ${MAX_DESCRIPTION_CHARS}-character limit (not stored)`,
      );
    }
    const location = job.location?.name?.trim() || null;
    const workplace = remoteFromText(
      metadataText(job, /workplace|remote|location type|work (type|arrangement|model|setting)/i),
    );
    return {
      sourceType: GREENHOUSE_TYPE,
      sourceId: ctx.sourceId,
      externalId: id,
      url,
      title: job.title,
      company: ctx.config.company ?? (job.company_name?.trim() || board),
      location,
      remote: workplace !== 'unknown' ? workplace : remoteFromText(location ?? ''),
      employmentType: employmentFromText(
        metadataText(job, /employment|job type|commitment|time type|contract type/i),
      ),
      salary: greenhouseSalary(job),
      descriptionHtml: description,
      descriptionText: '',
      skills: [],
      postedAt: isoDate(job.first_published) ?? isoDate(job.updated_at),
      fetchedAt: ctx.now().toISOString(),
      raw,
    };
  },
});
