import { z } from 'zod';
import {
  inferEmploymentType,
  type JobInputDraft,
  type SalaryPeriod,
  type Seniority,
} from '@applydesk/domain';
import { BaseSourceConfig, defineSource, type SourceContext } from '../adapter.js';
import { maxPagesOption } from '../shared/config-fields.js';
import { firstDate } from '../shared/dates.js';
import { idOf, parsePosting, refuse } from '../shared/refuse.js';
import { getShaped, reportTest } from '../shared/requests.js';
import { currencyCode, positiveAmountOf, salaryRange } from '../shared/salary.js';
import { skillsFromTags } from '../shared/tags.js';
import { apiBase, looksLikeHttpUrl } from '../shared/urls.js';

export const HIMALAYAS_TYPE = 'himalayas';
const DEFAULT_BASE = 'https://himalayas.app';
/** The API serves at most 20 jobs a request. */
const PAGE_SIZE = 20;

export const HimalayasConfig = BaseSourceConfig.extend({
  maxPages: maxPagesOption(50, 'read at most this many pages of 20 postings, newest first'),
});
export type HimalayasConfig = z.infer<typeof HimalayasConfig>;

const Place = z.union([z.string(), z.object({ name: z.string() }).loose()]);

/** One job of `GET /jobs/api`. */
export const HimalayasJob = z.object({
  guid: z.string().trim().min(1),
  title: z.string().trim().min(1),
  excerpt: z.string().nullish(),
  companyName: z.string().trim().min(1),
  companySlug: z.string().nullish(),
  companyLogo: z.string().nullish(),
  employmentType: z.string().nullish(),
  minSalary: z.number().nullish(),
  maxSalary: z.number().nullish(),
  currency: z.string().nullish(),
  salaryPeriod: z.string().nullish(),
  seniority: z.array(z.string()).nullish(),
  locationRestrictions: z.array(Place).nullish(),
  timezoneRestrictions: z.array(z.number()).nullish(),
  categories: z.array(z.string()).nullish(),
  parentCategories: z.array(z.string()).nullish(),
  description: z.string().nullish(),
  pubDate: z.union([z.number(), z.string()]).nullish(),
  expiryDate: z.union([z.number(), z.string()]).nullish(),
  applicationLink: z.string().nullish(),
});
export type HimalayasJob = z.infer<typeof HimalayasJob>;

const Page = z.object({
  offset: z.number().optional(),
  limit: z.number().optional(),
  totalCount: z.number().int().nonnegative().optional(),
  jobs: z.array(z.unknown()),
});

type Ctx = Pick<
  SourceContext<HimalayasConfig, Record<string, never>>,
  'config' | 'http' | 'signal'
>;

export function himalayasUrl(config: HimalayasConfig, offset: number, limit = PAGE_SIZE): string {
  return `${apiBase(config.baseUrl, DEFAULT_BASE)}/jobs/api?limit=${limit}&offset=${offset}`;
}

function getPage(ctx: Ctx, offset: number, limit = PAGE_SIZE): Promise<z.infer<typeof Page>> {
  return getShaped(ctx, himalayasUrl(ctx.config, offset, limit), {
    schema: Page,
    what: 'without a jobs list',
  });
}

/** Himalayas levels: Entry-level, Mid-level, Senior, Manager, Director, Executive. */
function seniorityOf(levels: readonly string[]): Seniority {
  const level = (levels[0] ?? '').toLowerCase();
  if (level.startsWith('intern')) return 'intern';
  if (level.startsWith('entry') || level.startsWith('junior')) return 'junior';
  if (level.startsWith('mid')) return 'mid';
  if (level.startsWith('senior')) return 'senior';
  if (level.startsWith('manager') || level.startsWith('lead')) return 'lead';
  if (level.startsWith('director') || level.startsWith('executive') || level.startsWith('vp'))
    return 'executive';
  return 'unknown';
}

function periodOf(value: string | null | undefined): SalaryPeriod {
  const p = (value ?? '').toLowerCase();
  if (p.startsWith('hour')) return 'hour';
  if (p.startsWith('day') || p === 'daily') return 'day';
  if (p.startsWith('week')) return 'week';
  if (p.startsWith('month')) return 'month';
  return 'year';
}

function salaryOf(job: HimalayasJob): JobInputDraft['salary'] {
  // Salaries without a currency are in US dollars on Himalayas.
  return salaryRange(
    positiveAmountOf(job.minSalary),
    positiveAmountOf(job.maxSalary),
    currencyCode(job.currency) ?? 'USD',
    periodOf(job.salaryPeriod),
  );
}

export const himalayasSource = defineSource({
  type: HIMALAYAS_TYPE,
  label: 'Himalayas',
  description: 'Remote jobs from Himalayas (public API, no key), 20 a request, newest first.',
  terms: {
    termsUrl: 'https://himalayas.app/api',
    attribution:
      'Mention Himalayas as the source and keep the link to the listing on himalayas.app.',
    minPollMinutes: 60,
    notes:
      'Public API for remote job listings, at most 20 jobs a request; too many requests answer 429. Do not resubmit the listings to third-party job aggregators.',
  },
  configSchema: HimalayasConfig,
  secretSchema: z.object({}),

  test(ctx) {
    return reportTest(async () => {
      const page = await getPage(ctx, 0, 1);
      return {
        ok: true,
        message: `Himalayas answered: ${page.totalCount ?? page.jobs.length} postings listed`,
        ...(page.totalCount === undefined ? {} : { available: page.totalCount }),
      };
    });
  },

  async *fetch(ctx) {
    let offset = 0;
    for (let page = 0; page < ctx.config.maxPages; page++) {
      const body = await getPage(ctx, offset);
      if (body.jobs.length === 0) return;
      yield body.jobs;
      offset += body.jobs.length;
      if (body.totalCount !== undefined && offset >= body.totalCount) return;
    }
  },

  normalize(raw, ctx): JobInputDraft {
    const job = parsePosting(HimalayasJob, raw, HIMALAYAS_TYPE, idOf(raw, 'guid'));
    const url = [job.applicationLink?.trim(), job.guid].find(looksLikeHttpUrl);
    if (url === undefined) throw refuse(HIMALAYAS_TYPE, job.guid, 'has no link');
    const places = (job.locationRestrictions ?? [])
      .map((p) => (typeof p === 'string' ? p : p.name).trim())
      .filter(Boolean);
    const categories = [...(job.categories ?? []), ...(job.parentCategories ?? [])];
    return {
      sourceType: HIMALAYAS_TYPE,
      sourceId: ctx.sourceId,
      externalId: job.guid,
      url,
      title: job.title,
      company: job.companyName,
      // No restriction means hires may live anywhere.
      location: places.length > 0 ? places.join(', ') : 'Worldwide',
      remote: 'remote',
      employmentType: inferEmploymentType(job.employmentType ?? ''),
      seniority: seniorityOf(job.seniority ?? []),
      salary: salaryOf(job),
      descriptionHtml: job.description ?? job.excerpt ?? '',
      descriptionText: '',
      skills: skillsFromTags(categories.map((c) => c.replace(/-/g, ' '))),
      // Seconds since 1970 (milliseconds are read too).
      postedAt: firstDate(ctx.now(), job.pubDate),
      fetchedAt: ctx.now().toISOString(),
      expiresAt: firstDate(ctx.now(), job.expiryDate),
      raw,
    };
  },
});
