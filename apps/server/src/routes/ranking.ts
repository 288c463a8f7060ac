import type { OpenAPIHono } from '@hono/zod-openapi';
import { getProfileRoute, rankRoute } from '@applydesk/api-contract';
import {
  rankedList,
  rankJobs,
  refineRanking,
  resolveProfile,
  type EngineContext,
} from '@applydesk/engine';

export function registerRankingRoutes(app: OpenAPIHono, ctx: EngineContext): void {
  app.openapi(getProfileRoute, async (c) => c.json(await resolveProfile(ctx), 200));

  app.openapi(rankRoute, async (c) => {
    const body = c.req.header('content-type')?.includes('json')
      ? c.req.valid('json')
      : { top: 10, refine: false, profile_id: undefined };
    const profile = body.profile_id === undefined ? {} : { profileId: body.profile_id };
    const ranked = await rankJobs(ctx, { actor: 'api', ...profile });
    const refined = body.refine
      ? await refineRanking(ctx, { top: body.top, ...profile })
      : undefined;
    const items = (await rankedList(ctx, { limit: body.top, ...profile })).map((item) => ({
      ...item,
      // As in listings: a posting without an application is `discovered`.
      job: { ...item.job, stage: item.job.stage ?? 'discovered' },
    }));
    return c.json({ ranked, ...(refined === undefined ? {} : { refined }), items }, 200);
  });
}
