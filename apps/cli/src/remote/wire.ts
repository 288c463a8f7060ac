import type { JobListParams, ApiClient } from '@applydesk/api-contract/client';
import type { JobListItem, JobPage, JobQuery, RankedPosting } from '@applydesk/engine';

type WireJob = Awaited<ReturnType<ApiClient['jobs']['list']>>['items'][number];

/**
 * The API fills in `discovered` for a posting without an application, where the store (and so
 * the local command's JSON) says null: put the null back so both print the same thing.
 */
function localJob(item: WireJob): JobListItem {
  return {
    ...item,
    stage: item.applicationId === null ? null : item.stage,
    // The full view (asked for by default) carries both.
    descriptionHtml: item.descriptionHtml ?? '',
    descriptionText: item.descriptionText ?? '',
  };
}

/** A local job query as the API's query string. */
export function jobListParams(query: JobQuery): JobListParams {
  const params: JobListParams = {};
  if (query.limit !== undefined) params.limit = query.limit;
  if (query.text !== undefined) params.q = query.text;
  if (query.minScore !== undefined) params.min_score = query.minScore;
  if (query.maxScore !== undefined) params.max_score = query.maxScore;
  // The API reads each list as one comma-separated value, not as repeated parameters.
  if (query.sourceTypes !== undefined) params.source = [query.sourceTypes.join(',')];
  if (query.stages !== undefined) params.stage = [query.stages.join(',')];
  if (query.remote !== undefined) params.remote = [query.remote.join(',')];
  if (query.status !== undefined) params.status = query.status;
  if (query.sort !== undefined) params.sort = query.sort;
  if (query.order !== undefined) params.order = query.order;
  if (query.cursor !== undefined) params.cursor = query.cursor;
  if (query.page !== undefined) params.page = query.page;
  params.rejected = query.rejected === undefined ? 'include' : query.rejected ? 'only' : 'exclude';
  return params;
}

export async function listJobsRemote(client: ApiClient, query: JobQuery): Promise<JobPage> {
  const page = await client.jobs.list(jobListParams(query));
  return {
    items: page.items.map(localJob),
    totalCount: page.total_count,
    nextCursor: page.next_cursor,
  };
}

export type RankResponse = Awaited<ReturnType<ApiClient['rank']>>;

/** The rank answer with its postings as the local command has them. */
export function localRanked(
  response: RankResponse,
): Omit<RankResponse, 'items'> & { items: RankedPosting[] } {
  return {
    ...response,
    items: response.items.map((item) => ({ ...item, job: localJob(item.job) })),
  };
}
