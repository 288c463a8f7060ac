import type { OpenAPIHono } from '@hono/zod-openapi';
import { importProfileRoute, updateProfileRoute } from '@applydesk/api-contract';
import { reimportProfile, updateProfile, type EngineContext } from '@applydesk/engine';

/** Editing the default profile and importing a resume into it, from the dashboard. */
export function registerProfileRoutes(app: OpenAPIHono, ctx: EngineContext): void {
  app.openapi(updateProfileRoute, async (c) => {
    const { profile, ranked } = await updateProfile(ctx, c.req.valid('json'), { actor: 'api' });
    return c.json({ profile, ranked }, 200);
  });

  app.openapi(importProfileRoute, async (c) => {
    const { file } = c.req.valid('form');
    const result = await reimportProfile(
      ctx,
      {
        bytes: new Uint8Array(await file.arrayBuffer()),
        fileName: file.name === '' ? 'resume' : file.name,
        ...(file.type === '' ? {} : { mediaType: file.type }),
      },
      { actor: 'api', dryRun: c.req.valid('query').dry_run === 'true' },
    );
    return c.json(result, 200);
  });
}
