import { z } from 'zod';
import {
  DomainError,
  formatIssues,
  type EmploymentType,
  type JobInputDraft,
  type RemoteMode,
} from '@applydesk/domain';
import { BaseSourceConfig, defineSource, type SourceContext } from '../adapter.js';
import { failureKind, httpFailure } from '../http/http-client.js';
import { parseJsonBody } from '../http/create-http-client.js';

/**
 * Workday career sites (https://acme.wd5.myworkdayjobs.com/en-US/External) answer JSON from
 * the same host under /wday/cxs/{tenant}/{site}: the endpoint their own pages call. It is
 * public and keyless, but undocumented, so the adapter reads it strictly and fails loudly.
 *
 *   POST /wday/cxs/{tenant}/{site}/jobs   {"appliedFacets":{},"limit":20,"offset":n,"searchText":""}
 *        -> { total, jobPostings: [{ title, externalPath, locationsText, postedOn, bulletFields }] }
 *   GET  /wday/cxs/{tenant}/{site}{externalPath}
 *        -> { jobPostingInfo: { id, title, jobDescription, location, startDate, timeType, externalUrl, ... },
 *             hiringOrganization: { name } }
 *
 * Pages hold at most 20 postings (Workday refuses more). `total` is reliable on the first
 * page only, so the largest one seen counts, and a short page ends the list either way.
 * Pages yield the details. A detail that fails: 404 (closed meanwhile) drops the posting;
 * 429, a block or refused access stops the source; anything else yields the list item,
 * which normalize refuses by id, so the failure shows among the run's invalid postings.
 * When every detail fails, the source fails.
 */
export const WORKDAY_TYPE = 'workday';
export const WORKDAY_PAGE_SIZE = 20;
const MAX_PAGES = 500;
/** Longest description a posting may carry once inline images are dropped; longer ones are refused. */
export const MAX_DESCRIPTION_CHARS = 1_000_000;

/** Where a Workday career site lives, and the JSON endpoints behind it. */
export interface WorkdaySite {
  origin: string;
  tenant: string;
  site: string;
  /** The career site's own address (with its locale, if the given one had one). */
  siteUrl: string;
}

const LOCALE = /^[a-z]{2}(?:-[A-Za-z]{2,4})?$/;

/**
 * Reads a career site address: `https://{tenant}.wd5.myworkdayjobs.com/[locale/]{site}[/...]`,
 * `https://wd3.myworkdaysite.com/[locale/]recruiting/{tenant}/{site}[/...]`, or the
 * `/wday/cxs/{tenant}/{site}/...` endpoint itself. Null for anything else.
 */
export function parseWorkdayUrl(value: string): WorkdaySite | null {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  const host = url.hostname.toLowerCase();
  const parts = url.pathname.split('/').filter((p) => p !== '');
  const cxs = parts[0] === 'wday' && parts[1] === 'cxs' ? 2 : -1;
  if (cxs > 0) {
    const [tenant, site] = [parts[cxs], parts[cxs + 1]];
    if (tenant === undefined || site === undefined) return null;
    return { origin: url.origin, tenant, site, siteUrl: `${url.origin}/${site}` };
  }
  if (host.endsWith('.myworkdaysite.com') || host === 'myworkdaysite.com') {
    const at = parts.indexOf('recruiting');
    const [tenant, site] = [parts[at + 1], parts[at + 2]];
    if (at < 0 || tenant === undefined || site === undefined) return null;
    return {
      origin: url.origin,
      tenant,
      site,
      siteUrl: `${url.origin}/${parts.slice(0, at + 3).join('/')}`,
    };
  }
  if (host.endsWith('.myworkdayjobs.com')) {
    const tenant = host.split('.')[0];
    const localized = parts[0] !== undefined && LOCALE.test(parts[0]);
    const site = parts[localized ? 1 : 0];
    if (
      tenant === undefined ||
      tenant === '' ||
      site === undefined ||
      site === 'job' ||
      site === 'details'
    )
      return null;
    return {
      origin: url.origin,
      tenant,
      site,
      siteUrl: `${url.origin}/${localized ? `${parts[0]}/` : ''}${site}`,
    };
  }
  return null;
}

