import { z } from 'zod';
import {
  DomainError,
  extractSkills,
  formatIssues,
  normalizeSkill,
  type EmploymentType,
  type JobInputDraft,
  type RemoteMode,
  type Seniority,
} from '@applydesk/domain';
import { BaseSourceConfig, defineSource, type SourceContext } from '../adapter.js';
import { httpFailure } from '../http/http-client.js';

export const ARBEITNOW_TYPE = 'arbeitnow';
const DEFAULT_BASE = 'https://www.arbeitnow.com';

export const ArbeitnowConfig = BaseSourceConfig.extend({
  maxPages: z
    .number()
    .int()
    .min(1)
    .max(50)
    .default(5)
    .describe('read at most this many pages (about 100 postings each), newest first'),
});
export type ArbeitnowConfig = z.infer<typeof ArbeitnowConfig>;

/** One posting of `GET /api/job-board-api`. */
export const ArbeitnowJob = z.object({
  slug: z.string().trim().min(1),
  company_name: z.string().trim().min(1),
  title: z.string().trim().min(1),
  description: z.string().nullish(),
  remote: z.boolean().nullish(),
  url: z.url(),
  tags: z.array(z.string()).nullish(),
  job_types: z.array(z.string()).nullish(),
  location: z.string().nullish(),
  created_at: z.union([z.number(), z.string()]).nullish(),
});
export type ArbeitnowJob = z.infer<typeof ArbeitnowJob>;

const Page = z.object({
  data: z.array(z.unknown()),
  links: z.object({ next: z.string().nullish() }).partial().nullish(),
  meta: z.unknown().optional(),
});

type Ctx = Pick<
  SourceContext<ArbeitnowConfig, Record<string, never>>,
  'config' | 'http' | 'signal'
>;

export function arbeitnowUrl(config: ArbeitnowConfig, page: number): string {
  return `${(config.baseUrl ?? DEFAULT_BASE).replace(/\/+$/, '')}/api/job-board-api?page=${page}`;
}

async function getPage(ctx: Ctx, page: number): Promise<z.infer<typeof Page>> {
  const url = arbeitnowUrl(ctx.config, page);
  const body = await ctx.http.getJson(url, ctx.signal === undefined ? {} : { signal: ctx.signal });
  const parsed = Page.safeParse(body);
  if (!parsed.success) {
    throw httpFailure(
      'malformed',
      url,
      `${url} answered JSON without a data list: ${formatIssues(parsed.error).join('; ')}`,
    );
  }
  return parsed.data;
}

/** Arbeitnow's job_types mix contract kinds and levels, in English and German. */
function employmentOf(types: string): EmploymentType {
  if (/\bintern(ship)?\b|praktikum/.test(types)) return 'internship';
  if (/working student|werkstudent|mini-?job/.test(types)) return 'part_time';
  if (/\bcontract\b|befristet/.test(types)) return 'contract';
  if (/freelance|freiberuf/.test(types)) return 'freelance';
  if (/part[- ]?time|teilzeit/.test(types)) return 'part_time';
  if (/full[- ]?time|vollzeit|permanent|festanstellung|unbefristet/.test(types)) return 'full_time';
  return 'unknown';
}

function seniorityOf(types: string): Seniority {
  if (/\bintern(ship)?\b|praktikum|werkstudent|working student/.test(types)) return 'intern';
  if (/mid[- ]senior|mid[- ]level|\bexperienced\b|berufserfahren/.test(types)) return 'mid';
  if (/\bsenior\b/.test(types)) return 'senior';
  if (/\bjunior\b|entry[- ]level|berufseinsteiger|graduate/.test(types)) return 'junior';
  if (/\b(lead|head|director|manager)\b|führungskraft/.test(types)) return 'lead';
  return 'unknown';
}

function remoteOf(job: ArbeitnowJob): RemoteMode {
  if (job.remote === true) return 'remote';
  const words = [job.title, job.location ?? '', ...(job.tags ?? []), ...(job.job_types ?? [])].join(
    ' ',
  );
  if (/\bhybrid\b/i.test(words)) return 'hybrid';
  return job.remote === false ? 'onsite' : 'unknown';
}

/** `created_at` is seconds since 1970. */
function postedAt(value: number | string | null | undefined): string | null {
  const n = typeof value === 'string' ? Number(value.trim()) : value;
  if (typeof n !== 'number' || !Number.isFinite(n) || n <= 0 || n > 1e11) return null;
  return new Date(n * 1000).toISOString();
}

/** The tags that name a skill ApplyDesk knows, in its spelling; others dropped. */
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
  if (typeof raw === 'object' && raw !== null && 'slug' in raw) return String(raw.slug);
  return '?';
}

export const arbeitnowSource = defineSource({
  type: ARBEITNOW_TYPE,
  label: 'Arbeitnow',
  description:
    'Jobs in Germany and Europe, many in English or remote, from the Arbeitnow job board API (no key).',
  terms: {
    termsUrl: 'https://www.arbeitnow.com/blog/job-board-api',
    attribution:
      'Arbeitnow asks that you link back to the site: keep the posting URL on arbeitnow.com.',
    minPollMinutes: 60,
    notes:
      'A free public API: "please do not abuse"; by using it you accept the terms of service on arbeitnow.com. Jobs are updated every hour, newest first, about 100 a page.',
  },
  configSchema: ArbeitnowConfig,
  secretSchema: z.object({}),

  async test(ctx) {
    try {
      const page = await getPage(ctx, 1);
      return {
        ok: true,
        message: `Arbeitnow answered with ${page.data.length} postings on page 1`,
      };
    } catch (error) {
      return { ok: false, message: error instanceof Error ? error.message : String(error) };
    }
  },

  async *fetch(ctx) {
    for (let page = 1; page <= ctx.config.maxPages; page++) {
      const body = await getPage(ctx, page);
      if (body.data.length === 0) return;
      yield body.data;
      // links.next names the next page on arbeitnow.com; only whether there is one is used,
      // so a baseUrl override (a mirror, a test server) keeps every request on its host.
      if (body.links !== undefined && body.links !== null && (body.links.next ?? null) === null)
        return;
    }
  },

  normalize(raw, ctx): JobInputDraft {
    const parsed = ArbeitnowJob.safeParse(raw);
    if (!parsed.success) {
      const problems = formatIssues(parsed.error);
      throw new DomainError(
        'INVALID_INPUT',
        `arbeitnow posting ${idOf(raw)} cannot be mapped: ${problems.join('; ')}`,
        {
          details: { externalId: idOf(raw), problems },
        },
      );
    }
    const job = parsed.data;
    const types = (job.job_types ?? []).join(' | ').toLowerCase();
    return {
      sourceType: ARBEITNOW_TYPE,
      sourceId: ctx.sourceId,
      externalId: job.slug,
      url: job.url,
      title: job.title,
      company: job.company_name,
      location: job.location?.trim() || null,
      remote: remoteOf(job),
      employmentType: employmentOf(types),
      seniority: seniorityOf(types),
      salary: null,
      descriptionHtml: job.description ?? '',
      descriptionText: '',
      skills: skillsFromTags(job.tags ?? []),
      postedAt: postedAt(job.created_at),
      fetchedAt: ctx.now().toISOString(),
      raw,
    };
  },
});
