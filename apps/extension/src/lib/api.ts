import type { Settings } from './settings.js';
import { isRecord } from './text.js';

/** An answer of the ApplyDesk API: its status and parsed JSON body ('network' when unreachable). */
export interface ApiAnswer {
  status: number | 'network';
  body: unknown;
}

/** One call to the configured server, with the token; never throws. */
export async function api(
  settings: Settings,
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
): Promise<ApiAnswer> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (settings.token !== null) headers.Authorization = `Bearer ${settings.token}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  try {
    const response = await fetch(`${settings.server}${path}`, {
      method,
      headers,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      credentials: 'omit',
    });
    const text = await response.text();
    let parsed: unknown = null;
    try {
      parsed = text === '' ? null : (JSON.parse(text) as unknown);
    } catch {
      parsed = text;
    }
    return { status: response.status, body: parsed };
  } catch {
    return { status: 'network', body: null };
  }
}

/** The problem+json detail of an error answer, for the user. */
export function problemText(answer: ApiAnswer): string {
  if (answer.status === 'network') return 'the server is unreachable';
  const detail =
    isRecord(answer.body) && typeof answer.body.detail === 'string' ? answer.body.detail : '';
  return `HTTP ${answer.status}${detail === '' ? '' : `: ${detail}`}`;
}

interface ListedJob {
  id: string;
  url: string;
  canonicalUrl: string | null;
  score: number | null;
}

function listedJobs(body: unknown): ListedJob[] {
  const items = isRecord(body) && Array.isArray(body.items) ? body.items : [];
  return items.filter(isRecord).flatMap((item) =>
    typeof item.id === 'string' && typeof item.url === 'string'
      ? [
          {
            id: item.id,
            url: item.url,
            canonicalUrl: typeof item.canonicalUrl === 'string' ? item.canonicalUrl : null,
            score: typeof item.score === 'number' ? item.score : null,
          },
        ]
      : [],
  );
}

const sameUrl = (a: string, b: string): boolean => a.replace(/\/+$/, '') === b.replace(/\/+$/, '');

/**
 * The stored posting for a job url. The capture answer carries counts, not ids, so the
 * posting is found by searching its title and matching the url, then among the newest.
 */
export async function findJob(
  settings: Settings,
  jobUrl: string,
  title: string | null,
): Promise<ListedJob | null> {
  const queries = [
    ...(title === null ? [] : [`q=${encodeURIComponent(title.slice(0, 200))}&limit=100`]),
    'sort=fetched&order=desc&limit=200',
  ];
  for (const query of queries) {
    const answer = await api(settings, 'GET', `/api/jobs?${query}&rejected=include&status=all`);
    if (answer.status !== 200) continue;
    const found = listedJobs(answer.body).find(
      (job) =>
        sameUrl(job.url, jobUrl) ||
        (job.canonicalUrl !== null && sameUrl(job.canonicalUrl, jobUrl)),
    );
    if (found !== undefined) return found;
  }
  return null;
}

/** Scores of the given job urls among the newest captured Upwork postings. */
export async function scoresFor(
  settings: Settings,
  urls: string[],
): Promise<Record<string, number | null>> {
  const answer = await api(
    settings,
    'GET',
    '/api/jobs?source=upwork&sort=fetched&order=desc&limit=200&rejected=include',
  );
  const jobs = answer.status === 200 ? listedJobs(answer.body) : [];
  const byUrl = new Map(jobs.map((job) => [job.url.replace(/\/+$/, ''), job.score]));
  return Object.fromEntries(urls.map((url) => [url, byUrl.get(url.replace(/\/+$/, '')) ?? null]));
}
