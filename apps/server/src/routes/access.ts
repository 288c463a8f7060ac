import type { OpenAPIHono } from '@hono/zod-openapi';
import { pairRoute } from '@applydesk/api-contract';
import { redeemPairingCode, storeStats, type EngineContext } from '@applydesk/engine';
import type { Logger } from '../logger.js';
import type { QueueDepths, ServerMetrics } from '../metrics.js';

export function registerAccessRoutes(
  app: OpenAPIHono,
  ctx: EngineContext,
  deps: { logger: Logger; metrics: ServerMetrics; queues: () => QueueDepths },
): void {
  app.openapi(pairRoute, async (c) => {
    const { token, secret } = await redeemPairingCode(ctx, c.req.valid('json').code);
    // The name only: the secret must never reach a log.
    deps.logger.info({ tokenName: token.name, scope: token.scope }, 'paired an API token');
    return c.json({ token: secret, name: token.name, scope: token.scope }, 200);
  });

  app.get('/metrics', async (c) => {
    const body = await deps.metrics.render(await storeStats(ctx), deps.queues());
    return c.body(body, 200, {
      'content-type': deps.metrics.contentType,
      'cache-control': 'no-store',
    });
  });
}
