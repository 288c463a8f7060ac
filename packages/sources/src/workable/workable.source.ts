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

/**
 * Workable's public jobs API (https://workable.readme.io/reference/jobs-1): keyless; one
 * request returns every published job of an account, with descriptions when `details=true`.
 * Workable documents it as `GET https://www.workable.com/api/accounts/{account}`, which
 * redirects to the widget address used here:
 *
 *   GET https://apply.workable.com/api/v1/widget/accounts/{account}?details=true
 *
 * (The v3 careers-page API, POST /api/v3/accounts/{account}/jobs, pages with a token and
 * needs one more request per job for its description, so the widget is used instead.)
 */
export const WORKABLE_TYPE = 'workable';
const DEFAULT_BASE = 'https://apply.workable.com';
/** Longest description a posting may carry once inline images are dropped; longer ones are refused. */
export const MAX_DESCRIPTION_CHARS = 1_000_000;

/** An account subdomain, or a careers page address it is read from (apply.workable.com/acme). */
function accountName(value: string): string {
  const apply = /^https?:\/\/apply\.workable\.com\/(?!j\/|api\/)([^/?#]+)/i.exec(value);
  if (apply?.[1] !== undefined) return apply[1];
  const sub = /^https?:\/\/([^./]+)\.workable\.com(?:[/?#]|$)/i.exec(value);
  return sub?.[1] !== undefined && !/^(www|apply)$/i.test(sub[1]) ? sub[1] : value;
}

export const WorkableConfig = BaseSourceConfig.extend({
  type: z.literal(WORKABLE_TYPE),
  account: z
    .string()
    .trim()
    .min(1)
    .transform(accountName)
    .pipe(
      z
        .string()
        .regex(/^[A-Za-z0-9_-]+$/, 'a Workable account subdomain: letters, digits, - and _'),
    )
    .describe(
      'account subdomain: the name after apply.workable.com/ in the careers page address (that address works too)',
    ),
  company: z
    .string()
    .trim()
    .min(1)
    .optional()
    .describe(
      'company name shown on postings (default: the account subdomain; Workable sends the name only once per board)',
    ),
});
export type WorkableConfig = z.infer<typeof WorkableConfig>;

const TEXT = z.string().nullish();

/** One job of the widget with details, as documented (fields ApplyDesk reads; the rest stay in `raw`). */
export const WorkableJob = z.object({
  shortcode: z.string().trim().min(1),
  title: z.string().trim().min(1),
  url: TEXT,
  shortlink: TEXT,
  employment_type: TEXT,
  telecommuting: z.boolean().nullish(),
  /** Not in the documented widget; newer answers may carry it ("on_site", "hybrid", "remote"). */
  workplace: TEXT,
  // Read leniently: an unreadable date is a null postedAt, not a refused posting.
  published_on: z.unknown().optional(),
  created_at: z.unknown().optional(),
  country: TEXT,
  city: TEXT,
  state: TEXT,
  locations: z
    .array(z.object({ country: TEXT, city: TEXT, region: TEXT, hidden: z.boolean().nullish() }))
    .nullish(),
  description: TEXT,
  /** Sent by some accounts with details: description, requirements and benefits in one. */
  full_description: TEXT,
  requirements: TEXT,
  benefits: TEXT,
});
export type WorkableJob = z.infer<typeof WorkableJob>;

const Envelope = z.object({ name: z.string().nullish(), jobs: z.array(z.unknown()) });

type Ctx = Pick<SourceContext<WorkableConfig, Record<string, never>>, 'config' | 'http' | 'signal'>;

export function workableWidgetUrl(config: WorkableConfig, details = true): string {
  const base = (config.baseUrl ?? DEFAULT_BASE).replace(/\/+$/, '');
  const url = `${base}/api/v1/widget/accounts/${encodeURIComponent(config.account)}`;
  return details ? `${url}?details=true` : url;
}

function notFoundMessage(account: string): string {
  return `Workable has no account "${account}" (HTTP 404): check the account subdomain's spelling; it is the name after apply.workable.com/ in the careers page address`;
}

function explain(error: unknown, account: string): unknown {
  if (!(error instanceof DomainError) || failureKind(error) !== 'not_found') return error;
  return new DomainError('UPSTREAM_FAILED', notFoundMessage(account), {
    details: error.details,
    cause: error,
  });
}

async function getWidget(ctx: Ctx, url: string): Promise<z.infer<typeof Envelope>> {
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
      `${url} answered JSON without a jobs list: ${formatIssues(parsed.error).join('; ')}`,
    );
  }
  return parsed.data;
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
  onsite: 'onsite',
};

/** "City, Region, Country" of each shown location, else of the job's own city/state/country. */
function locationOf(job: WorkableJob): string | null {
  const format = (parts: (string | null | undefined)[]) =>
    parts
      .map((p) => p?.trim() ?? '')
      .filter((p, i, all) => p !== '' && all.indexOf(p) === i)
      .join(', ');
  const places = (job.locations ?? [])
    .filter((l) => l.hidden !== true)
    .map((l) => format([l.city, l.region, l.country]))
    .filter((p, i, all) => p !== '' && all.indexOf(p) === i);
  if (places.length > 0) return places.join('; ');
  return format([job.city, job.state, job.country]) || null;
}

/** The full description, else the description then requirements and benefits when sent apart. */
function descriptionOf(job: WorkableJob): string {
  if (job.full_description?.trim()) return job.full_description;
  const part = (heading: string, html: string | null | undefined) =>
    html?.trim() ? `<h3>${heading}</h3>${html}` : '';
  return [
    job.description ?? '',
    part('Requirements', job.requirements),
    part('Benefits', job.benefits),
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
  if (typeof raw === 'object' && raw !== null && 'shortcode' in raw) {
    const id = raw.shortcode;
    if (typeof id === 'string' || typeof id === 'number') return String(id);
  }
  return '?';
}

function refuse(id: string, reason: string, problems: string[] = []): DomainError {
  return new DomainError('INVALID_INPUT', `${WORKABLE_TYPE} posting ${id}: ${reason}`, {
    details: { externalId: id, ...(problems.length === 0 ? {} : { problems }) },
  });
}

export const workableSource = defineSource({
  type: WORKABLE_TYPE,
  label: 'Workable',
  description: "An employer's Workable careers page (public jobs widget API, no key).",
  terms: {
    termsUrl: 'https://workable.readme.io/reference/jobs-1',
    attribution: null,
    minPollMinutes: 60,
    notes:
      "The widget API is public and meant for showing an account's published jobs on its own site; Workable publishes no rate limit for it, so poll an account at most hourly. Link to each job's url so applications go through Workable.",
  },
  configSchema: WorkableConfig,
  secretSchema: z.object({}),

  async test(ctx) {
    try {
      // Without details the widget is a short list that still counts the jobs.
      const widget = await getWidget(ctx, workableWidgetUrl(ctx.config, false));
      const n = widget.jobs.length;
      const name = widget.name?.trim() ? ` (${widget.name.trim()})` : '';
      return {
        ok: true,
        message: `Workable account "${ctx.config.account}"${name} answered with ${n} job${n === 1 ? '' : 's'}`,
        available: n,
      };
    } catch (error) {
      return { ok: false, message: error instanceof Error ? error.message : String(error) };
    }
  },

  async *fetch(ctx) {
    const widget = await getWidget(ctx, workableWidgetUrl(ctx.config));
    if (widget.jobs.length > 0) yield widget.jobs;
  },

  normalize(raw, ctx): JobInputDraft {
    const parsed = WorkableJob.safeParse(raw);
    if (!parsed.success) {
      const problems = formatIssues(parsed.error);
      throw refuse(idOf(raw), `cannot be mapped: ${problems.join('; ')}`, problems);
    }
    const job = parsed.data;
    const id = job.shortcode;
    const account = ctx.config.account;
    const url =
      httpUrl(job.url) ??
      httpUrl(job.shortlink) ??
      `https://apply.workable.com/${encodeURIComponent(account)}/j/${encodeURIComponent(id)}/`;
    const description = descriptionOf(job).replace(DATA_URI, '');
    if (description.length > MAX_DESCRIPTION_CHARS) {
      throw refuse(
        id,
        `description is ${description.length} characters, over the ${MAX_DESCRIPTION_CHARS}-character limit (not stored)`,
      );
    }
    const workplace = WORKPLACE[(job.workplace ?? '').toLowerCase().replace(/[^a-z]/g, '')];
    return {
      sourceType: WORKABLE_TYPE,
      sourceId: ctx.sourceId,
      externalId: id,
      url,
      title: job.title,
      company: ctx.config.company ?? account,
      location: locationOf(job),
      // telecommuting false does not say on-site: it is also false for hybrid jobs.
      remote: workplace ?? (job.telecommuting === true ? 'remote' : 'unknown'),
      employmentType: employmentFromText(job.employment_type ?? ''),
      // The widget publishes no salary.
      salary: null,
      descriptionHtml: description,
      descriptionText: '',
      skills: [],
      postedAt: isoDate(job.published_on) ?? isoDate(job.created_at),
      fetchedAt: ctx.now().toISOString(),
      raw,
    };
  },
});
