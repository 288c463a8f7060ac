import { z } from 'zod';
import {
  DomainError,
  escapeHtml,
  formatIssues,
  type EmploymentType,
  type JobInputDraft,
  type RemoteMode,
} from '@applydesk/domain';
import { BaseSourceConfig, defineSource, type SourceContext } from '../adapter.js';
import { failureKind, httpFailure } from '../http/http-client.js';

/**
 * SmartRecruiters Posting API (https://dev.smartrecruiters.com/customer-api/posting-api/endpoints/postings/):
 * public, keyless. The list pages by offset and limit (at most 100) and says `totalFound`;
 * it carries no job ad, so each posting's detail is read as well:
 *
 *   GET https://api.smartrecruiters.com/v1/companies/{company}/postings?offset={n}&limit=100
 *   GET https://api.smartrecruiters.com/v1/companies/{company}/postings/{id}
 *
 * Pages yield the details, as SmartRecruiters sends them. A detail that fails is handled by
 * what failed: 404 (closed meanwhile) drops the posting; 429, a block or refused access stops
 * the source; anything else yields the list item instead, which normalize refuses by id (no
 * job ad), so the failure shows among the run's invalid postings. When every detail fails,
 * the source fails.
 */
export const SMARTRECRUITERS_TYPE = 'smartrecruiters';
export const SMARTRECRUITERS_PAGE_SIZE = 100;
const MAX_PAGES = 100;
const DEFAULT_BASE = 'https://api.smartrecruiters.com';
/** Longest description a posting may carry once inline images are dropped; longer ones are refused. */
export const MAX_DESCRIPTION_CHARS = 1_000_000;

