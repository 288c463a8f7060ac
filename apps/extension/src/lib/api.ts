import { ApiError, createApiClient, type ApiClient } from '@applydesk/api-contract/client';
import type { Settings } from './settings.js';

export type { ApiClient };

/** The API's shapes as the typed client returns them. */
export type JobDetail = Awaited<ReturnType<ApiClient['jobs']['get']>>;
export type Draft = JobDetail['drafts'][number];
export type CaptureResult = Awaited<ReturnType<ApiClient['capture']>>;

/** Thrown by the extension's fetch when no answer came at all (server down, refused, DNS). */
class Unreachable extends Error {
  override readonly name = 'Unreachable';
}

/** The typed client for the configured server, with the token from the settings. */
export function clientFor(settings: Settings): ApiClient {
  return createApiClient({
    baseUrl: settings.server,
    token: settings.token,
    // The server authenticates by token alone: none of the user's cookies go with a call.
    fetch: async (input, init) => {
      try {
        return await fetch(input, { ...init, credentials: 'omit' });
      } catch (error) {
        throw new Unreachable(String(error));
      }
    },
  });
}

/**
 * Why a call failed: an HTTP status with the problem's detail, 'network' when the server did
 * not answer, 'unreadable' when it answered something that is not the API's JSON (another
 * program on that address, a proxy's page).
 */
export interface Failure {
  ok: false;
  status: number | 'network' | 'unreadable';
  detail: string;
}

export type Outcome<T> = { ok: true; value: T } | Failure;

/** One call with the typed client; never throws, so every caller handles the failure. */
export async function attempt<T>(
  settings: Settings,
  call: (client: ApiClient) => Promise<T>,
): Promise<Outcome<T>> {
  try {
    return { ok: true, value: await call(clientFor(settings)) };
  } catch (error) {
    if (error instanceof ApiError) {
      // HTTP_ERROR: the answer had no problem body, so its message only repeats the status.
      return {
        ok: false,
        status: error.status,
        detail: error.code === 'HTTP_ERROR' ? '' : error.message,
      };
    }
    if (error instanceof Unreachable) return { ok: false, status: 'network', detail: '' };
    return { ok: false, status: 'unreadable', detail: '' };
  }
}

/** The problem+json detail of a failed call, for the user. */
export function problemText(failure: Failure): string {
  if (failure.status === 'network') return 'the server is unreachable';
  if (failure.status === 'unreadable') return 'the server answered something that is not ApplyDesk';
  return `HTTP ${failure.status}${failure.detail === '' ? '' : `: ${failure.detail}`}`;
}

/** Scores of the given job urls among the newest captured Upwork postings; {} when unknown. */
export async function scoresFor(
  settings: Settings,
  urls: string[],
): Promise<Record<string, number | null>> {
  const answer = await attempt(settings, (client) =>
    client.jobs.list({
      source: ['upwork'],
      sort: 'fetched',
      order: 'desc',
      limit: 200,
      rejected: 'include',
    }),
  );
  const jobs = answer.ok ? answer.value.items : [];
  const byUrl = new Map(jobs.map((job) => [job.url.replace(/\/+$/, ''), job.score]));
  return Object.fromEntries(urls.map((url) => [url, byUrl.get(url.replace(/\/+$/, '')) ?? null]));
}
