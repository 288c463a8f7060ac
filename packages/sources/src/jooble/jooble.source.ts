import { z } from 'zod';
import {
  DomainError,
  escapeHtml,
  type EmploymentType,
  type JobInputDraft,
  type RemoteMode,
} from '@applydesk/domain';
import { BaseSourceConfig, defineSource, type SourceContext } from '../adapter.js';
import { failureKind, httpFailure } from '../http/http-client.js';

const SECRET_NAME = 'JOOBLE_API_KEY';
const DEFAULT_BASE_URL = 'https://jooble.org';

export const JoobleConfig = BaseSourceConfig.extend({
  type: z.literal('jooble'),
  query: z.string().min(1).describe('keywords (Jooble `keywords`)'),
  location: z.string().min(1).optional().describe('place name (Jooble `location`)'),
  maxPages: z.number().int().min(1).max(100).default(5).describe('pages to read per run'),
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
  const base = (config.baseUrl ?? DEFAULT_BASE_URL).replace(/\/+$/, '');
  return `${base}/api/${encodeURIComponent(secrets.JOOBLE_API_KEY)}`;
}

function redact(text: string, secrets: JoobleSecrets): string {
  const key = secrets.JOOBLE_API_KEY;
  let out = text;
  for (const form of new Set([key, encodeURIComponent(key)])) out = out.split(form).join('***');
  return out;
}

/** Re-raises a client failure without the key (it is part of the URL path). */
function rethrow(error: unknown, secrets: JoobleSecrets): never {
  const kind = failureKind(error);
  if (kind === null || !(error instanceof DomainError)) throw error;
  const details = { ...error.details };
  if (typeof details.url === 'string') details.url = redact(details.url, secrets);
  if (kind === 'auth') {
    const status = typeof details.status === 'number' ? ` (HTTP ${details.status})` : '';
    throw new DomainError(
      'UPSTREAM_FAILED',
      `Jooble refused the API key${status}: check ${SECRET_NAME}`,
      {
        hint: `set ${SECRET_NAME} to the key Jooble sent you (https://jooble.org/api/about)`,
        details,
      },
    );
  }
  throw new DomainError('UPSTREAM_FAILED', redact(error.message, secrets), {
    ...(error.hint === undefined ? {} : { hint: error.hint }),
    details,
  });
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
  let text: string;
  try {
    const res = await ctx.http.request({
      url,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
      ...(ctx.signal === undefined ? {} : { signal: ctx.signal }),
    });
    text = res.text;
  } catch (error) {
    rethrow(error, ctx.secrets);
  }
  const where = redact(url, ctx.secrets);
  let parsed: unknown;
  try {
    parsed = parseJoobleBody(text);
  } catch (error) {
    throw httpFailure(
      'malformed',
      where,
      `Jooble answered page ${page} with malformed JSON (${text.length} bytes)`,
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

function text(value: unknown): string {
  return typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : '';
}

/** `updated` comes as `2025-11-18T00:00:00.0000000`, without a zone: read as UTC. */
export function parseJoobleDate(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const m =
    /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?)?(Z|[+-]\d{2}:?\d{2})?$/.exec(
      value.trim(),
    );
  if (m === null) return null;
  const [, y, mo, d, h = '0', mi = '0', s = '0', frac = '0', zone] = m;
  const ms = Number(frac.slice(0, 3).padEnd(3, '0'));
  let time = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), ms);
  if (zone !== undefined && zone !== 'Z') {
    const sign = zone.startsWith('-') ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    time -= sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60_000;
  }
  const date = new Date(time);
  // Date.UTC rolls 2025-02-31 over to March: a date that does not exist is no date.
  if (
    Number.isNaN(time) ||
    date.getUTCMonth() !== Number(mo) - 1 ||
    date.getUTCDate() !== Number(d)
  )
    return null;
  return date.toISOString();
}

function employmentType(type: string): EmploymentType {
  const t = type.toLowerCase();
  if (/intern/.test(t)) return 'internship';
  if (/temp/.test(t)) return 'temporary';
  if (/freelance/.test(t)) return 'freelance';
  if (/contract/.test(t)) return 'contract';
  if (/part/.test(t)) return 'part_time';
  if (/full/.test(t)) return 'full_time';
  return 'unknown';
}

function remoteMode(...texts: string[]): RemoteMode {
  const joined = texts.join(' ');
  if (/\bhybrid\b/i.test(joined)) return 'hybrid';
  if (/\bremote\b|\bwork(ing)? from home\b|\bhome[- ]based\b|\btelecommute\b/i.test(joined))
    return 'remote';
  return 'unknown';
}

function invalid(id: string, reason: string): DomainError {
  return new DomainError('INVALID_INPUT', `Jooble posting ${id}: ${reason}`, {
    details: { externalId: id },
  });
}

/**
 * Jooble's `salary` is free text ("$50k - $70k", "€3,000 per month"); it is shown as a
 * line under the snippet and kept in `raw`, not guessed into numbers. A posting without a
 * company (Jooble leaves it empty for some boards) is kept as "Unknown company".
 */
export function normalizeJooble(
  raw: unknown,
  ctx: Pick<SourceContext<JoobleConfig, JoobleSecrets>, 'sourceId' | 'config' | 'now'>,
): JobInputDraft {
  if (typeof raw !== 'object' || raw === null) throw invalid('?', 'is not an object');
  const posting = raw as JooblePosting;
  const id = text(posting.id);
  if (id === '') throw invalid('?', 'has no id');
  const title = text(posting.title);
  if (title === '') throw invalid(id, 'has no title');
  const url = text(posting.link);
  if (!/^https?:\/\//i.test(url)) throw invalid(id, 'has no link');
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
    remote: remoteMode(title, location ?? ''),
    employmentType: employmentType(text(posting.type)),
    salary: null,
    descriptionHtml:
      salaryText === '' ? snippet : `${snippet}\n<p>Salary: ${escapeHtml(salaryText)}</p>`,
    descriptionText: '',
    postedAt: parseJoobleDate(posting.updated),
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