/** A company identifier, or a careers page address it is read from (careers.smartrecruiters.com/Acme). */
function companyIdentifier(value: string): string {
  const match = /^https?:\/\/(?:careers|jobs)\.smartrecruiters\.com\/([^/?#]+)/i.exec(value);
  return match?.[1] ?? value;
}

export const SmartRecruitersConfig = BaseSourceConfig.extend({
  type: z.literal(SMARTRECRUITERS_TYPE),
  company: z
    .string()
    .trim()
    .min(1)
    .transform(companyIdentifier)
    .pipe(
      z
        .string()
        .regex(
          /^[A-Za-z0-9_.-]+$/,
          'a SmartRecruiters company identifier: letters, digits, -, _ and .',
        ),
    )
    .describe(
      'company identifier, case as written: the name after careers.smartrecruiters.com/ in the careers page address (that address works too)',
    ),
});
export type SmartRecruitersConfig = z.infer<typeof SmartRecruitersConfig>;

const TEXT = z.string().nullish();
const Section = z.object({ title: TEXT, text: TEXT }).nullish();
const TITLE = 'the title (`name`) is missing';

/** A posting's detail, as documented (fields ApplyDesk reads; the rest stay in `raw`). */
export const SmartRecruitersPosting = z.object({
  id: z.union([z.string().min(1), z.number()]),
  name: z.string({ error: TITLE }).trim().min(1, TITLE),
  postingUrl: TEXT,
  company: z.object({ identifier: TEXT, name: TEXT }).nullish(),
  // Read leniently: an unreadable date is a null postedAt, not a refused posting.
  releasedDate: z.unknown().optional(),
  location: z
    .object({
      city: TEXT,
      region: TEXT,
      country: TEXT,
      fullLocation: TEXT,
      remote: z.boolean().nullish(),
      hybrid: z.boolean().nullish(),
    })
    .nullish(),
  typeOfEmployment: z.object({ id: TEXT, label: TEXT }).nullish(),
  jobAd: z
    .object({
      sections: z
        .object({
          companyDescription: Section,
          jobDescription: Section,
          qualifications: Section,
          additionalInformation: Section,
        })
        .nullish(),
    })
    .nullish(),
});
export type SmartRecruitersPosting = z.infer<typeof SmartRecruitersPosting>;

const ListPage = z.object({
  offset: z.number().nullish(),
  limit: z.number().nullish(),
  totalFound: z.number(),
  content: z.array(z.unknown()),
});

type Ctx = Pick<
  SourceContext<SmartRecruitersConfig, Record<string, never>>,
  'config' | 'http' | 'signal'
>;

function companyBase(config: SmartRecruitersConfig): string {
  const base = (config.baseUrl ?? DEFAULT_BASE).replace(/\/+$/, '');
  return `${base}/v1/companies/${encodeURIComponent(config.company)}/postings`;
}

export function smartRecruitersListUrl(
  config: SmartRecruitersConfig,
  offset: number,
  limit = SMARTRECRUITERS_PAGE_SIZE,
): string {
  return `${companyBase(config)}?offset=${offset}&limit=${limit}`;
}

export function smartRecruitersPostingUrl(config: SmartRecruitersConfig, id: string): string {
  return `${companyBase(config)}/${encodeURIComponent(id)}`;
}

function spellingHint(company: string): string {
  return `check the company identifier's spelling and case ("${company}"); it is the name after careers.smartrecruiters.com/ in the careers page address`;
}

function explain(error: unknown, company: string): unknown {
  if (!(error instanceof DomainError) || failureKind(error) !== 'not_found') return error;
  return new DomainError(
    'UPSTREAM_FAILED',
    `SmartRecruiters knows no company "${company}" (HTTP 404): ${spellingHint(company)}`,
    {
      details: error.details,
      cause: error,
    },
  );
}

function init(ctx: Ctx) {
  return ctx.signal === undefined ? {} : { signal: ctx.signal };
}

async function getList(
  ctx: Ctx,
  offset: number,
  limit?: number,
): Promise<z.infer<typeof ListPage>> {
  const url = smartRecruitersListUrl(ctx.config, offset, limit);
  let body: unknown;
  try {
    body = await ctx.http.getJson(url, init(ctx));
  } catch (error) {
    throw explain(error, ctx.config.company);
  }
  const parsed = ListPage.safeParse(body);
  if (!parsed.success) {
    throw httpFailure(
      'malformed',
      url,
      `${url} answered JSON without totalFound and content: ${formatIssues(parsed.error).join('; ')}`,
    );
  }
  return parsed.data;
}

async function getDetail(ctx: Ctx, id: string): Promise<unknown> {
  const url = smartRecruitersPostingUrl(ctx.config, id);
  const body = await ctx.http.getJson(url, init(ctx));
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw httpFailure('malformed', url, `${url} answered JSON that is not a posting`);
  }
  return body;
}

/** Failures of one detail that must stop the source: it is throttled, blocked or shut out. */
const STOPS_SOURCE = new Set(['rate_limited', 'blocked', 'auth']);

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

/** `remote` and `hybrid` say so; both false (with `hybrid` present) is on-site; else unknown. */
function remoteOf(location: SmartRecruitersPosting['location']): RemoteMode {
  if (location?.remote === true) return 'remote';
  if (location?.hybrid === true) return 'hybrid';
  if (location?.remote === false && location.hybrid === false) return 'onsite';
  return 'unknown';
}

function locationOf(location: SmartRecruitersPosting['location']): string | null {
  const full = (location?.fullLocation ?? '')
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '')
    .join(', ');
  if (full !== '') return full;
  const parts = [location?.city, location?.region, location?.country?.toUpperCase()]
    .map((p) => p?.trim() ?? '')
    .filter((p) => p !== '');
  return parts.length === 0 ? null : parts.join(', ');
}

const SECTIONS = [
  'companyDescription',
  'jobDescription',
  'qualifications',
  'additionalInformation',
] as const;

