import { z } from 'zod';
import {
  DomainError,
  escapeHtml,
  formatIssues,
  looksLikeHtml,
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
/** Longest description a posting may carry once inline images are dropped; longer ones are refused. */
export const MAX_DESCRIPTION_CHARS = 1_000_000;

/** A site name, or the job site address it is read from (jobs.lever.co/acme). */
function siteName(value: string): string {
  const match = /^https?:\/\/(?:jobs|api)(?:\.eu)?\.lever\.co\/(?:v0\/postings\/)?([^/?#]+)/i.exec(
    value,
  );
  return match?.[1] ?? value;
}

export const LeverConfig = BaseSourceConfig.extend({
  type: z.literal(LEVER_TYPE),
  site: z
    .string()
    .trim()
    .min(1)
    .transform(siteName)
    .pipe(z.string().regex(/^[A-Za-z0-9_.-]+$/, 'a Lever site name: letters, digits, -, _ and .'))
    .describe(
      'site name: the name after jobs.lever.co/ in the job site address (that address works too)',
    ),
  region: z
    .enum(['global', 'eu'])
    .default('global')
    .describe('Lever instance: global (jobs.lever.co) or eu (jobs.eu.lever.co)'),
  company: z
    .string()
    .trim()
    .min(1)
    .optional()
    .describe('company name shown on postings (default: the site name; Lever sends none)'),
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
  return (config.baseUrl ?? API_BASE[config.region]).replace(/\/+$/, '');
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

function explain(error: unknown, config: LeverConfig): unknown {
  if (!(error instanceof DomainError) || failureKind(error) !== 'not_found') return error;
  return new DomainError('UPSTREAM_FAILED', notFoundMessage(config), {
    details: error.details,
    cause: error,
  });
}

async function getPage(ctx: Ctx, url: string): Promise<unknown[]> {
  let body: unknown;
  try {
    body = await ctx.http.getJson(url, ctx.signal === undefined ? {} : { signal: ctx.signal });
  } catch (error) {
    throw explain(error, ctx.config);
  }
  if (!Array.isArray(body)) {
    throw httpFailure('malformed', url, `${url} answered JSON that is not a list of postings`);
  }
  return body as unknown[];
}

// --- mapping helpers --------------------------------------------------------------------------

/** Lever's createdAt: milliseconds since the epoch. */
function epochIso(value: unknown): string | null {
  const ms = typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : value;
  if (typeof ms !== 'number' || !Number.isFinite(ms) || ms <= 0 || ms > 8.64e15) return null;
  const iso = new Date(ms).toISOString();
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
  const currency = range.currency?.trim().toUpperCase() ?? '';
  const period = intervalPeriod(range.interval ?? '');
  if (!/^[A-Z]{3}$/.test(currency) || period === null) return null;
  const amount = (n: number | null | undefined) =>
    typeof n === 'number' && Number.isFinite(n) && n >= 0 ? n : null;
  let min = amount(range.min);
  let max = amount(range.max);
  if (min === null && max === null) return null;
  if (min !== null && max !== null && min > max) [min, max] = [max, min];
  return { min, max, currency, period };
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
  return new DomainError('INVALID_INPUT', `${LEVER_TYPE} posting ${id}: ${reason}`, {
    details: { externalId: id, ...(problems.length === 0 ? {} : { problems }) },
  });
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

  async test(ctx) {
    try {
      const page = await getPage(ctx, leverPostingsUrl(ctx.config, 0, 1));
      return {
        ok: true,
        message:
          page.length === 0
            ? `Lever site "${ctx.config.site}" answered, with no posting right now`
            : `Lever site "${ctx.config.site}" answered with postings`,
      };
    } catch (error) {
      return { ok: false, message: error instanceof Error ? error.message : String(error) };
    }
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
    const parsed = LeverPosting.safeParse(raw);
    if (!parsed.success) {
      const problems = formatIssues(parsed.error);
      throw refuse(idOf(raw), `cannot be mapped: ${problems.join('; ')}`, problems);
    }
    const posting = parsed.data;
    const { site, region } = ctx.config;
    const url =
      httpUrl(posting.hostedUrl) ??
      `${JOBS_BASE[region]}/${encodeURIComponent(site)}/${encodeURIComponent(posting.id)}`;
    const description = leverDescriptionHtml(posting).replace(DATA_URI, '');
    if (description.length > MAX_DESCRIPTION_CHARS) {
      throw refuse(
        posting.id,
        `description is ${description.length} characters, over the ${MAX_DESCRIPTION_CHARS}-character limit (not stored)`,
      );
    }
    const categories = posting.categories;
    // Every location the posting names, the primary first.
    const places = [categories?.location, ...(categories?.allLocations ?? [])]
      .map((l) => l?.trim() ?? '')
      .filter((l, i, all) => l !== '' && all.indexOf(l) === i);
    const location = places.length === 0 ? null : places.join('; ');
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
      remote:
        workplace ?? (location !== null && /\bremote\b/i.test(location) ? 'remote' : 'unknown'),
      employmentType: employmentFromText(categories?.commitment ?? ''),
      salary: leverSalary(posting.salaryRange),
      descriptionHtml: description,
      descriptionText: '',
      skills: [],
      postedAt: epochIso(posting.createdAt),
      fetchedAt: ctx.now().toISOString(),
      raw,
    };
  },
});
