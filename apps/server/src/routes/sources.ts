import type { OpenAPIHono } from '@hono/zod-openapi';
import { listSourcesRoute, runSourceRoute } from '@applydesk/api-contract';
import { isDomainError } from '@applydesk/domain';
import { sourceRunner, sourceStatuses, type EngineContext } from '@applydesk/engine';
import { domainErrorResponse } from '../problem.js';

export function registerSourceRoutes(app: OpenAPIHono, ctx: EngineContext): void {
  const runner = sourceRunner(ctx);

  app.openapi(listSourcesRoute, async (c) => {
    const items = (await sourceStatuses(ctx)).map((status) => ({
      ...status,
      // A run started here that is still under way, so a reloaded page shows it running.
      running: runner.running(status.name),
    }));
    return c.json({ items }, 200);
  });

  app.openapi(runSourceRoute, async (c) => {
    const body = c.req.header('content-type')?.includes('json')
      ? c.req.valid('json')
      : { force: false };
    try {
      const { id, source, startedAt } = await runner.start(c.req.valid('param').name, {
        actor: 'api',
        force: body.force,
      });
      return c.json({ run: { id, source, startedAt } }, 202);
    } catch (error) {
      if (!isDomainError(error, 'RATE_LIMITED')) throw error;
      // The source's own back-off, not this API's limit: say when it may be tried again.
      const res = domainErrorResponse(c, error);
      const retryAt = error.details?.retryAt;
      if (typeof retryAt === 'string') {
        const seconds = Math.ceil((Date.parse(retryAt) - ctx.now().getTime()) / 1000);
        res.headers.set('Retry-After', String(Math.max(1, seconds)));
      }
      return res as never;
    }
  });
}
