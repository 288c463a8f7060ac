import { z } from 'zod';
import {
  inferEmploymentType,
  type EmploymentType,
  type JobInputDraft,
  type RemoteMode,
  type Seniority,
} from '@applydesk/domain';
import { BaseSourceConfig, defineSource, type SourceContext } from '../adapter.js';
import { maxPagesOption } from '../shared/config-fields.js';
import { firstDate } from '../shared/dates.js';
import { idOf, parsePosting } from '../shared/refuse.js';
import { getShaped, reportTest } from '../shared/requests.js';
import { skillsFromTags } from '../shared/tags.js';
import { apiBase } from '../shared/urls.js';

export const ARBEITNOW_TYPE = 'arbeitnow';
const DEFAULT_BASE = 'https://www.arbeitnow.com';

export const ArbeitnowConfig = BaseSourceConfig.extend({
  maxPages: maxPagesOption(
    50,
    'read at most this many pages (about 100 postings each), newest first',
  ),
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
  return `${apiBase(config.baseUrl, DEFAULT_BASE)}/api/job-board-api?page=${page}`;
}

function getPage(ctx: Ctx, page: number): Promise<z.infer<typeof Page>> {
  return getShaped(ctx, arbeitnowUrl(ctx.config, page), {
    schema: Page,
    what: 'without a data list',
  });
}

/**
 * Arbeitnow's job_types mix contract kinds and levels, in English and German, read by the
 * domain's inferEmploymentType; the German words it does not know are read here.
 */
function employmentOf(types: string): EmploymentType {
  const inferred = inferEmploymentType(types);
  if (inferred !== 'unknown') return inferred;
  if (/mini-?job/.test(types)) return 'part_time';
  if (/freiberuf/.test(types)) return 'freelance';
  if (/festanstellung|unbefristet/.test(types)) return 'full_time';
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

  test(ctx) {
    return reportTest(async () => {
      const page = await getPage(ctx, 1);
      return {
        ok: true,
        message: `Arbeitnow answered with ${page.data.length} postings on page 1`,
      };
    });
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
    const job = parsePosting(ArbeitnowJob, raw, ARBEITNOW_TYPE, idOf(raw, 'slug'));
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
      // `created_at` is seconds since 1970.
      postedAt: firstDate(ctx.now(), job.created_at),
      fetchedAt: ctx.now().toISOString(),
      raw,
    };
  },
});