/** The job ad's sections in the order the careers page shows them, each under its title. */
function descriptionOf(posting: SmartRecruitersPosting): string {
  const sections = posting.jobAd?.sections;
  return SECTIONS.map((key) => sections?.[key])
    .filter((s) => (s?.text ?? '').trim() !== '')
    .map(
      (s) => `${s?.title?.trim() ? `<h3>${escapeHtml(s.title.trim())}</h3>` : ''}${s?.text ?? ''}`,
    )
    .join('');
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

function idOf(raw: unknown): string | null {
  if (typeof raw === 'object' && raw !== null && 'id' in raw) {
    const id = raw.id;
    if ((typeof id === 'string' && id.trim() !== '') || typeof id === 'number')
      return String(id).trim();
  }
  return null;
}

function refuse(id: string, reason: string, problems: string[] = []): DomainError {
  return new DomainError('INVALID_INPUT', `${SMARTRECRUITERS_TYPE} posting ${id}: ${reason}`, {
    details: { externalId: id, ...(problems.length === 0 ? {} : { problems }) },
  });
}

export const smartRecruitersSource = defineSource({
  type: SMARTRECRUITERS_TYPE,
  label: 'SmartRecruiters',
  description: "An employer's SmartRecruiters careers page (public Posting API, no key).",
  terms: {
    termsUrl: 'https://dev.smartrecruiters.com/customer-api/posting-api/endpoints/postings/',
    attribution: null,
    minPollMinutes: 60,
    notes:
      "The Posting API is public and meant for companies' own careers pages. The list carries no job ad, so each run reads every posting's detail too, one request at a time: poll a company at most hourly. Link to each posting's postingUrl so applications go through SmartRecruiters.",
  },
  configSchema: SmartRecruitersConfig,
  secretSchema: z.object({}),

  async test(ctx) {
    const { company } = ctx.config;
    try {
      const page = await getList(ctx, 0, 1);
      const n = page.totalFound;
      if (n === 0) {
        return {
          ok: true,
          message: `SmartRecruiters answered for "${company}" with no posting; if you expected some, ${spellingHint(company)}`,
          available: 0,
        };
      }
      return {
        ok: true,
        message: `SmartRecruiters company "${company}" answered with ${n} posting${n === 1 ? '' : 's'}`,
        available: n,
      };
    } catch (error) {
      return { ok: false, message: error instanceof Error ? error.message : String(error) };
    }
  },

  async *fetch(ctx) {
    let offset = 0;
    let read = 0;
    let failed = 0;
    let lastFailure: unknown = null;
    for (let n = 0; n < MAX_PAGES; n += 1) {
      const page = await getList(ctx, offset);
      if (page.content.length === 0) break;
      const out: unknown[] = [];
      for (const item of page.content) {
        const id = idOf(item);
        if (id === null) {
          out.push(item); // normalize refuses it, by what it has
          continue;
        }
        try {
          out.push(await getDetail(ctx, id));
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
      offset += page.content.length;
      if (offset >= page.totalFound) break;
    }
    if (failed > 0 && read === 0 && lastFailure instanceof DomainError) {
      throw new DomainError(
        'UPSTREAM_FAILED',
        `all ${failed} SmartRecruiters posting details failed; the last: ${lastFailure.message}`,
        { details: lastFailure.details, cause: lastFailure },
      );
    }
  },

  normalize(raw, ctx): JobInputDraft {
    const parsed = SmartRecruitersPosting.safeParse(raw);
    const rawId = idOf(raw) ?? '?';
    if (!parsed.success) {
      const problems = formatIssues(parsed.error);
      throw refuse(rawId, `cannot be mapped: ${problems.join('; ')}`, problems);
    }
    const posting = parsed.data;
    const id = String(posting.id);
    if (posting.jobAd === null || posting.jobAd === undefined) {
      throw refuse(
        id,
        `"${posting.name}" has no job ad: its detail could not be read this run (it is tried again on the next)`,
      );
    }
    const identifier = posting.company?.identifier?.trim() || ctx.config.company;
    const url =
      httpUrl(posting.postingUrl) ??
      `https://jobs.smartrecruiters.com/${encodeURIComponent(identifier)}/${encodeURIComponent(id)}`;
    const description = descriptionOf(posting).replace(DATA_URI, '');
    if (description.length > MAX_DESCRIPTION_CHARS) {
      throw refuse(
        id,
        `description is ${description.length} characters, over the ${MAX_DESCRIPTION_CHARS}-character limit (not stored)`,
      );
    }
    const type = posting.typeOfEmployment;
    return {
      sourceType: SMARTRECRUITERS_TYPE,
      sourceId: ctx.sourceId,
      externalId: id,
      url,
      title: posting.name,
      company: posting.company?.name?.trim() || identifier,
      location: locationOf(posting.location),
      remote: remoteOf(posting.location),
      employmentType: employmentFromText(type?.label ?? type?.id ?? ''),
      // The Posting API publishes no structured pay.
      salary: null,
      descriptionHtml: description,
      descriptionText: '',
      skills: [],
      postedAt: isoDate(posting.releasedDate),
      fetchedAt: ctx.now().toISOString(),
      raw,
    };
  },
});
