import { z } from 'zod';
import {
  escapeHtml,
  looksLikeHtml,
  textToHtml,
  type EmploymentType,
  type JobInputDraft,
  type RemoteMode,
  type SalaryPeriod,
} from '@applydesk/domain';
import { BaseSourceConfig, defineSource, type SourceContext } from '../adapter.js';
import { httpFailure } from '../http/http-client.js';
import { maxPagesOption } from '../shared/config-fields.js';
import { firstDate } from '../shared/dates.js';
import { rethrowKeyed, type RefusedKey } from '../shared/mask.js';
import { postingObject, refuse } from '../shared/refuse.js';
import { withSignal } from '../shared/requests.js';
import { salaryRange } from '../shared/salary.js';
import { text } from '../shared/text-fields.js';
import { apiBase, looksLikeHttpUrl } from '../shared/urls.js';

const REFUSED: RefusedKey = {
  source: 'USAJOBS',
  what: 'the credentials',
  check: 'USAJOBS_API_KEY and USAJOBS_EMAIL (the address the key was issued to)',
  hint: 'request a key at https://developer.usajobs.gov/apirequest/ and set USAJOBS_API_KEY and USAJOBS_EMAIL',
};
const DEFAULT_BASE_URL = 'https://data.usajobs.gov';
const RESULTS_PER_PAGE = 100;

export const UsaJobsConfig = BaseSourceConfig.extend({
  type: z.literal('usajobs'),
  query: z.string().min(1).optional().describe('keywords (USAJOBS `Keyword`)'),
  location: z
    .string()
    .min(1)
    .optional()
    .describe('city, state or country (USAJOBS `LocationName`)'),
  maxPages: maxPagesOption(100, 'pages of 100 postings to read per run'),
});
export type UsaJobsConfig = z.infer<typeof UsaJobsConfig>;

export const UsaJobsSecrets = z.object({
  USAJOBS_API_KEY: z.string().min(1),
  USAJOBS_EMAIL: z.email(),
});
export type UsaJobsSecrets = z.infer<typeof UsaJobsSecrets>;

interface Named {
  Name?: string;
  Code?: string;
}

/** One `SearchResultItems` entry of the USAJOBS Search API. */
export interface UsaJobsItem {
  MatchedObjectId?: string | number;
  MatchedObjectDescriptor?: {
    PositionID?: string;
    PositionTitle?: string;
    PositionURI?: string;
    ApplyURI?: string[];
    PositionLocationDisplay?: string;
    PositionLocation?: { LocationName?: string; CountryCode?: string; CityName?: string }[];
    OrganizationName?: string;
    DepartmentName?: string;
    JobCategory?: Named[];
    PositionSchedule?: Named[];
    PositionOfferingType?: Named[];
    QualificationSummary?: string;
    PositionRemuneration?: {
      MinimumRange?: string | number;
      MaximumRange?: string | number;
      RateIntervalCode?: string;
      Description?: string;
    }[];
    PositionStartDate?: string;
    PositionEndDate?: string;
    PublicationStartDate?: string;
    ApplicationCloseDate?: string;
    UserArea?: {
      Details?: {
        JobSummary?: string;
        MajorDuties?: string[] | string;
        Education?: string;
        Requirements?: string;
        TeleworkEligible?: boolean | string;
        RemoteIndicator?: boolean | string;
      };
    };
  };
}

interface UsaJobsPage {
  SearchResult?: {
    SearchResultCount?: number;
    SearchResultCountAll?: number;
    SearchResultItems?: unknown[];
    UserArea?: { NumberOfPages?: string | number };
  };
}

function base(config: UsaJobsConfig): string {
  return apiBase(config.baseUrl, DEFAULT_BASE_URL);
}

function searchUrl(config: UsaJobsConfig, page: number, perPage: number): string {
  const params = new URLSearchParams();
  if (config.query !== undefined) params.set('Keyword', config.query);
  if (config.location !== undefined) params.set('LocationName', config.location);
  params.set('ResultsPerPage', String(perPage));
  params.set('Page', String(page));
  return `${base(config)}/api/search?${params.toString()}`;
}

