import { z } from 'zod';
import {
  DomainError,
  inferEmploymentType,
  inferRemote,
  type JobInputDraft,
  type RemoteMode,
} from '@applydesk/domain';
import { BaseSourceConfig, defineSource, type SourceContext } from '../adapter.js';
import { httpFailure } from '../http/http-client.js';
import { parseJsonBody } from '../http/create-http-client.js';
import { companyOption } from '../shared/config-fields.js';
import { firstDate } from '../shared/dates.js';
import { boundedDescription } from '../shared/description.js';
import { DetailReads } from '../shared/details.js';
import { parsePosting, refuse } from '../shared/refuse.js';
import {
  counted,
  expectShape,
  explainNotFound,
  reportTest,
  withSignal,
} from '../shared/requests.js';
import { placesText } from '../shared/text-fields.js';
import { apiBase, httpUrl } from '../shared/urls.js';

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
  company: companyOption('the hiring organization Workday sends, else the tenant'),
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
  const origin = apiBase(config.baseUrl, site.origin);
  return `${origin}/wday/cxs/${encodeURIComponent(site.tenant)}/${encodeURIComponent(site.site)}`;
}

export function workdayJobsUrl(config: WorkdayConfig): string {
  return `${cxsBase(config)}/jobs`;
}

export function workdayDetailUrl(config: WorkdayConfig, externalPath: string): string {
  return `${cxsBase(config)}${externalPath.startsWith('/') ? '' : '/'}${externalPath}`;
}

function notFoundMessage(config: WorkdayConfig): string {
  const { tenant, site } = siteOf(config);
  return `Workday has no career site "${site}" for "${tenant}" (HTTP 404): check the address ${config.url}; copy it from the browser on the career site's job list, like https://acme.wd5.myworkdayjobs.com/en-US/External`;
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
      ...withSignal(ctx.signal),
    });
    body = parseJsonBody(url, res.text);
  } catch (error) {
    throw explainNotFound(error, notFoundMessage(ctx.config));
  }
  return expectShape(ListPage, body, url, 'without total and jobPostings');
}

async function getDetail(ctx: Ctx, externalPath: string): Promise<unknown> {
  const url = workdayDetailUrl(ctx.config, externalPath);
  const body = await ctx.http.getJson(url, {
    headers: { accept: 'application/json' },
    ...withSignal(ctx.signal),
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

function externalPathOf(item: unknown): string | null {
  const path =
    typeof item === 'object' && item !== null
      ? (item as { externalPath?: unknown }).externalPath
      : undefined;
  return typeof path === 'string' && path.trim() !== '' ? path.trim() : null;
}

// --- mapping helpers --------------------------------------------------------------------------

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

/**
 * remoteType is a label each tenant words: "Remote", "Fully Remote", "Hybrid", "On-site"…,
 * read by the domain's inferRemote. Two words Workday tenants use that it does not read as a
 * workplace are kept here: "Flexible" (hybrid) and "Virtual" (remote).
 */
function remoteOf(remoteType: string | null | undefined, location: string | null): RemoteMode {
  const label = remoteType ?? '';
  const mode = /flexible/i.test(label)
    ? 'hybrid'
    : /virtual/i.test(label)
      ? 'remote'
      : inferRemote({ location: label });
  return mode !== 'unknown' ? mode : inferRemote({ location });
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

  test(ctx) {
    return reportTest(async () => {
      const page = await getList(ctx, 0, 1);
      const n = page.total ?? page.jobPostings?.length ?? 0;
      const { tenant, site } = siteOf(ctx.config);
      return {
        ok: true,
        message: `Workday career site "${site}" of "${tenant}" answered with ${counted(n, 'job')}`,
        available: n,
      };
    });
  },

  async *fetch(ctx) {
    const details = new DetailReads('Workday job details');
    const seen = new Set<string>();
    let total = 0;
    let offset = 0;
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
        // Without a path there is no detail to read: normalize refuses it, by what it has.
        const posting =
          path === null ? item : await details.detailOr(item, () => getDetail(ctx, path));
        if (posting !== undefined) out.push(posting);
      }
      if (out.length > 0) yield out;
      offset += postings.length;
      if (postings.length < WORKDAY_PAGE_SIZE || (total > 0 && offset >= total)) break;
    }
    details.assertSomeRead();
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
        WORKDAY_TYPE,
        label,
        `${typeof title === 'string' ? `"${title}" ` : ''}has no job details: its detail could not be read this run (it is tried again on the next)`,
      );
    }
    const detail = parsePosting(WorkdayJobDetail, raw, WORKDAY_TYPE, label);
    const info = detail.jobPostingInfo;
    const id = info.id?.trim() || info.jobPostingId?.trim() || info.jobReqId?.trim();
    if (!id) {
      throw refuse(WORKDAY_TYPE, '?', `"${info.title}" has no id, jobPostingId or jobReqId`);
    }
    const url = httpUrl(info.externalUrl);
    if (url === null) {
      throw refuse(WORKDAY_TYPE, id, `"${info.title}" has no externalUrl to link to`);
    }
    const description = boundedDescription(WORKDAY_TYPE, id, info.jobDescription ?? '');
    // Every location the posting names, the primary first.
    const location = placesText([info.location, ...(info.additionalLocations ?? [])]);
    return {
      sourceType: WORKDAY_TYPE,
      sourceId: ctx.sourceId,
      externalId: id,
      url,
      title: info.title,
      company:
        ctx.config.company ??
        (detail.hiringOrganization?.name?.trim() || siteOf(ctx.config).tenant),
      location,
      remote: remoteOf(info.remoteType, location),
      employmentType: inferEmploymentType(info.timeType ?? ''),
      // Workday career sites publish pay only inside the description text.
      salary: null,
      descriptionHtml: description,
      descriptionText: '',
      skills: [],
      postedAt: firstDate(ctx.now(), info.startDate) ?? workdayPostedOn(info.postedOn, ctx.now()),
      fetchedAt: ctx.now().toISOString(),
      raw,
    };
  },
});
