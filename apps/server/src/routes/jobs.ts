import type { OpenAPIHono, z } from '@hono/zod-openapi';
import type { TypedResponse } from 'hono';
import {
  getJobRoute,
  listJobsRoute,
  listMatchesRoute,
  overrideJobRoute,
  type JobList,
  type JobListQuery,
} from '@applydesk/api-contract';
import {
  getJobDetail,
  listJobs,
  listMatches,
  overrideFilter,
  type EngineContext,
  type JobListItem,
  type JobQuery,
} from '@applydesk/engine';

function toJobQuery(q: JobListQuery): JobQuery {
  const query: JobQuery = { limit: q.limit };
  if (q.q !== undefined) query.text = q.q;
  if (q.min_score !== undefined) query.minScore = q.min_score;
  if (q.max_score !== undefined) query.maxScore = q.max_score;
  if (q.source !== undefined) query.sourceTypes = q.source;
  if (q.stage !== undefined) query.stages = q.stage;
  if (q.remote !== undefined) query.remote = q.remote;
  if (q.status !== undefined) query.status = q.status;
  if (q.sort !== undefined) query.sort = q.sort;
  if (q.order !== undefined) query.order = q.order;
  if (q.cursor !== undefined) query.cursor = q.cursor;
  if (q.page !== undefined) query.page = q.page;
  if (q.rejected !== 'include') query.rejected = q.rejected === 'only';
  return query;
}

/**
 * Each listed posting's JSON, kept as long as the item object lives. The store hands out the
 * same frozen item for as long as its listing cache holds the posting unchanged, so a page
 * asked for again is assembled from strings instead of serializing ~2 KB per posting anew.
 */
const itemJson = {
  full: new WeakMap<JobListItem, string>(),
  compact: new WeakMap<JobListItem, string>(),
};
type View = keyof typeof itemJson;

type JobListBody = z.output<typeof JobList>;

/** A listed posting as the contract shows it: a posting without an application is discovered. */
function toWire(item: JobListItem, view: View): JobListBody['items'][number] {
  const wire = { ...item, stage: item.stage ?? 'discovered' };
  if (view === 'full') return wire;
  const { descriptionHtml: _html, descriptionText: _text, ...compact } = wire;
  return compact;
}

function jsonOf(item: JobListItem, view: View): string {
  const memo = itemJson[view];
  const held = memo.get(item);
  if (held !== undefined) return held;
  const text = JSON.stringify(toWire(item, view));
  // Only a frozen item is known not to change under its memo.
  if (Object.isFrozen(item)) memo.set(item, text);
  return text;
}

export function registerJobRoutes(app: OpenAPIHono, ctx: EngineContext): void {
  app.openapi(listJobsRoute, async (c) => {
    const query = c.req.valid('query');
    const page = await listJobs(ctx, toJobQuery(query));
    const body = `{"items":[${page.items.map((item) => jsonOf(item, query.view)).join(',')}],"total_count":${page.totalCount},"next_cursor":${JSON.stringify(page.nextCursor)}}`;
    // The body is JobListBody written out by hand (toWire types each item), so the typed
    // response is declared rather than inferred.
    return c.body(body, 200, {
      'content-type': 'application/json',
    }) as unknown as TypedResponse<JobListBody, 200, 'json'>;
  });

  app.openapi(listMatchesRoute, async (c) => {
    const q = c.req.valid('query');
    const items = await listMatches(ctx, {
      limit: q.limit,
      ...(q.min_score === undefined ? {} : { minScore: q.min_score }),
      ...(q.rejected === 'include' ? {} : { rejected: q.rejected === 'only' }),
    });
    return c.json({ items }, 200);
  });

  app.openapi(overrideJobRoute, async (c) => {
    const body = c.req.header('content-type')?.includes('json') ? c.req.valid('json') : undefined;
    const { match } = await overrideFilter(ctx, {
      jobId: c.req.valid('param').id,
      actor: 'api',
      undo: body?.undo ?? false,
    });
    return c.json(match, 200);
  });

  app.openapi(getJobRoute, async (c) => {
    const detail = await getJobDetail(ctx, c.req.valid('param').id);
    return c.json(detail, 200);
  });
}
