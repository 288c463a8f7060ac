import { z } from 'zod';
import {
  escapeHtml,
  inferEmploymentType,
  inferRemote,
  looksLikeHtml,
  textToHtml,
  type JobInputDraft,
  type RemoteMode,
  type Salary,
  type SalaryPeriod,
} from '@applydesk/domain';
import { BaseSourceConfig, defineSource, type SourceContext } from '../adapter.js';
import { httpFailure } from '../http/http-client.js';
import { boardOption, companyOption } from '../shared/config-fields.js';
import { firstDate } from '../shared/dates.js';
import { boundedDescription } from '../shared/description.js';
import { idOf, parsePosting } from '../shared/refuse.js';
import { explainNotFound, reportTest, withSignal } from '../shared/requests.js';
import { amountOf, currencyCode, salaryRange } from '../shared/salary.js';
import { placesText } from '../shared/text-fields.js';
import { apiBase, httpUrl } from '../shared/urls.js';

/**
 * Lever Postings API (https://github.com/lever/postings-api): public, keyless, published
 * postings only. Two instances: global (api.lever.co) and EU (api.eu.lever.co).
 *
 *   GET https://api.lever.co/v0/postings/{site}?mode=json&skip={n}&limit={m}
 *
 * Without `limit` Lever answers every posting at once; pages of LEVER_PAGE_SIZE keep each
 * answer small. A page shorter than the limit is the last.
 */
export const LEVER_TYPE = 'lever';
export const LEVER_PAGE_SIZE = 100;
const MAX_PAGES = 200;
const API_BASE = { global: 'https://api.lever.co', eu: 'https://api.eu.lever.co' } as const;
const JOBS_BASE = { global: 'https://jobs.lever.co', eu: 'https://jobs.eu.lever.co' } as const;

