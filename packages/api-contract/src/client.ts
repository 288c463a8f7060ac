/**
 * A typed client of the ApplyDesk API for the dashboard, the browser extension and scripts.
 * It imports types only, so it adds nothing but itself to a browser bundle
 * (`@applydesk/api-contract/client`); the shapes are the ones the server validates and
 * publishes in its OpenAPI document.
 */
import type { z } from '@hono/zod-openapi';
import type { ApplicationCardList, Insights, MoveStageBody, StageHistory } from './applications.js';
import type { PairResponse, StreamEventType } from './access.js';
import type { EventLog, MatchList } from './history.js';
import type { CostReport, CreateDraftsBody, DraftPage } from './drafts.js';
import type { SourceRunAccepted } from './sources.js';
import type {
  ApiTokenInfo,
  ApiTokenList,
  CreatedToken,
  Settings,
  SettingsUpdate,
} from './settings.js';
import type { ProfileImportResult, ProfileUpdateBody, ProfileUpdated } from './profile.js';
import type {
  Application,
  CaptureResult,
  Draft,
  Health,
  JobDetail,
  JobList,
  Match,
  Profile,
  RankResponse,
  SourceStatusList,
} from './schemas.js';

type Out<T extends z.ZodType> = z.output<T>;

/** An RFC 9457 problem the server answered, thrown as an error that keeps its fields. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly errors: { path: string; reason: string }[] = [],
    readonly hint?: string,
  ) {
    super(message);
  }
}

export interface ApiClientOptions {
  /** The server's root, e.g. http://127.0.0.1:7070 */
  baseUrl: string;
  /** An API token, for a server that asks for one. */
  token?: string | null | (() => string | null);
  fetch?: typeof globalThis.fetch;
}

export interface JobListParams {
  q?: string;
  min_score?: number;
  max_score?: number;
  source?: string[];
  stage?: string[];
  remote?: string[];
  status?: 'open' | 'closed' | 'all';
  sort?: string;
  order?: 'asc' | 'desc';
  limit?: number;
  cursor?: string;
  page?: number;
  rejected?: 'exclude' | 'only' | 'include';
  /** `compact` leaves out the descriptions. */
  view?: 'full' | 'compact';
}

type QueryValue = string | number | boolean | string[] | undefined;

function queryString(params: Record<string, QueryValue>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined) continue;
    // Lists travel as one comma-separated value, the form the server's query schema reads.
    if (Array.isArray(value)) {
      if (value.length > 0) search.append(key, value.join(','));
    } else search.append(key, String(value));
  }
  const text = search.toString();
  return text === '' ? '' : `?${text}`;
}

const id = (value: string): string => encodeURIComponent(value);

/** The same page whether or not a trailing slash was written. */
const sameUrl = (a: string, b: string): boolean => a.replace(/\/+$/, '') === b.replace(/\/+$/, '');

