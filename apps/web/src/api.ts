import type {
  Application,
  ApplicationCards,
  CostReport,
  Draft,
  Health,
  DraftKind,
  Insights,
  JobDetail,
  JobFilters,
  JobList,
  Problem,
  Profile,
  Settings,
  SettingsUpdate,
  ApiTokenList,
  ApiTokenInfo,
  CreatedToken,
  SourceStatusList,
  Stage,
  StageHistory,
} from './types.ts';

/** An answer other than 2xx; `detail` is the problem+json's own words when there is one. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Partial<Problem> | null,
  ) {
    super(problem?.detail ?? `the server answered ${status}`);
    this.name = 'ApiError';
  }
}

const TOKEN_KEY = 'applydesk.token';

/** A token for a server that asks for one (bound beyond loopback); none on loopback. */
export function apiToken(): string | null {
  try {
    return localStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
}

export function setApiToken(token: string | null): void {
  if (token === null || token === '') localStorage.removeItem(TOKEN_KEY);
  else localStorage.setItem(TOKEN_KEY, token);
}

async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  const token = apiToken();
  if (token !== null) headers.authorization = `Bearer ${token}`;
  const res = await fetch(path, {
    method,
    headers,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!res.ok) {
    const problem = (await res.json().catch(() => null)) as Partial<Problem> | null;
    throw new ApiError(res.status, problem);
  }
  return (await res.json()) as T;
}

const enc = encodeURIComponent;

export function jobListParams(filters: JobFilters, cursor: string | null, limit = 100): string {
  const params = new URLSearchParams({
    sort: filters.q.trim() === '' ? 'score' : 'relevance',
    order: 'desc',
    limit: String(limit),
  });
  if (filters.q.trim() !== '') params.set('q', filters.q.trim());
  if (filters.minScore !== null) params.set('min_score', String(filters.minScore));
  if (filters.source !== '') params.set('source', filters.source);
  if (filters.stage !== '') params.set('stage', filters.stage);
  if (filters.remote !== '') params.set('remote', filters.remote);
  if (filters.status !== 'open') params.set('status', filters.status);
  if (cursor !== null) params.set('cursor', cursor);
  return params.toString();
}

export const api = {
  jobs: (filters: JobFilters, cursor: string | null, limit?: number) =>
    request<JobList>('GET', `/api/jobs?${jobListParams(filters, cursor, limit)}`),
  job: (id: string) => request<JobDetail>('GET', `/api/jobs/${enc(id)}`),
  writeDrafts: (jobId: string, body: { kind?: DraftKind; models?: string[] }) =>
    request<{ drafts: Draft[] }>('POST', `/api/jobs/${enc(jobId)}/drafts`, body),
  editDraft: (id: string, text: string) =>
    request<Draft>('PATCH', `/api/drafts/${enc(id)}`, { text }),
  approveDraft: (id: string) => request<Draft>('POST', `/api/drafts/${enc(id)}/approve`),
  rejectDraft: (id: string) => request<Draft>('POST', `/api/drafts/${enc(id)}/reject`),
  confirmClaims: (id: string) => request<Draft>('POST', `/api/drafts/${enc(id)}/confirm`, {}),
  moveStage: (jobId: string, stage: Stage, note?: string) =>
    request<Application>('POST', `/api/jobs/${enc(jobId)}/stage`, {
      stage,
      ...(note === undefined || note === '' ? {} : { note }),
    }),
  applications: () => request<ApplicationCards>('GET', '/api/applications'),
  history: (applicationId: string) =>
    request<StageHistory>('GET', `/api/applications/${enc(applicationId)}/history`),
  insights: () => request<Insights>('GET', '/api/insights'),
  sources: () => request<SourceStatusList>('GET', '/api/sources'),
  profile: () => request<Profile>('GET', '/api/profile'),
  costs: (by: 'day' | 'model' | 'job') => request<CostReport>('GET', `/api/costs?by=${by}`),
  health: () => request<Health>('GET', '/healthz'),
  settings: () => request<Settings>('GET', '/api/settings'),
  /** Keys as in applydesk.yaml (snake_case); null removes a key so its default applies. */
  saveSettings: (patch: Record<string, unknown>) =>
    request<SettingsUpdate>('PATCH', '/api/settings', patch),
  tokens: () => request<ApiTokenList>('GET', '/api/tokens'),
  createToken: (name: string, scope: 'read' | 'write') =>
    request<CreatedToken>('POST', '/api/tokens', { name, scope }),
  revokeToken: (id: string) => request<ApiTokenInfo>('DELETE', `/api/tokens/${enc(id)}`),
};

/** The message to show for a failed call: the problem's detail, else the error's text. */
export function errorText(error: unknown): string {
  if (error instanceof ApiError) {
    const detail = error.problem?.detail ?? error.message;
    return error.status === 401 ? `${detail} (set an API token under Settings)` : detail;
  }
  return error instanceof Error ? error.message : String(error);
}
