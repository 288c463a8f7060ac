import { z } from 'zod';
import {
  DomainError,
  type EmploymentType,
  type JobInputDraft,
  type RemoteMode,
} from '@applydesk/domain';
import { BaseSourceConfig, defineSource, type SourceContext } from '../adapter.js';
import { failureKind } from '../http/http-client.js';

/** Adzuna's country sites, each with the currency its salaries are quoted in. */
export const ADZUNA_COUNTRIES = {
  gb: 'GBP',
  us: 'USD',
  at: 'EUR',
  au: 'AUD',
  be: 'EUR',
  br: 'BRL',
  ca: 'CAD',
  ch: 'CHF',
  de: 'EUR',
  es: 'EUR',
  fr: 'EUR',
  in: 'INR',
  it: 'EUR',
  mx: 'MXN',
  nl: 'EUR',
  nz: 'NZD',
  pl: 'PLN',
  sg: 'SGD',
  za: 'ZAR',
} as const;
export type AdzunaCountry = keyof typeof ADZUNA_COUNTRIES;

const COUNTRY_CODES = Object.keys(ADZUNA_COUNTRIES) as [AdzunaCountry, ...AdzunaCountry[]];
const RESULTS_PER_PAGE = 50;
const SECRET_NAMES = 'ADZUNA_APP_ID and ADZUNA_APP_KEY';

export const AdzunaConfig = BaseSourceConfig.extend({
  type: z.literal('adzuna'),
  country: z.enum(COUNTRY_CODES).describe("Adzuna's country site: gb, us, de, fr, nl, au, ca, …"),
  query: z.string().min(1).optional().describe('keywords (Adzuna `what`)'),
  location: z.string().min(1).optional().describe('place name (Adzuna `where`)'),
  maxPages: z
    .number()
    .int()
    .min(1)
    .max(100)
    .default(5)
    .describe('pages of 50 postings to read per run'),
});
export type AdzunaConfig = z.infer<typeof AdzunaConfig>;

export const AdzunaSecrets = z.object({
  ADZUNA_APP_ID: z.string().min(1),
  ADZUNA_APP_KEY: z.string().min(1),
});
export type AdzunaSecrets = z.infer<typeof AdzunaSecrets>;

/** One result as Adzuna's search endpoint sends it (fields it may leave out are optional). */
export interface AdzunaPosting {
  id?: string | number;
  title?: string;
  description?: string;
  created?: string;
  redirect_url?: string;
  company?: { display_name?: string };
  location?: { display_name?: string; area?: string[] };
  salary_min?: number;
  salary_max?: number;
  salary_is_predicted?: string | number;
  contract_time?: string;
  contract_type?: string;
  category?: { label?: string; tag?: string };
}

interface AdzunaPage {
  count?: number;
  results?: unknown[];
}

const DEFAULT_BASE_URL = 'https://api.adzuna.com';

function searchUrl(
  config: AdzunaConfig,
  secrets: AdzunaSecrets,
  page: number,
  perPage: number,
): string {
  const base = (config.baseUrl ?? DEFAULT_BASE_URL).replace(/\/+$/, '');
  const params = new URLSearchParams({
    app_id: secrets.ADZUNA_APP_ID,
    app_key: secrets.ADZUNA_APP_KEY,
    results_per_page: String(perPage),
    'content-type': 'application/json',
  });
  if (config.query !== undefined) params.set('what', config.query);
  if (config.location !== undefined) params.set('where', config.location);
  return `${base}/v1/api/jobs/${config.country}/search/${page}?${params.toString()}`;
}

/** Removes every spelling of the credentials from a text (raw and URL-encoded). */
function redact(text: string, secrets: AdzunaSecrets): string {
  let out = text;
  for (const secret of [secrets.ADZUNA_APP_KEY, secrets.ADZUNA_APP_ID]) {
    for (const form of new Set([secret, encodeURIComponent(secret)]))
      out = out.split(form).join('***');
  }
  return out;
}

/** Re-raises a client failure without the keys, naming the variables to check when access is refused. */
function rethrow(error: unknown, secrets: AdzunaSecrets): never {
  const kind = failureKind(error);
  if (kind === null || !(error instanceof DomainError)) throw error;
  const details = { ...error.details };
  if (typeof details.url === 'string') details.url = redact(details.url, secrets);
  if (kind === 'auth') {
    const status = typeof details.status === 'number' ? ` (HTTP ${details.status})` : '';
    throw new DomainError(
      'UPSTREAM_FAILED',
      `Adzuna refused the credentials${status}: check ${SECRET_NAMES}`,
      {
        hint: `set ${SECRET_NAMES} from https://developer.adzuna.com/admin/access_details`,
        details,
      },
    );
  }
  throw new DomainError('UPSTREAM_FAILED', redact(error.message, secrets), {
    ...(error.hint === undefined ? {} : { hint: error.hint }),
    details,
  });
}