export function createApiClient(options: ApiClientOptions) {
  const base = options.baseUrl.replace(/\/+$/, '');
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const tokenOf = (): string | null =>
    typeof options.token === 'function' ? options.token() : (options.token ?? null);

  async function send(method: string, path: string, body?: unknown): Promise<Response> {
    const headers: Record<string, string> = { accept: 'application/json' };
    // A form goes as it is: fetch writes multipart/form-data with its boundary itself.
    const form = body instanceof FormData;
    if (body !== undefined && !form) headers['content-type'] = 'application/json';
    const token = tokenOf();
    if (token !== null && token !== '') headers.authorization = `Bearer ${token}`;
    const res = await doFetch(`${base}${path}`, {
      method,
      headers,
      ...(body === undefined ? {} : { body: form ? body : JSON.stringify(body) }),
    });
    if (res.ok) return res;
    const problem = (await res.json().catch(() => null)) as {
      code?: string;
      detail?: string;
      errors?: { path: string; reason: string }[];
      hint?: string;
    } | null;
    throw new ApiError(
      res.status,
      problem?.code ?? 'HTTP_ERROR',
      problem?.detail ?? `${method} ${path} answered ${res.status}`,
      problem?.errors ?? [],
      problem?.hint,
    );
  }

  const json = async <T>(method: string, path: string, body?: unknown): Promise<T> =>
    (await (await send(method, path, body)).json()) as T;

  return {
    health: () => json<Out<typeof Health>>('GET', '/healthz'),
    jobs: {
      list: (params: JobListParams = {}) =>
        json<Out<typeof JobList>>('GET', `/api/jobs${queryString({ ...params })}`),
      get: (jobId: string) => json<Out<typeof JobDetail>>('GET', `/api/jobs/${id(jobId)}`),
      /**
       * The stored posting at a page's url (its own or its canonical url), or null. The API
       * lists postings but has no url filter, so this looks among the postings a search for
       * the title finds, then among the newest fetched, held-back and closed ones included.
       */
      findByUrl: async (
        jobUrl: string,
        options: { title?: string | null } = {},
      ): Promise<Out<typeof JobList>['items'][number] | null> => {
        const title = options.title?.trim() ?? '';
        const searches: JobListParams[] = [
          ...(title === '' ? [] : [{ q: title.slice(0, 200), limit: 100 }]),
          { sort: 'fetched', order: 'desc', limit: 200 },
        ];
        for (const search of searches) {
          const list = await json<Out<typeof JobList>>(
            'GET',
            `/api/jobs${queryString({ ...search, rejected: 'include', status: 'all' })}`,
          );
          const found = list.items.find(
            (job) =>
              sameUrl(job.url, jobUrl) ||
              (job.canonicalUrl !== null && sameUrl(job.canonicalUrl, jobUrl)),
          );
          if (found !== undefined) return found;
        }
        return null;
      },
      override: (jobId: string, undo = false) =>
        json<Out<typeof Match>>('POST', `/api/jobs/${id(jobId)}/override`, { undo }),
      moveStage: (jobId: string, body: z.input<typeof MoveStageBody>) =>
        json<Out<typeof Application>>('POST', `/api/jobs/${id(jobId)}/stage`, body),
      draft: (jobId: string, body: z.input<typeof CreateDraftsBody> = {}) =>
        json<{ drafts: Out<typeof Draft>[] }>('POST', `/api/jobs/${id(jobId)}/drafts`, body),
    },
    drafts: {
      proposals: (params: { limit?: number; offset?: number } = {}) =>
        json<Out<typeof DraftPage>>('GET', `/api/proposals${queryString(params)}`),
      list: (params: { status?: string; job_id?: string; limit?: number; offset?: number } = {}) =>
        json<Out<typeof DraftPage>>('GET', `/api/drafts${queryString(params)}`),
      get: (draftId: string) => json<Out<typeof Draft>>('GET', `/api/drafts/${id(draftId)}`),
      edit: (draftId: string, text: string) =>
        json<Out<typeof Draft>>('PATCH', `/api/drafts/${id(draftId)}`, { text }),
      confirm: (draftId: string, claims?: number[]) =>
        json<Out<typeof Draft>>(
          'POST',
          `/api/drafts/${id(draftId)}/confirm`,
          claims === undefined ? {} : { claims },
        ),
      approve: (draftId: string) =>
        json<Out<typeof Draft>>('POST', `/api/drafts/${id(draftId)}/approve`),
      reject: (draftId: string) =>
        json<Out<typeof Draft>>('POST', `/api/drafts/${id(draftId)}/reject`),
      /** The file's bytes, for a download. */
      export: async (draftId: string, format: 'md' | 'pdf') =>
        new Uint8Array(
          await (
            await send('GET', `/api/drafts/${id(draftId)}/export${queryString({ format })}`)
          ).arrayBuffer(),
        ),
    },
    applications: {
      list: (params: { stage?: string; limit?: number } = {}) =>
        json<Out<typeof ApplicationCardList>>('GET', `/api/applications${queryString(params)}`),
      history: (applicationId: string) =>
        json<Out<typeof StageHistory>>('GET', `/api/applications/${id(applicationId)}/history`),
    },
    insights: () => json<Out<typeof Insights>>('GET', '/api/insights'),
    events: (
      params: { type?: StreamEventType; entity_id?: string; after?: string; limit?: number } = {},
    ) => json<Out<typeof EventLog>>('GET', `/api/events${queryString(params)}`),
    matches: (
      params: {
        min_score?: number;
        rejected?: 'exclude' | 'only' | 'include';
        limit?: number;
      } = {},
    ) => json<Out<typeof MatchList>>('GET', `/api/matches${queryString(params)}`),
    costs: (params: { since?: string; by?: 'day' | 'model' | 'job' } = {}) =>
      json<Out<typeof CostReport>>('GET', `/api/costs${queryString(params)}`),
    /** The default profile; `.update` and `.import` change it and re-rank the postings. */
    profile: Object.assign(() => json<Out<typeof Profile>>('GET', '/api/profile'), {
      /** Replaces the default profile: send back what `profile()` read, with the changes. */
      update: (body: z.input<typeof ProfileUpdateBody>) =>
        json<Out<typeof ProfileUpdated>>('PUT', '/api/profile', body),
      /**
       * Reads a resume file into the default profile (as multipart/form-data, the form a
       * browser's file input gives); with `dryRun` answers what would be stored, storing nothing.
       */
      import: (
        file: Blob & { name?: string },
        options: { dryRun?: boolean; fileName?: string } = {},
      ): Promise<Out<typeof ProfileImportResult>> => {
        const form = new FormData();
        form.append('file', file, options.fileName ?? file.name ?? 'resume');
        const query = options.dryRun === true ? '?dry_run=true' : '';
        return json<Out<typeof ProfileImportResult>>('POST', `/api/profile/import${query}`, form);
      },
    }),
    rank: (body: { top?: number; refine?: boolean; profile_id?: string } = {}) =>
      json<Out<typeof RankResponse>>('POST', '/api/rank', body),
    /** Each source's health; `sources.run(name)` starts a run now (progress comes as events). */
    sources: Object.assign(() => json<Out<typeof SourceStatusList>>('GET', '/api/sources'), {
      run: (name: string, options: { force?: boolean } = {}) =>
        json<Out<typeof SourceRunAccepted>>('POST', `/api/sources/${id(name)}/run`, options),
    }),
    capture: (capture: { kind: string; pageUrl: string; capturedAt: string }) =>
      json<Out<typeof CaptureResult>>('POST', '/api/captures', capture),
    pair: (code: string) => json<Out<typeof PairResponse>>('POST', '/api/pair', { code }),
    settings: {
      get: () => json<Out<typeof Settings>>('GET', '/api/settings'),
      /** Keys as in applydesk.yaml (snake_case); null removes a key so its default applies. */
      update: (patch: Record<string, unknown>) =>
        json<Out<typeof SettingsUpdate>>('PATCH', '/api/settings', patch),
    },
    tokens: {
      list: (all = false) =>
        json<Out<typeof ApiTokenList>>('GET', `/api/tokens${all ? '?all=true' : ''}`),
      create: (name: string, scope: 'read' | 'write') =>
        json<Out<typeof CreatedToken>>('POST', '/api/tokens', { name, scope }),
      revoke: (tokenId: string) =>
        json<Out<typeof ApiTokenInfo>>('DELETE', `/api/tokens/${id(tokenId)}`),
    },
    /** Any other route, typed by the caller (a query string already built, for instance). */
    request: <T>(method: string, path: string, body?: unknown) => json<T>(method, path, body),
  };
}

export type ApiClient = ReturnType<typeof createApiClient>;
