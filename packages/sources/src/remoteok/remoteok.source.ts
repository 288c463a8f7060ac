import { z } from 'zod';
import { type EmploymentType, type JobInputDraft, type Seniority } from '@applydesk/domain';
import { BaseSourceConfig, defineSource, type SourceContext } from '../adapter.js';
import { httpFailure } from '../http/http-client.js';
import { firstDate } from '../shared/dates.js';
import { idOf, parsePosting } from '../shared/refuse.js';
import { reportTest, withSignal } from '../shared/requests.js';
import { positiveAmountOf, salaryRange } from '../shared/salary.js';
import { skillsFromTags } from '../shared/tags.js';
import { apiBase } from '../shared/urls.js';

export const REMOTEOK_TYPE = 'remoteok';
const DEFAULT_BASE = 'https://remoteok.com';

export const RemoteOkConfig = BaseSourceConfig.extend({
  tags: z
    .union([z.string().min(1), z.array(z.string().min(1)).min(1)])
    .optional()
    .describe(
      'only postings with these Remote OK tags, as a comma list ("javascript,react") or a list',
    ),
});
export type RemoteOkConfig = z.infer<typeof RemoteOkConfig>;

/** One job of `GET /api` (every element after the legal notice). */
export const RemoteOkJob = z.object({
  id: z.union([z.string().min(1), z.number()]),
  slug: z.string().nullish(),
  epoch: z.union([z.number(), z.string()]).nullish(),
  date: z.string().nullish(),
  company: z.string().trim().min(1),
  company_logo: z.string().nullish(),
  position: z.string().trim().min(1),
  tags: z.array(z.string()).nullish(),
  logo: z.string().nullish(),
  description: z.string().nullish(),
  location: z.string().nullish(),
  salary_min: z.union([z.number(), z.string()]).nullish(),
  salary_max: z.union([z.number(), z.string()]).nullish(),
  apply_url: z.string().nullish(),
  url: z.url(),
});
export type RemoteOkJob = z.infer<typeof RemoteOkJob>;

type Ctx = Pick<SourceContext<RemoteOkConfig, Record<string, never>>, 'config' | 'http' | 'signal'>;

function tagList(config: RemoteOkConfig): string[] {
  const tags = config.tags;
  if (tags === undefined) return [];
  return (Array.isArray(tags) ? tags : tags.split(','))
    .map((t) => t.trim().toLowerCase())
    .filter((t) => t !== '');
}

export function remoteOkUrl(config: RemoteOkConfig): string {
  const tags = tagList(config);
  const base = `${apiBase(config.baseUrl, DEFAULT_BASE)}/api`;
  return tags.length === 0 ? base : `${base}?tags=${tags.map(encodeURIComponent).join(',')}`;
}

/** Element 0 of the feed: `{ last_updated, legal }`, the API's terms, not a job. */
export function isLegalNotice(element: unknown): boolean {
  return (
    typeof element === 'object' &&
    element !== null &&
    'legal' in element &&
    !('position' in element)
  );
}

async function getJobs(ctx: Ctx): Promise<unknown[]> {
  const url = remoteOkUrl(ctx.config);
  const body = await ctx.http.getJson<unknown>(url, withSignal(ctx.signal));
  if (!Array.isArray(body)) {
    throw httpFailure(
      'malformed',
      url,
      `${url} answered JSON that is not the expected array of jobs`,
    );
  }
  return (body as unknown[]).filter((element) => !isLegalNotice(element));
}

/** USD a year; 0 (or absent) means the poster gave none. */
function salaryOf(job: RemoteOkJob): JobInputDraft['salary'] {
  return salaryRange(
    positiveAmountOf(job.salary_min),
    positiveAmountOf(job.salary_max),
    'USD',
    'year',
  );
}

function employmentOf(tags: readonly string[]): EmploymentType {
  if (tags.some((t) => /^(contract|contractor)$/.test(t))) return 'contract';
  if (tags.some((t) => /^(freelance|freelancer)$/.test(t))) return 'freelance';
  if (tags.some((t) => /^part[- ]?time$/.test(t))) return 'part_time';
  if (tags.some((t) => /^(intern|internship)$/.test(t))) return 'internship';
  if (tags.some((t) => /^full[- ]?time$/.test(t))) return 'full_time';
  return 'unknown';
}

function seniorityOf(tags: readonly string[]): Seniority {
  const order: [RegExp, Seniority][] = [
    [/^(exec|executive)$/, 'executive'],
    [/^principal$/, 'principal'],
    [/^lead$/, 'lead'],
    [/^(senior|sr)$/, 'senior'],
    [/^(junior|jr|entry level)$/, 'junior'],
    [/^(intern|internship)$/, 'intern'],
  ];
  for (const [pattern, level] of order) if (tags.some((t) => pattern.test(t))) return level;
  return 'unknown';
}

export const remoteokSource = defineSource({
  type: REMOTEOK_TYPE,
  label: 'Remote OK',
  description: 'Remote jobs from the Remote OK board (public JSON feed, no key).',
  terms: {
    termsUrl: 'https://remoteok.com/api',
    attribution:
      'Required by the API terms: link back to the posting URL on Remote OK (a followed link, no nofollow) and mention Remote OK as the source. The Remote OK logo may not be used without written permission; the name may.',
    minPollMinutes: 60,
    notes:
      'One request returns the whole active board; its first element is the legal notice (skipped). Remote OK suspends API access for users who do not link back. No documented rate limit: hourly is plenty.',
  },
  configSchema: RemoteOkConfig,
  secretSchema: z.object({}),

  test(ctx) {
    return reportTest(async () => {
      const jobs = await getJobs(ctx);
      return {
        ok: true,
        message: `Remote OK answered with ${jobs.length} postings`,
        available: jobs.length,
      };
    });
  },

  async *fetch(ctx) {
    const jobs = await getJobs(ctx);
    if (jobs.length > 0) yield jobs;
  },

  normalize(raw, ctx): JobInputDraft {
    const job = parsePosting(RemoteOkJob, raw, REMOTEOK_TYPE, idOf(raw));
    const tags = (job.tags ?? []).map((t) => t.trim().toLowerCase());
    return {
      sourceType: REMOTEOK_TYPE,
      sourceId: ctx.sourceId,
      externalId: String(job.id),
      // The Remote OK page, not apply_url: the terms ask for a link back to Remote OK.
      url: job.url,
      title: job.position,
      company: job.company,
      location: job.location?.trim() || null,
      remote: 'remote',
      employmentType: employmentOf(tags),
      seniority: seniorityOf(tags),
      salary: salaryOf(job),
      descriptionHtml: job.description ?? '',
      descriptionText: '',
      skills: skillsFromTags(job.tags ?? []),
      // `epoch` is seconds since 1970; `date` the same instant in ISO 8601.
      postedAt: firstDate(ctx.now(), job.epoch, job.date),
      fetchedAt: ctx.now().toISOString(),
      raw,
    };
  },
});