async function getPage(
  ctx: SourceContext<UsaJobsConfig, UsaJobsSecrets>,
  page: number,
  perPage: number,
): Promise<UsaJobsPage> {
  const url = searchUrl(ctx.config, page, perPage);
  let body: unknown;
  try {
    body = await ctx.http.getJson(url, {
      // USAJOBS asks for all three: Host, the requester's e-mail as User-Agent, and the key.
      headers: {
        host: new URL(base(ctx.config)).host,
        'user-agent': ctx.secrets.USAJOBS_EMAIL,
        'authorization-key': ctx.secrets.USAJOBS_API_KEY,
        accept: 'application/json',
      },
      ...withSignal(ctx.signal),
    });
  } catch (error) {
    // The key travels in a header, but a failure's message may still quote it.
    rethrowKeyed(error, [ctx.secrets.USAJOBS_API_KEY], REFUSED);
  }
  const result = (body as UsaJobsPage | null)?.SearchResult;
  if (typeof body !== 'object' || body === null || typeof result !== 'object' || result === null) {
    throw httpFailure('malformed', url, `USAJOBS answered page ${page} without a SearchResult`);
  }
  if (result.SearchResultItems !== undefined && !Array.isArray(result.SearchResultItems)) {
    throw httpFailure(
      'malformed',
      url,
      `USAJOBS answered page ${page} with SearchResultItems that is not a list`,
    );
  }
  return body;
}

function flag(value: unknown): boolean | null {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string' && /^(true|false)$/i.test(value.trim()))
    return value.trim().toLowerCase() === 'true';
  return null;
}

/** Remote when USAJOBS says so; telework-eligible is partly at home (hybrid); both false is on site. */
function remoteMode(
  details: NonNullable<NonNullable<UsaJobsItem['MatchedObjectDescriptor']>['UserArea']>['Details'],
): RemoteMode {
  const remote = flag(details?.RemoteIndicator);
  const telework = flag(details?.TeleworkEligible);
  if (remote === true) return 'remote';
  if (telework === true) return 'hybrid';
  if (remote === false && telework === false) return 'onsite';
  return 'unknown';
}

function employmentType(schedule: string, offering: string): EmploymentType {
  if (/intern/i.test(offering)) return 'internship';
  if (/temporary|term|seasonal/i.test(offering)) return 'temporary';
  if (/full/i.test(schedule)) return 'full_time';
  if (/part/i.test(schedule)) return 'part_time';
  return 'unknown';
}

const RATE_PERIODS: Record<string, SalaryPeriod> = {
  PA: 'year',
  PH: 'hour',
  PD: 'day',
  PW: 'week',
  PM: 'month',
};

/** Pay in USD by the rate code; bi-weekly pay is halved to a week; "without compensation" and fee basis give none. */
function salary(
  desc: NonNullable<UsaJobsItem['MatchedObjectDescriptor']>,
): JobInputDraft['salary'] {
  const pay = desc.PositionRemuneration?.[0];
  if (pay === undefined) return null;
  const code = text(pay.RateIntervalCode).toUpperCase();
  const factor = code === 'BW' ? 0.5 : 1;
  const period = code === 'BW' ? 'week' : RATE_PERIODS[code];
  if (period === undefined) return null;
  const amount = (v: unknown) => {
    const n = Number(text(v));
    return text(v) !== '' && Number.isFinite(n) && n > 0
      ? Math.round(n * factor * 100) / 100
      : null;
  };
  return salaryRange(amount(pay.MinimumRange), amount(pay.MaximumRange), 'USD', period);
}

function section(heading: string, body: string | string[] | undefined): string {
  const items = (Array.isArray(body) ? body : [body ?? '']).map(text).filter((t) => t !== '');
  if (items.length === 0) return '';
  const html =
    items.length > 1
      ? `<ul>${items.map((i) => `<li>${looksLikeHtml(i) ? i : escapeHtml(i)}</li>`).join('')}</ul>`
      : looksLikeHtml(items[0]!)
        ? items[0]!
        : textToHtml(items[0]!);
  return `<h3>${escapeHtml(heading)}</h3>\n${html}`;
}

function location(desc: NonNullable<UsaJobsItem['MatchedObjectDescriptor']>): string | null {
  const display = text(desc.PositionLocationDisplay);
  const names = (desc.PositionLocation ?? [])
    .map((l) => text(l.LocationName))
    .filter((n) => n !== '');
  if (display !== '' && !/^multiple locations$/i.test(display)) return display;
  if (names.length === 0) return display || null;
  return names.length <= 5
    ? names.join('; ')
    : `${names.slice(0, 5).join('; ')} and ${names.length - 5} more`;
}

