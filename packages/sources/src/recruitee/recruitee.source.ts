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
 * Recruitee Careers Site API (https://docs.recruitee.com/reference/intro-to-careers-site-api): public, keyless;
 * one request returns every published offer of a company, descriptions included:
 *
 *   GET https://{account}.recruitee.com/api/offers/
 *
 * A company on its own careers domain answers the same path there: set `baseUrl` to it.
 */
export const RECRUITEE_TYPE = 'recruitee';
/** Longest description a posting may carry once inline images are dropped; longer ones are refused. */
export const MAX_DESCRIPTION_CHARS = 1_000_000;

/** A company subdomain, or a careers site address it is read from (acme.recruitee.com). */
function accountName(value: string): string {
  const match = /^(?:https?:\/\/)?([^./]+)\.recruitee\.com(?:[/?#]|$)/i.exec(value);
  return match?.[1] ?? value;
}

export const RecruiteeConfig = BaseSourceConfig.extend({
  type: z.literal(RECRUITEE_TYPE),
  account: z
    .string()
    .trim()
    .min(1)
    .transform(accountName)
    .pipe(
      z.string().regex(/^[A-Za-z0-9-]+$/, 'a Recruitee company subdomain: letters, digits and -'),
    )
    .describe(
      'company subdomain: the name before .recruitee.com in the careers site address (that address works too)',
    ),
  company: z
    .string()
    .trim()
    .min(1)
    .optional()
    .describe(
      'company name shown on postings (default: the name Recruitee sends, else the subdomain)',
    ),
});
export type RecruiteeConfig = z.infer<typeof RecruiteeConfig>;

const TEXT = z.string().nullish();
/** Recruitee writes amounts as numbers on some offers and as strings on others. */
const AMOUNT = z.union([z.number(), z.string()]).nullish();

/** One offer, as documented (fields ApplyDesk reads; the rest stay in `raw`). */
export const RecruiteeOffer = z.object({
  id: z.union([z.number(), z.string().min(1)]),
  slug: TEXT,
  title: z.string().trim().min(1),
  description: TEXT,
  requirements: TEXT,
  careers_url: TEXT,
  company_name: TEXT,
  location: TEXT,
  city: TEXT,
  state_name: TEXT,
  country: TEXT,
  remote: z.boolean().nullish(),
  hybrid: z.boolean().nullish(),
  on_site: z.boolean().nullish(),
  employment_type_code: TEXT,
  // Read leniently: an unreadable date is a null postedAt, not a refused posting.
  published_at: z.unknown().optional(),
  created_at: z.unknown().optional(),
  salary: z.object({ min: AMOUNT, max: AMOUNT, currency: TEXT, period: TEXT }).nullish(),
});
export type RecruiteeOffer = z.infer<typeof RecruiteeOffer>;

const Envelope = z.object({ offers: z.array(z.unknown()) });

type Ctx = Pick<
  SourceContext<RecruiteeConfig, Record<string, never>>,
  'config' | 'http' | 'signal'
>;

function siteBase(config: RecruiteeConfig): string {
  return (config.baseUrl ?? `https://${config.account}.recruitee.com`).replace(/\/+$/, '');
}

export function recruiteeOffersUrl(config: RecruiteeConfig): string {
  return `${siteBase(config)}/api/offers/`;
}

function notFoundMessage(account: string): string {
  return `Recruitee has no careers site "${account}" (HTTP 404): check the company subdomain's spelling; it is the name before .recruitee.com in the careers site address`;
}

function explain(error: unknown, account: string): unknown {
  if (!(error instanceof DomainError) || failureKind(error) !== 'not_found') return error;
  return new DomainError('UPSTREAM_FAILED', notFoundMessage(account), {
    details: error.details,
    cause: error,
  });
}

async function getOffers(ctx: Ctx): Promise<unknown[]> {
  const url = recruiteeOffersUrl(ctx.config);
  let body: unknown;
  try {
    body = await ctx.http.getJson(url, ctx.signal === undefined ? {} : { signal: ctx.signal });
  } catch (error) {
    throw explain(error, ctx.config.account);
  }
  const parsed = Envelope.safeParse(body);
  if (!parsed.success) {
    throw httpFailure(
      'malformed',
      url,
      `${url} answered JSON without an offers list: ${formatIssues(parsed.error).join('; ')}`,
    );
  }
  return parsed.data.offers;
}

// --- mapping helpers --------------------------------------------------------------------------

/** ISO timestamp of an ISO 8601 date or date-time, or Recruitee's "2025-06-01 09:30:00 UTC"; null when unreadable. */
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

/**
 * Recruitee's employment type codes: fulltime, parttime, each also `_permanent` or
 * `_fixed_term`, contract, freelance, internship, traineeship, temporary, volunteer, other.
 */
function employmentOf(code: string | null | undefined): EmploymentType {
  const c = (code ?? '').toLowerCase();
  if (c.startsWith('fulltime')) return 'full_time';
  if (c.startsWith('parttime')) return 'part_time';
  if (c === 'internship' || c === 'traineeship') return 'internship';
  if (c === 'contract') return 'contract';
  if (c === 'freelance') return 'freelance';
  if (c === 'temporary') return 'temporary';
  return 'unknown';
}

/** A job open to remote work is remote to a job seeker, even if an office is an option too. */
function remoteOf(offer: RecruiteeOffer): RemoteMode {
  if (offer.remote === true) return 'remote';
  if (offer.hybrid === true) return 'hybrid';
  if (offer.on_site === true) return 'onsite';
  return 'unknown';
}

const PERIODS: Record<string, SalaryPeriod> = {
  year: 'year',
  yearly: 'year',
  annual: 'year',
  annually: 'year',
  month: 'month',
  monthly: 'month',
  week: 'week',
  weekly: 'week',
  day: 'day',
  daily: 'day',
  hour: 'hour',
  hourly: 'hour',
};

export function recruiteeSalary(offer: RecruiteeOffer): Salary | null {
  const pay = offer.salary;
  if (pay === null || pay === undefined) return null;
  const currency = pay.currency?.trim().toUpperCase() ?? '';
  const period = PERIODS[(pay.period ?? '').trim().toLowerCase()];
  if (!/^[A-Z]{3}$/.test(currency) || period === undefined) return null;
  const amount = (v: number | string | null | undefined) => {
    const n = typeof v === 'string' ? (v.trim() === '' ? Number.NaN : Number(v.trim())) : v;
    return typeof n === 'number' && Number.isFinite(n) && n >= 0 ? n : null;
  };
  let min = amount(pay.min);
  let max = amount(pay.max);
  if (min === null && max === null) return null;
  if (min !== null && max !== null && min > max) [min, max] = [max, min];
  return { min, max, currency, period };
}

function locationOf(offer: RecruiteeOffer): string | null {
  const given = offer.location?.trim();
  if (given) return given;
  const parts = [offer.city, offer.state_name, offer.country]
    .map((p) => p?.trim() ?? '')
    .filter((p, i, all) => p !== '' && all.indexOf(p) === i);
  return parts.length === 0 ? null : parts.join(', ');
}

/** The offer's description, then its requirements as the careers site shows them. */
function descriptionOf(offer: RecruiteeOffer): string {
  const requirements = offer.requirements?.trim()
    ? `<h3>Requirements</h3>${offer.requirements}`
    : '';
  return `${offer.description ?? ''}${requirements}`;
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
  return new DomainError('INVALID_INPUT', `${RECRUITEE_TYPE} posting ${id}: ${reason}`, {
    details: { externalId: id, ...(problems.length === 0 ? {} : { problems }) },
  });
}

export const recruiteeSource = defineSource({
  type: RECRUITEE_TYPE,
  label: 'Recruitee',
  description: "An employer's Recruitee careers site (public Careers Site API, no key).",
  terms: {
    termsUrl: 'https://docs.recruitee.com/reference/intro-to-careers-site-api',
    attribution: null,
    minPollMinutes: 60,
    notes:
      "The Careers Site API is public and meant for a company's own careers pages; Recruitee publishes no rate limit for it, so poll a company at most hourly. Link to each offer's careers_url so applications go through Recruitee.",
  },
  configSchema: RecruiteeConfig,
  secretSchema: z.object({}),

  async test(ctx) {
    try {
      // The offers list comes in one piece; there is no smaller request.
      const offers = await getOffers(ctx);
      const n = offers.length;
      return {
        ok: true,
        message: `Recruitee careers site "${ctx.config.account}" answered with ${n} offer${n === 1 ? '' : 's'}`,
        available: n,
      };
    } catch (error) {
      return { ok: false, message: error instanceof Error ? error.message : String(error) };
    }
  },

  async *fetch(ctx) {
    const offers = await getOffers(ctx);
    if (offers.length > 0) yield offers;
  },

  normalize(raw, ctx): JobInputDraft {
    const parsed = RecruiteeOffer.safeParse(raw);
    if (!parsed.success) {
      const problems = formatIssues(parsed.error);
      throw refuse(idOf(raw), `cannot be mapped: ${problems.join('; ')}`, problems);
    }
    const offer = parsed.data;
    const id = String(offer.id);
    const slug = offer.slug?.trim();
    const url =
      httpUrl(offer.careers_url) ??
      (slug ? `https://${ctx.config.account}.recruitee.com/o/${encodeURIComponent(slug)}` : null);
    if (url === null)
      throw refuse(id, `"${offer.title}" has neither a careers_url nor a slug to link to`);
    const description = descriptionOf(offer).replace(DATA_URI, '');
    if (description.length > MAX_DESCRIPTION_CHARS) {
      throw refuse(
        id,
        `description is ${description.length} characters, over the ${MAX_DESCRIPTION_CHARS}-character limit (not stored)`,
      );
    }
    return {
      sourceType: RECRUITEE_TYPE,
      sourceId: ctx.sourceId,
      externalId: id,
      url,
      title: offer.title,
      company: ctx.config.company ?? (offer.company_name?.trim() || ctx.config.account),
      location: locationOf(offer),
      remote: remoteOf(offer),
      employmentType: employmentOf(offer.employment_type_code),
      salary: recruiteeSalary(offer),
      descriptionHtml: description,
      descriptionText: '',
      skills: [],
      postedAt: isoDate(offer.published_at) ?? isoDate(offer.created_at),
      fetchedAt: ctx.now().toISOString(),
      raw,
    };
  },
});
