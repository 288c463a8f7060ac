import { z } from 'zod';
import {
  DomainError,
  extractSkills,
  formatIssues,
  normalizeSkill,
  type EmploymentType,
  type JobInputDraft,
} from '@applydesk/domain';
import { BaseSourceConfig, defineSource, type SourceContext } from '../adapter.js';
import { httpFailure } from '../http/http-client.js';
import { parseSalaryText } from '../hn/salary-text.js';

export const REMOTIVE_TYPE = 'remotive';
const DEFAULT_BASE = 'https://remotive.com';

export const RemotiveConfig = BaseSourceConfig.extend({
  category: z
    .string()
    .min(1)
    .optional()
    .describe(
      'a Remotive category name or slug, e.g. software-dev (see remotive.com/api/remote-jobs/categories)',
    ),
  search: z.string().min(1).optional().describe('words to find in the title and description'),
  limit: z
    .number()
    .int()
    .positive()
    .optional()
    .describe('at most this many postings (default: all)'),
});
export type RemotiveConfig = z.infer<typeof RemotiveConfig>;

/** One posting of `GET /api/remote-jobs`, as documented by Remotive. */
export const RemotiveJob = z.object({
  id: z.union([z.number(), z.string().min(1)]),
  url: z.url(),
  title: z.string().trim().min(1),
  company_name: z.string().trim().min(1),
  company_logo: z.string().nullish(),
  category: z.string().nullish(),
  tags: z.array(z.string()).nullish(),
  job_type: z.string().nullish(),
  publication_date: z.string().nullish(),
  candidate_required_location: z.string().nullish(),
  salary: z.string().nullish(),
  description: z.string().nullish(),
});
export type RemotiveJob = z.infer<typeof RemotiveJob>;

const Envelope = z.object({ 'job-count': z.number().optional(), jobs: z.array(z.unknown()) });

type Ctx = Pick<SourceContext<RemotiveConfig, Record<string, never>>, 'config' | 'http' | 'signal'>;

export function remotiveUrl(config: RemotiveConfig, limit = config.limit): string {
  const params = new URLSearchParams();
  if (config.category !== undefined) params.set('category', config.category);
  if (config.search !== undefined) params.set('search', config.search);
  if (limit !== undefined) params.set('limit', String(limit));
  const query = params.toString();
  return `${(config.baseUrl ?? DEFAULT_BASE).replace(/\/+$/, '')}/api/remote-jobs${query === '' ? '' : `?${query}`}`;
}

async function getJobs(ctx: Ctx, url: string): Promise<unknown[]> {
  const body = await ctx.http.getJson(url, ctx.signal === undefined ? {} : { signal: ctx.signal });
  const parsed = Envelope.safeParse(body);
  if (!parsed.success) {
    throw httpFailure(
      'malformed',
      url,
      `${url} answered JSON without a jobs list: ${formatIssues(parsed.error).join('; ')}`,
    );
  }
  return parsed.data.jobs;
}

const JOB_TYPES: Record<string, EmploymentType> = {
  full_time: 'full_time',
  part_time: 'part_time',
  contract: 'contract',
  freelance: 'freelance',
  internship: 'internship',
};

/** Remotive's dates carry no offset ("2025-06-10T12:34:56"); they are UTC. */
export function remotiveDate(value: string | null | undefined): string | null {
  if (value === null || value === undefined || value.trim() === '') return null;
  const text = value.trim();
  const withZone = /[zZ]|[+-]\d{2}:?\d{2}$/.test(text) ? text : `${text}Z`;
  const at = Date.parse(withZone);
  return Number.isNaN(at) ? null : new Date(at).toISOString();
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

export const remotiveSource = defineSource({
  type: REMOTIVE_TYPE,
  label: 'Remotive',
  description: 'Remote jobs from the Remotive job board (public API, no key).',
  terms: {
    termsUrl: 'https://github.com/remotive-com/remote-jobs-api',
    attribution:
      'Link back to the posting URL on Remotive and mention Remotive as the source; Remotive ends API access for listings that do not.',
    minPollMinutes: 360,
    notes:
      'Remotive advises at most 4 requests a day (data changes no faster) and blocks more than 2 a minute. Jobs are shown 24 hours late. Do not submit Remotive jobs to third-party job sites (Jooble, Neuvoo, Google Jobs, LinkedIn Jobs) or use them to collect sign-ups.',
  },
  configSchema: RemotiveConfig,
  secretSchema: z.object({}),

  async test(ctx) {
    try {
      const jobs = await getJobs(ctx, remotiveUrl(ctx.config, 1));
      return {
        ok: true,
        message:
          jobs.length === 0
            ? 'Remotive answered, with no posting for these filters'
            : 'Remotive answered with postings',
      };
    } catch (error) {
      return { ok: false, message: error instanceof Error ? error.message : String(error) };
    }
  },

  async *fetch(ctx) {
    const jobs = await getJobs(ctx, remotiveUrl(ctx.config));
    if (jobs.length > 0) yield jobs;
  },

  normalize(raw, ctx): JobInputDraft {
    const parsed = RemotiveJob.safeParse(raw);
    if (!parsed.success) {
      const problems = formatIssues(parsed.error);
      throw new DomainError(
        'INVALID_INPUT',
        `remotive posting ${idOf(raw)} cannot be mapped: ${problems.join('; ')}`,
        {
          details: { externalId: idOf(raw), problems },
        },
      );
    }
    const job = parsed.data;
    // Remotive documents salary as free text, "usually a yearly salary range, in USD".
    const pay =
      job.salary === null || job.salary === undefined
        ? null
        : parseSalaryText(job.salary, { defaultCurrency: 'USD' });
    return {
      sourceType: REMOTIVE_TYPE,
      sourceId: ctx.sourceId,
      externalId: String(job.id),
      url: job.url,
      title: job.title,
      company: job.company_name,
      location: job.candidate_required_location?.trim() || null,
      remote: 'remote',
      employmentType: JOB_TYPES[job.job_type ?? ''] ?? 'unknown',
      salary:
        pay === null
          ? null
          : { min: pay.min, max: pay.max, currency: pay.currency, period: pay.period },
      descriptionHtml: job.description ?? '',
      descriptionText: '',
      skills: skillsFromTags(job.tags ?? []),
      postedAt: remotiveDate(job.publication_date),
      fetchedAt: ctx.now().toISOString(),
      raw,
    };
  },
});
