import type { OpenAPIHono } from '@hono/zod-openapi';
import { postCaptureRoute } from '@applydesk/api-contract';
import { ingestCapture, type EngineContext } from '@applydesk/engine';

export function registerCaptureRoutes(app: OpenAPIHono, ctx: EngineContext): void {
  app.openapi(postCaptureRoute, async (c) => {
    const result = await ingestCapture(ctx, c.req.valid('json'), 'extension');
    return c.json(result, 200);
  });
}
