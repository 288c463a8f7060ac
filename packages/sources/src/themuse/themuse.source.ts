import { z } from 'zod';
import {
  DomainError,
  inferRemote,
  type JobInputDraft,
  type RemoteMode,
  type Seniority,
} from '@applydesk/domain';
import { BaseSourceConfig, defineSource, type SourceContext } from '../adapter.js';
import { looksLikeBlockPage } from '../http/block-detection.js';
import { failureKind, httpFailure, type HttpResponse } from '../http/http-client.js';
import { maxPagesOption } from '../shared/config-fields.js';
import { firstDate } from '../shared/dates.js';
import { refusedKey, withoutSecrets } from '../shared/mask.js';
import { idOf, parsePosting } from '../shared/refuse.js';
import { expectShape, reportTest, withSignal } from '../shared/requests.js';
import { apiBase } from '../shared/urls.js';

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
  maxPages: maxPagesOption(99, 'read at most this many pages of 20 postings'),
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
  'config' | 'secrets' | 'http' | 'signal' | 'now'
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
  return `${apiBase(config.baseUrl, DEFAULT_BASE)}/api/public/jobs?${params.toString()}`;
}

/**
 * Where the client stands against The Muse's hourly limit, from the X-RateLimit-Remaining and
 * X-RateLimit-Reset (seconds until the window resets) headers it sends with every answer.
 */
interface Quota {
  remaining: number | null;
  resetAt: Date | null;
}

function quotaOf(headers: Headers, now: Date): Quota {
  const number = (name: string): number | null => {
    const value = headers.get(name)?.trim() ?? '';
    return /^\d+$/.test(value) ? Number(value) : null;
  };
  const reset = number('x-ratelimit-reset');
  return {
    remaining: number('x-ratelimit-remaining'),
    resetAt: reset === null ? null : new Date(now.getTime() + reset * 1000),
  };
}

const LIMITS = '500 requests an hour without THEMUSE_API_KEY, 3600 with one';

/**
 * The Muse answers 403 when a client is over its hourly limit ("403: the request was
 * forbidden, usually because you hit a rate limit"), and the HTTP client calls every 403
 * `auth`, a failure health does not retry. A 403 is the limit when the last answer of this run
 * said no request was left (X-RateLimit-Remaining: 0), or when no key was sent (there is
 * nothing else to refuse then): it becomes `rate_limited`, with when to retry when that
 * answer said (X-RateLimit-Reset). The client keeps no headers or body of a failed answer, so
 * a keyed request refused without that evidence stays `auth`, naming THEMUSE_API_KEY.
 */
function explainRefusal(
  error: unknown,
  { keyed, last }: { keyed: boolean; last: Quota | null },
): unknown {
  if (!(error instanceof DomainError) || failureKind(error) !== 'auth') return error;
  const status = error.details?.status;
  if (status !== 403) return error;
  const url = typeof error.details?.url === 'string' ? error.details.url : '';
  const spent = last?.remaining === 0;
  if (spent || !keyed) {
    const retryAt = spent ? (last.resetAt ?? undefined) : undefined;
    const why = spent
      ? 'its last answer had X-RateLimit-Remaining: 0'
      : 'without a key it refuses nothing else';
    const when =
      retryAt === undefined
        ? 'retry within the hour'
        : `retry after ${retryAt.toISOString()}, when its window resets`;
    return httpFailure(
      'rate_limited',
      url,
      `${url} answered HTTP 403: The Muse is over its request limit (${why}; ${LIMITS}); ${when}`,
      { status, ...(retryAt === undefined ? {} : { retryAt }), cause: error },
    );
  }
  return refusedKey(
    {
      source: 'The Muse',
      what: 'the API key',
      check: `THEMUSE_API_KEY, or wait an hour: The Muse also answers 403 over its limit (${LIMITS})`,
      hint: 'set THEMUSE_API_KEY to the key of an app registered at https://www.themuse.com/developers',
    },
    { ...error.details },
    [],
  );
}

/** The answer as JSON; an HTML page a bot wall serves instead is `blocked`, not `malformed`. */
function jsonOf(url: string, res: HttpResponse): unknown {
  try {
    return JSON.parse(res.text) as unknown;
  } catch (error) {
    const blocked = looksLikeBlockPage(res.text, res.headers.get('content-type'));
    throw httpFailure(
      blocked ? 'blocked' : 'malformed',
      url,
      blocked
        ? `${url} answered a bot-wall page instead of JSON (HTTP ${res.status})`
        : `${url} answered malformed JSON (${res.text.length} bytes)`,
      { ...(blocked ? { status: res.status } : {}), cause: error },
    );
  }
}

/** One page, and what The Muse said of the limit with it; `last` is the quota of the page before. */
async function getPage(
  ctx: Ctx,
  page: number,
  last: Quota | null = null,
): Promise<{ body: z.infer<typeof Page>; quota: Quota }> {
  const key = ctx.secrets.THEMUSE_API_KEY?.trim() || undefined;
  const url = theMuseUrl(ctx.config, page, key);
  // The key stays out of every failure: messages and details name this URL instead.
  const shown = theMuseUrl(ctx.config, page, key === undefined ? undefined : '***');
  let res: HttpResponse;
  try {
    res = await ctx.http.request({ url, ...withSignal(ctx.signal) });
  } catch (error) {
    throw explainRefusal(withoutSecrets(error, [key]), { keyed: key !== undefined, last });
  }
  const body = expectShape(Page, jsonOf(shown, res), shown, 'without results');
  return { body, quota: quotaOf(res.headers, ctx.now()) };
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

/** Remote when any place is ("Flexible / Remote"), else hybrid when any place is. */
function remoteOf(places: readonly string[]): RemoteMode {
  const modes = places.map((location) => inferRemote({ location }));
  if (modes.includes('remote')) return 'remote';
  return modes.includes('hybrid') ? 'hybrid' : 'unknown';
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

  test(ctx) {
    return reportTest(async () => {
      const { body } = await getPage(ctx, 0);
      return {
        ok: true,
        message: `The Muse answered: ${body.total ?? body.results.length} postings match`,
        ...(body.total === undefined ? {} : { available: body.total }),
      };
    });
  },

  async *fetch(ctx) {
    let quota: Quota | null = null;
    for (let page = 0; page < ctx.config.maxPages; page++) {
      const answer = await getPage(ctx, page, quota);
      const body = answer.body;
      quota = answer.quota;
      if (body.results.length === 0) return;
      yield body.results;
      if (body.page_count !== undefined && page + 1 >= body.page_count) return;
    }
  },

  normalize(raw, ctx): JobInputDraft {
    const job = parsePosting(TheMuseJob, raw, THEMUSE_TYPE, idOf(raw));
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
      postedAt: firstDate(ctx.now(), job.publication_date),
      fetchedAt: ctx.now().toISOString(),
      raw,
    };
  },
});
