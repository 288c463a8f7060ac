import { z } from 'zod';
import {
  escapeHtml,
  inferEmploymentType,
  type JobInputDraft,
  type RemoteMode,
} from '@applydesk/domain';
import { BaseSourceConfig, defineSource, type SourceContext } from '../adapter.js';
import { httpFailure } from '../http/http-client.js';
import { boardOption } from '../shared/config-fields.js';
import { firstDate } from '../shared/dates.js';
import { boundedDescription } from '../shared/description.js';
import { DetailReads } from '../shared/details.js';
import { parsePosting, refuse } from '../shared/refuse.js';
import { counted, getShaped, reportTest, withSignal } from '../shared/requests.js';
import { apiBase, httpUrl } from '../shared/urls.js';

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

/** A company identifier, or a careers page address it is read from (careers.smartrecruiters.com/Acme). */
function companyIdentifier(value: string): string {
  const match = /^https?:\/\/(?:careers|jobs)\.smartrecruiters\.com\/([^/?#]+)/i.exec(value);
  return match?.[1] ?? value;
}

export const SmartRecruitersConfig = BaseSourceConfig.extend({
  type: z.literal(SMARTRECRUITERS_TYPE),
  company: boardOption(
    companyIdentifier,
    /^[A-Za-z0-9_.-]+$/,
    'a SmartRecruiters company identifier: letters, digits, -, _ and .',
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
  return `${apiBase(config.baseUrl, DEFAULT_BASE)}/v1/companies/${encodeURIComponent(config.company)}/postings`;
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

function getList(ctx: Ctx, offset: number, limit?: number): Promise<z.infer<typeof ListPage>> {
  const { company } = ctx.config;
  return getShaped(ctx, smartRecruitersListUrl(ctx.config, offset, limit), {
    schema: ListPage,
    what: 'without totalFound and content',
    notFound: `SmartRecruiters knows no company "${company}" (HTTP 404): ${spellingHint(company)}`,
  });
}

async function getDetail(ctx: Ctx, id: string): Promise<unknown> {
  const url = smartRecruitersPostingUrl(ctx.config, id);
  const body = await ctx.http.getJson(url, withSignal(ctx.signal));
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw httpFailure('malformed', url, `${url} answered JSON that is not a posting`);
  }
  return body;
}

// --- mapping helpers --------------------------------------------------------------------------

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

function idOf(raw: unknown): string | null {
  if (typeof raw === 'object' && raw !== null && 'id' in raw) {
    const id = raw.id;
    if ((typeof id === 'string' && id.trim() !== '') || typeof id === 'number')
      return String(id).trim();
  }
  return null;
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

  test(ctx) {
    const { company } = ctx.config;
    return reportTest(async () => {
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
        message: `SmartRecruiters company "${company}" answered with ${counted(n, 'posting')}`,
        available: n,
      };
    });
  },

  async *fetch(ctx) {
    const details = new DetailReads('SmartRecruiters posting details');
    let offset = 0;
    for (let n = 0; n < MAX_PAGES; n += 1) {
      const page = await getList(ctx, offset);
      if (page.content.length === 0) break;
      const out: unknown[] = [];
      for (const item of page.content) {
        const id = idOf(item);
        // Without an id there is no detail to read: normalize refuses it, by what it has.
        const posting = id === null ? item : await details.detailOr(item, () => getDetail(ctx, id));
        if (posting !== undefined) out.push(posting);
      }
      if (out.length > 0) yield out;
      offset += page.content.length;
      if (offset >= page.totalFound) break;
    }
    details.assertSomeRead();
  },

  normalize(raw, ctx): JobInputDraft {
    const posting = parsePosting(
      SmartRecruitersPosting,
      raw,
      SMARTRECRUITERS_TYPE,
      idOf(raw) ?? '?',
    );
    const id = String(posting.id);
    if (posting.jobAd === null || posting.jobAd === undefined) {
      throw refuse(
        SMARTRECRUITERS_TYPE,
        id,
        `"${posting.name}" has no job ad: its detail could not be read this run (it is tried again on the next)`,
      );
    }
    const identifier = posting.company?.identifier?.trim() || ctx.config.company;
    const url =
      httpUrl(posting.postingUrl) ??
      `https://jobs.smartrecruiters.com/${encodeURIComponent(identifier)}/${encodeURIComponent(id)}`;
    const description = boundedDescription(SMARTRECRUITERS_TYPE, id, descriptionOf(posting));
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
      employmentType: inferEmploymentType(type?.label ?? type?.id ?? ''),
      // The Posting API publishes no structured pay.
      salary: null,
      descriptionHtml: description,
      descriptionText: '',
      skills: [],
      postedAt: firstDate(ctx.now(), posting.releasedDate),
      fetchedAt: ctx.now().toISOString(),
      raw,
    };
  },
});
