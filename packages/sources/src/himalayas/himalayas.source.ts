import { z } from 'zod';
import {
  DomainError,
  extractSkills,
  formatIssues,
  normalizeSkill,
  type EmploymentType,
  type JobInputDraft,
  type SalaryPeriod,
  type Seniority,
} from '@applydesk/domain';
import { BaseSourceConfig, defineSource, type SourceContext } from '../adapter.js';
import { httpFailure } from '../http/http-client.js';

export const HIMALAYAS_TYPE = 'himalayas';
const DEFAULT_BASE = 'https://himalayas.app';
/** The API serves at most 20 jobs a request. */
const PAGE_SIZE = 20;

export const HimalayasConfig = BaseSourceConfig.extend({
  maxPages: z
    .number()
    .int()
    .min(1)
    .max(50)
    .default(5)
    .describe('read at most this many pages of 20 postings, newest first'),
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
  return `${(config.baseUrl ?? DEFAULT_BASE).replace(/\/+$/, '')}/jobs/api?limit=${limit}&offset=${offset}`;
}

async function getPage(ctx: Ctx, offset: number, limit = PAGE_SIZE): Promise<z.infer<typeof Page>> {
  const url = himalayasUrl(ctx.config, offset, limit);
  const body = await ctx.http.getJson(url, ctx.signal === undefined ? {} : { signal: ctx.signal });
  const parsed = Page.safeParse(body);
  if (!parsed.success) {
    throw httpFailure(
      'malformed',
      url,
      `${url} answered JSON without a jobs list: ${formatIssues(parsed.error).join('; ')}`,
    );
  }
  return parsed.data;
}

const EMPLOYMENT: Record<string, EmploymentType> = {
  'full time': 'full_time',
  'full-time': 'full_time',
  'part time': 'part_time',
  'part-time': 'part_time',
  contractor: 'contract',
  contract: 'contract',
  temporary: 'temporary',
  intern: 'internship',
  internship: 'internship',
  freelance: 'freelance',
};

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
  const min = typeof job.minSalary === 'number' && job.minSalary > 0 ? job.minSalary : null;
  const max = typeof job.maxSalary === 'number' && job.maxSalary > 0 ? job.maxSalary : null;
  if (min === null && max === null) return null;
  // Salaries without a currency are in US dollars on Himalayas.
  const currency = /^[A-Za-z]{3}$/.test(job.currency ?? '') ? job.currency!.toUpperCase() : 'USD';
  const [low, high] = min !== null && max !== null && min > max ? [max, min] : [min, max];
  return { min: low, max: high, currency, period: periodOf(job.salaryPeriod) };
}

/** Seconds since 1970 (milliseconds are recognized too). */
function instant(value: number | string | null | undefined): string | null {
  const n = typeof value === 'string' ? Number(value.trim()) : value;
  if (typeof n !== 'number' || !Number.isFinite(n) || n <= 0) return null;
  return new Date(n > 1e11 ? n : n * 1000).toISOString();
}

function isHttpUrl(value: string | null | undefined): value is string {
  return typeof value === 'string' && /^https?:\/\//i.test(value.trim());
}

/** The categories that name a skill ApplyDesk knows, in its spelling; others dropped. */
function skillsFromTags(tags: readonly string[]): string[] {
  const skills = tags.flatMap((tag) => {
    const tidy = tag.trim().replace(/\s+/g, ' ');
    const key = tidy.toLowerCase();
    const skill = normalizeSkill(key);
    return skill !== key ? [skill] : extractSkills(tidy);
  });
  return [...new Set(skills)];
}

function idOf(raw: unknown): string {
  if (typeof raw === 'object' && raw !== null && 'guid' in raw) return String(raw.guid);
  return '?';
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

  async test(ctx) {
    try {
      const page = await getPage(ctx, 0, 1);
      return {
        ok: true,
        message: `Himalayas answered: ${page.totalCount ?? page.jobs.length} postings listed`,
        ...(page.totalCount === undefined ? {} : { available: page.totalCount }),
      };
    } catch (error) {
      return { ok: false, message: error instanceof Error ? error.message : String(error) };
    }
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
    const parsed = HimalayasJob.safeParse(raw);
    if (!parsed.success) {
      const problems = formatIssues(parsed.error);
      throw new DomainError(
        'INVALID_INPUT',
        `himalayas posting ${idOf(raw)} cannot be mapped: ${problems.join('; ')}`,
        {
          details: { externalId: idOf(raw), problems },
        },
      );
    }
    const job = parsed.data;
    const url = isHttpUrl(job.applicationLink)
      ? job.applicationLink.trim()
      : isHttpUrl(job.guid)
        ? job.guid
        : null;
    if (url === null) {
      throw new DomainError(
        'INVALID_INPUT',
        `himalayas posting ${job.guid} cannot be mapped: it has no link`,
        {
          details: { externalId: job.guid },
        },
      );
    }
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
      employmentType: EMPLOYMENT[(job.employmentType ?? '').trim().toLowerCase()] ?? 'unknown',
      seniority: seniorityOf(job.seniority ?? []),
      salary: salaryOf(job),
      descriptionHtml: job.description ?? job.excerpt ?? '',
      descriptionText: '',
      skills: skillsFromTags(categories.map((c) => c.replace(/-/g, ' '))),
      postedAt: instant(job.pubDate),
      fetchedAt: ctx.now().toISOString(),
      expiresAt: instant(job.expiryDate),
      raw,
    };
  },
});
