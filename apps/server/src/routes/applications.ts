import type { OpenAPIHono } from '@hono/zod-openapi';
import {
  applicationHistoryRoute,
  insightsRoute,
  listApplicationsRoute,
  moveStageRoute,
} from '@applydesk/api-contract';
import {
  applicationHistory,
  insights,
  listApplications,
  moveApplication,
  type EngineContext,
} from '@applydesk/engine';

export function registerApplicationRoutes(app: OpenAPIHono, ctx: EngineContext): void {
  app.openapi(moveStageRoute, async (c) => {
    const body = c.req.valid('json');
    const application = await moveApplication(ctx, {
      jobId: c.req.valid('param').id,
      stage: body.stage,
      actor: 'api',
      ...(body.note === undefined ? {} : { note: body.note }),
    });
    return c.json(application, 200);
  });

  app.openapi(listApplicationsRoute, async (c) => {
    const q = c.req.valid('query');
    const items = await listApplications(ctx, {
      limit: q.limit,
      ...(q.stage === undefined ? {} : { stage: q.stage }),
    });
    return c.json({ items }, 200);
  });

  app.openapi(applicationHistoryRoute, async (c) =>
    c.json({ items: await applicationHistory(ctx, c.req.valid('param').id) }, 200),
  );

  app.openapi(insightsRoute, async (c) => c.json(await insights(ctx), 200));
}
