import { z } from 'zod';
import {
  escapeHtml,
  inferEmploymentType,
  inferRemote,
  textToHtml,
  type JobInputDraft,
  type RemoteMode,
} from '@applydesk/domain';
import { BaseSourceConfig, defineSource, type SourceContext } from '../adapter.js';
import { httpFailure } from '../http/http-client.js';
import { maxPagesOption } from '../shared/config-fields.js';
import { dateOfAge } from '../shared/dates.js';
import { maskSecrets, refusedKey, rethrowKeyed, type RefusedKey } from '../shared/mask.js';
import { postingObject, refuse } from '../shared/refuse.js';
import { withSignal } from '../shared/requests.js';
import { text } from '../shared/text-fields.js';
import { apiBase, looksLikeHttpUrl } from '../shared/urls.js';

const REFUSED: RefusedKey = {
  source: 'SerpApi',
  what: 'the API key',
  check: 'SERPAPI_API_KEY',
  hint: 'set SERPAPI_API_KEY to the key at https://serpapi.com/manage-api-key',
};
const DEFAULT_BASE_URL = 'https://serpapi.com';
/** What SerpApi says, with HTTP 200, when Google found nothing: an empty search, not a failure. */
const NO_RESULTS = /hasn't returned any results|returned no results|no results found/i;

export const SerpApiConfig = BaseSourceConfig.extend({
  type: z.literal('serpapi'),
  query: z
    .string()
    .min(1)
    .describe('what to search Google Jobs for (`q`), e.g. "typescript developer"'),
  location: z
    .string()
    .min(1)
    .optional()
    .describe('where, as SerpApi names places (e.g. "Austin, Texas, United States")'),
  maxPages: maxPagesOption(
    20,
    'pages of about 10 postings per run; each page costs one SerpApi search',
    3,
  ),
});
export type SerpApiConfig = z.infer<typeof SerpApiConfig>;

export const SerpApiSecrets = z.object({ SERPAPI_API_KEY: z.string().min(1) });
export type SerpApiSecrets = z.infer<typeof SerpApiSecrets>;

/** One `jobs_results` entry of SerpApi's Google Jobs engine. */
export interface SerpApiPosting {
  title?: string;
  company_name?: string;
  location?: string;
  via?: string;
  share_link?: string;
  description?: string;
  job_highlights?: { title?: string; items?: string[] }[];
  related_links?: { link?: string; text?: string }[];
  extensions?: string[];
  detected_extensions?: {
    posted_at?: string;
    schedule_type?: string;
    salary?: string;
    work_from_home?: boolean;
  };
  job_id?: string;
  apply_options?: { title?: string; link?: string }[];
}

interface SerpApiPage {
  error?: string;
  jobs_results?: unknown[];
  serpapi_pagination?: { next_page_token?: string };
}

function searchUrl(config: SerpApiConfig, secrets: SerpApiSecrets, token: string | null): string {
  const base = apiBase(config.baseUrl, DEFAULT_BASE_URL);
  const params = new URLSearchParams({ engine: 'google_jobs', q: config.query });
  if (config.location !== undefined) params.set('location', config.location);
  if (token !== null) params.set('next_page_token', token);
  params.set('api_key', secrets.SERPAPI_API_KEY);
  return `${base}/search.json?${params.toString()}`;
}

async function getPage(
  ctx: SourceContext<SerpApiConfig, SerpApiSecrets>,
  token: string | null,
): Promise<SerpApiPage> {
  const url = searchUrl(ctx.config, ctx.secrets, token);
  let body: unknown;
  try {
    body = await ctx.http.getJson(url, withSignal(ctx.signal));
  } catch (error) {
    // The key travels as `api_key` in the query.
    rethrowKeyed(error, [ctx.secrets.SERPAPI_API_KEY], REFUSED);
  }
  const key = [ctx.secrets.SERPAPI_API_KEY];
  const where = maskSecrets(url, key);
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw httpFailure('malformed', where, 'SerpApi answered something other than a search result');
  }
  const page = body as SerpApiPage;
  if (typeof page.error === 'string' && page.error !== '') {
    if (NO_RESULTS.test(page.error)) return { jobs_results: [] };
    if (/api[ _]?key/i.test(page.error)) throw refusedKey(REFUSED, { kind: 'auth', url }, key);
    if (/run out of searches|rate limit|too many/i.test(page.error)) {
      throw httpFailure('rate_limited', where, `SerpApi: ${maskSecrets(page.error, key)}`);
    }
    throw httpFailure('server', where, `SerpApi: ${maskSecrets(page.error, key)}`);
  }
  if (page.jobs_results !== undefined && !Array.isArray(page.jobs_results)) {
    throw httpFailure('malformed', where, 'SerpApi answered `jobs_results` that is not a list');
  }
  return page;
}

