import type { OpenAPIHono } from '@hono/zod-openapi';
import {
  getJobRoute,
  listJobsRoute,
  overrideJobRoute,
  type JobListQuery,
} from '@applydesk/api-contract';
import {
  getJobDetail,
  listJobs,
  overrideFilter,
  type EngineContext,
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

export function registerJobRoutes(app: OpenAPIHono, ctx: EngineContext): void {
  app.openapi(listJobsRoute, async (c) => {
    const page = await listJobs(ctx, toJobQuery(c.req.valid('query')));
    return c.json(
      {
        items: page.items.map((item) => ({ ...item, stage: item.stage ?? 'discovered' })),
        total_count: page.totalCount,
        next_cursor: page.nextCursor,
      },
      200,
    );
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
