import { z } from 'zod';
import {
  DomainError,
  formatIssues,
  isDomainError,
  type JobInputDraft,
  type RemoteMode,
  type Seniority,
} from '@applydesk/domain';
import { BaseSourceConfig, defineSource, type SourceContext } from '../adapter.js';
import { httpFailure } from '../http/http-client.js';

export const THEMUSE_TYPE = 'themuse';
const DEFAULT_BASE = 'https://www.themuse.com';

const OneOrMore = z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]);

export const TheMuseConfig = BaseSourceConfig.extend({
  category: OneOrMore.optional().describe(
    'The Muse job category, e.g. "Software Engineering" (one or a list)',
  ),
  level: OneOrMore.optional().describe(
    '"Entry Level", "Mid Level", "Senior Level", "Management" or "Internship" (one or a list)',
  ),
  location: OneOrMore.optional().describe(
    'e.g. "New York, NY" or "Flexible / Remote" (one or a list)',
  ),
  maxPages: z
    .number()
    .int()
    .min(1)
    .max(99)
    .default(5)
    .describe('read at most this many pages of 20 postings'),
});
export type TheMuseConfig = z.infer<typeof TheMuseConfig>;

export const TheMuseSecrets = z.object({
  THEMUSE_API_KEY: z
    .string()
    .optional()
    .describe('optional; raises the limit from 500 to 3600 requests an hour'),
});
export type TheMuseSecrets = z.infer<typeof TheMuseSecrets>;

const Named = z.object({ name: z.string() }).loose();

/** One result of `GET /api/public/jobs`. */
export const TheMuseJob = z.object({
  id: z.union([z.number(), z.string().min(1)]),
  name: z.string().trim().min(1),
  contents: z.string().nullish(),
  type: z.string().nullish(),
  publication_date: z.string().nullish(),
  short_name: z.string().nullish(),
  model_type: z.string().nullish(),
  locations: z.array(Named).nullish(),
  categories: z.array(Named).nullish(),
  levels: z
    .array(z.object({ name: z.string(), short_name: z.string().nullish() }).loose())
    .nullish(),
  tags: z.array(z.unknown()).nullish(),
  refs: z.object({ landing_page: z.url() }).loose(),
  company: z
    .object({
      id: z.union([z.number(), z.string()]).nullish(),
      short_name: z.string().nullish(),
      name: z.string().trim().min(1),
    })
    .loose(),
});
export type TheMuseJob = z.infer<typeof TheMuseJob>;

const Page = z.object({
  page: z.number().int().optional(),
  page_count: z.number().int().nonnegative().optional(),
  items_per_page: z.number().int().optional(),
  total: z.number().int().nonnegative().optional(),
  results: z.array(z.unknown()),
});

type Ctx = Pick<
  SourceContext<TheMuseConfig, TheMuseSecrets>,
  'config' | 'secrets' | 'http' | 'signal'
>;

