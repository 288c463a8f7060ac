import { z } from 'zod';
import {
  type EmploymentType,
  type JobInputDraft,
  type RemoteMode,
  type Salary,
  type SalaryPeriod,
} from '@applydesk/domain';
import { BaseSourceConfig, defineSource, type SourceContext } from '../adapter.js';
import { boardOption, companyOption } from '../shared/config-fields.js';
import { firstDate } from '../shared/dates.js';
import { boundedDescription } from '../shared/description.js';
import { idOf, parsePosting, refuse } from '../shared/refuse.js';
import { counted, getShaped, reportTest } from '../shared/requests.js';
import { amountOf, currencyCode, salaryRange } from '../shared/salary.js';
import { placesText } from '../shared/text-fields.js';
import { apiBase, httpUrl } from '../shared/urls.js';

/**
 * Recruitee Careers Site API (https://docs.recruitee.com/reference/intro-to-careers-site-api): public, keyless;
 * one request returns every published offer of a company, descriptions included:
 *
 *   GET https://{account}.recruitee.com/api/offers/
 *
 * A company on its own careers domain answers the same path there: set `baseUrl` to it.
 */
export const RECRUITEE_TYPE = 'recruitee';

/** A company subdomain, or a careers site address it is read from (acme.recruitee.com). */
function accountName(value: string): string {
  const match = /^(?:https?:\/\/)?([^./]+)\.recruitee\.com(?:[/?#]|$)/i.exec(value);
  return match?.[1] ?? value;
}

export const RecruiteeConfig = BaseSourceConfig.extend({
  type: z.literal(RECRUITEE_TYPE),
  account: boardOption(
    accountName,
    /^[A-Za-z0-9-]+$/,
    'a Recruitee company subdomain: letters, digits and -',
    'company subdomain: the name before .recruitee.com in the careers site address (that address works too)',
  ),
  company: companyOption('the name Recruitee sends, else the subdomain'),
});
export type RecruiteeConfig = z.infer<typeof RecruiteeConfig>;

const TEXT = z.string().nullish();
/** Recruitee writes amounts as numbers on some offers and as strings on others. */
const AMOUNT = z.union([z.number(), z.string()]).nullish();

/** One offer, as documented (fields ApplyDesk reads; the rest stay in `raw`). */
export const RecruiteeOffer = z.object({
  id: z.union([z.number(), z.string().min(1)]),
  slug: TEXT,
  title: z.string().trim().min(1),
  description: TEXT,
  requirements: TEXT,
  careers_url: TEXT,
  company_name: TEXT,
  location: TEXT,
  city: TEXT,
  state_name: TEXT,
  country: TEXT,
  remote: z.boolean().nullish(),
  hybrid: z.boolean().nullish(),
  on_site: z.boolean().nullish(),
  employment_type_code: TEXT,
  // Read leniently: an unreadable date is a null postedAt, not a refused posting.
  published_at: z.unknown().optional(),
  created_at: z.unknown().optional(),
  salary: z.object({ min: AMOUNT, max: AMOUNT, currency: TEXT, period: TEXT }).nullish(),
});
export type RecruiteeOffer = z.infer<typeof RecruiteeOffer>;

const Envelope = z.object({ offers: z.array(z.unknown()) });

type Ctx = Pick<
  SourceContext<RecruiteeConfig, Record<string, never>>,
  'config' | 'http' | 'signal'
>;

function siteBase(config: RecruiteeConfig): string {
  return apiBase(config.baseUrl, `https://${config.account}.recruitee.com`);
}

export function recruiteeOffersUrl(config: RecruiteeConfig): string {
  return `${siteBase(config)}/api/offers/`;
}

function notFoundMessage(account: string): string {
  return `Recruitee has no careers site "${account}" (HTTP 404): check the company subdomain's spelling; it is the name before .recruitee.com in the careers site address`;
}

async function getOffers(ctx: Ctx): Promise<unknown[]> {
  const body = await getShaped(ctx, recruiteeOffersUrl(ctx.config), {
    schema: Envelope,
    what: 'without an offers list',
    notFound: notFoundMessage(ctx.config.account),
  });
  return body.offers;
}

// --- mapping helpers --------------------------------------------------------------------------

/**
 * Recruitee's employment type codes: fulltime, parttime, each also `_permanent` or
 * `_fixed_term`, contract, freelance, internship, traineeship, temporary, volunteer, other.
 */
function employmentOf(code: string | null | undefined): EmploymentType {
  const c = (code ?? '').toLowerCase();
  if (c.startsWith('fulltime')) return 'full_time';
  if (c.startsWith('parttime')) return 'part_time';
  if (c === 'internship' || c === 'traineeship') return 'internship';
  if (c === 'contract') return 'contract';
  if (c === 'freelance') return 'freelance';
  if (c === 'temporary') return 'temporary';
  return 'unknown';
}

/** A job open to remote work is remote to a job seeker, even if an office is an option too. */
function remoteOf(offer: RecruiteeOffer): RemoteMode {
  if (offer.remote === true) return 'remote';
  if (offer.hybrid === true) return 'hybrid';
  if (offer.on_site === true) return 'onsite';
  return 'unknown';
}

const PERIODS: Record<string, SalaryPeriod> = {
  year: 'year',
  yearly: 'year',
  annual: 'year',
  annually: 'year',
  month: 'month',
  monthly: 'month',
  week: 'week',
  weekly: 'week',
  day: 'day',
  daily: 'day',
  hour: 'hour',
  hourly: 'hour',
};

export function recruiteeSalary(offer: RecruiteeOffer): Salary | null {
  const pay = offer.salary;
  if (pay === null || pay === undefined) return null;
  const currency = currencyCode(pay.currency);
  const period = PERIODS[(pay.period ?? '').trim().toLowerCase()];
  if (currency === null || period === undefined) return null;
  return salaryRange(amountOf(pay.min), amountOf(pay.max), currency, period);
}

function locationOf(offer: RecruiteeOffer): string | null {
  const given = offer.location?.trim();
  if (given) return given;
  return placesText([offer.city, offer.state_name, offer.country], ', ');
}

/** The offer's description, then its requirements as the careers site shows them. */
function descriptionOf(offer: RecruiteeOffer): string {
  const requirements = offer.requirements?.trim()
    ? `<h3>Requirements</h3>${offer.requirements}`
    : '';
  return `${offer.description ?? ''}${requirements}`;
}

export const recruiteeSource = defineSource({
  type: RECRUITEE_TYPE,
  label: 'Recruitee',
  description: "An employer's Recruitee careers site (public Careers Site API, no key).",
  terms: {
    termsUrl: 'https://docs.recruitee.com/reference/intro-to-careers-site-api',
    attribution: null,
    minPollMinutes: 60,
    notes:
      "The Careers Site API is public and meant for a company's own careers pages; Recruitee publishes no rate limit for it, so poll a company at most hourly. Link to each offer's careers_url so applications go through Recruitee.",
  },
  configSchema: RecruiteeConfig,
  secretSchema: z.object({}),

  test(ctx) {
    return reportTest(async () => {
      // The offers list comes in one piece; there is no smaller request.
      const offers = await getOffers(ctx);
      return {
        ok: true,
        message: `Recruitee careers site "${ctx.config.account}" answered with ${counted(offers.length, 'offer')}`,
        available: offers.length,
      };
    });
  },

  async *fetch(ctx) {
    const offers = await getOffers(ctx);
    if (offers.length > 0) yield offers;
  },

  normalize(raw, ctx): JobInputDraft {
    const offer = parsePosting(RecruiteeOffer, raw, RECRUITEE_TYPE, idOf(raw));
    const id = String(offer.id);
    const slug = offer.slug?.trim();
    const url =
      httpUrl(offer.careers_url) ??
      (slug ? `https://${ctx.config.account}.recruitee.com/o/${encodeURIComponent(slug)}` : null);
    if (url === null) {
      throw refuse(
        RECRUITEE_TYPE,
        id,
        `"${offer.title}" has neither a careers_url nor a slug to link to`,
      );
    }
    const description = boundedDescription(RECRUITEE_TYPE, id, descriptionOf(offer));
    return {
      sourceType: RECRUITEE_TYPE,
      sourceId: ctx.sourceId,
      externalId: id,
      url,
      title: offer.title,
      company: ctx.config.company ?? (offer.company_name?.trim() || ctx.config.account),
      location: locationOf(offer),
      remote: remoteOf(offer),
      employmentType: employmentOf(offer.employment_type_code),
      salary: recruiteeSalary(offer),
      descriptionHtml: description,
      descriptionText: '',
      skills: [],
      postedAt: firstDate(ctx.now(), offer.published_at, offer.created_at),
      fetchedAt: ctx.now().toISOString(),
      raw,
    };
  },
});
