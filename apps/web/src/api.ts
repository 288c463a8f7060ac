import { ApiError, createApiClient } from '@applydesk/api-contract/client';
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
  Profile,
  Settings,
  ApiTokenList,
  ApiTokenInfo,
  SourceStatusList,
  Stage,
  StageHistory,
} from './types.ts';

// The shared typed client: its ApiError carries the problem's status, code, detail and fields.
export { ApiError };

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

/** Same origin as the page; the token, when one is set, goes with every call. */
const client = createApiClient({ baseUrl: '', token: apiToken });

export function jobListParams(filters: JobFilters, cursor: string | null, limit = 100): string {
  const params = new URLSearchParams({
    sort: filters.q.trim() === '' ? 'score' : 'relevance',
    order: 'desc',
    limit: String(limit),
    // The inbox shows no descriptions; the posting view reads them from /api/jobs/{id}.
    view: 'compact',
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
    client.request<JobList>('GET', `/api/jobs?${jobListParams(filters, cursor, limit)}`),
  job: (id: string): Promise<JobDetail> => client.jobs.get(id),
  writeDrafts: (jobId: string, body: { kind?: DraftKind; models?: string[] }) =>
    client.jobs.draft(jobId, body) as Promise<{ drafts: Draft[] }>,
  editDraft: (id: string, text: string): Promise<Draft> => client.drafts.edit(id, text),
  approveDraft: (id: string): Promise<Draft> => client.drafts.approve(id),
  rejectDraft: (id: string): Promise<Draft> => client.drafts.reject(id),
  confirmClaims: (id: string): Promise<Draft> => client.drafts.confirm(id),
  moveStage: (jobId: string, stage: Stage, note?: string): Promise<Application> =>
    client.jobs.moveStage(jobId, {
      stage,
      ...(note === undefined || note === '' ? {} : { note }),
    }),
  applications: (): Promise<ApplicationCards> => client.applications.list(),
  history: (applicationId: string): Promise<StageHistory> =>
    client.applications.history(applicationId),
  insights: (): Promise<Insights> => client.insights(),
  sources: (): Promise<SourceStatusList> => client.sources(),
  profile: (): Promise<Profile> => client.profile(),
  costs: (by: 'day' | 'model' | 'job'): Promise<CostReport> => client.costs({ by }),
  health: (): Promise<Health> => client.health(),
  settings: (): Promise<Settings> => client.settings.get(),
  /** Keys as in applydesk.yaml (snake_case); null removes a key so its default applies. */
  saveSettings: (patch: Record<string, unknown>) => client.settings.update(patch),
  tokens: (): Promise<ApiTokenList> => client.tokens.list(),
  createToken: (name: string, scope: 'read' | 'write') => client.tokens.create(name, scope),
  revokeToken: (id: string): Promise<ApiTokenInfo> => client.tokens.revoke(id),
};

/** The message to show for a failed call: the problem's detail, else the error's text. */
export function errorText(error: unknown): string {
  if (error instanceof ApiError) {
    return error.status === 401
      ? `${error.message} (set an API token under Settings)`
      : error.message;
  }
  return error instanceof Error ? error.message : String(error);
}