const invalid = (id: string, reason: string) => refuse('USAJOBS', id, reason);

export function normalizeUsaJobs(
  raw: unknown,
  ctx: Pick<SourceContext<UsaJobsConfig, UsaJobsSecrets>, 'sourceId' | 'config' | 'now'>,
): JobInputDraft {
  const item = postingObject<UsaJobsItem>('USAJOBS', raw);
  const desc = item.MatchedObjectDescriptor;
  const id = text(item.MatchedObjectId) || text(desc?.PositionID);
  if (id === '') throw invalid('?', 'has no MatchedObjectId');
  if (desc === undefined || typeof desc !== 'object')
    throw invalid(id, 'has no MatchedObjectDescriptor');
  const title = text(desc.PositionTitle);
  if (title === '') throw invalid(id, 'has no PositionTitle');
  const url = [desc.PositionURI, ...(desc.ApplyURI ?? [])].map(text).find(looksLikeHttpUrl);
  if (url === undefined) throw invalid(id, 'has no PositionURI');
  const company = text(desc.OrganizationName) || text(desc.DepartmentName);
  if (company === '') throw invalid(id, 'names no OrganizationName');
  const details = desc.UserArea?.Details;
  const offering = (desc.PositionOfferingType ?? []).map((o) => text(o.Name)).join(' ');
  const schedule = (desc.PositionSchedule ?? []).map((o) => text(o.Name)).join(' ');
  const descriptionHtml = [
    section('Summary', details?.JobSummary),
    section('Major duties', details?.MajorDuties),
    section('Qualifications', desc.QualificationSummary),
    section('Requirements', details?.Requirements),
    section('Education', details?.Education),
  ]
    .filter((s) => s !== '')
    .join('\n');
  return {
    sourceType: 'usajobs',
    sourceId: ctx.sourceId,
    externalId: id,
    url,
    title,
    company,
    location: location(desc),
    remote: remoteMode(details),
    employmentType: employmentType(schedule, offering),
    salary: salary(desc),
    descriptionHtml,
    descriptionText: '',
    // USAJOBS times have no zone (`2025-11-10T00:00:00.0000`): read as UTC.
    postedAt: firstDate(ctx.now(), desc.PublicationStartDate, desc.PositionStartDate),
    fetchedAt: ctx.now().toISOString(),
    expiresAt: firstDate(ctx.now(), desc.ApplicationCloseDate, desc.PositionEndDate),
    raw,
  };
}

export const usaJobsSource = defineSource<UsaJobsConfig, UsaJobsSecrets>({
  type: 'usajobs',
  label: 'USAJOBS',
  description: "The US federal government's job board, through its Search API",
  terms: {
    termsUrl: 'https://developer.usajobs.gov/',
    attribution: null,
    minPollMinutes: 60,
    notes:
      'Needs a free key issued to an e-mail address; USAJOBS asks for that address as the User-Agent. Zone-less dates are read as UTC; a posting closes at ApplicationCloseDate.',
  },
  configSchema: UsaJobsConfig,
  secretSchema: UsaJobsSecrets,
  async test(ctx) {
    const page = await getPage(ctx, 1, 1);
    const result = page.SearchResult;
    const available = result?.SearchResultCountAll ?? result?.SearchResultItems?.length ?? 0;
    return { ok: true, message: `USAJOBS answered: ${available} postings match`, available };
  },
  async *fetch(ctx) {
    let seen = 0;
    for (let page = 1; page <= ctx.config.maxPages; page++) {
      const result = (await getPage(ctx, page, RESULTS_PER_PAGE)).SearchResult;
      const items = result?.SearchResultItems ?? [];
      if (items.length === 0) return;
      yield items;
      seen += items.length;
      const pages = Number(result?.UserArea?.NumberOfPages);
      if (items.length < RESULTS_PER_PAGE) return;
      if (Number.isFinite(pages) && pages > 0 && page >= pages) return;
      if (typeof result?.SearchResultCountAll === 'number' && seen >= result.SearchResultCountAll)
        return;
    }
  },
  normalize: normalizeUsaJobs,
});
