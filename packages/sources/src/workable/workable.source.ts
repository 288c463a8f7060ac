import { z } from 'zod';
import { inferEmploymentType, type JobInputDraft, type RemoteMode } from '@applydesk/domain';
import { BaseSourceConfig, defineSource, type SourceContext } from '../adapter.js';
import { boardOption, companyOption } from '../shared/config-fields.js';
import { firstDate } from '../shared/dates.js';
import { boundedDescription } from '../shared/description.js';
import { idOf, parsePosting } from '../shared/refuse.js';
import { counted, getShaped, reportTest } from '../shared/requests.js';
import { distinctTexts, labelKey } from '../shared/text-fields.js';
import { apiBase, httpUrl } from '../shared/urls.js';

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

/** An account subdomain, or a careers page address it is read from (apply.workable.com/acme). */
function accountName(value: string): string {
  const apply = /^https?:\/\/apply\.workable\.com\/(?!j\/|api\/)([^/?#]+)/i.exec(value);
  if (apply?.[1] !== undefined) return apply[1];
  const sub = /^https?:\/\/([^./]+)\.workable\.com(?:[/?#]|$)/i.exec(value);
  return sub?.[1] !== undefined && !/^(www|apply)$/i.test(sub[1]) ? sub[1] : value;
}

export const WorkableConfig = BaseSourceConfig.extend({
  type: z.literal(WORKABLE_TYPE),
  account: boardOption(
    accountName,
    /^[A-Za-z0-9_-]+$/,
    'a Workable account subdomain: letters, digits, - and _',
    'account subdomain: the name after apply.workable.com/ in the careers page address (that address works too)',
  ),
  company: companyOption('the account subdomain; Workable sends the name only once per board'),
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
  const url = `${apiBase(config.baseUrl, DEFAULT_BASE)}/api/v1/widget/accounts/${encodeURIComponent(config.account)}`;
  return details ? `${url}?details=true` : url;
}

function notFoundMessage(account: string): string {
  return `Workable has no account "${account}" (HTTP 404): check the account subdomain's spelling; it is the name after apply.workable.com/ in the careers page address`;
}

function getWidget(ctx: Ctx, url: string): Promise<z.infer<typeof Envelope>> {
  return getShaped(ctx, url, {
    schema: Envelope,
    what: 'without a jobs list',
    notFound: notFoundMessage(ctx.config.account),
  });
}

// --- mapping helpers --------------------------------------------------------------------------

const WORKPLACE: Record<string, RemoteMode> = {
  remote: 'remote',
  hybrid: 'hybrid',
  onsite: 'onsite',
};

/** "City, Region, Country" of each shown location, else of the job's own city/state/country. */
function locationOf(job: WorkableJob): string | null {
  const format = (parts: (string | null | undefined)[]) => distinctTexts(parts).join(', ');
  const places = distinctTexts(
    (job.locations ?? [])
      .filter((l) => l.hidden !== true)
      .map((l) => format([l.city, l.region, l.country])),
  );
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

  test(ctx) {
    return reportTest(async () => {
      // Without details the widget is a short list that still counts the jobs.
      const widget = await getWidget(ctx, workableWidgetUrl(ctx.config, false));
      const n = widget.jobs.length;
      const name = widget.name?.trim() ? ` (${widget.name.trim()})` : '';
      return {
        ok: true,
        message: `Workable account "${ctx.config.account}"${name} answered with ${counted(n, 'job')}`,
        available: n,
      };
    });
  },

  async *fetch(ctx) {
    const widget = await getWidget(ctx, workableWidgetUrl(ctx.config));
    if (widget.jobs.length > 0) yield widget.jobs;
  },

  normalize(raw, ctx): JobInputDraft {
    const job = parsePosting(WorkableJob, raw, WORKABLE_TYPE, idOf(raw, 'shortcode'));
    const id = job.shortcode;
    const account = ctx.config.account;
    const url =
      httpUrl(job.url) ??
      httpUrl(job.shortlink) ??
      `https://apply.workable.com/${encodeURIComponent(account)}/j/${encodeURIComponent(id)}/`;
    const description = boundedDescription(WORKABLE_TYPE, id, descriptionOf(job));
    const workplace = WORKPLACE[labelKey(job.workplace)];
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
      employmentType: inferEmploymentType(job.employment_type ?? ''),
      // The widget publishes no salary.
      salary: null,
      descriptionHtml: description,
      descriptionText: '',
      skills: [],
      postedAt: firstDate(ctx.now(), job.published_on, job.created_at),
      fetchedAt: ctx.now().toISOString(),
      raw,
    };
  },
});
