import { z } from 'zod';
import { parseSalaryText, type EmploymentType, type JobInputDraft } from '@applydesk/domain';
import { BaseSourceConfig, defineSource, type SourceContext } from '../adapter.js';
import { firstDate } from '../shared/dates.js';
import { idOf, parsePosting } from '../shared/refuse.js';
import { getShaped, reportTest } from '../shared/requests.js';
import { skillsFromTags } from '../shared/tags.js';
import { apiBase } from '../shared/urls.js';

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
  return `${apiBase(config.baseUrl, DEFAULT_BASE)}/api/remote-jobs${query === '' ? '' : `?${query}`}`;
}

async function getJobs(ctx: Ctx, url: string): Promise<unknown[]> {
  return (await getShaped(ctx, url, { schema: Envelope, what: 'without a jobs list' })).jobs;
}

const JOB_TYPES: Record<string, EmploymentType> = {
  full_time: 'full_time',
  part_time: 'part_time',
  contract: 'contract',
  freelance: 'freelance',
  internship: 'internship',
};

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

  test(ctx) {
    return reportTest(async () => {
      const jobs = await getJobs(ctx, remotiveUrl(ctx.config, 1));
      return {
        ok: true,
        message:
          jobs.length === 0
            ? 'Remotive answered, with no posting for these filters'
            : 'Remotive answered with postings',
      };
    });
  },

  async *fetch(ctx) {
    const jobs = await getJobs(ctx, remotiveUrl(ctx.config));
    if (jobs.length > 0) yield jobs;
  },

  normalize(raw, ctx): JobInputDraft {
    const job = parsePosting(RemotiveJob, raw, REMOTIVE_TYPE, idOf(raw));
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
      // Remotive documents salary as free text, "usually a yearly salary range, in USD".
      salary: parseSalaryText(job.salary ?? '', { currency: 'USD' }),
      descriptionHtml: job.description ?? '',
      descriptionText: '',
      skills: skillsFromTags(job.tags ?? []),
      postedAt: firstDate(ctx.now(), job.publication_date),
      fetchedAt: ctx.now().toISOString(),
      raw,
    };
  },
});
