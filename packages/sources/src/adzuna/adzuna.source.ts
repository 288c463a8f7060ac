import { z } from 'zod';
import { inferRemote, type EmploymentType, type JobInputDraft } from '@applydesk/domain';
import { BaseSourceConfig, defineSource, type SourceContext } from '../adapter.js';
import { httpFailure } from '../http/http-client.js';
import { maxPagesOption } from '../shared/config-fields.js';
import { firstDate } from '../shared/dates.js';
import { maskSecrets, rethrowKeyed, type RefusedKey } from '../shared/mask.js';
import { postingObject, refuse } from '../shared/refuse.js';
import { withSignal } from '../shared/requests.js';
import { amountOf, salaryRange } from '../shared/salary.js';
import { text } from '../shared/text-fields.js';
import { apiBase, looksLikeHttpUrl } from '../shared/urls.js';

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
const REFUSED: RefusedKey = {
  source: 'Adzuna',
  what: 'the credentials',
  check: 'ADZUNA_APP_ID and ADZUNA_APP_KEY',
  hint: 'set ADZUNA_APP_ID and ADZUNA_APP_KEY from https://developer.adzuna.com/admin/access_details',
};

export const AdzunaConfig = BaseSourceConfig.extend({
  type: z.literal('adzuna'),
  country: z.enum(COUNTRY_CODES).describe("Adzuna's country site: gb, us, de, fr, nl, au, ca, …"),
  query: z.string().min(1).optional().describe('keywords (Adzuna `what`)'),
  location: z.string().min(1).optional().describe('place name (Adzuna `where`)'),
  maxPages: maxPagesOption(100, 'pages of 50 postings to read per run'),
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
  const base = apiBase(config.baseUrl, DEFAULT_BASE_URL);
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

const secretsOf = (secrets: AdzunaSecrets) => [secrets.ADZUNA_APP_KEY, secrets.ADZUNA_APP_ID];

async function getPage(
  ctx: SourceContext<AdzunaConfig, AdzunaSecrets>,
  page: number,
  perPage: number,
): Promise<AdzunaPage> {
  const url = searchUrl(ctx.config, ctx.secrets, page, perPage);
  let body: unknown;
  try {
    body = await ctx.http.getJson(url, withSignal(ctx.signal));
  } catch (error) {
    rethrowKeyed(error, secretsOf(ctx.secrets), REFUSED);
  }
  const where = maskSecrets(url, secretsOf(ctx.secrets));
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw httpFailure(
      'malformed',
      where,
      `Adzuna answered page ${page} with something other than a search result`,
    );
  }
  const record = body as AdzunaPage;
  if (record.results !== undefined && !Array.isArray(record.results)) {
    throw httpFailure(
      'malformed',
      where,
      `Adzuna answered page ${page} with \`results\` that is not a list`,
    );
  }
  return record;
}

/** Adzuna wraps the search words in `<strong>` in titles; a title is plain text. */
function stripTags(value: string): string {
  return value
    .replace(/<[^>]*>/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function employmentType(posting: AdzunaPosting): EmploymentType {
  if (posting.contract_type === 'contract') return 'contract';
  if (posting.contract_time === 'full_time') return 'full_time';
  if (posting.contract_time === 'part_time') return 'part_time';
  return 'unknown';
}

/**
 * Adzuna's salaries are annual, in the country's currency. A salary Adzuna estimated
 * (`salary_is_predicted` "1") is left out: it is Adzuna's guess, not the employer's offer,
 * and it stays in `raw` for whoever wants it.
 */
function salary(posting: AdzunaPosting, country: AdzunaCountry): JobInputDraft['salary'] {
  if (String(posting.salary_is_predicted ?? '0') === '1') return null;
  const [min, max] = [amountOf(posting.salary_min), amountOf(posting.salary_max)];
  return salaryRange(min, max, ADZUNA_COUNTRIES[country], 'year');
}

const invalid = (id: string, reason: string) => refuse('Adzuna', id, reason);

export function normalizeAdzuna(
  raw: unknown,
  ctx: Pick<SourceContext<AdzunaConfig, AdzunaSecrets>, 'sourceId' | 'config' | 'now'>,
): JobInputDraft {
  const posting = postingObject<AdzunaPosting>('Adzuna', raw);
  const id = text(posting.id);
  if (id === '') throw invalid('?', 'has no id');
  const title = stripTags(text(posting.title));
  if (title === '') throw invalid(id, 'has no title');
  const url = text(posting.redirect_url);
  if (!looksLikeHttpUrl(url)) throw invalid(id, 'has no redirect_url');
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
    remote: inferRemote({ title, location }),
    employmentType: employmentType(posting),
    salary: salary(posting, ctx.config.country),
    descriptionHtml: text(posting.description),
    descriptionText: '',
    postedAt: firstDate(ctx.now(), posting.created),
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
