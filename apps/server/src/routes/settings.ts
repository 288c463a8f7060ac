import type { OpenAPIHono } from '@hono/zod-openapi';
import {
  createTokenRoute,
  getSettingsRoute,
  listTokensRoute,
  revokeTokenRoute,
  updateSettingsRoute,
} from '@applydesk/api-contract';
import {
  createApiToken,
  listApiTokens,
  readSettings,
  revokeApiToken,
  updateSettings,
  type EngineContext,
} from '@applydesk/engine';

/** Settings the dashboard reads and changes, and the API tokens it manages. */
export function registerSettingsRoutes(app: OpenAPIHono, ctx: EngineContext): void {
  app.openapi(getSettingsRoute, (c) => c.json(readSettings(ctx), 200));

  app.openapi(updateSettingsRoute, async (c) => {
    const { settings, ranked } = await updateSettings(ctx, c.req.valid('json'), { actor: 'api' });
    return c.json(
      {
        ...settings,
        ranked:
          ranked === null
            ? null
            : { scored: ranked.scored, written: ranked.written, shortlisted: ranked.shortlisted },
      },
      200,
    );
  });

  app.openapi(listTokensRoute, async (c) => {
    const items = await listApiTokens(ctx, { includeRevoked: c.req.valid('query').all === 'true' });
    return c.json({ items }, 200);
  });

  app.openapi(createTokenRoute, async (c) => {
    const body = c.req.valid('json');
    const created = await createApiToken(ctx, { name: body.name, scope: body.scope });
    return c.json({ token: created.secret, item: created.token }, 201);
  });

  app.openapi(revokeTokenRoute, async (c) =>
    c.json(await revokeApiToken(ctx, c.req.valid('param').id), 200),
  );
}