const list = (value: string | string[] | undefined): string[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

/** Pages count from 0; repeated parameters (`level=a&level=b`) ask for any of them. */
export function theMuseUrl(config: TheMuseConfig, page: number, apiKey?: string): string {
  const params = new URLSearchParams({ page: String(page) });
  for (const category of list(config.category)) params.append('category', category);
  for (const level of list(config.level)) params.append('level', level);
  for (const location of list(config.location)) params.append('location', location);
  if (apiKey !== undefined) params.set('api_key', apiKey);
  return `${(config.baseUrl ?? DEFAULT_BASE).replace(/\/+$/, '')}/api/public/jobs?${params.toString()}`;
}

/** A failure whose message and details hold the URL, with the API key taken out. */
function withoutKey(error: unknown, key: string | undefined): unknown {
  if (key === undefined || !isDomainError(error)) return error;
  const hide = (text: string) =>
    text.split(encodeURIComponent(key)).join('***').split(key).join('***');
  const details =
    error.details === undefined
      ? undefined
      : (JSON.parse(hide(JSON.stringify(error.details))) as Record<string, unknown>);
  return new DomainError(error.code, hide(error.message), {
    ...(error.hint === undefined ? {} : { hint: error.hint }),
    ...(details === undefined ? {} : { details }),
    // The low-level cause (a parse or socket error) names no URL.
    ...(error.cause === undefined ? {} : { cause: error.cause }),
  });
}

async function getPage(ctx: Ctx, page: number): Promise<z.infer<typeof Page>> {
  const key = ctx.secrets.THEMUSE_API_KEY?.trim() || undefined;
  const url = theMuseUrl(ctx.config, page, key);
  let body: unknown;
  try {
    body = await ctx.http.getJson(url, ctx.signal === undefined ? {} : { signal: ctx.signal });
  } catch (error) {
    throw withoutKey(error, key);
  }
  const parsed = Page.safeParse(body);
  if (!parsed.success) {
    const shown = theMuseUrl(ctx.config, page, key === undefined ? undefined : '***');
    throw httpFailure(
      'malformed',
      shown,
      `${shown} answered JSON without results: ${formatIssues(parsed.error).join('; ')}`,
    );
  }
  return parsed.data;
}

/** The Muse levels: Internship, Entry Level, Mid Level, Senior Level, Management. */
function seniorityOf(job: TheMuseJob): Seniority {
  const level = job.levels?.[0];
  const key = `${level?.short_name ?? ''} ${level?.name ?? ''}`.toLowerCase();
  if (key.includes('intern')) return 'intern';
  if (key.includes('entry')) return 'junior';
  if (key.includes('mid')) return 'mid';
  if (key.includes('senior')) return 'senior';
  if (key.includes('manage')) return 'lead';
  return 'unknown';
}

function remoteOf(places: readonly string[]): RemoteMode {
  if (places.some((p) => /\bremote\b|^flexible\b/i.test(p))) return 'remote';
  if (places.some((p) => /\bhybrid\b/i.test(p))) return 'hybrid';
  return 'unknown';
}

function postedAt(value: string | null | undefined): string | null {
  const at = value === null || value === undefined ? NaN : Date.parse(value);
  return Number.isNaN(at) ? null : new Date(at).toISOString();
}

function idOf(raw: unknown): string {
  if (typeof raw === 'object' && raw !== null && 'id' in raw) return String(raw.id);
  return '?';
}

export const themuseSource = defineSource({
  type: THEMUSE_TYPE,
  label: 'The Muse',
  description: 'Jobs listed on The Muse (public API v2), filtered by category, level and location.',
  terms: {
    termsUrl: 'https://www.themuse.com/developers/api/v2',
    attribution: null,
    minPollMinutes: 60,
    notes:
      "By using the API you accept The Muse's terms and conditions. Without a key: 500 requests an hour; with THEMUSE_API_KEY (register an app at themuse.com/developers): 3600. Over the limit The Muse answers 403. 20 postings a page.",
  },
  configSchema: TheMuseConfig,
  secretSchema: TheMuseSecrets,

  async test(ctx) {
    try {
      const page = await getPage(ctx, 0);
      return {
        ok: true,
        message: `The Muse answered: ${page.total ?? page.results.length} postings match`,
        ...(page.total === undefined ? {} : { available: page.total }),
      };
    } catch (error) {
      return { ok: false, message: error instanceof Error ? error.message : String(error) };
    }
  },

  async *fetch(ctx) {
    for (let page = 0; page < ctx.config.maxPages; page++) {
      const body = await getPage(ctx, page);
      if (body.results.length === 0) return;
      yield body.results;
      if (body.page_count !== undefined && page + 1 >= body.page_count) return;
    }
  },

  normalize(raw, ctx): JobInputDraft {
    const parsed = TheMuseJob.safeParse(raw);
    if (!parsed.success) {
      const problems = formatIssues(parsed.error);
      throw new DomainError(
        'INVALID_INPUT',
        `themuse posting ${idOf(raw)} cannot be mapped: ${problems.join('; ')}`,
        {
          details: { externalId: idOf(raw), problems },
        },
      );
    }
    const job = parsed.data;
    const places = (job.locations ?? []).map((l) => l.name.trim()).filter((n) => n !== '');
    const seniority = seniorityOf(job);
    return {
      sourceType: THEMUSE_TYPE,
      sourceId: ctx.sourceId,
      externalId: String(job.id),
      url: job.refs.landing_page,
      title: job.name,
      company: job.company.name,
      location: places.length > 0 ? places.join('; ') : null,
      remote: remoteOf(places),
      employmentType: seniority === 'intern' ? 'internship' : 'unknown',
      seniority,
      salary: null,
      descriptionHtml: job.contents ?? '',
      descriptionText: '',
      skills: [],
      postedAt: postedAt(job.publication_date),
      fetchedAt: ctx.now().toISOString(),
      raw,
    };
  },
});
