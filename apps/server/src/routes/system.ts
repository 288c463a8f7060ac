import type { OpenAPIHono } from '@hono/zod-openapi';
import { healthRoute, OPENAPI_INFO } from '@applydesk/api-contract';
import type { EngineContext } from '@applydesk/engine';

export function registerSystemRoutes(app: OpenAPIHono, ctx: EngineContext): void {
  app.openapi(healthRoute, async (c) => {
    const database = await ctx.store
      .health()
      .catch(() => ({ ok: false, dialect: ctx.store.dialect, schemaVersion: 'unknown' }));
    const body = {
      status: database.ok ? ('ok' as const) : ('degraded' as const),
      version: OPENAPI_INFO.info.version,
      database,
    };
    return database.ok ? c.json(body, 200) : c.json(body, 503);
  });

  app.doc31('/api/openapi.json', OPENAPI_INFO);
}
