import { z } from 'zod';
import {
  DomainError,
  extractSkills,
  formatIssues,
  normalizeSkill,
  type EmploymentType,
  type JobInputDraft,
  type Seniority,
} from '@applydesk/domain';
import { BaseSourceConfig, defineSource, type SourceContext } from '../adapter.js';
import { httpFailure } from '../http/http-client.js';

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
  const base = `${(config.baseUrl ?? DEFAULT_BASE).replace(/\/+$/, '')}/api`;
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
  const body = await ctx.http.getJson<unknown>(
    url,
    ctx.signal === undefined ? {} : { signal: ctx.signal },
  );
  if (!Array.isArray(body)) {
    throw httpFailure(
      'malformed',
      url,
      `${url} answered JSON that is not the expected array of jobs`,
    );
  }
  return (body as unknown[]).filter((element) => !isLegalNotice(element));
}

/** A positive finite number, whether sent as a number or a numeric string; else null. */
function positive(value: number | string | null | undefined): number | null {
  const n = typeof value === 'string' ? Number(value.trim()) : value;
  return typeof n === 'number' && Number.isFinite(n) && n > 0 ? n : null;
}

function salaryOf(job: RemoteOkJob): JobInputDraft['salary'] {
  // USD a year; 0 (or absent) means the poster gave none.
  const min = positive(job.salary_min);
  const max = positive(job.salary_max);
  if (min === null && max === null) return null;
  if (min !== null && max !== null && min > max)
    return { min: max, max: min, currency: 'USD', period: 'year' };
  return { min, max, currency: 'USD', period: 'year' };
}

/** `epoch` is seconds since 1970; `date` the same instant in ISO 8601. */
function postedAt(job: RemoteOkJob): string | null {
  const epoch = positive(job.epoch);
  if (epoch !== null && epoch < 1e11) return new Date(epoch * 1000).toISOString();
  const at = job.date === null || job.date === undefined ? NaN : Date.parse(job.date);
  return Number.isNaN(at) ? null : new Date(at).toISOString();
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

/** The tags that name a skill ApplyDesk knows, in its spelling ("node" -> "Node.js"); others dropped. */
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
  if (typeof raw === 'object' && raw !== null && 'id' in raw) return String(raw.id);
  return '?';
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

  async test(ctx) {
    try {
      const jobs = await getJobs(ctx);
      return {
        ok: true,
        message: `Remote OK answered with ${jobs.length} postings`,
        available: jobs.length,
      };
    } catch (error) {
      return { ok: false, message: error instanceof Error ? error.message : String(error) };
    }
  },

  async *fetch(ctx) {
    const jobs = await getJobs(ctx);
    if (jobs.length > 0) yield jobs;
  },

  normalize(raw, ctx): JobInputDraft {
    const parsed = RemoteOkJob.safeParse(raw);
    if (!parsed.success) {
      const problems = formatIssues(parsed.error);
      throw new DomainError(
        'INVALID_INPUT',
        `remoteok posting ${idOf(raw)} cannot be mapped: ${problems.join('; ')}`,
        {
          details: { externalId: idOf(raw), problems },
        },
      );
    }
    const job = parsed.data;
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
      postedAt: postedAt(job),
      fetchedAt: ctx.now().toISOString(),
      raw,
    };
  },
});
