import { z } from 'zod';
import {
  escapeHtml,
  inferEmploymentType,
  inferRemote,
  type JobInputDraft,
} from '@applydesk/domain';
import { BaseSourceConfig, defineSource, type SourceContext } from '../adapter.js';
import { httpFailure } from '../http/http-client.js';
import { maxPagesOption } from '../shared/config-fields.js';
import { firstDate } from '../shared/dates.js';
import { maskSecrets, rethrowKeyed, type RefusedKey } from '../shared/mask.js';
import { postingObject, refuse } from '../shared/refuse.js';
import { withSignal } from '../shared/requests.js';
import { text } from '../shared/text-fields.js';
import { apiBase, looksLikeHttpUrl } from '../shared/urls.js';

const REFUSED: RefusedKey = {
  source: 'Jooble',
  what: 'the API key',
  check: 'JOOBLE_API_KEY',
  hint: 'set JOOBLE_API_KEY to the key Jooble sent you (https://jooble.org/api/about)',
};
const DEFAULT_BASE_URL = 'https://jooble.org';

export const JoobleConfig = BaseSourceConfig.extend({
  type: z.literal('jooble'),
  query: z.string().min(1).describe('keywords (Jooble `keywords`)'),
  location: z.string().min(1).optional().describe('place name (Jooble `location`)'),
  maxPages: maxPagesOption(100, 'pages to read per run'),
});
export type JoobleConfig = z.infer<typeof JoobleConfig>;

export const JoobleSecrets = z.object({ JOOBLE_API_KEY: z.string().min(1) });
export type JoobleSecrets = z.infer<typeof JoobleSecrets>;

/** One job as Jooble's REST API sends it. */
export interface JooblePosting {
  id?: string | number;
  title?: string;
  location?: string;
  snippet?: string;
  salary?: string;
  source?: string;
  type?: string;
  link?: string;
  company?: string;
  updated?: string;
}

interface JooblePage {
  totalCount?: number;
  jobs?: unknown[];
}

function endpoint(config: JoobleConfig, secrets: JoobleSecrets): string {
  return `${apiBase(config.baseUrl, DEFAULT_BASE_URL)}/api/${encodeURIComponent(secrets.JOOBLE_API_KEY)}`;
}

/**
 * Jooble's ids are 64-bit integers, past what a JavaScript number holds exactly, so they
 * are quoted before parsing: two postings must never collapse into one id.
 */
export function parseJoobleBody(text: string): unknown {
  return JSON.parse(text.replace(/("id"\s*:\s*)(-?\d{16,})(?=\s*[,}])/g, '$1"$2"')) as unknown;
}

async function getPage(
  ctx: SourceContext<JoobleConfig, JoobleSecrets>,
  page: number,
): Promise<JooblePage> {
  const url = endpoint(ctx.config, ctx.secrets);
  const body = JSON.stringify({
    keywords: ctx.config.query,
    location: ctx.config.location ?? '',
    page: String(page),
  });
  let answer: string;
  try {
    const res = await ctx.http.request({
      url,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
      ...withSignal(ctx.signal),
    });
    answer = res.text;
  } catch (error) {
    rethrowKeyed(error, [ctx.secrets.JOOBLE_API_KEY], REFUSED);
  }
  const where = maskSecrets(url, [ctx.secrets.JOOBLE_API_KEY]);
  let parsed: unknown;
  try {
    parsed = parseJoobleBody(answer);
  } catch (error) {
    throw httpFailure(
      'malformed',
      where,
      `Jooble answered page ${page} with malformed JSON (${answer.length} bytes)`,
      {
        cause: error,
      },
    );
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw httpFailure(
      'malformed',
      where,
      `Jooble answered page ${page} with something other than a search result`,
    );
  }
  const record = parsed as JooblePage;
  if (record.jobs !== undefined && record.jobs !== null && !Array.isArray(record.jobs)) {
    throw httpFailure(
      'malformed',
      where,
      `Jooble answered page ${page} with \`jobs\` that is not a list`,
    );
  }
  return record;
}

const invalid = (id: string, reason: string) => refuse('Jooble', id, reason);

/**
 * Jooble's `salary` is free text ("$50k - $70k", "€3,000 per month"); it is shown as a
 * line under the snippet and kept in `raw`, not guessed into numbers. A posting without a
 * company (Jooble leaves it empty for some boards) is kept as "Unknown company".
 */
export function normalizeJooble(
  raw: unknown,
  ctx: Pick<SourceContext<JoobleConfig, JoobleSecrets>, 'sourceId' | 'config' | 'now'>,
): JobInputDraft {
  const posting = postingObject<JooblePosting>('Jooble', raw);
  const id = text(posting.id);
  if (id === '') throw invalid('?', 'has no id');
  const title = text(posting.title);
  if (title === '') throw invalid(id, 'has no title');
  const url = text(posting.link);
  if (!looksLikeHttpUrl(url)) throw invalid(id, 'has no link');
  const location = text(posting.location) || null;
  const salaryText = text(posting.salary);
  const snippet = text(posting.snippet);
  return {
    sourceType: 'jooble',
    sourceId: ctx.sourceId,
    externalId: id,
    url,
    title,
    company: text(posting.company) || 'Unknown company',
    location,
    remote: inferRemote({ title, location }),
    employmentType: inferEmploymentType(text(posting.type)),
    salary: null,
    descriptionHtml:
      salaryText === '' ? snippet : `${snippet}\n<p>Salary: ${escapeHtml(salaryText)}</p>`,
    descriptionText: '',
    // `updated` comes as `2025-11-18T00:00:00.0000000`, without a zone: read as UTC.
    postedAt: firstDate(ctx.now(), posting.updated),
    fetchedAt: ctx.now().toISOString(),
    raw,
  };
}

export const joobleSource = defineSource<JoobleConfig, JoobleSecrets>({
  type: 'jooble',
  label: 'Jooble',
  description:
    "Jooble's REST API: postings aggregated from job boards worldwide, by keywords and place",
  terms: {
    termsUrl: 'https://jooble.org/api/about',
    attribution: null,
    minPollMinutes: 60,
    notes:
      'Needs a free key requested from Jooble. Postings carry a short snippet only; the link leads to Jooble, which forwards to the original board. Salaries are free text and kept as such.',
  },
  configSchema: JoobleConfig,
  secretSchema: JoobleSecrets,
  async test(ctx) {
    const page = await getPage(ctx, 1);
    const available =
      typeof page.totalCount === 'number' ? page.totalCount : (page.jobs?.length ?? 0);
    return { ok: true, message: `Jooble answered: ${available} postings match`, available };
  },
  async *fetch(ctx) {
    let seen = 0;
    for (let page = 1; page <= ctx.config.maxPages; page++) {
      const body = await getPage(ctx, page);
      const jobs = body.jobs ?? [];
      if (jobs.length === 0) return;
      yield jobs;
      seen += jobs.length;
      if (typeof body.totalCount === 'number' && seen >= body.totalCount) return;
    }
  },
  normalize: normalizeJooble,
});
