import { OpenAPIHono } from '@hono/zod-openapi';
import { HTTPException } from 'hono/http-exception';
import { isDomainError } from '@applydesk/domain';
import type { EngineContext } from '@applydesk/engine';
import type { Logger } from './logger.js';
import { registerDocsPage } from './pages/docs.js';
import { registerHomePage } from './pages/home.js';
import { domainErrorResponse, problemBody, problemResponse } from './problem.js';
import { registerCaptureRoutes } from './routes/captures.js';
import { registerJobRoutes } from './routes/jobs.js';
import { registerRankingRoutes } from './routes/ranking.js';
import { registerSystemRoutes } from './routes/system.js';

export interface AppDeps {
  ctx: EngineContext;
  logger: Logger;
}

/** The HTTP application, without a socket: tests call `app.request()` on it directly. */
export function createApp({ ctx, logger }: AppDeps): OpenAPIHono {
  const app = new OpenAPIHono({
    defaultHook: (result, c) => {
      if (result.success) return undefined;
      const errors = result.error.issues.map((i) => ({
        path: i.path.map(String).join('.') || '(root)',
        reason: i.message,
      }));
      return problemResponse(
        c,
        400,
        problemBody(400, 'INVALID_INPUT', errors.map((e) => `${e.path}: ${e.reason}`).join('; '), {
          errors,
        }),
      );
    },
  });

  app.use(async (c, next) => {
    const started = performance.now();
    await next();
    if (c.req.path.startsWith('/api/') || c.res.status >= 400) {
      logger.info(
        {
          method: c.req.method,
          path: c.req.path,
          status: c.res.status,
          ms: Math.round(performance.now() - started),
        },
        'request',
      );
    }
  });
  app.use('/api/*', async (c, next) => {
    await next();
    c.header('Cache-Control', 'no-store');
  });

  registerSystemRoutes(app, ctx);
  registerJobRoutes(app, ctx);
  registerRankingRoutes(app, ctx);
  registerCaptureRoutes(app, ctx);
  registerDocsPage(app);
  registerHomePage(app);

  app.notFound((c) =>
    problemResponse(
      c,
      404,
      problemBody(404, 'NOT_FOUND', `no route for ${c.req.method} ${c.req.path}`),
    ),
  );
  app.onError((error, c) => {
    if (isDomainError(error)) return domainErrorResponse(c, error);
    if (error instanceof HTTPException) {
      return problemResponse(
        c,
        error.status,
        problemBody(error.status, 'INVALID_INPUT', error.message),
      );
    }
    logger.error({ err: error, path: c.req.path }, 'unhandled error');
    return problemResponse(
      c,
      500,
      problemBody(500, 'INTERNAL', 'the server failed to answer this request; see its log'),
    );
  });
  return app;
}