/** A site name, or the job site address it is read from (jobs.lever.co/acme). */
function siteName(value: string): string {
  const match = /^https?:\/\/(?:jobs|api)(?:\.eu)?\.lever\.co\/(?:v0\/postings\/)?([^/?#]+)/i.exec(
    value,
  );
  return match?.[1] ?? value;
}

export const LeverConfig = BaseSourceConfig.extend({
  type: z.literal(LEVER_TYPE),
  site: boardOption(
    siteName,
    /^[A-Za-z0-9_.-]+$/,
    'a Lever site name: letters, digits, -, _ and .',
    'site name: the name after jobs.lever.co/ in the job site address (that address works too)',
  ),
  region: z
    .enum(['global', 'eu'])
    .default('global')
    .describe('Lever instance: global (jobs.lever.co) or eu (jobs.eu.lever.co)'),
  company: companyOption('the site name; Lever sends none'),
});
export type LeverConfig = z.infer<typeof LeverConfig>;

const TITLE = 'the title (`text`) is missing';

/** One posting in JSON mode, as documented (fields ApplyDesk reads; the rest stay in `raw`). */
export const LeverPosting = z.object({
  id: z.string().min(1),
  text: z.string({ error: TITLE }).trim().min(1, TITLE),
  hostedUrl: z.string().nullish(),
  // Read leniently: an unreadable date is a null postedAt, not a refused posting.
  createdAt: z.unknown().optional(),
  categories: z
    .object({
      location: z.string().nullish(),
      allLocations: z.array(z.string()).nullish(),
      commitment: z.string().nullish(),
    })
    .nullish(),
  description: z.string().nullish(),
  descriptionPlain: z.string().nullish(),
  lists: z.array(z.object({ text: z.string().nullish(), content: z.string().nullish() })).nullish(),
  additional: z.string().nullish(),
  workplaceType: z.string().nullish(),
  salaryRange: z
    .object({
      min: z.number().nullish(),
      max: z.number().nullish(),
      currency: z.string().nullish(),
      interval: z.string().nullish(),
    })
    .nullish(),
});
export type LeverPosting = z.infer<typeof LeverPosting>;

type Ctx = Pick<SourceContext<LeverConfig, Record<string, never>>, 'config' | 'http' | 'signal'>;

export function leverApiBase(config: LeverConfig): string {
  return apiBase(config.baseUrl, API_BASE[config.region]);
}

export function leverPostingsUrl(
  config: LeverConfig,
  skip: number,
  limit = LEVER_PAGE_SIZE,
): string {
  return `${leverApiBase(config)}/v0/postings/${encodeURIComponent(config.site)}?mode=json&skip=${skip}&limit=${limit}`;
}

function notFoundMessage(config: LeverConfig): string {
  const other =
    config.region === 'global'
      ? 'or set region: eu if the site is at jobs.eu.lever.co'
      : 'or set region: global if the site is at jobs.lever.co';
  return `Lever has no job site "${config.site}" on its ${config.region} instance (HTTP 404): check the site name's spelling (the name after jobs.lever.co/), ${other}`;
}

async function getPage(ctx: Ctx, url: string): Promise<unknown[]> {
  let body: unknown;
  try {
    body = await ctx.http.getJson(url, withSignal(ctx.signal));
  } catch (error) {
    throw explainNotFound(error, notFoundMessage(ctx.config));
  }
  if (!Array.isArray(body)) {
    throw httpFailure('malformed', url, `${url} answered JSON that is not a list of postings`);
  }
  return body as unknown[];
}

// --- mapping helpers --------------------------------------------------------------------------

const WORKPLACE: Record<string, RemoteMode> = {
  remote: 'remote',
  hybrid: 'hybrid',
  'on-site': 'onsite',
  onsite: 'onsite',
};

/** Lever's documented intervals: per-year-salary, per-month-salary, per-week-salary, per-day-wage, per-hour-wage. */
function intervalPeriod(interval: string): SalaryPeriod | null {
  const t = interval.toLowerCase();
  if (t.includes('year') || t.includes('annual')) return 'year';
  if (t.includes('month')) return 'month';
  if (t.includes('week')) return 'week';
  if (t.includes('day') || t.includes('daily')) return 'day';
  if (t.includes('hour')) return 'hour';
  return null; // one-time and unknown intervals are no salary
}

export function leverSalary(range: LeverPosting['salaryRange']): Salary | null {
  if (range === null || range === undefined) return null;
  const currency = currencyCode(range.currency);
  const period = intervalPeriod(range.interval ?? '');
  if (currency === null || period === null) return null;
  return salaryRange(amountOf(range.min), amountOf(range.max), currency, period);
}

function asHtml(text: string | null | undefined): string {
  if (text === null || text === undefined || text.trim() === '') return '';
  return looksLikeHtml(text) ? text : textToHtml(text);
}

/** The page as Lever's job site shows it: description, each list under its heading, closing. */
export function leverDescriptionHtml(posting: LeverPosting): string {
  const lists = (posting.lists ?? [])
    .filter((list) => (list.content ?? '').trim() !== '')
    .map(
      (list) =>
        `${list.text?.trim() ? `<h3>${escapeHtml(list.text.trim())}</h3>` : ''}<ul>${list.content}</ul>`,
    );
  return [
    asHtml(posting.description ?? posting.descriptionPlain),
    ...lists,
    asHtml(posting.additional),
  ].join('');
}

export const leverSource = defineSource({
  type: LEVER_TYPE,
  label: 'Lever',
  description: "An employer's Lever job site (public Postings API, no key; global or EU instance).",
  terms: {
    termsUrl: 'https://github.com/lever/postings-api',
    attribution: null,
    minPollMinutes: 60,
    notes:
      "The Postings API is public and meant for building job sites; only published postings are visible. Lever publishes no read rate limit, so poll a site at most hourly. Link to each posting's hostedUrl so applications go through Lever.",
  },
  configSchema: LeverConfig,
  secretSchema: z.object({}),

  test(ctx) {
    return reportTest(async () => {
      const page = await getPage(ctx, leverPostingsUrl(ctx.config, 0, 1));
      return {
        ok: true,
        message:
          page.length === 0
            ? `Lever site "${ctx.config.site}" answered, with no posting right now`
            : `Lever site "${ctx.config.site}" answered with postings`,
      };
    });
  },

  async *fetch(ctx) {
    const seen = new Set<string>();
    let skip = 0;
    for (let n = 0; n < MAX_PAGES; n += 1) {
      const page = await getPage(ctx, leverPostingsUrl(ctx.config, skip));
      // Postings that moved between pages (one closed meanwhile) would come twice: keep the first.
      const fresh = page.filter((item) => {
        const id = idOf(item);
        if (id !== '?' && seen.has(id)) return false;
        seen.add(id);
        return true;
      });
      if (fresh.length > 0) yield fresh;
      // A short page is the last; a page of nothing new means the site ignores `skip`.
      if (page.length < LEVER_PAGE_SIZE || fresh.length === 0) return;
      skip += page.length;
    }
  },

  normalize(raw, ctx): JobInputDraft {
    const posting = parsePosting(LeverPosting, raw, LEVER_TYPE, idOf(raw));
    const { site, region } = ctx.config;
    const url =
      httpUrl(posting.hostedUrl) ??
      `${JOBS_BASE[region]}/${encodeURIComponent(site)}/${encodeURIComponent(posting.id)}`;
    const description = boundedDescription(LEVER_TYPE, posting.id, leverDescriptionHtml(posting));
    const categories = posting.categories;
    // Every location the posting names, the primary first.
    const location = placesText([categories?.location, ...(categories?.allLocations ?? [])]);
    const workplace = WORKPLACE[(posting.workplaceType ?? '').toLowerCase()];
    return {
      sourceType: LEVER_TYPE,
      sourceId: ctx.sourceId,
      externalId: posting.id,
      url,
      title: posting.text,
      company: ctx.config.company ?? site,
      location,
      // `unspecified` (and postings from before workplaceType) say nothing; a "Remote" location does.
      remote: workplace ?? inferRemote({ location }),
      employmentType: inferEmploymentType(categories?.commitment ?? ''),
      salary: leverSalary(posting.salaryRange),
      descriptionHtml: description,
      descriptionText: '',
      skills: [],
      postedAt: firstDate(ctx.now(), posting.createdAt),
      fetchedAt: ctx.now().toISOString(),
      raw,
    };
  },
});