export const WorkdayConfig = BaseSourceConfig.extend({
  type: z.literal(WORKDAY_TYPE),
  url: z
    .url()
    .refine((value) => parseWorkdayUrl(value) !== null, {
      message:
        'a Workday career site address, like https://acme.wd5.myworkdayjobs.com/en-US/External',
    })
    .describe(
      'the career site address, as the browser shows it: https://acme.wd5.myworkdayjobs.com/en-US/External',
    ),
  company: z
    .string()
    .trim()
    .min(1)
    .optional()
    .describe(
      'company name shown on postings (default: the hiring organization Workday sends, else the tenant)',
    ),
});
export type WorkdayConfig = z.infer<typeof WorkdayConfig>;

const TEXT = z.string().nullish();

/** One job's detail, as the career site's own pages read it (fields ApplyDesk reads; the rest stay in `raw`). */
export const WorkdayJobDetail = z.object({
  jobPostingInfo: z.object({
    id: TEXT,
    title: z.string().trim().min(1),
    jobDescription: TEXT,
    location: TEXT,
    additionalLocations: z.array(z.string()).nullish(),
    postedOn: TEXT,
    // Read leniently: an unreadable date is a null postedAt, not a refused posting.
    startDate: z.unknown().optional(),
    timeType: TEXT,
    remoteType: TEXT,
    jobReqId: TEXT,
    jobPostingId: TEXT,
    externalUrl: TEXT,
  }),
  hiringOrganization: z.object({ name: TEXT }).nullish(),
});
export type WorkdayJobDetail = z.infer<typeof WorkdayJobDetail>;

const ListPage = z
  .object({ total: z.number().nullish(), jobPostings: z.array(z.unknown()).nullish() })
  .refine((p) => Array.isArray(p.jobPostings) || p.total === 0, { message: 'no jobPostings list' });

type Ctx = Pick<SourceContext<WorkdayConfig, Record<string, never>>, 'config' | 'http' | 'signal'>;

function siteOf(config: WorkdayConfig): WorkdaySite {
  const site = parseWorkdayUrl(config.url);
  if (site === null)
    throw new DomainError('CONFIG_INVALID', `${config.url} is not a Workday career site address`);
  return site;
}

function cxsBase(config: WorkdayConfig): string {
  const site = siteOf(config);
  const origin = (config.baseUrl ?? site.origin).replace(/\/+$/, '');
  return `${origin}/wday/cxs/${encodeURIComponent(site.tenant)}/${encodeURIComponent(site.site)}`;
}

export function workdayJobsUrl(config: WorkdayConfig): string {
  return `${cxsBase(config)}/jobs`;
}

export function workdayDetailUrl(config: WorkdayConfig, externalPath: string): string {
  return `${cxsBase(config)}${externalPath.startsWith('/') ? '' : '/'}${externalPath}`;
}

function explain(error: unknown, config: WorkdayConfig): unknown {
  if (!(error instanceof DomainError) || failureKind(error) !== 'not_found') return error;
  const { tenant, site } = siteOf(config);
  return new DomainError(
    'UPSTREAM_FAILED',
    `Workday has no career site "${site}" for "${tenant}" (HTTP 404): check the address ${config.url}; copy it from the browser on the career site's job list, like https://acme.wd5.myworkdayjobs.com/en-US/External`,
    { details: error.details, cause: error },
  );
}

const JSON_HEADERS = { accept: 'application/json', 'content-type': 'application/json' };

async function getList(
  ctx: Ctx,
  offset: number,
  limit = WORKDAY_PAGE_SIZE,
): Promise<z.infer<typeof ListPage>> {
  const url = workdayJobsUrl(ctx.config);
  let body: unknown;
  try {
    const res = await ctx.http.request({
      url,
      method: 'POST',
      headers: JSON_HEADERS,
      body: JSON.stringify({ appliedFacets: {}, limit, offset, searchText: '' }),
      ...(ctx.signal === undefined ? {} : { signal: ctx.signal }),
    });
    body = parseJsonBody(url, res.text);
  } catch (error) {
    throw explain(error, ctx.config);
  }
  const parsed = ListPage.safeParse(body);
  if (!parsed.success) {
    throw httpFailure(
      'malformed',
      url,
      `${url} answered JSON without total and jobPostings: ${formatIssues(parsed.error).join('; ')}`,
    );
  }
  return parsed.data;
}