function remoteMode(posting: SerpApiPosting, title: string, location: string | null): RemoteMode {
  if (posting.detected_extensions?.work_from_home === true) return 'remote';
  return inferRemote({ title, location });
}

/** The description is plain text with line breaks; highlights become headed lists. */
function descriptionHtml(posting: SerpApiPosting): string {
  const parts = [textToHtml(text(posting.description))];
  for (const highlight of posting.job_highlights ?? []) {
    const items = (highlight.items ?? []).filter(
      (i): i is string => typeof i === 'string' && i.trim() !== '',
    );
    if (items.length === 0) continue;
    const heading = text(highlight.title);
    if (heading !== '') parts.push(`<h3>${escapeHtml(heading)}</h3>`);
    parts.push(`<ul>${items.map((i) => `<li>${escapeHtml(i.trim())}</li>`).join('')}</ul>`);
  }
  const salary = text(posting.detected_extensions?.salary);
  if (salary !== '') parts.push(`<p>Salary: ${escapeHtml(salary)}</p>`);
  return parts.filter((p) => p !== '').join('\n');
}

function firstLink(posting: SerpApiPosting): string {
  const links = [
    ...(posting.apply_options ?? []).map((o) => o.link),
    posting.share_link,
    ...(posting.related_links ?? []).map((l) => l.link),
  ];
  return links.map(text).find(looksLikeHttpUrl) ?? '';
}

const invalid = (id: string, reason: string) => refuse('SerpApi', id, reason);

/**
 * Maps one Google Jobs result. The link is the first apply option (the employer's or a
 * board's page), else Google's share link. Salaries are Google's free text ("90K–120K a
 * year"), shown as a line of the description and kept in `raw`.
 */
export function normalizeSerpApi(
  raw: unknown,
  ctx: Pick<SourceContext<SerpApiConfig, SerpApiSecrets>, 'sourceId' | 'config' | 'now'>,
): JobInputDraft {
  const posting = postingObject<SerpApiPosting>('SerpApi', raw);
  const id = text(posting.job_id);
  if (id === '') throw invalid(text(posting.title) || '?', 'has no job_id');
  const label = text(posting.title)
    ? `"${text(posting.title)}" (${id.slice(0, 24)}…)`
    : id.slice(0, 24);
  const title = text(posting.title);
  if (title === '') throw invalid(label, 'has no title');
  const url = firstLink(posting);
  if (url === '') throw invalid(label, 'has no apply link or share link');
  const company = text(posting.company_name);
  if (company === '') throw invalid(label, 'names no company');
  const location = text(posting.location) || null;
  return {
    sourceType: 'serpapi',
    sourceId: ctx.sourceId,
    externalId: id,
    url,
    title,
    company,
    location,
    remote: remoteMode(posting, title, location),
    employmentType: inferEmploymentType(text(posting.detected_extensions?.schedule_type)),
    salary: null,
    descriptionHtml: descriptionHtml(posting),
    descriptionText: '',
    // Google shows an age ("3 days ago"), not a date; a vague one ("30+ days ago") is no date.
    postedAt: dateOfAge(posting.detected_extensions?.posted_at, ctx.now()),
    fetchedAt: ctx.now().toISOString(),
    raw,
  };
}

export const serpApiSource = defineSource<SerpApiConfig, SerpApiSecrets>({
  type: 'serpapi',
  label: 'Google Jobs (SerpApi)',
  description:
    "Google's job search through SerpApi: postings Google gathered from boards and career sites",
  terms: {
    termsUrl: 'https://serpapi.com/legal',
    attribution: null,
    minPollMinutes: 720,
    notes:
      'Each page is one paid SerpApi search (the free plan has a small monthly allowance), so keep maxPages low and runs rare. Dates are ages ("3 days ago") read against the run time; vague ones are left empty.',
  },
  configSchema: SerpApiConfig,
  secretSchema: SerpApiSecrets,
  async test(ctx) {
    const page = await getPage(ctx, null);
    const available = page.jobs_results?.length ?? 0;
    return {
      ok: true,
      message: `SerpApi answered: ${available} postings on the first page`,
      available,
    };
  },
  async *fetch(ctx) {
    let token: string | null = null;
    for (let page = 1; page <= ctx.config.maxPages; page++) {
      const body = await getPage(ctx, token);
      const jobs = body.jobs_results ?? [];
      if (jobs.length === 0) return;
      yield jobs;
      const next = body.serpapi_pagination?.next_page_token;
      if (typeof next !== 'string' || next === '' || next === token) return;
      token = next;
    }
  },
  normalize: normalizeSerpApi,
});