async function getPage(
  ctx: SourceContext<AdzunaConfig, AdzunaSecrets>,
  page: number,
  perPage: number,
): Promise<AdzunaPage> {
  const url = searchUrl(ctx.config, ctx.secrets, page, perPage);
  let body: unknown;
  try {
    body = await ctx.http.getJson(url, ctx.signal === undefined ? {} : { signal: ctx.signal });
  } catch (error) {
    rethrow(error, ctx.secrets);
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new DomainError(
      'UPSTREAM_FAILED',
      `Adzuna answered page ${page} with something other than a search result`,
      {
        details: { kind: 'malformed', url: redact(url, ctx.secrets) },
      },
    );
  }
  const record = body as AdzunaPage;
  if (record.results !== undefined && !Array.isArray(record.results)) {
    throw new DomainError(
      'UPSTREAM_FAILED',
      `Adzuna answered page ${page} with \`results\` that is not a list`,
      {
        details: { kind: 'malformed', url: redact(url, ctx.secrets) },
      },
    );
  }
  return record;
}

function text(value: unknown): string {
  return typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : '';
}

/** Adzuna wraps the search words in `<strong>` in titles; a title is plain text. */
function stripTags(value: string): string {
  return value
    .replace(/<[^>]*>/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function isoOrNull(value: unknown): string | null {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}/.test(value)) return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

function employmentType(posting: AdzunaPosting): EmploymentType {
  if (posting.contract_type === 'contract') return 'contract';
  if (posting.contract_time === 'full_time') return 'full_time';
  if (posting.contract_time === 'part_time') return 'part_time';
  return 'unknown';
}

function remoteMode(...texts: string[]): RemoteMode {
  const joined = texts.join(' ');
  if (/\bhybrid\b/i.test(joined)) return 'hybrid';
  if (/\bremote\b|\bwork(ing)? from home\b|\bhome[- ]based\b/i.test(joined)) return 'remote';
  return 'unknown';
}

function amount(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : null;
}

/**
 * Adzuna's salaries are annual, in the country's currency. A salary Adzuna estimated
 * (`salary_is_predicted` "1") is left out: it is Adzuna's guess, not the employer's offer,
 * and it stays in `raw` for whoever wants it.
 */
function salary(posting: AdzunaPosting, country: AdzunaCountry): JobInputDraft['salary'] {
  if (String(posting.salary_is_predicted ?? '0') === '1') return null;
  let min = amount(posting.salary_min);
  let max = amount(posting.salary_max);
  if (min === null && max === null) return null;
  if (min !== null && max !== null && min > max) [min, max] = [max, min];
  return { min, max, currency: ADZUNA_COUNTRIES[country], period: 'year' };
}

function invalid(id: string, reason: string): DomainError {
  return new DomainError('INVALID_INPUT', `Adzuna posting ${id}: ${reason}`, {
    details: { externalId: id },
  });
}

export function normalizeAdzuna(
  raw: unknown,
  ctx: Pick<SourceContext<AdzunaConfig, AdzunaSecrets>, 'sourceId' | 'config' | 'now'>,
): JobInputDraft {
  if (typeof raw !== 'object' || raw === null) throw invalid('?', 'is not an object');
  const posting = raw as AdzunaPosting;
  const id = text(posting.id);
  if (id === '') throw invalid('?', 'has no id');
  const title = stripTags(text(posting.title));
  if (title === '') throw invalid(id, 'has no title');
  const url = text(posting.redirect_url);
  if (!/^https?:\/\//i.test(url)) throw invalid(id, 'has no redirect_url');
  const company = text(posting.company?.display_name);
  if (company === '') throw invalid(id, 'names no company');
  const location = text(posting.location?.display_name) || null;
  return {
    sourceType: 'adzuna',
    sourceId: ctx.sourceId,
    externalId: id,
    url,
    title,
    company,
    location,
    remote: remoteMode(title, location ?? ''),
    employmentType: employmentType(posting),
    salary: salary(posting, ctx.config.country),
    descriptionHtml: text(posting.description),
    descriptionText: '',
    postedAt: isoOrNull(posting.created),
    fetchedAt: ctx.now().toISOString(),
    raw,
  };
}

export const adzunaSource = defineSource<AdzunaConfig, AdzunaSecrets>({
  type: 'adzuna',
  label: 'Adzuna',
  description:
    "Adzuna's job search API: postings aggregated from many boards, by country, keywords and place",
  terms: {
    termsUrl: 'https://developer.adzuna.com/docs/terms_of_service',
    attribution:
      'Jobs by Adzuna (https://www.adzuna.com): show "Jobs by Adzuna" with a link to Adzuna wherever these postings are shown',
    minPollMinutes: 60,
    notes:
      'Free keys allow about 25 calls a minute and 250 a day; each page is one call. Estimated salaries (salary_is_predicted) are not used.',
  },
  configSchema: AdzunaConfig,
  secretSchema: AdzunaSecrets,
  async test(ctx) {
    const page = await getPage(ctx, 1, 1);
    const available = typeof page.count === 'number' ? page.count : (page.results?.length ?? 0);
    return {
      ok: true,
      message: `Adzuna ${ctx.config.country} answered: ${available} postings match`,
      available,
    };
  },
  async *fetch(ctx) {
    let seen = 0;
    for (let page = 1; page <= ctx.config.maxPages; page++) {
      const body = await getPage(ctx, page, RESULTS_PER_PAGE);
      const results = body.results ?? [];
      if (results.length === 0) return;
      yield results;
      seen += results.length;
      if (results.length < RESULTS_PER_PAGE) return;
      if (typeof body.count === 'number' && seen >= body.count) return;
    }
  },
  normalize: normalizeAdzuna,
});