async function getDetail(ctx: Ctx, externalPath: string): Promise<unknown> {
  const url = workdayDetailUrl(ctx.config, externalPath);
  const body = await ctx.http.getJson(url, {
    headers: { accept: 'application/json' },
    ...(ctx.signal === undefined ? {} : { signal: ctx.signal }),
  });
  const info =
    typeof body === 'object' && body !== null
      ? (body as { jobPostingInfo?: unknown }).jobPostingInfo
      : undefined;
  if (typeof info !== 'object' || info === null) {
    throw httpFailure('malformed', url, `${url} answered JSON without jobPostingInfo`);
  }
  return body;
}

/** Failures of one detail that must stop the source: it is throttled, blocked or shut out. */
const STOPS_SOURCE = new Set(['rate_limited', 'blocked', 'auth']);

function externalPathOf(item: unknown): string | null {
  const path =
    typeof item === 'object' && item !== null
      ? (item as { externalPath?: unknown }).externalPath
      : undefined;
  return typeof path === 'string' && path.trim() !== '' ? path.trim() : null;
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

/**
 * The day of "Posted Today", "Posted Yesterday" or "Posted 3 Days Ago", counted back from
 * now (UTC midnight). "Posted 30+ Days Ago" and anything else is no date.
 */
export function workdayPostedOn(text: string | null | undefined, now: Date): string | null {
  const t = (text ?? '').trim().toLowerCase();
  const days = /\btoday\b/.test(t)
    ? 0
    : /\byesterday\b/.test(t)
      ? 1
      : Number(/^posted (\d+) days? ago$/.exec(t)?.[1] ?? Number.NaN);
  if (!Number.isInteger(days)) return null;
  return new Date(
    Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - days),
  ).toISOString();
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

/** remoteType is a label each tenant words: "Remote", "Fully Remote", "Hybrid", "On-site", "Flexible"... */
function remoteOf(remoteType: string | null | undefined, location: string | null): RemoteMode {
  const t = (remoteType ?? '').toLowerCase();
  if (/hybrid|flexible/.test(t)) return 'hybrid';
  if (/remote|virtual|home/.test(t)) return 'remote';
  if (/on.?site|office|in.?person/.test(t)) return 'onsite';
  return location !== null && /\bremote\b/i.test(location) ? 'remote' : 'unknown';
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

/** A name for a posting in errors: its detail's ids, else the list item's requisition or path. */
function labelOf(raw: unknown): string {
  if (typeof raw !== 'object' || raw === null) return '?';
  const r = raw as { jobPostingInfo?: unknown; bulletFields?: unknown; externalPath?: unknown };
  if (typeof r.jobPostingInfo === 'object' && r.jobPostingInfo !== null) {
    const info = r.jobPostingInfo as Record<string, unknown>;
    for (const key of ['id', 'jobPostingId', 'jobReqId']) {
      const v = info[key];
      if (typeof v === 'string' && v.trim() !== '') return v.trim();
    }
  }
  const bullet = Array.isArray(r.bulletFields) ? (r.bulletFields as unknown[])[0] : undefined;
  if (typeof bullet === 'string' && bullet.trim() !== '') return bullet.trim();
  return externalPathOf(raw) ?? '?';
}

function refuse(id: string, reason: string, problems: string[] = []): DomainError {
  return new DomainError('INVALID_INPUT', `${WORKDAY_TYPE} posting ${id}: ${reason}`, {
    details: { externalId: id, ...(problems.length === 0 ? {} : { problems }) },
  });
}

export const workdaySource = defineSource({
  type: WORKDAY_TYPE,
  label: 'Workday',
  description:
    "An employer's Workday career site (myworkdayjobs.com; the site's own JSON, no key).",
  terms: {
    termsUrl: null,
    attribution: null,
    minPollMinutes: 60,
    notes:
      "Reads the JSON a Workday career site's own pages load; Workday documents no public API for it and publishes no terms or rate limit for it. Each run lists the site 20 postings at a time and reads every posting's detail, one request at a time: poll a site at most hourly. Link to each posting's externalUrl so applications go through the employer's site.",
  },
  configSchema: WorkdayConfig,
  secretSchema: z.object({}),

  async test(ctx) {
    try {
      const page = await getList(ctx, 0, 1);
      const n = page.total ?? page.jobPostings?.length ?? 0;
      const { tenant, site } = siteOf(ctx.config);
      return {
        ok: true,
        message: `Workday career site "${site}" of "${tenant}" answered with ${n} job${n === 1 ? '' : 's'}`,
        available: n,
      };
    } catch (error) {
      return { ok: false, message: error instanceof Error ? error.message : String(error) };
    }
  },

  async *fetch(ctx) {
    const seen = new Set<string>();
    let total = 0;
    let offset = 0;
    let read = 0;
    let failed = 0;
    let lastFailure: unknown = null;
    for (let n = 0; n < MAX_PAGES; n += 1) {
      const page = await getList(ctx, offset);
      total = Math.max(total, page.total ?? 0);
      const postings = page.jobPostings ?? [];
      const fresh = postings.filter((item) => {
        const path = externalPathOf(item);
        if (path === null) return true;
        if (seen.has(path)) return false;
        seen.add(path);
        return true;
      });
      // A page of nothing new means the site ignores `offset`: stop rather than loop.
      if (fresh.length === 0) break;
      const out: unknown[] = [];
      for (const item of fresh) {
        const path = externalPathOf(item);
        if (path === null) {
          out.push(item); // normalize refuses it, by what it has
          continue;
        }
        try {
          out.push(await getDetail(ctx, path));
          read += 1;
        } catch (error) {
          const kind = failureKind(error);
          if (kind === 'not_found') continue; // closed between the list and its detail
          if (kind === null || STOPS_SOURCE.has(kind)) throw error;
          failed += 1;
          lastFailure = error;
          out.push(item);
        }
      }
      if (out.length > 0) yield out;
      offset += postings.length;
      if (postings.length < WORKDAY_PAGE_SIZE || (total > 0 && offset >= total)) break;
    }
    if (failed > 0 && read === 0 && lastFailure instanceof DomainError) {
      throw new DomainError(
        'UPSTREAM_FAILED',
        `all ${failed} Workday job details failed; the last: ${lastFailure.message}`,
        {
          details: lastFailure.details,
          cause: lastFailure,
        },
      );
    }
  },

  normalize(raw, ctx): JobInputDraft {
    const label = labelOf(raw);
    if (
      typeof raw === 'object' &&
      raw !== null &&
      !('jobPostingInfo' in raw) &&
      externalPathOf(raw) !== null
    ) {
      const title = (raw as { title?: unknown }).title;
      throw refuse(
        label,
        `${typeof title === 'string' ? `"${title}" ` : ''}has no job details: its detail could not be read this run (it is tried again on the next)`,
      );
    }
    const parsed = WorkdayJobDetail.safeParse(raw);
    if (!parsed.success) {
      const problems = formatIssues(parsed.error);
      throw refuse(label, `cannot be mapped: ${problems.join('; ')}`, problems);
    }
    const info = parsed.data.jobPostingInfo;
    const id = info.id?.trim() || info.jobPostingId?.trim() || info.jobReqId?.trim();
    if (!id) throw refuse('?', `"${info.title}" has no id, jobPostingId or jobReqId`);
    const url = httpUrl(info.externalUrl);
    if (url === null) throw refuse(id, `"${info.title}" has no externalUrl to link to`);
    const description = (info.jobDescription ?? '').replace(DATA_URI, '');
    if (description.length > MAX_DESCRIPTION_CHARS) {
      throw refuse(
        id,
        `description is ${description.length} characters, over the ${MAX_DESCRIPTION_CHARS}-character limit (not stored)`,
      );
    }
    // Every location the posting names, the primary first.
    const places = [info.location, ...(info.additionalLocations ?? [])]
      .map((l) => l?.trim() ?? '')
      .filter((l, i, all) => l !== '' && all.indexOf(l) === i);
    const location = places.length === 0 ? null : places.join('; ');
    return {
      sourceType: WORKDAY_TYPE,
      sourceId: ctx.sourceId,
      externalId: id,
      url,
      title: info.title,
      company:
        ctx.config.company ??
        (parsed.data.hiringOrganization?.name?.trim() || siteOf(ctx.config).tenant),
      location,
      remote: remoteOf(info.remoteType, location),
      employmentType: employmentFromText(info.timeType ?? ''),
      // Workday career sites publish pay only inside the description text.
      salary: null,
      descriptionHtml: description,
      descriptionText: '',
      skills: [],
      postedAt: isoDate(info.startDate) ?? workdayPostedOn(info.postedOn, ctx.now()),
      fetchedAt: ctx.now().toISOString(),
      raw,
    };
  },
});
